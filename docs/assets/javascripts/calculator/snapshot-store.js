// Where the calculator's memory snapshot is kept between visits: the origin's private file system
// (read back through a synchronous handle, several times faster than Cache Storage or a Blob).
// It holds one snapshot: the parts of its memory that are kept (snapshot-format.js), then a small
// record (written last, so a write cut short leaves no record) of what it was made from, where
// each kept part goes, and their checksum.

/** @typedef {import("./snapshot-format.js").Run} Run */
/** @typedef {{ format: number, key: string, checksum: string, bytes: number, runs: Run[] }} SnapshotRecord */
/** @typedef {{ record: SnapshotRecord, memory: FileSystemFileHandle }} Stored */

const FOLDER = "knee-guide-calculator-snapshot";
const MEMORY_FILE = "memory.bin";
const RECORD_FILE = "record.json";
/**
 * The record's format: 3 since the memory file holds only the kept parts (2: all of the memory and
 * a checksum; 1: a sha256). A record in another format was written by another build: stale.
 */
export const RECORD_FORMAT = 3;

/**
 * The stored snapshot cannot be used: why, in words, and whether to delete it. One that is
 * missing, or being written by another tab, is kept; a stale, damaged or rejected one is deleted.
 */
export class Unusable extends Error {
  /**
   * @param {string} message
   * @param {{keep?: boolean, cause?: unknown}} [options]
   */
  constructor(message, { keep = false, cause } = {}) {
    super(message, { cause });
    this.name = "Unusable";
    this.keep = keep;
  }
}

/** The private file system exists only in secure contexts (https, localhost). */
export function canStore() {
  return typeof navigator.storage?.getDirectory === "function";
}

/** @param {boolean} create */
async function folder(create) {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(FOLDER, { create });
}

/** @returns {Promise<Stored>} */
export async function stored() {
  if (!canStore()) throw new Unusable("no snapshot", { keep: true });
  try {
    const found = await folder(false);
    const record = JSON.parse(await (await (await found.getFileHandle(RECORD_FILE)).getFile()).text());
    return { record, memory: await found.getFileHandle(MEMORY_FILE) };
  } catch (error) {
    throw new Unusable("no snapshot", { keep: true, cause: error });
  }
}

/** Deletes the stored snapshot, if there is one. */
export async function forget() {
  try {
    await (await navigator.storage.getDirectory()).removeEntry(FOLDER, { recursive: true });
  } catch {
    // nothing stored, or no private file system
  }
}

/**
 * The snapshot's memory: each kept part read straight to its place, the rest left zeros.
 * Read-only, so that two workers (two tabs) can read the snapshot at once; reading is refused
 * only while another writes.
 * @param {Stored} snapshot
 * @param {number} kept the size of the file that holds the kept parts
 */
export async function readMemory({ memory, record }, kept) {
  /** @type {FileSystemSyncAccessHandle} */
  let handle;
  try {
    handle = await memory.createSyncAccessHandle({ mode: "read-only" });
  } catch (error) {
    if (error instanceof DOMException && error.name === "NoModificationAllowedError") {
      throw new Unusable("the snapshot is being written by another tab", { keep: true, cause: error });
    }
    throw error;
  }
  try {
    if (handle.getSize() !== kept) throw new Unusable("the snapshot's file has the wrong length");
    const bytes = new Uint8Array(record.bytes);
    let at = 0;
    for (const [start, size] of record.runs) at += handle.read(bytes.subarray(start, start + size), { at });
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

/**
 * Replaces the stored snapshot: the kept parts first, the record last.
 * @param {Uint8Array<ArrayBuffer>[]} parts
 * @param {SnapshotRecord} record
 */
export async function store(parts, record) {
  await forget();
  const made = await folder(true);
  await write(await made.getFileHandle(MEMORY_FILE, { create: true }), parts);
  await write(await made.getFileHandle(RECORD_FILE, { create: true }), [
    new TextEncoder().encode(JSON.stringify(record)),
  ]);
}
