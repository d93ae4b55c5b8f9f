// The page's side of the calculator's worker: takes over the worker started from the page's head
// (start.js), numbers each request, and gives up only when nothing has arrived for a while: a
// slow line that is still bringing bytes in never times out. "Try again" makes a new worker.

import { makeWorker, started, takeOver } from "./start.js";

/** @typedef {import("./protocol.js").WorkerMessage} WorkerMessage */
/** @typedef {import("./answers.js").Input} Input */

/** A test may shorten the wait for a stalled start (tests/browser/test_calculator.py). */
const STALL_MS = /** @type {{KNEE_GUIDE_START_TIMEOUT_MS?: number}} */ (window).KNEE_GUIDE_START_TIMEOUT_MS || 30000;

/** The worker stopped: its reason in words, and its kind: stalled (nothing arrived for a while),
 * offline (the site did not answer at all), or an error. */
export class StartFailed extends Error {
  /**
   * @param {string} reason
   * @param {"stalled" | "offline" | "error"} kind
   */
  constructor(reason, kind) {
    super(reason);
    this.name = "StartFailed";
    this.kind = kind;
  }
}

/**
 * @param {{onMessage: (message: WorkerMessage) => void, onFail: (error: StartFailed) => void}} handlers
 */
export function connect({ onMessage, onFail }) {
  /** @type {Worker | null} */
  let worker = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let starting = true;
  let stopped = false;
  let latest = 0;

  /**
   * @param {string} reason
   * @param {"stalled" | "offline" | "error"} kind
   */
  function fail(reason, kind) {
    clearTimeout(timer);
    if (!starting) return;
    starting = false;
    stopped = true;
    worker?.terminate();
    onFail(new StartFailed(reason, navigator.onLine === false ? "offline" : kind));
  }

  /** Nothing has arrived for a while: the start has stalled. Any progress starts the wait again. */
  function watch() {
    clearTimeout(timer);
    if (starting) timer = setTimeout(() => fail(STALLED, "stalled"), STALL_MS);
  }

  /** @param {MessageEvent} event */
  function message(event) {
    /** @type {WorkerMessage} */
    const data = event.data;
    if (stopped) return; // a message the given-up worker sent before it was stopped
    if (data.type === "progress") watch();
    if (data.type === "ready" || data.type === "failed") {
      clearTimeout(timer);
      if (data.type === "failed") {
        fail(data.reason, data.offline ? "offline" : "error");
        return;
      }
      starting = false;
    }
    onMessage(data);
  }

  /** @param {Event} event */
  function error(event) {
    fail((event instanceof ErrorEvent && event.message) || "the worker failed", "error");
  }

  /** @param {Worker | Error} made */
  function use(made, first = false) {
    starting = true;
    stopped = false;
    if (made instanceof Error) {
      fail(made.message, "error");
      return;
    }
    worker = made;
    watch();
    if (first) takeOver(message, error);
    else {
      made.onmessage = message;
      made.onerror = error;
    }
  }

  return {
    /** Takes over the worker started from the page's head, with its messages so far. */
    start() {
      use(started, true);
    },
    /**
     * Asks for an estimate; returns the request's number.
     * @param {Input} input
     */
    ask(input) {
      latest += 1;
      worker?.postMessage({ id: latest, input });
      return latest;
    },
    /** The number of the latest request: an answer to an earlier one is stale. */
    get latest() {
      return latest;
    },
    /** Starts Python again in a new worker, after a failure. */
    retry() {
      use(makeWorker());
    },
  };
}

const STALLED = "nothing arrived for a while";
