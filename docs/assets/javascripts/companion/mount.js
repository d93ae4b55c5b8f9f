// The patient's companion on a program link: today's session to tick off, pain before and after
// it and the next morning turned into advice by the guide's pain rule, PSFS scores, a chart with a
// table, export and import, and "Delete my records". The record stays in this browser's storage,
// keyed to the program; nothing is sent anywhere. log.js holds the pure logic; each part of the
// page is a module beside this one, drawn from one explicit state object.

import { emptyRecord, parseRecord, programKey, serialize } from "./log.js";
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
 * @typedef {object} Options
 * @property {Map<string, {slug: string, name: string, href: string, easier: string[]}>} exercises
 * @property {PainRule} painRule from the content, at build time
 * @property {{minimalChange: number}} psfs
 * @property {string} triage the address of the page listing the warning signs
 * @property {string} key the program's link fragment
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
 * @property {() => boolean} save stores the record; says whether it could
 * @property {(message?: string) => void} render redraws, announcing `message` politely
 * @property {(text: string) => void} warn adds a warning and redraws
 */

/**
 * The stored record, or a new one, setting aside one that cannot be read.
 * @param {Pick<Companion, "options" | "warnings">} c
 * @param {string} storageKey
 * @returns {Record_}
 */
function load(c, storageKey) {
  const fresh = emptyRecord(programKey(c.options.key));
  /** @type {string | null} */
  let raw;
  try {
    raw = localStorage.getItem(storageKey);
  } catch {
    c.warnings.push(
      "This browser is not letting the page keep a record (private browsing does this). You can still follow the program; what you tick will be lost when you close the page.",
    );
    return fresh;
  }
  if (raw === null) return fresh;
  const parsed = parseRecord(raw, fresh.program);
  if (parsed.ok) return parsed.record;
  try {
    localStorage.setItem(`${storageKey}:damaged:${Date.now()}`, raw);
    localStorage.removeItem(storageKey);
  } catch {
    // Left where it was: a new record is only kept in memory until storage works again.
  }
  c.warnings.push(
    `Your saved record for this program could not be read (${parsed.reason}). It has been set aside, not deleted, and a new record started. Nothing else was changed.`,
  );
  return fresh;
}

/**
 * @param {HTMLElement} section
 * @param {{title: string, items: DecodedItem[]}} program
 * @param {Options} options
 */
export function mountCompanion(section, program, options) {
  const storageKey = `knee-guide:record:${programKey(options.key)}`;
  /** @type {Companion} */
  const c = {
    record: emptyRecord(programKey(options.key)),
    options,
    rule: options.painRule,
    items: program.items.filter((item) => options.exercises.has(item.slug)),
    warnings: [],
    notes: document.getElementById("companion-notes"),
    storageKey,
    save,
    render,
    warn,
  };
  c.record = load(c, storageKey);

  /** @returns {boolean} whether it was saved */
  function save() {
    try {
      localStorage.setItem(storageKey, serialize(c.record));
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

  /** @param {string} text */
  function warn(text) {
    if (!c.warnings.includes(text)) c.warnings.push(text);
    c.render();
  }

  /** @param {string} text */
  function say(text) {
    const status = document.getElementById("companion-status");
    if (status) status.textContent = text;
  }

  /**
   * Re-draws the companion, keeping focus on the control with the same id.
   * @param {string} [message] a polite announcement
   */
  function render(message = "") {
    const focused =
      document.activeElement instanceof HTMLElement && section.contains(document.activeElement)
        ? document.activeElement.id
        : "";
    section.replaceChildren(...parts(c));
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
    if (message) say(message);
  }

  render();
}
