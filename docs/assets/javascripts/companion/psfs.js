// The PSFS part: three activities the knee makes hard, scored 0 to 10 each week.

import { PAIN } from "../common/contract.js";
import { button, element } from "../common/dom.js";
import { ACTIVITY_LENGTH, fillFigures, psfsChange, psfsDue, psfsThisWeek, putPsfs } from "./log.js";
import { longDate, words } from "./ui.js";

/** @typedef {import("./mount.js").Companion} Companion */

/**
 * The form for this week's three scores (last week's activities filled in).
 * @param {Companion} c
 * @param {string} today
 */
function scoresForm(c, today) {
  const latest = c.record.psfs[c.record.psfs.length - 1];
  const fieldset = element(
    "fieldset",
    { class: "kg-no-summary" },
    element("legend", {}, c.record.psfs.length ? "This week's scores" : "Your starting scores"),
  );
  const week = psfsThisWeek(c.record.psfs, today);
  if (week) {
    fieldset.append(
      element(
        "p",
        { id: "psfs-week-hint", class: "kg-hint" },
        `You gave this week's scores on ${longDate(week.date)}. Saving again changes them.`,
      ),
    );
  }
  for (let index = 0; index < 3; index += 1) {
    const nameId = `psfs-activity-${index}`;
    const scoreId = `psfs-score-${index}`;
    const name = element("input", {
      id: nameId,
      type: "text",
      maxlength: String(ACTIVITY_LENGTH),
      autocomplete: "off",
    });
    name.value = latest?.activities[index] ?? "";
    const score = element("input", {
      id: scoreId,
      type: "number",
      inputmode: "numeric",
      min: String(PAIN[0]),
      max: String(PAIN[1]),
      step: "1",
    });
    if (week) score.value = String(week.scores[index]);
    fieldset.append(
      element(
        "p",
        { class: "kg-psfs-row" },
        element("label", { for: nameId }, `Activity ${index + 1}`),
        element("br"),
        name,
        element("br"),
        element("label", { for: scoreId }, `Score for activity ${index + 1}, 0 to 10`),
        element("br"),
        score,
      ),
    );
  }
  const error = element("p", { class: "kg-error", role: "alert", id: "psfs-error" });
  fieldset.append(
    error,
    element(
      "p",
      {},
      button("Save scores", () => saveScores(c, today, error), { id: "psfs-save" }),
    ),
  );
  return fieldset;
}

/**
 * Saves the form's scores as today's entry, or says what is missing.
 * @param {Companion} c
 * @param {string} today
 * @param {HTMLElement} error
 */
function saveScores(c, today, error) {
  const activities = [0, 1, 2].map((i) =>
    /** @type {HTMLInputElement} */ (document.getElementById(`psfs-activity-${i}`)).value.trim(),
  );
  const scores = [0, 1, 2].map(
    (i) => /** @type {HTMLInputElement} */ (document.getElementById(`psfs-score-${i}`)).value,
  );
  if (activities.some((a) => !a) || scores.some((s) => s === "" || !/^(10|\d)$/.test(s))) {
    error.textContent =
      "Name three activities and score each with a whole number from 0 (cannot do it) to 10 (as before).";
    return;
  }
  const week = psfsThisWeek(c.record.psfs, today);
  const saved = putPsfs(
    c.record,
    today,
    /** @type {[string, string, string]} */ (activities),
    /** @type {[number, number, number]} */ (scores.map(Number)),
  );
  if (!c.save()) return;
  c.weekUpdated = saved === "updated" && week ? week.date : null;
  c.render(saved === "updated" ? "Scores updated." : "Scores saved.");
}

/**
 * The change since the first scores: each activity's, and the average's against the smallest
 * change that matters (none before a second entry).
 * @param {Companion} c
 */
function changeTable(c) {
  const changes = psfsChange(c.record.psfs, c.options.psfs.minimalChange);
  if (!changes) return null;
  const signed = (/** @type {number} */ n) => `${n > 0 ? "+" : ""}${n}`;
  /** @param {string} name @param {(string | number)[]} cells @param {Record<string, string>} [attributes] */
  const row = (name, cells, attributes = {}) =>
    element(
      "tr",
      attributes,
      element("th", { scope: "row" }, name),
      ...cells.map((cell) => element("td", {}, String(cell))),
    );
  const mean = changes.mean;
  return element(
    "table",
    { class: "kg-psfs-change" },
    element(
      "caption",
      {},
      `Change since your first scores (a rise of ${c.options.psfs.minimalChange} points or more in the average is one that matters)`,
    ),
    element(
      "thead",
      {},
      element(
        "tr",
        {},
        ...["Activity", "First", "Latest", "Change"].map((text) => element("th", { scope: "col" }, text)),
      ),
    ),
    element(
      "tbody",
      {},
      ...changes.activities.map((a) => row(a.activity, [a.first, a.latest, signed(a.change)])),
      row(
        "Average of the three",
        [
          mean.first,
          mean.latest,
          `${signed(mean.change)}: ${mean.matters ? "a change that matters" : "not yet a change that matters"}`,
        ],
        { class: "kg-psfs-mean" },
      ),
    ),
  );
}

/**
 * PSFS: three activities scored weekly, and the change of their average against the smallest
 * change that matters.
 * @param {Companion} c
 * @param {string} today
 */
export function psfsPart(c, today) {
  const due = psfsDue(c.record.psfs);
  const part = element(
    "div",
    { class: "kg-psfs" },
    element("h3", { id: "companion-psfs" }, "Progress: three activities"),
  );
  if (c.notes) {
    c.notes.hidden = false;
    part.append(c.notes);
  }
  if (c.weekUpdated && due) {
    part.append(
      element(
        "div",
        { class: "admonition note", id: "psfs-week-updated" },
        element("p", {}, fillFigures(words(c).psfs_week, { given: longDate(c.weekUpdated), due: longDate(due) })),
      ),
    );
  } else if (due && due > today) part.append(element("p", {}, `Next scores due on ${longDate(due)}.`));
  part.append(scoresForm(c, today));
  const table = changeTable(c);
  if (table) part.append(table);
  return part;
}
