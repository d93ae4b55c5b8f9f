// The shared DOM helpers: text never becomes markup, and a missing element is a typed error.
import { freshBody } from "./dom-setup.js";
import assert from "node:assert/strict";
import { test } from "node:test";

const { MissingElement, button, byId, clinicianText, element, link, svgElement } =
  await import("../../docs/assets/javascripts/common/dom.js");

test("text given to element() stays text, never markup", () => {
  const node = element("p", { class: "x" }, "<img src=x onerror=alert(1)>", null, false, undefined);
  assert.equal(node.childElementCount, 0);
  assert.equal(node.textContent, "<img src=x onerror=alert(1)>");
  assert.equal(node.getAttribute("class"), "x");
});

test("byId gives the element of the type asked for, or a MissingElement naming it", () => {
  freshBody().append(element("p", { id: "here" }, "hi"));
  assert.equal(byId("here", HTMLElement).textContent, "hi");
  assert.throws(
    () => byId("gone", HTMLElement),
    (error) => error instanceof MissingElement && /#gone/.test(error.message),
  );
});

test("a button says what it does to a screen reader, and calls back on a click", () => {
  let clicks = 0;
  const node = button("Remove", () => (clicks += 1), { id: "b" }, " Clam shell");
  assert.equal(node.getAttribute("type"), "button");
  assert.equal(node.textContent, "Remove Clam shell");
  assert.equal(node.querySelector(".kg-sr-only")?.textContent, " Clam shell");
  node.click();
  assert.equal(clicks, 1);
});

test("links carry a title only when given one; SVG elements are in the SVG namespace", () => {
  assert.equal(link("/a/", "A").hasAttribute("title"), false);
  assert.equal(link("/a/", "A", "About A").getAttribute("title"), "About A");
  assert.equal(svgElement("circle", { r: "2" }).namespaceURI, "http://www.w3.org/2000/svg");
});

test("a clinician's words are isolated, so a direction override stays inside them", () => {
  const note = clinicianText("\u202Eevah");
  assert.equal(note.tagName.toLowerCase(), "bdi");
  assert.equal(note.textContent, "\u202Eevah");
  assert.equal(note.childElementCount, 0);
});
