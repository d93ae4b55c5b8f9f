// The session's figure: the exercise's moving drawing (the build's file, drawn in the page so it
// takes the page's colours), held still and set to the session's own clock; or, for readers who
// prefer reduced motion, the key poses side by side (reused with <use>), with nothing that moves.

import { element, svgElement } from "../common/dom.js";

/** @typedef {import("../program/page-data.js").Figure} Figure */

/**
 * @typedef {object} SessionFigure
 * @property {HTMLElement} node
 * @property {(seconds: number) => void} show the drawing at this moment of a repetition
 */

/** @type {Map<string, Promise<Element | null>>} */
const files = new Map();

/**
 * The moving drawing (the group `#moving`) of the build's file, read once: the browser runs the
 * animations of a drawing in the page only, not through <use> from another file. The file is
 * the site's own (precached for offline use), parsed as SVG; null when it cannot be had.
 * @param {string} href
 */
function movingGroup(href) {
  let found = files.get(href);
  if (!found) {
    found = fetch(href)
      .then((response) => (response.ok ? response.text() : ""))
      .then((text) => new DOMParser().parseFromString(text, "image/svg+xml").getElementById("moving"))
      .catch(() => null);
    files.set(href, found);
  }
  return found;
}

/**
 * The moving drawing, its animations paused from the start: the session sets its time. Until
 * the file is read it shows the start position, reused with <use>.
 * @param {Figure} figure
 * @returns {SessionFigure}
 */
function moving(figure) {
  const use = svgElement("use", { href: `${figure.motion.href}#moving` });
  const svg = /** @type {SVGSVGElement} */ (
    svgElement(
      "svg",
      { class: "kg-session__moving", viewBox: figure.motion.viewBox, role: "img", "aria-label": figure.alt },
      use,
    )
  );
  svg.pauseAnimations();
  let shown = 0;
  movingGroup(figure.motion.href).then((group) => {
    if (!group) return;
    use.replaceWith(document.importNode(group, true));
    svg.dataset.ready = "true";
    svg.pauseAnimations();
    svg.setCurrentTime(shown);
  });
  return {
    node: element("div", { class: "kg-session__figure" }, svg),
    show(seconds) {
      if (Math.abs(seconds - shown) < 0.01) return;
      shown = seconds;
      svg.pauseAnimations();
      svg.setCurrentTime(seconds);
    },
  };
}

/**
 * The key poses in a row, start first: nothing moves.
 * @param {Figure} figure
 * @returns {SessionFigure}
 */
function still(figure) {
  const { posesViewBox, poses, href } = figure.motion;
  const drawings = Array.from({ length: poses }, (_, index) => {
    const svg = /** @type {SVGSVGElement} */ (
      svgElement(
        "svg",
        { class: "kg-session__pose", viewBox: posesViewBox, "aria-hidden": "true", focusable: "false" },
        svgElement("use", { href: `${href}#pose-${index}` }),
      )
    );
    svg.pauseAnimations();
    return svg;
  });
  const row = element("div", { class: "kg-session__poses", role: "img", "aria-label": figure.alt }, ...drawings);
  return { node: element("div", { class: "kg-session__figure" }, row), show() {} };
}

/**
 * The figure for a session's exercise, or an empty place when it has none.
 * @param {Figure | null} figure
 * @param {boolean} reduced the reader prefers reduced motion
 * @returns {SessionFigure}
 */
export function sessionFigure(figure, reduced) {
  if (!figure) return { node: element("div", { class: "kg-session__figure" }), show() {} };
  return reduced ? still(figure) : moving(figure);
}
