// "Add to home screen": where the browser offers to install the site (it fires
// `beforeinstallprompt`), a button that asks it to; elsewhere (Safari on iPhone and iPad, Firefox)
// a line saying how. The words are in the page's template (`#kg-install` holding a
// `.kg-install-offer` with its button and a `.kg-install-how`); nothing shows in the installed app.

/**
 * The event Chromium fires when the site can be installed (not in TypeScript's DOM types).
 * @typedef {Event & {prompt: () => Promise<unknown>}} InstallPrompt
 */

/** @type {InstallPrompt | null} */
let offer = null;
/** @type {Set<() => void>} */
const shown = new Set();

addEventListener("beforeinstallprompt", (event) => {
  event.preventDefault();
  offer = /** @type {InstallPrompt} */ (event);
  for (const update of shown) update();
});
addEventListener("appinstalled", () => {
  offer = null;
  for (const update of shown) update();
});

/** Whether the page runs as the installed app. */
export function installed() {
  return (
    matchMedia("(display-mode: standalone)").matches ||
    /** @type {Navigator & {standalone?: boolean}} */ (navigator).standalone === true
  );
}

/**
 * Shows the install offer the template holds in `box`: the button while the browser offers to
 * install, the line saying how otherwise; neither in the installed app.
 * @param {Element} box
 */
export function showInstall(box) {
  const row = box.querySelector(".kg-install-offer");
  const button = row?.querySelector("button");
  const how = box.querySelector(".kg-install-how");
  if (!(row instanceof HTMLElement) || !button || !(how instanceof HTMLElement) || !(box instanceof HTMLElement)) {
    return;
  }
  const update = () => {
    box.hidden = installed();
    row.hidden = offer === null;
    how.hidden = offer !== null;
  };
  if (!box.dataset.wired) {
    box.dataset.wired = "true";
    button.addEventListener("click", () => {
      const asked = offer;
      offer = null;
      asked?.prompt().catch(() => {});
      for (const refresh of shown) refresh();
    });
    shown.add(update);
  }
  update();
}
