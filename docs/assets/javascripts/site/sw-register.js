// The offline copy: the site's service worker (written at build time; see
// kneeguide/bundle/service_worker.py) and its precache of the main pages, the exercises, the
// program page and the site's assets. It is made only when the reader shows they need it:
// opening a program (program/page.js calls keepOffline), the calculator's first answer, or
// "Keep this guide for offline use"; never on a first read, never when the browser asks to save
// data, and not in a `mkdocs serve` preview. Once made, a later visit to a page that loads this
// module re-registers it when the page is idle and says when a newer version is ready; the new
// version takes over only when the reader chooses "Update now", so no page mixes two builds.

// Written into the pages that offer the copy (kneeguide/bundle/inline.py), where import.meta.url is
// the page's own address: the site's root is Material's scope, set in every page's head.
const root = __md_scope;

/**
 * Sent by calculator/page.js once its first answer is shown and its worker's snapshot is made (or
 * none will be), or once it has given up.
 */
export const CALCULATOR_SETTLED = "kg-calculator-settled";

/** Why no offline copy can be made here, if none can. @returns {"serving" | "saving" | "unsupported" | null} */
function refusal() {
  if (document.querySelector('meta[name="kg-offline"]')?.getAttribute("content") === "off") return "serving";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return "unsupported";
  const connection = /** @type {{connection?: {saveData?: boolean}}} */ (navigator).connection;
  if (connection?.saveData === true) return "saving";
  return null;
}

/** @param {() => void} task */
function whenIdle(task) {
  if ("requestIdleCallback" in window) requestIdleCallback(task, { timeout: 5000 });
  else setTimeout(task, 0);
}

/** @param {ServiceWorker} worker */
function offerUpdate(worker) {
  if (document.getElementById("kg-update")) return;
  const box = document.createElement("div");
  box.id = "kg-update";
  box.className = "kg-update md-typeset";
  box.setAttribute("role", "status");
  const text = document.createElement("p");
  text.textContent = "A newer version of the guide is available. ";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.id = "kg-update-now";
  button.textContent = "Update now";
  button.addEventListener("click", () => {
    navigator.serviceWorker.addEventListener("controllerchange", () => location.reload(), { once: true });
    worker.postMessage({ type: "SKIP_WAITING" });
  });
  text.append(button);
  box.append(text);
  document.body.append(box);
}

/** @returns {Promise<void>} resolves once the offline copy is complete */
async function register() {
  const registration = await navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname });
  /** @param {ServiceWorker | null} worker a newer build, still installing */
  const watch = (worker) =>
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  registration.addEventListener("updatefound", () => watch(registration.installing));
  watch(registration.installing);
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  document.documentElement.dataset.serviceWorker = "registered";
  await navigator.serviceWorker.ready;
  document.documentElement.dataset.offlineCopy = "ready";
}

/** @type {Promise<void> | null} */
let keeping = null;

/**
 * Makes the offline copy (once per page), when the page is idle, unless the browser saves data,
 * cannot keep it, or this is a preview.
 * @returns {Promise<void>}
 */
export function keepOffline() {
  if (refusal() !== null) return Promise.resolve();
  keeping ??= new Promise((resolve) => whenIdle(() => resolve(undefined))).then(register);
  return keeping;
}

/** "Keep this guide for offline use", where the page has it. */
function showControl() {
  const box = document.getElementById("kg-offline");
  const button = document.getElementById("kg-keep-offline");
  const status = document.getElementById("kg-offline-status");
  if (!box || !(button instanceof HTMLButtonElement) || !status) return;
  const why = refusal();
  if (why === "unsupported") return;
  box.hidden = false;
  /** @param {string} key */
  const say = (key) => {
    status.textContent = box.dataset[key] ?? "";
  };
  if (why !== null) {
    button.remove();
    say(why);
    return;
  }
  navigator.serviceWorker.getRegistration(root.href).then((registration) => {
    if (registration?.active) say("kept");
  });
  button.addEventListener("click", () => {
    say("working");
    button.disabled = true;
    keepOffline()
      .then(() => say("kept"))
      .catch(() => {
        status.textContent = "";
        button.disabled = false;
      });
  });
}

showControl();
if (refusal() === null) {
  // A copy made on an earlier visit: look for a newer build once the page is idle.
  navigator.serviceWorker
    .getRegistration(root.href)
    .then((registration) => {
      if (registration) return keepOffline();
    })
    .catch(() => {
      // No offline copy (private modes may refuse): the site works as before, online.
    });
  document.addEventListener(CALCULATOR_SETTLED, () => {
    if (!document.getElementById("calculator-result")?.dataset.failure) keepOffline().catch(() => {});
  });
}
