// Generated from the Python side by kneeguide/bundle/contract.py (make schema): do not edit.
// The limits are the content's own (kneeguide/content/limits.py), so a program template
// can never hold a dose the program link refuses.

/** Inclusive range of each dose figure: sets, repetitions, hold and rest (seconds), times a
 * day, times a week. */
export const DOSE = Object.freeze({
  s: /** @type {readonly [number, number]} */ (Object.freeze([1, 20])),
  r: /** @type {readonly [number, number]} */ (Object.freeze([1, 100])),
  h: /** @type {readonly [number, number]} */ (Object.freeze([1, 600])),
  t: /** @type {readonly [number, number]} */ (Object.freeze([1, 600])),
  d: /** @type {readonly [number, number]} */ (Object.freeze([1, 14])),
  w: /** @type {readonly [number, number]} */ (Object.freeze([1, 21])),
});
/** Longest program title, note and load, in UTF-16 code units (what `maxlength` counts). */
export const TITLE_LENGTH = 60;
export const NOTE_LENGTH = 80;
export const LOAD_LENGTH = 30;
/** Most exercises in one program. */
export const MAX_ITEMS = 30;
/** The patient's record: most days, PSFS entries and program versions kept, longest note and
 * PSFS activity, longest record file, and days without a saved copy before a reminder. */
export const RECORD = Object.freeze({
  days: 1200,
  psfs: 200,
  programs: 200,
  note: 200,
  activity: 60,
  length: 1000000,
  export_reminder_days: 7,
  report_days: 90,
});
/** The guided session's pauses (seconds): to get into position, and to change sides. */
export const SESSION = Object.freeze({
  ready_seconds: 5,
  switch_seconds: 5,
});
/** The pain scale: 0 is no pain, 10 the worst imaginable. */
export const PAIN = /** @type {readonly [number, number]} */ (Object.freeze([0, 10]));
/** A slug: lowercase letters, digits and single hyphens. */
export const SLUG = new RegExp("^[a-z0-9]+(?:-[a-z0-9]+)*$");
/** Where the site serves Pyodide's runtime, the lock and the estimator's wheel, from its root. */
export const PYODIDE_PATH = "pyodide/314.0.7/";
/** The trimmed standard library's file in that folder, named by its content. */
export const STDLIB = "python_stdlib-f87676c99def.zip";
/** The estimator's distribution name in the lock file. */
export const ESTIMATOR = "knee-guide-calculator";
