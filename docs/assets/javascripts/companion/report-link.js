// The progress report a patient sends to the clinic: a summary of the record carried in a
// link's fragment (never sent to a server), made on the device and shared by the patient's own
// apps. Pure (no DOM), so Node's test runner imports it (tests/js/). Read as strictly as a
// program link: anything that does not fit is refused whole.
//
// Format, version 1:  #r1,<episode>,<first day YYYYMMDD>,<entry>,<entry>...~<checksum>
//   day:      d<offset>.<sessions done>.<sessions prescribed>.<pain before>.<pain after>.<pain next morning>
//             (a figure not given is left empty)
//   PSFS:     p<offset>.<score>.<score>.<score>.<activity>.<activity>.<activity> (percent-encoded)
//   program:  v<offset>.<sessions a day>  a program version starting that day
//   offset: days after the first day. Checksum: FNV-1a, as the program link's.

import { DOSE, PAIN, RECORD } from "../common/contract.js";
import { checksum, escapeText } from "../program/link.js";
import { ACTIVITY_LENGTH, addDays, daysBetween, emptyRecord } from "./log.js";

export const REPORT_VERSION = "r1";
/** Most days a report covers, counted back from its last day. */
export const REPORT_DAYS = RECORD.report_days;
/** Longest report link the decoder reads. */
export const MAX_REPORT_LENGTH = 16384;

/** @typedef {import("./log.js").Record_} Record_ */
/** @typedef {{status: "ok", record: Record_, from: string, to: string} | {status: "damaged", reason: string}} DecodedReport */

const EPISODE = /^[0-9a-z]{1,12}$/;
const CHECKSUM = /^[0-9a-z]{1,7}$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** @param {number | undefined} value */
const figure = (value) => (value === undefined ? "" : String(value));

/**
 * The report's fragment (without "#"): the last `REPORT_DAYS` days of the record up to `today`.
 * @param {Record_} record
 * @param {string} today
 */
export function encodeReport(record, today) {
  const start = addDays(today, -(REPORT_DAYS - 1));
  const dates = Object.keys(record.days)
    .filter((date) => date >= start && date <= today)
    .sort();
  const psfs = [...new Map(record.psfs.map((entry) => [entry.date, entry])).values()]
    .filter((entry) => entry.date >= start && entry.date <= today)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const versions = record.programs.filter((version) => version.since <= today);
  const first =
    [
      ...dates,
      ...psfs.map((entry) => entry.date),
      ...versions.map((v) => (v.since < start ? start : v.since)),
    ].sort()[0] ?? today;
  const offset = (/** @type {string} */ date) => daysBetween(first, date);
  const parts = [REPORT_VERSION, record.episode, first.replaceAll("-", "")];
  /** @type {Set<number>} */
  const seen = new Set();
  for (const version of versions) {
    const at = Math.max(0, offset(version.since));
    if (seen.has(at)) parts[parts.length - 1] = `v${at}.${version.sessions}`;
    else parts.push(`v${at}.${version.sessions}`);
    seen.add(at);
  }
  for (const date of dates) {
    const day = record.days[date];
    const done = day.sessions.filter((session) => session.done).length;
    const prescribed = versions.filter((v) => v.since <= date).pop()?.sessions ?? versions[0]?.sessions ?? 1;
    parts.push(
      [
        `d${offset(date)}`,
        Math.min(done, prescribed),
        prescribed,
        figure(day.painBefore),
        figure(day.painAfter),
        figure(day.painMorning),
      ].join("."),
    );
  }
  for (const entry of psfs) {
    parts.push([`p${offset(entry.date)}`, ...entry.scores, ...entry.activities.map(escapeText)].join("."));
  }
  const payload = parts.join(",");
  return `${payload}~${checksum(payload)}`;
}

class Damaged extends Error {}

/**
 * @param {string} text
 * @param {number} low
 * @param {number} high
 * @param {boolean} [optional]
 */
function whole(text, low, high, optional = false) {
  if (optional && text === "") return undefined;
  if (!/^\d{1,7}$/.test(text)) throw new Damaged("a figure is not a whole number");
  const value = Number(text);
  if (value < low || value > high) throw new Damaged("a figure is out of range");
  return value;
}

/** @param {string} text */
function activity(text) {
  let value;
  try {
    value = decodeURIComponent(text);
  } catch {
    throw new Damaged("an activity is not valid percent-encoded UTF-8");
  }
  if (value.length > ACTIVITY_LENGTH) throw new Damaged("an activity is too long");
  return value;
}

/**
 * Reads a report link's fragment (with or without "#") into a record holding its days.
 * @param {string} fragment
 * @returns {DecodedReport}
 */
export function decodeReport(fragment) {
  const text = fragment.replace(/^#/, "");
  if (text.length > MAX_REPORT_LENGTH) return { status: "damaged", reason: "the link is too long" };
  const end = text.lastIndexOf("~");
  const sum = text.slice(end + 1);
  if (end < 0 || !CHECKSUM.test(sum) || checksum(text.slice(0, end)) !== sum) {
    return { status: "damaged", reason: "the checksum does not match" };
  }
  const [version, episode = "", start = "", ...entries] = text.slice(0, end).split(",");
  if (version !== REPORT_VERSION)
    return { status: "damaged", reason: "the link is not a progress report this page reads" };
  if (!EPISODE.test(episode)) return { status: "damaged", reason: "the episode is not a short name in base 36" };
  const date = COMPACT_DATE.exec(start);
  const first = date ? `${date[1]}-${date[2]}-${date[3]}` : "";
  if (!date || addDays(first, 0) !== first) return { status: "damaged", reason: "the first day is not a date" };
  const record = emptyRecord(episode);
  let last = first;
  try {
    for (const entry of entries) {
      const [head, ...fields] = entry.split(".");
      const kind = head.slice(0, 1);
      const day = addDays(first, /** @type {number} */ (whole(head.slice(1), 0, REPORT_DAYS - 1)));
      if (day > last) last = day;
      if (kind === "v" && fields.length === 1) {
        const sessions = /** @type {number} */ (whole(fields[0], 1, DOSE.d[1]));
        if (record.programs.some((v) => v.since >= day)) throw new Damaged("program versions are out of order");
        record.programs.push({ key: String(record.programs.length + 1), since: day, sessions });
      } else if (kind === "d" && fields.length === 5) {
        if (Object.hasOwn(record.days, day)) throw new Damaged("a day is given twice");
        const prescribed = /** @type {number} */ (whole(fields[1], 1, DOSE.d[1]));
        const done = /** @type {number} */ (whole(fields[0], 0, prescribed));
        /** @type {import("./log.js").Day} */
        const entryDay = { sessions: Array.from({ length: done }, () => ({ sets: Object.create(null), done: true })) };
        const [before, after, morning] = fields.slice(2).map((f) => whole(f, PAIN[0], PAIN[1], true));
        if (before !== undefined) entryDay.painBefore = before;
        if (after !== undefined) entryDay.painAfter = after;
        if (morning !== undefined) entryDay.painMorning = morning;
        record.days[day] = entryDay;
      } else if (kind === "p" && fields.length === 6) {
        if (record.psfs.some((e) => e.date >= day)) throw new Damaged("PSFS scores are out of order");
        const scores = fields.slice(0, 3).map((f) => /** @type {number} */ (whole(f, PAIN[0], PAIN[1])));
        record.psfs.push({
          date: day,
          scores: /** @type {[number, number, number]} */ (scores),
          activities: /** @type {[string, string, string]} */ (fields.slice(3).map(activity)),
        });
      } else {
        throw new Damaged("an entry is not a day, a PSFS score or a program version");
      }
    }
  } catch (error) {
    if (error instanceof Damaged) return { status: "damaged", reason: error.message };
    throw error;
  }
  return { status: "ok", record, from: first, to: last };
}
