// The Pyodide adapter (docs/assets/javascripts/calculator/pyodide.js) against the pinned Pyodide:
// an upgrade fails here until every private name it uses has been checked again.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import {
  CHECKED_AGAINST,
  PRIVATE_API,
  SNAPSHOT_MAGIC,
  looksLikeSnapshot,
} from "../../docs/assets/javascripts/calculator/pyodide.js";
import { PYODIDE_PATH } from "../../docs/assets/javascripts/common/contract.js";

const pinned = JSON.parse(
  readFileSync(new URL("../../node_modules/pyodide/package.json", import.meta.url), "utf8"),
).version;

test("the adapter was checked against the pinned Pyodide", () => {
  assert.equal(
    CHECKED_AGAINST,
    pinned,
    "review calculator/pyodide.js against the new Pyodide, then update CHECKED_AGAINST",
  );
  assert.equal(PYODIDE_PATH, `pyodide/${pinned}/`);
});

test("the pinned Pyodide still ships every private name the adapter uses", () => {
  for (const [name, file] of PRIVATE_API) {
    const text = readFileSync(new URL(`../../node_modules/pyodide/${file}`, import.meta.url), "utf8");
    assert.ok(text.includes(name), `${name} is no longer in pyodide/${file}`);
  }
});

test("a snapshot's shape: the magic number, a header inside it, whole pages after it", () => {
  const page = 65536;
  const bytes = new Uint8Array(16 + page);
  new Uint32Array(bytes.buffer, 0, 2).set([SNAPSHOT_MAGIC, 16]);
  assert.equal(looksLikeSnapshot(bytes), true);
  assert.equal(looksLikeSnapshot(bytes.subarray(0, 16 + page - 1).slice()), false);
  const other = bytes.slice();
  new Uint32Array(other.buffer, 0, 1).set([1]);
  assert.equal(looksLikeSnapshot(other), false);
  assert.equal(looksLikeSnapshot(new Uint8Array(4)), false);
});
