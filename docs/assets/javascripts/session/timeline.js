// The guided session as a timeline of steps, and a player that walks it by the clock. Pure (no
// DOM, no timers), so Node's test runner imports it (tests/js/): the page calls tick(now) and
// draws what view() says.
//
// Each exercise: get ready, then each set (both sides in turn when the dose says "each side"),
// with the dose's rest between sets. A set's repetitions follow the moving figure's timing (out
// to the end position, the hold there, back, a pause at the start); the dose's hold replaces the
// drawing's hold. A step with no timing (no repetitions or hold given, no rest given) waits for
// the patient.

/**
 * One repetition's timing, from the moving figure (kneeguide/pages/motion.py `tempo`), in seconds.
 * @typedef {{out: number, hold: number, back: number, tail: number}} Tempo
 */
/**
 * An exercise of the session: the program's dose and the figure's timing.
 * @typedef {object} Entry
 * @property {string} slug
 * @property {number} [s] sets
 * @property {number} [r] repetitions
 * @property {number} [h] hold, in seconds
 * @property {number} [t] rest between sets, in seconds
 * @property {boolean} [e] on each side
 * @property {Tempo | null} tempo
 */
/**
 * @typedef {object} Step
 * @property {"ready" | "work" | "switch" | "rest"} kind
 * @property {number} exercise the entry's index
 * @property {number} set 1 first
 * @property {number} sets
 * @property {number} side 1 or 2 on each side, else 0
 * @property {number} reps repetitions of a work step (1 for a hold alone)
 * @property {boolean} counted whether the dose gives repetitions to count
 * @property {number} hold the dose's hold, in seconds (0: none)
 * @property {number | null} seconds how long it lasts; null: until the patient moves on
 * @property {Tempo | null} tempo
 * @property {boolean} closes finishing it finishes a set
 */
/**
 * @typedef {object} Player
 * @property {number} index the current step (steps.length: the end)
 * @property {number} into seconds into the current step, at `at`
 * @property {number} at the clock, in milliseconds
 * @property {boolean} paused
 * @property {readonly number[]} completed the steps finished (a skipped step is not)
 */
/**
 * @typedef {object} View
 * @property {Step | null} step null at the end
 * @property {number} index
 * @property {number} left whole seconds left of the step (0 when it waits)
 * @property {number} rep the repetition under way, 1 first (0 outside work)
 * @property {"out" | "hold" | "back" | "tail" | null} phase
 * @property {number} holdLeft whole seconds left of the hold (0 outside a hold)
 * @property {number} figure the moving figure's time, in seconds
 */

/**
 * Seconds of one repetition: the figure's timing with the dose's hold, or the hold alone.
 * @param {Tempo | null} tempo
 * @param {number} hold
 */
export function repSeconds(tempo, hold) {
  if (!tempo) return hold || null;
  return tempo.out + (hold || tempo.hold) + tempo.back + tempo.tail;
}

/**
 * The work step of one set (and side) of an entry.
 * @param {Entry} entry
 * @param {number} exercise
 * @param {{set: number, sets: number, side: number, closes: boolean}} where
 * @returns {Step}
 */
function work(entry, exercise, where) {
  const hold = entry.h ?? 0;
  const reps = entry.r ?? (hold ? 1 : 0);
  const each = repSeconds(entry.tempo, hold);
  const seconds = reps && each ? reps * each : null;
  return { kind: "work", exercise, ...where, reps, counted: entry.r !== undefined, hold, seconds, tempo: entry.tempo };
}

/**
 * Every step of a session, in order.
 * @param {Entry[]} entries
 * @param {{ready: number, switch: number}} pauses seconds to get ready and to change sides
 * @returns {Step[]}
 */
export function plan(entries, pauses) {
  /** @type {Step[]} */
  const steps = [];
  entries.forEach((entry, exercise) => {
    const sets = entry.s ?? 1;
    const base = { exercise, sets, reps: 0, counted: false, hold: 0, tempo: entry.tempo, closes: false };
    steps.push({ ...base, kind: "ready", set: 1, side: 0, seconds: pauses.ready });
    for (let set = 1; set <= sets; set += 1) {
      if (entry.e) {
        steps.push(work(entry, exercise, { set, sets, side: 1, closes: false }));
        steps.push({ ...base, kind: "switch", set, side: 2, seconds: pauses.switch });
        steps.push(work(entry, exercise, { set, sets, side: 2, closes: true }));
      } else steps.push(work(entry, exercise, { set, sets, side: 0, closes: true }));
      if (set < sets) steps.push({ ...base, kind: "rest", set: set + 1, side: 0, seconds: entry.t ?? null });
    }
  });
  return steps;
}

/**
 * A player at the first step.
 * @param {number} now milliseconds
 * @returns {Player}
 */
export function start(now) {
  return { index: 0, into: 0, at: now, paused: false, completed: [] };
}

/**
 * The player moved on to `now`: every step whose time is up is finished.
 * @param {readonly Step[]} steps
 * @param {Player} player
 * @param {number} now milliseconds
 * @returns {Player}
 */
export function tick(steps, player, now) {
  if (player.paused || player.index >= steps.length) return { ...player, at: now };
  let { index, into } = player;
  const completed = [...player.completed];
  into += Math.max(0, now - player.at) / 1000;
  for (let seconds = steps[index]?.seconds; seconds != null && into >= seconds; seconds = steps[index]?.seconds) {
    into -= seconds;
    completed.push(index);
    index += 1;
  }
  return { ...player, index, into: index >= steps.length ? 0 : into, at: now, completed };
}

/**
 * @param {readonly Step[]} steps
 * @param {Player} player
 * @param {number} now
 */
export function pause(steps, player, now) {
  return { ...tick(steps, player, now), paused: true };
}

/**
 * @param {Player} player
 * @param {number} now
 */
export function resume(player, now) {
  return { ...player, paused: false, at: now };
}

/**
 * The next step now: the current one finished (`done`, as a patient ends a step that waits) or
 * skipped (not counted).
 * @param {readonly Step[]} steps
 * @param {Player} player
 * @param {number} now
 * @param {boolean} [done]
 * @returns {Player}
 */
export function next(steps, player, now, done = false) {
  const at = tick(steps, player, now);
  if (at.index >= steps.length) return at;
  return { ...at, index: at.index + 1, into: 0, completed: done ? [...at.completed, at.index] : at.completed };
}

/**
 * Where a repetition is: its phase, the hold's seconds left, and the moving figure's time.
 * @param {Tempo} tempo
 * @param {number} hold the dose's hold (0: the drawing's)
 * @param {number} into seconds into the repetition
 * @returns {Pick<View, "phase" | "holdLeft" | "figure">}
 */
export function within(tempo, hold, into) {
  const held = hold || tempo.hold;
  const { out, back } = tempo;
  if (into < out) return { phase: "out", holdLeft: 0, figure: into };
  if (into < out + held) return { phase: "hold", holdLeft: Math.ceil(out + held - into), figure: out };
  const after = out + tempo.hold + (into - out - held);
  return { phase: into < out + held + back ? "back" : "tail", holdLeft: 0, figure: after };
}

/**
 * What the page shows now.
 * @param {readonly Step[]} steps
 * @param {Player} player
 * @returns {View}
 */
export function view(steps, player) {
  const step = steps[player.index] ?? null;
  const left = step?.seconds != null ? Math.max(0, Math.ceil(step.seconds - player.into - 1e-9)) : 0;
  const base = { step, index: player.index, left, rep: 0, phase: null, holdLeft: 0, figure: 0 };
  if (!step || step.kind !== "work") return base;
  const each = repSeconds(step.tempo, step.hold);
  if (!each || !step.seconds) return { ...base, figure: step.tempo ? player.into % cycle(step.tempo) : 0 };
  const rep = Math.min(step.reps, Math.floor(player.into / each) + 1);
  const into = player.into - (rep - 1) * each;
  if (!step.tempo) return { ...base, rep, phase: "hold", holdLeft: Math.ceil(each - into - 1e-9) };
  return { ...base, rep, ...within(step.tempo, step.hold, into) };
}

/** @param {Tempo} tempo the moving figure's cycle, in seconds */
export function cycle(tempo) {
  return tempo.out + tempo.hold + tempo.back + tempo.tail;
}

/**
 * The sets finished of each exercise, by slug.
 * @param {readonly Step[]} steps
 * @param {Player} player
 * @param {readonly Entry[]} entries
 * @returns {Map<string, number>}
 */
export function setsDone(steps, player, entries) {
  /** @type {Map<string, number>} */
  const done = new Map();
  for (const index of player.completed) {
    const step = steps[index];
    if (step.kind !== "work" || !step.closes) continue;
    const slug = entries[step.exercise].slug;
    done.set(slug, (done.get(slug) ?? 0) + 1);
  }
  return done;
}
