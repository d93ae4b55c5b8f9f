// The progress report: "Send my progress to my physio" on the patient's page makes the link (on
// the device; the patient shares it with their own apps), and the clinician's view of it on the
// program page (/program/?report#r1,...): adherence, pain and the PSFS with the smallest change
// that matters, the chart and its table.

import { button, element } from "../common/dom.js";
import { chartPart, shortDate } from "./chart.js";
import { addDays, daysBetween, dayOf, prescribedOn, psfsChange, sessionsDone } from "./log.js";
import { encodeReport } from "./report-link.js";
import { words } from "./ui.js";

/** @typedef {import("./mount.js").Companion} Companion */
/** @typedef {import("./log.js").Record_} Record_ */

/**
 * The report's link, made on the device.
 * @param {Record_} record
 */
export function reportLink(record) {
  return `${location.origin}${location.pathname}?report#${encodeReport(record, dayOf(new Date()))}`;
}

/**
 * "Send my progress to my physio": the link, then the patient's own way to send it.
 * @param {Companion} c
 */
export function sendPart(c) {
  const out = element("div", { id: "companion-report", hidden: "" });
  const canShare = "share" in navigator;
  const make = () => {
    const link = reportLink(c.record);
    const field = element("input", { id: "companion-report-link", type: "text", readonly: "", value: link });
    const status = element("p", { id: "companion-report-status", role: "status" });
    const share = async () => {
      try {
        if (canShare) await navigator.share({ title: "My knee exercise progress", url: link });
        else {
          await navigator.clipboard.writeText(link);
          status.textContent = words(c).copied;
        }
      } catch {
        field.select();
        status.textContent = "Select the link and copy it.";
      }
    };
    out.replaceChildren(
      element("p", {}, element("label", { for: "companion-report-link" }, "Your progress report link")),
      field,
      element("p", {}, button(canShare ? "Share the link" : "Copy the link", share, { id: "companion-report-share" })),
      status,
    );
    out.hidden = false;
    field.focus();
  };
  return [
    element("p", {}, `${words(c).send} `, button("Send my progress to my physio", make, { id: "companion-send" })),
    out,
  ];
}

/**
 * Sessions done against sessions prescribed, every day from `from` to `to`.
 * @param {Record_} record
 * @param {string} from
 * @param {string} to
 */
export function adherence(record, from, to) {
  let done = 0;
  let prescribed = 0;
  for (let day = 0; day <= daysBetween(from, to); day += 1) {
    const date = addDays(from, day);
    prescribed += prescribedOn(record, date);
    done += Object.hasOwn(record.days, date) ? sessionsDone(record.days[date]) : 0;
  }
  return { done, prescribed };
}

/**
 * The clinician's view of a report.
 * @param {{record: Record_, from: string, to: string}} report
 * @param {number} minimalChange the PSFS's smallest change that matters
 */
export function reportView({ record, from, to }, minimalChange) {
  const { done, prescribed } = adherence(record, from, to);
  const change = psfsChange(record.psfs, minimalChange);
  const versions = record.programs.length;
  return [
    element("h2", { id: "report-heading" }, "Progress report"),
    element(
      "p",
      {},
      `From ${shortDate(from)} to ${shortDate(to)}. Made on the patient's device and sent by the patient; this site keeps nothing of it.`,
    ),
    element(
      "ul",
      { class: "kg-report-summary" },
      element(
        "li",
        { id: "report-adherence" },
        `Sessions done: ${done} of ${prescribed} prescribed (${prescribed ? Math.round((100 * done) / prescribed) : 0}%).`,
      ),
      versions > 1 ? element("li", {}, `The program changed ${versions - 1} time${versions > 2 ? "s" : ""}.`) : null,
      change
        ? element(
            "li",
            { id: "report-psfs" },
            `PSFS mean from ${change.mean.first} to ${change.mean.latest} (change ${change.mean.change > 0 ? "+" : ""}${change.mean.change}). The smallest change that matters is a rise of about ${minimalChange}: ${change.mean.matters ? "this change matters" : "this change is smaller"}.`,
          )
        : null,
    ),
    chartPart(record, { sets: false }),
    element(
      "p",
      { class: "kg-program-actions" },
      button("Print this report", () => window.print(), { id: "report-print" }),
    ),
  ].filter((node) => node !== null);
}
