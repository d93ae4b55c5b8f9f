// The record's own part: export (CSV, JSON), print a summary, import, and "Delete my records".

import { button, element } from "../common/dom.js";
import { forgetMyProgram } from "../common/my-program.js";
import { calendarFile, defaultTimes } from "./calendar.js";
import { sendPart } from "./report.js";
import { plural } from "../common/words.js";
import { showInstall } from "../site/install.js";
import {
  LEGACY_PREFIX,
  dayOf,
  exportDue,
  fillFigures,
  prescribedOn,
  emptyRecord,
  overLimit,
  parseRecord,
  serialize,
  toCsv,
} from "./log.js";
import { mergeByDate } from "./merge.js";
import { longDate, words } from "./ui.js";

/** @typedef {import("./mount.js").Companion} Companion */
/** @typedef {import("./log.js").Record_} Record_ */

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

/**
 * Takes in an imported copy merged by date with the record on the device (see merge.js).
 * @param {Companion} c
 * @param {Record_} file
 * @param {"device" | "file"} prefer whose values the days both hold differently keep
 */
function takeIn(c, file, prefer) {
  const merged = mergeByDate(c.record, file, prefer);
  c.importing = null;
  if (!merged.ok) {
    c.render(`That file could not be imported: ${merged.reason}. Your record is unchanged.`);
    return;
  }
  const over = overLimit(merged.record);
  if (over) {
    c.render(`That file could not be imported: together, ${over}. Your record is unchanged.`);
    return;
  }
  const before = c.record;
  c.record = merged.record;
  if (!c.save()) {
    c.record = before;
    return;
  }
  const added = merged.added.length ? `${plural(merged.added.length, "date")} added` : "nothing new added";
  const whose = prefer === "file" ? "the file's" : "this device's";
  const kept = merged.conflicts.length ? `; where they differed, ${whose} answers kept` : "";
  c.render(`Record imported: ${added}${kept}.`);
  document.getElementById("companion-import")?.focus();
}

/**
 * Import a record exported from this program: refused whole, with the reason, if it does not
 * fit; merged by date with the record on the device; asked about before any entry is replaced.
 * @param {Companion} c
 */
function importField(c) {
  const file = element("input", { id: "companion-import", type: "file", accept: "application/json,.json" });
  file.addEventListener("change", async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const parsed = parseRecord(await chosen.text(), c.record.episode, c.options.key);
    if (!parsed.ok) {
      c.render(`That file could not be imported: ${parsed.reason}. Your record is unchanged.`);
      return;
    }
    const merged = mergeByDate(c.record, parsed.record);
    if (merged.ok && merged.conflicts.length) {
      c.importing = parsed.record;
      c.render("The file and this device differ on some days. Choose which to keep.");
      document.getElementById("companion-import-question")?.focus();
      return;
    }
    takeIn(c, parsed.record, "device");
  });
  return element(
    "p",
    {},
    element("label", { for: "companion-import" }, "Import a record (JSON) exported from this program"),
    element("br"),
    file,
  );
}

/**
 * The question an import asks before it replaces anything: the days where the file and this
 * device hold different answers, and whose to keep.
 * @param {Companion} c
 * @param {Record_} file
 */
function importQuestion(c, file) {
  const merged = mergeByDate(c.record, file);
  const conflicts = merged.ok ? merged.conflicts : [];
  return element(
    "div",
    {
      class: "admonition question",
      id: "companion-import-question",
      tabindex: "-1",
      role: "group",
      "aria-labelledby": "companion-import-title",
    },
    element("p", { class: "admonition-title", id: "companion-import-title" }, "Which answers to keep?"),
    element(
      "p",
      {},
      fillFigures(words(c).import_question, {
        count: plural(conflicts.length, "day"),
        dates: conflicts.map(longDate).join("; "),
      }),
    ),
    element(
      "p",
      { class: "kg-record-actions" },
      button("Keep this device's answers", () => takeIn(c, file, "device"), { id: "companion-import-keep" }),
      " ",
      button("Use the file's answers", () => takeIn(c, file, "file"), { id: "companion-import-replace" }),
      " ",
      button(
        "Cancel the import",
        () => {
          c.importing = null;
          c.render("Import cancelled. Your record is unchanged.");
          document.getElementById("companion-import")?.focus();
        },
        { id: "companion-import-cancel" },
      ),
    ),
  );
}

/**
 * "Delete my records", then a confirmation.
 * @param {Companion} c
 */
function deleteControls(c) {
  const confirm = element("p", { id: "companion-delete-confirm-row", hidden: "" });
  confirm.append(
    "This deletes this program's record, and the way back to it from the home page, from this device, for good. ",
    button(
      "Yes, delete my records",
      () => {
        forgetMyProgram();
        const owned = [c.storageKey, `${LEGACY_PREFIX}${c.options.key}`, `${LEGACY_PREFIX}${c.record.episode}`];
        try {
          for (const key of Object.keys(localStorage)) {
            if (owned.some((prefix) => key === prefix || key.startsWith(`${prefix}:`))) localStorage.removeItem(key);
          }
        } catch {
          // Blocked storage holds nothing to delete.
        }
        c.record = emptyRecord(c.record.episode);
        c.stored = null;
        c.importing = null;
        c.render("Your records for this program are deleted.");
        document.getElementById("companion-heading")?.focus();
      },
      { id: "companion-delete-confirm" },
    ),
  );
  const ask = () => {
    confirm.hidden = false;
    document.getElementById("companion-delete-confirm")?.focus();
  };
  return [element("p", {}, button("Delete my records", ask, { id: "companion-delete" })), confirm];
}

/**
 * Downloads the record, and notes the day a copy was saved.
 * @param {Companion} c
 * @param {string} text
 * @param {string} type
 * @param {string} name
 */
function exportRecord(c, text, type, name) {
  download(text, type, name);
  c.record.exported = dayOf(new Date());
  c.save();
  c.render(words(c).exported);
}

/**
 * What the browser said when asked to keep the record, and a reminder to save a copy.
 * @param {Companion} c
 * @param {string} today
 */
function keeping(c, today) {
  const notes = [];
  if (c.persisted === true) {
    notes.push(
      element("p", { id: "companion-persisted" }, "This browser has agreed to keep your record until you delete it."),
    );
  } else if (c.persisted === false) {
    notes.push(
      element(
        "p",
        { id: "companion-persisted" },
        "This browser may clear your record if the device runs short of space, or if you do not use the site for a while. Export a copy now and then.",
      ),
    );
  }
  const due = exportDue(c.record, today);
  if (due !== null) {
    notes.push(
      element(
        "div",
        { class: "admonition tip", id: "companion-export-due" },
        element(
          "p",
          {},
          c.record.exported
            ? `You last saved a copy of your record ${due} days ago. Save a copy now: Export JSON keeps everything, and Import puts it back.`
            : "You have not saved a copy of your record yet. Save one now: Export JSON keeps everything, and Import puts it back.",
        ),
      ),
    );
  }
  return notes;
}

/**
 * Reminders in the patient's own calendar: a time per session, then a calendar file.
 * @param {Companion} c
 * @param {string} today
 */
function remindersPart(c, today) {
  const times = defaultTimes(prescribedOn(c.record, today));
  const fields = times.map((time, index) =>
    element(
      "label",
      { class: "kg-reminder-time" },
      times.length > 1 ? `Session ${index + 1} ` : "Time ",
      element("input", { type: "time", id: `reminder-time-${index}`, value: time }),
    ),
  );
  const make = () => {
    const chosen = fields.map(
      (_, index) => /** @type {HTMLInputElement} */ (document.getElementById(`reminder-time-${index}`)).value,
    );
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const picked = chosen.filter((time) => /^\d{2}:\d{2}$/.test(time));
    if (!picked.length) {
      c.render("Pick a time for at least one session.");
      return;
    }
    const file = calendarFile({
      title: "Knee exercises",
      link: location.href,
      times: picked,
      start: today,
      stamp,
      uid: c.record.episode,
    });
    download(file, "text/calendar", "knee-exercises.ics");
    c.render("Calendar file made. Open it to add the reminders to your calendar.");
  };
  return element(
    "fieldset",
    { class: "kg-reminders" },
    element("legend", {}, "Reminders in your calendar"),
    element(
      "p",
      {},
      "Pick a time for each session. The file adds a daily reminder to your phone's calendar; nothing is sent.",
    ),
    element("p", {}, ...fields),
    element("p", {}, button("Download a calendar file", make, { id: "companion-reminders" })),
  );
}

/** The offer to add the program to the home screen, from the page's template (site/install.js). */
function installPart() {
  const box = document.getElementById("kg-install");
  if (box) showInstall(box);
  return box;
}

/**
 * The record's part: export, print a summary, import, delete.
 * @param {Companion} c
 */
export function recordPart(c) {
  const today = dayOf(new Date());
  return element(
    "div",
    { class: "kg-record kg-no-summary" },
    element("h3", { id: "companion-record" }, "Your record"),
    element(
      "p",
      {},
      "Kept in this browser on this device only, for this program. Export it to keep a copy or to move it to another device.",
    ),
    ...keeping(c, today),
    installPart(),
    ...sendPart(c),
    element(
      "p",
      { class: "kg-record-actions" },
      button("Export CSV", () => exportRecord(c, toCsv(c.record), "text/csv", `knee-guide-record-${today}.csv`), {
        id: "companion-export-csv",
      }),
      " ",
      button(
        "Export JSON",
        () => exportRecord(c, serialize(c.record), "application/json", `knee-guide-record-${today}.json`),
        { id: "companion-export-json" },
      ),
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
    remindersPart(c, today),
    c.importing ? importQuestion(c, c.importing) : importField(c),
    ...deleteControls(c),
  );
}
