// The home page's way back to the patient's program: shows the link the page's template holds
// (its words are in the template) when a program was opened on this device, with the offer to
// add the site to the home screen. The installed app starts here (the web manifest's start_url
// carries `?start`) and goes straight on to the program when there is one.

import { recallMyProgram } from "../common/my-program.js";
import { showInstall } from "./install.js";

const box = document.getElementById("my-program");
const link = document.getElementById("my-program-link");
const mine = recallMyProgram();
const starting = new URLSearchParams(location.search).has("start");
if (box && link instanceof HTMLAnchorElement && mine) {
  link.href = `${link.getAttribute("href") ?? ""}#${mine.fragment}`;
  if (starting) location.replace(link.href);
  const title = document.getElementById("my-program-title");
  if (title && mine.title) title.textContent = mine.title;
  else document.getElementById("my-program-title-wrap")?.remove();
  box.hidden = false;
  const install = document.getElementById("kg-install");
  if (install) showInstall(install);
} else if (starting) {
  history.replaceState(history.state, "", `${location.pathname}${location.hash}`);
}
