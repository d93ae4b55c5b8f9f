// Material for MkDocs' start-up helpers (from its partials/javascripts/base.html), with the
// site's scope taken from this file's own address (it lives two folders below the site root).
__md_scope = new URL("../../", /** @type {HTMLScriptElement} */ (document.currentScript).src);
__md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e) ?? "null");
__md_set = (e, _, t = localStorage, a = __md_scope) => {
  try {
    t.setItem(a.pathname + "." + e, JSON.stringify(_));
  } catch (e) {}
};
