// The home page's way back to the patient's program: shows the link the page's template holds
// (its words are in the template) when a program was opened on this device.

import { recallMyProgram } from "../common/my-program.js";

const box = document.getElementById("my-program");
const link = document.getElementById("my-program-link");
const mine = recallMyProgram();
if (box && link instanceof HTMLAnchorElement && mine) {
  link.href = `${link.getAttribute("href") ?? ""}#${mine.fragment}`;
  const title = document.getElementById("my-program-title");
  if (title && mine.title) title.textContent = mine.title;
  else document.getElementById("my-program-title-wrap")?.remove();
  box.hidden = false;
}
