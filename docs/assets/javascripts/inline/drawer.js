// Material's navigation drawer, off screen while closed on a phone or a zoomed page: kept out of
// the keyboard's Tab order and the screen reader's reading (inert) until it opens. Written into
// every page (kneeguide/bundle/inline.py).

const toggle = document.getElementById("__drawer");
const drawer = document.querySelector(".md-sidebar--primary");
/** Material's own breakpoint, below which the navigation is a drawer. */
const narrow = matchMedia("(max-width: 76.2344em)");

function update() {
  if (!(toggle instanceof HTMLInputElement) || !(drawer instanceof HTMLElement)) return;
  drawer.inert = narrow.matches && !toggle.checked;
}

toggle?.addEventListener("change", update);
// Material also closes the drawer from its own code, which fires no change: its slide ends then.
drawer?.addEventListener("transitionend", update);
narrow.addEventListener("change", update);
update();
