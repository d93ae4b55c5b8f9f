// What the build embeds in the program page (kneeguide/pages/program.py), read once: every
// exercise with the guide's starting dose, the templates, the pain rule's figures and words.

import { byId } from "../common/dom.js";

/** @typedef {import("./link.js").Program} Program */
/** @typedef {import("./link.js").ProgramItem} ProgramItem */
/** @typedef {import("./link.js").Decoded} Decoded */
/** @typedef {import("./link.js").DecodedItem} DecodedItem */
/** @typedef {Omit<ProgramItem, "slug">} Dose */

/**
 * An exercise as the page's embedded data lists it (kneeguide/pages/program.py).
 * @typedef {object} Exercise
 * @property {string} slug
 * @property {string} name
 * @property {string} purpose
 * @property {string} href
 * @property {string[]} steps
 * @property {Figure | null} figure
 * @property {Dose} dose the guide's starting dose (empty when the guide gives none)
 * @property {"reference" | "editorial" | "clinician-reviewed" | "not-given"} doseSource
 * @property {string | null} frequency the guide's "how often", in words
 * @property {string[]} easier slugs of the easier versions
 */

/**
 * @typedef {object} Template
 * @property {string} slug
 * @property {string} name
 * @property {string} summary
 * @property {ProgramItem[]} items
 */

/**
 * @typedef {object} PageData
 * @property {Exercise[]} exercises
 * @property {Record<string, string>} formerSlugs
 * @property {Template[]} templates
 * @property {import("../companion/mount.js").PainRule & {stopRule: string}} painRule
 * @property {{minimalChange: number}} psfs
 * @property {import("../companion/mount.js").Words} companion the companion's sentences about the record
 * @property {string} triage the address of the page listing the warning signs
 * @property {import("../session/words.js").SessionWords} session the guided session's words
 */

/**
 * An exercise's drawing: the built SVG file, its viewBox and its text alternative.
 * @typedef {object} Figure
 * @property {string} href
 * @property {string} viewBox
 * @property {string} alt
 * @property {Motion} motion
 */

/**
 * The moving figure for the guided session: the built file (groups `#moving` and `#pose-0`,
 * `#pose-1`...), the viewBoxes of the moving drawing and of the key poses, how many key poses,
 * and one repetition's timing.
 * @typedef {object} Motion
 * @property {string} href
 * @property {string} viewBox
 * @property {string} posesViewBox
 * @property {number} poses
 * @property {import("../session/timeline.js").Tempo} tempo
 */

/** @type {PageData} */
export const data = JSON.parse(byId("program-data", HTMLScriptElement).text);
/** @type {Map<string, Exercise>} */
export const exercises = new Map(data.exercises.map((exercise) => [exercise.slug, exercise]));
/** @type {import("./link.js").Guide} */
export const guide = { slugs: new Set(exercises.keys()), formerSlugs: new Map(Object.entries(data.formerSlugs)) };
