// The clinician's program builder: templates applied in one click, every exercise added with the
// guide's starting dose, each dose editable within the link's limits, and a link, a print and a
// patient view of the program. The builder keeps its own address (?edit#v1,...) up to date, so a
// reload keeps the work.

import { DOSE, LOAD_LENGTH, MAX_ITEMS, NOTE_LENGTH, TITLE_LENGTH } from "../common/contract.js";
import { button, byId, element } from "../common/dom.js";
import { exerciseFigure } from "./figure.js";
import { dosageText, encode, episodeOf, newEpisode } from "./link.js";
import { data, exercises, guide } from "./page-data.js";
import { patientLink, programView } from "./patient.js";
import { qrFigure } from "./qr.js";

/** @typedef {import("./link.js").ProgramItem} ProgramItem */
/** @typedef {import("./link.js").Decoded} Decoded */
/** @typedef {import("./page-data.js").Exercise} Exercise */
/** @typedef {ProgramItem & {uid: number}} BuilderItem */
/** @typedef {"s" | "r" | "h" | "t" | "times"} NumberKey */
/** @typedef {Omit<ProgramItem, "slug">} Dose */

const view = byId("program-view", HTMLElement);
const builder = byId("program-builder", HTMLElement);

/**
 * The program being built; its episode is kept through every change, so the patient's record
 * carries on when the new link replaces the old one. `added` is the item last added, shown in
 * the panel and the phone's bar.
 * @type {{title: string, items: BuilderItem[], episode: string, revision: number, added: BuilderItem | undefined}}
 */
const state = { title: "", items: [], episode: "", revision: 1, added: undefined };

let uid = 0;

/** @param {string} text */
function announce(text) {
  const status = byId("program-announce", HTMLElement);
  // A change of text is what a polite live region reads; clear first so a repeat is read too.
  status.textContent = "";
  requestAnimationFrame(() => {
    status.textContent = text;
  });
}

/**
 * @param {BuilderItem} item
 * @param {NumberKey} key
 * @param {string} label
 * @param {readonly [number, number]} range
 */
function numberField(item, key, label, [min, max]) {
  const id = `item-${item.uid}-${key}`;
  const input = element("input", {
    id,
    type: "number",
    inputmode: "numeric",
    min: String(min),
    max: String(max),
    step: "1",
  });
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
    { "data-slug": item.slug, "data-uid": String(item.uid) },
    element(
      "fieldset",
      {},
      element("legend", {}, `${index + 1}. ${name}`),
      element("p", { class: "kg-guide-dose" }, guideDose(exercise)),
      element(
        "div",
        { class: "kg-doses" },
        numberField(item, "s", "Sets", DOSE.s),
        numberField(item, "r", "Repetitions", DOSE.r),
        numberField(item, "h", "Hold (seconds)", DOSE.h),
        element("p", { class: "kg-dose kg-dose--check" }, side, element("label", { for: sideId }, "Each side")),
        numberField(item, "t", "Rest between sets (seconds)", DOSE.t),
        textField(item, "l", "Load (band colour or weight)", LOAD_LENGTH),
        numberField(item, "times", "Times", DOSE.d),
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

/** @param {BuilderItem} item */
function itemNode(item) {
  return find(`#program-items > li[data-uid="${item.uid}"]`);
}

/**
 * Shows the last addition where the clinician is looking: in the program panel beside the list on
 * a wide screen (scrolled within the panel, never the page), in the bar at the foot of a phone's
 * screen; with a way to change its dose and to undo it.
 */
function showAdded() {
  const line = byId("program-added", HTMLElement);
  const item = state.added && state.items.includes(state.added) ? state.added : undefined;
  if (!item) {
    line.replaceChildren();
    return;
  }
  const name = exercises.get(item.slug)?.name ?? item.slug;
  line.replaceChildren(
    element("span", {}, `${name} added: ${dosageText(item)}. `),
    button(
      "Change",
      () => itemNode(item)?.querySelector("input")?.focus(),
      { id: "program-added-change" },
      `: ${name}`,
    ),
    " ",
    button("Undo", () => undo(item), { id: "program-added-undo" }, `: ${name}`),
  );
  const node = itemNode(item);
  if (node) reveal(node);
}

/**
 * Scrolls the program panel's list, never the page, to show `node`: on a wide screen the panel is
 * sticky and its list scrolls on its own; on a phone it does not, and this does nothing.
 * @param {HTMLElement} node
 * @returns {boolean} whether the panel scrolls on its own
 */
function reveal(node) {
  const panel = byId("program-panel-body", HTMLElement);
  if (panel.scrollHeight <= panel.clientHeight) return false;
  const inner = panel.getBoundingClientRect();
  const box = node.getBoundingClientRect();
  // The end of the item (its note, its buttons) is what the clinician reaches for next.
  if (box.bottom > inner.bottom) panel.scrollTop += box.bottom - inner.bottom;
  else if (box.top < inner.top) panel.scrollTop -= inner.top - box.top;
  return true;
}

/** @param {BuilderItem} item */
function undo(item) {
  state.items = state.items.filter((other) => other !== item);
  state.added = undefined;
  renderBuilder();
  find(`[data-add="${item.slug}"]`)?.focus();
  announce(`Removed ${exercises.get(item.slug)?.name ?? "the exercise"}. ${state.items.length} left.`);
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
  const qrToggle = byId("program-qr-toggle", HTMLButtonElement);
  qrToggle.disabled = !has;
  const qr = byId("program-qr", HTMLElement);
  if (!has) setQr(false);
  else if (!qr.hidden) qr.replaceChildren(qrFigure(patientLink(state)));
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
  if (has)
    view.replaceChildren(
      ...programView(
        {
          title: state.title,
          episode: state.episode,
          revision: state.revision,
          items: state.items.map((item) => ({ ...item, known: true, problems: [] })),
        },
        { clinician: false, companion: false },
      ),
    );
}

/** @param {boolean} shown */
function setQr(shown) {
  const toggle = byId("program-qr-toggle", HTMLButtonElement);
  const qr = byId("program-qr", HTMLElement);
  toggle.setAttribute("aria-expanded", String(shown));
  toggle.firstChild?.replaceWith(shown ? "Hide QR code" : "Show QR code");
  qr.hidden = !shown;
  qr.replaceChildren(...(shown ? [qrFigure(patientLink(state))] : []));
  if (shown && !reveal(qr)) qr.scrollIntoView({ block: "nearest" });
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
              state.added = state.items[state.items.length - 1];
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
            state.added = undefined;
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
  const count = state.items.length;
  byId("program-count", HTMLElement).textContent = count ? `${count} of at most ${MAX_ITEMS} exercises.` : "";
  byId("program-n", HTMLElement).textContent = String(count);
  byId("program-bar", HTMLElement).hidden = count === 0;
  byId("program-review", HTMLElement).textContent = `${count} exercise${count === 1 ? "" : "s"}: review and share`;
  updateLink();
  showAdded();
}

/** @param {Decoded} decoded */
export function showBuilder(decoded) {
  builder.hidden = false;
  view.classList.add("kg-handout-only");
  document.body.dataset.programMode = "build";
  state.title = "";
  state.items = [];
  state.episode = decoded.status === "ok" ? episodeOf(decoded) : newEpisode();
  state.revision = decoded.status === "ok" ? (decoded.revision ?? 1) : 1;
  state.added = undefined;
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
  const review = byId("program-next-review", HTMLInputElement);
  review.oninput = () => {
    const date = review.valueAsDate;
    byId("program-review-printed", HTMLElement).hidden = !date;
    byId("program-review-date", HTMLElement).textContent = date
      ? date.toLocaleDateString(undefined, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
      : "";
  };
  byId("program-review", HTMLButtonElement).onclick = () => {
    const heading = byId("your-program", HTMLElement);
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  };
  const qrToggle = byId("program-qr-toggle", HTMLButtonElement);
  qrToggle.onclick = () => setQr(qrToggle.getAttribute("aria-expanded") !== "true");
  renderTemplates();
  renderChoices();
  renderBuilder();
}
