// The recovery calculator page. The estimate always comes from the project's Python estimator:
// at build time for the typical case (embedded in the page), then from Pyodide in a module
// worker. This file only moves answers between the form, the address and the worker, and shows
// the estimator's result; it computes nothing itself.
//
// Warning signs come first and never wait for Python: the moment one is ticked (or the reader
// is under 18) the page refers, with the estimator's rule applied to data emitted from it
// (triage.js) and the content's words, and no recovery number is on screen, whatever state the
// worker is in (starting, failed, blocked, offline).
//
// The answers live in the address's fragment (#severity=...), which the browser never sends to
// the server; an old link with a query is read, then moved into the fragment.
//
// No answer is pre-selected. What is shown is always labelled with whose answer it is: the
// typical case until the reader has answered, "not yet for your answers" while Python starts,
// while a request is on its way, or while an answer is missing or invalid, and "your estimate"
// only once the estimator has answered for exactly the answers in the form.

import { started, takeOver } from "./start.js";
import { CALCULATOR_SETTLED } from "../site/sw-register.js";
import { byTier, dialParts, warningSigns } from "./triage.js";

/** @typedef {{number: number, title: string, href: string}} Reference */
/** @typedef {{name: string, href: string}} ExerciseLink */
/** @typedef {{label: string, href: string}} Basis how a claim resting on editors' advice or runners' experience is marked */
/** @typedef {Record<string, unknown>} Input answers by field name, as the estimator reads them */
/** @typedef {{text: string, cites: string[]}} Claim a sentence of the content and the bases it cites */
/** @typedef {{low: number, likely: number, high: number}} Weeks */
/**
 * One factor of an estimate (calculator/estimate.py writes it).
 * @typedef {object} Factor
 * @property {string} factor
 * @property {unknown} answer
 * @property {number} days_added
 * @property {number} multiplier
 */
/** @typedef {{phase: string, start_day: number, end_day: number, ongoing: boolean}} Phase */
/**
 * The estimator's result (calculator/estimate.py): codes and numbers, put into words here from
 * the content.
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
 * @property {Record<string, "choice" | "boolean" | "number" | "codes">} kinds the JSON type of each answer
 * @property {Record<string, string>} units what each number counts, plural: "weeks"
 * @property {string[]} required
 * @property {Record<string, string>} short
 * @property {string | null} download
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
/**
 * Messages from calculator-worker.js.
 * @typedef {{type: "progress", stage: string}
 *   | {type: "ready", python: string, start: "snapshot" | "fresh", fallback?: string, snapshotting: boolean}
 *   | {type: "snapshot", state: "stored" | "failed", bytes?: number, kept?: number, runtime?: string[], reason?: string}
 *   | {type: "failed", reason: string}
 *   | {type: "result", id: number, response: {errors?: Record<string, string>, result: Result}}} WorkerMessage
 */

/**
 * @template {Element} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return node;
}

/** A test may shorten the start-up time limit (tests/browser/test_calculator.py). */
const START_TIMEOUT_MS = /** @type {{KNEE_GUIDE_START_TIMEOUT_MS?: number}} */ (window).KNEE_GUIDE_START_TIMEOUT_MS || 30000;

/** @type {PageData} */
const data = JSON.parse(byId("calculator-data", HTMLScriptElement).text);
const form = byId("calculator", HTMLFormElement);
const statusText = byId("calculator-status-text", HTMLElement);
const progress = byId("calculator-progress", HTMLElement);
const resultBody = byId("result-body", HTMLElement);
const resultSection = byId("calculator-result", HTMLElement);
const summary = byId("calculator-summary", HTMLElement);
const summaryLive = byId("summary-live", HTMLElement);
const summaryLabel = byId("summary-label", HTMLElement);
const summaryHeadline = byId("summary-headline", HTMLElement);
const summaryNote = byId("summary-note", HTMLElement);
const summarySigns = byId("summary-signs", HTMLElement);

/** @type {Worker | null} */
let worker = null;
let ready = false;
/** The worker will snapshot Python's memory once it is idle after the first answer. */
let snapshotting = false;
let failed = false;
let latest = 0;
/** Fields the reader has answered (or a link gave): only their problems are shown. */
const touched = new Set();
/** Warning-sign codes a link gave that this page does not know, until the reader ticks again. */
let unknownFromLink = /** @type {string[]} */ ([]);

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

/**
 * @param {string} href
 * @param {string} text
 * @param {string} [title]
 */
function link(href, text, title) {
  const a = element("a", { href }, text);
  if (title) a.title = title;
  return a;
}

/**
 * `count` and the noun, singular or plural.
 * @param {number} count
 * @param {string} one
 * @param {string} [many]
 */
function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

// --- answers: address <-> JSON <-> form -----------------------------------------------------

/** A plain decimal number, as the form's number box takes it: no hex, exponents or spaces. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * One answer as a link writes it, in the JSON type the estimator reads; anything else is passed
 * on as text, so the estimator's own message explains it.
 * @param {string} field
 * @param {string} raw
 * @returns {unknown}
 */
function fromText(field, raw) {
  const kind = data.kinds[field];
  if (kind === "codes") return raw === "" ? [] : raw.split(",");
  if (kind === "number") return DECIMAL.test(raw) ? Number(raw) : raw;
  if (kind === "boolean") return raw === "true" ? true : raw === "false" ? false : raw;
  return raw;
}

/**
 * The answers a link gives, from its fragment (or, from an old link, its query); a field the
 * link leaves out stays unanswered.
 * @param {string} text the fragment or query, without its `#` or `?`
 * @returns {Input}
 */
function fromAddress(text) {
  const params = new URLSearchParams(text);
  /** @type {Input} */
  const input = {};
  for (const field of data.fields) {
    const raw = params.get(field);
    if (raw !== null) input[field] = fromText(field, raw);
  }
  return input;
}

/** @param {Input} input */
function toAddress(input) {
  const params = new URLSearchParams();
  for (const field of data.fields) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    params.set(field, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params.toString().replaceAll("%2C", ",");
}

/** Whether a fragment holds answers (`severity=...`) rather than naming a place on the page. */
function holdsAnswers(/** @type {string} */ fragment) {
  return fragment.includes("=");
}

/**
 * The control (or radio group) named `field`, which the template always writes.
 * @param {string} field
 * @returns {HTMLInputElement | HTMLSelectElement | RadioNodeList}
 */
function control(field) {
  const controls = form.elements.namedItem(field);
  if (controls instanceof HTMLInputElement || controls instanceof HTMLSelectElement || controls instanceof RadioNodeList) {
    return controls;
  }
  throw new Error(`the form has no control named ${field}`);
}

/** @param {string} selector */
function inputs(selector) {
  return [...form.querySelectorAll(selector)].filter((node) => node instanceof HTMLInputElement);
}

/**
 * The answers in the form. An unanswered question is left out; a number box holding something
 * that is not a plain number is sent as it is, so the estimator's own message explains it.
 * @returns {Input}
 */
function fromForm() {
  /** @type {Input} */
  const input = {};
  for (const field of data.fields) {
    const kind = data.kinds[field];
    if (kind === "codes") {
      input[field] = inputs(`input[name="${field}"]:checked`).map((c) => c.value);
    } else if (kind === "number") {
      const box = control(field);
      const text = box.value.trim();
      const bad = box instanceof HTMLInputElement && box.validity.badInput;
      if (text !== "") input[field] = DECIMAL.test(text) ? Number(text) : text;
      else if (bad) input[field] = "not a number";
    } else {
      const value = control(field).value;
      if (value !== "") input[field] = fromText(field, value);
    }
  }
  return input;
}

/** @param {Input} input */
function toForm(input) {
  for (const field of data.fields) {
    const value = input[field];
    const kind = data.kinds[field];
    if (kind === "codes") {
      const codes = Array.isArray(value) ? value : [];
      for (const box of inputs(`input[name="${field}"]`)) box.checked = codes.includes(box.value);
    } else if (kind === "number") {
      control(field).value = typeof value === "number" ? String(value) : "";
    } else {
      for (const node of form.querySelectorAll(`[name="${field}"]`)) {
        if (node instanceof HTMLInputElement && node.type === "radio") node.checked = value !== undefined && node.value === String(value);
        else if (node instanceof HTMLSelectElement) {
          const known = [...node.options].some((o) => o.value === String(value));
          node.value = value !== undefined && known ? String(value) : "";
        }
      }
    }
  }
}

/**
 * The question a form control belongs to.
 * @param {EventTarget | null} target
 */
function fieldOf(target) {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement ? target.name : "";
}

// --- showing results -------------------------------------------------------------------------

/**
 * @param {string} field
 * @param {unknown} answer
 * @returns {string}
 */
function answerLabel(field, answer) {
  if (data.kinds[field] === "number") return plural(Number(answer), data.units[field].replace(/s$/, ""), data.units[field]);
  const controls = form.elements.namedItem(field);
  if (controls instanceof HTMLSelectElement) {
    const option = [...controls.options].find((o) => o.value === String(answer));
    return option?.textContent ? option.textContent.trim() : String(answer);
  }
  const label = form.querySelector(`[name="${field}"][value="${String(answer)}"]`)?.parentElement?.textContent;
  return label ? label.trim() : String(answer);
}

/**
 * Links to what a claim rests on: a numbered reference, or the mark of editors' advice or
 * runners' experience.
 * @param {string[]} cites
 */
function citations(cites) {
  return cites.flatMap((cite) => {
    if (Object.hasOwn(data.references, cite)) {
      const ref = data.references[cite];
      return [" ", link(ref.href, `[${ref.number}]`, ref.title)];
    }
    if (Object.hasOwn(data.bases, cite)) return [" ", element("a", { href: data.bases[cite].href, class: "kg-basis" }, `[${data.bases[cite].label}]`)];
    return [];
  });
}

/**
 * A claim of the content, with what it rests on.
 * @param {Claim} claim
 */
function prose(claim) {
  return [claim.text, ...citations(claim.cites)];
}

/** @param {string} code */
function source(code) {
  const words = data.words.factors[code];
  const size = words.timeline
    ? ["Size: our judgement, anchored to ", link(data.timelines, "typical recovery times"), "."]
    : ["Size: our judgement."];
  if (words.references.length > 0) return ["Direction:", ...citations(words.references), ". ", ...size];
  return size;
}

/**
 * How long the pain has lasted, in the words a reader uses.
 * @param {number} weeks
 */
function duration(weeks) {
  if (weeks < 1) return plural(Math.max(1, Math.round(weeks * 7)), "day");
  return plural(weeks, "week");
}

/**
 * Why an answer moves the estimate as it does, from the content.
 * @param {Factor} factor
 */
function why(factor) {
  const words = data.words.factors[factor.factor];
  if (typeof factor.answer === "number") {
    const answer = factor.answer;
    const band = words.bands.filter((b) => b.atLeast <= answer).pop() ?? words.bands[0];
    return { text: band.text.replaceAll("{duration}", duration(answer)), cites: band.cites };
  }
  return words.answers[String(factor.answer)];
}

/**
 * Days as the page words them: whole weeks as weeks.
 * @param {number} count
 */
function days(count) {
  if (count % 7 === 0 && count > 0) return plural(count / 7, "week");
  return plural(count, "day");
}

/**
 * Shows the messages of the questions the reader has answered; returns what is still to do.
 * @param {Record<string, string>} errors
 * @returns {{invalid: [string, string][], missing: string[]}}
 */
function showErrors(errors) {
  for (const node of form.querySelectorAll(".kg-error")) {
    if (!(node instanceof HTMLElement)) continue;
    node.hidden = true;
    node.textContent = "";
  }
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  /** @type {[string, string][]} */
  const invalid = [];
  /** @type {string[]} */
  const missing = [];
  for (const [field, message] of Object.entries(errors)) {
    const known = data.fields.includes(field);
    if (known && !touched.has(field)) {
      missing.push(field);
      continue;
    }
    const shown = field === "red_flags" && unknownFromLink.length > 0 ? `${message} (${unknownFromLink.map((code) => `"${code}"`).join(", ")})` : message;
    invalid.push([field, shown]);
    const target = (known && document.getElementById(`error-${field}`)) || byId("error-input", HTMLElement);
    target.textContent = target.textContent ? `${target.textContent} ${shown}` : shown;
    target.hidden = false;
    for (const node of form.querySelectorAll(`[name="${field}"]`)) node.setAttribute("aria-invalid", "true");
  }
  return { invalid, missing };
}

/**
 * Text with each phone number the guide lists as a `tel:` link.
 * @param {string} text
 * @returns {(string | HTMLAnchorElement)[]}
 */
function dialled(text) {
  return dialParts(text, data.triage.calls).map((part) =>
    typeof part === "string" ? part : element("a", { href: `tel:${part.number}`, class: "kg-tel" }, part.number),
  );
}

/**
 * The warning signs given, grouped by urgency with what to do, and no number.
 * @param {Sign[]} signs most urgent first
 * @param {string[]} unknown codes a link gave that are not known
 */
function renderReferral(signs, unknown) {
  const groups = byTier(signs, data.triage);
  return [
    element(
      "div",
      { class: `admonition ${ADMONITION[groups[0].tier]} kg-refer`, "data-tier": groups[0].tier },
      element("p", { class: "admonition-title" }, ...dialled(groups[0].heading)),
      ...groups.flatMap((group, index) => [
        index > 0 ? element("p", { class: "kg-refer-tier", "data-tier": group.tier }, element("strong", {}, ...dialled(group.heading))) : null,
        element("p", {}, ...dialled(group.summary)),
        element(
          "ul",
          {},
          ...group.signs.map((sign) =>
            element("li", { "data-tier": sign.tier, "data-code": sign.code }, link(sign.href, sign.name), ". ", ...dialled(sign.action)),
          ),
        ),
      ]),
      unknownNote(unknown),
      element("p", {}, ...prose(data.words.refer), " ", link(data.clinician, "When to get help"), " lists every sign."),
    ),
  ];
}

/**
 * Says which warning signs a link named that this page does not know, if any.
 * @param {string[]} unknown
 */
function unknownNote(unknown) {
  if (unknown.length === 0) return null;
  const names = unknown.map((code) => `"${code}"`).join(", ");
  return element(
    "p",
    { class: "kg-unknown-signs" },
    `The link you opened also named ${unknown.length === 1 ? "a warning sign" : "warning signs"} this page does not know (${names}). Check the list of signs and tick any that apply.`,
  );
}

/** The admonition style of each urgency: the most urgent in the danger style. */
const ADMONITION = { emergency: "danger", urgent: "warning", routine: "note" };

/**
 * The headline of a result, as the summary and the details show it.
 * @param {Result} result
 */
function headline(result) {
  if (result.kind === "estimate" && result.weeks) {
    const weeks = result.weeks;
    return `Likely ${plural(weeks.likely, "week")}: ${weeks.low} to ${weeks.high} weeks or more.`;
  }
  if (result.kind === "outlook" && result.reason) return data.words.outlooks[result.reason].title;
  return "";
}

/** @param {Result} result */
function renderOutlook(result) {
  const words = data.words.outlooks[result.reason ?? ""];
  return [
    element("p", { class: "kg-headline" }, element("strong", {}, words.title)),
    ...words.text.map((claim) => element("p", {}, ...prose(claim))),
    element("p", {}, "Read ", link(data.recovery, "how long runner's knee takes"), "."),
  ];
}

/**
 * The factors' table: each answer, what it adds, and why.
 * @param {Factor[]} factors
 * @param {boolean} theirs whether the answers are the reader's own
 * @param {string} caption
 * @param {(factor: Factor) => string} effect
 */
function factorTable(factors, theirs, caption, effect) {
  return element(
    "table",
    {},
    element("caption", {}, caption),
    element(
      "thead",
      {},
      element(
        "tr",
        {},
        element("th", { scope: "col" }, "Factor"),
        element("th", { scope: "col" }, theirs ? "Your answer" : "Typical answer"),
        element("th", { scope: "col" }, "Effect"),
        element("th", { scope: "col" }, "Why"),
      ),
    ),
    element(
      "tbody",
      {},
      ...factors.map((factor) =>
        element(
          "tr",
          { "data-factor": factor.factor },
          element("th", { scope: "row" }, data.words.factors[factor.factor].label),
          element("td", { class: "kg-answer" }, answerLabel(factor.factor, factor.answer)),
          element("td", { class: "kg-effect" }, effect(factor)),
          element("td", { class: "kg-why" }, ...prose(why(factor)), " ", element("span", { class: "kg-source" }, ...source(factor.factor))),
        ),
      ),
    ),
  );
}

/**
 * When a phase runs, in days from today (day 1).
 * @param {Phase} phase
 */
function when(phase) {
  if (phase.ongoing) return `from day ${phase.start_day + 1}, for ${days(phase.end_day - phase.start_day)} or more`;
  return `days ${phase.start_day + 1} to ${phase.end_day}`;
}

/** @param {Phase} phase */
function renderPhase(phase) {
  const words = data.words.phases[phase.phase];
  return element(
    "li",
    { "data-phase": phase.phase },
    element("h3", {}, `${words.name}: ${when(phase)}`),
    words.startWhen ? element("p", {}, element("strong", {}, "Start when: "), ...prose(words.startWhen)) : null,
    element("ul", {}, ...words.what.map((claim) => element("li", {}, ...prose(claim)))),
    element(
      "p",
      { class: "kg-exercises" },
      `Exercises (${words.template}): `,
      ...words.exercises.flatMap((slug, index) => {
        const exercise = data.exercises[slug];
        const item = exercise ? link(exercise.href, exercise.name) : slug;
        return index === 0 ? [item] : [", ", item];
      }),
    ),
    words.ongoing ? element("p", {}, ...prose(words.ongoing)) : null,
    words.moveOnWhen ? element("p", {}, element("strong", {}, "Move on when: "), ...prose(words.moveOnWhen)) : null,
  );
}

/**
 * @param {Result} result
 * @param {boolean} theirs
 */
function renderEstimate(result, theirs) {
  const words = data.words;
  const running = words.running[result.running ?? ""];
  /** @type {(Node | null)[]} */
  const parts = [
    element("p", { class: "kg-headline" }, element("strong", {}, headline(result))),
    element("p", { class: "kg-measure" }, ...prose(words.measure)),
    result.assess ? element("div", { class: "admonition warning kg-assess" }, element("p", {}, ...prose(words.assess))) : null,
  ];
  if (result.as_is) {
    parts.push(element("p", { class: "kg-as-is" }, ...prose(words.as_is), ` If nothing changes: likely ${plural(result.as_is.likely, "week")}, ${result.as_is.low} to ${result.as_is.high} weeks or more.`));
  } else if (result.as_is_beyond) {
    parts.push(element("p", { class: "kg-as-is" }, ...prose(words.as_is_beyond)));
  }
  parts.push(
    element("p", { class: "kg-caveat" }, ...prose(words.caveat)),
    element(
      "div",
      { class: "kg-running", "data-running": result.running ?? "" },
      element("h3", {}, running.title),
      ...running.text.map((claim) => element("p", {}, ...prose(claim))),
      element("p", {}, link(data.painRule, "The pain rule"), " says how much pain is fine."),
    ),
    element(
      "p",
      {},
      `The best case is ${days(result.base_days)}. Each answer below adds its share of the rest; ` +
        "the shares follow how much each answer multiplies the estimate, and add up to the total.",
    ),
    element(
      "div",
      { class: "kg-factors" },
      factorTable(result.factors, theirs, "What shapes your estimate", (f) => (f.days_added > 0 ? `+${days(f.days_added)}` : "none")),
    ),
  );
  if (result.habits.length) {
    parts.push(
      element(
        "div",
        { class: "kg-factors kg-habits" },
        factorTable(result.habits, theirs, "Your habits now, if nothing changes", (f) => (f.days_added > 0 ? `+${days(f.days_added)} if nothing changes` : result.as_is_beyond && f.multiplier > 1 ? "longer" : "none")),
      ),
    );
  }
  parts.push(element("h3", {}, "Your way back to running"), element("ol", { class: "kg-phases" }, ...result.phases.map(renderPhase)));
  return parts;
}

/**
 * Shows `result` in the details below the form.
 * @param {Result} result
 * @param {boolean} theirs whether it is for the reader's own answers
 * @param {string} note whose answer it is, in words
 */
function render(result, theirs, note) {
  const parts =
    result.kind === "refer"
      ? renderReferral(signsOf(result.red_flags), result.unrecognised ?? [])
      : result.kind === "outlook"
        ? renderOutlook(result)
        : renderEstimate(result, theirs);
  parts.unshift(element("p", { class: theirs ? "kg-for" : "kg-for kg-for--not-yours" }, note));
  if (!theirs && result.kind === "estimate") parts.splice(1, 0, element("p", { class: "kg-typical" }, ...prose(data.words.typical)));
  parts.push(element("p", { class: "kg-disclaimer" }, data.words.disclaimer));
  resultBody.replaceChildren(...parts.filter((part) => part !== null));
  resultBody.dataset.kind = result.kind;
}

/**
 * The compact summary beside the questions (the page's one polite live region).
 * @param {string} state
 * @param {string} label
 * @param {string} headline
 * @param {string} note
 */
function summarise(state, label, headline, note) {
  summary.dataset.state = state;
  resultSection.dataset.state = state;
  summaryLabel.textContent = label;
  summaryHeadline.textContent = headline;
  summaryNote.textContent = note;
  summaryNote.hidden = note === "";
  summarySigns.hidden = true;
  delete summary.dataset.tier;
  summaryLive.setAttribute("aria-live", "polite");
  summaryLive.setAttribute("aria-busy", "false");
  delete summary.dataset.pending;
}

/**
 * The signs with these codes, most urgent first.
 * @param {string[]} codes
 */
function signsOf(codes) {
  return data.triage.signs.filter((sign) => codes.includes(sign.code));
}

/**
 * A warning sign is given: where to get help, at once, whatever state Python is in. The summary
 * leads with the most urgent sign's action, its phone number a link; nothing shows a number of
 * weeks.
 * @param {Sign[]} signs most urgent first
 * @param {string[]} unknown
 * @param {boolean} theirs whether the estimator has answered for exactly these answers
 */
function showReferral(signs, unknown, theirs) {
  const first = signs[0];
  const tier = data.triage.tiers.find((words) => words.tier === first.tier);
  render(
    /** @type {Result} */ ({ kind: "refer", red_flags: signs.map((s) => s.code), unrecognised: unknown }),
    true,
    "For your answers.",
  );
  summarise("refer", "", "", "");
  summaryLabel.replaceChildren(...dialled(tier ? tier.heading : ""));
  summaryHeadline.replaceChildren(...dialled(first.action));
  summarySigns.replaceChildren(
    signs.length === 1 ? `You ticked: ${first.name}.` : `You ticked ${signs.length} warning signs, the most urgent first: ${first.name}.`,
    " ",
    element("a", { href: "#calculator-result" }, "What to do"),
  );
  summarySigns.hidden = false;
  summary.dataset.tier = first.tier;
  if (first.tier === "emergency") summaryLive.setAttribute("aria-live", "assertive");
  resultSection.dataset.referredBy = theirs ? "estimator" : "page";
}

/**
 * Shows a referral if the answers give a warning sign; says whether it did.
 * @param {Input} input
 */
function referIfWarned(input) {
  const { signs, unknown } = warningSigns(input, data.triage);
  if (signs.length === 0) return false;
  showReferral(signs, [...new Set([...unknown, ...unknownFromLink])], false);
  return true;
}

/** Until the reader has answered: the typical case, labelled as such. */
function showTypical() {
  render(data.typicalResult, false, "Typical case, not yet for your answers.");
  summarise("typical", "Typical recovery, not yet yours", headline(data.typicalResult), "Answer the questions to see your own estimate.");
}

/**
 * Answers given, but no result for them yet: the typical case, marked as not theirs.
 * @param {string} why
 */
function showPending(why) {
  render(data.typicalResult, false, `Not yet for your answers (${why}). Typical case shown.`);
  summarise("pending", "Not yet for your answers", `Typical: ${headline(data.typicalResult)}`, why);
}

/**
 * @param {string[]} fields
 */
function questionList(fields) {
  const names = fields.map((field) => data.short[field] || field);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The estimator found answers missing or invalid.
 * @param {{invalid: [string, string][], missing: string[]}} problems
 */
function showIncomplete(problems) {
  if (problems.invalid.length === 0 && touched.size === 0) {
    showTypical();
    return;
  }
  const note =
    problems.invalid.length > 0
      ? problems.invalid.map(([, message]) => message).join(" ")
      : `${plural(problems.missing.length, "question")} left: ${questionList(problems.missing)}.`;
  render(data.typicalResult, false, `Not yet for your answers: ${note} Typical case shown.`);
  summarise(problems.invalid.length > 0 ? "invalid" : "incomplete", "Not yet for your answers", note, `Typical: ${headline(data.typicalResult)}`);
}

/** @param {Result} result */
function showTheirs(result) {
  if (result.kind === "refer") {
    showReferral(signsOf(result.red_flags), result.unrecognised ?? [], true);
    return;
  }
  render(result, true, "For your answers.");
  if (result.kind === "outlook") {
    summarise("outlook", "Your answer", headline(result), "No number: what to do is below.");
  } else {
    summarise("estimate", "Your estimate", headline(result), result.assess ? "Get it checked first: see below." : "");
  }
}

/**
 * @param {string} text
 * @param {boolean} busy
 */
function setStatus(text, busy) {
  statusText.textContent = text;
  progress.hidden = !busy;
  byId("calculator-status", HTMLElement).hidden = text === "";
  resultSection.setAttribute("aria-busy", busy ? "true" : "false");
}

// --- the worker ------------------------------------------------------------------------------

/** @param {Input} input */
function ask(input) {
  latest += 1;
  resultSection.dataset.requested = String(latest);
  worker?.postMessage({ id: latest, input });
}

const STARTING = "the calculator is still starting";

/**
 * The answers to show and send: the form's, with any warning-sign codes a link gave that the
 * page does not know, until the reader ticks the signs again (the estimator then names them).
 * @returns {Input}
 */
function currentInput() {
  const input = fromForm();
  if (unknownFromLink.length > 0) input.red_flags = [.../** @type {string[]} */ (input.red_flags ?? []), ...unknownFromLink];
  return input;
}

/** @param {Input} input */
function onAnswer(input) {
  const fragment = toAddress(input);
  history.replaceState(null, "", `${location.pathname}${fragment ? `#${fragment}` : ""}`);
  const warned = referIfWarned(input);
  if (failed) {
    if (!warned) showFailed();
    return;
  }
  if (ready) {
    // A result for the answers before this one may still arrive: it is dropped (its id is not
    // the latest), and what is shown is marked as being updated until the new one comes. A
    // referral is never dimmed: it is already right.
    if (!warned) {
      summary.dataset.pending = "true";
      summaryLive.setAttribute("aria-busy", "true");
      resultSection.dataset.state = "pending";
    }
    ask(input);
  } else if (!warned) {
    showPending(STARTING);
  }
}

/**
 * The first answer is shown and the worker has made its snapshot (or will make none), or the
 * calculator has given up: the page may do its other work.
 */
function settled() {
  if (document.documentElement.dataset.calculatorSettled) return;
  document.documentElement.dataset.calculatorSettled = "true";
  document.dispatchEvent(new Event(CALCULATOR_SETTLED));
}

/** @param {string} reason */
function fail(reason) {
  if (failed || ready) return;
  failed = true;
  settled();
  worker?.terminate();
  setStatus(
    `The calculator could not start (${reason}). Warning signs still work. Any estimate shown ` +
      "is for the typical case; the recovery time page explains the ranges.",
    false,
  );
  if (!referIfWarned(currentInput())) showFailed();
}

function showFailed() {
  render(data.typicalResult, false, "Typical case: the calculator could not work out yours.");
  summarise("failed", "Typical recovery, not yours", headline(data.typicalResult), "The calculator could not start: see below.");
}

function startWorker() {
  const timer = setTimeout(() => fail("it took too long to load"), START_TIMEOUT_MS);
  if (started instanceof Error) {
    clearTimeout(timer);
    fail(started.message);
    return;
  }
  worker = started;
  takeOver(
    (event) => {
      /** @type {WorkerMessage} */
      const message = event.data;
      if (message.type === "ready" || message.type === "failed") clearTimeout(timer);
      onWorkerMessage(message);
    },
    (event) => {
      clearTimeout(timer);
      fail((event instanceof ErrorEvent && event.message) || "the worker failed");
    },
  );
}

/**
 * Asks the site's service worker to keep Pyodide's files, in the reader's idle time after a first
 * visit, so the calculator works offline and a later visit only reads them.
 * @param {string[]} urls
 */
async function keepOffline(urls) {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.ready;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    resultSection.dataset.offline = "kept"; // Workbox answers once every file is cached
  };
  registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } }, [channel.port2]);
}

/** @param {WorkerMessage} message */
function onWorkerMessage(message) {
  if (message.type === "progress") {
    setStatus(
      message.stage === "runtime"
        ? data.download
          ? `Starting the calculator: loading Python (up to ${data.download} the first time)…`
          : "Starting the calculator: loading Python…"
        : "Starting the calculator: loading the estimator…",
      true,
    );
  } else if (message.type === "ready") {
    if (failed) return;
    ready = true;
    setStatus("", false);
    resultSection.dataset.python = message.python;
    resultSection.dataset.start = message.start; // "snapshot" or "fresh"
    if (message.fallback) resultSection.dataset.fallback = message.fallback; // why not a snapshot
    snapshotting = message.snapshotting;
    ask(currentInput());
  } else if (message.type === "snapshot") {
    resultSection.dataset.snapshot = message.state; // kept for the next visit: "stored" or "failed"
    settled();
    if (message.runtime) keepOffline(message.runtime);
  } else if (message.type === "failed") {
    fail(message.reason);
  } else if (message.type === "result" && message.id === latest) {
    const response = message.response;
    if (response.errors) {
      const problems = showErrors(response.errors);
      if (!referIfWarned(currentInput())) showIncomplete(problems);
    } else {
      showErrors({});
      showTheirs(response.result);
    }
    resultSection.dataset.answered = String(message.id);
    performance.mark(message.id === 1 ? "kg-first-estimate" : "kg-estimate");
    if (message.id === 1 && !snapshotting) settled();
    if (performance.getEntriesByName("kg-input").length) performance.measure("kg-recompute", "kg-input");
  }
}

/**
 * A link to a place on this page scrolls there without touching the address, whose fragment
 * holds the answers.
 * @param {MouseEvent} event
 */
function followInPageLink(event) {
  const anchor = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
  const id = anchor?.getAttribute("href")?.slice(1) ?? "";
  const target = id && !holdsAnswers(id) ? document.getElementById(decodeURIComponent(id)) : null;
  if (!target) return;
  event.preventDefault();
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.scrollIntoView();
  target.focus({ preventScroll: true });
}

/**
 * Fills the form from the address: the fragment, or an old link's query (moved into the
 * fragment, so the answers are never sent to the server again on a reload).
 */
function loadAddress() {
  const fragment = location.hash.slice(1);
  const initial = fromAddress(holdsAnswers(fragment) ? fragment : location.search.slice(1));
  if (location.search) {
    const moved = toAddress(initial);
    history.replaceState(null, "", `${location.pathname}${moved ? `#${moved}` : ""}`);
  }
  touched.clear();
  for (const field of Object.keys(initial)) touched.add(field);
  unknownFromLink = warningSigns(initial, data.triage).unknown;
  toForm(initial);
  return initial;
}

function main() {
  const initial = loadAddress();
  if (!referIfWarned(initial)) {
    if (touched.size === 0) showTypical();
    else showPending(STARTING);
  }
  form.addEventListener("input", (event) => {
    performance.mark("kg-input");
    const field = fieldOf(event.target);
    if (field) touched.add(field);
    if (field === "red_flags") unknownFromLink = [];
    onAnswer(currentInput());
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  document.addEventListener("click", followInPageLink);
  addEventListener("hashchange", () => {
    if (!holdsAnswers(location.hash.slice(1))) return;
    onAnswer(loadAddress());
  });
  setStatus(
    data.download ? `Starting the calculator (up to ${data.download} the first time)…` : "Starting the calculator…",
    true,
  );
  startWorker();
}

main();
