// The calculator's form, written by the build from the estimator's question table: reading the
// reader's answers from it, filling it from a link, and showing the estimator's messages beside
// the questions they are about.

import { byId } from "../common/dom.js";
import { plural } from "../common/words.js";
import { DECIMAL, fromText } from "./answers.js";

/** @typedef {import("./answers.js").Input} Input */

/**
 * @param {import("./page-data.js").PageData} data
 */
export function createForm(data) {
  const form = byId("calculator", HTMLFormElement);
  const errorBox = byId("error-input", HTMLElement);

  /**
   * The control (or radio group) named `field`, which the template always writes.
   * @param {string} field
   * @returns {HTMLInputElement | HTMLSelectElement | RadioNodeList}
   */
  function control(field) {
    const controls = form.elements.namedItem(field);
    if (
      controls instanceof HTMLInputElement ||
      controls instanceof HTMLSelectElement ||
      controls instanceof RadioNodeList
    ) {
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
        if (value !== "") input[field] = fromText(data.kinds[field], value);
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
          if (node instanceof HTMLInputElement && node.type === "radio")
            node.checked = value !== undefined && node.value === String(value);
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

  /**
   * @param {string} field
   * @param {unknown} answer
   * @returns {string}
   */
  function answerLabel(field, answer) {
    if (data.kinds[field] === "number")
      return plural(Number(answer), data.units[field].replace(/s$/, ""), data.units[field]);
    const controls = form.elements.namedItem(field);
    if (controls instanceof HTMLSelectElement) {
      const option = [...controls.options].find((o) => o.value === String(answer));
      return option?.textContent ? option.textContent.trim() : String(answer);
    }
    const label = form.querySelector(`[name="${field}"][value="${String(answer)}"]`)?.parentElement?.textContent;
    return label ? label.trim() : String(answer);
  }

  /**
   * Shows the messages of the questions the reader has answered; returns what is still to do.
   * @param {Record<string, string>} errors
   * @param {Set<string>} touched the questions the reader has answered (or a link gave)
   * @param {string[]} unknown warning-sign codes a link gave that the page does not know
   * @returns {{invalid: [string, string][], missing: string[]}}
   */
  function showErrors(errors, touched, unknown) {
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
      const shown =
        data.kinds[field] === "codes" && unknown.length > 0
          ? `${message} (${unknown.map((code) => `"${code}"`).join(", ")})`
          : message;
      invalid.push([field, shown]);
      const target = (known && document.getElementById(`error-${field}`)) || errorBox;
      target.textContent = target.textContent ? `${target.textContent} ${shown}` : shown;
      target.hidden = false;
      for (const node of form.querySelectorAll(`[name="${field}"]`)) node.setAttribute("aria-invalid", "true");
    }
    return { invalid, missing };
  }

  return { element: form, read: fromForm, write: toForm, fieldOf, answerLabel, showErrors };
}
