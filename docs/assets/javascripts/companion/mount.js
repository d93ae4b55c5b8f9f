// The patient's companion on a program link: today's session to tick off, pain before and after
// it and the next morning turned into advice by the guide's pain rule, PSFS scores, a chart with a
// table, export and import, and "Delete my records". The record stays in this browser's storage,
// keyed to the episode (one course of care, across program versions); nothing is sent anywhere. log.js holds the pure logic; each part of the
// page is a module beside this one, drawn from one explicit state object.

import {
  LEGACY_PREFIX,
  STORE_PREFIX,
  dayOf,
  emptyRecord,
  mergeRecords,
  overLimit,
  parseRecord,
  serialize,
  sessionsPerDay,
  startProgram,
} from "./log.js";
import { mergeTabs } from "./merge.js";
import { words } from "./ui.js";
import { parts } from "./today.js";

/** @typedef {import("./log.js").Record_} Record_ */
/** @typedef {import("../program/link.js").DecodedItem} DecodedItem */
/** @typedef {import("./log.js").Advice} Advice */
/**
 * The pain rule's figures and the advice's words, from the content.
 * @typedef {object} PainRule
 * @property {number} maxPain
 * @property {number} settleMinutes
 * @property {number} highPain
 * @property {string} scale what 0 and 10 mean
 * @property {Record<Advice["kind"], {title: string, text: string}>} advice
 */
/**
 * The companion's sentences about the record, from content/companion/ (names in braces filled in).
 * @typedef {object} Words
 * @property {string} cleared
 * @property {string} exported
 * @property {string} send
 * @property {string} copied
 * @property {string} import_question {count}, {dates}
 * @property {string} psfs_week {given}, {due}
 */
/**
 * @typedef {object} Options
 * @property {Map<string, {slug: string, name: string, href: string, easier: string[]}>} exercises
 * @property {PainRule} painRule from the content, at build time
 * @property {{minimalChange: number}} psfs
 * @property {Words} [words] the companion's sentences about the record, from the content
 * @property {string} triage the address of the page listing the warning signs
 * @property {string} key the program's key: its link's checksum
 * @property {string} episode the course of care the program belongs to
 * @property {number} revision how many times a clinician has opened the program to change it (1: never)
 */
/**
 * The companion's state, and what every part may do with it.
 * @typedef {object} Companion
 * @property {Record_} record the patient's record, as stored
 * @property {Options} options
 * @property {PainRule} rule
 * @property {DecodedItem[]} items the program's exercises that are in the guide
 * @property {string[]} warnings what the patient must know about the record's storage
 * @property {HTMLElement | null} notes the page's notes on the record and the PSFS
 * @property {string} storageKey where the record is kept in the browser's storage
 * @property {boolean} locked a record the page cannot read, nor copy aside, is in the way: nothing is saved
 * @property {boolean | null} persisted whether the browser agreed to keep the site's storage (null: not asked)
 * @property {string | null} [stored] the record as this page last read or wrote it in storage
 * @property {Record_ | null} [importing] an imported copy waiting for the patient's answer about its conflicts
 * @property {string | null} [weekUpdated] the date of this week's PSFS entry, when a save updated it
 * @property {() => boolean} save stores the record; says whether it could
 * @property {(message?: string) => void} render redraws, announcing `message` politely
 * @property {(text: string) => void} warn adds a warning and redraws
 */

/**
 * Keeps a copy of a record the page cannot read beside it, and says whether it is really kept.
 * @param {string} key
 * @param {string} raw
 */
function setAside(key, raw) {
  try {
    localStorage.setItem(`${key}:damaged:${Date.now()}`, raw);
    localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/**
 * The episode's stored record, or a new one, with any record of one of its programs kept before
 * episodes (under the program's checksum) moved into it; a record that cannot be read is set
 * aside, never overwritten.
 * @param {Pick<Companion, "warnings" | "storageKey" | "locked">} c
 * @param {{episode: string, program: string, today: string}} at
 * @returns {Record_}
 */
function load(c, { episode, program, today }) {
  let record = emptyRecord(episode);
  /** @type {string[]} */
  const moved = [];
  /** @param {string} key @param {string} raw */
  const read = (key, raw) => {
    const parsed = parseRecord(raw, episode, program, today);
    if (parsed.ok) {
      record = mergeRecords(record, parsed.record);
      if (key !== c.storageKey) moved.push(key);
      return;
    }
    const kept = setAside(key, raw);
    c.warnings.push(
      kept
        ? `Your saved record could not be read (${parsed.reason}). A copy has been kept on this device, not deleted, and a new record started.`
        : `Your saved record could not be read (${parsed.reason}). It is left as it was, and nothing you record now is saved until it is exported or deleted.`,
    );
    if (key === c.storageKey && !kept) c.locked = true;
  };
  try {
    for (const key of new Set([c.storageKey, `${LEGACY_PREFIX}${program}`, `${LEGACY_PREFIX}${episode}`])) {
      const raw = localStorage.getItem(key);
      if (raw !== null) read(key, raw);
    }
  } catch {
    c.warnings.push(
      "This browser is not letting the page keep a record (private browsing does this). You can still follow the program; what you tick will be lost when you close the page.",
    );
    return record;
  }
  if (moved.length) {
    try {
      localStorage.setItem(c.storageKey, serialize(record));
      for (const key of moved) localStorage.removeItem(key);
    } catch {
      // The records stay where they were and are read again next time.
    }
  }
  return record;
}

/**
 * The record as stored now, or null (none, or storage blocked).
 * @param {string} key
 */
function readStored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * Stores the record, with what another tab stored since taken in first; says whether it could.
 * @param {Companion} c
 */
function saveRecord(c) {
  if (c.locked) return false;
  const over = overLimit(c.record);
  if (over) {
    c.warn(
      `This change is not saved: your record is full (${over}). Export it to keep a copy; everything saved before is kept.`,
    );
    return false;
  }
  try {
    catchUp(c);
    const text = serialize(c.record);
    localStorage.setItem(c.storageKey, text);
    c.stored = text;
    askToKeep(c);
    return true;
  } catch (error) {
    const full = error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
    c.warn(
      full
        ? "This device's storage for the site is full, so the last change is not saved. Export your record to keep it, or free some space. Your earlier entries are kept."
        : "This browser is not letting the page keep a record (private browsing does this). The last change is kept only until you close the page.",
    );
    return false;
  }
}

/**
 * Takes in what another tab stored since this page last read the record: both tabs' changes
 * are kept (see merge.js). Says whether there was anything new.
 * @param {Companion} c
 */
function catchUp(c) {
  const now = localStorage.getItem(c.storageKey);
  if (now === (c.stored ?? null)) return false;
  const { episode, key } = c.options;
  const today = dayOf(new Date());
  /** @param {string | null} text @returns {Record_ | null} */
  const read = (text) => {
    if (text === null) return emptyRecord(episode);
    const parsed = parseRecord(text, episode, key, today);
    return parsed.ok ? parsed.record : null;
  };
  const base = read(c.stored ?? null);
  const theirs = read(now);
  if (!base || !theirs) return false;
  c.record = mergeTabs(base, c.record, theirs);
  startProgram(c.record, key, today, sessionsPerDay(c.items));
  c.stored = now;
  return true;
}

/** @type {WeakMap<HTMLElement, AbortController>} */
const following = new WeakMap();

/**
 * Another tab's changes to the record are taken in as they are stored, and the page redrawn,
 * keeping what the patient was typing here. Mounting the companion again in the same section
 * (after a guided session) stops the earlier mount's listening; so does the section leaving the
 * page (another program shown), before its typed values could reach the new program's form.
 * @param {Companion} c
 * @param {HTMLElement} section
 */
function followOtherTabs(c, section) {
  following.get(section)?.abort();
  const listening = new AbortController();
  following.set(section, listening);
  addEventListener(
    "storage",
    (event) => {
      if (!section.isConnected) {
        listening.abort(); // the page shows another program now
        return;
      }
      if (c.locked || (event.key !== null && event.key !== c.storageKey)) return;
      try {
        if (!catchUp(c)) return;
      } catch {
        return; // Storage blocked since: this page keeps what it has.
      }
      const typed = [...section.querySelectorAll("input")].filter((input) => input.type !== "file" && input.value);
      const values = typed.map((input) => [input.id, input.value]);
      c.render("Updated with what you saved in another tab.");
      for (const [id, value] of values) {
        const input = document.getElementById(id);
        if (input instanceof HTMLInputElement && !input.value) input.value = value;
      }
    },
    { signal: listening.signal },
  );
}

/** @type {WeakSet<Companion>} */
const asked = new WeakSet();

/**
 * Once a record is being kept, asks the browser to keep the site's storage (not to clear it
 * when space runs short), once a visit; the answer is shown beside the record.
 * @param {Companion} c
 */
function askToKeep(c) {
  if (asked.has(c) || !navigator.storage?.persist) return;
  asked.add(c);
  navigator.storage
    .persisted()
    .then((already) => already || navigator.storage.persist())
    .then((granted) => {
      c.persisted = granted;
      c.render();
    })
    .catch(() => {});
}

/**
 * Re-draws the companion, keeping focus on the control with the same id.
 * @param {Companion} c
 * @param {HTMLElement} section
 * @param {string} message a polite announcement
 */
function draw(c, section, message) {
  const focused =
    document.activeElement instanceof HTMLElement && section.contains(document.activeElement)
      ? document.activeElement.id
      : "";
  const said = document.getElementById("companion-status")?.textContent ?? "";
  section.replaceChildren(...parts(c));
  if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  // A redraw without news (the browser's answer about keeping the record) keeps the last one.
  const status = document.getElementById("companion-status");
  if (status) status.textContent = message || said;
}

/**
 * @param {HTMLElement} section
 * @param {{title: string, items: DecodedItem[]}} program
 * @param {Options} options
 */
export function mountCompanion(section, program, options) {
  const storageKey = `${STORE_PREFIX}${options.episode}`;
  /** @type {Companion} */
  const c = {
    record: emptyRecord(options.episode),
    options,
    rule: options.painRule,
    items: program.items.filter((item) => options.exercises.has(item.slug)),
    warnings: [],
    notes: document.getElementById("companion-notes"),
    storageKey,
    locked: false,
    persisted: null,
    stored: null,
    importing: null,
    weekUpdated: null,
    save: () => saveRecord(c),
    render: (message = "") => draw(c, section, message),
    warn: (text) => {
      if (!c.warnings.includes(text)) c.warnings.push(text);
      c.render();
    },
  };
  const today = dayOf(new Date());
  c.record = load(c, { episode: options.episode, program: options.key, today });
  const empty = !c.record.programs.length && !Object.keys(c.record.days).length && !c.record.psfs.length;
  if (empty && options.revision > 1) {
    c.warnings.push(words(c).cleared);
  }
  c.stored = readStored(storageKey);
  startProgram(c.record, options.key, today, sessionsPerDay(c.items));
  followOtherTabs(c, section);
  c.render();
}
