// Unit tests of the snapshot's checksum (docs/assets/javascripts/calculator/snapshot-format.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  BLOCK,
  checksum,
  keptBytes,
  keptRuns,
  validRuns,
} from "../../docs/assets/javascripts/calculator/snapshot-format.js";

/** @param {number} length */
function sample(length) {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 131 + (i >> 8)) & 255;
  return bytes;
}

test("the same bytes give the same 16 hexadecimal digits", () => {
  const bytes = sample(4099);
  assert.match(checksum(bytes), /^[0-9a-f]{16}$/);
  assert.equal(checksum(bytes), checksum(bytes.slice()));
});

test("changing any one byte changes it, whatever its place", () => {
  for (const length of [1, 7, 64, 1027]) {
    const bytes = sample(length);
    const before = checksum(bytes);
    for (let at = 0; at < length; at++) {
      for (const flip of [1, 0x80, 0xff]) {
        const damaged = bytes.slice();
        damaged[at] ^= flip;
        assert.notEqual(checksum(damaged), before, `length ${length}, byte ${at}, xor ${flip}`);
      }
    }
  }
});

test("a block overwritten, words swapped, or a snapshot cut short all change it", () => {
  const bytes = sample(1 << 16);
  const before = checksum(bytes);
  const block = bytes.slice();
  block.fill(0xff, 30000, 34096);
  const swapped = bytes.slice();
  swapped.set(bytes.subarray(8, 16), 0);
  swapped.set(bytes.subarray(0, 8), 8);
  const zeros = new Uint8Array(bytes.length);
  for (const damaged of [block, swapped, bytes.subarray(0, bytes.length - 4), zeros]) {
    assert.notEqual(checksum(damaged), before);
  }
  assert.notEqual(checksum(new Uint8Array(8)), checksum(new Uint8Array(12)), "zeros of two lengths");
});

test("a view that does not start on a 4-byte boundary gives the same result as a copy", () => {
  const bytes = sample(1001);
  assert.equal(checksum(bytes.subarray(3)), checksum(bytes.slice(3)));
});

/**
 * A snapshot-like buffer: `blocks` blocks (the last `tail` bytes long if given), with bytes that
 * are not zero in the blocks listed.
 * @param {number} blocks
 * @param {number[]} used
 * @param {number} [tail]
 */
function memory(blocks, used, tail = BLOCK) {
  const bytes = new Uint8Array((blocks - 1) * BLOCK + tail);
  for (const block of used) bytes[Math.min(block * BLOCK + 777, bytes.length - 1)] = 5;
  return bytes;
}

/**
 * @param {Uint8Array} bytes
 * @param {[number, number][]} runs
 */
function concatenated(bytes, runs) {
  const parts = runs.map(([start, length]) => bytes.subarray(start, start + length));
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

test("only blocks with a byte that is not zero are kept, adjacent ones joined", () => {
  assert.deepEqual(keptRuns(memory(4, [])), []);
  assert.deepEqual(keptRuns(memory(4, [0, 1, 3])), [
    [0, 2 * BLOCK],
    [3 * BLOCK, BLOCK],
  ]);
  // A last block shorter than the rest (Pyodide's header is not a whole page) ends the last run.
  assert.deepEqual(keptRuns(memory(3, [2], 1000)), [[2 * BLOCK, 1000]]);
  // A block whose only non-zero byte is its last one is kept.
  const bytes = memory(2, []);
  bytes[BLOCK - 1] = 1;
  assert.deepEqual(keptRuns(bytes), [[0, BLOCK]]);
});

test("the kept runs put back in a zeroed buffer give the snapshot again", () => {
  const bytes = memory(6, [0, 2, 3, 5], 4104);
  for (let i = 0; i < bytes.length; i += 9) if (Math.floor(i / BLOCK) % 4 === 0) bytes[i] = i & 255;
  const runs = keptRuns(bytes);
  const stored = concatenated(bytes, runs);
  assert.ok(stored.length < bytes.length);
  assert.equal(keptBytes(runs), stored.length);
  const back = new Uint8Array(bytes.length);
  let at = 0;
  for (const [start, length] of runs) {
    back.set(stored.subarray(at, at + length), start);
    at += length;
  }
  assert.deepEqual(back, bytes);
});

test("the checksum of the kept runs is the checksum of the file that holds them", () => {
  const bytes = memory(5, [0, 1, 4], 3003);
  for (let i = 0; i < BLOCK; i++) bytes[i] = (i * 7) & 255;
  const runs = keptRuns(bytes);
  assert.equal(checksum(bytes, runs), checksum(concatenated(bytes, runs)));
  const damaged = bytes.slice();
  damaged[4 * BLOCK + 5] ^= 1;
  assert.notEqual(checksum(damaged, runs), checksum(bytes, runs));
  assert.throws(
    () =>
      checksum(bytes, [
        [0, 4],
        [BLOCK, 8],
      ]),
    /whole 8-byte pairs/,
  );
});

test("runs that keptRuns could not have written are refused", () => {
  const length = 3 * BLOCK + 100;
  assert.ok(validRuns([], length));
  assert.ok(
    validRuns(
      [
        [0, BLOCK],
        [2 * BLOCK, BLOCK + 100],
      ],
      length,
    ),
  );
  for (const runs of [
    undefined,
    "[]",
    [[1, BLOCK]], // not on a block boundary
    [[0, 100]], // part of a block, not at the end
    [
      [BLOCK, BLOCK],
      [0, BLOCK],
    ], // out of order
    [
      [0, 2 * BLOCK],
      [BLOCK, BLOCK],
    ], // overlapping
    [[2 * BLOCK, 2 * BLOCK]], // past the end
    [[0, 0]],
    [[0, BLOCK, 1]],
    [["0", BLOCK]],
  ]) {
    assert.equal(validRuns(runs, length), false, JSON.stringify(runs));
  }
});
