// The messages between the calculator's page and its worker, and the estimator's answer they
// carry (calculator/api.py writes it: codes and numbers, put into words by the page). Types
// only: both sides import them, so neither can drift from the other.

/**
 * A request from the page: the reader's answers, numbered so a late answer is recognised.
 * @typedef {{id: number, input: Record<string, unknown>}} Request
 */

/** @typedef {{low: number, likely: number, high: number}} Weeks */
/**
 * One factor of an estimate.
 * @typedef {object} Factor
 * @property {string} factor
 * @property {unknown} answer
 * @property {number} days_added
 * @property {number} multiplier
 */
/** @typedef {{phase: string, start_day: number, end_day: number, ongoing: boolean}} Phase */
/**
 * The estimator's answer (calculator/estimate.py).
 * @typedef {object} Result
 * @property {"estimate" | "outlook" | "refer"} kind
 * @property {Weeks | null} weeks
 * @property {Factor[]} factors
 * @property {Phase[]} phases
 * @property {"within_rule" | "stop" | null} running
 * @property {boolean} assess
 * @property {Weeks | null} as_is
 * @property {boolean} as_is_beyond
 * @property {Factor[]} habits
 * @property {string | null} reason
 * @property {string[]} red_flags
 * @property {string[]} [unrecognised]
 * @property {number} base_days
 */

/** @typedef {"snapshot" | "fresh"} Start how Python started: from the stored snapshot, or afresh */

/**
 * A message from the worker.
 * @typedef {{type: "progress", stage: "runtime" | "estimator", loaded?: number}
 *   | {type: "ready", python: string, start: Start, fallback?: string, snapshotting: boolean}
 *   | {type: "snapshot", state: "stored" | "failed", bytes?: number, kept?: number, runtime?: string[], reason?: string}
 *   | {type: "failed", reason: string, offline?: boolean}
 *   | {type: "result", id: number, response: {errors?: Record<string, string>, result: Result}}} WorkerMessage
 */

export {};
