// The exercise page opened from a program: the program's link to it carries the clinician's
// dose in the fragment (never sent to a server), checked by the same codec and limits as the
// program page. Shown above the guide's starting dose, marked as the clinician's.
import { clinicianText, element } from "../common/dom.js";
import { decode, dosageText } from "../program/link.js";

const box = document.getElementById("clinician-dose");
const slug = box?.dataset.slug;

function show() {
  if (!box || !slug) return;
  const decoded = decode(location.hash, { slugs: new Set([slug]), formerSlugs: new Map() });
  const item = decoded.status === "ok" && decoded.items.length === 1 ? decoded.items[0] : null;
  if (!item || item.slug !== slug || item.problems.length) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const parts = [
    element("p", { class: "admonition-title" }, "Your clinician's dose"),
    element("p", { class: "kg-clinician-dose-text" }, dosageText(item)),
  ];
  if (item.note) parts.push(element("p", {}, element("strong", {}, "Note: "), clinicianText(item.note)));
  parts.push(
    element(
      "p",
      {},
      "This is the dose from your program. The guide's own starting dose is below, for comparison: follow your clinician's.",
    ),
  );
  box.className = "admonition success kg-clinician-dose";
  box.replaceChildren(...parts);
  box.hidden = false;
}

addEventListener("hashchange", show);
show();
