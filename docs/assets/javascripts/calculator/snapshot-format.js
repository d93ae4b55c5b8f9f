// How the calculator's memory snapshot (calculator-worker.js) is kept: only its parts that are not
// all zeros, and a checksum of those parts.
//
// Half of the 31 MB is zeros (memory Python has not used): 243 of its 481 WebAssembly pages here.
// Keeping only the rest halves both the storage a reader's phone gives the calculator and the
// bytes read back on every start; the zeros come back for free in a new buffer.
//
// The snapshot lives in the origin's own private storage, so what it risks is accidental damage
// (a failing disk, a write cut short), not someone forging it: a checksum that catches damage is
// enough. SHA-256 over the 31 MB took about 40 ms of a processor on each start here, competing
// with the WebAssembly compile; this takes about 6 ms.

/** The unit kept or left out: a WebAssembly page. */
export const BLOCK = 65536;

/** @typedef {[start: number, length: number]} Run a stretch of the snapshot that is kept */

/**
 * The stretches of `bytes` to keep: every block with a byte that is not zero, adjacent blocks
 * joined. Every run starts on a block boundary; all but one ending at the end are whole blocks.
 * @param {Uint8Array} bytes
 * @returns {Run[]}
 */
export function keptRuns(bytes) {
  /** @type {Run[]} */
  const runs = [];
  for (let start = 0; start < bytes.length; start += BLOCK) {
    const block = bytes.subarray(start, start + BLOCK);
    if (zeros(block)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === start) last[1] += block.length;
    else runs.push([start, block.length]);
  }
  return runs;
}

/** @param {Uint8Array} block */
function zeros(block) {
  for (let i = 0; i < block.length; i++) if (block[i]) return false;
  return true;
}

/**
 * How many bytes the runs keep: the size of the file that holds them.
 * @param {Run[]} runs
 */
export function keptBytes(runs) {
  return runs.reduce((sum, [, length]) => sum + length, 0);
}

/**
 * Checks that `runs` could have come from keptRuns for a snapshot of `length` bytes: in order,
 * on block boundaries, inside it. A record that fails this was damaged.
 * @param {unknown} runs
 * @param {number} length
 * @returns {runs is Run[]}
 */
export function validRuns(runs, length) {
  if (!Array.isArray(runs)) return false;
  let end = 0;
  for (const run of runs) {
    if (!Array.isArray(run) || run.length !== 2) return false;
    const [start, size] = run;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(size)) return false;
    if (start < end || start % BLOCK || size <= 0 || start + size > length) return false;
    if (size % BLOCK && start + size !== length) return false;
    end = start + size;
  }
  return true;
}

/**
 * Two 32-bit lanes, each a multiply-xor chain over every other 32-bit word of the kept bytes, in
 * order (the same result as over the kept runs copied one after the other). Each step is a
 * bijection of the word for a given state, and of the state for a given word, so changing any
 * single word or byte always changes the result; several changes cancel out by chance only.
 * @param {Uint8Array} bytes
 * @param {Run[]} runs the parts of `bytes` to check (all of it if not given)
 * @returns {string} 16 hexadecimal digits
 */
export function checksum(bytes, runs = [[0, bytes.length]]) {
  if (bytes.byteOffset % 4) return checksum(bytes.slice(), runs); // 32-bit words must be aligned
  const total = keptBytes(runs);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ total;
  let kept = 0;
  for (const [start, length] of runs) {
    kept += length;
    // Only the last part may end between two pairs of words (keptRuns' runs all do this).
    if (length % 8 && kept !== total) throw new Error("a kept run must be whole 8-byte pairs");
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + start, length >>> 2);
    const pairs = words.length & ~1;
    for (let i = 0; i < pairs; i += 2) {
      a = Math.imul(a ^ words[i], 0x9e3779b1);
      b = Math.imul(b ^ words[i + 1], 0x85ebca77);
    }
    if (pairs < words.length) a = Math.imul(a ^ words[pairs], 0x9e3779b1);
    for (let i = start + words.length * 4; i < start + length; i++) {
      b = Math.imul(b ^ bytes[i], 0x85ebca77);
    }
  }
  return [a, b].map((lane) => (lane >>> 0).toString(16).padStart(8, "0")).join("");
}
