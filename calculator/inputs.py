"""The calculator's public input contract and its validation.

The field names are public: they appear in JSON on the command line and in shareable URLs, so a
field is never renamed or removed. ``high_bmi`` is retired: it is still accepted (links sent
years ago keep working) but no longer changes the estimate, because no study we could cite
supports it (one found BMI unrelated to outcome).

Messages are written for the reader of the form: plain words, no field names, no JSON.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, get_args

Severity = Literal["mild", "moderate", "severe"]
Training = Literal["unchanged", "reduced", "stopped"]
Plan = Literal["rest_only", "addresses_cause"]
Cause = Literal["overload", "weakness", "tightness", "malalignment", "unknown"]
RedFlag = Literal[
    "breathless",
    "cannot_bear_weight",
    "deformed",
    "numb_foot",
    "fever",
    "calf_pain",
    "swelling",
    "locking",
    "giving_way",
    "injury",
    "child_hip",
    "night_pain",
    "hip_or_back",
    "other_joints",
]
"""Codes of the signs that need a clinician, from most to least urgent: the guide's red-flag items
name them (``code``) and hold every word shown about them."""

SEVERITIES: tuple[Severity, ...] = get_args(Severity)
TRAININGS: tuple[Training, ...] = get_args(Training)
PLANS: tuple[Plan, ...] = get_args(Plan)
CAUSES: tuple[Cause, ...] = get_args(Cause)
RED_FLAGS: tuple[RedFlag, ...] = get_args(RedFlag)

MAX_SYMPTOM_WEEKS = 520
"""Ten years: beyond it the number is more likely a typing slip than a history."""


@dataclass(frozen=True)
class Inputs:
    """One runner's answers. ``red_flags`` defaults to none; the rest must be given."""

    severity: Severity
    symptom_weeks: float
    ran_through_pain: bool
    training: Training
    plan: Plan
    cause: Cause
    red_flags: tuple[RedFlag, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "symptom_weeks": self.symptom_weeks,
            "ran_through_pain": self.ran_through_pain,
            "training": self.training,
            "plan": self.plan,
            "cause": self.cause,
            "red_flags": list(self.red_flags),
        }


TYPICAL = Inputs(
    severity="moderate",
    symptom_weeks=2,
    ran_through_pain=False,
    training="reduced",
    plan="addresses_cause",
    cause="overload",
)
"""The typical case (the guide's average recovery), shown as typical until the reader answers."""

FIELDS = tuple(TYPICAL.to_json())
REQUIRED = ("severity", "symptom_weeks", "ran_through_pain", "training", "plan", "cause")
RETIRED = ("high_bmi",)
"""Fields still accepted from old links, with no effect."""

MISSING = {
    "severity": "Choose how bad the pain is.",
    "symptom_weeks": "Enter how many weeks it has hurt, for example 2.",
    "ran_through_pain": "Say whether you kept running while it got worse.",
    "training": "Choose what you have done with your training.",
    "plan": "Choose what your plan is.",
    "cause": 'Choose what you think caused it, or "I don\'t know".',
}
"""What to tell a reader who left a question unanswered."""


@dataclass(frozen=True)
class Question:
    """One question of the calculator's form, in the reader's words.

    The page's form is generated from ``QUESTIONS``: the order, the words, the options' values
    and labels, and the limits all come from here, so the form cannot drift from what the
    estimator accepts. ``options`` pairs each JSON value with its label; the red-flag question
    has none here because their words live in the guide's content (the estimator knows codes).
    """

    field: str
    text: str
    control: Literal["radio", "number", "select", "checkboxes"]
    hint: str = ""
    options: tuple[tuple[str | bool, str], ...] = ()
    low: float | None = None
    high: float | None = None
    step: float | None = None
    short: str = ""
    """A few words naming the question, for a list of what is still unanswered."""


QUESTIONS: tuple[Question, ...] = (
    Question(
        "severity",
        "How bad is the pain?",
        "radio",
        options=(
            ("mild", "Mild: a niggle or an ache during or after runs"),
            ("moderate", "Moderate: it hurts on most runs, or on stairs"),
            ("severe", "Severe: sharp pain, or it hurts in everyday life"),
        ),
        short="how bad it is",
    ),
    Question(
        "symptom_weeks",
        "How many weeks has it hurt?",
        "number",
        hint="For a few days, enter 0.5. For the first signs, enter 0.",
        low=0,
        high=MAX_SYMPTOM_WEEKS,
        step=0.5,
        short="how many weeks",
    ),
    Question(
        "ran_through_pain",
        "Have you kept running on it while it got worse?",
        "radio",
        options=((False, "No"), (True, "Yes, and it kept getting worse")),
        short="running through pain",
    ),
    Question(
        "training",
        "What have you changed in your training?",
        "radio",
        options=(
            ("unchanged", "I am training as before"),
            ("reduced", "I have cut back my running"),
            ("stopped", "I have stopped running and cross-train instead"),
        ),
        short="your training",
    ),
    Question(
        "plan",
        "What is your plan?",
        "radio",
        options=(
            ("rest_only", "Resting until it feels better"),
            ("addresses_cause", "Working on the cause: strengthening, stretching or physiotherapy"),
        ),
        short="your plan",
    ),
    Question(
        "cause",
        "What do you think caused it?",
        "select",
        hint='Not sure? Choose "I don\'t know".',
        options=(
            ("overload", "Too much running, too soon"),
            ("weakness", "Weak thigh or hip muscles"),
            ("tightness", "Tight muscles"),
            ("malalignment", "How my leg is aligned"),
            ("unknown", "I don't know"),
        ),
        short="the cause",
    ),
    Question(
        "red_flags",
        "Do any of these apply?",
        "checkboxes",
        hint="Any one of them needs a clinician's opinion, not an estimate.",
        short="warning signs",
    ),
)
"""The form, question by question, in the order asked."""


class InputError(ValueError):
    """Invalid input: ``errors`` maps each field (or ``input``) to a plain one-line message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


def _choice(field: str, choices: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if isinstance(value, str) and value in choices:
            return value
        raise ValueError(MISSING[field])

    return parse


def _flag(message: str) -> Callable[[Any], bool]:
    def parse(value: Any) -> bool:
        if isinstance(value, bool):
            return value
        raise ValueError(message)

    return parse


def _weeks(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(MISSING["symptom_weeks"])
    if not 0 <= value <= MAX_SYMPTOM_WEEKS:
        raise ValueError(f"Enter a number of weeks from 0 to {MAX_SYMPTOM_WEEKS}.")
    return float(value)


def _red_flags(value: Any) -> tuple[RedFlag, ...]:
    if not isinstance(value, list) or any(item not in RED_FLAGS for item in value):
        raise ValueError("One of the warning signs was not recognised. Tick them again.")
    return tuple(flag for flag in RED_FLAGS if flag in value)


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "severity": _choice("severity", SEVERITIES),
    "symptom_weeks": _weeks,
    "ran_through_pain": _flag(MISSING["ran_through_pain"]),
    "training": _choice("training", TRAININGS),
    "plan": _choice("plan", PLANS),
    "cause": _choice("cause", CAUSES),
    "red_flags": _red_flags,
}
_RETIRED_PARSERS: dict[str, Callable[[Any], Any]] = {
    "high_bmi": _flag("Body weight must be true or false."),
}


def warning_signs(data: Any) -> tuple[RedFlag, ...]:
    """The valid warning signs in ``data``, whatever else is missing or wrong: a sign needs a
    clinician, so it is acted on before the other answers are complete."""
    if not isinstance(data, dict) or "red_flags" not in data:
        return ()
    try:
        return _red_flags(data["red_flags"])
    except ValueError:
        return ()


def parse_inputs(data: Any) -> Inputs:
    """Validate a decoded JSON object; raises InputError naming every bad field."""
    if not isinstance(data, dict):
        raise InputError({"input": "The answers could not be read. Start again."})
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    known = {**_PARSERS, **_RETIRED_PARSERS}
    for field in data:
        if field not in known:
            shown = json.dumps(str(field)[:40])[1:-1]  # escapes newlines and control characters
            errors[shown] = "This question is not part of the calculator."
    for field, parse in known.items():
        if field not in data:
            if field in REQUIRED:
                errors[field] = MISSING[field]
            continue
        try:
            value = parse(data[field])
        except ValueError as error:
            errors[field] = str(error)
            continue
        if field in _PARSERS:
            values[field] = value
    if errors:
        raise InputError(errors)
    return Inputs(**values)
