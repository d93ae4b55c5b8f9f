// The contract module the build emits for the browser (docs/assets/javascripts/common/contract.js)
// holds the same limits as the content's JSON Schema, both made from kneeguide/content/limits.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { DOSE, LOAD_LENGTH, MAX_ITEMS, PAIN, SLUG } from "../../docs/assets/javascripts/common/contract.js";

/** @param {string} name */
const schema = (name) => JSON.parse(readFileSync(new URL(`../../schema/${name}.schema.json`, import.meta.url), "utf8"));

/** @param {any} property */
function range(property) {
  const integer = (property.anyOf ?? [property]).find((/** @type {any} */ option) => option.type === "integer");
  return [integer.minimum, integer.maximum];
}

test("a template's dose limits are the program link's", () => {
  const template = schema("program-templates");
  const dose = template.properties.exercises.items.properties.dose.properties;
  assert.deepEqual(range(dose.sets), DOSE.s);
  assert.deepEqual(range(dose.reps), DOSE.r);
  assert.deepEqual(range(dose.hold_seconds), DOSE.h);
  assert.deepEqual(range(dose.rest_seconds), DOSE.t);
  assert.deepEqual(range(dose.times), DOSE.w);
  assert.match(dose.times.description, new RegExp(`at most ${DOSE.d[1]}\\b`));
  assert.equal(dose.load.anyOf[0].maxLength, LOAD_LENGTH);
  assert.equal(template.properties.exercises.maxItems ?? MAX_ITEMS, MAX_ITEMS);
});

test("an exercise's starting dose is held to the same limits", () => {
  const dosage = schema("exercises").properties.dosage.properties;
  assert.deepEqual(range(dosage.sets), DOSE.s);
  assert.deepEqual(range(dosage.reps), DOSE.r);
  assert.deepEqual(range(dosage.hold_seconds), DOSE.h);
});

test("the pain rule's figures are on the pain scale; slugs match the content's", () => {
  const rule = schema("pain-rule").properties;
  assert.deepEqual(range(rule.max_pain), PAIN);
  assert.deepEqual(range(rule.high_pain), PAIN);
  assert.equal(schema("references").properties.slug.pattern, SLUG.source);
  assert.equal(SLUG.test("clam-shell"), true);
  assert.equal(SLUG.test("Clam--shell"), false);
});
