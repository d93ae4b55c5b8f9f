// The patient's companion on a program link (filled in by the companion work).

/**
 * @param {HTMLElement} section
 * @param {{title: string, items: import("./program-link.js").DecodedItem[]}} _program
 * @param {object} _options
 */
// eslint-disable-next-line no-unused-vars
export function mountCompanion(section, _program, _options) {
  section.remove();
}
