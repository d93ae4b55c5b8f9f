// Starts the calculator's worker while the page is still loading. The calculator page's head
// loads this module with `async`, so Python starts downloading (or restoring its snapshot) at
// once, not after the page and Material have been parsed and run. calculator.js imports the same
// module (one instance per page) and takes over the worker with the messages it sent meanwhile.

/**
 * A message, or an error: an ErrorEvent for an error in the worker, a plain Event when its
 * script (or one it imports) could not be loaded.
 * @typedef {MessageEvent | Event} WorkerEvent
 */

/** @type {WorkerEvent[]} */
const early = [];
/** @param {WorkerEvent} event */
const keep = (event) => early.push(event);

/**
 * A new calculator worker, or why one could not be made (a browser without module workers).
 * @returns {Worker | Error}
 */
export function makeWorker() {
  try {
    return new Worker(new URL("worker.js", import.meta.url), { type: "module" });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** @returns {Worker | Error} */
function start() {
  const worker = makeWorker();
  if (worker instanceof Worker) {
    worker.addEventListener("message", keep);
    worker.addEventListener("error", keep);
  }
  return worker;
}

/** The worker, or why it could not be made. */
export const started = start();

/**
 * Hands the worker's events to the page: first those that came before, in order, then the rest.
 * @param {(event: MessageEvent) => void} onMessage
 * @param {(event: Event) => void} onError
 */
export function takeOver(onMessage, onError) {
  if (started instanceof Error) return;
  started.removeEventListener("message", keep);
  started.removeEventListener("error", keep);
  for (const event of early.splice(0)) {
    if (event instanceof MessageEvent) onMessage(event);
    else onError(event);
  }
  started.onmessage = onMessage;
  started.onerror = onError;
}
