"""The factor table: each factor multiplies the recovery estimate by at least 1 for a worse answer.

The estimate is ``BASE_WEEKS`` times the product of every factor's multiplier. The figures are
anchored to the source article's recovery times (see ``tests/calculator/test_anchors.py``):

- about 1 week: mild, at the first signs, training changed at once, cause addressed;
- about 2 weeks: several days of pain, cause addressed;
- 4-6 weeks: the average case (moderate pain for a couple of weeks, running reduced);
- 2-3 months or more: severe pain, or running through worsening pain for a couple of weeks.

Each multiplier is non-decreasing as its answer gets worse, so a worse answer never shortens the
estimate. To add a factor, add one entry to ``FACTORS``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from calculator.inputs import Inputs

BASE_WEEKS = 1.0
"""Recovery with every answer at its best: the article's "a week or so"."""

SEVERITY = {"mild": 1.0, "moderate": 1.8, "severe": 3.8}
TRAINING = {
    "stopped": {"mild": 1.0, "moderate": 1.0, "severe": 1.0},
    "reduced": {"mild": 1.0, "moderate": 1.0, "severe": 1.2},
    "unchanged": {"mild": 1.5, "moderate": 1.8, "severe": 2.2},
}
PLAN = {"addresses_cause": 1.0, "rest_only": 1.4}
CAUSE = {"overload": 1.0, "tightness": 1.1, "weakness": 1.2, "unknown": 1.25, "malalignment": 1.35}
HIGH_BMI = 1.15


def duration(weeks: float) -> float:
    """Longer-standing pain takes longer to settle; the effect levels off after five weeks."""
    return 1 + 1.5 * min(weeks, 1) + 0.25 * max(0.0, min(weeks, 5) - 1)


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
    reference: str | None = None
    """Slug of the published source in the guide that supports the factor, if there is one."""
    timeline: str | None = None
    """Slug of the guide's typical recovery time that anchors the factor's figures."""

    def at_best(self, inputs: Inputs) -> Inputs:
        return dataclasses.replace(inputs, **self.best)  # type: ignore[arg-type]


def _severity_why(inputs: Inputs) -> str:
    return {
        "mild": "Mild pain caught early can settle in about a week.",
        "moderate": "Moderate pain usually takes several weeks: the average recovery is 4-6 weeks.",
        "severe": "Severe, sharp pain takes longest: two to three months or more.",
    }[inputs.severity]


def _training_why(inputs: Inputs) -> str:
    return {
        "stopped": "Replacing running with cross-training takes the load off the knee so it can settle.",
        "reduced": "Running less helps; with more than mild pain, stopping for a while helps more.",
        "unchanged": "Training on as before keeps loading the irritated knee, so it heals more slowly.",
    }[inputs.training]


FACTORS: tuple[Factor, ...] = (
    Factor(
        name="severity",
        label="How bad the pain is",
        multiplier=lambda i: SEVERITY[i.severity],
        best={"severity": "mild"},
        why=_severity_why,
        timeline="average",
    ),
    Factor(
        name="symptom_weeks",
        label="How long it has hurt",
        multiplier=lambda i: duration(i.symptom_weeks),
        best={"symptom_weeks": 0.0},
        why=lambda i: (
            "Acting at the first signs gives the shortest recovery; several days of pain "
            "already doubles it to about two weeks."
        ),
        timeline="several-days-of-pain",
    ),
    Factor(
        name="ran_through_pain",
        label="Running through the pain",
        multiplier=running_through,
        best={"ran_through_pain": False},
        why=lambda i: (
            "Running on a knee that keeps getting worse can stretch recovery to two to three "
            "months or more."
            if i.ran_through_pain
            else "You did not keep running on it while it got worse, which avoids a long setback."
        ),
        timeline="escalated",
    ),
    Factor(
        name="training",
        label="Changes to your training",
        multiplier=lambda i: TRAINING[i.training][i.severity],
        best={"training": "stopped"},
        why=_training_why,
        reference="iqwig-2020",
    ),
    Factor(
        name="plan",
        label="Your treatment plan",
        multiplier=lambda i: PLAN[i.plan],
        best={"plan": "addresses_cause"},
        why=lambda i: (
            "Rest alone tends to end in a lingering injury once you return to running."
            if i.plan == "rest_only"
            else "Working on the cause (strength, flexibility, load) as well as the pain is the quickest way back."
        ),
        reference="johnston-2020",
    ),
    Factor(
        name="cause",
        label="What caused it",
        multiplier=lambda i: CAUSE[i.cause],
        best={"cause": "overload"},
        why=lambda i: {
            "overload": "A training error is the quickest cause to correct: cut back and build up gradually.",
            "tightness": "Tight tissues respond to stretching and release within weeks.",
            "weakness": "Weak muscles take some weeks of strengthening to change.",
            "unknown": "Without a known cause the plan cannot target it yet; a physiotherapist can find it.",
            "malalignment": "The leg's build cannot change, only be compensated for, which takes longest.",
        }[i.cause],
        reference="mellinger-neurohr-2019",
    ),
    Factor(
        name="high_bmi",
        label="Body weight",
        multiplier=lambda i: HIGH_BMI if i.high_bmi else 1.0,
        best={"high_bmi": False},
        why=lambda i: (
            "A higher BMI puts more load through the knee, so it needs longer to adapt."
            if i.high_bmi
            else "No extra allowance for body weight."
        ),
    ),
)
