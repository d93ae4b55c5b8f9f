// The recovery calculator page. The estimate always comes from the project's Python estimator:
// at build time for the default answer (embedded in the page), then from Pyodide in a module
// worker. This file only moves answers between the form, the URL and the worker, and shows
// the estimator's result; it computes nothing itself.

const START_TIMEOUT_MS = window.KNEE_GUIDE_START_TIMEOUT_MS || 30000;

const data = JSON.parse(document.getElementById("calculator-data").textContent);
const form = document.getElementById("calculator");
const statusText = document.getElementById("calculator-status-text");
const progress = document.getElementById("calculator-progress");
const resultBody = document.getElementById("result-body");
const resultSection = document.getElementById("calculator-result");

const BOOLEANS = new Set(["ran_through_pain", "high_bmi"]);

let worker = null;
let ready = false;
let failed = false;
let latest = 0;
let pending = null;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function link(href, text, title) {
  const a = element("a", { href }, text);
  if (title) a.title = title;
  return a;
}

// --- answers: URL <-> JSON <-> form ---------------------------------------------------------

function fromQuery(search) {
  const params = new URLSearchParams(search);
  const input = { ...data.typicalInput };
  for (const field of data.fields) {
    if (!params.has(field)) continue;
    const raw = params.get(field);
    if (field === "red_flags") {
      input[field] = raw === "" ? [] : raw.split(",");
    } else if (field === "symptom_weeks") {
      input[field] = raw.trim() !== "" && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    } else if (BOOLEANS.has(field)) {
      input[field] = raw === "true" ? true : raw === "false" ? false : raw;
    } else {
      input[field] = raw;
    }
  }
  return input;
}

function toQuery(input) {
  const params = new URLSearchParams();
  for (const field of data.fields) {
    const value = input[field];
    if (value === undefined) continue;
    params.set(field, Array.isArray(value) ? value.join(",") : String(value));
  }
  return params.toString().replaceAll("%2C", ",");
}

function fromForm() {
  const input = {};
  for (const field of data.fields) {
    const controls = form.elements.namedItem(field);
    if (field === "red_flags") {
      input[field] = [...form.querySelectorAll('input[name="red_flags"]:checked')].map((c) => c.value);
    } else if (field === "high_bmi") {
      input[field] = form.querySelector('input[name="high_bmi"]').checked;
    } else if (field === "symptom_weeks") {
      const text = controls.value.trim();
      input[field] = text === "" || Number.isNaN(Number(text)) ? null : Number(text);
    } else {
      const value = controls.value;
      if (value === "") input[field] = null;
      else input[field] = BOOLEANS.has(field) ? value === "true" : value;
    }
  }
  return input;
}

function toForm(input) {
  for (const field of data.fields) {
    const value = input[field];
    if (field === "red_flags") {
      const flags = Array.isArray(value) ? value : [];
      for (const box of form.querySelectorAll('input[name="red_flags"]')) box.checked = flags.includes(box.value);
    } else if (field === "high_bmi") {
      form.querySelector('input[name="high_bmi"]').checked = value === true;
    } else if (field === "symptom_weeks") {
      form.elements.namedItem(field).value = typeof value === "number" ? String(value) : "";
    } else {
      for (const control of form.querySelectorAll(`[name="${field}"]`)) {
        if (control.type === "radio") control.checked = control.value === String(value);
        else control.value = String(value);
      }
    }
  }
}

function sameInput(a, b) {
  return toQuery(a) === toQuery(b);
}

// --- showing results -------------------------------------------------------------------------

function answerLabel(field, answer) {
  if (field === "symptom_weeks") return `${answer} week${answer === 1 ? "" : "s"}`;
  const controls = form.elements.namedItem(field);
  if (controls instanceof HTMLSelectElement) {
    const option = [...controls.options].find((o) => o.value === String(answer));
    return option ? option.textContent.trim() : String(answer);
  }
  const control = form.querySelector(`[name="${field}"][value="${String(answer)}"]`);
  return control ? control.parentElement.textContent.trim() : String(answer);
}

function citations(slugs) {
  return slugs
    .filter((slug) => Object.hasOwn(data.references, slug))
    .flatMap((slug, index) => {
      const ref = data.references[slug];
      const item = link(ref.href, `[${ref.number}]`, ref.title);
      return index === 0 ? [item] : [" ", item];
    });
}

function source(factor) {
  const size = factor.timeline
    ? ["Size: our judgement, anchored to ", link(data.timelines, "typical recovery times"), "."]
    : ["Size: our judgement."];
  if (factor.references.length > 0) return ["Direction: ", ...citations(factor.references), ". ", ...size];
  return size;
}

function days(count) {
  if (count % 7 === 0 && count > 0) return `${count / 7} week${count === 7 ? "" : "s"}`;
  return `${count} day${count === 1 ? "" : "s"}`;
}

function showErrors(errors) {
  for (const node of form.querySelectorAll(".kg-error")) {
    node.hidden = true;
    node.textContent = "";
  }
  for (const node of form.querySelectorAll("[aria-invalid]")) node.removeAttribute("aria-invalid");
  for (const [field, message] of Object.entries(errors)) {
    const target = document.getElementById(`error-${field}`) || document.getElementById("error-input");
    target.textContent = target.id === "error-input" ? `${field}: ${message}` : message;
    target.hidden = false;
    for (const control of form.querySelectorAll(`[name="${field}"]`)) control.setAttribute("aria-invalid", "true");
  }
}

function renderReferral(result) {
  return [
    element(
      "div",
      { class: "admonition danger kg-refer" },
      element("p", { class: "admonition-title" }, result.headline),
      element(
        "ul",
        {},
        ...result.red_flags
          .filter((code) => Object.hasOwn(data.redFlags, code))
          .map((code) => {
            const flag = data.redFlags[code];
            return element("li", { "data-tier": flag.tier }, element("strong", {}, `${flag.name}. `), flag.action);
          }),
      ),
      element(
        "p",
        {},
        "These signs do not fit runner's knee, so no recovery time is given. ",
        link(data.clinician, "When to get help"),
        " says how urgently.",
      ),
    ),
  ];
}

function renderOutlook(result) {
  return [
    element("p", { class: "kg-headline" }, element("strong", {}, result.headline)),
    ...data.outlook.map((paragraph) =>
      element("p", {}, paragraph.text, " ", ...citations(paragraph.references)),
    ),
    element(
      "p",
      {},
      "What to do: see a physio, who can set an exercise plan for the weeks ahead. Read ",
      link(data.recovery, "how long it takes"),
      ".",
    ),
  ];
}

function renderEstimate(result) {
  const weeks = result.weeks;
  const table = element(
    "table",
    {},
    element("caption", {}, "What shapes your estimate"),
    element(
      "thead",
      {},
      element(
        "tr",
        {},
        element("th", { scope: "col" }, "Factor"),
        element("th", { scope: "col" }, "Your answer"),
        element("th", { scope: "col" }, "Effect"),
        element("th", { scope: "col" }, "Why"),
        element("th", { scope: "col" }, "Source"),
      ),
    ),
    element(
      "tbody",
      {},
      ...result.factors.map((factor) =>
        element(
          "tr",
          { "data-factor": factor.factor },
          element("th", { scope: "row" }, factor.label),
          element("td", { "data-label": "Your answer" }, answerLabel(factor.factor, factor.answer)),
          element(
            "td",
            { class: "kg-effect", "data-label": "Effect" },
            factor.days_added > 0 ? `+${days(factor.days_added)}` : "none",
          ),
          element("td", { "data-label": "Why" }, factor.why),
          element("td", { "data-label": "Source" }, ...source(factor)),
        ),
      ),
    ),
  );
  const phases = element(
    "ol",
    { class: "kg-phases" },
    ...result.phases.map((phase) =>
      element(
        "li",
        { "data-phase": phase.phase },
        element("h3", {}, `${phase.name} (${days(phase.days)})`),
        element("ul", {}, ...phase.what.map((text) => element("li", {}, text))),
        element(
          "p",
          { class: "kg-exercises" },
          "Exercises: ",
          ...phase.exercises.flatMap((slug, index) => {
            const exercise = data.exercises[slug];
            const item = exercise ? link(exercise.href, exercise.name) : slug;
            return index === 0 ? [item] : [", ", item];
          }),
        ),
        element("p", {}, element("strong", {}, "Move on when: "), phase.move_on_when),
      ),
    ),
  );
  return [
    element("p", { class: "kg-headline" }, element("strong", {}, result.headline)),
    element(
      "p",
      { class: "kg-range" },
      `Most likely ${days(weeks.likely * 7)}; range ${weeks.low} to ${weeks.high} weeks${result.open_ended ? " or more" : ""}.`,
    ),
    element(
      "p",
      {},
      `The best case is ${days(result.base_days)}. Each answer below adds its share of the rest; ` +
        "the shares follow how much each answer multiplies the estimate, and add up to the total.",
    ),
    element("div", { class: "kg-factors" }, table),
    element("h3", {}, "Your way back to running"),
    phases,
  ];
}

function render(result, note) {
  const parts =
    result.kind === "refer" ? renderReferral(result) : result.kind === "outlook" ? renderOutlook(result) : renderEstimate(result);
  if (note) parts.unshift(element("p", { class: "kg-note" }, note));
  parts.push(element("p", { class: "kg-disclaimer" }, result.disclaimer));
  resultBody.replaceChildren(...parts);
  resultSection.dataset.state = result.kind;
}

function setStatus(text, busy) {
  statusText.textContent = text;
  progress.hidden = !busy;
  resultSection.setAttribute("aria-busy", busy ? "true" : "false");
}

// --- the worker ------------------------------------------------------------------------------

function ask(input) {
  latest += 1;
  resultSection.dataset.requested = String(latest);
  worker.postMessage({ id: latest, input });
}

function onAnswer(input) {
  history.replaceState(null, "", `?${toQuery(input)}${location.hash}`);
  if (ready) {
    ask(input);
  } else if (!failed) {
    pending = input;
  }
}

function fail(reason) {
  if (failed || ready) return;
  failed = true;
  worker?.terminate();
  setStatus(
    `The calculator could not start (${reason}). The answer shown is for the typical case; ` +
      "the recovery time page explains the ranges.",
    false,
  );
  render(data.typicalResult, "Answer for the typical case (the calculator could not work out yours):");
  resultSection.dataset.state = "failed";
}

function startWorker() {
  const timer = setTimeout(() => fail("it took too long to load"), START_TIMEOUT_MS);
  try {
    worker = new Worker(new URL("calculator-worker.js", import.meta.url), { type: "module" });
  } catch (error) {
    clearTimeout(timer);
    fail(error.message);
    return;
  }
  worker.onerror = (event) => {
    clearTimeout(timer);
    fail(event.message || "the worker failed");
  };
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.type === "progress") {
      setStatus(
        message.stage === "runtime"
          ? "Starting the calculator: loading Python (about 6 MB the first time)…"
          : "Starting the calculator: loading the estimator…",
        true,
      );
    } else if (message.type === "ready") {
      clearTimeout(timer);
      if (failed) return;
      ready = true;
      setStatus("Calculator ready: the estimate updates as you change your answers.", false);
      resultSection.dataset.python = message.python;
      ask(pending || fromForm());
      pending = null;
    } else if (message.type === "failed") {
      clearTimeout(timer);
      fail(message.reason);
    } else if (message.type === "result" && message.id === latest) {
      const response = message.response;
      if (response.errors) {
        showErrors(response.errors);
        resultSection.dataset.state = "invalid";
      } else {
        showErrors({});
        render(response.result);
      }
      resultSection.dataset.answered = String(message.id);
      performance.mark(message.id === 1 ? "kg-first-estimate" : "kg-estimate");
      if (performance.getEntriesByName("kg-input").length) performance.measure("kg-recompute", "kg-input");
    }
  };
}

function main() {
  const initial = fromQuery(location.search);
  toForm(initial);
  if (sameInput(initial, data.typicalInput)) {
    render(data.typicalResult);
  } else {
    render(data.typicalResult, "Answer for the typical case, until the calculator has worked out yours:");
    pending = initial;
  }
  form.addEventListener("input", () => {
    performance.mark("kg-input");
    onAnswer(fromForm());
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  setStatus("Starting the calculator…", true);
  startWorker();
}

main();
