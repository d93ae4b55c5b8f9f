// An exercise page's own scripts, written into the page (kneeguide/bundle/inline.py).

// Adds "Print this handout" beside the page's actions (printing needs no other script).
{
  for (const actions of document.querySelectorAll(".kg-actions")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.textContent = "Print this handout";
    button.addEventListener("click", () => window.print());
    actions.querySelector("p")?.prepend(button, " ");
  }
}

// The moving exercise figure: drawn at build time as SVG with SMIL, so it plays with no script
// (a checkbox then stops it, showing the key poses). This puts play and pause in the checkbox's
// place, and keeps it still for readers who prefer reduced motion (the stylesheet then shows the
// key poses instead) until they press play.
{
  const reduced = matchMedia("(prefers-reduced-motion: reduce)");

  /**
   * @param {Element} figure
   */
  function control(figure) {
    const svg = figure.querySelector("svg.kg-motion__moving");
    const button = figure.querySelector("button.kg-motion__toggle");
    if (!(svg instanceof SVGSVGElement) || !(button instanceof HTMLButtonElement)) return;
    /** @param {boolean} playing */
    const show = (playing) => {
      if (playing) svg.unpauseAnimations();
      else svg.pauseAnimations();
      figure.classList.toggle("kg-motion--playing", playing);
      button.textContent = (playing ? button.dataset.pause : button.dataset.play) ?? "";
    };
    button.addEventListener("click", () => show(svg.animationsPaused()));
    reduced.addEventListener("change", () => show(!reduced.matches));
    show(!reduced.matches);
    figure.querySelector(".kg-motion__stop")?.setAttribute("hidden", "");
    button.hidden = false;
  }

  document.querySelectorAll(".kg-motion").forEach(control);
}

// The clinician's dose, from the fragment of a program's link: the code that reads it
// (exercise/dose.js) loads only when the page is opened with a fragment or is given one.
{
  const load = () => import(new URL("assets/javascripts/exercise/dose.js", __md_scope).href);
  if (document.getElementById("clinician-dose")) {
    if (location.hash.length > 1) load();
    else addEventListener("hashchange", load, { once: true });
  }
}
