// Reminders without a server: a calendar file (.ics, RFC 5545) with one daily event per session,
// at the times the patient picks, which phone calendars import. Pure, so Node's test runner
// imports it (tests/js/).

/** @param {string} text */
function escapeIcs(text) {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");
}

/**
 * A content line folded at 75 octets, as RFC 5545 asks (continuations start with a space).
 * @param {string} line
 */
function fold(line) {
  const encoder = new TextEncoder();
  const out = [];
  let current = "";
  for (const char of line) {
    const limit = out.length ? 74 : 75;
    if (encoder.encode(current + char).length > limit) {
      out.push(current);
      current = char;
    } else current += char;
  }
  out.push(current);
  return out.join("\r\n ");
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The calendar file: each time a daily event of 15 minutes from `start`, with an alert.
 * @param {{title: string, link: string, times: string[], start: string, stamp: string, uid: string}} reminder
 *   times "HH:MM" (local, floating); start YYYY-MM-DD; stamp the UTC time it was made (YYYYMMDDTHHMMSSZ)
 */
export function calendarFile({ title, link, times, start, stamp, uid }) {
  if (!DATE.test(start)) throw new RangeError("the start is not a date");
  if (!times.length || times.some((time) => !TIME.test(time))) throw new RangeError("a time is not HH:MM");
  const day = start.replaceAll("-", "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Knee Guide//Exercise reminders//EN",
    "CALSCALE:GREGORIAN",
  ];
  [...new Set(times)].sort().forEach((time, index) => {
    const [hours, minutes] = time.split(":");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uid}-${index + 1}@knee-guide`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${day}T${hours}${minutes}00`,
      "DURATION:PT15M",
      "RRULE:FREQ=DAILY",
      `SUMMARY:${escapeIcs(title)}`,
      `DESCRIPTION:${escapeIcs(link)}`,
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `DESCRIPTION:${escapeIcs(title)}`,
      "TRIGGER:PT0M",
      "END:VALARM",
      "END:VEVENT",
    );
  });
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/** Default times for 1 to 3 sessions a day, then spread through the waking day. */
export function defaultTimes(/** @type {number} */ sessions) {
  if (sessions <= 1) return ["18:00"];
  if (sessions === 2) return ["08:00", "18:00"];
  if (sessions === 3) return ["08:00", "13:00", "19:00"];
  return Array.from({ length: sessions }, (_, i) => {
    const minutes = 7 * 60 + Math.round((i * 14 * 60) / (sessions - 1));
    return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  });
}
