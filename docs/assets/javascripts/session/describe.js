// What the session says about a step, in the content's words: its title, the big count, the
// line under it, what comes next, and the announcement at each new step. Pure, so Node's test
// runner imports it.

import { fill } from "./words.js";

/** @typedef {import("./timeline.js").Step} Step */
/** @typedef {import("./timeline.js").View} View */
/** @typedef {import("./words.js").SessionWords} SessionWords */

/**
 * A step in a few words: "Get ready: Clam shell", "Set 2 of 3, Other side", "Change sides", "Rest".
 * @param {Step} step
 * @param {string[]} names the exercises' names, by entry
 * @param {SessionWords} words
 */
export function stepTitle(step, names, words) {
  if (step.kind === "ready") return fill(words.ready, { exercise: names[step.exercise] });
  if (step.kind === "switch") return words.switch;
  if (step.kind === "rest") return words.rest;
  const set = fill(words.set, { set: step.set, sets: step.sets });
  if (!step.side) return set;
  return `${set}, ${step.side === 1 ? words.side_one : words.side_two}`;
}

/**
 * The big figure: the repetition under way, or the seconds left (of a hold, or of the step).
 * @param {View} view
 * @param {SessionWords} words
 */
export function countText(view, words) {
  const step = view.step;
  if (!step || step.seconds === null) return "";
  if (step.kind === "work" && step.counted) return fill(words.rep, { rep: view.rep, reps: step.reps });
  if (step.kind === "work" && view.phase === "hold") return fill(words.seconds, { seconds: view.holdLeft });
  return fill(words.seconds, { seconds: view.left });
}

/**
 * The line under the count: the part of the repetition (with the hold's seconds left when the
 * count is the repetitions), or what to do when nothing times the step.
 * @param {View} view
 * @param {SessionWords} words
 */
export function phaseText(view, words) {
  const step = view.step;
  if (!step) return "";
  if (step.seconds === null) return step.kind === "work" ? words.own_pace : words.wait;
  if (step.kind !== "work" || !view.phase) return "";
  const phase = words[view.phase];
  if (view.phase === "hold" && step.counted) return `${phase} ${fill(words.seconds, { seconds: view.holdLeft })}`;
  return phase;
}

/**
 * What comes after the step at `index`: "Next: Rest", "Next: Get ready: Wall sit", or the end.
 * @param {readonly Step[]} steps
 * @param {number} index
 * @param {string[]} names
 * @param {SessionWords} words
 */
export function nextText(steps, index, names, words) {
  const after = steps[index + 1];
  return fill(words.next, { next: after ? stepTitle(after, names, words) : words.finished });
}

/**
 * The announcement at a new step: the exercise, the step, its count and what comes next.
 * @param {readonly Step[]} steps
 * @param {View} view
 * @param {string[]} names
 * @param {SessionWords} words
 */
export function announcement(steps, view, names, words) {
  const step = view.step;
  if (!step) return words.finished;
  const parts = [step.kind === "ready" ? "" : names[step.exercise], stepTitle(step, names, words)];
  if (step.kind === "work" && step.counted) parts.push(fill(words.rep, { rep: view.rep, reps: step.reps }));
  else if (step.seconds !== null && step.kind !== "work") parts.push(fill(words.seconds, { seconds: view.left }));
  if (step.seconds === null) parts.push(phaseText(view, words));
  parts.push(nextText(steps, view.index, names, words));
  return parts.filter(Boolean).join(". ");
}
