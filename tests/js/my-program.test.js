// Unit tests of the way back to "my program" (docs/assets/javascripts/common/my-program.js): what
// the home page reads from storage is a program link and a short title, or nothing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { TITLE_LENGTH } from "../../docs/assets/javascripts/common/contract.js";
import { KEY, readMyProgram } from "../../docs/assets/javascripts/common/my-program.js";

test("a kept program link reads back", () => {
  const kept = { fragment: "v1,Week%201.iabc123,clam-shell.s3~1x2y3z", title: "Week 1" };
  assert.deepEqual(readMyProgram(JSON.stringify(kept)), kept);
});

test("anything else reads as nothing kept", () => {
  const good = { fragment: "v1,,clam-shell~abc", title: "" };
  for (const text of [
    null,
    "",
    "{",
    "null",
    "[]",
    JSON.stringify({ ...good, fragment: "javascript:alert(1)" }),
    JSON.stringify({ ...good, fragment: "v1,,a b~c" }),
    JSON.stringify({ ...good, fragment: "v1,,a#b~c" }),
    JSON.stringify({ ...good, fragment: `v1,${"a".repeat(40000)}` }),
    JSON.stringify({ ...good, title: "x".repeat(TITLE_LENGTH + 1) }),
    JSON.stringify({ ...good, title: 3 }),
    JSON.stringify({ fragment: good.fragment }),
  ]) {
    assert.equal(readMyProgram(text), null, String(text).slice(0, 60));
  }
});

test("the home page looks for a kept program under the same key", () => {
  // inline/home.js is written into the page, so it cannot import KEY: it names it.
  const home = readFileSync(new URL("../../docs/assets/javascripts/inline/home.js", import.meta.url), "utf8");
  assert.ok(home.includes(`localStorage.getItem(${JSON.stringify(KEY)})`));
});
