// The chart of pain and progress over time, with the same figures in a table.

import { element, svgElement } from "../common/dom.js";
import { rows } from "./log.js";

/** @typedef {import("./mount.js").Companion} Companion */

/** @typedef {ReturnType<typeof rows>} Rows */

/**
 * The chart, with the same figures in the table after it.
 * @param {Companion} c
 */
export function chartPart(c) {
  const data = rows(c.record);
  const part = element(
    "div",
    { class: "kg-chart" },
    element("h3", { id: "companion-chart" }, "Pain and progress over time"),
  );
  if (!data.length) {
    part.append(element("p", {}, "Your chart appears here once you record a score."));
    return part;
  }
  part.append(chart(data), table(data));
  return part;
}

/**
 * Pain after sessions, pain the next morning and the PSFS mean, 0 to 10, day by day.
 * @param {Rows} data
 */
function chart(data) {
  const width = 320;
  const height = 184;
  const left = 28;
  const top = 10;
  const plotW = width - left - 10;
  const plotH = 120;
  const x = (/** @type {number} */ i) => left + (data.length === 1 ? plotW / 2 : (i * plotW) / (data.length - 1));
  const y = (/** @type {number} */ v) => top + plotH - (v * plotH) / 10;
  /** @type {Element[]} */
  const shapes = [];
  for (const v of [0, 5, 10]) {
    shapes.push(
      svgElement("line", {
        x1: String(left),
        x2: String(left + plotW),
        y1: String(y(v)),
        y2: String(y(v)),
        stroke: "currentColor",
        "stroke-opacity": "0.3",
      }),
    );
    const label = svgElement("text", {
      x: String(left - 4),
      y: String(y(v) + 4),
      "text-anchor": "end",
      "font-size": "10",
      fill: "currentColor",
    });
    label.textContent = String(v);
    shapes.push(label);
  }
  const series = /** @type {const} */ ([
    ["painAfter", "Pain after a session", ""],
    ["painMorning", "Pain the next morning", "4 3"],
    ["psfs", "PSFS mean", "1 3"],
  ]);
  series.forEach(([key, , dash], index) => {
    const points = data.map((row, i) => [i, row[key]]).filter(([, v]) => v !== null);
    if (!points.length) return;
    const d = points
      .map(
        ([i, v], n) =>
          `${n ? "L" : "M"}${x(/** @type {number} */ (i)).toFixed(1)},${y(/** @type {number} */ (v)).toFixed(1)}`,
      )
      .join(" ");
    shapes.push(
      svgElement("path", {
        d,
        fill: "none",
        stroke: "currentColor",
        "stroke-width": index === 2 ? "2.5" : "2",
        "stroke-dasharray": dash,
      }),
    );
    for (const [i, v] of points) {
      const cx = x(/** @type {number} */ (i));
      const cy = y(/** @type {number} */ (v));
      shapes.push(
        index === 2
          ? svgElement("rect", { x: String(cx - 3), y: String(cy - 3), width: "6", height: "6", fill: "currentColor" })
          : svgElement("circle", {
              cx: String(cx),
              cy: String(cy),
              r: "3",
              fill: index === 1 ? "none" : "currentColor",
              stroke: "currentColor",
            }),
      );
    }
  });
  const title = svgElement("title", { id: "companion-chart-title" });
  title.textContent =
    "Chart of pain after sessions, pain the next morning and the PSFS mean, 0 to 10, by day. The same figures are in the table below.";
  const legend = series.map(([, name, dash], index) => {
    const row = 146 + index * 12;
    const x0 = left;
    const line = svgElement("line", {
      x1: String(x0),
      x2: String(x0 + 16),
      y1: String(row),
      y2: String(row),
      stroke: "currentColor",
      "stroke-width": "2",
      "stroke-dasharray": dash,
    });
    const text = svgElement("text", { x: String(x0 + 20), y: String(row + 4), "font-size": "9", fill: "currentColor" });
    text.textContent = name;
    return svgElement("g", {}, line, text);
  });
  return svgElement(
    "svg",
    {
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-labelledby": "companion-chart-title",
      width: String(width),
      height: String(height),
    },
    title,
    ...shapes,
    ...legend,
  );
}

/**
 * The chart's figures as a table, day by day.
 * @param {Rows} data
 */
function table(data) {
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
        ...["Date", "Sessions done", "Sets done", "Pain after", "Next morning", "PSFS mean"].map((text) =>
          element("th", { scope: "col" }, text),
        ),
      ),
    ),
    element(
      "tbody",
      {},
      ...data.map((row) =>
        element(
          "tr",
          {},
          element("th", { scope: "row" }, row.date),
          element("td", {}, `${row.sessions} of ${row.prescribed}`),
          element("td", {}, String(row.sets)),
          cell(row.painAfter),
          cell(row.painMorning),
          cell(row.psfs),
        ),
      ),
    ),
  );
}
