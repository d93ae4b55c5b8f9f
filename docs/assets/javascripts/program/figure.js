// An exercise's figure from the build (assets/figures/<slug>.svg), reused with <use> so it takes
// the page's colours (an <img> could not). Named by its text alternative, or hidden from
// assistive technology where the exercise's name sits next to it.

/** @typedef {import("./page-data.js").Figure} Figure */

const SVG = "http://www.w3.org/2000/svg";

/**
 * @param {Figure} figure
 * @param {boolean} named
 * @returns {SVGSVGElement}
 */
export function exerciseFigure(figure, named) {
  const svg = document.createElementNS(SVG, "svg");
  const use = document.createElementNS(SVG, "use");
  use.setAttribute("href", `${figure.href}#figure`);
  svg.setAttribute("viewBox", figure.viewBox);
  svg.setAttribute("class", "kg-program-figure");
  if (named) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", figure.alt);
  } else svg.setAttribute("aria-hidden", "true");
  svg.append(use);
  return svg;
}
