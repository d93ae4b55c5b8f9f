"""The factor table: each factor multiplies the recovery estimate by at least 1 for a worse answer.

The estimate is ``BASE_WEEKS`` times the product of every factor's multiplier. The figures are our
judgement, anchored to the typical recovery times that runners report (the guide's timelines;
``tests/calculator/test_estimate.py`` reproduces them):

- about 1 week: mild, at the first signs, training changed at once, cause addressed;
- about 2 weeks: several days of pain, cause addressed;
- 4-6 weeks: the typical case (moderate pain for a couple of weeks, running reduced);
- 2-3 months or more: severe pain, or running through worsening pain for a couple of weeks.

Where a study supports the *direction* of a factor, ``references`` names it; no study supports
the sizes. Each multiplier is non-decreasing as its answer gets worse, so a worse answer never
shortens the estimate. To add a factor, add one entry to ``FACTORS``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from calculator.inputs import Inputs

BASE_WEEKS = 1.0
"""Recovery with every answer at its best: about a week."""

SEVERITY = {"mild": 1.0, "moderate": 1.8, "severe": 3.8}
TRAINING = {
    "stopped": {"mild": 1.0, "moderate": 1.0, "severe": 1.0},
    "reduced": {"mild": 1.0, "moderate": 1.0, "severe": 1.2},
    "unchanged": {"mild": 1.5, "moderate": 1.8, "severe": 2.2},
}
PLAN = {"addresses_cause": 1.0, "rest_only": 1.4}
CAUSE = {"overload": 1.0, "tightness": 1.1, "weakness": 1.2, "unknown": 1.25, "malalignment": 1.35}


def duration(weeks: float) -> float:
    """Longer-standing pain takes longer to settle, and keeps doing so: no plateau."""
    return 1 + 1.5 * min(weeks, 1) + 0.25 * max(0.0, weeks - 1)


def running_through(inputs: Inputs) -> float:
    """Running on a worsening knee costs more the longer it went on, up to two weeks' worth."""
    return 1 + 0.6 * min(inputs.symptom_weeks, 2) if inputs.ran_through_pain else 1.0


@dataclass(frozen=True)
class Factor:
    """One row of the table. ``best`` is the answer that makes this factor cost nothing."""

    name: str
    label: str
    multiplier: Callable[[Inputs], float]
    best: dict[str, object]
    why: Callable[[Inputs], str]
    references: tuple[str, ...] = ()
    """Slugs of the guide's references that support the direction of the effect."""
    timeline: str | None = None
    """Slug of the guide's typical recovery time that anchors the factor's size."""

    def at_best(self, inputs: Inputs) -> Inputs:
        return dataclasses.replace(inputs, **self.best)  # type: ignore[arg-type]


def _weeks_text(weeks: float) -> str:
    if weeks < 1:
        days = round(weeks * 7)
        return f"{days} day{'s' if days != 1 else ''}"
    shown = f"{weeks:g}"
    return f"{shown} week{'s' if shown != '1' else ''}"


def _duration_why(inputs: Inputs) -> str:
    weeks = inputs.symptom_weeks
    if weeks == 0:
        return "You are acting at the first signs. That gives the shortest recovery."
    said = f"It has hurt for {_weeks_text(weeks)}."
    if weeks < 1:
        return f"{said} Even a few days of pain adds time, so act now."
    if weeks < 6:
        return f"{said} The longer pain has lasted, the longer it tends to take to settle."
    return (
        f"{said} Pain that has lasted this long often settles slowly. In studies, the longer "
        "the pain had lasted, the less likely people were to recover."
    )


def _severity_why(inputs: Inputs) -> str:
    return {
        "mild": "Mild pain tends to settle soonest.",
        "moderate": "Moderate pain usually takes several weeks to settle.",
        "severe": "Severe pain takes longest. People with worse pain and function at the start "
        "were less likely to recover in studies.",
    }[inputs.severity]


def _training_why(inputs: Inputs) -> str:
    return {
        "stopped": "You have swapped running for other exercise. That lets the knee settle.",
        "reduced": "Running less helps. With more than mild pain, a short break helps more.",
        "unchanged": "Running as before keeps loading the sore knee, so it settles more slowly.",
    }[inputs.training]


FACTORS: tuple[Factor, ...] = (
    Factor(
        name="severity",
        label="How bad the pain is",
        multiplier=lambda i: SEVERITY[i.severity],
        best={"severity": "mild"},
        why=_severity_why,
        references=("collins-2013",),
        timeline="average",
    ),
    Factor(
        name="symptom_weeks",
        label="How long it has hurt",
        multiplier=lambda i: duration(i.symptom_weeks),
        best={"symptom_weeks": 0.0},
        why=_duration_why,
        references=("collins-2010", "collins-2013"),
        timeline="several-days-of-pain",
    ),
    Factor(
        name="ran_through_pain",
        label="Running through the pain",
        multiplier=running_through,
        best={"ran_through_pain": False},
        why=lambda i: (
            "You kept running while it got worse. That often adds weeks."
            if i.ran_through_pain
            else "You did not keep running while it got worse. That avoids a long setback."
        ),
        timeline="escalated",
    ),
    Factor(
        name="training",
        label="Changes to your training",
        multiplier=lambda i: TRAINING[i.training][i.severity],
        best={"training": "stopped"},
        why=_training_why,
        timeline="average",
    ),
    Factor(
        name="plan",
        label="Your plan",
        multiplier=lambda i: PLAN[i.plan],
        best={"plan": "addresses_cause"},
        why=lambda i: (
            "Rest alone does not build the knee back up. Exercise therapy is the treatment "
            "experts recommend."
            if i.plan == "rest_only"
            else "You plan to work on the cause with exercise. That is what experts recommend."
        ),
        references=("crossley-2016b", "collins-2018"),
        timeline="several-days-of-pain",
    ),
    Factor(
        name="cause",
        label="What caused it",
        multiplier=lambda i: CAUSE[i.cause],
        best={"cause": "overload"},
        why=lambda i: {
            "overload": "Too much running too soon is the quickest cause to put right.",
            "tightness": "Tight muscles loosen with stretching within weeks.",
            "weakness": "Weak muscles take some weeks of exercise to get stronger.",
            "unknown": "Without a known cause, the plan cannot target it yet. A physio can help.",
            "malalignment": "The shape of the leg cannot change. Strength work can help make up "
            "for it, which takes longest.",
        }[i.cause],
    ),
)
