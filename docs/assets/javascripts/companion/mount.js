// The patient's companion on a program link: today's session to tick off, pain after it and the
// next morning turned into advice by the guide's pain rule, PSFS scores, a chart with a table,
// export and import, and "Delete my records". The record stays in this browser's storage, keyed
// to the program; nothing is sent anywhere. companion-log.js holds the pure logic.

import {
  NOTE_LENGTH,
  ACTIVITY_LENGTH,
  SIGNS,
  addDays,
  advice,
  dayEntry,
  fillFigures,
  dayOf,
  emptyRecord,
  lastSessionBefore,
  parseRecord,
  programKey,
  psfsChange,
  psfsDue,
  rows,
  serialize,
  setPain,
  setSets,
  toCsv,
} from "./log.js";
import { count, dosageText } from "../program/link.js";

/** @typedef {import("./log.js").Record_} Record_ */
/** @typedef {import("../program/link.js").DecodedItem} DecodedItem */
/** @typedef {import("./log.js").Advice} Advice */
/**
 * The pain rule's figures and the advice's words, from the content.
 * @typedef {object} PainRule
 * @property {number} maxPain
 * @property {number} settleMinutes
 * @property {number} highPain
 * @property {string} scale what 0 and 10 mean
 * @property {Record<Advice["kind"], {title: string, text: string}>} advice
 */

/** The style of each level of advice: the most serious in the danger style. */
const ADVICE_STYLE = { stop: "danger", step_back: "warning", wait: "info", stay: "info", carry_on: "success", none: "note" };
/** The signs the patient can report, in their words. */
const SIGN_WORDS = { swelling: "It swelled up", locking: "It locked or got stuck", giving_way: "It gave way" };
/**
 * @typedef {object} Options
 * @property {Map<string, {slug: string, name: string, href: string, easier: string[]}>} exercises
 * @property {PainRule} painRule from the content, at build time
 * @property {{minimalChange: number}} psfs
 * @property {string} triage the address of the page listing the warning signs
 * @property {string} key the program's link fragment
 */

const SVG = "http://www.w3.org/2000/svg";

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attributes]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/**
 * @param {string} tag
 * @param {Record<string, string>} attributes
 * @param {...Node} children
 */
function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/**
 * @param {string} text
 * @param {() => void} onClick
 * @param {Record<string, string>} [attributes]
 */
function button(text, onClick, attributes = {}) {
  const node = element("button", { type: "button", class: "md-button", ...attributes }, text);
  node.addEventListener("click", onClick);
  return node;
}

/** @param {string} date YYYY-MM-DD */
function longDate(date) {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(y, m - 1, d).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" });
}

/**
 * A 0-10 score field with its own Save button.
 * @param {string} id
 * @param {string} label
 * @param {(score: number, note: string) => void} onSave
 * @param {{note?: boolean, hint: string}} options what the score means, from the content
 */
function scoreForm(id, label, onSave, options) {
  const input = element("input", { id, type: "number", inputmode: "numeric", min: "0", max: "10", step: "1", "aria-describedby": `${id}-hint` });
  const hint = element("p", { id: `${id}-hint`, class: "kg-hint" }, options.hint);
  const error = element("p", { id: `${id}-error`, class: "kg-error", role: "alert" });
  const note = options.note ? element("input", { id: `${id}-note`, type: "text", maxlength: String(NOTE_LENGTH), autocomplete: "off" }) : null;
  const save = button(
    "Save",
    () => {
      const value = Number(input.value);
      if (input.value === "" || !Number.isInteger(value) || value < 0 || value > 10) {
        error.textContent = "Enter a whole number from 0 to 10.";
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      onSave(value, note ? note.value.trim() : "");
    },
    { id: `${id}-save` },
  );
  return element(
    "fieldset",
    { class: "kg-score" },
    element("legend", {}, label),
    element("p", {}, element("label", { for: id }, "Pain, 0 to 10"), element("br"), input, " ", save),
    hint,
    note ? element("p", {}, element("label", { for: `${id}-note` }, "Note (optional)"), element("br"), note) : null,
    error,
  );
}

/**
 * @param {HTMLElement} section
 * @param {{title: string, items: DecodedItem[]}} program
 * @param {Options} options
 */
export function mountCompanion(section, program, options) {
  const storageKey = `knee-guide:record:${programKey(options.key)}`;
  const rule = options.painRule;
  /** @type {string[]} */
  const warnings = [];
  const notes = document.getElementById("companion-notes");
  const items = program.items.filter((item) => options.exercises.has(item.slug));

  /** @returns {Record_} */
  function load() {
    const fresh = emptyRecord(programKey(options.key));
    /** @type {string | null} */
    let raw;
    try {
      raw = localStorage.getItem(storageKey);
    } catch {
      warnings.push(
        "This browser is not letting the page keep a record (private browsing does this). You can still follow the program; what you tick will be lost when you close the page.",
      );
      return fresh;
    }
    if (raw === null) return fresh;
    const parsed = parseRecord(raw, fresh.program);
    if (parsed.ok) return parsed.record;
    try {
      localStorage.setItem(`${storageKey}:damaged:${Date.now()}`, raw);
      localStorage.removeItem(storageKey);
    } catch {
      // Left where it was: a new record is only kept in memory until storage works again.
    }
    warnings.push(
      `Your saved record for this program could not be read (${parsed.reason}). It has been set aside, not deleted, and a new record started. Nothing else was changed.`,
    );
    return fresh;
  }

  let record = load();

  /** @returns {boolean} whether it was saved */
  function save() {
    try {
      localStorage.setItem(storageKey, serialize(record));
      return true;
    } catch (error) {
      const full = error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
      warn(
        full
          ? "This device's storage for the site is full, so the last change is not saved. Export your record to keep it, or free some space. Your earlier entries are kept."
          : "This browser is not letting the page keep a record (private browsing does this). The last change is kept only until you close the page.",
      );
      return false;
    }
  }

  /** @param {string} text */
  function warn(text) {
    if (!warnings.includes(text)) warnings.push(text);
    render();
  }

  /** @param {string} text */
  function say(text) {
    const status = document.getElementById("companion-status");
    if (status) status.textContent = text;
  }

  /**
   * Re-draws the companion, keeping focus on the control with the same id.
   * @param {string} [message] a polite announcement
   */
  function render(message = "") {
    const focused = document.activeElement instanceof HTMLElement && section.contains(document.activeElement) ? document.activeElement.id : "";
    section.replaceChildren(...parts());
    if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
    if (message) say(message);
  }

  function parts() {
    const today = dayOf(new Date());
    const day = Object.hasOwn(record.days, today) ? record.days[today] : null;
    const previous = lastSessionBefore(record, today);
    const first = Object.keys(record.days).sort()[0];
    const dayNumber = first && first < today ? Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000) + 1 : 1;
    /** @type {(HTMLElement | null)[]} */
    const out = [
      element("h2", { id: "companion-heading" }, `Today: ${longDate(today)}`),
      element("p", { id: "companion-status", class: "kg-sr-only", role: "status" }),
      ...warnings.map((text) => element("div", { class: "admonition warning", role: "alert" }, element("p", {}, text))),
      element(
        "p",
        { class: "kg-day" },
        `Day ${dayNumber} of your program. `,
        previous ? `Your last session was on ${longDate(previous)}.` : "No session recorded before today.",
      ),
    ];

    // The morning after a session: how the knee settled.
    if (previous && previous === addDays(today, -1) && record.days[previous].painMorning === undefined) {
      out.push(
        scoreForm(
          "pain-morning",
          "How is your knee this morning, after yesterday's session?",
          (score) => {
            setPain(record, previous, "painMorning", score);
            save();
            render(`Saved: ${score} out of 10 this morning.`);
            document.getElementById("companion-advice")?.focus();
          },
          { hint: `${rule.scale} The guide's limit is ${rule.maxPain}.` },
        ),
      );
    }
    // The advice stands beside the answers it is about: today's session's, or else the last one's.
    const aboutToday = day !== null && (day.painAfter !== undefined || Boolean(day.signs?.length));
    if (!aboutToday) out.push(adviceBox(today));

    // Today's session, a tick per set (or one per exercise when no sets are given).
    const list = element("ol", { class: "kg-today" });
    for (const item of items) {
      const exercise = options.exercises.get(item.slug);
      if (!exercise) continue;
      const sets = item.s ?? 1;
      const done = day?.sets[item.slug] ?? 0;
      const ticks = element("div", { class: "kg-sets", role: "group", "aria-label": `${exercise.name}: sets done` });
      for (let set = 1; set <= sets; set += 1) {
        const pressed = set <= done;
        const label = item.s ? `Set ${set}` : "Done";
        ticks.append(
          button(
            `${pressed ? "✓ " : ""}${label}`,
            () => {
              setSets(record, today, item.slug, pressed ? set - 1 : set);
              save();
              const now = record.days[today].sets[item.slug];
              render(`${exercise.name}: ${count(now, "set")} of ${sets} done.`);
            },
            { id: `tick-${item.slug}-${set}`, "aria-pressed": String(pressed), "aria-label": `${exercise.name}: ${label}${item.s ? ` of ${sets}` : ""}` },
          ),
        );
      }
      list.append(
        element(
          "li",
          { "data-slug": item.slug },
          element("strong", {}, exercise.name),
          ": ",
          dosageText(item),
          ticks,
        ),
      );
    }
    out.push(element("h3", { id: "companion-session" }, "Today's session"));
    if (day?.painBefore === undefined) {
      out.push(
        scoreForm(
          "pain-before",
          "Before you start: how much does your knee hurt now?",
          (score) => {
            setPain(record, today, "painBefore", score);
            save();
            render(`Saved: ${score} out of 10 before the session.`);
            document.getElementById("tick-" + (items[0]?.slug ?? "") + "-1")?.focus();
          },
          { hint: rule.scale },
        ),
      );
    } else {
      out.push(element("p", { id: "companion-before" }, `Pain before today's session: ${day.painBefore} out of 10.`));
    }
    out.push(list, signsPart(today));
    if (day?.done) {
      out.push(element("p", { class: "kg-done", id: "companion-done-note" }, "Done for today. Well done."));
      if (day.painAfter === undefined) {
        out.push(
          scoreForm(
            "pain-after",
            "How is your knee now, after the session?",
            (score, note) => {
              setPain(record, today, "painAfter", score);
              if (note) record.days[today].note = note;
              save();
              render(`Saved: ${score} out of 10 after the session.`);
              document.getElementById("companion-advice")?.focus();
            },
            { note: true, hint: rule.scale },
          ),
        );
      } else {
        out.push(element("p", {}, `Pain after today's session: ${day.painAfter} out of 10.`));
        const stopped = advice(record, today, rule).kind === "stop";
        if (!stopped && day.settled === undefined && day.painAfter > (day.painBefore ?? 0)) out.push(settledPart(today));
      }
    } else {
      out.push(
        element(
          "p",
          {},
          button(
            "Done for today",
            () => {
              dayEntry(record, today).done = true;
              save();
              render("Done for today. Now record how your knee feels.");
              document.getElementById("pain-after")?.focus();
            },
            { id: "companion-done", class: "md-button md-button--primary" },
          ),
        ),
      );
    }
    if (aboutToday) out.push(adviceBox(today));
    out.push(psfsPart(today), chartPart(), recordPart());
    return out.filter((node) => node !== null);
  }

  /**
   * Did the knee swell, lock or give way? A tap says so at once: the advice then stops the day.
   * @param {string} today
   */
  function signsPart(today) {
    const given = new Set(record.days[today]?.signs ?? []);
    return element(
      "div",
      { class: "kg-signs", role: "group", "aria-labelledby": "companion-signs-label" },
      element("p", { id: "companion-signs-label" }, "During or after the session, did your knee do any of these?"),
      ...SIGNS.map((sign) =>
        button(
          `${given.has(sign) ? "✓ " : ""}${SIGN_WORDS[sign]}`,
          () => {
            const day = dayEntry(record, today);
            const now = new Set(day.signs ?? []);
            if (now.has(sign)) now.delete(sign);
            else now.add(sign);
            day.signs = SIGNS.filter((s) => now.has(s));
            if (!day.signs.length) delete day.signs;
            save();
            render(now.has(sign) ? `${SIGN_WORDS[sign]}: saved.` : `${SIGN_WORDS[sign]}: removed.`);
            if (now.has(sign)) document.getElementById("companion-advice")?.focus();
          },
          { id: `sign-${sign}`, "aria-pressed": String(given.has(sign)) },
        ),
      ),
    );
  }

  /**
   * Was the pain back to how it was before the session, within the rule's time?
   * @param {string} today
   */
  function settledPart(today) {
    /** @param {boolean} answer */
    const answer = (answer) => () => {
      dayEntry(record, today).settled = answer;
      save();
      render(answer ? "Saved: it settled in time." : "Saved: it had not settled in time.");
      document.getElementById("companion-advice")?.focus();
    };
    return element(
      "div",
      { class: "kg-settled", role: "group", "aria-labelledby": "companion-settled-label" },
      element("p", { id: "companion-settled-label" }, `${rule.settleMinutes} minutes after the session: was the pain back to how it was before you started?`),
      button("Yes", answer(true), { id: "settled-yes" }),
      " ",
      button("No", answer(false), { id: "settled-no" }),
    );
  }

  /** @param {string} today */
  function adviceBox(today) {
    const result = advice(record, today, rule);
    const words = rule.advice[result.kind];
    const box = element("div", { id: "companion-advice", class: `admonition kg-advice ${ADVICE_STYLE[result.kind]}`, tabindex: "-1", "data-advice": result.kind });
    const figures = {
      pain: "pain" in result ? result.pain : null,
      baseline: "baseline" in result ? result.baseline : null,
      max_pain: rule.maxPain,
      high_pain: rule.highPain,
      settle_minutes: rule.settleMinutes,
    };
    box.append(element("p", { class: "admonition-title" }, words.title), element("p", {}, fillFigures(words.text, figures)));
    if (result.kind === "stop") {
      box.append(element("p", {}, element("a", { href: options.triage }, "Check the warning signs")));
    }
    if (result.kind === "step_back") {
      const easier = element("ul", {});
      for (const item of items) {
        const exercise = options.exercises.get(item.slug);
        for (const slug of exercise?.easier ?? []) {
          const target = options.exercises.get(slug);
          if (exercise && target) easier.append(element("li", {}, `Instead of ${exercise.name}: `, element("a", { href: target.href }, target.name)));
        }
      }
      if (easier.childElementCount) box.append(element("p", {}, "Easier versions:"), easier);
    }
    return box;
  }

  /** @param {string} today */
  function psfsPart(today) {
    const latest = record.psfs[record.psfs.length - 1];
    const due = psfsDue(record.psfs);
    const part = element("div", { class: "kg-psfs" }, element("h3", { id: "companion-psfs" }, "Progress: three activities"));
    if (notes) {
      notes.hidden = false;
      part.append(notes);
    }
    if (due && due > today) {
      part.append(element("p", {}, `Next scores due on ${longDate(due)}.`));
    }
    const fieldset = element("fieldset", { class: "kg-no-summary" }, element("legend", {}, record.psfs.length ? "This week's scores" : "Your starting scores"));
    for (let index = 0; index < 3; index += 1) {
      const nameId = `psfs-activity-${index}`;
      const scoreId = `psfs-score-${index}`;
      const name = element("input", { id: nameId, type: "text", maxlength: String(ACTIVITY_LENGTH), autocomplete: "off" });
      name.value = latest?.activities[index] ?? "";
      const score = element("input", { id: scoreId, type: "number", inputmode: "numeric", min: "0", max: "10", step: "1" });
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
        button(
          "Save scores",
          () => {
            const activities = [0, 1, 2].map((i) => /** @type {HTMLInputElement} */ (document.getElementById(`psfs-activity-${i}`)).value.trim());
            const scores = [0, 1, 2].map((i) => /** @type {HTMLInputElement} */ (document.getElementById(`psfs-score-${i}`)).value);
            if (activities.some((a) => !a) || scores.some((s) => s === "" || !/^(10|\d)$/.test(s))) {
              error.textContent = "Name three activities and score each with a whole number from 0 (cannot do it) to 10 (as before).";
              return;
            }
            record.psfs = record.psfs.filter((entry) => entry.date !== today);
            record.psfs.push({
              date: today,
              activities: /** @type {[string, string, string]} */ (activities),
              scores: /** @type {[number, number, number]} */ (scores.map(Number)),
            });
            save();
            render("Scores saved.");
          },
          { id: "psfs-save" },
        ),
      ),
    );
    part.append(fieldset);
    const changes = psfsChange(record.psfs, options.psfs.minimalChange);
    if (changes) {
      const signed = (/** @type {number} */ n) => `${n > 0 ? "+" : ""}${n}`;
      part.append(
        element(
          "table",
          { class: "kg-psfs-change" },
          element("caption", {}, `Change since your first scores (a rise of ${options.psfs.minimalChange} points or more in the average is one that matters)`),
          element("thead", {}, element("tr", {}, ...["Activity", "First", "Latest", "Change"].map((text) => element("th", { scope: "col" }, text)))),
          element(
            "tbody",
            {},
            ...changes.activities.map((row) =>
              element(
                "tr",
                {},
                element("th", { scope: "row" }, row.activity),
                element("td", {}, String(row.first)),
                element("td", {}, String(row.latest)),
                element("td", {}, signed(row.change)),
              ),
            ),
            element(
              "tr",
              { class: "kg-psfs-mean" },
              element("th", { scope: "row" }, "Average of the three"),
              element("td", {}, String(changes.mean.first)),
              element("td", {}, String(changes.mean.latest)),
              element("td", {}, `${signed(changes.mean.change)}: ${changes.mean.matters ? "a change that matters" : "not yet a change that matters"}`),
            ),
          ),
        ),
      );
    }
    return part;
  }

  function chartPart() {
    const data = rows(record);
    const part = element("div", { class: "kg-chart" }, element("h3", { id: "companion-chart" }, "Pain and progress over time"));
    if (!data.length) {
      part.append(element("p", {}, "Your chart appears here once you record a score."));
      return part;
    }
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
      shapes.push(svg("line", { x1: String(left), x2: String(left + plotW), y1: String(y(v)), y2: String(y(v)), stroke: "currentColor", "stroke-opacity": "0.3" }));
      const label = svg("text", { x: String(left - 4), y: String(y(v) + 4), "text-anchor": "end", "font-size": "10", fill: "currentColor" });
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
      const d = points.map(([i, v], n) => `${n ? "L" : "M"}${x(/** @type {number} */ (i)).toFixed(1)},${y(/** @type {number} */ (v)).toFixed(1)}`).join(" ");
      shapes.push(svg("path", { d, fill: "none", stroke: "currentColor", "stroke-width": index === 2 ? "2.5" : "2", "stroke-dasharray": dash }));
      for (const [i, v] of points) {
        const cx = x(/** @type {number} */ (i));
        const cy = y(/** @type {number} */ (v));
        shapes.push(
          index === 2
            ? svg("rect", { x: String(cx - 3), y: String(cy - 3), width: "6", height: "6", fill: "currentColor" })
            : svg("circle", { cx: String(cx), cy: String(cy), r: "3", fill: index === 1 ? "none" : "currentColor", stroke: "currentColor" }),
        );
      }
    });
    const title = svg("title", { id: "companion-chart-title" });
    title.textContent = "Chart of pain after sessions, pain the next morning and the PSFS mean, 0 to 10, by day. The same figures are in the table below.";
    const legend = series.map(([, name, dash], index) => {
      const row = 146 + index * 12;
      const x0 = left;
      const line = svg("line", { x1: String(x0), x2: String(x0 + 16), y1: String(row), y2: String(row), stroke: "currentColor", "stroke-width": "2", "stroke-dasharray": dash });
      const text = svg("text", { x: String(x0 + 20), y: String(row + 4), "font-size": "9", fill: "currentColor" });
      text.textContent = name;
      return svg("g", {}, line, text);
    });
    part.append(
      svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "companion-chart-title", width: String(width), height: String(height) }, title, ...shapes, ...legend),
    );
    const cell = (/** @type {number | null} */ v) => element("td", {}, v === null ? "–" : String(v));
    part.append(
      element(
        "table",
        { class: "kg-record-table" },
        element("caption", {}, "Your record, day by day"),
        element("thead", {}, element("tr", {}, ...["Date", "Sets done", "Pain after", "Next morning", "PSFS mean"].map((text) => element("th", { scope: "col" }, text)))),
        element(
          "tbody",
          {},
          ...data.map((row) => element("tr", {}, element("th", { scope: "row" }, row.date), element("td", {}, String(row.sets)), cell(row.painAfter), cell(row.painMorning), cell(row.psfs))),
        ),
      ),
    );
    return part;
  }

  /**
   * @param {string} text
   * @param {string} type
   * @param {string} name
   */
  function download(text, type, name) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = element("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function recordPart() {
    const today = dayOf(new Date());
    const file = element("input", { id: "companion-import", type: "file", accept: "application/json,.json" });
    file.addEventListener("change", async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      const parsed = parseRecord(await chosen.text(), record.program);
      if (!parsed.ok) {
        render(`That file could not be imported: ${parsed.reason}. Your record is unchanged.`);
        return;
      }
      record = parsed.record;
      save();
      render("Record imported.");
    });
    const confirm = element("p", { id: "companion-delete-confirm-row", hidden: "" });
    confirm.append(
      "This deletes this program's record from this device, for good. ",
      button(
        "Yes, delete my records",
        () => {
          try {
            localStorage.removeItem(storageKey);
          } catch {
            // Blocked storage holds nothing to delete.
          }
          record = emptyRecord(record.program);
          render("Your records for this program are deleted.");
          document.getElementById("companion-heading")?.focus();
        },
        { id: "companion-delete-confirm" },
      ),
    );
    return element(
      "div",
      { class: "kg-record kg-no-summary" },
      element("h3", { id: "companion-record" }, "Your record"),
      element("p", {}, "Kept in this browser on this device only, for this program. Export it to keep a copy or to move it to another device."),
      element(
        "p",
        { class: "kg-record-actions" },
        button("Export CSV", () => download(toCsv(record), "text/csv", `knee-guide-record-${today}.csv`), { id: "companion-export-csv" }),
        " ",
        button("Export JSON", () => download(serialize(record), "application/json", `knee-guide-record-${today}.json`), { id: "companion-export-json" }),
        " ",
        button(
          "Print a summary",
          () => {
            document.body.dataset.print = "summary";
            addEventListener("afterprint", () => delete document.body.dataset.print, { once: true });
            window.print();
          },
          { id: "companion-print" },
        ),
      ),
      element("p", {}, element("label", { for: "companion-import" }, "Import a record (JSON) exported from this program"), element("br"), file),
      element(
        "p",
        {},
        button(
          "Delete my records",
          () => {
            confirm.hidden = false;
            document.getElementById("companion-delete-confirm")?.focus();
          },
          { id: "companion-delete" },
        ),
      ),
      confirm,
    );
  }

  render();
}
