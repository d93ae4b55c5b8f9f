// The guided session on a patient's program: "Start session" plays today's exercises in order,
// with the moving figure, the clinician's dose, a count at the figure's pace, holds, rests, and
// pause, skip, "too painful" and end. The sets it finishes go into the companion's record for
// today's session as they finish. timeline.js decides; this module only wires the page to it.

import { SESSION } from "../common/contract.js";
import { button, element } from "../common/dom.js";
import { fillFigures, inSession } from "../companion/log.js";
import { dosageText } from "../program/link.js";
import { Awake, Beeper, buzz, canVibrate } from "./cues.js";
import { announcement, countText, nextText, phaseText, stepTitle } from "./describe.js";
import { sessionFigure } from "./figure.js";
import { saveSets, todaysSession } from "./record.js";
import { sessionScreen, setText } from "./screen.js";
import { next, pause, plan, resume, setsDone, start, tick, view } from "./timeline.js";
import { fill } from "./words.js";

/** @typedef {import("../program/link.js").DecodedItem} DecodedItem */
/** @typedef {import("../program/page-data.js").Exercise} Exercise */
/** @typedef {import("./timeline.js").Entry} Entry */
/** @typedef {import("./timeline.js").Step} Step */
/** @typedef {import("./timeline.js").Player} Player */
/** @typedef {import("./screen.js").Screen} Screen */
/** @typedef {import("./figure.js").SessionFigure} SessionFigure */

/**
 * @typedef {object} Options
 * @property {Map<string, Exercise>} exercises
 * @property {import("./words.js").SessionWords} words
 * @property {import("../program/page-data.js").PageData["painRule"]} painRule
 * @property {string} triage the address of the page listing the warning signs
 * @property {import("./record.js").Owner} owner
 * @property {() => void} onClose after the session, so the companion shows the sets ticked
 */

/**
 * @typedef {object} Run one session being played
 * @property {DecodedItem[]} items today's exercises, in order
 * @property {Entry[]} entries
 * @property {Step[]} steps
 * @property {string[]} names
 * @property {Player} player
 * @property {Screen} screen
 * @property {SessionFigure | null} figure
 * @property {number} shown the step on screen (-1: none yet)
 * @property {number} rep the repetition on screen
 * @property {string} saved the sets last written, as JSON
 * @property {boolean} unsaved the last write failed (storage blocked or full)
 * @property {boolean} over
 */

const reduced = matchMedia("(prefers-reduced-motion: reduce)");
const awake = new Awake();
const beeper = new Beeper();

/**
 * Today's exercises of the program: those in the guide, and in today's session to do now.
 * @param {DecodedItem[]} items
 * @param {Options} options
 */
function todaysItems(items, options) {
  const session = todaysSession(options.owner, new Date());
  return items.filter((item) => options.exercises.has(item.slug) && inSession(item, session));
}

/**
 * @param {DecodedItem} item
 * @param {Options} options
 * @returns {Entry}
 */
function entryOf(item, options) {
  const tempo = options.exercises.get(item.slug)?.figure?.motion.tempo ?? null;
  return { slug: item.slug, s: item.s, r: item.r, h: item.h, t: item.t, e: item.e, tempo };
}

/**
 * A cue at a new step or repetition: a beep when sound is on, a buzz when vibration is.
 * @param {Run} run
 * @param {"step" | "rep"} cue
 */
function cue(run, cue) {
  if (run.screen.sound.checked) beeper.play(cue);
  if (run.screen.vibrate?.checked) buzz(cue);
}

/**
 * The exercise's name, dose and figure, when the session moves on to another exercise.
 * @param {Run} run
 * @param {Step} step
 * @param {Options} options
 */
function showExercise(run, step, options) {
  const item = run.items[step.exercise];
  setText(run.screen.exercise, run.names[step.exercise]);
  setText(run.screen.dose, dosageText(item));
  const exercise = options.exercises.get(item.slug);
  run.figure = sessionFigure(exercise?.figure ?? null, reduced.matches);
  run.screen.figure.replaceChildren(run.figure.node);
}

/**
 * Draws the step on screen: a new step is announced, and cued.
 * @param {Run} run
 * @param {import("./timeline.js").View} now
 * @param {Options} options
 */
function draw(run, now, options) {
  const { screen, steps, names } = run;
  const step = /** @type {Step} */ (now.step);
  const words = options.words;
  if (now.index !== run.shown) {
    if (run.shown < 0 || steps[run.shown]?.exercise !== step.exercise) showExercise(run, step, options);
    run.shown = now.index;
    run.rep = now.rep;
    setText(screen.step, stepTitle(step, names, words));
    setText(screen.next, nextText(steps, now.index, names, words));
    screen.live.textContent = announcement(steps, now, names, words);
    screen.done.hidden = !(step.kind === "work" && step.seconds === null);
    cue(run, "step");
  } else if (now.rep !== run.rep) {
    run.rep = now.rep;
    cue(run, "rep");
  }
  setText(screen.count, countText(now, words));
  setText(screen.phase, phaseText(now, words));
  if (!reduced.matches) run.figure?.show(now.figure);
}

/**
 * Writes the sets finished so far, when they changed.
 * @param {Run} run
 * @param {Options} options
 */
function keep(run, options) {
  const done = setsDone(run.steps, run.player, run.entries);
  const text = JSON.stringify([...done]);
  if (text === run.saved) return;
  run.unsaved = !saveSets(options.owner, done, new Date());
  if (!run.unsaved) run.saved = text;
}

/**
 * The end: what was ticked, or the pain rule's stop rule and the warning signs' link.
 * @param {Run} run
 * @param {Options} options
 * @param {boolean} painful
 */
function finish(run, options, painful) {
  if (run.over) return;
  run.over = true;
  run.player = pause(run.steps, run.player, Date.now());
  keep(run, options);
  awake.set(false);
  const { words, painRule } = options;
  const done = setsDone(run.steps, run.player, run.entries);
  const lines = run.entries
    .map((entry, index) => ({ entry, name: run.names[index], count: done.get(entry.slug) ?? 0 }))
    .filter(({ count }) => count > 0)
    .map(({ entry, name, count }) =>
      element("li", {}, fill(words.saved, { exercise: name, count, sets: entry.s ?? 1 })),
    );
  const after = run.screen.after;
  after.replaceChildren(
    element("h3", {}, painful ? words.stopped : words.finished),
    ...(painful ? painAdvice(painRule, options.triage, words) : []),
    lines.length
      ? element("ul", { id: "session-saved" }, ...lines)
      : element("p", { id: "session-none" }, words.none_saved),
    ...(lines.length && run.unsaved ? [element("p", { id: "session-unsaved", role: "alert" }, words.not_saved)] : []),
    element(
      "p",
      {},
      button(words.close, () => run.screen.dialog.close(), { id: "session-close" }),
    ),
  );
  run.screen.playing.hidden = true;
  after.hidden = false;
  run.screen.live.textContent = painful ? words.stopped : words.finished;
  after.focus();
}

/**
 * The pain rule's stop rule, with its figures, and the link to the warning signs.
 * @param {Options["painRule"]} rule
 * @param {string} triage
 * @param {import("./words.js").SessionWords} words
 */
function painAdvice(rule, triage, words) {
  const figures = { max_pain: rule.maxPain, settle_minutes: rule.settleMinutes, high_pain: rule.highPain };
  return [
    element(
      "div",
      { class: "admonition warning", id: "session-pain-rule" },
      element("p", {}, fillFigures(rule.stopRule, figures)),
    ),
    element("p", {}, element("a", { href: triage, id: "session-triage" }, words.triage)),
  ];
}

/**
 * One moment of the session: the clock moves the player on, the screen follows, the record
 * keeps the sets finished.
 * @param {Run} run
 * @param {Options} options
 */
function update(run, options) {
  if (run.over) return;
  run.player = tick(run.steps, run.player, Date.now());
  keep(run, options);
  const now = view(run.steps, run.player);
  if (!now.step) finish(run, options, false);
  else draw(run, now, options);
}

/**
 * Pause or resume: the button says what it will do; the screen stays awake only while playing.
 * @param {Run} run
 * @param {Options} options
 */
function toggle(run, options) {
  const now = Date.now();
  const paused = !run.player.paused;
  run.player = paused ? pause(run.steps, run.player, now) : resume(run.player, now);
  run.screen.pause.textContent = paused ? options.words.resume : options.words.pause;
  run.screen.dialog.classList.toggle("kg-session--paused", paused);
  awake.set(!paused);
  update(run, options);
}

/**
 * Moves on now: a skipped step is not counted; "Done" ends a step that waits, as finished.
 * @param {Run} run
 * @param {Options} options
 * @param {boolean} finished
 */
function moveOn(run, options, finished) {
  const wasPaused = run.player.paused;
  run.player = next(run.steps, { ...run.player, paused: false }, Date.now(), finished);
  run.player = { ...run.player, paused: wasPaused };
  update(run, options);
  if (!run.over && finished) run.screen.pause.focus();
}

/** @type {(() => void) | null} stops the session playing now */
let stopPlaying = null;

/**
 * Ends the session playing now, if any, without what closing it by hand does after (the
 * companion shown again, focus back on "Start session"): the page is about to show another
 * program, and replacing the view would take the dialog away without its "close", so without
 * stopping its clock or letting the screen sleep.
 */
export function endSession() {
  stopPlaying?.();
}

/**
 * Plays a session in a modal dialog until it ends or the patient closes it.
 * @param {DecodedItem[]} items
 * @param {Options} options
 * @param {HTMLElement} host where the dialog lives (inside the page's styles)
 */
function play(items, options, host) {
  const entries = items.map((item) => entryOf(item, options));
  const steps = plan(entries, { ready: SESSION.ready_seconds, switch: SESSION.switch_seconds });
  /** @type {Run} */
  const run = /** @type {Run} */ ({
    items,
    entries,
    steps,
    shown: -1,
    rep: 0,
    saved: "[]",
    unsaved: false,
    over: false,
  });
  run.names = items.map((item) => options.exercises.get(item.slug)?.name ?? item.slug);
  run.player = start(Date.now());
  run.screen = sessionScreen(
    options.words,
    {
      pause: () => toggle(run, options),
      skip: () => moveOn(run, options, false),
      done: () => moveOn(run, options, true),
      painful: () => finish(run, options, true),
      end: () => finish(run, options, false),
      sound: () => beeper.wake(),
    },
    canVibrate(),
  );
  host.append(run.screen.dialog);
  const timer = setInterval(() => update(run, options), 200);
  const frame = () => {
    update(run, options);
    if (!run.over) requestAnimationFrame(frame);
  };
  let ended = false;
  const stop = () => {
    ended = true;
    stopPlaying = null;
    run.over = true;
    clearInterval(timer);
    awake.set(false);
    if (run.screen.dialog.open) run.screen.dialog.close();
    run.screen.dialog.remove();
  };
  run.screen.dialog.addEventListener("close", () => {
    if (ended) return; // by endSession, whose close() fires this too
    stop();
    options.onClose();
  });
  stopPlaying = stop;
  run.screen.dialog.showModal();
  update(run, options);
  if (!reduced.matches) requestAnimationFrame(frame);
  awake.set(true);
  run.screen.heading.focus();
}

/**
 * "Start session" and what it does, for the patient's view of a program.
 * @param {DecodedItem[]} items the program's exercises
 * @param {Options} options
 * @param {HTMLElement} host
 */
export function sessionStart(items, options, host) {
  const begin = button(
    options.words.start,
    () => {
      const today = todaysItems(items, options);
      const onClose = () => {
        options.onClose();
        begin.focus();
      };
      if (today.length) play(today, { ...options, onClose }, host);
    },
    { id: "session-start", class: "md-button md-button--primary" },
  );
  return element("div", { class: "kg-session-start" }, element("p", {}, options.words.intro), element("p", {}, begin));
}
