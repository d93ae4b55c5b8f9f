"""The typical recovery times, each factor's direction, the plan against current habits, the
outcome kinds and the exact sums."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from calculator import RED_FLAGS, TYPICAL, Inputs, estimate
from calculator.estimate import LONG_STANDING_WEEKS, MAX_WEEKS, Weeks, shares, weeks_for
from calculator.phases import MIN_STRENGTH, phases

EARLY = dataclasses.replace(TYPICAL, severity="mild", symptom_weeks=0)


def weeks(inputs: Inputs) -> Weeks:
    result = estimate(inputs)
    assert result.weeks is not None, result.kind
    return result.weeks


def likely(inputs: Inputs) -> int:
    return weeks(inputs).likely


@pytest.mark.parametrize(
    ("name", "inputs", "low", "high"),
    [
        ("acting at the first ache: about 1 week", EARLY, 1, 1),
        ("a few days of pain: about 2 weeks", dataclasses.replace(EARLY, symptom_weeks=0.5), 2, 2),
        ("the typical case: 4-6 weeks", TYPICAL, 4, 6),
        ("bad pain: 2-3 months", dataclasses.replace(TYPICAL, severity="severe"), 8, 12),
        (
            "ran through worsening pain: 2-3 months",
            dataclasses.replace(TYPICAL, ran_through_pain=True),
            8,
            12,
        ),
    ],
)
def test_reproduces_the_typical_recovery_times(
    name: str, inputs: Inputs, low: int, high: int
) -> None:
    assert low <= likely(inputs) <= high, name


def test_typical_answer_is_the_typical_range_exactly() -> None:
    assert weeks(TYPICAL) == Weeks(low=4, likely=5, high=6)


def test_the_best_case_is_one_to_two_weeks() -> None:
    assert weeks(EARLY) == Weeks(low=1, likely=1, high=2)


@pytest.mark.parametrize("pain_weeks", [LONG_STANDING_WEEKS, 26, 52, 520])
def test_long_standing_pain_gets_the_outlook_and_no_number(pain_weeks: float) -> None:
    result = estimate(dataclasses.replace(EARLY, symptom_weeks=pain_weeks))
    assert (result.kind, result.reason, result.weeks, result.phases) == (
        "outlook",
        "long_standing",
        None,
        (),
    )


def test_beyond_the_model_gives_no_number() -> None:
    worst = Inputs("adult", "severe", 12, True, "unchanged", "rest_only", "malalignment")
    result = estimate(worst)
    assert (result.kind, result.reason, result.weeks) == ("outlook", "long", None)


def test_poor_habits_are_not_read_as_if_they_will_continue() -> None:
    """A mild two-week niggle with the worst habits gets the estimate on the guide's plan, with
    what happens if nothing changes beside it, not the long-term outlook."""
    niggle = Inputs("adult", "mild", 2, True, "unchanged", "rest_only", "overload")
    result = estimate(niggle)
    assert result.kind == "estimate"
    assert result.weeks is not None
    planned = dataclasses.replace(niggle, training="reduced", plan="addresses_cause")
    assert result.weeks == weeks(planned)
    assert result.as_is_beyond or (
        result.as_is is not None and result.as_is.likely > result.weeks.likely
    )
    assert [h.factor for h in result.habits] == ["training", "plan"]


def test_habits_at_the_plan_add_nothing() -> None:
    result = estimate(TYPICAL)
    assert (result.as_is, result.as_is_beyond, result.habits) == (None, False, ())


def test_habit_days_add_up_to_the_difference() -> None:
    result = estimate(dataclasses.replace(TYPICAL, plan="rest_only"))
    assert result.weeks is not None
    assert result.as_is is not None
    assert (
        sum(h.days_added for h in result.habits) == (result.as_is.likely - result.weeks.likely) * 7
    )


@pytest.mark.parametrize("severity", ["mild", "moderate"])
def test_mild_or_moderate_keeps_running_within_the_rule(severity: str) -> None:
    result = estimate(dataclasses.replace(TYPICAL, severity=severity))  # type: ignore[arg-type]
    assert (result.running, result.assess) == ("within_rule", False)


def test_severe_pain_stops_running_and_is_assessed_whatever_the_training() -> None:
    for training in ("unchanged", "reduced", "stopped"):
        inputs = dataclasses.replace(TYPICAL, severity="severe", training=training)  # type: ignore[arg-type]
        result = estimate(inputs)
        assert (result.kind, result.running, result.assess) == ("estimate", "stop", True)


WORSE: list[tuple[str, Any, Any]] = [
    ("severity", "mild", "moderate"),
    ("severity", "moderate", "severe"),
    ("symptom_weeks", 0, 1),
    ("symptom_weeks", 2, 5),
    ("ran_through_pain", False, True),
    ("cause", "overload", "malalignment"),
]


@pytest.mark.parametrize(("field", "better", "worse"), WORSE)
def test_a_worse_answer_lengthens_the_estimate(field: str, better: Any, worse: Any) -> None:
    assert likely(dataclasses.replace(TYPICAL, **{field: better})) < likely(
        dataclasses.replace(TYPICAL, **{field: worse})
    )


def test_duration_keeps_counting_past_five_weeks() -> None:
    assert likely(dataclasses.replace(EARLY, symptom_weeks=5)) < likely(
        dataclasses.replace(EARLY, symptom_weeks=10)
    )


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
def test_the_range_starts_at_a_week_and_has_two_different_ends(modelled: float) -> None:
    found = weeks_for(modelled)
    assert 1 <= found.low <= found.likely < found.high


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [(28, [1.0, 1.0, 0.0], [14, 14, 0]), (7, [1.0, 1.0, 1.0], [3, 2, 2]), (0, [1.0], [0])],
)
def test_shares_add_up_by_largest_remainder(
    total: int, weights: list[float], expected: list[int]
) -> None:
    assert shares(total, weights) == expected


@pytest.mark.parametrize("total", [7, 14, 35, 70, (MAX_WEEKS - 1) * 7])
def test_phases_fit_together(total: int) -> None:
    settle, strengthen, back = phases(total)
    assert settle.start_day == 0 < settle.end_day == strengthen.start_day
    assert strengthen.days >= MIN_STRENGTH
    assert strengthen.end_day > back.end_day == total
    assert settle.end_day <= back.start_day < back.end_day
    assert strengthen.ongoing
