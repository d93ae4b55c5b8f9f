// Exercise programs held entirely in the link. A clinician builds one; the link's fragment
// (after "#", never sent to a server) carries it; the patient opens it and sees, or prints,
// exactly that program.
//
// Link format, version 1:  #v1,<title>,<item>,<item>...~<checksum>
//   item:      <slug>[.s<sets>][.r<reps>][.h<hold seconds>][.d<times a day>|.w<times a week>][.n<note>]
//   title and note are percent-encoded (with "." and "~" escaped too); checksum is FNV-1a of
//   everything before "~", in base 36, so a truncated or altered link is detected.
// A new format gets a new version prefix; this page keeps reading v1 links.

import qrcode from "../vendor/qrcode.mjs";

const VERSION = "v1";
const LIMITS = { s: [1, 20], r: [1, 100], h: [1, 600], d: [1, 14], w: [1, 21] };
const NOTE_LENGTH = 80;

const data = JSON.parse(document.getElementById("program-data").textContent);
const exercises = new Map(data.exercises.map((exercise) => [exercise.slug, exercise]));
const view = document.getElementById("program-view");
const builder = document.getElementById("program-builder");

// --- the link ---------------------------------------------------------------------------------

function escapeText(text) {
  return encodeURIComponent(text).replace(/\./g, "%2E").replace(/~/g, "%7E");
}

function checksum(text) {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function encode(program) {
  const parts = [VERSION, escapeText(program.title || "")];
  for (const item of program.items) {
    let part = item.slug;
    for (const key of ["s", "r", "h"]) if (item[key]) part += `.${key}${item[key]}`;
    if (item.times) part += `.${item.per === "week" ? "w" : "d"}${item.times}`;
    if (item.note) part += `.n${escapeText(item.note)}`;
    parts.push(part);
  }
  const payload = parts.join(",");
  return `${payload}~${checksum(payload)}`;
}

function decodeItem(text) {
  const [given, ...fields] = text.split(".");
  const slug = data.formerSlugs[given] || given;
  const item = { slug, problems: [] };
  if (!exercises.has(slug)) {
    item.problems.push(`The exercise "${given}" is not in the guide any more. Ask your clinician what to do instead.`);
  }
  for (const field of fields) {
    const key = field[0];
    const value = field.slice(1);
    if (key === "n") {
      item.note = decodeURIComponent(value).slice(0, NOTE_LENGTH);
    } else if (key in LIMITS && /^\d+$/.test(value)) {
      const number = Number(value);
      const [low, high] = LIMITS[key];
      if (number < low || number > high) {
        item.problems.push(`A dosage figure (${number}) is outside the range this page accepts.`);
      } else if (key === "d" || key === "w") {
        item.times = number;
        item.per = key === "w" ? "week" : "day";
      } else {
        item[key] = number;
      }
    } else {
      item.problems.push("Part of this exercise's dosage could not be read.");
    }
  }
  return item;
}

export function decode(fragment) {
  const text = fragment.replace(/^#/, "");
  if (!text) return { status: "empty" };
  const [version] = text.split(",", 1);
  if (version !== VERSION) {
    return /^v\d+$/.test(version) ? { status: "newer" } : { status: "damaged" };
  }
  const end = text.lastIndexOf("~");
  if (end < 0 || checksum(text.slice(0, end)) !== text.slice(end + 1)) return { status: "damaged" };
  try {
    const [, title, ...items] = text.slice(0, end).split(",");
    return { status: "ok", title: decodeURIComponent(title), items: items.map(decodeItem) };
  } catch {
    return { status: "damaged" };
  }
}

function programLink(program) {
  return `${location.origin}${location.pathname}#${encode(program)}`;
}

// --- small DOM helpers ------------------------------------------------------------------------

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function qrFigure(url) {
  const code = qrcode(0, "M");
  code.addData(url);
  code.make();
  const svg = new DOMParser().parseFromString(code.createSvgTag(3, 12), "image/svg+xml").documentElement;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "QR code of this program's link");
  svg.classList.add("kg-qr-code");
  return element(
    "figure",
    { class: "kg-qr" },
    svg,
    element("figcaption", {}, "Scan to open this program: ", element("span", { class: "kg-url" }, url)),
  );
}

function dosageText(item) {
  const parts = [];
  if (item.s) parts.push(`${item.s} set${item.s === 1 ? "" : "s"}`);
  if (item.r) parts.push(`${item.r} repetition${item.r === 1 ? "" : "s"}`);
  if (item.h) parts.push(`hold ${item.h} second${item.h === 1 ? "" : "s"}`);
  if (item.times) parts.push(`${item.times} time${item.times === 1 ? "" : "s"} a ${item.per}`);
  return parts.length ? parts.join(", ") : "As your clinician advised";
}

// --- patient view -----------------------------------------------------------------------------

function message(text) {
  return element("div", { class: "admonition warning kg-program-message", role: "alert" }, element("p", {}, text));
}

function showProgram(program) {
  const parts = [element("h2", { id: "program-heading" }, program.title || "Your exercise program")];
  const list = element("ol", { class: "kg-program" });
  for (const item of program.items) {
    const exercise = exercises.get(item.slug);
    const entry = element("li", { "data-slug": item.slug });
    for (const problem of item.problems) entry.append(message(problem));
    if (exercise) {
      entry.append(
        element("h3", {}, element("a", { href: exercise.href }, exercise.name)),
        exercise.figure ? exerciseFigure(exercise.figure, true) : "",
        element("p", { class: "kg-program-dosage" }, element("strong", {}, "Dosage: "), dosageText(item)),
      );
      if (item.note) entry.append(element("p", { class: "kg-program-note" }, element("strong", {}, "Note: "), item.note));
      entry.append(element("ol", { class: "kg-program-steps" }, ...exercise.steps.map((step) => element("li", {}, step))));
    }
    list.append(entry);
  }
  parts.push(list);
  parts.push(
    element(
      "p",
      { class: "kg-program-actions" },
      button("Print this program", () => window.print()),
      " ",
      element("a", { class: "md-button", href: `?edit${location.hash}` }, "Change this program"),
    ),
  );
  parts.push(qrFigure(location.href));
  parts.push(
    element(
      "p",
      { class: "kg-program-disclaimer" },
      "Stop an exercise and ask your clinician if it brings on sharp pain, or the knee swells, locks or gives way.",
    ),
  );
  view.replaceChildren(...parts);
}

function showView(decoded) {
  builder.hidden = true;
  view.hidden = false;
  document.body.dataset.programMode = "view";
  if (decoded.status === "damaged") {
    view.replaceChildren(
      message("This program link is damaged or incomplete, so it cannot be shown. Ask your clinician to send it again."),
    );
  } else if (decoded.status === "newer") {
    view.replaceChildren(
      message("This program link was made by a newer version of the guide. Reload the page, or ask your clinician to send it again."),
    );
  } else {
    showProgram(decoded);
  }
  view.dataset.status = decoded.status;
}

// --- builder ----------------------------------------------------------------------------------

const state = { title: "", items: [] };

function button(text, onClick, attributes = {}, hidden = "") {
  const node = element("button", { type: "button", class: "md-button", ...attributes }, text);
  if (hidden) node.append(element("span", { class: "kg-sr-only" }, hidden));
  node.addEventListener("click", onClick);
  return node;
}

function numberField(item, key, label, [min, max]) {
  const id = `item-${item.uid}-${key}`;
  const input = element("input", { id, type: "number", inputmode: "numeric", min: String(min), max: String(max), step: "1" });
  if (item[key]) input.value = String(item[key]);
  input.addEventListener("input", () => {
    const value = Number(input.value);
    item[key] = Number.isInteger(value) && value >= min && value <= max ? value : undefined;
    input.setAttribute("aria-invalid", input.value !== "" && item[key] === undefined ? "true" : "false");
    updateLink();
  });
  return element("p", { class: "kg-dose" }, element("label", { for: id }, label), input);
}

function itemEditor(item, index) {
  const exercise = exercises.get(item.slug);
  const perId = `item-${item.uid}-per`;
  const per = element(
    "select",
    { id: perId },
    element("option", { value: "day" }, "a day"),
    element("option", { value: "week" }, "a week"),
  );
  per.value = item.per || "day";
  per.addEventListener("change", () => {
    item.per = per.value;
    updateLink();
  });
  const noteId = `item-${item.uid}-note`;
  const note = element("input", { id: noteId, type: "text", maxlength: String(NOTE_LENGTH), autocomplete: "off" });
  note.value = item.note || "";
  note.addEventListener("input", () => {
    item.note = note.value.trim();
    updateLink();
  });
  const name = exercise ? exercise.name : item.slug;
  return element(
    "li",
    { "data-slug": item.slug },
    element(
      "fieldset",
      {},
      element("legend", {}, `${index + 1}. ${name}`),
      element(
        "div",
        { class: "kg-doses" },
        numberField(item, "s", "Sets", LIMITS.s),
        numberField(item, "r", "Repetitions", LIMITS.r),
        numberField(item, "h", "Hold (seconds)", LIMITS.h),
        numberField(item, "times", "Times", LIMITS.d),
        element("p", { class: "kg-dose" }, element("label", { for: perId }, "Per"), per),
      ),
      element("p", {}, element("label", { for: noteId }, "Note (optional, short)"), element("br"), note),
      element(
        "p",
        { class: "kg-item-actions" },
        button("Move up", () => move(index, -1, "up"), { "data-action": "up" }, `: ${name}`),
        " ",
        button("Move down", () => move(index, 1, "down"), { "data-action": "down" }, `: ${name}`),
        " ",
        button("Remove", () => remove(index), { "data-action": "remove" }, `: ${name}`),
      ),
    ),
  );
}

let uid = 0;

function add(slug, values = {}) {
  if (!exercises.has(slug) || state.items.some((item) => item.slug === slug)) return;
  uid += 1;
  state.items.push({ slug, uid, ...values });
}

function move(index, step, action) {
  const target = index + step;
  if (target < 0 || target >= state.items.length) return;
  [state.items[index], state.items[target]] = [state.items[target], state.items[index]];
  renderBuilder();
  document.querySelector(`#program-items > li:nth-child(${target + 1}) [data-action="${action}"]`)?.focus();
}

function remove(index) {
  const [removed] = state.items.splice(index, 1);
  renderBuilder();
  const next = document.querySelector(`#program-items > li:nth-child(${Math.min(index + 1, state.items.length)}) [data-action="remove"]`);
  (next || document.querySelector(`[data-add="${removed.slug}"]`))?.focus();
}

function updateLink() {
  const link = programLink(state);
  document.getElementById("program-link").value = state.items.length ? link : "";
  const open = document.getElementById("program-open");
  open.href = state.items.length ? `${location.pathname}#${encode(state)}` : "#";
  open.toggleAttribute("aria-disabled", state.items.length === 0);
}

// An exercise's figure from the build (assets/figures/<slug>.svg), reused with <use> so it takes
// the page's colours (an <img> could not). Named by its text alternative, or hidden from
// assistive technology where the exercise's name sits next to it.
function exerciseFigure(figure, named) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
  use.setAttribute("href", figure.href);
  svg.setAttribute("viewBox", figure.viewBox);
  svg.setAttribute("class", "kg-program-figure");
  if (named) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", figure.alt);
  } else svg.setAttribute("aria-hidden", "true");
  svg.append(use);
  return svg;
}

function renderChoices() {
  const groups = new Map();
  for (const exercise of data.exercises) {
    if (!groups.has(exercise.purpose)) groups.set(exercise.purpose, []);
    groups.get(exercise.purpose).push(exercise);
  }
  const parts = [];
  for (const [purpose, members] of groups) {
    parts.push(element("h3", {}, purpose));
    parts.push(
      element(
        "ul",
        { class: "kg-choices" },
        ...members.map((exercise) => {
          const chosen = state.items.some((item) => item.slug === exercise.slug);
          const add_ = button(
            chosen ? "Added" : "Add",
            () => {
              add(exercise.slug);
              renderBuilder();
              document.querySelector(`#program-items > li:last-child input`)?.focus();
            },
            { "data-add": exercise.slug },
            `: ${exercise.name}`,
          );
          if (chosen) add_.disabled = true;
          const figure = exercise.figure ? exerciseFigure(exercise.figure, false) : "";
          return element("li", {}, figure, add_, " ", element("a", { href: exercise.href }, exercise.name));
        }),
      ),
    );
  }
  document.getElementById("program-choices").replaceChildren(...parts);
}

function renderBuilder() {
  renderChoices();
  document.getElementById("program-items").replaceChildren(...state.items.map(itemEditor));
  document.getElementById("program-empty").hidden = state.items.length > 0;
  updateLink();
}

function showBuilder(decoded) {
  view.hidden = true;
  builder.hidden = false;
  document.body.dataset.programMode = "build";
  state.title = "";
  state.items = [];
  if (decoded.status === "ok") {
    state.title = decoded.title;
    for (const item of decoded.items) {
      const { slug, problems, ...values } = item;
      add(slug, values);
    }
  }
  const requested = new URLSearchParams(location.search).get("add");
  if (requested) add(data.formerSlugs[requested] || requested);
  const title = document.getElementById("program-title");
  title.value = state.title;
  title.oninput = () => {
    state.title = title.value.trim();
    updateLink();
  };
  document.getElementById("program-copy").onclick = async () => {
    const status = document.getElementById("program-copied");
    const input = document.getElementById("program-link");
    try {
      await navigator.clipboard.writeText(input.value);
      status.textContent = "Link copied.";
    } catch {
      input.select();
      status.textContent = "Select the link and copy it.";
    }
  };
  renderBuilder();
}

function route() {
  const decoded = decode(location.hash);
  const editing = new URLSearchParams(location.search).has("edit");
  if (decoded.status === "empty" || editing) showBuilder(decoded);
  else showView(decoded);
}

addEventListener("hashchange", route);
route();
