// Pyodide, as the calculator's worker uses it: the one place that touches its private and
// experimental API. Each such name is listed in PRIVATE_API with the version it was checked
// against; tests/bundle/test_pyodide_adapter.py fails when the pinned Pyodide (package-lock.json)
// is not that version, or no longer ships one of the names, so an upgrade is reviewed here
// before it can ship.

import { PYODIDE_PATH, STDLIB } from "../common/contract.js";

/** @typedef {import("../../../pyodide/pyodide.mjs").PyodideAPI} Pyodide */
/** @typedef {import("../../../pyodide/pyodide.mjs").PyodideConfig} Config */

/** The Pyodide release every use below was checked against. */
export const CHECKED_AGAINST = "314.0.7";

/** A memory snapshot begins with this number, then the length of its header. */
export const SNAPSHOT_MAGIC = 1886286592;

/**
 * Pyodide's private or experimental names this module uses, each with the file of the pinned
 * release that must still carry it.
 * @type {readonly (readonly [string, string])[]}
 */
export const PRIVATE_API = Object.freeze([
  ["createPyodideModule", "pyodide.d.ts"], // loadPyodide's option: the runtime script's module factory ("experimental")
  ["_loadSnapshot", "pyodide.d.ts"], // start from a memory snapshot
  ["_makeSnapshot", "pyodide.d.ts"], // start so that a snapshot can be taken
  ["makeMemorySnapshot", "pyodide.d.ts"], // take it
  [String(SNAPSHOT_MAGIC), "pyodide.asm.mjs"], // how a snapshot's bytes begin
]);
const WASM_PAGE = 65536;

/** The folder the site serves the pinned runtime from. */
export const indexURL = new URL(`../../../${PYODIDE_PATH}`, import.meta.url).href;

/**
 * Pyodide's loader and its runtime script, asked for at once, side by side, and not one after
 * the other (the loader would import the runtime only once it has itself been loaded and run).
 */
export function importRuntime() {
  /** @type {Promise<typeof import("../../../pyodide/pyodide.mjs")>} */
  const loader = import(`${indexURL}pyodide.mjs`);
  /** @type {Promise<typeof import("../../../pyodide/pyodide.asm.mjs")>} */
  const runtime = import(`${indexURL}pyodide.asm.mjs`);
  return { loader, runtime };
}

/**
 * loadPyodide with the runtime script already being loaded. Pyodide reads a snapshot's memory
 * only once its module is made, so `check` (the snapshot's own check) starts once the module's
 * factory has run and the WebAssembly compiles, and stops the start if it fails.
 * @param {ReturnType<typeof importRuntime>} scripts
 * @param {Promise<string>} lockText the site's lock file
 * @param {{snapshot?: Promise<Uint8Array<ArrayBuffer>>, forSnapshot?: boolean}} start from a snapshot's bytes, or afresh and ready to take one
 * @param {() => Promise<void>} [check]
 * @returns {Promise<Pyodide>}
 */
export async function load(scripts, lockText, start, check = async () => {}) {
  const { loadPyodide } = await scripts.loader;
  /** @type {Config} */
  const config = {
    indexURL,
    stdLibURL: `${indexURL}${STDLIB}`,
    lockFileContents: lockText,
    packageBaseUrl: indexURL,
    createPyodideModule: async (settings) => {
      const made = (await scripts.runtime).default(settings);
      const [module] = await Promise.all([made, check()]);
      return module;
    },
    stdout: () => {},
    stderr: () => {},
  };
  if (start.snapshot) config._loadSnapshot = start.snapshot;
  if (start.forSnapshot) config._makeSnapshot = true;
  return loadPyodide(config);
}

/**
 * Python's memory now, on a start made to take a snapshot.
 * @param {Pyodide} pyodide
 */
export function takeMemorySnapshot(pyodide) {
  return /** @type {Uint8Array<ArrayBuffer>} */ (pyodide.makeMemorySnapshot());
}

/**
 * Whether bytes have the shape of one of Pyodide's memory snapshots. Checked before they reach
 * Pyodide, which only logs a WebAssembly memory it cannot make, and never starts.
 * @param {Uint8Array<ArrayBuffer>} bytes
 */
export function looksLikeSnapshot(bytes) {
  const [magic, header] = bytes.length >= 8 ? new Uint32Array(bytes.buffer, 0, 2) : [0, 0];
  return magic === SNAPSHOT_MAGIC && header <= bytes.length && (bytes.length - header) % WASM_PAGE === 0;
}
