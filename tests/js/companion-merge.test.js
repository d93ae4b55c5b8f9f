// Unit tests of merging records (docs/assets/javascripts/companion/merge.js): an imported copy
// merged by date, two tabs merged against what both last read; and one PSFS entry a week
// (companion/log.js).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  MAX_DAYS,
  MAX_RECORD_LENGTH,
  addDays,
  emptyRecord,
  overLimit,
  parseRecord,
  psfsThisWeek,
  putPsfs,
  serialize,
  setPain,
  setSets,
  startProgram,
} from "../../docs/assets/javascripts/companion/log.js";
import { mergeByDate, mergeTabs } from "../../docs/assets/javascripts/companion/merge.js";

/** @typedef {import("../../docs/assets/javascripts/companion/log.js").Record_} Record_ */
/** @typedef {{[date: string]: {sets?: number, after?: number, done?: boolean}}} Days */

/**
 * A record of episode `episode` with a session on each of `days` (sets of the clam shell, pain
 * after as given).
 * @param {Days} days
 * @param {string} [episode]
 */
function recordOf(days, episode = "ep1") {
  const record = emptyRecord(episode);
  startProgram(record, "abc12", Object.keys(days).sort()[0] ?? "2026-11-01");
  for (const [date, { sets, after, done }] of Object.entries(days)) {
    if (sets !== undefined) setSets(record, date, "clam-shell", sets);
    if (after !== undefined) setPain(record, date, "painAfter", after);
    if (done) record.days[date].sessions[0].done = true;
  }
  return record;
}

/** @param {Record_} record a copy, as an export read back would be */
function copy(record) {
  const parsed = parseRecord(serialize(record), record.episode);
  assert.ok(parsed.ok);
  return parsed.record;
}

describe("an imported copy merges by date", () => {
  /** @type {{name: string, device: Days, file: Days, days: string[], added: string[], conflicts: string[]}[]} */
  const cases = [
    {
      name: "disjoint: every day of both is kept, the file's are added",
      device: { "2026-11-02": { sets: 3, after: 1 } },
      file: { "2026-11-01": { sets: 2, after: 2 } },
      days: ["2026-11-01", "2026-11-02"],
      added: ["2026-11-01"],
      conflicts: [],
    },
    {
      name: "overlapping: a day in both keeps the most sets and any done; different pain asks",
      device: { "2026-11-01": { sets: 1, after: 3 }, "2026-11-02": { sets: 3 } },
      file: { "2026-11-01": { sets: 2, after: 1, done: true }, "2026-11-03": { sets: 1 } },
      days: ["2026-11-01", "2026-11-02", "2026-11-03"],
      added: ["2026-11-03"],
      conflicts: ["2026-11-01"],
    },
    {
      name: "identical: nothing added, nothing asked",
      device: { "2026-11-01": { sets: 3, after: 1, done: true } },
      file: { "2026-11-01": { sets: 3, after: 1, done: true } },
      days: ["2026-11-01"],
      added: [],
      conflicts: [],
    },
    {
      name: "the same answer on one side only is no conflict: it is filled in",
      device: { "2026-11-01": { sets: 3 } },
      file: { "2026-11-01": { after: 2 } },
      days: ["2026-11-01"],
      added: [],
      conflicts: [],
    },
  ];
  for (const { name, device, file, days, added, conflicts } of cases) {
    test(name, () => {
      const mine = recordOf(device);
      const before = serialize(mine);
      const merged = mergeByDate(mine, copy(recordOf(file)));
      assert.ok(merged.ok);
      assert.deepEqual(Object.keys(merged.record.days).sort(), days);
      assert.deepEqual(merged.added, added);
      assert.deepEqual(merged.conflicts, conflicts);
      assert.equal(serialize(mine), before, "the device's record is not changed in place");
      assert.equal(overLimit(merged.record), null);
      assert.ok(parseRecord(serialize(merged.record), "ep1").ok, "the merge reads back");
    });
  }

  test("a day in both: the union of sets and sessions, the device's or the file's answers as asked", () => {
    const mine = recordOf({ "2026-11-01": { sets: 1, after: 3 } });
    setSets(mine, "2026-11-01", "step-down", 2, 1);
    const theirs = recordOf({ "2026-11-01": { sets: 2, after: 1, done: true } });
    theirs.days["2026-11-01"].signs = ["swelling"];
    theirs.days["2026-11-01"].note = "stairs";
    const kept = mergeByDate(mine, theirs);
    assert.ok(kept.ok);
    const day = kept.record.days["2026-11-01"];
    assert.equal(day.sessions.length, 2);
    assert.equal(day.sessions[0].sets["clam-shell"], 2);
    assert.equal(day.sessions[0].done, true);
    assert.equal(day.sessions[1].sets["step-down"], 2);
    assert.equal(day.painAfter, 3, "the device's answer is kept unless the patient chooses the file's");
    assert.deepEqual(day.signs, ["swelling"], "a sign reported on either side is never lost");
    assert.equal(day.note, "stairs", "an answer only the file has is filled in");
    const replaced = mergeByDate(mine, theirs, "file");
    assert.ok(replaced.ok);
    assert.equal(replaced.record.days["2026-11-01"].painAfter, 1);
  });

  test("PSFS entries merge by date; the same date with other scores asks", () => {
    const mine = recordOf({});
    const theirs = recordOf({});
    putPsfs(mine, "2026-11-01", ["stairs", "run", "squat"], [3, 4, 5]);
    putPsfs(theirs, "2026-11-01", ["stairs", "run", "squat"], [3, 4, 6]);
    putPsfs(theirs, "2026-11-08", ["stairs", "run", "squat"], [5, 5, 6]);
    const merged = mergeByDate(mine, theirs);
    assert.ok(merged.ok);
    assert.deepEqual(
      merged.record.psfs.map((e) => [e.date, e.scores[2]]),
      [
        ["2026-11-01", 5],
        ["2026-11-08", 6],
      ],
    );
    assert.deepEqual(merged.conflicts, ["2026-11-01"]);
    assert.deepEqual(merged.added, ["2026-11-08"]);
  });

  test("program versions are joined, each at its earliest start; the later export date is kept", () => {
    const mine = recordOf({ "2026-11-05": { sets: 1 } });
    const theirs = recordOf({ "2026-11-01": { sets: 1 } });
    startProgram(theirs, "def34", "2026-11-03", 2);
    theirs.exported = "2026-11-04";
    const merged = mergeByDate(mine, theirs);
    assert.ok(merged.ok);
    assert.deepEqual(
      merged.record.programs.map((v) => [v.key, v.since]),
      [
        ["abc12", "2026-11-01"],
        ["def34", "2026-11-03"],
      ],
    );
    assert.equal(merged.record.exported, "2026-11-04");
  });

  test("a different episode's record is refused", () => {
    const merged = mergeByDate(recordOf({}), recordOf({ "2026-11-01": { sets: 1 } }, "ep2"));
    assert.equal(merged.ok, false);
  });

  test("hostile files never reach the merge: refused whole when read", () => {
    const device = recordOf({ "2026-11-01": { sets: 1 } });
    const hostile = [
      '{"format":"knee-guide-record","version":3,"episode":"ep1","programs":[],"days":{"__proto__":{"sessions":[]}},"psfs":[]}',
      '{"format":"knee-guide-record","version":3,"episode":"ep1","programs":[],"days":{"2026-11-01":{"sessions":[{"sets":{"__proto__":1},"done":true}]}},"psfs":[]}',
      '{"format":"knee-guide-record","version":3,"episode":"ep1","programs":[],"days":{"2026-11-01":{"sessions":[{"sets":{"clam-shell":1e9},"done":true}]}},"psfs":[]}',
      `{"format":"knee-guide-record","version":3,"episode":"ep1","programs":[],"days":{},"psfs":[],"x":"${"a".repeat(MAX_RECORD_LENGTH)}"}`,
      '{"format":"knee-guide-record","version":3,"episode":"ep1","programs":[],"days":{"2026-11-01":{"sessions":[],"painAfter":11}},"psfs":[]}',
      '{"format":"knee-guide-record","version":3,"episode":"ep1","programs":[],"days":{},"psfs":[{"date":"2026-11-01","activities":["a","b"],"scores":[1,2]}]}',
    ];
    for (const text of hostile) assert.equal(parseRecord(text, "ep1").ok, false, text.slice(0, 120));
    assert.equal(Object.getPrototypeOf({}).sessions, undefined);
    assert.equal(Object.keys(device.days).length, 1);
  });

  test("two full records together are over the limit: the page refuses the import, nothing is cut", () => {
    /** @param {string} first */
    const full = (first) => {
      const record = emptyRecord("ep1");
      for (let i = 0; i < MAX_DAYS; i += 1) setSets(record, addDays(first, i), "clam-shell", 1);
      return record;
    };
    const mine = full("2020-01-01");
    const merged = mergeByDate(mine, full(addDays("2020-01-01", MAX_DAYS)));
    assert.ok(merged.ok);
    assert.equal(Object.keys(merged.record.days).length, 2 * MAX_DAYS, "the merge itself drops nothing");
    assert.match(String(overLimit(merged.record)), /most days/);
  });
});

describe("two tabs merge against what both last read", () => {
  test("each tab's new entries are kept: neither overwrites the other", () => {
    const base = recordOf({ "2026-11-01": { sets: 1 } });
    const mine = copy(base);
    const theirs = copy(base);
    setSets(mine, "2026-11-02", "clam-shell", 3);
    setPain(theirs, "2026-11-02", "painBefore", 2);
    setSets(theirs, "2026-11-03", "clam-shell", 1);
    const merged = mergeTabs(base, mine, theirs);
    assert.equal(merged.days["2026-11-02"].sessions[0].sets["clam-shell"], 3);
    assert.equal(merged.days["2026-11-02"].painBefore, 2);
    assert.ok(merged.days["2026-11-03"]);
    assert.ok(merged.days["2026-11-01"]);
  });

  test("an untick in one tab stays unticked; the other tab's other sets stay", () => {
    const base = recordOf({ "2026-11-01": { sets: 3 } });
    setSets(base, "2026-11-01", "step-down", 1);
    const mine = copy(base);
    const theirs = copy(base);
    setSets(mine, "2026-11-01", "clam-shell", 2);
    setSets(theirs, "2026-11-01", "step-down", 2);
    const merged = mergeTabs(base, mine, theirs);
    assert.equal(merged.days["2026-11-01"].sessions[0].sets["clam-shell"], 2);
    assert.equal(merged.days["2026-11-01"].sessions[0].sets["step-down"], 2);
  });

  test("a record deleted in another tab is gone here too, except what this tab wrote since", () => {
    const base = recordOf({ "2026-11-01": { sets: 3 } });
    const mine = copy(base);
    setSets(mine, "2026-11-02", "clam-shell", 1);
    const merged = mergeTabs(base, mine, emptyRecord("ep1"));
    assert.deepEqual(Object.keys(merged.days), ["2026-11-02"]);
  });

  test("PSFS: this week's update in one tab, last week's entry from the other", () => {
    const base = recordOf({});
    putPsfs(base, "2026-11-01", ["stairs", "run", "squat"], [3, 4, 5]);
    const mine = copy(base);
    const theirs = copy(base);
    putPsfs(mine, "2026-11-03", ["stairs", "run", "squat"], [4, 4, 5]);
    putPsfs(theirs, "2026-11-09", ["stairs", "run", "squat"], [6, 6, 6]);
    const merged = mergeTabs(base, mine, theirs);
    assert.deepEqual(
      merged.psfs.map((e) => [e.date, e.scores[0]]),
      [
        ["2026-11-01", 4],
        ["2026-11-09", 6],
      ],
    );
  });
});

describe("one PSFS entry a week", () => {
  const cases = [
    { name: "the same day", second: "2026-11-02", entries: 1 },
    { name: "six days later", second: "2026-11-08", entries: 1 },
    { name: "seven days later, the day the next is due", second: "2026-11-09", entries: 2 },
    { name: "a clock set back", second: "2026-10-30", entries: 1 },
  ];
  for (const { name, second, entries } of cases) {
    test(`${name}: ${entries === 1 ? "updates the week's entry" : "adds a new one"}`, () => {
      const record = emptyRecord("ep1");
      assert.equal(putPsfs(record, "2026-11-02", ["stairs", "run", "squat"], [3, 4, 5]), "added");
      assert.equal(psfsThisWeek(record.psfs, second)?.date ?? null, entries === 1 ? "2026-11-02" : null);
      const saved = putPsfs(record, second, ["stairs", "run", "kneel"], [6, 6, 6]);
      assert.equal(saved, entries === 1 ? "updated" : "added");
      assert.equal(record.psfs.length, entries);
      assert.equal(record.psfs[0].date, "2026-11-02", "the week keeps its date, so it never moves");
      assert.deepEqual(record.psfs[entries - 1].scores, [6, 6, 6]);
      assert.equal(record.psfs[entries - 1].activities[2], "kneel");
    });
  }

  test("no entry yet: nothing this week", () => assert.equal(psfsThisWeek([], "2026-11-02"), null));
});
