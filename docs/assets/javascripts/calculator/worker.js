// Module worker: starts Pyodide from the site itself, installs the estimator's wheel (named in
// the site's lock file, checked against its sha256) and answers {id, input} messages with the
// estimator's JSON. The page never freezes while Python starts.
//
// Later visits start from a memory snapshot of Python with the estimator imported, taken before
// any of the reader's answers reach Python, so that none of them is kept on the device. Once the
// first estimate has been shown and the worker has been idle for a moment, it stores the parts
// that are not all zeros (calculator-snapshot.js) in the origin's private file system (read back
// through a synchronous handle, several times faster than Cache Storage or a Blob), keyed by the
// Pyodide version and the lock file (the wheel's sha256), with a checksum. A later start restores
// it instead of starting Python afresh; a snapshot that is missing, stale, corrupted or rejected
// means a normal start, and a new snapshot. A first visit downloads nothing extra.

/** @typedef {import("../../../pyodide/pyodide.mjs").PyodideAPI} Pyodide */
/** @typedef {import("../../../pyodide/pyodide.mjs").PyodideConfig} Config */
/**
 * @typedef {{ file_name: string, sha256: string, imports: string[] }} LockPackage
 * @typedef {{ info: Record<string, unknown>, packages: Record<string, LockPackage> }} Lock
 * @typedef {(input: string) => string} Respond
 * @typedef {"snapshot" | "fresh"} Start
 * @typedef {{ id: number, input: unknown }} Request
 */

const indexURL = new URL("../../../pyodide/", import.meta.url).href;
const PACKAGE = "knee-guide-calculator";
/**
 * The origin's private file system holds one snapshot: the parts of its memory that are kept, then
 * a small record (written last, so a write cut short leaves no record) of what it was made from,
 * where each kept part goes, and their checksum (calculator-snapshot.js).
 */
const SNAPSHOT_FOLDER = "knee-guide-calculator-snapshot";
const MEMORY_FILE = "memory.bin";
const RECORD_FILE = "record.json";
/**
 * The record's format: 3 since the memory file holds only the kept parts (2: all of the memory and
 * a checksum; 1: a sha256). A record in another format was written by another build: stale.
 */
const RECORD_FORMAT = 3;
/** How long the worker waits without a request before it stores the snapshot. */
const IDLE_MS = 1000;
/** A restore takes well under a second; one that has not finished by then has gone wrong. */
const RESTORE_LIMIT_MS = 10000;
/** Pyodide's snapshot format: a magic number, then the header's length (pyodide.asm.mjs). */
const SNAPSHOT_MAGIC = 1886286592;
const WASM_PAGE = 65536;
/** Why a start is not from the snapshot, when the snapshot itself is not at fault. */
const NONE = "no snapshot";
const IN_USE = "the snapshot is being written by another tab";

/** @type {Respond | null} */
let respond = null;
/**
 * The snapshot taken on a fresh start, until it is stored (or could not be taken).
 * @type {{ bytes: Uint8Array<ArrayBuffer> } | { error: unknown } | null}
 */
let taken = null;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let idle;

// Pyodide's loader and its runtime script are asked for at once, side by side, and not one after
// the other (the loader would import the runtime only once it has itself been loaded and run).
const loader = import("../../../pyodide/pyodide.mjs");
const runtime = import("../../../pyodide/pyodide.asm.mjs");
const snapshotModule = import("./snapshot-format.js");
for (const module of [loader, runtime, snapshotModule]) module.catch(() => {}); // reported by start()

/**
 * loadPyodide with the runtime script this worker is already loading. Pyodide reads a snapshot's
 * memory only once its module is made, so `check` (the snapshot's own check) starts once the
 * module's factory has run and the WebAssembly compiles, and stops the start if it fails.
 * @param {Config} config
 * @param {() => Promise<void>} check
 */
async function load(config, check = async () => {}) {
  const { loadPyodide } = await loader;
  return loadPyodide({
    ...config,
    indexURL,
    lockFileContents: lockText,
    packageBaseUrl: indexURL,
    createPyodideModule: async (settings) => {
      const made = (await runtime).default(settings);
      const [module] = await Promise.all([made, check()]);
      return module;
    },
    stdout: () => {},
    stderr: () => {},
  });
}

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
  const entry = lock.packages[PACKAGE];
  if (!entry) throw new Error(`the lock file does not list ${PACKAGE}`);
  if (!/^[0-9a-f]{64}$/.test(entry.sha256)) throw new Error(`bad sha256 for ${PACKAGE}`);
  return entry;
}

/**
 * What a snapshot depends on besides the runtime's build (which Pyodide checks itself).
 * @param {Lock} lock
 */
async function snapshotKey(lock) {
  const entry = estimator(lock);
  const { version } = await loader;
  return JSON.stringify([version, lock.info, entry.file_name, entry.sha256]);
}

/** The private file system exists only in secure contexts (https, localhost). */
function canSnapshot() {
  return typeof navigator.storage?.getDirectory === "function";
}

/** @param {boolean} create */
async function snapshotFolder(create) {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(SNAPSHOT_FOLDER, { create });
}

/**
 * @typedef {import("./snapshot-format.js").Run} Run
 * @typedef {{ format: number, key: string, checksum: string, bytes: number, runs: Run[] }} SnapshotRecord
 * @typedef {{ record: SnapshotRecord, memory: FileSystemFileHandle }} Stored
 * @returns {Promise<Stored | undefined>}
 */
async function storedSnapshot() {
  if (!canSnapshot()) return undefined;
  try {
    const folder = await snapshotFolder(false);
    const record = JSON.parse(await (await (await folder.getFileHandle(RECORD_FILE)).getFile()).text());
    return { record, memory: await folder.getFileHandle(MEMORY_FILE) };
  } catch {
    return undefined;
  }
}

/**
 * The stored snapshot's bytes, if they have the shape of one of Pyodide's. Checked here because
 * Pyodide only logs a WebAssembly memory it cannot make, and never starts.
 * @param {Stored} stored
 */
async function snapshotBytes({ record, memory }) {
  if (record.format !== RECORD_FORMAT) throw new Error("the snapshot is stale");
  const { validRuns, keptBytes } = await snapshotModule;
  if (!Number.isSafeInteger(record.bytes) || !validRuns(record.runs, record.bytes)) {
    throw new Error("the snapshot's record is damaged");
  }
  const bytes = await read(memory, record, keptBytes(record.runs));
  const [magic, header] = bytes.length >= 8 ? new Uint32Array(bytes.buffer, 0, 2) : [0, 0];
  if (magic !== SNAPSHOT_MAGIC || header > bytes.length || (bytes.length - header) % WASM_PAGE) {
    throw new Error("the snapshot is not one of Pyodide's");
  }
  return bytes;
}

/**
 * Rejects if the snapshot was made from other files than these, or has changed since.
 * @param {SnapshotRecord} record
 * @param {Promise<Uint8Array<ArrayBuffer>>} read
 */
async function intact(record, read) {
  if (record.key !== (await snapshotKey(await lock))) throw new Error("the snapshot is stale");
  const [bytes, { checksum }] = await Promise.all([read, snapshotModule]);
  if (checksum(bytes, record.runs) !== record.checksum) throw new Error("the snapshot is corrupted");
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
  const stored = await storedSnapshot();
  if (!stored) throw new Error(NONE);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("the snapshot did not restore in time")), RESTORE_LIMIT_MS);
  });
  const bytes = snapshotBytes(stored);
  const restored = load({ _loadSnapshot: bytes }, () => intact(stored.record, bytes));
  /** @type {Pyodide} */
  const pyodide = await Promise.race([restored, limit]).finally(() => clearTimeout(timer));
  respond = api(pyodide);
  return { pyodide, start: "snapshot" };
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
  const pyodide = await load({ _makeSnapshot: canSnapshot() });
  postMessage({ type: "progress", stage: "package" });
  const { entry, bytes } = await wheel;
  // Installed by hand, not by loadPackage: a snapshot cannot be made once loadPackage has run.
  pyodide.FS.writeFile("/tmp/estimator.whl", bytes);
  try {
    pyodide.runPython(`
import hashlib, importlib, os, site, zipfile
with open("/tmp/estimator.whl", "rb") as wheel:
    if hashlib.sha256(wheel.read()).hexdigest() != ${JSON.stringify(entry.sha256)}:
        raise ValueError("the wheel does not match the sha256 in the lock file")
with zipfile.ZipFile("/tmp/estimator.whl") as wheel:
    wheel.extractall(site.getsitepackages()[0])
os.remove("/tmp/estimator.whl")
importlib.invalidate_caches()
import ${entry.imports.map((name) => name.replace(/[^A-Za-z0-9_.]/g, "")).join(", ")}
`);
    respond = api(pyodide);
  } catch (error) {
    const text = reason(error).trim().split("\n");
    throw new Error(`the estimator did not load (${text[text.length - 1]})`, { cause: error });
  }
  if (canSnapshot()) taken = takeSnapshot(pyodide);
  return { pyodide, start: "fresh" };
}

async function start() {
  postMessage({ type: "progress", stage: "runtime" });
  /** @type {{ pyodide: Pyodide, start: Start }} */
  let started;
  /** @type {string | undefined} */
  let fallback;
  try {
    started = await fromSnapshot();
  } catch (error) {
    fallback = reason(error);
    if (fallback !== NONE && fallback !== IN_USE) await forgetSnapshot();
    started = await fromScratch();
  }
  postMessage({
    type: "ready",
    python: pythonVersion(started.pyodide),
    start: started.start,
    fallback,
    snapshotting: taken !== null,
  });
}

async function forgetSnapshot() {
  try {
    await (await navigator.storage.getDirectory()).removeEntry(SNAPSHOT_FOLDER, { recursive: true });
  } catch {
    // nothing stored, or no private file system
  }
}

/**
 * The snapshot's memory: each kept part read straight to its place, the rest left zeros. A
 * synchronous handle reads several times faster than the file's Blob. Read-only, so that two
 * workers (two tabs) can read the snapshot at once; reading is refused only while another writes.
 * @param {FileSystemFileHandle} file
 * @param {SnapshotRecord} record
 * @param {number} kept the size of the file that holds the kept parts
 */
async function read(file, { bytes: length, runs }, kept) {
  /** @type {FileSystemSyncAccessHandle} */
  let handle;
  try {
    handle = await file.createSyncAccessHandle({ mode: "read-only" });
  } catch (error) {
    if (error instanceof DOMException && error.name === "NoModificationAllowedError") {
      throw new Error(IN_USE, { cause: error });
    }
    throw error;
  }
  try {
    if (handle.getSize() !== kept) throw new Error("the snapshot's file has the wrong length");
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const [start, size] of runs) at += handle.read(bytes.subarray(start, start + size), { at });
    return bytes;
  } finally {
    handle.close();
  }
}

/**
 * @param {FileSystemFileHandle} file
 * @param {Uint8Array<ArrayBuffer>[]} parts written one after the other
 */
async function write(file, parts) {
  const handle = await file.createSyncAccessHandle();
  try {
    handle.truncate(0);
    let at = 0;
    for (const part of parts) {
      if (handle.write(part, { at }) !== part.length) throw new Error("the disk is full");
      at += part.length;
    }
    handle.flush();
  } finally {
    handle.close();
  }
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
 * since no request has been answered yet. Pyodide can take it only on a start made to take one
 * (`_makeSnapshot`). About 20 ms; storing it waits until the worker is idle.
 * @param {Pyodide} pyodide
 */
function takeSnapshot(pyodide) {
  try {
    return { bytes: /** @type {Uint8Array<ArrayBuffer>} */ (pyodide.makeMemorySnapshot()) };
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
    const { checksum, keptRuns, keptBytes } = await snapshotModule;
    const runs = keptRuns(bytes);
    /** @type {SnapshotRecord} */
    const record = {
      format: RECORD_FORMAT,
      key: await snapshotKey(await lock),
      checksum: checksum(bytes, runs),
      bytes: bytes.length,
      runs,
    };
    const parts = runs.map(([start, size]) => bytes.subarray(start, start + size));
    await forgetSnapshot();
    const folder = await snapshotFolder(true);
    await write(await folder.getFileHandle(MEMORY_FILE, { create: true }), parts);
    const text = new TextEncoder().encode(JSON.stringify(record));
    await write(await folder.getFileHandle(RECORD_FILE, { create: true }), [text]);
    const runtime = runtimeFiles();
    const kept = keptBytes(runs);
    postMessage({ type: "snapshot", state: "stored", bytes: bytes.length, kept, runtime });
  } catch (error) {
    postMessage({ type: "snapshot", state: "failed", reason: reason(error) });
  }
}

const started = start().catch((error) => {
  postMessage({ type: "failed", reason: reason(error) });
});

/** @param {MessageEvent<Request>} event */
onmessage = async (event) => {
  await started;
  const { id, input } = event.data;
  if (respond === null) return;
  try {
    postMessage({ type: "result", id, response: JSON.parse(respond(JSON.stringify(input))) });
  } catch (error) {
    postMessage({ type: "failed", reason: reason(error) });
  }
  if (taken !== null) {
    clearTimeout(idle);
    idle = setTimeout(storeSnapshot, IDLE_MS);
  }
};
