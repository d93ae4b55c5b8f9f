// The patient's record of a program: sessions ticked off, pain scores, PSFS scores. Pure (no DOM,
// no storage), so Node's test runner imports it (tests/js/); mount.js holds the page code and
// keeps the record in the browser's storage, keyed to the episode: one record for a course of
// care, across the program versions a clinician sends.
//
// The record never leaves the device except as a file the patient exports. An imported or stored
// record is read as strictly as a program link: anything that does not fit is refused whole,
// with a reason, and nothing of it is used.

import { DOSE, PAIN, RECORD, SLUG } from "../common/contract.js";

export const FORMAT = "knee-guide-record";
/** Where the episode's record is kept, and where records of one program were kept before. */
export const STORE_PREFIX = "knee-guide:episode:";
export const LEGACY_PREFIX = "knee-guide:record:";
export const RECORD_VERSION = 3;
/**
 * Versions this page reads: version 1 has no pain before a session, settling or signs; versions
 * 1 and 2 belong to one program (its link's checksum), version 3 to an episode.
 */
const READABLE = [1, 2, 3];
/** The record's limits, from the Python side (kneeguide/content/limits.py). */
export const MAX_PROGRAMS = RECORD.programs;
const PROGRAM_KEY = /^[0-9a-z]{1,7}$/;
const EPISODE = /^[0-9a-z]{1,12}$/;
/** What the patient can report of a session, beyond pain: each stops the session's advice. */
export const SIGNS = /** @type {const} */ (["swelling", "locking", "giving_way"]);
export const NOTE_LENGTH = RECORD.note;
export const ACTIVITY_LENGTH = RECORD.activity;
export const MAX_RECORD_LENGTH = RECORD.length;
export const MAX_DAYS = RECORD.days;
export const MAX_PSFS = RECORD.psfs;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Most sets of one exercise in a session, and most sessions in a day: the most a program can prescribe. */
const MAX_SETS = DOSE.s[1];
export const MAX_SESSIONS = DOSE.d[1];

/**
 * One session of a day: sets ticked off, by exercise slug, and whether it was done.
 * @typedef {{sets: Record<string, number>, done: boolean}} Session
 */

/**
 * One day of the program.
 * @typedef {object} Day
 * @property {Session[]} sessions the day's sessions, first first ("3 times a day" is three)
 * @property {number} [painBefore] pain 0-10 before the session: the baseline the rule compares with
 * @property {number} [painAfter] pain 0-10 after the session
 * @property {boolean} [settled] whether the pain was back to the baseline within the rule's time
 * @property {number} [painMorning] pain 0-10 the next morning
 * @property {Sign[]} [signs] the knee swelled, locked or gave way
 * @property {string} [note]
 */
/** @typedef {typeof SIGNS[number]} Sign */

/**
 * @typedef {object} PsfsEntry
 * @property {string} date
 * @property {[string, string, string]} activities
 * @property {[number, number, number]} scores
 */

/**
 * A version of the program: its link's checksum, the day the patient first opened it, and the
 * sessions a day it prescribes.
 * @typedef {{key: string, since: string, sessions: number}} ProgramVersion
 */

/**
 * @typedef {object} Record_
 * @property {typeof FORMAT} format
 * @property {number} version
 * @property {string} episode the course of care (see program/link.js)
 * @property {ProgramVersion[]} programs oldest first
 * @property {Record<string, Day>} days by local date, YYYY-MM-DD
 * @property {PsfsEntry[]} psfs oldest first
 * @property {string} [exported] the day a copy was last exported
 */

/** @typedef {{ok: true, record: Record_} | {ok: false, reason: string}} Parsed */

/**
 * The program's key: the checksum at the end of its link, so a changed program is a new record.
 * @param {string} fragment
 * @returns {string}
 */
export function programKey(fragment) {
  return fragment.slice(fragment.lastIndexOf("~") + 1);
}

/** @param {string} episode @returns {Record_} */
export function emptyRecord(episode) {
  return { format: FORMAT, version: RECORD_VERSION, episode, programs: [], days: Object.create(null), psfs: [] };
}

/**
 * Notes the program version on the page: a version not the latest one listed starts today.
 * @param {Record_} record
 * @param {string} key the program's link checksum
 * @param {string} today
 * @param {number} sessions sessions a day
 */
export function startProgram(record, key, today, sessions = 1) {
  const latest = record.programs[record.programs.length - 1];
  if (latest?.key === key) return;
  record.programs.push({ key, since: latest && latest.since > today ? latest.since : today, sessions });
  if (record.programs.length > MAX_PROGRAMS) record.programs.splice(0, record.programs.length - MAX_PROGRAMS);
}

/**
 * Sessions a day a program prescribes: the most times a day of its exercises (one at least).
 * @param {{times?: number, per?: "day" | "week"}[]} items
 */
export function sessionsPerDay(items) {
  return Math.min(MAX_SESSIONS, Math.max(1, ...items.map((item) => (item.per === "day" ? (item.times ?? 1) : 1))));
}

/**
 * Whether an exercise is part of a day's session (0 first): the first `times` sessions of the day.
 * @param {{times?: number, per?: "day" | "week"}} item
 * @param {number} session
 */
export function inSession(item, session) {
  return session < (item.per === "day" ? (item.times ?? 1) : 1);
}

/**
 * Sessions a day prescribed on a date: by the program version in effect then.
 * @param {Record_} record
 * @param {string} date
 */
export function prescribedOn(record, date) {
  const versions = record.programs.filter((version) => version.since <= date);
  return (versions[versions.length - 1] ?? record.programs[0])?.sessions ?? 1;
}

/**
 * The program versions' starts after the first: the days the program changed.
 * @param {Record_} record
 */
export function programChanges(record) {
  return record.programs.slice(1).map((version) => version.since);
}

/**
 * The local calendar date, YYYY-MM-DD.
 * @param {Date} date
 */
export function dayOf(date) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The date `days` after a YYYY-MM-DD date (negative for before).
 * @param {string} day
 * @param {number} days
 */
export function addDays(day, days) {
  const [y, m, d] = day.split("-").map(Number);
  return dayOf(new Date(y, m - 1, d + days));
}

/** @param {unknown} value */
function isScore(value) {
  return (
    Number.isInteger(value) && /** @type {number} */ (value) >= PAIN[0] && /** @type {number} */ (value) <= PAIN[1]
  );
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} sets
 * @param {unknown} done
 * @returns {Session}
 */
function readSession(sets, done) {
  if (!isObject(sets)) throw new Error("a day's sets are not an object");
  /** @type {Record<string, number>} */
  const ticked = Object.create(null);
  for (const [slug, count] of Object.entries(sets)) {
    if (!SLUG.test(slug)) throw new Error("an exercise name is not a slug");
    if (!Number.isInteger(count) || /** @type {number} */ (count) < 0 || /** @type {number} */ (count) > MAX_SETS) {
      throw new Error("a number of sets is out of range");
    }
    ticked[slug] = /** @type {number} */ (count);
  }
  if (typeof done !== "boolean") throw new Error("a day's done is not true or false");
  return { sets: ticked, done };
}

/**
 * @param {unknown} value
 * @param {boolean} legacy a day of format 1 or 2: one session's `sets` and `done`
 * @returns {Day}
 */
function readDay(value, legacy) {
  if (!isObject(value)) throw new Error("a day is not an object");
  const { sets, done, sessions, painBefore, painAfter, settled, painMorning, signs, note, ...rest } = value;
  if (Object.keys(rest).length || (legacy ? sessions !== undefined : sets !== undefined || done !== undefined)) {
    throw new Error("a day has unknown fields");
  }
  /** @type {Day} */
  const day = { sessions: [] };
  if (legacy) day.sessions.push(readSession(sets, done));
  else if (!Array.isArray(sessions) || sessions.length > MAX_SESSIONS) {
    throw new Error("a day's sessions are not a list");
  } else {
    for (const session of sessions) {
      if (!isObject(session)) throw new Error("a session is not an object");
      const { sets: ticked, done: finished, ...more } = session;
      if (Object.keys(more).length) throw new Error("a session has unknown fields");
      day.sessions.push(readSession(ticked, finished));
    }
  }
  for (const [name, score] of /** @type {const} */ ([
    ["painBefore", painBefore],
    ["painAfter", painAfter],
    ["painMorning", painMorning],
  ])) {
    if (score === undefined) continue;
    if (!isScore(score)) throw new Error("a pain score is not 0 to 10");
    day[name] = /** @type {number} */ (score);
  }
  if (settled !== undefined) {
    if (typeof settled !== "boolean") throw new Error("a day's settled is not true or false");
    day.settled = settled;
  }
  if (signs !== undefined) {
    if (!Array.isArray(signs) || signs.length > SIGNS.length || !signs.every((sign) => SIGNS.includes(sign))) {
      throw new Error("a day's signs are not swelling, locking or giving way");
    }
    day.signs = /** @type {Sign[]} */ ([...new Set(signs)]);
  }
  if (note !== undefined) {
    if (typeof note !== "string" || note.length > NOTE_LENGTH) throw new Error("a note is too long");
    day.note = note;
  }
  return day;
}

/**
 * @param {unknown} value
 * @returns {PsfsEntry}
 */
function readPsfs(value) {
  if (!isObject(value)) throw new Error("a PSFS entry is not an object");
  const { date, activities, scores, ...rest } = value;
  if (Object.keys(rest).length) throw new Error("a PSFS entry has unknown fields");
  if (typeof date !== "string" || !DATE.test(date)) throw new Error("a PSFS date is not a date");
  if (!Array.isArray(activities) || activities.length !== 3) throw new Error("PSFS needs three activities");
  if (!activities.every((a) => typeof a === "string" && a.length <= ACTIVITY_LENGTH)) {
    throw new Error("a PSFS activity is too long");
  }
  if (!Array.isArray(scores) || scores.length !== 3 || !scores.every(isScore)) {
    throw new Error("PSFS needs three scores from 0 to 10");
  }
  return {
    date,
    activities: /** @type {[string, string, string]} */ ([...activities]),
    scores: /** @type {[number, number, number]} */ ([...scores]),
  };
}

/**
 * @param {unknown} value
 * @returns {ProgramVersion[]}
 */
function readPrograms(value) {
  if (!Array.isArray(value) || value.length > MAX_PROGRAMS) throw new Error("the program versions are not a list");
  return value.map((version) => {
    if (!isObject(version)) throw new Error("a program version is not an object");
    const { key, since, sessions, ...rest } = version;
    if (Object.keys(rest).length) throw new Error("a program version has unknown fields");
    if (typeof key !== "string" || !PROGRAM_KEY.test(key)) throw new Error("a program version has no key");
    if (typeof since !== "string" || !DATE.test(since)) throw new Error("a program version's date is not a date");
    const count = /** @type {number} */ (sessions);
    if (!Number.isInteger(count) || count < 1 || count > MAX_SESSIONS) {
      throw new Error("a program version's sessions a day are out of range");
    }
    return { key, since, sessions: count };
  });
}

/**
 * The first date a record holds, if any.
 * @param {Record_} record
 * @returns {string | null}
 */
function firstDate(record) {
  const dates = [...Object.keys(record.days), ...record.psfs.map((entry) => entry.date)].sort();
  return dates[0] ?? null;
}

/**
 * Reads a stored or imported record, refusing anything that does not fit the format. A record
 * of one program (versions 1 and 2) is read into the episode when it is that program's, or the
 * old program the episode is named after.
 * @param {string} text
 * @param {string} episode the episode of the program on the page
 * @param {string} [program] the key of the program on the page
 * @param {string} [today] the start of a version-1 or 2 record that holds no date
 * @returns {Parsed}
 */
export function parseRecord(text, episode, program = episode, today = dayOf(new Date())) {
  if (text.length > MAX_RECORD_LENGTH) return { ok: false, reason: "the record is too large" };
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "the record is not valid JSON" };
  }
  if (!isObject(value) || value.format !== FORMAT) return { ok: false, reason: "this is not a Knee Guide record" };
  if (typeof value.version !== "number" || !READABLE.includes(value.version)) {
    return { ok: false, reason: "the record was made by another version of the guide" };
  }
  const legacy = value.version < 3;
  const owner = legacy ? value.program : value.episode;
  const owners = legacy ? [episode, program] : [episode];
  if (typeof owner !== "string" || !owners.includes(owner)) {
    return { ok: false, reason: "the record belongs to a different program" };
  }
  try {
    if (!legacy && !EPISODE.test(episode)) throw new Error("the episode is not a short name in base 36");
    if (!isObject(value.days)) throw new Error("the days are not an object");
    const days = Object.entries(value.days);
    if (days.length > MAX_DAYS) throw new Error("the record has too many days");
    const record = emptyRecord(episode);
    for (const [date, day] of days) {
      if (!DATE.test(date)) throw new Error("a day is not a date");
      record.days[date] = readDay(day, legacy);
    }
    if (!Array.isArray(value.psfs) || value.psfs.length > MAX_PSFS) throw new Error("the PSFS scores are not a list");
    record.psfs = value.psfs.map(readPsfs);
    if (value.exported !== undefined) {
      if (legacy || typeof value.exported !== "string" || !DATE.test(value.exported)) {
        throw new Error("the day of the last export is not a date");
      }
      record.exported = value.exported;
    }
    record.programs = legacy
      ? [{ key: /** @type {string} */ (owner), since: firstDate(record) ?? today, sessions: 1 }]
      : readPrograms(value.programs);
    return { ok: true, record };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : "the record is damaged" };
  }
}

/**
 * Two records of one episode as one: the days `into` has keep its entries, `from` adds the
 * others; PSFS entries and program versions are joined by date, `into`'s kept on the same date.
 * @param {Record_} into
 * @param {Record_} from
 * @returns {Record_}
 */
export function mergeRecords(into, from) {
  const merged = emptyRecord(into.episode);
  const days = new Map([...Object.entries(from.days), ...Object.entries(into.days)]);
  for (const date of [...days.keys()].sort().slice(-MAX_DAYS)) merged.days[date] = /** @type {Day} */ (days.get(date));
  /** @type {Map<string, PsfsEntry>} */
  const psfs = new Map([...from.psfs, ...into.psfs].map((entry) => [entry.date, entry]));
  merged.psfs = [...psfs.values()].sort((a, b) => (a.date < b.date ? -1 : 1)).slice(-MAX_PSFS);
  /** @type {Map<string, ProgramVersion>} */
  const versions = new Map();
  for (const version of [...from.programs, ...into.programs]) {
    const earlier = versions.get(version.key);
    if (!earlier || version.since < earlier.since) versions.set(version.key, version);
  }
  const exported = [into.exported, from.exported].filter((date) => date !== undefined).sort();
  if (exported.length) merged.exported = exported[exported.length - 1];
  merged.programs = [...versions.values()].sort((a, b) => (a.since < b.since ? -1 : 1)).slice(-MAX_PROGRAMS);
  return merged;
}

/**
 * Whole days from `from` to `to` (YYYY-MM-DD), counted on the calendar.
 * @param {string} from
 * @param {string} to
 */
export function daysBetween(from, to) {
  const utc = (/** @type {string} */ date) => {
    const [y, m, d] = date.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * Why the record cannot be kept as it is (beyond a limit it must be read back within), or null.
 * @param {Record_} record
 * @returns {string | null}
 */
export function overLimit(record) {
  if (Object.keys(record.days).length > MAX_DAYS) return `it holds the most days it can (${MAX_DAYS})`;
  if (record.psfs.length > MAX_PSFS) return `it holds the most PSFS scores it can (${MAX_PSFS})`;
  if (record.programs.length > MAX_PROGRAMS) return `it lists the most program versions it can (${MAX_PROGRAMS})`;
  if (serialize(record).length > MAX_RECORD_LENGTH) return "it is as large as a record can be";
  return null;
}

/**
 * Days since a copy was last exported (or since the record began, when none was), once that is
 * at least the reminder's days; null when no reminder is due.
 * @param {Record_} record
 * @param {string} today
 * @param {number} [after] days
 * @returns {number | null}
 */
export function exportDue(record, today, after = RECORD.export_reminder_days) {
  const since = record.exported ?? firstDate(record);
  if (since === null) return null;
  const days = daysBetween(since, today);
  return days >= after ? days : null;
}

/**
 * The record as the JSON the page stores and exports.
 * @param {Record_} record
 */
export function serialize(record) {
  const days = Object.fromEntries(Object.entries(record.days).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ ...record, days });
}

/**
 * The day's entry, made if missing.
 * @param {Record_} record
 * @param {string} date
 * @returns {Day}
 */
export function dayEntry(record, date) {
  if (!Object.hasOwn(record.days, date)) record.days[date] = { sessions: [] };
  return record.days[date];
}

/**
 * A day's session (0 first), made (with any before it) if missing.
 * @param {Record_} record
 * @param {string} date
 * @param {number} index
 * @returns {Session}
 */
export function sessionEntry(record, date, index) {
  const day = dayEntry(record, date);
  const last = Math.max(0, Math.min(MAX_SESSIONS - 1, Math.trunc(index)));
  while (day.sessions.length <= last) day.sessions.push({ sets: Object.create(null), done: false });
  return day.sessions[last];
}

/**
 * Ticks or unticks sets: `count` sets of the exercise are done in the day's session.
 * @param {Record_} record
 * @param {string} date
 * @param {string} slug
 * @param {number} count
 * @param {number} [session] 0 for the day's first
 */
export function setSets(record, date, slug, count, session = 0) {
  sessionEntry(record, date, session).sets[slug] = Math.max(0, Math.min(MAX_SETS, Math.trunc(count)));
}

/**
 * The day's sessions done.
 * @param {Day | null | undefined} day
 */
export function sessionsDone(day) {
  return day ? day.sessions.filter((session) => session.done).length : 0;
}

/**
 * The day's session still to do (0 first), or null when all `prescribed` are done.
 * @param {Day | null | undefined} day
 * @param {number} prescribed
 */
export function currentSession(day, prescribed) {
  const sessions = day?.sessions ?? [];
  for (let index = 0; index < prescribed; index += 1) if (!sessions[index]?.done) return index;
  return null;
}

/**
 * @param {Record_} record
 * @param {string} date
 * @param {"painBefore" | "painAfter" | "painMorning"} when
 * @param {number} score
 */
export function setPain(record, date, when, score) {
  if (!isScore(score)) throw new RangeError("a pain score is a whole number from 0 to 10");
  dayEntry(record, date)[when] = score;
}

/**
 * The last day before `today` with a session done or ticked, if any.
 * @param {Record_} record
 * @param {string} today
 * @returns {string | null}
 */
export function lastSessionBefore(record, today) {
  const days = Object.keys(record.days)
    .filter((date) => date < today && isSession(record.days[date]))
    .sort();
  return days.length ? days[days.length - 1] : null;
}

/** @param {Day} day */
function isSession(day) {
  return day.sessions.some((session) => session.done || Object.values(session.sets).some((count) => count > 0));
}

/**
 * The advice after a session, most serious first (the content holds its words, by kind).
 * @typedef {{kind: "none"}
 *   | {kind: "stop", pain: number | null, baseline: number | null, signs: Sign[]}
 *   | {kind: "step_back" | "wait" | "stay" | "carry_on", pain: number, baseline: number | null, when: "after" | "morning"}} Advice
 */

/**
 * The pain rule turned into advice, from the latest session's answers.
 *
 * The rule (figures from the content, at build time) compares with the pain before the session,
 * the patient's own baseline, so a steady ache is never read as a broken rule:
 * - the knee swelled, locked or gave way, or the pain reached `highPain`: stop for today and
 *   tell the clinician;
 * - the pain had not settled within the rule's time, or the next morning was worse than before
 *   the session: step back;
 * - the pain rose more than `maxPain` above the baseline, and settled in time: stay at this
 *   level; not yet known to have settled: wait and see;
 * - otherwise: carry on.
 * With no baseline given, `maxPain` itself is the limit (as the rule's figure reads on its own).
 * @param {Record_} record
 * @param {string} today
 * @param {{maxPain: number, highPain: number}} rule
 * @returns {Advice}
 */
export function advice(record, today, rule) {
  const dates = Object.keys(record.days)
    .filter((date) => date <= today && isAssessed(record.days[date]))
    .sort();
  if (!dates.length) return { kind: "none" };
  const day = record.days[dates[dates.length - 1]];
  const baseline = day.painBefore ?? null;
  const highest = Math.max(day.painAfter ?? -1, day.painMorning ?? -1);
  if (day.signs?.length || highest >= rule.highPain) {
    return { kind: "stop", pain: highest >= 0 ? highest : null, baseline, signs: day.signs ?? [] };
  }
  /** @param {number} pain */
  const above = (pain) => (baseline === null ? pain > rule.maxPain : pain - baseline > rule.maxPain);
  if (day.painMorning !== undefined) {
    const worse = baseline === null ? day.painMorning > rule.maxPain : day.painMorning > baseline;
    if (worse) return { kind: "step_back", pain: day.painMorning, baseline, when: "morning" };
  }
  if (day.painAfter === undefined) {
    if (day.painMorning !== undefined) return { kind: "carry_on", pain: day.painMorning, baseline, when: "morning" };
    return { kind: "none" };
  }
  const pain = day.painAfter;
  if (day.settled === false) return { kind: "step_back", pain, baseline, when: "after" };
  if (above(pain))
    return { kind: day.settled || day.painMorning !== undefined ? "stay" : "wait", pain, baseline, when: "after" };
  return day.painMorning !== undefined
    ? { kind: "carry_on", pain: day.painMorning, baseline, when: "morning" }
    : { kind: "carry_on", pain, baseline, when: "after" };
}

/** @param {Day} day whether the day holds anything the advice reads */
function isAssessed(day) {
  return day.painAfter !== undefined || day.painMorning !== undefined || Boolean(day.signs?.length);
}

/**
 * Advice words from the content with their figures filled in: `{pain}`, `{baseline}`,
 * `{max_pain}`, `{high_pain}`, `{settle_minutes}`.
 * @param {string} text
 * @param {Record<string, number | string | null>} figures
 */
export function fillFigures(text, figures) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = figures[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * The change since the first PSFS entry: of each activity, and of the mean of the three, the
 * score the smallest change that matters applies to. It was measured for improvement, so only
 * a rise of at least `minimal` in the mean is called one that matters; a single activity's
 * change, or a fall, is shown as it is and never judged against it.
 * @param {PsfsEntry[]} entries
 * @param {number} minimal
 * @returns {{activities: {activity: string, first: number, latest: number, change: number}[], mean: {first: number, latest: number, change: number, matters: boolean}} | null}
 */
export function psfsChange(entries, minimal) {
  if (entries.length < 2) return null;
  const first = entries[0];
  const latest = entries[entries.length - 1];
  const change = Math.round((psfsMean(latest) - psfsMean(first)) * 10) / 10;
  return {
    activities: latest.activities.map((activity, index) => ({
      activity,
      first: first.scores[index],
      latest: latest.scores[index],
      change: latest.scores[index] - first.scores[index],
    })),
    mean: { first: psfsMean(first), latest: psfsMean(latest), change, matters: change >= minimal },
  };
}

/**
 * The mean of one PSFS entry's three scores, to one decimal.
 * @param {PsfsEntry} entry
 */
export function psfsMean(entry) {
  return Math.round((entry.scores.reduce((a, b) => a + b, 0) / 3) * 10) / 10;
}

/**
 * When the next weekly PSFS score is due (7 days after the latest), or null before the first.
 * @param {PsfsEntry[]} entries
 */
export function psfsDue(entries) {
  return entries.length ? addDays(entries[entries.length - 1].date, 7) : null;
}

/**
 * This week's PSFS entry, if any: the latest one, when `today` is less than 7 calendar days after
 * it (the day its next scores are due, see psfsDue), or before it (a clock set back).
 * @param {PsfsEntry[]} entries oldest first
 * @param {string} today local date, YYYY-MM-DD
 * @returns {PsfsEntry | null}
 */
export function psfsThisWeek(entries, today) {
  const latest = entries[entries.length - 1];
  return latest && daysBetween(latest.date, today) < 7 ? latest : null;
}

/**
 * Saves a week's PSFS scores: a second entry within the week updates that week's entry (keeping
 * its date, so the week never moves); otherwise a new entry is added.
 * @param {Record_} record
 * @param {string} today
 * @param {[string, string, string]} activities
 * @param {[number, number, number]} scores
 * @returns {"added" | "updated"}
 */
export function putPsfs(record, today, activities, scores) {
  const week = psfsThisWeek(record.psfs, today);
  if (week) {
    week.activities = [activities[0], activities[1], activities[2]];
    week.scores = [scores[0], scores[1], scores[2]];
    return "updated";
  }
  record.psfs.push({
    date: today,
    activities: [activities[0], activities[1], activities[2]],
    scores: [scores[0], scores[1], scores[2]],
  });
  return "added";
}

/**
 * One row per day and per PSFS entry, for the chart's table and the CSV export.
 * @param {Record_} record
 * @returns {{date: string, sets: number, sessions: number, prescribed: number, painBefore: number | null, painAfter: number | null, painMorning: number | null, psfs: number | null, note: string}[]}
 */
export function rows(record) {
  const dates = new Set([...Object.keys(record.days), ...record.psfs.map((entry) => entry.date)]);
  return [...dates].sort().map((date) => {
    const day = Object.hasOwn(record.days, date) ? record.days[date] : null;
    const psfs = record.psfs.filter((entry) => entry.date === date).pop();
    return {
      date,
      sets: day
        ? day.sessions.reduce((sum, session) => sum + Object.values(session.sets).reduce((a, b) => a + b, 0), 0)
        : 0,
      sessions: sessionsDone(day),
      prescribed: prescribedOn(record, date),
      painBefore: day?.painBefore ?? null,
      painAfter: day?.painAfter ?? null,
      painMorning: day?.painMorning ?? null,
      psfs: psfs ? psfsMean(psfs) : null,
      note: day?.note ?? "",
    };
  });
}

/**
 * A CSV field, quoted when needed, and defused so a spreadsheet never runs it as a formula.
 * @param {string | number | boolean | null} value
 */
function csvField(value) {
  let text = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The record as CSV: one row per day, with PSFS scores on the days they were given.
 * @param {Record_} record
 */
export function toCsv(record) {
  const header = [
    "date",
    "sets done",
    "sessions done",
    "sessions prescribed",
    "pain before (0-10)",
    "pain after (0-10)",
    "pain next morning (0-10)",
    "PSFS mean (0-10)",
    "note",
  ];
  const lines = [header.map(csvField).join(",")];
  for (const row of rows(record)) {
    lines.push(
      [
        row.date,
        row.sets,
        row.sessions,
        row.prescribed,
        row.painBefore,
        row.painAfter,
        row.painMorning,
        row.psfs,
        row.note,
      ]
        .map(csvField)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
