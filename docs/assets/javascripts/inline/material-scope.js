// Material for MkDocs' start-up helpers (from its partials/javascripts/base.html), written into
// every page (kneeguide/bundle/inline.py). The same text on every page, so one hash in the policy
// allows it: the site's root comes from the script element's data-scope, the page's relative
// path to it, read against the page's base address (the offline page sets its own).
__md_scope = new URL(/** @type {HTMLScriptElement} */ (document.currentScript).dataset.scope ?? ".", document.baseURI);
// Material's own code, unchanged (tests/test_material_copies.py compares it with Material's):
// @ts-expect-error: Material's minified code, not written for type checking
__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
// The site's guard around it: storage a browser blocks (reading localStorage throws) or a stored
// value that is not JSON, or not the shape Material wrote, reads as nothing stored, and a write
// that cannot be made is dropped. Material's code calls these on every page; a throw took
// search and the palette switch down with it.
(() => {
  const get = __md_get;
  const set = __md_set;
  /** @type {Record<string, (value: any) => boolean>} */
  const shapes = {
    // What Material's palette switch stores: the index of the chosen palette and its colours.
    __palette: (value) =>
      Number.isInteger(value.index) && typeof value.color === "object" && value.color !== null,
  };
  __md_get = (key, storage, scope) => {
    try {
      const value = get(key, storage, scope);
      return value === null || !(key in shapes) || shapes[key](value) ? value : null;
    } catch {
      return null;
    }
  };
  __md_set = (key, value, storage, scope) => {
    try {
      set(key, value, storage, scope);
    } catch {
      // Not remembered: the choice still applies to this page.
    }
  };
})();
