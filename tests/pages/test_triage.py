"""The page's warning-sign rule (triage.js) against the estimator's own, and numbers as links."""

from __future__ import annotations

import itertools
import json
import subprocess
from typing import Any

import pytest

from calculator import AGES, RED_FLAGS
from calculator.inputs import RETIRED_RED_FLAGS, warning_signs
from kneeguide.content.catalog import Catalog
from kneeguide.pages.triage import dial, triage_data

from ..conftest import ROOT

SCRIPT = """
import { warningSigns } from "./docs/assets/javascripts/calculator/triage.js";
const { triage, cases } = JSON.parse(await new Promise((done) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => done(text));
}));
const out = cases.map((input) => {
  const { signs, unknown } = warningSigns(input, triage);
  return [signs.map((sign) => sign.code), unknown];
});
process.stdout.write(JSON.stringify(out));
"""


def cases() -> list[dict[str, Any]]:
    codes = [*RED_FLAGS, *RETIRED_RED_FLAGS, "night-pain", "", "__proto__"]
    found: list[dict[str, Any]] = [{}, {"red_flags": "hot_knee"}, {"red_flags": [1, None]}]
    for first, second in itertools.combinations(codes, 2):
        found.append({"red_flags": [first, second]})
    for age, flags in itertools.product([*AGES, "child", None], [[], ["bone_stress"], ["rash"]]):
        found.append({"age": age, "red_flags": flags, "severity": "extreme"})
    return found


def test_the_page_refers_exactly_as_the_estimator_does(catalog: Catalog) -> None:
    given = cases()
    data = triage_data(catalog, "../see-a-clinician/")
    result = subprocess.run(
        ["node", "--input-type=module", "-e", SCRIPT],
        input=json.dumps({"triage": data, "cases": given}),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    page = json.loads(result.stdout)
    assert len(page) == len(given)
    for input_, (codes, unknown) in zip(given, page, strict=True):
        known, unrecognised = warning_signs(input_)
        assert sorted(codes) == sorted(known), input_
        if isinstance(input_.get("red_flags"), list):
            assert unknown == list(unrecognised), input_


def test_signs_are_listed_most_urgent_first(catalog: Catalog) -> None:
    tiers = [sign["tier"] for sign in triage_data(catalog, "")["signs"]]
    assert tiers == sorted(tiers, key=["emergency", "urgent", "routine"].index)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call 999 now.", "Call [999](tel:999) now."),
        ("Call NHS 111 or 999.", "Call NHS [111](tel:111) or [999](tel:999)."),
        ("Not 9999, 1110 or 10.1136/bjsm.999-x.", "Not 9999, 1110 or 10.1136/bjsm.999-x."),
    ],
)
def test_numbers_the_triage_lists_become_links(catalog: Catalog, text: str, expected: str) -> None:
    assert {c.number for c in catalog.triage.calls} >= {"999", "111"}
    assert dial(text, catalog) == expected
