// Today: the day's heading and warnings, the morning-after score, today's session (pain before,
// a tick per set, swelling, locking or giving way, done, pain after, settled in time) and the
// advice beside the answers it is about; then the PSFS, the chart and the record.

import { button, element } from "../common/dom.js";
import { plural } from "../common/words.js";
import { dosageText } from "../program/link.js";
import { adviceBox } from "./advice-box.js";
import { chartPart } from "./chart.js";
import {
  SIGNS,
  addDays,
  advice,
  currentSession,
  dayEntry,
  dayOf,
  inSession,
  lastSessionBefore,
  prescribedOn,
  sessionEntry,
  sessionsDone,
  setPain,
  setSets,
} from "./log.js";
import { psfsPart } from "./psfs.js";
import { recordPart } from "./record.js";
import { longDate, scoreForm } from "./ui.js";

/** @typedef {import("./mount.js").Companion} Companion */

/** The signs the patient can report, in their words. */
const SIGN_WORDS = { swelling: "It swelled up", locking: "It locked or got stuck", giving_way: "It gave way" };

/**
 * Did the knee swell, lock or give way? A tap says so at once: the advice then stops the day.
 * @param {Companion} c
 * @param {string} today
 */
function signsPart(c, today) {
  const given = new Set(c.record.days[today]?.signs ?? []);
  return element(
    "div",
    { class: "kg-signs", role: "group", "aria-labelledby": "companion-signs-label" },
    element("p", { id: "companion-signs-label" }, "During or after the session, did your knee do any of these?"),
    ...SIGNS.map((sign) =>
      button(
        `${given.has(sign) ? "✓ " : ""}${SIGN_WORDS[sign]}`,
        () => {
          const day = dayEntry(c.record, today);
          const now = new Set(day.signs ?? []);
          if (now.has(sign)) now.delete(sign);
          else now.add(sign);
          day.signs = SIGNS.filter((s) => now.has(s));
          if (!day.signs.length) delete day.signs;
          c.save();
          c.render(now.has(sign) ? `${SIGN_WORDS[sign]}: saved.` : `${SIGN_WORDS[sign]}: removed.`);
          if (now.has(sign)) document.getElementById("companion-advice")?.focus();
        },
        { id: `sign-${sign}`, "aria-pressed": String(given.has(sign)) },
      ),
    ),
  );
}

/**
 * Was the pain back to how it was before the session, within the rule's time?
 * @param {Companion} c
 * @param {string} today
 */
function settledPart(c, today) {
  /** @param {boolean} answer */
  const answer = (answer) => () => {
    dayEntry(c.record, today).settled = answer;
    c.save();
    c.render(answer ? "Saved: it settled in time." : "Saved: it had not settled in time.");
    document.getElementById("companion-advice")?.focus();
  };
  return element(
    "div",
    { class: "kg-settled", role: "group", "aria-labelledby": "companion-settled-label" },
    element(
      "p",
      { id: "companion-settled-label" },
      `${c.rule.settleMinutes} minutes after the session: was the pain back to how it was before you started?`,
    ),
    button("Yes", answer(true), { id: "settled-yes" }),
    " ",
    button("No", answer(false), { id: "settled-no" }),
  );
}

/** @typedef {import("./log.js").Day} Day */

/**
 * The day's heading, the storage warnings, and where the patient is in the program.
 * @param {Companion} c
 * @param {string} today
 */
function heading(c, today) {
  const previous = lastSessionBefore(c.record, today);
  const first = Object.keys(c.record.days).sort()[0];
  const dayNumber = first && first < today ? Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000) + 1 : 1;
  return [
    element("h2", { id: "companion-heading" }, `Today: ${longDate(today)}`),
    element("p", { id: "companion-status", class: "kg-sr-only", role: "status" }),
    ...c.warnings.map((text) => element("div", { class: "admonition warning", role: "alert" }, element("p", {}, text))),
    element(
      "p",
      { class: "kg-day" },
      `Day ${dayNumber} of your program. `,
      previous ? `Your last session was on ${longDate(previous)}.` : "No session recorded before today.",
    ),
  ];
}

/**
 * The morning after a session: how the knee settled (nothing on other days).
 * @param {Companion} c
 * @param {string} today
 */
function morning(c, today) {
  const previous = lastSessionBefore(c.record, today);
  if (!previous || previous !== addDays(today, -1) || c.record.days[previous].painMorning !== undefined) return null;
  return painForm(c, "pain-morning", "How is your knee this morning, after yesterday's session?", {
    date: previous,
    when: "painMorning",
    saved: "this morning",
    next: "companion-advice",
    hint: `${c.rule.scale} The guide's limit is ${c.rule.maxPain}.`,
  });
}

/**
 * A pain score saved to the record as it is given: the page is redrawn, announcing the score,
 * and the next thing to do takes the focus.
 * @param {Companion} c
 * @param {string} id
 * @param {string} question
 * @param {{date: string, when: "painBefore" | "painAfter" | "painMorning", saved: string, next: string, hint: string, note?: boolean}} how
 */
function painForm(c, id, question, { date, when, saved, next, hint, note = false }) {
  /** @type {(score: number, text: string) => void} */
  const save = (score, text) => {
    setPain(c.record, date, when, score);
    if (text) c.record.days[date].note = text;
    c.save();
    c.render(`Saved: ${score} out of 10 ${saved}.`);
    document.getElementById(next)?.focus();
  };
  return scoreForm(id, question, save, { hint, note });
}

/**
 * The session's heading when the program asks for more than one a day.
 * @param {number} session 0 first
 * @param {number} prescribed
 */
function sessionHeading(session, prescribed) {
  return prescribed > 1 ? `Session ${session + 1} of ${prescribed} today` : "Today's session";
}

/**
 * A session, a tick per set (or one per exercise when no sets are given): the one to do now,
 * or the day's last once all are done.
 * @param {Companion} c
 * @param {string} today
 * @param {Day | null} day
 * @param {number} session 0 first
 */
function ticks(c, today, day, session) {
  const list = element("ol", { class: "kg-today" });
  for (const item of c.items) {
    const exercise = c.options.exercises.get(item.slug);
    if (!exercise || !inSession(item, session)) continue;
    const sets = item.s ?? 1;
    const done = day?.sessions[session]?.sets[item.slug] ?? 0;
    const group = element("div", { class: "kg-sets", role: "group", "aria-label": `${exercise.name}: sets done` });
    for (let set = 1; set <= sets; set += 1) {
      const pressed = set <= done;
      const label = item.s ? `Set ${set}` : "Done";
      group.append(
        button(
          `${pressed ? "✓ " : ""}${label}`,
          () => {
            setSets(c.record, today, item.slug, pressed ? set - 1 : set, session);
            c.save();
            const now = c.record.days[today].sessions[session].sets[item.slug];
            c.render(`${exercise.name}: ${plural(now, "set")} of ${sets} done.`);
          },
          {
            id: `tick-${item.slug}-${set}`,
            "aria-pressed": String(pressed),
            "aria-label": `${exercise.name}: ${label}${item.s ? ` of ${sets}` : ""}`,
          },
        ),
      );
    }
    list.append(
      element("li", { "data-slug": item.slug }, element("strong", {}, exercise.name), ": ", dosageText(item), group),
    );
  }
  return list;
}

/**
 * The pain before the session: asked until given.
 * @param {Companion} c
 * @param {string} today
 * @param {Day | null} day
 */
function before(c, today, day) {
  if (day?.painBefore !== undefined)
    return element("p", { id: "companion-before" }, `Pain before today's session: ${day.painBefore} out of 10.`);
  return painForm(c, "pain-before", "Before you start: how much does your knee hurt now?", {
    date: today,
    when: "painBefore",
    saved: "before the session",
    next: `tick-${c.items[0]?.slug ?? ""}-1`,
    hint: c.rule.scale,
  });
}

/**
 * "Done" for the session, then, after the day's first, the pain after it and whether it settled
 * in time.
 * @param {Companion} c
 * @param {string} today
 * @param {Day | null} day
 * @param {number | null} session the session to do now (0 first), or null when all are done
 * @param {number} prescribed
 */
function after(c, today, day, session, prescribed) {
  /** @type {HTMLElement[]} */
  const parts = [];
  const done = sessionsDone(day);
  if (session !== null) {
    const last = session + 1 >= prescribed;
    const finish = () => {
      sessionEntry(c.record, today, session).done = true;
      c.save();
      const first = sessionsDone(c.record.days[today]) === 1;
      c.render(
        last
          ? "Done for today. Now record how your knee feels."
          : `Session ${session + 1} of ${prescribed} done.${first ? " Now record how your knee feels." : ""}`,
      );
      document.getElementById(first ? "pain-after" : "companion-session")?.focus();
    };
    const label = prescribed > 1 ? `Done: session ${session + 1} of ${prescribed}` : "Done for today";
    parts.push(
      element("p", {}, button(label, finish, { id: "companion-done", class: "md-button md-button--primary" })),
    );
  }
  if (!day || done === 0) return parts;
  parts.unshift(
    element(
      "p",
      { class: "kg-done", id: "companion-done-note" },
      session === null ? "Done for today. Well done." : `${plural(done, "session")} of ${prescribed} done today.`,
    ),
  );
  if (day.painAfter === undefined) {
    parts.push(
      painForm(c, "pain-after", "How is your knee now, after the session?", {
        date: today,
        when: "painAfter",
        saved: "after the session",
        next: "companion-advice",
        hint: c.rule.scale,
        note: true,
      }),
    );
    return parts;
  }
  parts.push(element("p", {}, `Pain after today's session: ${day.painAfter} out of 10.`));
  const stopped = advice(c.record, today, c.rule).kind === "stop";
  if (!stopped && day.settled === undefined && day.painAfter > (day.painBefore ?? 0)) parts.push(settledPart(c, today));
  return parts;
}

/**
 * Every part of the companion, for today. The advice stands beside the answers it is about:
 * today's session's, or else the last one's.
 * @param {Companion} c
 */
export function parts(c) {
  const today = dayOf(new Date());
  const day = Object.hasOwn(c.record.days, today) ? c.record.days[today] : null;
  const prescribed = prescribedOn(c.record, today);
  const session = currentSession(day, prescribed);
  const shown = session ?? prescribed - 1;
  const aboutToday = day !== null && (day.painAfter !== undefined || Boolean(day.signs?.length));
  return [
    ...heading(c, today),
    morning(c, today),
    aboutToday ? null : adviceBox(c, today),
    element("h3", { id: "companion-session", tabindex: "-1" }, sessionHeading(shown, prescribed)),
    before(c, today, day),
    ticks(c, today, day, shown),
    signsPart(c, today),
    ...after(c, today, day, session, prescribed),
    aboutToday ? adviceBox(c, today) : null,
    psfsPart(c, today),
    chartPart(c.record),
    recordPart(c),
  ].filter((node) => node !== null);
}
