// The exercise-program page: the clinician's builder and the patient's view. The whole program
// lives in the link's fragment (after "#", never sent to a server); link.js reads and writes it,
// with the limits both sides enforce.
//
// Three addresses, one page:
//   /program/#v1,...          the patient's link: the program, no way to change it
//   /program/?edit#v1,...     the builder; it keeps its own address up to date, so a reload keeps the work
//   /program/?preview#v1,...  the clinician's look at the patient view, with "Change this program"

import { programKey } from "../companion/log.js";
import { mountCompanion } from "../companion/mount.js";
import { decodeReport } from "../companion/report-link.js";
import { reportView } from "../companion/report.js";
import { byId } from "../common/dom.js";
import { forgetMyProgram, recallMyProgram, rememberMyProgram } from "../common/my-program.js";
import { endSession, sessionStart } from "../session/session.js";
import { keepOffline } from "../site/sw-register.js";
import { showBuilder } from "./builder.js";
import { decode, encode, episodeOf } from "./link.js";
import { data, exercises, guide } from "./page-data.js";
import { message, programView } from "./patient.js";

/** @typedef {import("./link.js").Decoded} Decoded */

const view = byId("program-view", HTMLElement);
const builder = byId("program-builder", HTMLElement);

/** @param {Decoded} decoded */
function showView(decoded) {
  builder.hidden = true;
  view.hidden = false;
  view.classList.remove("kg-handout-only");
  document.body.dataset.programMode = "view";
  if (decoded.status === "ok") {
    const clinician = new URLSearchParams(location.search).has("preview");
    if (!clinician) rememberMyProgram({ fragment: encode(decoded), title: decoded.title });
    view.replaceChildren(...programView(decoded, { clinician, companion: true }));
    const section = document.getElementById("companion");
    const key = programKey(encode(decoded));
    const episode = episodeOf(decoded);
    const companion = () => {
      if (section)
        mountCompanion(section, decoded, {
          exercises,
          painRule: data.painRule,
          psfs: data.psfs,
          words: data.companion,
          triage: data.triage,
          key,
          episode,
          revision: decoded.revision ?? 1,
        });
    };
    companion();
    const items = decoded.items.filter((item) => exercises.has(item.slug));
    const owner = { episode, key, items };
    const options = { exercises, words: data.session, painRule: data.painRule, triage: data.triage, owner };
    document.getElementById("session-host")?.replaceWith(sessionStart(items, { ...options, onClose: companion }, view));
    keepOffline().catch(() => {
      // No offline copy (private modes may refuse): the program still works online.
    });
  } else if (decoded.status === "newer") {
    view.replaceChildren(
      message(
        "This program link was made by a newer version of the guide. Reload the page, or ask your clinician to send it again.",
      ),
    );
  } else {
    view.replaceChildren(
      message(
        "This program link is damaged or incomplete, so it cannot be shown. Ask your clinician to send it again.",
      ),
    );
    if (decoded.status === "damaged") view.dataset.reason = decoded.reason;
  }
  view.dataset.status = decoded.status;
}

/**
 * An address's fragment that names no program: empty, or an element of the page (a heading's
 * anchor, the "back to top" link).
 * @param {string} hash
 */
function inPage(hash) {
  const id = hash.replace(/^#/, "");
  if (!id) return true;
  try {
    return !/^v\d/.test(id) && document.getElementById(decodeURIComponent(id)) !== null;
  } catch {
    return false;
  }
}

/**
 * A tap on an in-page link never replaces the program: the page scrolls, the address keeps the
 * program (so a reload shows it again).
 * @param {HashChangeEvent} event
 */
function onHashChange(event) {
  if (inPage(location.hash)) {
    if (!inPage(new URL(event.oldURL).hash)) history.replaceState(history.state, "", event.oldURL);
    return;
  }
  route();
}

/** The clinician's view of a patient's progress report. */
function showReport() {
  builder.hidden = true;
  view.hidden = false;
  view.classList.remove("kg-handout-only");
  document.body.dataset.programMode = "view";
  const report = decodeReport(location.hash);
  view.dataset.status = report.status;
  if (report.status === "ok") view.replaceChildren(...reportView(report, data.psfs.minimalChange));
  else
    view.replaceChildren(
      message("This progress report link is damaged or incomplete, so it cannot be shown. Ask for it again."),
    );
}

function route() {
  endSession();
  if (new URLSearchParams(location.search).has("report")) {
    showReport();
    return;
  }
  const editing = new URLSearchParams(location.search).has("edit");
  const mine = editing || !inPage(location.hash) || location.search ? null : recallMyProgram();
  if (mine) history.replaceState(history.state, "", `#${mine.fragment}`);
  const decoded = decode(inPage(location.hash) ? "" : location.hash, guide);
  if (mine && decoded.status !== "ok") forgetMyProgram();
  byId("program-builder-way", HTMLElement).hidden = !mine || decoded.status !== "ok";
  if (decoded.status === "empty" || editing) showBuilder(decoded);
  else showView(decoded);
}

addEventListener("hashchange", onHashChange);

/** The printed strip's date, in the reader's own calendar, as the handout is printed. */
function datePrinted() {
  byId("program-printed", HTMLElement).textContent = new Date().toLocaleDateString(undefined, {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

addEventListener("beforeprint", datePrinted);
datePrinted();
route();
