"""The article's figures, each factor's direction, and referral on red flags."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from calculator import DEFAULTS, RED_FLAGS, Inputs, estimate
from calculator.estimate import MAX_LIKELY_WEEKS, half_weeks, span

EARLY = dataclasses.replace(DEFAULTS, severity="mild", symptom_weeks=0)


def weeks(inputs: Inputs) -> tuple[float, float, float]:
    result = estimate(inputs)
    assert result.weeks is not None
    return result.weeks.low, result.weeks.likely, result.weeks.high


@pytest.mark.parametrize(
    ("name", "inputs", "likely_range", "headline"),
    [
        ("very early, diligent care: about 1 week", EARLY, (0.5, 1.5), "about 1 week"),
        (
            "several days of pain, cause addressed: about 2 weeks",
            dataclasses.replace(EARLY, symptom_weeks=0.6),
            (1.5, 2.5),
            "1.5-2.5 weeks",
        ),
        ("the average case: 4-6 weeks", DEFAULTS, (4, 6), "4-6 weeks"),
        (
            "severe pain: 2-3 months or more",
            dataclasses.replace(DEFAULTS, severity="severe", training="stopped"),
            (8.5, 13),
            "2-3 months or more",
        ),
        (
            "ran through worsening pain for a couple of weeks: 2-3 months or more",
            dataclasses.replace(DEFAULTS, ran_through_pain=True, training="stopped"),
            (8.5, 13),
            "2-3 months or more",
        ),
    ],
)
def test_reproduces_the_article_figures(
    name: str, inputs: Inputs, likely_range: tuple[float, float], headline: str
) -> None:
    _, likely, _ = weeks(inputs)
    assert likely_range[0] <= likely <= likely_range[1], name
    assert headline in estimate(inputs).headline


def test_default_answer_is_the_article_average_exactly() -> None:
    assert weeks(DEFAULTS) == (4.0, 5.0, 6.0)


WORSE: list[tuple[str, Any, Any]] = [
    ("severity", "mild", "moderate"),
    ("severity", "moderate", "severe"),
    ("symptom_weeks", 0.0, 0.5),
    ("symptom_weeks", 1.0, 4.0),
    ("ran_through_pain", False, True),
    ("training", "stopped", "reduced"),
    ("training", "reduced", "unchanged"),
    ("plan", "addresses_cause", "rest_only"),
    ("cause", "overload", "weakness"),
    ("cause", "weakness", "malalignment"),
    ("high_bmi", False, True),
]


@pytest.mark.parametrize(("field", "better", "worse"), WORSE)
def test_each_factor_lengthens_the_estimate_when_worse(field: str, better: Any, worse: Any) -> None:
    base = dataclasses.replace(DEFAULTS, severity="severe", symptom_weeks=1.0)
    good = weeks(dataclasses.replace(base, **{field: better}))
    bad = weeks(dataclasses.replace(base, **{field: worse}))
    assert bad[1] >= good[1]
    assert bad != good, f"{field} has no effect"


def test_factor_effects_explain_the_estimate() -> None:
    result = estimate(dataclasses.replace(DEFAULTS, ran_through_pain=True, plan="rest_only"))
    effects = {f.factor: f for f in result.factors}
    assert set(effects) == {f.factor for f in estimate(DEFAULTS).factors}
    assert effects["ran_through_pain"].weeks_added > 0
    assert effects["plan"].weeks_added > 0
    assert effects["plan"].reference == "johnston-2020"
    assert effects["high_bmi"].weeks_added == 0
    assert all(f.why for f in result.factors)


@pytest.mark.parametrize("flag", RED_FLAGS)
def test_any_red_flag_refers_without_a_number(flag: str) -> None:
    result = estimate(dataclasses.replace(DEFAULTS, red_flags=(flag,)))
    assert result.refer is True
    assert result.weeks is None
    assert result.phases == ()
    assert "clinician" in result.headline
    assert len(result.red_flags) == 1


def test_phases_cover_the_likely_estimate_with_exercises() -> None:
    result = estimate(DEFAULTS)
    assert [p.phase for p in result.phases] == ["calm", "strengthen", "return"]
    assert result.weeks is not None
    assert abs(sum(p.weeks for p in result.phases) - result.weeks.likely) <= 1.0
    assert all(p.exercises and p.move_on_when and p.what for p in result.phases)


def test_tightness_adds_stretches_and_release() -> None:
    tight = estimate(dataclasses.replace(DEFAULTS, cause="tightness"))
    assert "foam-roller-release" in tight.phases[1].exercises
    assert "foam-roller-release" not in estimate(DEFAULTS).phases[1].exercises


def test_severe_pain_means_stopping_running_first() -> None:
    severe = estimate(dataclasses.replace(DEFAULTS, severity="severe"))
    assert severe.phases[0].what[0].startswith("Stop running")


def test_extreme_answers_are_capped_and_say_so() -> None:
    worst = Inputs("severe", 400, True, "unchanged", "rest_only", "malalignment", True)
    result = estimate(worst)
    assert result.weeks is not None
    assert result.weeks.likely == MAX_LIKELY_WEEKS
    assert result.open_ended
    assert "see a physiotherapist" in result.headline


@pytest.mark.parametrize(("value", "rounded"), [(0.1, 0.5), (1.24, 1.0), (1.25, 1.5), (4.95, 5.0)])
def test_half_weeks(value: float, rounded: float) -> None:
    assert half_weeks(value) == rounded


def test_span_wording() -> None:
    result = estimate(DEFAULTS)
    assert result.weeks is not None
    assert span(result.weeks, open_ended=False) == "4-6 weeks"
