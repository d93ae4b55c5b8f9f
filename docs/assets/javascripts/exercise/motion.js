// The moving exercise figure: drawn at build time as SVG with SMIL, so it plays with no script
// (a checkbox then stops it, showing the key poses). This puts play and pause in the checkbox's
// place, and keeps it still for readers who prefer reduced motion (the stylesheet then shows the
// key poses instead) until they press play.
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
