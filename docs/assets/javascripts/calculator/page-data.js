// What the build embeds in the calculator page (kneeguide/pages/calculator.py): the question
// table's types, the typical answer, and every word the page shows about an answer, by the
// estimator's codes. Types, and the one function that reads it.

import { byId } from "../common/dom.js";

/** @typedef {{number: number, title: string, href: string}} Reference */
/** @typedef {{name: string, href: string}} ExerciseLink */
/** @typedef {{label: string, href: string}} Basis how a claim resting on editors' advice or runners' experience is marked */
/** @typedef {import("./answers.js").Input} Input */
/** @typedef {{text: string, cites: string[]}} Claim a sentence of the content and the bases it cites */
/** @typedef {import("./protocol.js").Result} Result */
/**
 * Every word the page shows about an estimate, by the estimator's codes (content/estimate/).
 * @typedef {object} Words
 * @property {Claim} measure
 * @property {Claim} typical
 * @property {Claim} caveat
 * @property {Claim} assess
 * @property {Claim} as_is
 * @property {Claim} as_is_beyond
 * @property {Claim} refer
 * @property {string} disclaimer
 * @property {Record<string, {title: string, text: Claim[]}>} running
 * @property {Record<string, {title: string, text: Claim[]}>} outlooks
 * @property {Record<string, {name: string, what: Claim[], startWhen: Claim | null, moveOnWhen: Claim | null, ongoing: Claim | null, template: string, exercises: string[]}>} phases
 * @property {Record<string, {label: string, references: string[], timeline: boolean, answers: Record<string, Claim>, bands: (Claim & {atLeast: number})[]}>} factors
 */
/** @typedef {import("./triage.js").Triage} Triage */
/** @typedef {import("./triage.js").Sign} Sign */
/**
 * What the build embeds in the page (kneeguide/pages/calculator.py).
 * @typedef {object} PageData
 * @property {string[]} fields
 * @property {Record<string, import("./answers.js").Kind>} kinds the JSON type of each answer, in the form's order
 * @property {Record<string, string>} units what each number counts, plural: "weeks"
 * @property {string[]} required
 * @property {Record<string, string>} short
 * @property {number | null} downloadBytes what a first visit downloads at most, when the build measured it
 * @property {Input} typicalInput
 * @property {Result} typicalResult
 * @property {Record<string, Reference>} references
 * @property {Record<string, Basis>} bases
 * @property {Words} words
 * @property {Triage} triage
 * @property {string} timelines
 * @property {string} painRule
 * @property {string} recovery
 * @property {string} clinician
 * @property {Record<string, ExerciseLink>} exercises
 */

/** @returns {PageData} */
export function readPageData() {
  return JSON.parse(byId("calculator-data", HTMLScriptElement).text);
}
