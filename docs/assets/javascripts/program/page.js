// The exercise-program page: the clinician's builder and the patient's view. The whole program
// lives in the link's fragment (after "#", never sent to a server); link.js reads and writes it,
// with the limits both sides enforce.
//
// Three addresses, one page:
//   /program/#v1,...          the patient's link: the program, no way to change it
//   /program/?edit#v1,...     the builder; it keeps its own address up to date, so a reload keeps the work
//   /program/?preview#v1,...  the clinician's look at the patient view, with "Change this program"

import { mountCompanion } from "../companion/mount.js";
import { byId } from "../common/dom.js";
import { showBuilder } from "./builder.js";
import { decode, encode } from "./link.js";
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
    view.replaceChildren(...programView(decoded, { clinician, companion: true }));
    const section = document.getElementById("companion");
    if (section)
      mountCompanion(section, decoded, {
        exercises,
        painRule: data.painRule,
        psfs: data.psfs,
        triage: data.triage,
        key: encode(decoded),
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

function route() {
  const decoded = decode(location.hash, guide);
  const editing = new URLSearchParams(location.search).has("edit");
  if (decoded.status === "empty" || editing) showBuilder(decoded);
  else showView(decoded);
}

/** The printed strip's date, in the reader's own calendar, as the handout is printed. */
function datePrinted() {
  byId("program-printed", HTMLElement).textContent = new Date().toLocaleDateString(undefined, {
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

// A heading's permalink (#choose) changes the fragment too: it is not a program.
addEventListener("hashchange", () => {
  if (!document.getElementById(decodeURIComponent(location.hash.slice(1)))) route();
});
addEventListener("beforeprint", datePrinted);
datePrinted();
route();
