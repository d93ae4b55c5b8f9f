// Adds "Print this handout" beside the page's actions (printing needs no other script).
for (const actions of document.querySelectorAll(".kg-actions")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button";
  button.textContent = "Print this handout";
  button.addEventListener("click", () => window.print());
  actions.querySelector("p")?.prepend(button, " ");
}
