// Unit tests of the snapshot's checksum (docs/assets/javascripts/calculator-snapshot.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { checksum } from "../../docs/assets/javascripts/calculator-snapshot.js";

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
