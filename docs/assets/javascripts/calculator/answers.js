// The calculator's answers as the address holds them: `#severity=severe&symptom_weeks=3`, in the
// fragment, which the browser never sends to the server. Pure, so Node's test runner imports it.
//
// The type of each answer comes from the estimator's question table (calculator/inputs.py),
// emitted by the build: the page has no per-question special case.

/** @typedef {"choice" | "boolean" | "number" | "codes"} Kind the JSON type of an answer */
/** @typedef {Record<string, unknown>} Input answers by field, as the estimator reads them */

/** A plain decimal number, as the form's number box takes it: no hex, exponents or spaces. */
export const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * One answer as a link or the form writes it, in the JSON type the estimator reads; anything
 * else is passed on as text, so the estimator's own message explains it.
 * @param {Kind | undefined} kind
 * @param {string} raw
 * @returns {unknown}
 */
export function fromText(kind, raw) {
  if (kind === "codes") return raw === "" ? [] : raw.split(",");
  if (kind === "number") return DECIMAL.test(raw) ? Number(raw) : raw;
  if (kind === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}

/**
 * The answers a link gives, from its fragment (or, from an old link, its query); a question the
 * link leaves out stays unanswered, and anything else in it is ignored.
 * @param {string} text the fragment or query, without its `#` or `?`
 * @param {Record<string, Kind>} kinds each question's answer type, in the form's order
 * @returns {Input}
 */
export function fromAddress(text, kinds) {
  const params = new URLSearchParams(text);
  /** @type {Input} */
  const input = {};
  for (const [field, kind] of Object.entries(kinds)) {
    const raw = params.get(field);
    if (raw !== null) input[field] = fromText(kind, raw);
  }
  return input;
}

/**
 * The answers as the fragment of a link, in the form's order; no empty answers.
 * @param {Input} input
 * @param {Record<string, Kind>} kinds
 */
export function toAddress(input, kinds) {
  const params = new URLSearchParams();
  for (const field of Object.keys(kinds)) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    params.set(field, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params.toString().replaceAll("%2C", ",");
}

/**
 * Whether a fragment holds answers (`severity=...`) rather than naming a place on the page.
 * @param {string} fragment
 */
export function holdsAnswers(fragment) {
  return fragment.includes("=");
}
