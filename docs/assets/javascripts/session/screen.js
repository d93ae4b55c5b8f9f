// The session's dialog: built once per session from text (never from HTML strings), then updated
// in place; the one polite live region announces each new step, never the seconds.

import { button, element } from "../common/dom.js";

/** @typedef {import("./words.js").SessionWords} SessionWords */

/**
 * @typedef {object} Screen
 * @property {HTMLDialogElement} dialog
 * @property {HTMLElement} heading
 * @property {HTMLElement} playing the part shown while the session plays
 * @property {HTMLElement} exercise
 * @property {HTMLElement} dose
 * @property {HTMLElement} figure
 * @property {HTMLElement} step
 * @property {HTMLElement} count
 * @property {HTMLElement} phase
 * @property {HTMLElement} next
 * @property {HTMLElement} live
 * @property {HTMLButtonElement} pause
 * @property {HTMLButtonElement} skip
 * @property {HTMLButtonElement} done
 * @property {HTMLButtonElement} painful
 * @property {HTMLButtonElement} end
 * @property {HTMLInputElement} sound
 * @property {HTMLInputElement | null} vibrate
 * @property {HTMLElement} after the part shown at the end
 */

/**
 * @typedef {object} Actions
 * @property {() => void} pause pauses or resumes
 * @property {() => void} skip
 * @property {() => void} done
 * @property {() => void} painful
 * @property {() => void} end
 * @property {() => void} sound
 */

/**
 * A switch for a cue: a checkbox with its label, off at first.
 * @param {string} id
 * @param {string} label
 * @param {() => void} onChange
 */
function cueSwitch(id, label, onChange) {
  const input = element("input", { type: "checkbox", id });
  input.addEventListener("change", onChange);
  return { input, label: element("label", { class: "kg-check", for: id }, input, label) };
}

/**
 * The session's buttons: pause, skip (or done, when the step waits for the patient), too
 * painful, end.
 * @param {SessionWords} words
 * @param {Actions} actions
 */
function controls(words, actions) {
  return {
    pause: button(words.pause, actions.pause, { id: "session-pause", class: "md-button md-button--primary" }),
    skip: button(words.skip, actions.skip, { id: "session-skip" }),
    done: button(words.done, actions.done, { id: "session-done", class: "md-button md-button--primary" }),
    painful: button(words.too_painful, actions.painful, {
      id: "session-painful",
      class: "md-button kg-session__painful",
    }),
    end: button(words.end, actions.end, { id: "session-end" }),
  };
}

/**
 * The dialog, not yet shown.
 * @param {SessionWords} words
 * @param {Actions} actions
 * @param {boolean} vibrates whether the device can vibrate (the switch is shown only then)
 * @returns {Screen}
 */
export function sessionScreen(words, actions, vibrates) {
  const parts = {
    heading: element("h2", { id: "session-heading", tabindex: "-1" }, words.name),
    exercise: element("p", { class: "kg-session__exercise", id: "session-exercise" }),
    dose: element("p", { class: "kg-session__dose", id: "session-dose" }),
    figure: element("div", { class: "kg-session__stage" }),
    step: element("p", { class: "kg-session__step", id: "session-step" }),
    count: element("p", { class: "kg-session__count", id: "session-count" }),
    phase: element("p", { class: "kg-session__phase", id: "session-phase" }),
    next: element("p", { class: "kg-session__next", id: "session-next" }),
    live: element("p", { class: "kg-sr-only", id: "session-live", role: "status", "aria-live": "polite" }),
    after: element("div", { class: "kg-session__after", id: "session-after", tabindex: "-1", hidden: "" }),
  };
  const buttons = controls(words, actions);
  const sound = cueSwitch("session-sound", words.sound, actions.sound);
  const vibrate = vibrates ? cueSwitch("session-vibrate", words.vibrate, () => {}) : null;
  const playing = element(
    "div",
    { class: "kg-session__playing", id: "session-playing" },
    parts.exercise,
    parts.dose,
    parts.figure,
    element("div", { class: "kg-session__numbers" }, parts.step, parts.count, parts.phase, parts.next),
    element("p", { class: "kg-session__controls" }, buttons.pause, buttons.done, buttons.skip),
    element("p", { class: "kg-session__controls" }, buttons.painful, buttons.end),
    element(
      "fieldset",
      { class: "kg-session__cues" },
      element("legend", {}, words.cues),
      sound.label,
      vibrate?.label ?? null,
    ),
  );
  const dialog = element(
    "dialog",
    { class: "kg-session md-typeset", id: "session", "aria-labelledby": "session-heading" },
    parts.heading,
    parts.live,
    playing,
    parts.after,
  );
  return { dialog, playing, ...parts, ...buttons, sound: sound.input, vibrate: vibrate?.input ?? null };
}

/**
 * Sets a node's text only when it changes, so nothing redraws (or is read again) for nothing.
 * @param {HTMLElement} node
 * @param {string} text
 */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
