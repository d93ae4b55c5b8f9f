"""The factor table: each factor multiplies the time until running feels normal by at least 1.

The estimate is ``BASE_WEEKS`` times the product of every factor's multiplier. The sizes are our
judgement, anchored to the recovery times runners report (the guide's timelines; the tests
reproduce them); which direction each factor pushes, and the studies behind it, are in the
guide's content, where every word the calculator shows lives. This table knows codes only.

Two kinds of factor:

- the knee's own history (``CONDITION``): how much it limits you, how long it has hurt, whether
  you ran through worsening pain, what set it off. These hold whatever you do next.
- your habits now (``HABITS``): your training and your plan. The estimate is for the plan the
  guide gives (cut back to within the pain rule, or stop if it is severe, and do the exercises);
  habits that differ from it give a second figure, "if nothing changes", beside it. Current
  habits are never read as if they will continue.

Each multiplier is non-decreasing as its answer gets worse, so a worse answer never shortens
the estimate. To add a factor, add one entry to its table and its words to the content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from calculator.inputs import Inputs, Severity, Training

BASE_WEEKS = 1.0
"""Running back to normal with every answer at its best: about a week."""

SEVERITY = {"mild": 1.0, "moderate": 1.8, "severe": 3.0}
CAUSE = {"overload": 1.0, "tightness": 1.1, "weakness": 1.2, "unknown": 1.25, "malalignment": 1.25}
"""How the leg is built has not been shown to slow recovery, so it costs no more than not knowing."""

TRAINING = {
    "stopped": {"mild": 1.0, "moderate": 1.0, "severe": 1.0},
    "reduced": {"mild": 1.0, "moderate": 1.0, "severe": 1.2},
    "unchanged": {"mild": 1.5, "moderate": 1.8, "severe": 2.2},
}
PLAN = {"addresses_cause": 1.0, "rest_only": 1.4}

PLANNED_TRAINING: dict[Severity, Training] = {
    "mild": "reduced",
    "moderate": "reduced",
    "severe": "stopped",
}
"""The guide's plan for running: keep running within the pain rule, unless the pain is severe."""


def duration(weeks: float) -> float:
    """Longer-standing pain takes longer to settle, and keeps doing so: no plateau. Steep over
    the first week, then a little over half a week more for every week it has lasted."""
    if weeks <= 1:
        return 1 + 1.5 * weeks
    return 2.5 + 0.55 * (weeks - 1)


def running_through(inputs: Inputs) -> float:
    """Running on a worsening knee costs more the longer it went on, up to two weeks' worth."""
    return 1 + 0.3 * min(inputs.symptom_weeks, 2) if inputs.ran_through_pain else 1.0


@dataclass(frozen=True)
class Factor:
    """One row of the table: the answer it reads (``name``) and its multiplier."""

    name: str
    multiplier: Callable[[Inputs], float]


CONDITION: tuple[Factor, ...] = (
    Factor("severity", lambda i: SEVERITY[i.severity]),
    Factor("symptom_weeks", lambda i: duration(i.symptom_weeks)),
    Factor("ran_through_pain", running_through),
    Factor("cause", lambda i: CAUSE[i.cause]),
)
"""The knee's own history."""

HABITS: tuple[Factor, ...] = (
    Factor("training", lambda i: TRAINING[i.training][i.severity]),
    Factor("plan", lambda i: PLAN[i.plan]),
)
"""What you do now: at the guide's plan, each is 1."""

FACTORS = CONDITION + HABITS
