// Unit tests of the reminders' calendar file (docs/assets/javascripts/companion/calendar.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { calendarFile, defaultTimes } from "../../docs/assets/javascripts/companion/calendar.js";

const base = {
  title: "Knee exercises: Week 1, session; the long one with a very long title indeed for folding",
  link: "https://example.org/program/#v1,Week%201,clam-shell.s3~abc",
  times: ["19:00", "08:00", "13:00"],
  start: "2026-12-07",
  stamp: "20261204T120000Z",
  uid: "ep1",
};

test("one daily event per time, in order, with an alert; lines end CRLF and fold at 75 octets", () => {
  const file = calendarFile(base);
  assert.match(file, /^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
  assert.ok(file.endsWith("END:VCALENDAR\r\n"));
  assert.deepEqual(
    [...file.matchAll(/DTSTART:(\S+)/g)].map((m) => m[1]),
    ["20261207T080000", "20261207T130000", "20261207T190000"],
  );
  assert.equal(file.split("RRULE:FREQ=DAILY").length - 1, 3);
  assert.equal(file.split("BEGIN:VALARM").length - 1, 3);
  assert.equal(new Set([...file.matchAll(/UID:(\S+)/g)].map((m) => m[1])).size, 3);
  for (const line of file.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  const unfolded = file.replace(/\r\n /g, "");
  assert.match(unfolded, /SUMMARY:Knee exercises: Week 1\\, session\\; the long one/);
  assert.ok(!/[^\r]\n/.test(file));
});

test("a title with a new line or non-ASCII text stays one property", () => {
  const file = calendarFile({ ...base, title: "Genou\nsemaine 1 — ça va ".repeat(4) });
  const unfolded = file.replace(/\r\n /g, "");
  assert.match(unfolded, /SUMMARY:Genou\\nsemaine 1 — ça va/);
  for (const line of file.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75);
});

test("bad times or dates are refused", () => {
  assert.throws(() => calendarFile({ ...base, times: ["25:00"] }), RangeError);
  assert.throws(() => calendarFile({ ...base, times: [] }), RangeError);
  assert.throws(() => calendarFile({ ...base, start: "7 Dec" }), RangeError);
});

test("default times for any number of sessions", () => {
  assert.deepEqual(defaultTimes(3), ["08:00", "13:00", "19:00"]);
  assert.deepEqual(defaultTimes(5), ["07:00", "10:30", "14:00", "17:30", "21:00"]);
});
