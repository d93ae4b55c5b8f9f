// Unit tests of the patient's record (docs/assets/javascripts/companion/log.js): the pain rule's
// advice, PSFS change, CSV, and stored or imported records that are damaged or hostile.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  FORMAT,
  MAX_RECORD_LENGTH,
  addDays,
  advice,
  dayOf,
  emptyRecord,
  fillFigures,
  currentSession,
  lastSessionBefore,
  mergeRecords,
  parseRecord,
  prescribedOn,
  programChanges,
  rows,
  sessionEntry,
  sessionsDone,
  sessionsPerDay,
  programKey,
  psfsChange,
  psfsDue,
  serialize,
  setPain,
  setSets,
  startProgram,
  toCsv,
} from "../../docs/assets/javascripts/companion/log.js";

const RULE = { maxPain: 2, highPain: 6 };

describe("dates", () => {
  test("local calendar days, across a month end", () => {
    assert.equal(dayOf(new Date(2026, 10, 30, 23, 59)), "2026-11-30");
    assert.equal(addDays("2026-11-30", 1), "2026-12-01");
    assert.equal(addDays("2026-03-01", -1), "2026-02-28");
  });

  test("the program key is the link's checksum", () => {
    assert.equal(programKey("v1,,clam-shell.s3~abc12"), "abc12");
  });
});

describe("the pain rule's advice", () => {
  /**
   * The advice the day after a session.
   * @param {{before?: number, after?: number, settled?: boolean, morning?: number, signs?: import("../../docs/assets/javascripts/companion/log.js").Sign[]}} session
   */
  function adviceFor({ before, after, settled, morning, signs }) {
    const record = emptyRecord("k");
    setSets(record, "2026-11-25", "clam-shell", 3);
    if (before !== undefined) setPain(record, "2026-11-25", "painBefore", before);
    if (after !== undefined) setPain(record, "2026-11-25", "painAfter", after);
    if (settled !== undefined) record.days["2026-11-25"].settled = settled;
    if (morning !== undefined) setPain(record, "2026-11-25", "painMorning", morning);
    if (signs) record.days["2026-11-25"].signs = signs;
    return advice(record, "2026-11-26", RULE).kind;
  }

  test("a steady ache of 3 is never an endless step back", () => {
    assert.equal(adviceFor({ before: 3, after: 4, settled: true, morning: 3 }), "carry_on");
    assert.equal(adviceFor({ before: 3, after: 3 }), "carry_on");
    assert.equal(adviceFor({ before: 3, after: 5, settled: true, morning: 3 }), "carry_on");
  });
  test("10 out of 10 after a session: stop for today, before any morning score", () => {
    assert.equal(adviceFor({ before: 1, after: 10 }), "stop");
    assert.equal(adviceFor({ before: 5, after: RULE.highPain }), "stop");
  });
  test("a morning rise from 0 to 2: step back", () =>
    assert.equal(adviceFor({ before: 0, after: 1, settled: true, morning: 2 }), "step_back"));
  test("swelling, locking or giving way: stop, whatever the scores", () => {
    assert.equal(adviceFor({ before: 0, after: 0, signs: ["swelling"] }), "stop");
    assert.equal(adviceFor({ signs: ["giving_way"] }), "stop");
  });
  test("not settled within the rule's time: step back", () =>
    assert.equal(adviceFor({ before: 1, after: 4, settled: false }), "step_back"));
  test("a rise above the rule that settled in time: stay at this level", () =>
    assert.equal(adviceFor({ before: 1, after: 4, settled: true }), "stay"));
  test("a rise above the rule, settling not yet known: wait and see", () =>
    assert.equal(adviceFor({ before: 1, after: 4 }), "wait"));
  test("with no baseline, the rule's figure is the limit", () => {
    assert.equal(adviceFor({ after: 1, morning: 1 }), "carry_on");
    assert.equal(adviceFor({ after: 1, morning: 4 }), "step_back");
  });
  test("the levels rank by seriousness: stop outranks a worse morning", () => {
    assert.equal(adviceFor({ before: 0, after: 9, settled: false, morning: 4 }), "stop");
  });
  test("the limit is the rule's figure, whatever it is", () => {
    const record = emptyRecord("k");
    setPain(record, "2026-11-25", "painMorning", 4);
    assert.equal(advice(record, "2026-11-26", { maxPain: 5, highPain: 8 }).kind, "carry_on");
  });
  test("no scores: no advice", () => assert.equal(advice(emptyRecord("k"), "2026-11-26", RULE).kind, "none"));
  test("scores must be whole numbers 0-10", () => {
    assert.throws(() => setPain(emptyRecord("k"), "2026-11-25", "painAfter", 11), RangeError);
    assert.throws(() => setPain(emptyRecord("k"), "2026-11-25", "painAfter", 2.5), RangeError);
  });
  test("the content's words get their figures; unknown names stay as written", () => {
    assert.equal(fillFigures("{pain} of {max_pain}, {nope}", { pain: 7, max_pain: 2 }), "7 of 2, {nope}");
    assert.equal(fillFigures("before: {baseline}", { baseline: null }), "before: {baseline}");
  });
});

describe("sessions", () => {
  test("the last session before today", () => {
    const record = emptyRecord("k");
    setSets(record, "2026-11-23", "clam-shell", 1);
    setSets(record, "2026-11-25", "clam-shell", 0);
    setSets(record, "2026-11-26", "clam-shell", 2);
    assert.equal(lastSessionBefore(record, "2026-11-26"), "2026-11-23");
  });
});

describe("PSFS", () => {
  /** @param {string} date @param {[number, number, number]} scores */
  const entry = (date, scores) => ({
    date,
    activities: /** @type {[string, string, string]} */ (["run", "stairs", "squat"]),
    scores,
  });

  test("the mean's rise is judged against the smallest change that matters; single activities are not", () => {
    const entries = [entry("2026-11-01", [3, 5, 4]), entry("2026-11-08", [6, 6, 4])];
    const change = psfsChange(entries, 1.3);
    assert.ok(change);
    assert.deepEqual(
      change.activities.map((row) => [row.activity, row.change]),
      [
        ["run", 3],
        ["stairs", 1],
        ["squat", 0],
      ],
    );
    assert.deepEqual(change.mean, { first: 4, latest: 5.3, change: 1.3, matters: true });
    assert.equal(psfsDue(entries), "2026-11-15");
    assert.equal(psfsChange(entries.slice(0, 1), 1.3), null);
  });

  test("a fall is shown as it is, never called a change that matters", () => {
    const change = psfsChange([entry("2026-11-01", [8, 8, 8]), entry("2026-11-08", [2, 2, 2])], 1.3);
    assert.ok(change);
    assert.deepEqual(change.mean, { first: 8, latest: 2, change: -6, matters: false });
  });

  test("a rise just short of it is not yet one that matters", () => {
    const change = psfsChange([entry("2026-11-01", [3, 3, 3]), entry("2026-11-08", [4, 4, 4])], 1.3);
    assert.equal(change?.mean.matters, false);
  });
});

describe("stored and imported records", () => {
  const record = emptyRecord("abc");
  setSets(record, "2026-11-25", "clam-shell", 3);
  record.days["2026-11-25"].sessions[0].done = true;
  setPain(record, "2026-11-25", "painAfter", 3);
  record.psfs.push({ date: "2026-11-25", activities: ["run", "stairs", "squat"], scores: [3, 5, 4] });

  test("a version 1 record (no baseline, settling or signs) still reads", () => {
    const old = {
      format: FORMAT,
      version: 1,
      program: "abc",
      psfs: [],
      days: { "2026-11-25": { sets: { "clam-shell": 2 }, done: true, painAfter: 3 } },
    };
    const parsed = parseRecord(JSON.stringify(old), "abc");
    assert.equal(parsed.ok, true);
    if (parsed.ok) assert.equal(parsed.record.days["2026-11-25"].painAfter, 3);
  });

  test("round trip", () => {
    const parsed = parseRecord(serialize(record), "abc");
    assert.equal(parsed.ok, true);
    if (parsed.ok) assert.equal(serialize(parsed.record), serialize(record));
  });

  /** @param {string} text @param {RegExp} why */
  function refused(text, why, program = "abc") {
    const parsed = parseRecord(text, program);
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.match(parsed.reason, why);
  }

  test("damaged, foreign or hostile records are refused whole", () => {
    refused("{", /not valid JSON/);
    refused("[]", /not a Knee Guide record/);
    refused(serialize(record), /different program/, "other");
    refused(JSON.stringify({ ...JSON.parse(serialize(record)), version: 4 }), /another version/);
    refused(" ".repeat(MAX_RECORD_LENGTH + 1), /too large/);
    const base = { format: FORMAT, version: 1, program: "abc", psfs: [] };
    refused(JSON.stringify({ ...base, days: { "2026-11-25": { sets: {}, done: true, extra: 1 } } }), /unknown fields/);
    refused(JSON.stringify({ ...base, days: { "2026-11-25": { sets: {}, done: true, painAfter: 11 } } }), /0 to 10/);
    refused(JSON.stringify({ ...base, days: { "2026-11-25": { sets: { "__proto__ x": 1 }, done: true } } }), /slug/);
    refused(JSON.stringify({ ...base, days: { "not a day": { sets: {}, done: true } } }), /not a date/);
    refused(JSON.stringify({ ...base, days: { "2026-11-25": { sets: {}, done: true, signs: ["rash"] } } }), /signs/);
    refused(JSON.stringify({ ...base, days: { "2026-11-25": { sets: {}, done: true, settled: "yes" } } }), /settled/);
    refused(
      JSON.stringify({ ...base, days: {}, psfs: [{ date: "2026-11-25", activities: ["a", "b"], scores: [1, 2] }] }),
      /three/,
    );
  });

  test("__proto__ as a day or slug key cannot reach the prototype", () => {
    const text = `{"format":"${FORMAT}","version":1,"program":"abc","psfs":[],"days":{"__proto__":{"sets":{},"done":true}}}`;
    refused(text, /not a date/);
    assert.equal(/** @type {any} */ ({}).sets, undefined);
  });
});

describe("one record per episode, across program versions", () => {
  const v1Record = {
    format: FORMAT,
    version: 2,
    program: "k1",
    psfs: [{ date: "2026-11-20", activities: ["run", "stairs", "squat"], scores: [2, 3, 4] }],
    days: { "2026-11-21": { sets: { "clam-shell": 3 }, done: true, painAfter: 2 } },
  };

  test("a record of one program (format 2) is read into the episode named after it", () => {
    const parsed = parseRecord(JSON.stringify(v1Record), "k1", "k2", "2026-12-01");
    assert.equal(parsed.ok, true);
    if (!parsed.ok) return;
    assert.equal(parsed.record.episode, "k1");
    assert.deepEqual(parsed.record.programs, [{ key: "k1", since: "2026-11-20", sessions: 1 }]);
    assert.equal(parsed.record.days["2026-11-21"].painAfter, 2);
    assert.equal(parsed.record.psfs.length, 1);
  });

  test("a record of the program on the page is read into its new episode", () => {
    const parsed = parseRecord(JSON.stringify(v1Record), "ep12345678", "k1", "2026-12-01");
    assert.equal(parsed.ok, true);
    if (parsed.ok) assert.equal(parsed.record.episode, "ep12345678");
  });

  test("another program's or another episode's record is refused", () => {
    const parsed = parseRecord(JSON.stringify(v1Record), "ep12345678", "k9");
    assert.equal(parsed.ok, false);
    const record = emptyRecord("ep1");
    const other = parseRecord(serialize(record), "ep2", "k1");
    assert.equal(other.ok, false);
    if (!other.ok) assert.match(other.reason, /different program/);
  });

  test("v1, logs, then v2 of the same episode: one history, the change marked", () => {
    const record = emptyRecord("ep1");
    startProgram(record, "k1", "2026-11-20");
    setSets(record, "2026-11-20", "clam-shell", 3);
    setPain(record, "2026-11-20", "painAfter", 2);
    record.psfs.push({ date: "2026-11-20", activities: ["run", "stairs", "squat"], scores: [2, 3, 4] });
    const stored = parseRecord(serialize(record), "ep1", "k2");
    assert.equal(stored.ok, true);
    if (!stored.ok) return;
    startProgram(stored.record, "k2", "2026-12-01");
    startProgram(stored.record, "k2", "2026-12-02");
    assert.deepEqual(
      stored.record.programs.map((version) => version.key),
      ["k1", "k2"],
    );
    assert.deepEqual(programChanges(stored.record), ["2026-12-01"]);
    assert.equal(stored.record.days["2026-11-20"].painAfter, 2);
    assert.equal(stored.record.psfs.length, 1);
    const again = parseRecord(serialize(stored.record), "ep1", "k2");
    assert.equal(again.ok && serialize(again.record), serialize(stored.record));
  });

  test("a clock set back never puts a version before the one it follows", () => {
    const record = emptyRecord("ep1");
    startProgram(record, "k1", "2026-12-05");
    startProgram(record, "k2", "2026-12-01");
    assert.deepEqual(programChanges(record), ["2026-12-05"]);
  });

  test("merging keeps the newer record's days and adds the older one's", () => {
    const newer = emptyRecord("ep1");
    startProgram(newer, "k2", "2026-12-01");
    setPain(newer, "2026-12-01", "painAfter", 1);
    setPain(newer, "2026-11-21", "painAfter", 5);
    const older = parseRecord(JSON.stringify(v1Record), "ep1", "k1", "2026-12-01");
    assert.equal(older.ok, true);
    if (!older.ok) return;
    const merged = mergeRecords(newer, older.record);
    assert.deepEqual(Object.keys(merged.days).sort(), ["2026-11-21", "2026-12-01"]);
    assert.equal(merged.days["2026-11-21"].painAfter, 5);
    assert.deepEqual(
      merged.programs.map((version) => version.key),
      ["k1", "k2"],
    );
    const readBack = parseRecord(serialize(merged), "ep1", "k2");
    assert.equal(readBack.ok, true);
  });

  test("hostile program versions are refused whole", () => {
    const base = JSON.parse(serialize(emptyRecord("ep1")));
    for (const programs of [
      [{ key: "k1" }],
      [{ key: "K1!", since: "2026-12-01" }],
      [{ key: "k1", since: "2026-12-01", extra: 1 }],
      "k1",
      Array.from({ length: 201 }, () => ({ key: "k1", since: "2026-12-01" })),
    ]) {
      const parsed = parseRecord(JSON.stringify({ ...base, programs }), "ep1", "k1");
      assert.equal(parsed.ok, false, JSON.stringify(programs).slice(0, 80));
    }
  });
});

describe("sessions as prescribed", () => {
  test("times a day gives that many sessions; a weekly exercise counts as one", () => {
    assert.equal(sessionsPerDay([{ times: 3, per: "day" }, { times: 2, per: "week" }, {}]), 3);
    assert.equal(sessionsPerDay([{ times: 5, per: "week" }]), 1);
    assert.equal(sessionsPerDay([]), 1);
  });

  test("three sessions a day: each logged, adherence counted against what was prescribed", () => {
    const record = emptyRecord("ep1");
    startProgram(record, "k1", "2026-12-01", 3);
    for (const index of [0, 1, 2]) {
      assert.equal(currentSession(record.days["2026-12-01"], 3), index);
      setSets(record, "2026-12-01", "clam-shell", 3, index);
      sessionEntry(record, "2026-12-01", index).done = true;
    }
    assert.equal(currentSession(record.days["2026-12-01"], 3), null);
    setSets(record, "2026-12-02", "clam-shell", 3, 0);
    sessionEntry(record, "2026-12-02", 0).done = true;
    const [first, second] = rows(record);
    assert.deepEqual([first.sets, first.sessions, first.prescribed], [9, 3, 3]);
    assert.deepEqual([second.sets, second.sessions, second.prescribed], [3, 1, 3]);
    assert.match(toCsv(record), /^date,sets done,sessions done,sessions prescribed,/);
    assert.match(toCsv(record), /\r\n2026-12-01,9,3,3,/);
    const read = parseRecord(serialize(record), "ep1", "k1");
    assert.equal(read.ok && sessionsDone(read.record.days["2026-12-01"]), 3);
  });

  test("adherence follows the program version in effect on the day", () => {
    const record = emptyRecord("ep1");
    startProgram(record, "k1", "2026-12-01", 1);
    startProgram(record, "k2", "2026-12-08", 3);
    assert.equal(prescribedOn(record, "2026-12-07"), 1);
    assert.equal(prescribedOn(record, "2026-12-08"), 3);
    assert.equal(prescribedOn(record, "2026-11-30"), 1);
  });

  test("a day with only a pain score reads back; more sessions than a day holds are refused", () => {
    const record = emptyRecord("ep1");
    setPain(record, "2026-12-01", "painMorning", 2);
    assert.equal(parseRecord(serialize(record), "ep1").ok, true);
    const text = serialize(record).replace(
      '"sessions":[]',
      `"sessions":${JSON.stringify(Array(15).fill({ sets: {}, done: true }))}`,
    );
    assert.equal(parseRecord(text, "ep1").ok, false);
  });
});

describe("CSV", () => {
  test("one row per day; formulas defused; quotes doubled", () => {
    const record = emptyRecord("abc");
    setSets(record, "2026-11-25", "clam-shell", 3);
    setPain(record, "2026-11-25", "painAfter", 1);
    record.days["2026-11-25"].note = '=HYPERLINK("x"), "ok"';
    const csv = toCsv(record);
    const [header, row] = csv.trim().split("\r\n");
    assert.match(header, /^date,sets done,/);
    assert.equal(row, `2026-11-25,3,0,1,,1,,,"'=HYPERLINK(""x""), ""ok"""`);
  });
});

describe("the chart's dates", async () => {
  const { shortDate } = await import("../../docs/assets/javascripts/companion/chart.js");
  const { daysBetween } = await import("../../docs/assets/javascripts/companion/log.js");
  test("days between dates, across a month end and a clock change", () => {
    assert.equal(daysBetween("2026-11-30", "2026-12-07"), 7);
    assert.equal(daysBetween("2026-03-28", "2026-03-30"), 2);
  });
  test("dates written as Mon 7 Dec", () => assert.equal(shortDate("2026-12-07"), "Mon 7 Dec"));
});

describe("hard to lose", async () => {
  const { exportDue, overLimit } = await import("../../docs/assets/javascripts/companion/log.js");
  const { RECORD } = await import("../../docs/assets/javascripts/common/contract.js");

  test("a copy is due once the record is a week old without an export, and a week after the last", () => {
    const record = emptyRecord("ep1");
    assert.equal(exportDue(record, "2026-12-10"), null);
    setPain(record, "2026-12-01", "painAfter", 1);
    assert.equal(exportDue(record, "2026-12-07"), null);
    assert.equal(exportDue(record, "2026-12-08"), RECORD.export_reminder_days);
    record.exported = "2026-12-08";
    assert.equal(exportDue(record, "2026-12-14"), null);
    assert.equal(parseRecord(serialize(record), "ep1").ok, true);
  });

  test("a record past a limit is refused when writing, so one that is written always reads back", () => {
    const record = emptyRecord("ep1");
    for (let i = 0; i < RECORD.psfs; i += 1) {
      record.psfs.push({ date: addDays("2020-01-01", 7 * i), activities: ["a", "b", "c"], scores: [1, 2, 3] });
    }
    assert.equal(overLimit(record), null);
    assert.equal(parseRecord(serialize(record), "ep1").ok, true);
    record.psfs.push({ date: "2026-12-01", activities: ["a", "b", "c"], scores: [1, 2, 3] });
    assert.match(overLimit(record) ?? "", /PSFS/);
    assert.equal(parseRecord(serialize(record), "ep1").ok, false);
  });
});
