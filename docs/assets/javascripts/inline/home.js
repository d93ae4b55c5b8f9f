// The home page's way back to the patient's program (site/my-program.js), written into the page
// (kneeguide/bundle/inline.py). Its code loads only when this device keeps a program (the key is
// common/my-program.js's KEY, checked by tests/js/my-program.test.js), so a first visit asks for none.
{
  let kept = false;
  try {
    kept = localStorage.getItem("knee-guide:my-program") !== null;
  } catch {
    // Storage the browser blocks keeps no program.
  }
  if (kept && document.getElementById("my-program")) {
    import(new URL("assets/javascripts/site/my-program.js", __md_scope).href);
  } else if (new URLSearchParams(location.search).has("start")) {
    // The installed app's start page with no program kept: the home page, at its own address.
    history.replaceState(history.state, "", `${location.pathname}${location.hash}`);
  }
}
