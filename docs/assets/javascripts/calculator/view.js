// What the calculator page shows: the estimator's answer in the content's words (the details
// below the form), the compact summary beside the questions (the page's one live region), and
// the start-up status. A referral from a warning sign is shown the same way whether the page or
// the estimator decided it.

import { byId, element, link } from "../common/dom.js";
import { plural } from "../common/words.js";
import { byTier, dialParts } from "./triage.js";

/** @typedef {import("./protocol.js").Result} Result */
/** @typedef {import("./protocol.js").Factor} Factor */
/** @typedef {import("./protocol.js").Phase} Phase */
/** @typedef {import("./protocol.js").Weeks} Weeks */
/** @typedef {import("./page-data.js").Claim} Claim */
/** @typedef {import("./triage.js").Sign} Sign */

/** The admonition style of each urgency: the most urgent in the danger style. */
const ADMONITION = { emergency: "danger", urgent: "warning", routine: "note" };

/**
 * @param {import("./page-data.js").PageData} data
 * @param {(field: string, answer: unknown) => string} answerLabel the words of an answer, from the form
 */
export function createView(data, answerLabel) {
  const statusBox = byId("calculator-status", HTMLElement);
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
      if (Object.hasOwn(data.bases, cite))
        return [" ", element("a", { href: data.bases[cite].href, class: "kg-basis" }, `[${data.bases[cite].label}]`)];
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
          index > 0
            ? element(
                "p",
                { class: "kg-refer-tier", "data-tier": group.tier },
                element("strong", {}, ...dialled(group.heading)),
              )
            : null,
          element("p", {}, ...dialled(group.summary)),
          element(
            "ul",
            {},
            ...group.signs.map((sign) =>
              element(
                "li",
                { "data-tier": sign.tier, "data-code": sign.code },
                link(sign.href, sign.name),
                ". ",
                ...dialled(sign.action),
              ),
            ),
          ),
        ]),
        unknownNote(unknown),
        element(
          "p",
          {},
          ...prose(data.words.refer),
          " ",
          link(data.clinician, "When to get help"),
          " lists every sign.",
        ),
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
            element(
              "td",
              { class: "kg-why" },
              ...prose(why(factor)),
              " ",
              element("span", { class: "kg-source" }, ...source(factor.factor)),
            ),
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
      result.assess
        ? element("div", { class: "admonition warning kg-assess" }, element("p", {}, ...prose(words.assess)))
        : null,
    ];
    if (result.as_is) {
      parts.push(
        element(
          "p",
          { class: "kg-as-is" },
          ...prose(words.as_is),
          ` If nothing changes: likely ${plural(result.as_is.likely, "week")}, ${result.as_is.low} to ${result.as_is.high} weeks or more.`,
        ),
      );
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
        factorTable(result.factors, theirs, "What shapes your estimate", (f) =>
          f.days_added > 0 ? `+${days(f.days_added)}` : "none",
        ),
      ),
    );
    if (result.habits.length) {
      parts.push(
        element(
          "div",
          { class: "kg-factors kg-habits" },
          factorTable(result.habits, theirs, "Your habits now, if nothing changes", (f) =>
            f.days_added > 0
              ? `+${days(f.days_added)} if nothing changes`
              : result.as_is_beyond && f.multiplier > 1
                ? "longer"
                : "none",
          ),
        ),
      );
    }
    parts.push(
      element("h3", {}, "Your way back to running"),
      element("ol", { class: "kg-phases" }, ...result.phases.map(renderPhase)),
    );
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
    if (!theirs && result.kind === "estimate")
      parts.splice(1, 0, element("p", { class: "kg-typical" }, ...prose(data.words.typical)));
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
      signs.length === 1
        ? `You ticked: ${first.name}.`
        : `You ticked ${signs.length} warning signs, the most urgent first: ${first.name}.`,
      " ",
      element("a", { href: "#calculator-result" }, "What to do"),
    );
    summarySigns.hidden = false;
    summary.dataset.tier = first.tier;
    if (first.tier === "emergency") summaryLive.setAttribute("aria-live", "assertive");
    resultSection.dataset.referredBy = theirs ? "estimator" : "page";
  }

  /** Until the reader has answered: the typical case, labelled as such. */
  function showTypical() {
    render(data.typicalResult, false, "Typical case, not yet for your answers.");
    summarise(
      "typical",
      "Typical recovery, not yet yours",
      headline(data.typicalResult),
      "Answer the questions to see your own estimate.",
    );
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
   * @param {boolean} answered whether the reader has answered anything
   */
  function showIncomplete(problems, answered) {
    if (problems.invalid.length === 0 && !answered) {
      showTypical();
      return;
    }
    const note =
      problems.invalid.length > 0
        ? problems.invalid.map(([, message]) => message).join(" ")
        : `${plural(problems.missing.length, "question")} left: ${questionList(problems.missing)}.`;
    render(data.typicalResult, false, `Not yet for your answers: ${note} Typical case shown.`);
    summarise(
      problems.invalid.length > 0 ? "invalid" : "incomplete",
      "Not yet for your answers",
      note,
      `Typical: ${headline(data.typicalResult)}`,
    );
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
    statusBox.hidden = text === "";
    resultSection.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function showFailed() {
    render(data.typicalResult, false, "Typical case: the calculator could not work out yours.");
    summarise(
      "failed",
      "Typical recovery, not yours",
      headline(data.typicalResult),
      "The calculator could not start: see below.",
    );
  }

  /**
   * Puts a control (or nothing) beside the start-up status: "Try again" after a failure.
   * @param {HTMLElement | null} control
   */
  function setRetry(control) {
    statusBox.querySelector(".kg-retry")?.remove();
    if (control) statusBox.append(element("p", { class: "kg-retry" }, control));
  }

  /** What is shown is being brought up to date: dimmed until the new answer comes. */
  function pending() {
    summary.dataset.pending = "true";
    summaryLive.setAttribute("aria-busy", "true");
    resultSection.dataset.state = "pending";
  }

  return {
    headline,
    showTypical,
    showPending,
    showIncomplete,
    showTheirs,
    showReferral,
    showFailed,
    setStatus,
    setRetry,
    signsOf,
    pending,
    section: resultSection,
  };
}
