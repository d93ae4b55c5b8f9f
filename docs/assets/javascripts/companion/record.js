// The record's own part: export (CSV, JSON), print a summary, import, and "Delete my records".

import { button, element } from "../common/dom.js";
import { forgetMyProgram } from "../common/my-program.js";
import { calendarFile, defaultTimes } from "./calendar.js";
import { sendPart } from "./report.js";
import { LEGACY_PREFIX, dayOf, exportDue, prescribedOn, emptyRecord, parseRecord, serialize, toCsv } from "./log.js";

/** @typedef {import("./mount.js").Companion} Companion */

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
 * Import a record exported from this program: refused whole, with the reason, if it does not fit.
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
    c.record = parsed.record;
    c.save();
    c.render("Record imported.");
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
  c.render("Your record was exported. Keep the file somewhere safe.");
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
    importField(c),
    ...deleteControls(c),
  );
}
