// Unit tests of the progress report's link (docs/assets/javascripts/companion/report-link.js):
// a patient's weeks round-trip, and damaged, hostile or oversized links are refused whole.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { checksum } from "../../docs/assets/javascripts/program/link.js";
import {
  addDays,
  emptyRecord,
  rows,
  sessionEntry,
  setPain,
  startProgram,
} from "../../docs/assets/javascripts/companion/log.js";
import {
  MAX_REPORT_LENGTH,
  REPORT_DAYS,
  decodeReport,
  encodeReport,
} from "../../docs/assets/javascripts/companion/report-link.js";

/** @param {string} payload */
const signed = (payload) => `${payload}~${checksum(payload)}`;

/** Two weeks: v1 (once a day), then v2 (three times a day) from day 8, with rest days. */
function twoWeeks() {
  const record = emptyRecord("ep12345678");
  startProgram(record, "k1", "2026-11-16", 1);
  startProgram(record, "k2", "2026-11-23", 3);
  for (let day = 0; day < 14; day += 1) {
    if (day % 3 === 2) continue;
    const date = addDays("2026-11-16", day);
    const sessions = day < 7 ? 1 : 2;
    for (let index = 0; index < sessions; index += 1) sessionEntry(record, date, index).done = true;
    setPain(record, date, "painBefore", 1);
    setPain(record, date, "painAfter", day < 7 ? 3 : 2);
    if (day !== 13) setPain(record, date, "painMorning", 1);
  }
  record.psfs.push({
    date: "2026-11-16",
    activities: ["Running 5 km", "Stairs, down", "Squats ~ 10"],
    scores: [2, 4, 3],
  });
  record.psfs.push({
    date: "2026-11-23",
    activities: ["Running 5 km", "Stairs, down", "Squats ~ 10"],
    scores: [4, 6, 5],
  });
  return record;
}

describe("the report link", () => {
  test("two weeks, v1 then v2, round-trip with adherence, pain, PSFS and the change of program", () => {
    const record = twoWeeks();
    const fragment = encodeReport(record, "2026-11-29");
    assert.ok(fragment.length < 600, String(fragment.length));
    const decoded = decodeReport(`#${fragment}`);
    assert.equal(decoded.status, "ok");
    if (decoded.status !== "ok") return;
    assert.equal(decoded.from, "2026-11-16");
    assert.equal(decoded.to, "2026-11-29");
    const strip = (/** @type {ReturnType<typeof rows>} */ list) =>
      list.map((row) => [
        row.date,
        row.sessions,
        row.prescribed,
        row.painBefore,
        row.painAfter,
        row.painMorning,
        row.psfs,
      ]);
    assert.deepEqual(strip(rows(decoded.record)), strip(rows(record)));
    assert.deepEqual(
      decoded.record.programs.map((v) => [v.since, v.sessions]),
      [
        ["2026-11-16", 1],
        ["2026-11-23", 3],
      ],
    );
    assert.deepEqual(decoded.record.psfs, record.psfs);
  });

  test("only the last days the report covers are sent", () => {
    const record = emptyRecord("ep1");
    startProgram(record, "k1", "2026-01-01", 1);
    setPain(record, "2026-01-01", "painAfter", 5);
    setPain(record, "2026-12-01", "painAfter", 1);
    const decoded = decodeReport(encodeReport(record, "2026-12-01"));
    assert.equal(decoded.status, "ok");
    if (decoded.status !== "ok") return;
    assert.deepEqual(Object.keys(decoded.record.days), ["2026-12-01"]);
    assert.equal(decoded.from, addDays("2026-12-01", -(REPORT_DAYS - 1)));
  });

  test("damaged, hostile or oversized links are refused whole", () => {
    const good = encodeReport(twoWeeks(), "2026-11-29");
    for (const [fragment, why] of [
      [good.slice(0, -1), /checksum/],
      [good.replace("d0.", "d1."), /checksum/],
      ["x".repeat(MAX_REPORT_LENGTH + 1), /too long/],
      [signed("r2,ep1,20261116"), /progress report/],
      [signed("r1,EP!,20261116"), /episode/],
      [signed("r1,ep1,20261131"), /first day/],
      [signed("r1,ep1,2026116"), /first day/],
      [signed("r1,ep1,20261116,d0.1.1..11."), /out of range/],
      [signed("r1,ep1,20261116,d0.4.3..."), /out of range/],
      [signed(`r1,ep1,20261116,d${REPORT_DAYS}.1.1...`), /out of range/],
      [signed("r1,ep1,20261116,d0.1.1...,d0.1.1..."), /twice/],
      [signed("r1,ep1,20261116,d0.1.1.."), /not a day/],
      [signed("r1,ep1,20261116,x0"), /not a day/],
      [signed("r1,ep1,20261116,d-1.1.1..."), /whole number/],
      [signed("r1,ep1,20261116,d1e3.1.1..."), /whole number/],
      [signed("r1,ep1,20261116,p0.1.2.3.a.b.%E0%A4%A"), /UTF-8/],
      [signed(`r1,ep1,20261116,p0.1.2.3.a.b.${"c".repeat(61)}`), /too long/],
      [signed("r1,ep1,20261116,p1.1.2.3.a.b.c,p0.1.2.3.a.b.c"), /out of order/],
      [signed("r1,ep1,20261116,v1.1,v0.1"), /out of order/],
      [signed("r1,ep1,20261116,v0.15"), /out of range/],
    ]) {
      const decoded = decodeReport(/** @type {string} */ (fragment));
      assert.equal(decoded.status, "damaged", String(fragment).slice(0, 60));
      if (decoded.status === "damaged") assert.match(decoded.reason, /** @type {RegExp} */ (why));
    }
  });

  test("__proto__ and friends are text, never keys", () => {
    const decoded = decodeReport(signed("r1,ep1,20261116,p0.1.2.3.__proto__.constructor.toString"));
    assert.equal(decoded.status, "ok");
    if (decoded.status === "ok")
      assert.deepEqual(decoded.record.psfs[0].activities, ["__proto__", "constructor", "toString"]);
  });
});
