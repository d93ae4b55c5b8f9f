// Unit tests of the guided session's timeline and player (docs/assets/javascripts/session/timeline.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  next,
  pause,
  plan,
  repSeconds,
  resume,
  setsDone,
  start,
  tick,
  view,
  within,
} from "../../docs/assets/javascripts/session/timeline.js";

const PAUSES = { ready: 5, switch: 4 };
/** The clam shell's drawing: 2 s out, 1 s hold, 2 s back, 1 s at the start. */
const TEMPO = { out: 2, hold: 1, back: 2, tail: 1 };

/**
 * Plays a whole session, with no pause or skip, by ticks of `step` milliseconds.
 * @param {import("../../docs/assets/javascripts/session/timeline.js").Step[]} steps
 * @param {number} step
 */
function playThrough(steps, step = 250) {
  let player = start(0);
  let now = 0;
  while (player.index < steps.length && now < 3_600_000) {
    now += step;
    player = tick(steps, player, now);
  }
  return { player, now };
}

const CASES = [
  {
    name: "repetitions, no hold, several sets with rest",
    entry: { slug: "clam-shell", s: 3, r: 10, t: 30, tempo: TEMPO },
    kinds: ["ready", "work", "rest", "work", "rest", "work"],
    seconds: 5 + 3 * 10 * 6 + 2 * 30,
  },
  {
    name: "repetitions with the dose's hold replacing the drawing's",
    entry: { slug: "quad-set", s: 2, r: 4, h: 5, t: 20, tempo: { out: 1, hold: 5, back: 1, tail: 2 } },
    kinds: ["ready", "work", "rest", "work"],
    seconds: 5 + 2 * 4 * (1 + 5 + 1 + 2) + 20,
  },
  {
    name: "a hold alone, each side",
    entry: { slug: "calf-stretch", s: 2, h: 20, e: true, t: 10, tempo: { out: 2, hold: 4, back: 2, tail: 1 } },
    kinds: ["ready", "work", "switch", "work", "rest", "work", "switch", "work"],
    seconds: 5 + 4 * (2 + 20 + 2 + 1) + 2 * 4 + 10,
  },
  {
    name: "one set, no rest, no figure: the hold alone times it",
    entry: { slug: "wall-sit", s: 1, r: 3, h: 10, tempo: null },
    kinds: ["ready", "work"],
    seconds: 5 + 3 * 10,
  },
];

for (const { name, entry, kinds, seconds } of CASES) {
  test(`plan and play: ${name}`, () => {
    const steps = plan([entry], PAUSES);
    assert.deepEqual(
      steps.map((step) => step.kind),
      kinds,
    );
    assert.equal(
      steps.reduce((sum, step) => sum + (step.seconds ?? 0), 0),
      seconds,
    );
    const { player, now } = playThrough(steps);
    assert.equal(player.index, steps.length);
    assert.equal(now, seconds * 1000);
    assert.deepEqual(setsDone(steps, player, [entry]), new Map([[entry.slug, entry.s]]));
    assert.equal(view(steps, player).step, null);
  });
}

test("a rest the dose does not time, and a dose with nothing to time, wait for the patient", () => {
  const entries = [
    { slug: "clam-shell", s: 2, r: 2, tempo: TEMPO },
    { slug: "foam-roller-release", tempo: TEMPO },
  ];
  const steps = plan(entries, PAUSES);
  assert.deepEqual(
    steps.map((step) => [step.kind, step.seconds]),
    [
      ["ready", 5],
      ["work", 12],
      ["rest", null],
      ["work", 12],
      ["ready", 5],
      ["work", null],
    ],
  );
  let player = tick(steps, start(0), 60_000);
  assert.equal(player.index, 2);
  assert.equal(view(steps, player).left, 0);
  player = next(steps, player, 60_000, true);
  player = tick(steps, player, 77_000);
  assert.equal(player.index, 5);
  player = tick(steps, player, 600_000);
  assert.equal(player.index, 5, "an untimed step never ends on its own");
  assert.ok(view(steps, player).figure < 8, "its figure loops at the drawing's pace");
  player = next(steps, player, 600_000, true);
  assert.equal(player.index, steps.length);
  assert.deepEqual(
    setsDone(steps, player, entries),
    new Map([
      ["clam-shell", 2],
      ["foam-roller-release", 1],
    ]),
  );
});

test("a skipped set is not counted; the session goes on to the next step", () => {
  const entry = { slug: "clam-shell", s: 3, r: 2, t: 10, tempo: TEMPO };
  const steps = plan([entry], PAUSES);
  let player = tick(steps, start(0), 8_000);
  assert.equal(view(steps, player).step?.kind, "work");
  player = next(steps, player, 8_000);
  assert.equal(view(steps, player).step?.kind, "rest");
  assert.equal(view(steps, player).left, 10);
  player = next(steps, player, 9_000);
  const now = view(steps, player).step;
  assert.deepEqual([now?.kind, now?.set], ["work", 2]);
  player = tick(steps, player, 9_000 + 12_000 + 10_000 + 12_000);
  assert.equal(player.index, steps.length);
  assert.deepEqual(setsDone(steps, player, [entry]), new Map([["clam-shell", 2]]));
});

test("paused, the clock does not count; resumed, it counts on from where it stopped", () => {
  const entry = { slug: "clam-shell", s: 1, r: 2, tempo: TEMPO };
  const steps = plan([entry], PAUSES);
  let player = pause(steps, tick(steps, start(0), 6_000), 6_000);
  assert.deepEqual([player.index, player.into], [1, 1]);
  player = tick(steps, player, 300_000);
  assert.deepEqual([player.index, player.into, player.paused], [1, 1, true]);
  player = resume(player, 300_000);
  player = tick(steps, player, 305_000);
  assert.deepEqual([player.index, player.into], [1, 6]);
  assert.equal(view(steps, player).rep, 2);
  player = tick(steps, player, 311_000);
  assert.equal(player.index, steps.length);
});

const PHASES = [
  { into: 0, hold: 0, phase: "out", holdLeft: 0, figure: 0 },
  { into: 1.5, hold: 0, phase: "out", holdLeft: 0, figure: 1.5 },
  { into: 2.2, hold: 0, phase: "hold", holdLeft: 1, figure: 2 },
  { into: 2.2, hold: 5, phase: "hold", holdLeft: 5, figure: 2 },
  { into: 6.9, hold: 5, phase: "hold", holdLeft: 1, figure: 2 },
  { into: 7.5, hold: 5, phase: "back", holdLeft: 0, figure: 3.5 },
  { into: 9.5, hold: 5, phase: "tail", holdLeft: 0, figure: 5.5 },
  { into: 4, hold: 0, phase: "back", holdLeft: 0, figure: 4 },
];

for (const { into, hold, ...expected } of PHASES) {
  test(`within a repetition ${into} s in, hold ${hold} s: ${expected.phase}`, () => {
    assert.deepEqual(within(TEMPO, hold, into), expected);
  });
}

test("a repetition lasts the drawing's cycle, with the dose's hold in place of the drawing's", () => {
  assert.equal(repSeconds(TEMPO, 0), 6);
  assert.equal(repSeconds(TEMPO, 5), 10);
  assert.equal(repSeconds(null, 5), 5);
  assert.equal(repSeconds(null, 0), null);
});

test("the view counts repetitions and seconds left, whole, from the start of each", () => {
  const entry = { slug: "quad-set", s: 1, r: 3, h: 5, tempo: { out: 1, hold: 5, back: 1, tail: 2 } };
  const steps = plan([entry], PAUSES);
  const at = (/** @type {number} */ ms) => view(steps, tick(steps, start(0), ms));
  assert.deepEqual([at(0).step?.kind, at(0).left], ["ready", 5]);
  assert.deepEqual([at(4_500).left, at(5_000).step?.kind, at(5_000).rep, at(5_000).left], [1, "work", 1, 27]);
  assert.deepEqual([at(6_500).phase, at(6_500).holdLeft], ["hold", 5]);
  assert.deepEqual([at(14_000).rep, at(14_000).phase], [2, "out"]);
  assert.equal(at(31_999).rep, 3);
});
