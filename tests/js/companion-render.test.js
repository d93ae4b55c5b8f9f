// The companion's parts that draw from its state, in a light DOM: the advice box and the chart.
import { freshBody } from "./dom-setup.js";
import assert from "node:assert/strict";
import { test } from "node:test";

const { adviceBox } = await import("../../docs/assets/javascripts/companion/advice-box.js");
const { chartPart } = await import("../../docs/assets/javascripts/companion/chart.js");
const { emptyRecord, setPain, setSets } = await import("../../docs/assets/javascripts/companion/log.js");

/** @type {Record<string, {title: string, text: string}>} */
const ADVICE = Object.fromEntries(
  ["stop", "step_back", "wait", "stay", "carry_on", "none"].map((kind) => [
    kind,
    { title: `Title ${kind}`, text: `Pain {pain}, before {baseline}, limit {max_pain}.` },
  ]),
);

/** @returns {import("../../docs/assets/javascripts/companion/mount.js").Companion} */
function companion() {
  const exercises = new Map([
    ["step-down", { slug: "step-down", name: "Step-down", href: "/exercises/step-down/", easier: ["mini-squat"] }],
    ["mini-squat", { slug: "mini-squat", name: "Mini squat", href: "/exercises/mini-squat/", easier: [] }],
  ]);
  const rule = { maxPain: 2, settleMinutes: 60, highPain: 6, scale: "0 none, 10 worst", advice: ADVICE };
  return {
    record: emptyRecord("abc"),
    options: {
      exercises,
      painRule: rule,
      psfs: { minimalChange: 2 },
      triage: "/see-a-clinician/",
      key: "abc",
      episode: "abc",
      revision: 1,
    },
    rule,
    items: [{ slug: "step-down", known: true, problems: [] }],
    warnings: [],
    notes: null,
    storageKey: "k",
    locked: false,
    persisted: null,
    save: () => true,
    render: () => {},
    warn: () => {},
  };
}

test("no session yet: the box says so in the content's words, in the note style", () => {
  freshBody();
  const box = adviceBox(companion(), "2026-12-04");
  assert.equal(box.dataset.advice, "none");
  assert.match(box.className, /\bnote\b/);
  assert.equal(box.querySelector(".admonition-title")?.textContent, "Title none");
});

test("pain at the high mark: stop, in the danger style, with the way to the warning signs", () => {
  const c = companion();
  setPain(c.record, "2026-12-03", "painBefore", 1);
  setPain(c.record, "2026-12-03", "painAfter", 6);
  const box = adviceBox(c, "2026-12-04");
  assert.equal(box.dataset.advice, "stop");
  assert.match(box.className, /\bdanger\b/);
  assert.equal(box.querySelector("a")?.getAttribute("href"), "/see-a-clinician/");
  assert.match(box.textContent ?? "", /Pain 6, before 1, limit 2\./);
});

test("a morning worse than before: step back, naming the easier version of each exercise", () => {
  const c = companion();
  setPain(c.record, "2026-12-03", "painBefore", 1);
  setPain(c.record, "2026-12-03", "painMorning", 3);
  const box = adviceBox(c, "2026-12-04");
  assert.equal(box.dataset.advice, "step_back");
  const easier = [...box.querySelectorAll("li")].map((li) => li.textContent);
  assert.deepEqual(easier, ["Instead of Step-down: Mini squat"]);
});

test("the chart draws one point per scored day, and the table holds the same figures", () => {
  const c = companion();
  assert.match(chartPart(c.record).textContent ?? "", /appears here once you record a score/);
  setSets(c.record, "2026-12-01", "step-down", 3);
  setPain(c.record, "2026-12-01", "painAfter", 2);
  setPain(c.record, "2026-12-02", "painAfter", 4);
  setPain(c.record, "2026-12-03", "painMorning", 1);
  const part = chartPart(c.record);
  const rows = [...part.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((cell) => cell.textContent));
  assert.deepEqual(
    rows.map((row) => row[0]),
    ["Tue 1 Dec", "Wed 2 Dec", "Thu 3 Dec"],
  );
  assert.equal(rows[0][1], "0 of 1");
  assert.equal(rows[0][2], "3");
  assert.equal(part.querySelectorAll("svg circle").length, 3);
  const xs = [...part.querySelectorAll("svg circle")].map((circle) => Number(circle.getAttribute("cx")));
  assert.ok(Math.abs(xs[2] - xs[1] - (xs[1] - xs[0])) < 0.01, "one day apart, the same distance");
});
