// The exercise-program page: the clinician's builder and the patient's view. The whole program
// lives in the link's fragment (after "#", never sent to a server); program-link.js reads and
// writes it, and holds the limits both sides enforce.
//
// Three addresses, one page:
//   /program/#v1,...          the patient's link: the program, no way to change it
//   /program/?edit#v1,...     the builder; it keeps its own address up to date, so a reload keeps the work
//   /program/?preview#v1,...  the clinician's look at the patient view, with "Change this program"

import qrcode from "../../vendor/qrcode.mjs";
import { mountCompanion } from "../companion/mount.js";
import { fillFigures } from "../companion/log.js";
import { LIMITS, LOAD_LENGTH, MAX_ITEMS, NOTE_LENGTH, TITLE_LENGTH, decode, dosageText, encode } from "./link.js";

/** @typedef {import("./link.js").Program} Program */
/** @typedef {import("./link.js").ProgramItem} ProgramItem */
/** @typedef {import("./link.js").Decoded} Decoded */
/** @typedef {import("./link.js").DecodedItem} DecodedItem */
/** @typedef {ProgramItem & {uid: number}} BuilderItem */
/** @typedef {"s" | "r" | "h" | "t" | "times"} NumberKey */
/** @typedef {Omit<ProgramItem, "slug">} Dose */

/**
 * An exercise as the page's embedded data lists it (kneeguide/pages/program.py).
 * @typedef {object} Exercise
 * @property {string} slug
 * @property {string} name
 * @property {string} purpose
 * @property {string} href
 * @property {string[]} steps
 * @property {Figure | null} figure
 * @property {Dose} dose the guide's starting dose (empty when the guide gives none)
 * @property {"reference" | "editorial" | "clinician-reviewed" | "not-given"} doseSource
 * @property {string | null} frequency the guide's "how often", in words
 * @property {string[]} easier slugs of the easier versions
 */

/**
 * @typedef {object} Template
 * @property {string} slug
 * @property {string} name
 * @property {string} summary
 * @property {ProgramItem[]} items
 */

/**
 * @typedef {object} PageData
 * @property {Exercise[]} exercises
 * @property {Record<string, string>} formerSlugs
 * @property {Template[]} templates
 * @property {import("../companion/mount.js").PainRule & {stopRule: string}} painRule
 * @property {{minimalChange: number}} psfs
 * @property {string} triage the address of the page listing the warning signs
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

/** @type {PageData} */
const data = JSON.parse(byId("program-data", HTMLScriptElement).text);
/** @type {Map<string, Exercise>} */
const exercises = new Map(data.exercises.map((exercise) => [exercise.slug, exercise]));
/** @type {import("./link.js").Guide} */
const guide = { slugs: new Set(exercises.keys()), formerSlugs: new Map(Object.entries(data.formerSlugs)) };
const view = byId("program-view", HTMLElement);
const builder = byId("program-builder", HTMLElement);

/**
 * The link the patient receives: no flag, so no "Change this program".
 * @param {Program} program
 */
function patientLink(program) {
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

/** @param {string} text */
function announce(text) {
  const status = byId("program-announce", HTMLElement);
  // A change of text is what a polite live region reads; clear first so a repeat is read too.
  status.textContent = "";
  requestAnimationFrame(() => {
    status.textContent = text;
  });
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

/**
 * The exercise page's address, carrying this program's dose in its fragment (never sent to a
 * server), so the page shows the clinician's dose beside the guide's.
 * @param {Exercise} exercise
 * @param {ProgramItem} item
 */
function exerciseHref(exercise, item) {
  const { slug, s, r, h, e, t, l, times, per, note } = item;
  return `${exercise.href}#${encode({ title: "", items: [{ slug, s, r, h, e, t, l, times, per, note }] })}`;
}

// --- patient view -----------------------------------------------------------------------------

/** @param {string} text */
function message(text) {
  return element("div", { class: "admonition warning kg-program-message", role: "alert" }, element("p", {}, text));
}

function stopRule() {
  const rule = data.painRule;
  return element(
    "div",
    { class: "admonition warning kg-stop-rule" },
    element("p", { class: "admonition-title" }, "When to stop"),
    element(
      "p",
      {},
      fillFigures(rule.stopRule, { max_pain: rule.maxPain, settle_minutes: rule.settleMinutes, high_pain: rule.highPain }),
    ),
  );
}

/**
 * The patient view of a program, also the printed handout.
 * @param {{title: string, items: DecodedItem[]}} program
 * @param {{clinician: boolean, companion: boolean}} options
 */
function programView(program, { clinician, companion }) {
  const link = patientLink(program);
  /** @type {HTMLElement[]} */
  const parts = [stopRule(), element("h2", { id: "program-heading" }, program.title || "Your exercise program")];
  const list = element("ol", { class: "kg-program" });
  for (const item of program.items) {
    const exercise = exercises.get(item.slug);
    const entry = element("li", { "data-slug": item.slug });
    for (const problem of item.problems) entry.append(message(problem));
    if (exercise) {
      entry.append(
        element("h3", {}, element("a", { href: exerciseHref(exercise, item) }, exercise.name)),
        exercise.figure ? exerciseFigure(exercise.figure, true) : "",
        element("p", { class: "kg-program-dosage" }, element("strong", {}, "Dosage: "), dosageText(item)),
      );
      if (item.note) entry.append(element("p", { class: "kg-program-note" }, element("strong", {}, "Note: "), item.note));
      entry.append(element("ol", { class: "kg-program-steps" }, ...exercise.steps.map((step) => element("li", {}, step))));
    }
    list.append(entry);
  }
  if (companion) {
    parts.push(
      element(
        "p",
        { class: "kg-jump" },
        button("Go to today's session", () => {
          const heading = document.getElementById("companion-heading");
          heading?.setAttribute("tabindex", "-1");
          heading?.scrollIntoView({ block: "start" });
          heading?.focus({ preventScroll: true });
        }, { id: "program-jump" }),
      ),
    );
  }
  parts.push(list);
  if (companion) parts.push(element("section", { id: "companion", class: "kg-companion", "aria-labelledby": "companion-heading" }));

  const panel = element(
    "div",
    { id: "program-share", class: "kg-share kg-collapsed" },
    element("p", { class: "kg-program-actions" }, button("Print this program", () => window.print(), { id: "program-print-view" })),
    qrFigure(link),
  );
  const toggle = button(
    "Share or print",
    () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      panel.classList.toggle("kg-collapsed", !open);
    },
    { id: "program-share-toggle", "aria-expanded": "false", "aria-controls": "program-share" },
  );
  const actions = element("p", { class: "kg-program-actions" }, toggle);
  if (clinician) {
    actions.append(" ", element("a", { class: "md-button", id: "program-change", href: `?edit#${encode(program)}` }, "Change this program"));
  }
  parts.push(actions, panel);
  return parts;
}

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
    if (section) mountCompanion(section, decoded, { exercises, painRule: data.painRule, psfs: data.psfs, triage: data.triage, key: encode(decoded) });
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
    item[key] = input.value !== "" && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
    input.setAttribute("aria-invalid", input.value !== "" && item[key] === undefined ? "true" : "false");
    updateLink();
  });
  return element("p", { class: "kg-dose" }, element("label", { for: id }, label), input);
}

/**
 * @param {BuilderItem} item
 * @param {"l" | "note"} key
 * @param {string} label
 * @param {number} length
 * @param {string} [className]
 */
function textField(item, key, label, length, className = "kg-dose kg-dose--text") {
  const id = `item-${item.uid}-${key}`;
  const input = element("input", { id, type: "text", maxlength: String(length), autocomplete: "off" });
  input.value = item[key] || "";
  input.addEventListener("input", () => {
    item[key] = input.value.trim() || undefined;
    updateLink();
  });
  return element("p", { class: className }, element("label", { for: id }, label), input);
}

/** @param {Exercise | undefined} exercise */
function guideDose(exercise) {
  if (!exercise) return "";
  if (exercise.doseSource === "not-given") return "The guide gives no starting dose for this exercise.";
  const words = dosageText({ slug: exercise.slug, ...exercise.dose, times: undefined });
  return `The guide's starting dose: ${words}${exercise.frequency ? `, ${exercise.frequency}` : ""}.`;
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
  const sideId = `item-${item.uid}-e`;
  const side = element("input", { id: sideId, type: "checkbox" });
  side.checked = Boolean(item.e);
  side.addEventListener("change", () => {
    item.e = side.checked || undefined;
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
      element("p", { class: "kg-guide-dose" }, guideDose(exercise)),
      element(
        "div",
        { class: "kg-doses" },
        numberField(item, "s", "Sets", LIMITS.s),
        numberField(item, "r", "Repetitions", LIMITS.r),
        numberField(item, "h", "Hold (seconds)", LIMITS.h),
        element("p", { class: "kg-dose kg-dose--check" }, side, element("label", { for: sideId }, "Each side")),
        numberField(item, "t", "Rest between sets (seconds)", LIMITS.t),
        textField(item, "l", "Load (band colour or weight)", LOAD_LENGTH),
        numberField(item, "times", "Times", LIMITS.d),
        element("p", { class: "kg-dose" }, element("label", { for: perId }, "Per"), per),
      ),
      textField(item, "note", "Note (optional, short)", NOTE_LENGTH, "kg-dose kg-dose--note"),
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
 * Adds an exercise once, up to the link's limit of exercises; a new one starts with the guide's
 * starting dose.
 * @param {string} slug
 * @param {Dose} [values]
 * @returns {boolean} whether it was added
 */
function add(slug, values) {
  const exercise = exercises.get(slug);
  if (!exercise || state.items.length >= MAX_ITEMS) return false;
  if (state.items.some((item) => item.slug === slug)) return false;
  uid += 1;
  state.items.push({ ...(values ?? exercise.dose), slug, uid });
  return true;
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
  announce(`Moved ${action} to number ${target + 1}.`);
}

/** @param {number} index */
function remove(index) {
  const [removed] = state.items.splice(index, 1);
  renderBuilder();
  const next = find(`#program-items > li:nth-child(${Math.min(index + 1, state.items.length)}) [data-action="remove"]`);
  (next || find(`[data-add="${removed.slug}"]`))?.focus();
  announce(`Removed ${exercises.get(removed.slug)?.name ?? "the exercise"}. ${state.items.length} left.`);
}

/** The builder's own address holds its state, so a reload (or the back button) keeps the work. */
function updateLink() {
  const has = state.items.length > 0;
  const fragment = has ? encode(state) : "";
  history.replaceState(null, "", `${location.pathname}?edit${has ? `#${fragment}` : ""}`);
  byId("program-link", HTMLInputElement).value = has ? patientLink(state) : "";
  byId("program-copy", HTMLButtonElement).disabled = !has;
  byId("program-print", HTMLButtonElement).disabled = !has;
  const open = byId("program-open", HTMLAnchorElement);
  if (has) {
    open.href = `?preview#${fragment}`;
    open.removeAttribute("aria-disabled");
  } else {
    open.removeAttribute("href");
    open.setAttribute("aria-disabled", "true");
  }
  byId("program-copied", HTMLElement).textContent = "";
  // The printed handout: the patient view, shown only on paper while building.
  view.hidden = !has;
  if (has) view.replaceChildren(...programView({ title: state.title, items: state.items.map((item) => ({ ...item, known: true, problems: [] })) }, { clinician: false, companion: false }));
}

/** Marks each "Add" button as added or not, in place, so focus stays where it is. */
function updateChoices() {
  for (const node of document.querySelectorAll("[data-add]")) {
    if (!(node instanceof HTMLButtonElement)) continue;
    const chosen = state.items.some((item) => item.slug === node.dataset.add);
    node.setAttribute("aria-disabled", String(chosen || state.items.length >= MAX_ITEMS));
    node.firstChild?.replaceWith(chosen ? "Added" : "Add");
  }
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
          const add_ = button(
            "Add",
            () => {
              if (!add(exercise.slug)) return;
              renderBuilder();
              const dose = guideDose(exercise);
              announce(`${exercise.name} added as number ${state.items.length}. ${dose} Change it under Your program.`);
            },
            { "data-add": exercise.slug },
            `: ${exercise.name}`,
          );
          const figure = exercise.figure ? exerciseFigure(exercise.figure, false) : "";
          return element("li", {}, figure, add_, " ", element("a", { href: exercise.href }, exercise.name));
        }),
      ),
    );
  }
  byId("program-choices", HTMLElement).replaceChildren(...parts);
}

function renderTemplates() {
  const list = element(
    "ul",
    { class: "kg-templates" },
    ...data.templates.map((template) =>
      element(
        "li",
        {},
        button(
          `Use "${template.name}"`,
          () => {
            state.items = [];
            for (const item of template.items) {
              const { slug, ...values } = item;
              add(slug, values);
            }
            if (!state.title) {
              state.title = template.name;
              byId("program-title", HTMLInputElement).value = state.title;
            }
            renderBuilder();
            announce(
              `${template.name} applied: ${state.items.length} exercises, each with a dose you can change under Your program.`,
            );
          },
          { "data-template": template.slug },
        ),
        " ",
        element("span", { class: "kg-template-summary" }, template.summary),
      ),
    ),
  );
  byId("program-templates", HTMLElement).replaceChildren(list);
}

function renderBuilder() {
  updateChoices();
  byId("program-items", HTMLElement).replaceChildren(...state.items.map(itemEditor));
  byId("program-empty", HTMLElement).hidden = state.items.length > 0;
  byId("program-count", HTMLElement).textContent = state.items.length
    ? `${state.items.length} of at most ${MAX_ITEMS} exercises.`
    : "";
  updateLink();
}

/** @param {Decoded} decoded */
function showBuilder(decoded) {
  builder.hidden = false;
  view.classList.add("kg-handout-only");
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
    if (!input.value) return;
    try {
      await navigator.clipboard.writeText(input.value);
      status.textContent = "Link copied.";
    } catch {
      input.select();
      status.textContent = "Select the link and copy it.";
    }
  };
  byId("program-print", HTMLButtonElement).onclick = () => window.print();
  renderTemplates();
  renderChoices();
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
