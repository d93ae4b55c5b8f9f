// The guided session's words, from the content (content/session/session.yaml), embedded in the
// program page by the build. Pure, so Node's test runner imports it.

/**
 * @typedef {object} SessionWords
 * @property {string} name
 * @property {string} start
 * @property {string} intro
 * @property {string} ready
 * @property {string} set
 * @property {string} side_one
 * @property {string} side_two
 * @property {string} switch
 * @property {string} rep
 * @property {string} out
 * @property {string} hold
 * @property {string} back
 * @property {string} tail
 * @property {string} rest
 * @property {string} seconds
 * @property {string} next
 * @property {string} wait
 * @property {string} own_pace
 * @property {string} pause
 * @property {string} resume
 * @property {string} skip
 * @property {string} done
 * @property {string} end
 * @property {string} too_painful
 * @property {string} stopped
 * @property {string} triage
 * @property {string} cues
 * @property {string} sound
 * @property {string} vibrate
 * @property {string} finished
 * @property {string} saved
 * @property {string} none_saved
 * @property {string} not_saved
 * @property {string} close
 */

/**
 * Words with their figures filled in: `{exercise}`, `{set}`, `{sets}`... A figure not given
 * stays as written.
 * @param {string} text
 * @param {Record<string, string | number>} figures
 */
export function fill(text, figures) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (Object.hasOwn(figures, name) ? String(figures[name]) : whole));
}
