// Small pieces the companion's parts share: its sentences from the content, dates in words, and a
// 0-10 score with its own Save.

import { PAIN } from "../common/contract.js";
import { button, element } from "../common/dom.js";
import { NOTE_LENGTH } from "./log.js";

/** @typedef {import("./mount.js").Words} Words */

/** Shown when a page gives the companion no words (a test's page): the names, not sentences. */
const NO_WORDS = /** @type {Words} */ (
  Object.fromEntries(["cleared", "exported", "send", "copied", "import_question", "psfs_week"].map((n) => [n, n]))
);

/**
 * The companion's sentences about the record, from the content (content/companion/).
 * @param {{options: {words?: Words}}} c
 * @returns {Words}
 */
export function words(c) {
  return c.options.words ?? NO_WORDS;
}

/** @param {string} date YYYY-MM-DD */
export function longDate(date) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" });
}

/**
 * A 0-10 score field with its own Save button.
 * @param {string} id
 * @param {string} label
 * @param {(score: number, note: string) => void} onSave
 * @param {{note?: boolean, hint: string}} options what the score means, from the content
 */
export function scoreForm(id, label, onSave, options) {
  const input = element("input", {
    id,
    type: "number",
    inputmode: "numeric",
    min: String(PAIN[0]),
    max: String(PAIN[1]),
    step: "1",
    "aria-describedby": `${id}-hint`,
  });
  const hint = element("p", { id: `${id}-hint`, class: "kg-hint" }, options.hint);
  const error = element("p", { id: `${id}-error`, class: "kg-error", role: "alert" });
  const note = options.note
    ? element("input", { id: `${id}-note`, type: "text", maxlength: String(NOTE_LENGTH), autocomplete: "off" })
    : null;
  const save = button(
    "Save",
    () => {
      const value = Number(input.value);
      if (input.value === "" || !Number.isInteger(value) || value < PAIN[0] || value > PAIN[1]) {
        error.textContent = `Enter a whole number from ${PAIN[0]} to ${PAIN[1]}.`;
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      onSave(value, note ? note.value.trim() : "");
    },
    { id: `${id}-save` },
  );
  return element(
    "fieldset",
    { class: "kg-score" },
    element("legend", {}, label),
    element("p", {}, element("label", { for: id }, "Pain, 0 to 10"), element("br"), input, " ", save),
    hint,
    note ? element("p", {}, element("label", { for: `${id}-note` }, "Note (optional)"), element("br"), note) : null,
    error,
  );
}
