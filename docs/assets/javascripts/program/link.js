// The exercise-program link: encode, decode and checksum. Pure (no DOM), so Node's test runner
// imports it (tests/js/); page.js and the modules beside it hold the page code. The limits are
// the content's own, from the build's contract module.
//
// Link format, version 1:  #v1,<title>[.i<episode>][.n<revision>],<item>,<item>...~<checksum>
//   episode:   the course of care the program belongs to (base 36), kept by the builder when a
//              clinician changes the program, so the patient's record carries on. Added later,
//              as optional: a link without one is its own episode, named by its checksum. (A page
//              from before it shows ".i<episode>" after the title and reads the rest the same.)
//   revision:  how many times the builder has opened the program (2 and up; none is 1), so a
//              device with no record of a changed program can say an earlier record was cleared.
//   item:      <slug>[.s<sets>][.r<reps>][.h<hold seconds>][.e1][.t<rest seconds>]
//              [.d<times a day>|.w<times a week>][.l<load>][.n<note>]
//   (".e1" each side, ".t" rest between sets and ".l" load, a band colour or a weight, were added
//   later as optional fields: every earlier v1 link still decodes the same. A page from before
//   them reports those fields as unreadable and leaves them out, never misreads them.)
//   title, load and note are percent-encoded UTF-8 (with "." and "~" escaped too); checksum is FNV-1a
//   of the UTF-8 bytes of everything before "~", in base 36, so a truncated or altered link is
//   detected. A new format gets a new version prefix; this page keeps reading v1 links.
//
// The checksum catches accidents, not forgeries: anyone can make a link. So the decoder holds a
// link to the limits the builder enforces (title, note, dosage figures, number of exercises)
// and echoes nothing unverified.

import { DOSE, LOAD_LENGTH, MAX_ITEMS, NOTE_LENGTH, SLUG, TITLE_LENGTH } from "../common/contract.js";
import { plural } from "../common/words.js";

export const VERSION = "v1";

/** @typedef {"s" | "r" | "h" | "t" | "d" | "w"} DosageKey */

/** Longest link the decoder reads at all; the builder's longest is well below it. */
export const MAX_LINK_LENGTH = 32768;
/** Longest part of an unknown slug echoed back to the reader. */
export const ECHO_LENGTH = 40;

const CHECKSUM = /^[0-9a-z]{1,7}$/;
/** An episode: a new one is 10 characters of base 36; one named by an old link's checksum, 1 to 7. */
export const EPISODE = /^[0-9a-z]{1,12}$/;

/**
 * @typedef {object} ProgramItem
 * @property {string} slug
 * @property {number} [s] sets
 * @property {number} [r] repetitions
 * @property {number} [h] hold, in seconds
 * @property {boolean} [e] on each side
 * @property {number} [t] rest between sets, in seconds
 * @property {string} [l] load: a band colour or a weight
 * @property {number} [times] times a day or a week
 * @property {"day" | "week"} [per]
 * @property {string} [note]
 */

/** @typedef {{title: string, items: ProgramItem[], episode?: string, revision?: number}} Program */

/** @typedef {ProgramItem & {known: boolean, problems: string[]}} DecodedItem */

/**
 * @typedef {{status: "empty"}
 *   | {status: "newer"}
 *   | {status: "damaged", reason: string}
 *   | {status: "ok", title: string, items: DecodedItem[], episode?: string, revision?: number}} Decoded
 */

/**
 * What the decoder needs to know about the guide.
 * @typedef {object} Guide
 * @property {ReadonlySet<string>} slugs the current exercises
 * @property {ReadonlyMap<string, string>} formerSlugs former slug -> current slug
 */

/**
 * Percent-encodes text for the link, escaping the link's own separators too.
 * @param {string} text
 * @returns {string}
 */
export function escapeText(text) {
  return encodeURIComponent(text).replace(/\./g, "%2E").replace(/~/g, "%7E");
}

/**
 * FNV-1a (32 bits) of the text's UTF-8 bytes, in base 36.
 * @param {string} text
 * @returns {string}
 */
export function checksum(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * The link fragment (without "#") holding the program.
 * @param {Program} program
 * @returns {string}
 */
export function encode(program) {
  const episode =
    (program.episode ? `.i${program.episode}` : "") +
    (program.revision && program.revision > 1 ? `.n${program.revision}` : "");
  const parts = [VERSION, escapeText(program.title || "") + episode];
  for (const item of program.items) {
    let part = item.slug;
    for (const key of /** @type {const} */ (["s", "r", "h"])) if (item[key]) part += `.${key}${item[key]}`;
    if (item.e) part += ".e1";
    if (item.t) part += `.t${item.t}`;
    if (item.times) part += `.${item.per === "week" ? "w" : "d"}${item.times}`;
    if (item.l) part += `.l${escapeText(item.l)}`;
    if (item.note) part += `.n${escapeText(item.note)}`;
    parts.push(part);
  }
  const payload = parts.join(",");
  return `${payload}~${checksum(payload)}`;
}

/**
 * A new episode's name: 10 random characters of base 36 (about 52 bits).
 * @returns {string}
 */
export function newEpisode() {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
}

/**
 * The episode a program belongs to: its own, or for a link from before episodes, the checksum
 * of the link the page reads, so the record kept under that checksum carries on.
 * @param {Program} program
 * @returns {string}
 */
export function episodeOf(program) {
  if (program.episode) return program.episode;
  const fragment = encode(program);
  return fragment.slice(fragment.lastIndexOf("~") + 1);
}

/**
 * The program as a clinician opens it to change it: the same episode, the next revision.
 * @param {Program} program
 * @returns {Program}
 */
export function nextRevision(program) {
  return { ...program, episode: episodeOf(program), revision: Math.min(9999, (program.revision ?? 1) + 1) };
}

/**
 * Text shortened to at most `length` characters (whole code points), with an ellipsis if cut.
 * @param {string} text
 * @param {number} length
 * @returns {string}
 */
export function shorten(text, length) {
  const points = [...text];
  return points.length <= length ? text : `${points.slice(0, length - 1).join("")}…`;
}

/**
 * Percent-decoding that reports failure (invalid escapes or UTF-8) as null instead of throwing.
 * @param {string} text
 * @returns {string | null}
 */
function decodeText(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

class Damaged extends Error {}

/**
 * @param {string} text
 * @param {Guide} guide
 * @returns {DecodedItem}
 */
function decodeItem(text, guide) {
  const [given = "", ...fields] = text.split(".");
  if (!SLUG.test(given)) throw new Damaged("an exercise name is not a slug");
  const slug = guide.formerSlugs.get(given) ?? given;
  const known = guide.slugs.has(slug);
  /** @type {DecodedItem} */
  const item = { slug, known, problems: [] };
  if (!known) {
    item.problems.push(
      `The exercise "${shorten(given, ECHO_LENGTH)}" is not in the guide any more. Ask your clinician what to do instead.`,
    );
  }
  /** @type {Set<string>} */
  const seen = new Set();
  for (const field of fields) {
    const key = field.slice(0, 1);
    const value = field.slice(1);
    const group = key === "w" ? "d" : key;
    if (seen.has(group)) throw new Damaged(`a dosage figure is given twice`);
    seen.add(group);
    if (key === "n") {
      const note = decodeText(value);
      if (note === null) throw new Damaged("a note is not valid percent-encoded UTF-8");
      if (note.length > NOTE_LENGTH) throw new Damaged("a note is longer than the builder allows");
      if (note) item.note = note;
    } else if (key === "l") {
      const load = decodeText(value);
      if (load === null) throw new Damaged("a load is not valid percent-encoded UTF-8");
      if (load.length > LOAD_LENGTH) throw new Damaged("a load is longer than the builder allows");
      if (load) item.l = load;
    } else if (key === "e" && value === "1") {
      item.e = true;
    } else if (
      (key === "s" || key === "r" || key === "h" || key === "t" || key === "d" || key === "w") &&
      /^\d{1,6}$/.test(value)
    ) {
      const number = Number(value);
      const [low, high] = DOSE[key];
      if (number < low || number > high) {
        item.problems.push(`A dosage figure (${number}) is outside the range this page accepts, so it is left out.`);
      } else if (key === "d" || key === "w") {
        item.times = number;
        item.per = key === "w" ? "week" : "day";
      } else {
        item[key] = number;
      }
    } else {
      item.problems.push("Part of this exercise's dosage could not be read, so it is left out.");
    }
  }
  return item;
}

/**
 * Reads a program link's fragment (with or without "#").
 *
 * "empty": no fragment; "newer": a later version of the format; "damaged": anything that fails
 * the checksum or the builder's limits (nothing of it is shown); "ok": the program, each item
 * with its problems (an exercise that left the guide, a figure out of range).
 * @param {string} fragment
 * @param {Guide} guide
 * @returns {Decoded}
 */
export function decode(fragment, guide) {
  const text = fragment.replace(/^#/, "");
  if (!text) return { status: "empty" };
  if (text.length > MAX_LINK_LENGTH) return { status: "damaged", reason: "the link is too long" };
  const version = text.split(",", 1)[0].split("~", 1)[0];
  if (version !== VERSION) {
    const number = /^v([1-9]\d{0,5})$/.exec(version);
    return number && Number(number[1]) > 1
      ? { status: "newer" }
      : { status: "damaged", reason: "the link does not start with a known version" };
  }
  const end = text.lastIndexOf("~");
  const sum = text.slice(end + 1);
  if (end < 0 || !CHECKSUM.test(sum) || checksum(text.slice(0, end)) !== sum) {
    return { status: "damaged", reason: "the checksum does not match" };
  }
  const [, head = "", ...rawItems] = text.slice(0, end).split(",");
  const [rawTitle, ...headFields] = head.split(".");
  /** @type {string | undefined} */
  let episode;
  /** @type {number | undefined} */
  let revision;
  for (const field of headFields) {
    if (field.startsWith("n")) {
      if (revision !== undefined || !/^[1-9]\d{0,3}$/.test(field.slice(1))) {
        return { status: "damaged", reason: "the revision is not a number from 1 to 9999" };
      }
      revision = Number(field.slice(1));
      continue;
    }
    if (!field.startsWith("i")) continue;
    if (episode !== undefined || !EPISODE.test(field.slice(1))) {
      return { status: "damaged", reason: "the episode is not a short name in base 36" };
    }
    episode = field.slice(1);
  }
  const title = decodeText(rawTitle);
  if (title === null) return { status: "damaged", reason: "the title is not valid percent-encoded UTF-8" };
  if (title.length > TITLE_LENGTH) return { status: "damaged", reason: "the title is longer than the builder allows" };
  if (rawItems.length === 0) return { status: "damaged", reason: "the link lists no exercises" };
  if (rawItems.length > MAX_ITEMS)
    return { status: "damaged", reason: "the link lists more exercises than the builder allows" };
  try {
    const items = rawItems.map((raw) => decodeItem(raw, guide));
    const slugs = new Set(items.map((item) => item.slug));
    if (slugs.size !== items.length) return { status: "damaged", reason: "an exercise is listed twice" };
    /** @type {Decoded} */
    const decoded = { status: "ok", title, items };
    if (episode !== undefined) decoded.episode = episode;
    if (revision !== undefined) decoded.revision = revision;
    return decoded;
  } catch (error) {
    if (error instanceof Damaged) return { status: "damaged", reason: error.message };
    throw error;
  }
}

/**
 * The clinician's words set apart for the bidirectional algorithm (Unicode's first-strong
 * isolate), so right-to-left text or stray direction marks in them cannot reorder the guide's
 * own words around them, in the page or in plain text such as a copied dose.
 * @param {string} text
 * @returns {string}
 */
export function isolated(text) {
  return `\u2068${text}\u2069`;
}

/**
 * The dosage in words, as the patient view prints it.
 * @param {ProgramItem} item
 * @returns {string}
 */
export function dosageText(item) {
  const parts = [];
  if (item.s) parts.push(plural(item.s, "set"));
  if (item.r) parts.push(plural(item.r, "repetition"));
  if (item.h) parts.push(`hold ${plural(item.h, "second")}`);
  if (item.e && parts.length > (item.s ? 1 : 0)) parts[parts.length - 1] += " on each side";
  else if (item.e) parts.push("on each side");
  if (item.l) parts.push(`load: ${isolated(item.l)}`);
  if (item.t) parts.push(`rest ${plural(item.t, "second")} between sets`);
  if (item.times)
    parts.push(`${item.times === 1 ? "once" : plural(item.times, "time")} a ${item.per === "week" ? "week" : "day"}`);
  return parts.length ? parts.join(", ") : "As your clinician advised";
}
