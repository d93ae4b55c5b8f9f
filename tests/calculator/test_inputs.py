from __future__ import annotations

import math
from typing import Any

import pytest

from calculator import FIELDS, TYPICAL, InputError, parse_inputs

VALID: dict[str, Any] = TYPICAL.to_json()


def errors_for(**changes: Any) -> dict[str, str]:
    data = {**VALID, **changes}
    with pytest.raises(InputError) as caught:
        parse_inputs({k: v for k, v in data.items() if v is not ...})
    return caught.value.errors


def test_defaults_round_trip() -> None:
    assert parse_inputs(VALID) == TYPICAL
    assert tuple(VALID) == FIELDS


def test_optional_fields_default() -> None:
    data = {k: v for k, v in VALID.items() if k != "red_flags"}
    assert parse_inputs(data).red_flags == ()


@pytest.mark.parametrize("high_bmi", [True, False])
def test_the_retired_body_weight_field_is_accepted_and_changes_nothing(high_bmi: bool) -> None:
    assert parse_inputs({**VALID, "high_bmi": high_bmi}) == parse_inputs(VALID)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"severity": "extreme"},
            "severity",
            "Choose how much your knee holds you back.",
        ),
        ({"severity": ...}, "severity", "Choose how much your knee holds you back."),
        ({"symptom_weeks": -1}, "symptom_weeks", "Enter a number of weeks from 0 to 520."),
        (
            {"symptom_weeks": "2"},
            "symptom_weeks",
            "Enter how many weeks it has hurt, for example 2.",
        ),
        (
            {"symptom_weeks": True},
            "symptom_weeks",
            "Enter how many weeks it has hurt, for example 2.",
        ),
        ({"symptom_weeks": math.inf}, "symptom_weeks", "Enter how many weeks it has hurt"),
        ({"symptom_weeks": 10_000}, "symptom_weeks", "from 0 to 520"),
        (
            {"ran_through_pain": "yes"},
            "ran_through_pain",
            "Say whether you kept running while it got worse.",
        ),
        ({"training": None}, "training", "Choose what you have done with your training."),
        ({"plan": "surgery"}, "plan", "Choose what your plan is."),
        ({"cause": 3}, "cause", "Choose what you think caused it"),
        ({"high_bmi": 1}, "high_bmi", "Body weight must be true or false."),
        ({"red_flags": "swelling"}, "red_flags", "One of the warning signs was not recognised."),
        ({"red_flags": ["swelling", "rash"]}, "red_flags", "not recognised"),
        ({"colour": "red"}, "colour", "not part of the calculator"),
    ],
)
def test_each_bad_field_is_named(changes: dict[str, Any], field: str, message: str) -> None:
    errors = errors_for(**changes)
    assert list(errors) == [field]
    assert message in errors[field]


def test_all_bad_fields_reported_together() -> None:
    assert set(errors_for(severity="x", plan="y", cause=...)) == {"severity", "plan", "cause"}


@pytest.mark.parametrize("data", [[], "text", 3, None])
def test_input_must_be_an_object(data: Any) -> None:
    with pytest.raises(InputError) as caught:
        parse_inputs(data)
    assert list(caught.value.errors) == ["input"]


def test_red_flags_are_deduplicated_in_a_fixed_order() -> None:
    parsed = parse_inputs({**VALID, "red_flags": ["injury", "hot_knee", "injury"]})
    assert parsed.red_flags == ("hot_knee", "injury")


@pytest.mark.parametrize(("retired", "current"), [("fever", "hot_knee"), ("child_hip", "child")])
def test_a_retired_sign_code_reads_as_the_sign_that_replaced_it(retired: str, current: str) -> None:
    assert parse_inputs({**VALID, "red_flags": [retired]}).red_flags == (current,)
