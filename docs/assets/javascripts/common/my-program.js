// The way back to "my program": the last program link opened on this device, kept in the
// browser's storage so the home page (and the program page without a link) can offer it. Only
// the link's fragment and title are kept; the record itself stays under its episode.

import { TITLE_LENGTH } from "./contract.js";

export const KEY = "knee-guide:my-program";
/** Longest fragment kept: the program link decoder's own limit. */
const MAX_FRAGMENT = 32768;
const FRAGMENT = /^v[1-9]\d{0,5},[^\s#]*$/;

/** @typedef {{fragment: string, title: string}} MyProgram */

/**
 * Reads what was kept, refusing anything that is not a program link and a short title.
 * @param {string | null} text
 * @returns {MyProgram | null}
 */
export function readMyProgram(text) {
  if (text === null || text.length > MAX_FRAGMENT + 2 * TITLE_LENGTH + 64) return null;
  try {
    const value = JSON.parse(text);
    const { fragment, title } = value ?? {};
    if (typeof fragment !== "string" || fragment.length > MAX_FRAGMENT || !FRAGMENT.test(fragment)) return null;
    if (typeof title !== "string" || title.length > TITLE_LENGTH) return null;
    return { fragment, title };
  } catch {
    return null;
  }
}

/** @returns {MyProgram | null} the program kept on this device, if any */
export function recallMyProgram() {
  try {
    return readMyProgram(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

/**
 * Keeps the program the patient opened; storage that is blocked or full keeps nothing.
 * @param {MyProgram} program
 */
export function rememberMyProgram(program) {
  try {
    localStorage.setItem(KEY, JSON.stringify(program));
  } catch {
    // Nothing kept: the link itself still works.
  }
}

export function forgetMyProgram() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Blocked storage holds nothing to forget.
  }
}
