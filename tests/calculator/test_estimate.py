"""The typical recovery times, each factor's direction, the outcome kinds and the exact sums."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from calculator import RED_FLAGS, TYPICAL, Inputs, estimate
from calculator.estimate import LONG_STANDING_WEEKS, MAX_WEEKS, shares, weeks_for
from calculator.phases import split_days

EARLY = dataclasses.replace(TYPICAL, severity="mild", symptom_weeks=0)


def likely(inputs: Inputs) -> int:
    result = estimate(inputs)
    assert result.weeks is not None, result.kind
    return result.weeks.likely


@pytest.mark.parametrize(
    ("name", "inputs", "low", "high"),
    [
        ("acting at the first ache: about 1 week", EARLY, 1, 1),
        ("a few days of pain: about 2 weeks", dataclasses.replace(EARLY, symptom_weeks=0.5), 2, 2),
        ("the typical case: 4-6 weeks", TYPICAL, 4, 6),
        (
            "bad pain: 2-3 months",
            dataclasses.replace(TYPICAL, severity="severe", training="stopped"),
            8,
            13,
        ),
        (
            "ran through worsening pain: 2-3 months",
            dataclasses.replace(TYPICAL, ran_through_pain=True, training="stopped"),
            8,
            13,
        ),
    ],
)
def test_reproduces_the_typical_recovery_times(
    name: str, inputs: Inputs, low: int, high: int
) -> None:
    assert low <= likely(inputs) <= high, name


def test_typical_answer_is_the_typical_range_exactly() -> None:
    result = estimate(TYPICAL)
    assert result.weeks is not None
    assert (result.weeks.low, result.weeks.likely, result.weeks.high) == (4.0, 5, 6.0)
    assert "4 to 6 weeks" in result.headline


@pytest.mark.parametrize("weeks", [13, 26, 52, 520])
def test_long_standing_pain_gets_the_outlook_and_no_number(weeks: float) -> None:
    result = estimate(dataclasses.replace(TYPICAL, severity="mild", symptom_weeks=weeks))
    assert (result.kind, result.reason, result.weeks) == ("outlook", "long_standing", None)
    assert set(result.references) == {"collins-2013", "lankhorst-2016"}
    assert not any(ch.isdigit() for ch in result.headline.replace("3 months", ""))


def test_just_under_three_months_still_gets_an_estimate_or_the_beyond_outlook() -> None:
    result = estimate(dataclasses.replace(EARLY, symptom_weeks=LONG_STANDING_WEEKS - 0.5))
    assert result.kind in ("estimate", "outlook")
    if result.weeks is not None:
        assert result.weeks.high <= MAX_WEEKS


def test_beyond_the_model_gives_no_number() -> None:
    worst = Inputs("adult", "severe", 12, True, "unchanged", "rest_only", "malalignment")
    result = estimate(worst)
    assert (result.kind, result.reason, result.weeks) == ("outlook", "beyond_model", None)


WORSE: list[tuple[str, Any, Any]] = [
    ("severity", "mild", "moderate"),
    ("severity", "moderate", "severe"),
    ("symptom_weeks", 0, 1),
    ("symptom_weeks", 2, 5),
    ("ran_through_pain", False, True),
    ("training", "stopped", "unchanged"),
    ("plan", "addresses_cause", "rest_only"),
    ("cause", "overload", "malalignment"),
]


@pytest.mark.parametrize(("field", "better", "worse"), WORSE)
def test_a_worse_answer_lengthens_the_estimate(field: str, better: Any, worse: Any) -> None:
    base = dataclasses.replace(TYPICAL, training="stopped")
    assert likely(dataclasses.replace(base, **{field: better})) < likely(
        dataclasses.replace(base, **{field: worse})
    )


def test_duration_keeps_counting_past_five_weeks() -> None:
    assert likely(dataclasses.replace(EARLY, symptom_weeks=5)) < likely(
        dataclasses.replace(EARLY, symptom_weeks=10)
    )


def test_no_weeks_and_ten_weeks_get_different_explanations() -> None:
    def why(weeks: float) -> str:
        result = estimate(dataclasses.replace(EARLY, symptom_weeks=weeks))
        return next(f.why for f in result.factors if f.factor == "symptom_weeks")

    assert why(0) != why(10)
    assert "10 weeks" in why(10)


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_every_red_flag_refers_without_a_number(flag: str) -> None:
    result = estimate(dataclasses.replace(TYPICAL, red_flags=(flag,)))  # type: ignore[arg-type]
    assert (result.kind, result.weeks, result.phases, result.red_flags) == (
        "refer",
        None,
        (),
        (flag,),
    )


@pytest.mark.parametrize("modelled", [0.2, 1.0, 1.49, 1.5, 4.95, 10.4, 12.4])
def test_the_range_always_has_two_different_ends(modelled: float) -> None:
    weeks = weeks_for(modelled)
    assert weeks.low < weeks.likely < weeks.high


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [(28, [1.0, 1.0, 0.0], [14, 14, 0]), (7, [1.0, 1.0, 1.0], [3, 2, 2]), (0, [1.0], [0])],
)
def test_shares_add_up_by_largest_remainder(
    total: int, weights: list[float], expected: list[int]
) -> None:
    assert shares(total, weights) == expected


@pytest.mark.parametrize("total", [7, 14, 35, 70, 91])
def test_phase_days_add_up(total: int) -> None:
    parts = split_days(total)
    assert sum(parts) == total
    assert all(part >= 1 for part in parts)
