// The recovery calculator page. The estimate always comes from the project's Python estimator:
// at build time for the typical case (embedded in the page), then from Pyodide in a module
// worker. This module only moves answers between the form, the address and the worker, and
// shows the estimator's result (view.js); it computes nothing itself.
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

import { button } from "../common/dom.js";
import { CALCULATOR_SETTLED } from "../site/sw-register.js";
import { fromAddress, holdsAnswers, toAddress } from "./answers.js";
import { connect } from "./client.js";
import { createForm } from "./form.js";
import { readPageData } from "./page-data.js";
import { warningSigns } from "./triage.js";
import { createView } from "./view.js";

/** @typedef {import("./answers.js").Input} Input */
/** @typedef {import("./protocol.js").WorkerMessage} WorkerMessage */

const data = readPageData();
const form = createForm(data);
const view = createView(data, form.answerLabel);

const state = {
  ready: false,
  failed: false,
  /** The worker will snapshot Python's memory once it is idle after the first answer. */
  snapshotting: false,
  /** Questions the reader has answered (or a link gave): only their problems are shown. */
  touched: /** @type {Set<string>} */ (new Set()),
  /** Warning-sign codes a link gave that this page does not know, until the reader ticks again. */
  unknownFromLink: /** @type {string[]} */ ([]),
};

const STARTING = "the calculator is still starting";

/**
 * The answers to show and send: the form's, with any warning-sign codes a link gave that the
 * page does not know, until the reader ticks the signs again (the estimator then names them).
 * @returns {Input}
 */
function currentInput() {
  const input = form.read();
  if (state.unknownFromLink.length > 0)
    input.red_flags = [.../** @type {string[]} */ (input.red_flags ?? []), ...state.unknownFromLink];
  return input;
}

/**
 * Shows a referral if the answers give a warning sign; says whether it did.
 * @param {Input} input
 */
function referIfWarned(input) {
  const { signs, unknown } = warningSigns(input, data.triage);
  if (signs.length === 0) return false;
  view.showReferral(signs, [...new Set([...unknown, ...state.unknownFromLink])], false);
  return true;
}

/** @param {Input} input */
function onAnswer(input) {
  const fragment = toAddress(input, data.kinds);
  history.replaceState(null, "", `${location.pathname}${fragment ? `#${fragment}` : ""}`);
  const warned = referIfWarned(input);
  if (state.failed) {
    if (!warned) view.showFailed();
    return;
  }
  if (state.ready) {
    // A result for the answers before this one may still arrive: it is dropped (its number is not
    // the latest), and what is shown is marked as being updated until the new one comes. A
    // referral is never dimmed: it is already right.
    if (!warned) view.pending();
    ask(input);
  } else if (!warned) {
    view.showPending(STARTING);
  }
}

/** @param {Input} input */
function ask(input) {
  view.section.dataset.requested = String(worker.ask(input));
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

/** @param {import("./client.js").StartFailed} error */
function fail(error) {
  if (state.failed || state.ready) return;
  state.failed = true;
  view.section.dataset.failure = error.kind;
  settled();
  const why =
    error.kind === "offline"
      ? `The calculator needs the internet the first time, to download Python${upTo()}. Warning signs work without it.`
      : `The calculator could not start (${error.message}). Warning signs still work.`;
  view.setStatus(
    `${why} Any estimate shown is for the typical case; the recovery time page explains the ranges.`,
    false,
  );
  view.setRetry(
    button(
      "Try again",
      () => {
        state.failed = false;
        delete view.section.dataset.failure;
        view.setRetry(null);
        view.setStatus("Starting the calculator again…", true);
        if (!referIfWarned(currentInput()) && state.touched.size > 0) view.showPending(STARTING);
        worker.retry();
      },
      { id: "calculator-retry" },
    ),
  );
  if (!referIfWarned(currentInput())) view.showFailed();
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
    view.section.dataset.offline = "kept"; // Workbox answers once every file is cached
  };
  registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } }, [channel.port2]);
}

/** @param {{loaded?: number, stage: string}} progress */
function startingText({ stage, loaded }) {
  if (stage !== "runtime") return "Starting the calculator: loading the estimator…";
  if (loaded !== undefined && loaded >= 50000)
    return `Starting the calculator: ${megabytes(loaded)} MB of Python loaded${upTo()}…`;
  return `Starting the calculator: loading Python${upTo()}…`;
}

/** @param {number} bytes */
function megabytes(bytes) {
  return (bytes / 1e6).toFixed(1);
}

/** " (up to 13.4 MB)": the most a first visit downloads, when the build measured it. */
function upTo() {
  return data.downloadBytes ? ` (up to ${megabytes(data.downloadBytes)} MB)` : "";
}

/** @param {WorkerMessage} message */
function onWorkerMessage(message) {
  if (message.type === "progress") {
    view.setStatus(startingText(message), true);
  } else if (message.type === "ready") {
    if (state.failed) return;
    state.ready = true;
    view.setStatus("", false);
    view.section.dataset.python = message.python;
    view.section.dataset.start = message.start; // "snapshot" or "fresh"
    if (message.fallback) view.section.dataset.fallback = message.fallback; // why not a snapshot
    state.snapshotting = message.snapshotting;
    ask(currentInput());
  } else if (message.type === "snapshot") {
    view.section.dataset.snapshot = message.state; // kept for the next visit: "stored" or "failed"
    settled();
    if (message.runtime) keepOffline(message.runtime);
  } else if (message.type === "result" && message.id === worker.latest) {
    const response = message.response;
    if (response.errors) {
      const problems = form.showErrors(response.errors, state.touched, state.unknownFromLink);
      if (!referIfWarned(currentInput())) view.showIncomplete(problems, state.touched.size > 0);
    } else {
      form.showErrors({}, state.touched, state.unknownFromLink);
      view.showTheirs(response.result);
    }
    view.section.dataset.answered = String(message.id);
    performance.mark(message.id === 1 ? "kg-first-estimate" : "kg-estimate");
    if (message.id === 1 && !state.snapshotting) settled();
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
  const initial = fromAddress(holdsAnswers(fragment) ? fragment : location.search.slice(1), data.kinds);
  if (location.search) {
    const moved = toAddress(initial, data.kinds);
    history.replaceState(null, "", `${location.pathname}${moved ? `#${moved}` : ""}`);
  }
  state.touched.clear();
  for (const field of Object.keys(initial)) state.touched.add(field);
  state.unknownFromLink = warningSigns(initial, data.triage).unknown;
  form.write(initial);
  return initial;
}

const initial = loadAddress();
if (!referIfWarned(initial)) {
  if (state.touched.size === 0) view.showTypical();
  else view.showPending(STARTING);
}
form.element.addEventListener("input", (event) => {
  performance.mark("kg-input");
  const field = form.fieldOf(event.target);
  if (field) state.touched.add(field);
  if (field && data.kinds[field] === "codes") state.unknownFromLink = []; // the reader changed the signs
  onAnswer(currentInput());
});
form.element.addEventListener("submit", (event) => event.preventDefault());
document.addEventListener("click", followInPageLink);
addEventListener("hashchange", () => {
  if (holdsAnswers(location.hash.slice(1))) onAnswer(loadAddress());
});
view.setStatus(`Starting the calculator${upTo()}…`, true);
const worker = connect({ onMessage: onWorkerMessage, onFail: fail });
worker.start();
