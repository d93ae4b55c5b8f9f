// The calculator's answers in the address (docs/assets/javascripts/calculator/answers.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { fromAddress, holdsAnswers, toAddress } from "../../docs/assets/javascripts/calculator/answers.js";

/** @type {Record<string, import("../../docs/assets/javascripts/calculator/answers.js").Kind>} */
const KINDS = { red_flags: "codes", age: "choice", symptom_weeks: "number", ran_through_pain: "boolean" };

describe("answers in the address", () => {
  test("each answer in its JSON type; unknown parameters ignored", () => {
    assert.deepEqual(
      fromAddress("age=adult&symptom_weeks=2.5&ran_through_pain=false&red_flags=a,b&colour=red", KINDS),
      {
        age: "adult",
        symptom_weeks: 2.5,
        ran_through_pain: false,
        red_flags: ["a", "b"],
      },
    );
  });
  test("a number is only a plain decimal; anything else stays text for the estimator to explain", () => {
    for (const raw of ["0x10", "1e1", " 2", "Infinity", "2."]) {
      assert.equal(fromAddress(`symptom_weeks=${encodeURIComponent(raw)}`, KINDS).symptom_weeks, raw);
    }
    assert.equal(fromAddress("symptom_weeks=-2", KINDS).symptom_weeks, -2);
  });
  test("written in the form's order, empty answers left out, commas kept readable", () => {
    assert.equal(
      toAddress({ ran_through_pain: true, red_flags: ["a", "b"], age: "adult" }, KINDS),
      "red_flags=a,b&age=adult&ran_through_pain=true",
    );
    assert.equal(toAddress({ red_flags: [] }, KINDS), "");
  });
  test("a round trip keeps every answer", () => {
    const input = { red_flags: ["hot_knee"], age: "under_18", symptom_weeks: 0.5, ran_through_pain: true };
    assert.deepEqual(fromAddress(toAddress(input, KINDS), KINDS), input);
  });
  test("answers, or a place on the page", () => {
    assert.equal(holdsAnswers("severity=mild"), true);
    assert.equal(holdsAnswers("calculator-result"), false);
  });
});
