from __future__ import annotations

import math
from typing import Any

import pytest

from calculator import DEFAULTS, FIELDS, InputError, parse_inputs

VALID: dict[str, Any] = DEFAULTS.to_json()


def errors_for(**changes: Any) -> dict[str, str]:
    data = {**VALID, **changes}
    with pytest.raises(InputError) as caught:
        parse_inputs({k: v for k, v in data.items() if v is not ...})
    return caught.value.errors


def test_defaults_round_trip() -> None:
    assert parse_inputs(VALID) == DEFAULTS
    assert tuple(VALID) == FIELDS


def test_optional_fields_default() -> None:
    data = {k: v for k, v in VALID.items() if k not in ("high_bmi", "red_flags")}
    parsed = parse_inputs(data)
    assert parsed.high_bmi is False
    assert parsed.red_flags == ()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"severity": "extreme"},
            "severity",
            'expected one of mild, moderate, severe, got "extreme"',
        ),
        ({"severity": ...}, "severity", "missing"),
        ({"symptom_weeks": -1}, "symptom_weeks", "must be 0 or more, got -1"),
        ({"symptom_weeks": "2"}, "symptom_weeks", 'expected a number of weeks, got "2"'),
        ({"symptom_weeks": True}, "symptom_weeks", "expected a number of weeks, got true"),
        ({"symptom_weeks": math.inf}, "symptom_weeks", "expected a number of weeks"),
        ({"symptom_weeks": 10_000}, "symptom_weeks", "must be at most 520"),
        ({"ran_through_pain": "yes"}, "ran_through_pain", 'expected true or false, got "yes"'),
        ({"training": None}, "training", "expected one of unchanged, reduced, stopped, got null"),
        ({"plan": "surgery"}, "plan", "expected one of rest_only, addresses_cause"),
        ({"cause": 3}, "cause", "got 3"),
        ({"high_bmi": 1}, "high_bmi", "expected true or false, got 1"),
        ({"red_flags": "swelling"}, "red_flags", 'expected a list, got "swelling"'),
        ({"red_flags": ["swelling", "rash"]}, "red_flags", 'unknown sign "rash"'),
        ({"colour": "red"}, "colour", "unknown field"),
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
    parsed = parse_inputs({**VALID, "red_flags": ["fever", "injury", "fever"]})
    assert parsed.red_flags == ("injury", "fever")
