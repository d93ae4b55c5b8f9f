// DOM helpers shared by every page's code. Pages build their DOM with createElement and text
// only, never from HTML strings, so no text from a link, a record or the content can become
// markup.

/** The page lacks an element its script needs: the page and its template disagree. */
export class MissingElement extends Error {
  /**
   * @param {string} id
   * @param {string} expected
   */
  constructor(id, expected) {
    super(`#${id} is missing or not a ${expected}`);
    this.name = "MissingElement";
  }
}

/**
 * The element with this id, of this type.
 * @template {Element} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
export function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new MissingElement(id, type.name);
  return node;
}

/** @typedef {Node | string | null | undefined | false} Child a child to append; empty ones are left out */

/**
 * A new HTML element with attributes and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/**
 * Words a clinician typed (a program's note), isolated with `<bdi>` so their direction cannot
 * reorder the page's own words around them.
 * @param {string} text
 * @returns {HTMLElement}
 */
export function clinicianText(text) {
  return element("bdi", {}, text);
}

const SVG = "http://www.w3.org/2000/svg";

/**
 * A new SVG element with attributes and children.
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {...Node} children
 * @returns {SVGElement}
 */
export function svgElement(tag, attributes = {}, ...children) {
  const node = /** @type {SVGElement} */ (document.createElementNS(SVG, tag));
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * A Material-styled button; `hidden` adds words for screen readers only (which exercise a
 * "Remove" removes).
 * @param {string} text
 * @param {() => void} onClick
 * @param {Record<string, string>} [attributes]
 * @param {string} [hidden]
 */
export function button(text, onClick, attributes = {}, hidden = "") {
  const node = element("button", { type: "button", class: "md-button", ...attributes }, text);
  if (hidden) node.append(element("span", { class: "kg-sr-only" }, hidden));
  node.addEventListener("click", onClick);
  return node;
}

/**
 * A link, with a tooltip when `title` is given.
 * @param {string} href
 * @param {string} text
 * @param {string} [title]
 */
export function link(href, text, title) {
  const node = element("a", { href }, text);
  if (title) node.title = title;
  return node;
}
