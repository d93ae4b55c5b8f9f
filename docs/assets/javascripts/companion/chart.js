// The chart of pain and progress by date, with the same figures in a table. Two panels on their
// own scales (pain: lower is better; PSFS: higher is better), one date axis with rest days left
// as gaps, the sessions done each day as a row of marks, and each change of program marked.

import { element, svgElement } from "../common/dom.js";
import { addDays, daysBetween, programChanges, rows } from "./log.js";

/** @typedef {ReturnType<typeof rows>} Rows */

const WIDTH = 300;
const LEFT = 26;
const RIGHT = 8;
const PANEL = 90;
const FONT = "13";
/** Fewest days the date axis spans, so a first week's points are not spread edge to edge. */
const MIN_SPAN = 6;

/**
 * A date as the chart and table write it: "Mon 7 Dec".
 * @param {string} date YYYY-MM-DD
 */
export function shortDate(date) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
}

/**
 * @param {string} text
 * @param {Record<string, string>} attributes
 */
function label(text, attributes) {
  const node = svgElement("text", { "font-size": FONT, fill: "currentColor", ...attributes });
  node.textContent = text;
  return node;
}

/**
 * The chart, with the same figures in the table after it.
 * @param {import("./log.js").Record_} record
 * @param {{sets: boolean}} [show] whether the record holds the sets done (a progress report does not)
 */
export function chartPart(record, show = { sets: true }) {
  const data = rows(record);
  const part = element(
    "div",
    { class: "kg-chart" },
    element("h3", { id: "companion-chart" }, "Pain and progress over time"),
  );
  if (!data.length) {
    part.append(element("p", {}, "Your chart appears here once you record a score."));
    return part;
  }
  part.append(chart(data, programChanges(record)), legend(), table(data, show.sets));
  return part;
}

/** The legend, as page text (so it is as large as the page's text). */
function legend() {
  const entry = (/** @type {string} */ kind, /** @type {string} */ text) =>
    element("li", {}, element("span", { class: `kg-key kg-key--${kind}`, "aria-hidden": "true" }), text);
  return element(
    "ul",
    { class: "kg-chart-legend", "aria-label": "Key" },
    entry("after", "Pain after a session"),
    entry("morning", "Pain the next morning"),
    entry("psfs", "PSFS: how well you can do your three activities"),
    entry("sessions", "Sessions done (filled: all, half: some, empty: none)"),
    entry("change", "New program"),
  );
}

/**
 * Pain (0 to 10) and the PSFS mean (0 to 10) in their own panels, by date.
 * @param {Rows} data
 * @param {string[]} changes dates the program changed
 */
function chart(data, changes) {
  const first = data[0].date;
  const last = data[data.length - 1].date;
  const span = Math.max(MIN_SPAN, daysBetween(first, last));
  const plotW = WIDTH - LEFT - RIGHT;
  const x = (/** @type {string} */ date) => LEFT + (daysBetween(first, date) * plotW) / span;
  const painTop = 22;
  const psfsTop = painTop + PANEL + 34;
  const marksY = psfsTop + PANEL + 18;
  const axisY = marksY + 26;
  const height = axisY + 6;
  /** @type {Element[]} */
  const shapes = [
    label("Pain (0 none, 10 worst)", { x: "0", y: String(painTop - 8) }),
    label("PSFS (10 as before)", { x: "0", y: String(psfsTop - 8) }),
  ];
  /** @param {number} top @param {number} v */
  const y = (top, v) => top + PANEL - (v * PANEL) / 10;
  for (const top of [painTop, psfsTop]) {
    for (const v of [0, 5, 10]) {
      shapes.push(
        svgElement("line", {
          x1: String(LEFT),
          x2: String(LEFT + plotW),
          y1: String(y(top, v)),
          y2: String(y(top, v)),
          stroke: "currentColor",
          "stroke-opacity": v === 0 ? "0.6" : "0.25",
        }),
        label(String(v), { x: String(LEFT - 5), y: String(y(top, v) + 4), "text-anchor": "end" }),
      );
    }
  }
  for (const date of changes) {
    if (date < first || date > last) continue;
    shapes.push(
      svgElement("line", {
        x1: String(x(date)),
        x2: String(x(date)),
        y1: String(painTop),
        y2: String(marksY + 6),
        stroke: "currentColor",
        "stroke-dasharray": "2 3",
        class: "kg-chart-change",
      }),
    );
  }
  shapes.push(
    ...series(
      data,
      (row) => row.painAfter,
      x,
      (v) => y(painTop, v),
      "after",
    ),
    ...series(
      data,
      (row) => row.painMorning,
      x,
      (v) => y(painTop, v),
      "morning",
    ),
    ...series(
      data,
      (row) => row.psfs,
      x,
      (v) => y(psfsTop, v),
      "psfs",
    ),
  );
  for (let day = 0; day <= daysBetween(first, last); day += 1) {
    const date = addDays(first, day);
    const row = data.find((r) => r.date === date);
    const done = row ? Math.min(1, row.sessions / row.prescribed) : 0;
    const cx = x(date);
    shapes.push(
      svgElement("rect", {
        x: String(cx - 4),
        y: String(marksY - 4),
        width: "8",
        height: "8",
        fill: "none",
        stroke: "currentColor",
      }),
    );
    if (done > 0)
      shapes.push(
        svgElement("rect", {
          x: String(cx - 4),
          y: String(marksY + 4 - 8 * done),
          width: "8",
          height: String(8 * done),
          fill: "currentColor",
        }),
      );
  }
  const ticks = Math.min(2, span);
  for (let t = 0; t <= ticks; t += 1) {
    const date = addDays(first, Math.round((t * span) / ticks));
    const anchor = t === 0 ? "start" : t === ticks ? "end" : "middle";
    shapes.push(
      label(shortDate(date), {
        x: String(x(date) + (t === 0 ? -4 : t === ticks ? 4 : 0)),
        y: String(axisY),
        "text-anchor": anchor,
      }),
    );
  }
  const title = svgElement("title", { id: "companion-chart-title" });
  title.textContent = `Chart from ${shortDate(first)} to ${shortDate(last)}: pain after sessions and the next morning, the PSFS, and the sessions done each day. The same figures are in the table below.`;
  return svgElement(
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: "img",
      "aria-labelledby": "companion-chart-title",
      width: String(WIDTH),
      height: String(height),
      "data-span": String(span),
    },
    title,
    ...shapes,
  );
}

/**
 * One series: a line through days in a row (a day without a score breaks it) and a mark per score.
 * @param {Rows} data
 * @param {(row: Rows[number]) => number | null} value
 * @param {(date: string) => number} x
 * @param {(v: number) => number} y
 * @param {"after" | "morning" | "psfs"} kind
 */
function series(data, value, x, y, kind) {
  const points = data.flatMap((row) => {
    const v = value(row);
    return v === null ? [] : [{ date: row.date, x: x(row.date), y: y(v) }];
  });
  /** @type {Element[]} */
  const shapes = [];
  const joinDays = kind === "psfs" ? 14 : 1;
  let d = "";
  points.forEach((point, index) => {
    const joined = index > 0 && daysBetween(points[index - 1].date, point.date) <= joinDays;
    d += `${joined ? "L" : "M"}${point.x.toFixed(1)},${point.y.toFixed(1)} `;
  });
  if (points.length > 1)
    shapes.push(
      svgElement("path", {
        d: d.trim(),
        fill: "none",
        stroke: "currentColor",
        "stroke-width": "2",
        "stroke-dasharray": kind === "morning" ? "4 3" : "",
        class: `kg-series kg-series--${kind}`,
      }),
    );
  for (const point of points) {
    shapes.push(
      kind === "psfs"
        ? svgElement("rect", {
            x: String(point.x - 4),
            y: String(point.y - 4),
            width: "8",
            height: "8",
            fill: "currentColor",
            class: "kg-point kg-point--psfs",
            "data-date": point.date,
          })
        : svgElement("circle", {
            cx: String(point.x),
            cy: String(point.y),
            r: "4",
            fill: "currentColor",
            stroke: "currentColor",
            "stroke-width": "2",
            class: `kg-point kg-point--${kind}`,
            "data-date": point.date,
          }),
    );
  }
  return shapes;
}

/**
 * The chart's figures as a table, day by day.
 * @param {Rows} data
 * @param {boolean} sets
 */
function table(data, sets) {
  const cell = (/** @type {number | null} */ v) => element("td", {}, v === null ? "–" : String(v));
  return element(
    "table",
    { class: "kg-record-table" },
    element("caption", {}, "Your record, day by day"),
    element(
      "thead",
      {},
      element(
        "tr",
        {},
        ...["Date", "Sessions done", sets ? "Sets done" : null, "Pain after", "Next morning", "PSFS mean"]
          .filter((text) => text !== null)
          .map((text) => element("th", { scope: "col" }, text)),
      ),
    ),
    element(
      "tbody",
      {},
      ...data.map((row) =>
        element(
          "tr",
          {},
          element("th", { scope: "row", "data-date": row.date }, shortDate(row.date)),
          element("td", {}, `${row.sessions} of ${row.prescribed}`),
          sets ? element("td", {}, String(row.sets)) : null,
          cell(row.painAfter),
          cell(row.painMorning),
          cell(row.psfs),
        ),
      ),
    ),
  );
}
