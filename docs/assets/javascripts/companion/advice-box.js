// The advice after a session: the pain rule turned into what to do (log.js decides the level;
// the words are the content's, with their figures filled in).

import { element } from "../common/dom.js";
import { advice, fillFigures } from "./log.js";

/** @typedef {import("./mount.js").Companion} Companion */

/** The style of each level of advice: the most serious in the danger style. */
const ADVICE_STYLE = {
  stop: "danger",
  step_back: "warning",
  wait: "info",
  stay: "info",
  carry_on: "success",
  none: "note",
};

/**
 * The pain rule's advice on the latest session, in the content's words, styled by how serious it is.
 * @param {Companion} c
 * @param {string} today
 */
export function adviceBox(c, today) {
  const result = advice(c.record, today, c.rule);
  const words = c.rule.advice[result.kind];
  const box = element("div", {
    id: "companion-advice",
    class: `admonition kg-advice ${ADVICE_STYLE[result.kind]}`,
    tabindex: "-1",
    "data-advice": result.kind,
  });
  const figures = {
    pain: "pain" in result ? result.pain : null,
    baseline: "baseline" in result ? result.baseline : null,
    max_pain: c.rule.maxPain,
    high_pain: c.rule.highPain,
    settle_minutes: c.rule.settleMinutes,
  };
  box.append(
    element("p", { class: "admonition-title" }, words.title),
    element("p", {}, fillFigures(words.text, figures)),
  );
  if (result.kind === "stop") {
    box.append(element("p", {}, element("a", { href: c.options.triage }, "Check the warning signs")));
  }
  if (result.kind === "step_back") {
    const easier = element("ul", {});
    for (const item of c.items) {
      const exercise = c.options.exercises.get(item.slug);
      for (const slug of exercise?.easier ?? []) {
        const target = c.options.exercises.get(slug);
        if (exercise && target)
          easier.append(
            element("li", {}, `Instead of ${exercise.name}: `, element("a", { href: target.href }, target.name)),
          );
      }
    }
    if (easier.childElementCount) box.append(element("p", {}, "Easier versions:"), easier);
  }
  return box;
}
