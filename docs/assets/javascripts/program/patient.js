// The patient's view of a program: the stop rule first, then each exercise with its figure,
// dose, note and steps, and the QR code and link behind "Share or print". The same view, shown
// only on paper, is the builder's printed handout.

import { fillFigures } from "../companion/log.js";
import { button, clinicianText, element } from "../common/dom.js";
import { exerciseFigure } from "./figure.js";
import { dosageText, encode, nextRevision } from "./link.js";
import { data, exercises } from "./page-data.js";
import { qrFigure } from "./qr.js";

/** @typedef {import("./link.js").Program} Program */
/** @typedef {import("./link.js").ProgramItem} ProgramItem */
/** @typedef {import("./link.js").DecodedItem} DecodedItem */
/** @typedef {import("./page-data.js").Exercise} Exercise */

/**
 * The link the patient receives: no flag, so no "Change this program".
 * @param {Program} program
 */
export function patientLink(program) {
  return `${location.origin}${location.pathname}#${encode(program)}`;
}

/**
 * The exercise page's address, carrying this program's dose in its fragment (never sent to a
 * server), so the page shows the clinician's dose beside the guide's.
 * @param {Exercise} exercise
 * @param {ProgramItem} item
 */
export function exerciseHref(exercise, item) {
  const { slug, s, r, h, e, t, l, times, per, note } = item;
  return `${exercise.href}#${encode({ title: "", items: [{ slug, s, r, h, e, t, l, times, per, note }] })}`;
}

/** @param {string} text */
export function message(text) {
  return element("div", { class: "admonition warning kg-program-message", role: "alert" }, element("p", {}, text));
}

/** The pain rule's stop rule, with the content's figures filled in, above the program. */
function stopRule() {
  const { stopRule: words, maxPain, settleMinutes, highPain } = data.painRule;
  const figures = { max_pain: maxPain, settle_minutes: settleMinutes, high_pain: highPain };
  const title = element("p", { class: "admonition-title" }, "When to stop");
  return element(
    "div",
    { class: "admonition warning kg-stop-rule" },
    title,
    element("p", {}, fillFigures(words, figures)),
  );
}

/**
 * The patient view of a program, also the printed handout.
 * @param {{title: string, items: DecodedItem[], episode?: string, revision?: number}} program
 * @param {{clinician: boolean, companion: boolean}} options
 */
export function programView(program, { clinician, companion }) {
  const link = patientLink(program);
  /** @type {HTMLElement[]} */
  const parts = [
    stopRule(),
    element("h2", { id: "program-heading", dir: "auto" }, program.title || "Your exercise program"),
  ];
  const list = element("ol", { class: "kg-program" });
  for (const item of program.items) {
    const exercise = exercises.get(item.slug);
    const entry = element("li", { "data-slug": item.slug });
    for (const problem of item.problems) entry.append(message(problem));
    if (exercise) {
      entry.append(
        element("h3", {}, element("a", { href: exerciseHref(exercise, item) }, exercise.name)),
        exercise.figure ? exerciseFigure(exercise.figure, true) : "",
        element("p", { class: "kg-program-dosage" }, element("strong", {}, "Dosage: "), dosageText(item)),
      );
      if (item.note)
        entry.append(
          element("p", { class: "kg-program-note" }, element("strong", {}, "Note: "), clinicianText(item.note)),
        );
      entry.append(
        element("ol", { class: "kg-program-steps" }, ...exercise.steps.map((step) => element("li", {}, step))),
      );
    }
    list.append(entry);
  }
  if (companion) {
    parts.push(
      element(
        "p",
        { class: "kg-jump" },
        button(
          "Go to today's session",
          () => {
            const heading = document.getElementById("companion-heading");
            heading?.setAttribute("tabindex", "-1");
            heading?.scrollIntoView({ block: "start" });
            heading?.focus({ preventScroll: true });
          },
          { id: "program-jump" },
        ),
      ),
      element("div", { id: "session-host" }),
    );
  }
  parts.push(list);
  if (companion)
    parts.push(element("section", { id: "companion", class: "kg-companion", "aria-labelledby": "companion-heading" }));

  const panel = element(
    "div",
    { id: "program-share", class: "kg-share kg-collapsed" },
    element(
      "p",
      { class: "kg-program-actions" },
      button("Print this program", () => window.print(), { id: "program-print-view" }),
    ),
    qrFigure(link),
  );
  const toggle = button(
    "Share or print",
    () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      panel.classList.toggle("kg-collapsed", !open);
    },
    { id: "program-share-toggle", "aria-expanded": "false", "aria-controls": "program-share" },
  );
  const actions = element("p", { class: "kg-program-actions" }, toggle);
  if (clinician) {
    actions.append(
      " ",
      element(
        "a",
        { class: "md-button", id: "program-change", href: `?edit#${encode(nextRevision(program))}` },
        "Change this program",
      ),
    );
  }
  parts.push(actions, panel);
  return parts;
}
