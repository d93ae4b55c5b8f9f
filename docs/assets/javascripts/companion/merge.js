// Two records of one episode made one, without losing what either holds. Pure, so Node's test
// runner imports it (tests/js/).
//
// - An imported copy merges by date: a day or PSFS date only one side has is kept; a day both
//   have keeps the union of its sessions and sets (a set done in either is done) and of the signs
//   reported; a pain score, settling or note both sides hold with different values is a
//   conflict, never decided silently: the page asks, and `prefer` says whose values win.
// - Two tabs merge against the record both last read: what one tab changed since then wins over
//   the other's unchanged value, field by field, so neither overwrites the other's entries.

import { SIGNS, emptyRecord } from "./log.js";

/** @typedef {import("./log.js").Record_} Record_ */
/** @typedef {import("./log.js").Day} Day */
/** @typedef {import("./log.js").Session} Session */
/** @typedef {import("./log.js").PsfsEntry} PsfsEntry */
/** @typedef {import("./log.js").ProgramVersion} ProgramVersion */
/**
 * @typedef {{ok: true, record: Record_, added: string[], conflicts: string[]}
 *   | {ok: false, reason: string}} Merged
 */

/** A day's answers other than its sessions and signs: one value each. */
const FIELDS = /** @type {const} */ (["painBefore", "painAfter", "settled", "painMorning", "note"]);

/** @param {unknown} a @param {unknown} b */
function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** @param {Record<string, number>} sets @returns {Record<string, number>} */
function copySets(sets) {
  return Object.assign(Object.create(null), sets);
}

/** @param {Session | undefined} a @param {Session | undefined} b @returns {Session} */
function unionSession(a, b) {
  const sets = copySets(a?.sets ?? {});
  for (const [slug, count] of Object.entries(b?.sets ?? {})) sets[slug] = Math.max(sets[slug] ?? 0, count);
  return { sets, done: Boolean(a?.done || b?.done) };
}

/**
 * One day from both sides' entries for it.
 * @param {Day} mine
 * @param {Day} theirs
 * @param {boolean} preferTheirs whose value a field both hold differently takes
 * @returns {{day: Day, conflict: boolean}}
 */
function unionDay(mine, theirs, preferTheirs) {
  const length = Math.max(mine.sessions.length, theirs.sessions.length);
  /** @type {Day} */
  const day = { sessions: Array.from({ length }, (_, i) => unionSession(mine.sessions[i], theirs.sessions[i])) };
  let conflict = false;
  for (const name of FIELDS) {
    const a = mine[name];
    const b = theirs[name];
    if (a !== undefined && b !== undefined && a !== b) conflict = true;
    const value = a === undefined || (preferTheirs && b !== undefined) ? b : a;
    if (value !== undefined) Object.assign(day, { [name]: value });
  }
  const signs = new Set([...(mine.signs ?? []), ...(theirs.signs ?? [])]);
  if (signs.size) day.signs = SIGNS.filter((sign) => signs.has(sign));
  return { day, conflict };
}

/**
 * Program versions of both: each version once, at its earliest start, oldest first.
 * @param {ProgramVersion[]} a
 * @param {ProgramVersion[]} b
 */
function unionPrograms(a, b) {
  /** @type {Map<string, ProgramVersion>} */
  const versions = new Map();
  for (const version of [...a, ...b]) {
    const earlier = versions.get(version.key);
    if (!earlier || version.since < earlier.since) versions.set(version.key, { ...version });
  }
  return [...versions.values()].sort((x, y) => (x.since < y.since ? -1 : x.since > y.since ? 1 : 0));
}

/** @param {string | undefined} a @param {string | undefined} b */
function later(a, b) {
  return a === undefined || (b !== undefined && b > a) ? b : a;
}

/** @param {PsfsEntry[]} entries */
function byDate(entries) {
  return [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * An exported copy merged into the device's record by date (see the top of this file).
 * @param {Record_} device
 * @param {Record_} file
 * @param {"device" | "file"} [prefer] whose values a conflict takes
 * @returns {Merged} `added`: the dates the file adds; `conflicts`: the dates whose values differ
 */
export function mergeByDate(device, file, prefer = "device") {
  if (device.episode !== file.episode) return { ok: false, reason: "the file is the record of another program" };
  const preferFile = prefer === "file";
  const record = emptyRecord(device.episode);
  /** @type {Set<string>} */
  const added = new Set();
  /** @type {Set<string>} */
  const conflicts = new Set();
  const dates = [...new Set([...Object.keys(device.days), ...Object.keys(file.days)])].sort();
  for (const date of dates) {
    const mine = Object.hasOwn(device.days, date) ? device.days[date] : null;
    const theirs = Object.hasOwn(file.days, date) ? file.days[date] : null;
    if (!mine) added.add(date);
    const { day, conflict } = unionDay(mine ?? { sessions: [] }, theirs ?? { sessions: [] }, preferFile);
    if (conflict) conflicts.add(date);
    record.days[date] = day;
  }
  /** @type {Map<string, PsfsEntry>} */
  const psfs = new Map(device.psfs.map((entry) => [entry.date, entry]));
  for (const entry of file.psfs) {
    const kept = psfs.get(entry.date);
    if (!kept) added.add(entry.date);
    else if (!same(kept, entry)) conflicts.add(entry.date);
    if (!kept || preferFile) psfs.set(entry.date, entry);
  }
  record.psfs = byDate([...psfs.values()]);
  record.programs = unionPrograms(device.programs, file.programs);
  const exported = later(device.exported, file.exported);
  if (exported !== undefined) record.exported = exported;
  return { ok: true, record, added: [...added].sort(), conflicts: [...conflicts].sort() };
}

/**
 * The value a tab keeps: its own if it changed it since `base`, else the other tab's.
 * @template T
 * @param {T} base
 * @param {T} mine
 * @param {T} theirs
 * @returns {T}
 */
function pick(base, mine, theirs) {
  return same(mine, base) ? theirs : mine;
}

/**
 * A day both tabs changed, merged field by field (a set's count, a session's done, each answer).
 * @param {Day | undefined} base
 * @param {Day} mine
 * @param {Day} theirs
 * @returns {Day}
 */
function threeWayDay(base, mine, theirs) {
  const length = Math.max(mine.sessions.length, theirs.sessions.length);
  /** @type {Day} */
  const day = { sessions: [] };
  for (let i = 0; i < length; i += 1) {
    const [b, m, t] = [base?.sessions[i], mine.sessions[i], theirs.sessions[i]];
    const sets = copySets({});
    for (const slug of new Set([...Object.keys(m?.sets ?? {}), ...Object.keys(t?.sets ?? {})])) {
      const count = pick(b?.sets[slug], m?.sets[slug], t?.sets[slug]);
      if (count !== undefined) sets[slug] = count;
    }
    day.sessions.push({ sets, done: Boolean(pick(b?.done, m?.done, t?.done)) });
  }
  for (const name of [...FIELDS, /** @type {const} */ ("signs")]) {
    const value = pick(base?.[name], mine[name], theirs[name]);
    if (value !== undefined) Object.assign(day, { [name]: value });
  }
  return day;
}

/**
 * What this tab holds merged with what another tab stored since this one last read `base`.
 * @param {Record_} base the record as this tab last read or wrote it
 * @param {Record_} mine this tab's record, with its changes since
 * @param {Record_} theirs the record now stored
 * @returns {Record_}
 */
export function mergeTabs(base, mine, theirs) {
  const record = emptyRecord(mine.episode);
  const dates = [...new Set([...Object.keys(mine.days), ...Object.keys(theirs.days)])].sort();
  for (const date of dates) {
    const [b, m, t] = [base, mine, theirs].map((r) => (Object.hasOwn(r.days, date) ? r.days[date] : undefined));
    const day = m && t && !same(m, b) && !same(t, b) ? threeWayDay(b, m, t) : pick(b, m, t);
    if (day) record.days[date] = day;
  }
  /** @param {Record_} r @param {string} date */
  const entry = (r, date) => r.psfs.find((e) => e.date === date);
  const psfsDates = new Set([...mine.psfs, ...theirs.psfs].map((e) => e.date));
  record.psfs = byDate(
    [...psfsDates]
      .map((date) => pick(entry(base, date), entry(mine, date), entry(theirs, date)))
      .filter((e) => e !== undefined),
  );
  record.programs = unionPrograms(mine.programs, theirs.programs);
  const exported = later(mine.exported, theirs.exported);
  if (exported !== undefined) record.exported = exported;
  return record;
}
