// Unit tests of what the guided session says (docs/assets/javascripts/session/describe.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  announcement,
  countText,
  nextText,
  phaseText,
  stepTitle,
} from "../../docs/assets/javascripts/session/describe.js";
import { next, plan, start, tick, view } from "../../docs/assets/javascripts/session/timeline.js";
import { fill } from "../../docs/assets/javascripts/session/words.js";

/** Words of the shape content/session/session.yaml gives, made distinct so each is found. */
const WORDS = /** @type {import("../../docs/assets/javascripts/session/words.js").SessionWords} */ (
  Object.fromEntries(
    [
      "name",
      "start",
      "intro",
      "side_one",
      "side_two",
      "switch",
      "out",
      "hold",
      "back",
      "tail",
      "rest",
      "wait",
      "own_pace",
      "pause",
      "resume",
      "skip",
      "done",
      "end",
      "too_painful",
      "stopped",
      "triage",
      "cues",
      "sound",
      "vibrate",
      "finished",
      "saved",
      "none_saved",
      "not_saved",
      "close",
    ].map((key) => [key, key.toUpperCase()]),
  )
);
Object.assign(WORDS, {
  ready: "Ready: {exercise}",
  set: "Set {set}/{sets}",
  rep: "{rep}/{reps}",
  seconds: "{seconds}s",
  next: "Then: {next}",
});
const NAMES = ["Quad set", "Calf stretch"];
const TEMPO = { out: 1, hold: 5, back: 1, tail: 2 };
const STEPS = plan(
  [
    { slug: "quad-set", s: 2, r: 3, h: 5, tempo: TEMPO },
    { slug: "calf-stretch", s: 1, h: 20, e: true, tempo: TEMPO },
  ],
  { ready: 5, switch: 5 },
);

/** @param {number} ms */
const at = (ms) => view(STEPS, tick(STEPS, start(0), ms));

test("fill puts in the figures it is given and leaves the others", () => {
  assert.equal(fill("Set {set} of {sets}, {other}", { set: 1, sets: 3 }), "Set 1 of 3, {other}");
});

const MOMENTS = [
  { ms: 1_000, title: "Ready: Quad set", count: "4s", phase: "" },
  { ms: 5_500, title: "Set 1/2", count: "1/3", phase: "OUT" },
  { ms: 6_500, title: "Set 1/2", count: "1/3", phase: "HOLD 5s" },
  { ms: 11_500, title: "Set 1/2", count: "1/3", phase: "BACK" },
  { ms: 14_500, title: "Set 1/2", count: "2/3", phase: "OUT" },
  { ms: 33_000, title: "REST", count: "", phase: "WAIT" },
];

for (const { ms, title, count, phase } of MOMENTS) {
  test(`at ${ms} ms: ${title}, ${count || "no count"}, ${phase || "no phase"}`, () => {
    const now = at(ms);
    assert.ok(now.step);
    assert.equal(stepTitle(now.step, NAMES, WORDS), title);
    assert.equal(countText(now, WORDS), count);
    assert.equal(phaseText(now, WORDS), phase);
  });
}

test("a hold alone counts its seconds down, each side in turn", () => {
  let player = next(STEPS, tick(STEPS, start(0), 33_000), 33_000); // the untimed rest, skipped
  player = tick(STEPS, player, 33_000 + 27_000 + 5_000 + 3_500);
  const now = view(STEPS, player);
  assert.ok(now.step);
  assert.equal(stepTitle(now.step, NAMES, WORDS), "Set 1/1, SIDE_ONE");
  assert.equal(countText(now, WORDS), "18s");
  assert.equal(phaseText(now, WORDS), "HOLD");
  assert.equal(nextText(STEPS, now.index, NAMES, WORDS), "Then: SWITCH");
});

test("each new step is announced with the exercise, the count and what comes next", () => {
  assert.equal(announcement(STEPS, at(0), NAMES, WORDS), "Ready: Quad set. 5s. Then: Set 1/2");
  assert.equal(announcement(STEPS, at(5_000), NAMES, WORDS), "Quad set. Set 1/2. 1/3. Then: REST");
  assert.equal(announcement(STEPS, at(33_000), NAMES, WORDS), "Quad set. REST. WAIT. Then: Set 2/2");
  const end = view(STEPS, { ...start(0), index: STEPS.length });
  assert.equal(announcement(STEPS, end, NAMES, WORDS), "FINISHED");
});
