// The sets a guided session finishes, written to the companion's record for today's session, as
// if ticked: read from the browser's storage as the companion reads it, changed with the
// companion's own functions (log.js), and stored back. A record the page cannot read is left
// alone (the companion says why and keeps a copy), and a set already ticked is never unticked.

import {
  STORE_PREFIX,
  currentSession,
  dayOf,
  emptyRecord,
  overLimit,
  parseRecord,
  prescribedOn,
  serialize,
  sessionsPerDay,
  setSets,
  startProgram,
} from "../companion/log.js";

/** @typedef {import("../companion/log.js").Record_} Record_ */

/**
 * The program the record is kept for.
 * @typedef {object} Owner
 * @property {string} episode the course of care
 * @property {string} key the program's link checksum
 * @property {{times?: number, per?: "day" | "week"}[]} items
 */

/**
 * The stored record, or a new one; null when it cannot be read or storage is blocked.
 * @param {Owner} owner
 * @param {string} today
 * @returns {Record_ | null}
 */
function load(owner, today) {
  let raw;
  try {
    raw = localStorage.getItem(`${STORE_PREFIX}${owner.episode}`);
  } catch {
    return null;
  }
  let record = emptyRecord(owner.episode);
  if (raw !== null) {
    const parsed = parseRecord(raw, owner.episode, owner.key, today);
    if (!parsed.ok) return null;
    record = parsed.record;
  }
  startProgram(record, owner.key, today, sessionsPerDay(owner.items));
  return record;
}

/**
 * Today's session to do now (0 first), as the companion shows it: the first not done, or the
 * day's last when all are.
 * @param {Record_} record
 * @param {string} today
 */
function sessionOf(record, today) {
  const prescribed = prescribedOn(record, today);
  const day = Object.hasOwn(record.days, today) ? record.days[today] : null;
  return currentSession(day, prescribed) ?? prescribed - 1;
}

/**
 * Today's session to do now, from the stored record (0 when there is none).
 * @param {Owner} owner
 * @param {Date} now
 */
export function todaysSession(owner, now) {
  const today = dayOf(now);
  const record = load(owner, today);
  return record ? sessionOf(record, today) : 0;
}

/**
 * Writes the sets done of each exercise into today's session; says whether they are stored.
 * @param {Owner} owner
 * @param {ReadonlyMap<string, number>} sets by exercise slug
 * @param {Date} now
 */
export function saveSets(owner, sets, now) {
  const today = dayOf(now);
  const record = load(owner, today);
  if (!record) return false;
  const session = sessionOf(record, today);
  for (const [slug, count] of sets) {
    const ticked = record.days[today]?.sessions[session]?.sets[slug] ?? 0;
    if (count > ticked) setSets(record, today, slug, count, session);
  }
  if (overLimit(record)) return false;
  try {
    localStorage.setItem(`${STORE_PREFIX}${owner.episode}`, serialize(record));
    return true;
  } catch {
    return false;
  }
}
