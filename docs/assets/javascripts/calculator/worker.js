// Module worker: starts Pyodide from the site itself, installs the estimator's wheel (named in
// the site's lock file, checked against its sha256) and answers {id, input} messages with the
// estimator's JSON. The page never freezes while Python starts.
//
// Later visits start from a memory snapshot of Python with the estimator imported, taken before
// any of the reader's answers reach Python, so that none of them is kept on the device. Once the
// first estimate has been shown and the worker has been idle for a moment, it stores the parts
// that are not all zeros (snapshot-format.js) on the device (snapshot-store.js), keyed by the
// Pyodide version and the lock file (the wheel's sha256), with a checksum. A later start restores
// it instead of starting Python afresh; a snapshot that is missing, stale, corrupted or rejected
// means a normal start, and a new snapshot. A first visit downloads nothing extra.
//
// While Python downloads, the worker reports the bytes that have arrived, so the page shows
// progress and waits as long as they keep coming.

import { ESTIMATOR } from "../common/contract.js";
import { WHEEL_FILE, installScript } from "./install.js";
import { importRuntime, indexURL, load, looksLikeSnapshot, takeMemorySnapshot } from "./pyodide.js";
import { RECORD_FORMAT, Unusable, canStore, forget, readMemory, store, stored } from "./snapshot-store.js";

/** @typedef {import("./pyodide.js").Pyodide} Pyodide */
/** @typedef {import("./protocol.js").Request} Request */
/** @typedef {import("./protocol.js").WorkerMessage} WorkerMessage */
/** @typedef {import("./protocol.js").Start} Start */
/** @typedef {import("./snapshot-store.js").Stored} Stored */
/** @typedef {import("./snapshot-store.js").SnapshotRecord} SnapshotRecord */
/**
 * @typedef {{ file_name: string, sha256: string, imports: string[] }} LockPackage
 * @typedef {{ info: Record<string, unknown>, packages: Record<string, LockPackage> }} Lock
 * @typedef {(input: string) => string} Respond
 */

/** How long the worker waits without a request before it stores the snapshot. */
const IDLE_MS = 1000;
/** A restore takes well under a second; one that has not finished by then has gone wrong. */
const RESTORE_LIMIT_MS = 10000;
/** The most progress messages a second. */
const PROGRESS_EVERY_MS = 100;

/** @param {WorkerMessage} message */
function send(message) {
  postMessage(message);
}

// Every response Python's start fetches is counted as it streams in, so the page can show how
// much has arrived and never give up on a slow line that is still bringing bytes in.
let arrived = 0;
let reported = 0;
const plainFetch = globalThis.fetch.bind(globalThis);
/** @type {typeof fetch} */
const countingFetch = async (input, init) => {
  const response = await plainFetch(input, init);
  if (!response.body) return response;
  const counted = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        arrived += chunk.byteLength;
        if (performance.now() - reported > PROGRESS_EVERY_MS) {
          reported = performance.now();
          send({ type: "progress", stage: "runtime", loaded: arrived });
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
};
globalThis.fetch = countingFetch;

/** @type {Respond | null} */
let respond = null;
/**
 * The snapshot taken on a fresh start, until it is stored (or could not be taken).
 * @type {{ bytes: Uint8Array<ArrayBuffer> } | { error: unknown } | null}
 */
let taken = null;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let idle;

const scripts = importRuntime();
const snapshotFormat = import("./snapshot-format.js");
for (const module of [scripts.loader, scripts.runtime, snapshotFormat]) module.catch(() => {}); // reported by start()

/** @param {unknown} error */
function reason(error) {
  return String((error instanceof Error && error.message) || error);
}

// The lock file is needed either way (the snapshot's key, or the wheel's name and hash): ask for
// it at once, beside the runtime's own requests.
const lockText = fetch(`${indexURL}pyodide-lock.json`).then((response) => {
  if (!response.ok) throw new Error(`the lock file is missing (${response.status})`);
  return response.text();
});
/** @type {Promise<Lock>} */
const lock = lockText.then((text) => JSON.parse(text));
lock.catch(() => {}); // reported by start()

/** @param {Lock} lock */
function estimator(lock) {
  const entry = lock.packages[ESTIMATOR];
  if (!entry) throw new Error(`the lock file does not list ${ESTIMATOR}`);
  if (!/^[0-9a-f]{64}$/.test(entry.sha256)) throw new Error(`bad sha256 for ${ESTIMATOR}`);
  return entry;
}

/**
 * What a snapshot depends on besides the runtime's build (which Pyodide checks itself).
 * @param {Lock} lock
 */
async function snapshotKey(lock) {
  const entry = estimator(lock);
  const { version } = await scripts.loader;
  return JSON.stringify([version, lock.info, entry.file_name, entry.sha256]);
}

/**
 * The stored snapshot's bytes, if they have the shape of one of Pyodide's.
 * @param {Stored} snapshot
 */
async function snapshotBytes(snapshot) {
  const { record } = snapshot;
  if (record.format !== RECORD_FORMAT) throw new Unusable("the snapshot is stale");
  const { validRuns, keptBytes } = await snapshotFormat;
  if (!Number.isSafeInteger(record.bytes) || !validRuns(record.runs, record.bytes)) {
    throw new Unusable("the snapshot's record is damaged");
  }
  const bytes = await readMemory(snapshot, keptBytes(record.runs));
  if (!looksLikeSnapshot(bytes)) throw new Unusable("the snapshot is not one of Pyodide's");
  return bytes;
}

/**
 * Rejects if the snapshot was made from other files than these, or has changed since.
 * @param {SnapshotRecord} record
 * @param {Promise<Uint8Array<ArrayBuffer>>} read
 */
async function intact(record, read) {
  if (record.key !== (await snapshotKey(await lock))) throw new Unusable("the snapshot is stale");
  const [bytes, { checksum }] = await Promise.all([read, snapshotFormat]);
  if (checksum(bytes, record.runs) !== record.checksum) throw new Unusable("the snapshot is corrupted");
}

/** @param {Pyodide} pyodide */
function pythonVersion(pyodide) {
  return String(pyodide.runPython("import sys; sys.version.split()[0]"));
}

/** @param {Pyodide} pyodide */
function api(pyodide) {
  const module = pyodide.pyimport("calculator.api");
  /** @type {Respond} */
  const answer = module.respond;
  JSON.parse(answer("{}")); // the estimator answers (with messages about the missing fields)
  return answer;
}

/** @returns {Promise<{ pyodide: Pyodide, start: Start }>} */
async function fromSnapshot() {
  const snapshot = await stored();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Unusable("the snapshot did not restore in time")), RESTORE_LIMIT_MS);
  });
  const bytes = snapshotBytes(snapshot);
  const restored = load(scripts, lockText, { snapshot: bytes }, () => intact(snapshot.record, bytes));
  /** @type {Pyodide} */
  const pyodide = await Promise.race([restored, limit]).finally(() => clearTimeout(timer));
  respond = api(pyodide);
  return { pyodide, start: "snapshot" };
}

/** @param {Pyodide} pyodide @param {LockPackage} entry @param {Uint8Array} bytes */
function install(pyodide, entry, bytes) {
  pyodide.FS.writeFile(WHEEL_FILE, bytes);
  pyodide.runPython(installScript(entry));
}

/** @returns {Promise<{ pyodide: Pyodide, start: Start }>} */
async function fromScratch() {
  // The wheel downloads while Python starts.
  const wheel = lock.then(async (lock) => {
    const entry = estimator(lock);
    const response = await fetch(new URL(entry.file_name, indexURL));
    if (!response.ok) throw new Error(`the estimator's wheel is missing (${response.status})`);
    return { entry, bytes: new Uint8Array(await response.arrayBuffer()) };
  });
  wheel.catch(() => {}); // awaited below
  const pyodide = await load(scripts, lockText, { forSnapshot: canStore() });
  send({ type: "progress", stage: "estimator" });
  const { entry, bytes } = await wheel;
  try {
    install(pyodide, entry, bytes);
    respond = api(pyodide);
  } catch (error) {
    const text = reason(error).trim().split("\n");
    throw new Error(`the estimator did not load (${text[text.length - 1]})`, { cause: error });
  }
  if (canStore()) taken = takeSnapshot(pyodide);
  return { pyodide, start: "fresh" };
}

async function start() {
  send({ type: "progress", stage: "runtime" });
  /** @type {{ pyodide: Pyodide, start: Start }} */
  let started;
  /** @type {string | undefined} */
  let fallback;
  try {
    started = await fromSnapshot();
  } catch (error) {
    fallback = reason(error);
    if (!(error instanceof Unusable && error.keep)) await forget();
    started = await fromScratch();
  }
  send({
    type: "ready",
    python: pythonVersion(started.pyodide),
    start: started.start,
    fallback,
    snapshotting: taken !== null,
  });
}

/** The runtime files this worker fetched (its lock file and the wheel are precached by the site). */
function runtimeFiles() {
  return performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((url) => url.startsWith(indexURL) && !/\.(json|whl)$/.test(url));
}

/**
 * Python's memory now: the estimator imported and checked (api), and nothing of the reader's,
 * since no request has been answered yet. About 20 ms; storing it waits until the worker is idle.
 * @param {Pyodide} pyodide
 */
function takeSnapshot(pyodide) {
  try {
    return { bytes: takeMemorySnapshot(pyodide) };
  } catch (error) {
    return { error };
  }
}

async function storeSnapshot() {
  const snapshot = taken;
  if (snapshot === null) return;
  taken = null;
  try {
    if ("error" in snapshot) throw snapshot.error;
    const { bytes } = snapshot;
    const { checksum, keptRuns, keptBytes } = await snapshotFormat;
    const runs = keptRuns(bytes);
    /** @type {SnapshotRecord} */
    const record = {
      format: RECORD_FORMAT,
      key: await snapshotKey(await lock),
      checksum: checksum(bytes, runs),
      bytes: bytes.length,
      runs,
    };
    await store(
      runs.map(([start, size]) => bytes.subarray(start, start + size)),
      record,
    );
    send({ type: "snapshot", state: "stored", bytes: bytes.length, kept: keptBytes(runs), runtime: runtimeFiles() });
  } catch (error) {
    send({ type: "snapshot", state: "failed", reason: reason(error) });
  }
}

/**
 * Whether the site answers at all: a file that fails to arrive because the reader is offline,
 * and one the site does not have, fail alike inside Pyodide ("Failed to fetch").
 */
async function online() {
  try {
    await plainFetch(`${indexURL}pyodide.mjs`, { method: "HEAD", cache: "no-store" });
    return true;
  } catch {
    return false;
  }
}

const started = start().catch(async (error) => {
  send({ type: "failed", reason: reason(error), offline: !(await online()) });
});

/** @param {MessageEvent<Request>} event */
onmessage = async (event) => {
  await started;
  const { id, input } = event.data;
  if (respond === null) return;
  try {
    send({ type: "result", id, response: JSON.parse(respond(JSON.stringify(input))) });
  } catch (error) {
    send({ type: "failed", reason: reason(error) });
  }
  if (taken !== null) {
    clearTimeout(idle);
    idle = setTimeout(storeSnapshot, IDLE_MS);
  }
};
