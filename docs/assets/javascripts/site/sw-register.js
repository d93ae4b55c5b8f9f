// Registers the site's service worker (written at build time by Workbox; see
// kneeguide/bundle/service-worker.mjs), and says when a newer version of the guide is ready.
// The new version takes over only when the reader chooses "Update now", then the page reloads,
// so no page ever mixes files from two builds.

const root = new URL("../../../", import.meta.url);

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

async function register() {
  const registration = await navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.pathname });
  const watch = () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  };
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  registration.addEventListener("updatefound", watch);
  document.documentElement.dataset.serviceWorker = "registered";
}

/**
 * Sent by calculator.js once its first answer is shown and its worker's snapshot is made (or none
 * will be), or once it has given up.
 */
export const CALCULATOR_SETTLED = "kg-calculator-settled";

/**
 * On the calculator's page, Python starts first: installing the offline copy (about a megabyte
 * of pages and assets) would compete with it, and with the reader's first changes, for the
 * network and the processor.
 * @returns {Promise<void>}
 */
function pageSettled() {
  if (!document.getElementById("calculator-result") || document.documentElement.dataset.calculatorSettled) {
    return Promise.resolve();
  }
  return new Promise((resolve) => document.addEventListener(CALCULATOR_SETTLED, () => resolve(), { once: true }));
}

if ("serviceWorker" in navigator && window.isSecureContext) {
  pageSettled().then(register).catch(() => {
    // No offline copy (private modes may refuse): the site works as before, online.
  });
}
