// A light DOM (linkedom) as the page's `document`, for Node tests of the modules that render.
import { parseHTML } from "linkedom";

const window = parseHTML("<!doctype html><html><body></body></html>");
Object.assign(globalThis, {
  document: window.document,
  HTMLElement: window.HTMLElement,
  Element: window.Element,
  Node: window.Node,
});

/** A fresh, empty body for each test. */
export function freshBody() {
  document.body.replaceChildren();
  return document.body;
}
