// The exercise-program page: the clinician's builder and the patient's view. The whole program
// lives in the link's fragment (after "#", never sent to a server); program-link.js reads and
// writes it, and holds the limits both sides enforce.

import qrcode from "../vendor/qrcode.mjs";
import { LIMITS, MAX_ITEMS, NOTE_LENGTH, TITLE_LENGTH, decode, dosageText, encode } from "./program-link.js";

/** @typedef {import("./program-link.js").Program} Program */
/** @typedef {import("./program-link.js").ProgramItem} ProgramItem */
/** @typedef {import("./program-link.js").Decoded} Decoded */
/** @typedef {import("./program-link.js").DecodedItem} DecodedItem */
/** @typedef {ProgramItem & {uid: number}} BuilderItem */
/** @typedef {"s" | "r" | "h" | "times"} NumberKey */

/**
 * An exercise as the page's embedded data lists it (kneeguide/pages/program.py).
 * @typedef {object} Exercise
 * @property {string} slug
 * @property {string} name
 * @property {string} purpose
 * @property {string} href
 * @property {string[]} steps
 * @property {Figure | null} figure
 */

/**
 * An exercise's drawing: the built SVG file, its viewBox and its text alternative.
 * @typedef {object} Figure
 * @property {string} href
 * @property {string} viewBox
 * @property {string} alt
 */

/**
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function byId(id, type) {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return node;
}

/** @type {{exercises: Exercise[], formerSlugs: Record<string, string>}} */
const data = JSON.parse(byId("program-data", HTMLScriptElement).text);
/** @type {Map<string, Exercise>} */
const exercises = new Map(data.exercises.map((exercise) => [exercise.slug, exercise]));
/** @type {import("./program-link.js").Guide} */
const guide = { slugs: new Set(exercises.keys()), formerSlugs: new Map(Object.entries(data.formerSlugs)) };
const view = byId("program-view", HTMLElement);
const builder = byId("program-builder", HTMLElement);

/** @param {Program} program */
function programLink(program) {
  return `${location.origin}${location.pathname}#${encode(program)}`;
}

// --- small DOM helpers ------------------------------------------------------------------------

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

/** @param {string} url */
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

// --- patient view -----------------------------------------------------------------------------

/** @param {string} text */
function message(text) {
  return element("div", { class: "admonition warning kg-program-message", role: "alert" }, element("p", {}, text));
}

/** @param {{title: string, items: DecodedItem[]}} program */
function showProgram(program) {
  /** @type {HTMLElement[]} */
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

/** @param {Decoded} decoded */
function showView(decoded) {
  builder.hidden = true;
  view.hidden = false;
  document.body.dataset.programMode = "view";
  if (decoded.status === "ok") {
    showProgram(decoded);
  } else if (decoded.status === "newer") {
    view.replaceChildren(
      message("This program link was made by a newer version of the guide. Reload the page, or ask your clinician to send it again."),
    );
  } else {
    view.replaceChildren(
      message("This program link is damaged or incomplete, so it cannot be shown. Ask your clinician to send it again."),
    );
    if (decoded.status === "damaged") view.dataset.reason = decoded.reason;
  }
  view.dataset.status = decoded.status;
}

// --- builder ----------------------------------------------------------------------------------

/** @type {{title: string, items: BuilderItem[]}} */
const state = { title: "", items: [] };

/**
 * @param {string} text
 * @param {() => void} onClick
 * @param {Record<string, string>} [attributes]
 * @param {string} [hidden] words for screen readers only
 */
function button(text, onClick, attributes = {}, hidden = "") {
  const node = element("button", { type: "button", class: "md-button", ...attributes }, text);
  if (hidden) node.append(element("span", { class: "kg-sr-only" }, hidden));
  node.addEventListener("click", onClick);
  return node;
}

/**
 * @param {BuilderItem} item
 * @param {NumberKey} key
 * @param {string} label
 * @param {readonly [number, number]} range
 */
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

/**
 * @param {BuilderItem} item
 * @param {number} index
 */
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
    item.per = per.value === "week" ? "week" : "day";
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

/**
 * Adds an exercise once, up to the link's limit of exercises.
 * @param {string} slug
 * @param {Omit<ProgramItem, "slug">} [values]
 */
function add(slug, values = {}) {
  if (!exercises.has(slug) || state.items.length >= MAX_ITEMS) return;
  if (state.items.some((item) => item.slug === slug)) return;
  uid += 1;
  state.items.push({ ...values, slug, uid });
}

/**
 * @param {string} selector
 * @returns {HTMLElement | null}
 */
function find(selector) {
  const node = document.querySelector(selector);
  return node instanceof HTMLElement ? node : null;
}

/**
 * @param {number} index
 * @param {number} step
 * @param {string} action
 */
function move(index, step, action) {
  const target = index + step;
  if (target < 0 || target >= state.items.length) return;
  [state.items[index], state.items[target]] = [state.items[target], state.items[index]];
  renderBuilder();
  find(`#program-items > li:nth-child(${target + 1}) [data-action="${action}"]`)?.focus();
}

/** @param {number} index */
function remove(index) {
  const [removed] = state.items.splice(index, 1);
  renderBuilder();
  const next = find(`#program-items > li:nth-child(${Math.min(index + 1, state.items.length)}) [data-action="remove"]`);
  (next || find(`[data-add="${removed.slug}"]`))?.focus();
}

function updateLink() {
  const link = programLink(state);
  byId("program-link", HTMLInputElement).value = state.items.length ? link : "";
  const open = byId("program-open", HTMLAnchorElement);
  open.href = state.items.length ? `${location.pathname}#${encode(state)}` : "#";
  open.toggleAttribute("aria-disabled", state.items.length === 0);
}

// An exercise's figure from the build (assets/figures/<slug>.svg), reused with <use> so it takes
// the page's colours (an <img> could not). Named by its text alternative, or hidden from
// assistive technology where the exercise's name sits next to it.
/**
 * @param {Figure} figure
 * @param {boolean} named
 * @returns {SVGSVGElement}
 */
function exerciseFigure(figure, named) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
  use.setAttribute("href", `${figure.href}#figure`);
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
  /** @type {Map<string, Exercise[]>} */
  const groups = new Map();
  for (const exercise of data.exercises) {
    const members = groups.get(exercise.purpose) ?? [];
    members.push(exercise);
    groups.set(exercise.purpose, members);
  }
  /** @type {HTMLElement[]} */
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
              find(`#program-items > li:last-child input`)?.focus();
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
  byId("program-choices", HTMLElement).replaceChildren(...parts);
}

function renderBuilder() {
  renderChoices();
  byId("program-items", HTMLElement).replaceChildren(...state.items.map(itemEditor));
  byId("program-empty", HTMLElement).hidden = state.items.length > 0;
  updateLink();
}

/** @param {Decoded} decoded */
function showBuilder(decoded) {
  view.hidden = true;
  builder.hidden = false;
  document.body.dataset.programMode = "build";
  state.title = "";
  state.items = [];
  if (decoded.status === "ok") {
    state.title = decoded.title;
    for (const item of decoded.items) {
      const { slug, problems: _problems, known: _known, ...values } = item;
      add(slug, values);
    }
  }
  const requested = new URLSearchParams(location.search).get("add");
  if (requested) add(guide.formerSlugs.get(requested) ?? requested);
  const title = byId("program-title", HTMLInputElement);
  title.maxLength = TITLE_LENGTH;
  title.value = state.title;
  title.oninput = () => {
    state.title = title.value.trim();
    updateLink();
  };
  byId("program-copy", HTMLButtonElement).onclick = async () => {
    const status = byId("program-copied", HTMLElement);
    const input = byId("program-link", HTMLInputElement);
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
  const decoded = decode(location.hash, guide);
  const editing = new URLSearchParams(location.search).has("edit");
  if (decoded.status === "empty" || editing) showBuilder(decoded);
  else showView(decoded);
}

addEventListener("hashchange", route);
route();
