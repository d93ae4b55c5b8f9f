// Unit tests of the page's warning-sign rule (docs/assets/javascripts/calculator/triage.js). The same rule
// is checked against the estimator's own on generated answers by tests/pages/test_triage.py.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { byTier, dialParts, warningSigns } from "../../docs/assets/javascripts/calculator/triage.js";

/** @type {import("../../docs/assets/javascripts/calculator/triage.js").Triage} */
const TRIAGE = {
  signs: [
    { code: "breathless", name: "Breathless", tier: "emergency", action: "Call 999 now.", href: "#breathless" },
    { code: "hot_knee", name: "Hot knee", tier: "emergency", action: "Go to A&E now.", href: "#hot-knee" },
    { code: "child", name: "Child", tier: "urgent", action: "Call 111 today.", href: "#child" },
    { code: "night_pain", name: "Night pain", tier: "routine", action: "Book a visit.", href: "#night-pain" },
  ],
  tiers: [
    { tier: "emergency", heading: "Call 999 or go to A&E now", summary: "Now." },
    { tier: "urgent", heading: "Get help today: call 111", summary: "Today." },
    { tier: "routine", heading: "Book an appointment", summary: "Soon." },
  ],
  retired: { fever: "hot_knee", child_hip: "child" },
  refers: { age: { under_18: "child" } },
  calls: [
    { number: "999", name: "emergency services" },
    { number: "111", name: "NHS 111" },
  ],
};

/** @param {Record<string, unknown>} input */
const codes = (input) => warningSigns(input, TRIAGE).signs.map((sign) => sign.code);

describe("warning signs", () => {
  test("listed most urgent first, whatever order they were ticked in", () => {
    assert.deepEqual(codes({ red_flags: ["night_pain", "hot_knee", "breathless"] }), [
      "breathless",
      "hot_knee",
      "night_pain",
    ]);
  });
  test("an unknown code never cancels a known one, and is named", () => {
    const { signs, unknown } = warningSigns({ red_flags: ["hot_knee", "night-pain", "hot_knee"] }, TRIAGE);
    assert.deepEqual(
      signs.map((s) => s.code),
      ["hot_knee"],
    );
    assert.deepEqual(unknown, ["night-pain"]);
  });
  test("retired codes read as the sign that replaced them", () => {
    assert.deepEqual(codes({ red_flags: ["fever", "child_hip"] }), ["hot_knee", "child"]);
  });
  test("an answer that stands for a sign refers, with nothing else answered", () => {
    assert.deepEqual(codes({ age: "under_18" }), ["child"]);
    assert.deepEqual(codes({ age: "adult" }), []);
  });
  test("other answers, missing or wrong, change nothing", () => {
    assert.deepEqual(codes({ red_flags: ["breathless"], severity: "extreme", symptom_weeks: "abc" }), ["breathless"]);
    assert.deepEqual(codes({ red_flags: "breathless" }), []);
    assert.deepEqual(codes({}), []);
  });
  test("a code named like an object's own property is not a sign", () => {
    assert.deepEqual(codes({ red_flags: ["__proto__", "constructor", "toString"] }), []);
    assert.deepEqual(codes({ age: "constructor" }), []);
  });
});

describe("grouped by urgency", () => {
  test("most urgent group first; empty groups left out", () => {
    const groups = byTier(warningSigns({ red_flags: ["night_pain", "breathless"] }, TRIAGE).signs, TRIAGE);
    assert.deepEqual(
      groups.map((g) => [g.tier, g.heading, g.signs.map((s) => s.code)]),
      [
        ["emergency", "Call 999 or go to A&E now", ["breathless"]],
        ["routine", "Book an appointment", ["night_pain"]],
      ],
    );
  });
});

describe("phone numbers", () => {
  test("each listed number stands alone as a part; longer numbers are left as text", () => {
    assert.deepEqual(dialParts("Call 999 now, or 111. Not 9999 or 1110.", TRIAGE.calls), [
      "Call ",
      TRIAGE.calls[0],
      " now, or ",
      TRIAGE.calls[1],
      ". Not 9999 or 1110.",
    ]);
  });
  test("text with no number, or no numbers to find, is one part", () => {
    assert.deepEqual(dialParts("Book a visit.", TRIAGE.calls), ["Book a visit."]);
    assert.deepEqual(dialParts("Call 999.", []), ["Call 999."]);
  });
});
