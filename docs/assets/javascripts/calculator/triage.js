// Warning signs, decided on the page the moment they are ticked, whatever state Python is in.
// Pure (no DOM), so Node's test runner imports it (tests/js/).
//
// The rule is the estimator's own (calculator/inputs.py: `warning_signs`), applied to data the
// build emits from it: the codes the estimator knows, the retired codes it still reads, and the
// answers that stand for a sign. Every word shown (each sign's name and action, each urgency's
// heading) comes from the guide's content. A test runs this module and the estimator on the same
// answers and compares the codes.

/** @typedef {"emergency" | "urgent" | "routine"} Tier */
/**
 * One warning sign, in the content's words.
 * @typedef {object} Sign
 * @property {string} code
 * @property {string} name
 * @property {Tier} tier
 * @property {string} action what to do, in plain text
 * @property {string} href where the triage page explains it
 */
/** @typedef {{tier: Tier, heading: string, summary: string}} TierWords */
/** @typedef {{number: string, name: string}} Call a number that is a link wherever it is named */
/**
 * What the build emits for the page (kneeguide/pages/calculator.py: `triage_data`).
 * @typedef {object} Triage
 * @property {Sign[]} signs every sign the estimator knows, most urgent first
 * @property {TierWords[]} tiers most urgent first
 * @property {Record<string, string>} retired retired code -> the sign that replaced it
 * @property {Record<string, Record<string, string>>} refers question -> answer -> the sign it stands for
 * @property {Call[]} calls
 */
/** @typedef {{tier: Tier, heading: string, summary: string, signs: Sign[]}} Group */

/**
 * The codes an answer list names, known ones mapped through the retired codes.
 * @param {unknown} value the `red_flags` answer
 * @param {Triage} triage
 * @returns {{known: Set<string>, unknown: string[]}}
 */
function readCodes(value, triage) {
  /** @type {Set<string>} */
  const known = new Set();
  /** @type {string[]} */
  const unknown = [];
  const codes = new Set(triage.signs.map((sign) => sign.code));
  for (const item of Array.isArray(value) ? value : []) {
    const code = typeof item === "string" && Object.hasOwn(triage.retired, item) ? triage.retired[item] : item;
    if (typeof code === "string" && codes.has(code)) known.add(code);
    else if (!unknown.includes(String(item))) unknown.push(String(item));
  }
  return { known, unknown };
}

/**
 * The warning signs the answers give, most urgent first, and the codes not recognised. Other
 * answers may be missing or wrong: a sign is acted on at once, and an unknown code never cancels
 * a known one.
 * @param {Record<string, unknown>} input answers by field, as the estimator reads them
 * @param {Triage} triage
 * @returns {{signs: Sign[], unknown: string[]}}
 */
export function warningSigns(input, triage) {
  const { known, unknown } = readCodes(input.red_flags, triage);
  for (const [field, answers] of Object.entries(triage.refers)) {
    const answer = input[field];
    if (typeof answer === "string" && Object.hasOwn(answers, answer)) known.add(answers[answer]);
  }
  return { signs: triage.signs.filter((sign) => known.has(sign.code)), unknown };
}

/**
 * The signs grouped by urgency, most urgent group first; groups with no sign are left out.
 * @param {Sign[]} signs
 * @param {Triage} triage
 * @returns {Group[]}
 */
export function byTier(signs, triage) {
  return triage.tiers
    .map((words) => ({ ...words, signs: signs.filter((sign) => sign.tier === words.tier) }))
    .filter((group) => group.signs.length > 0);
}

/**
 * Text split around the phone numbers it names, so each number can be a `tel:` link.
 * @param {string} text
 * @param {Call[]} calls
 * @returns {(string | Call)[]}
 */
export function dialParts(text, calls) {
  if (calls.length === 0) return [text];
  const numbers = calls.map((call) => call.number).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\d])(${numbers.join("|")})(?![\\d])`, "g");
  /** @type {(string | Call)[]} */
  const parts = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > at) parts.push(text.slice(at, index));
    const call = calls.find((c) => c.number === match[0]);
    if (call) parts.push(call);
    at = index + match[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
