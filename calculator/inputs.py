"""The calculator's public input contract and its validation.

The field names are public: they appear in JSON on the command line and in shareable URLs.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, Literal, get_args

Severity = Literal["mild", "moderate", "severe"]
Training = Literal["unchanged", "reduced", "stopped"]
Plan = Literal["rest_only", "addresses_cause"]
Cause = Literal["overload", "weakness", "tightness", "malalignment", "unknown"]
RedFlag = Literal["injury", "swelling", "locking", "giving_way", "night_pain", "fever"]

SEVERITIES: tuple[Severity, ...] = get_args(Severity)
TRAININGS: tuple[Training, ...] = get_args(Training)
PLANS: tuple[Plan, ...] = get_args(Plan)
CAUSES: tuple[Cause, ...] = get_args(Cause)
RED_FLAGS: tuple[RedFlag, ...] = get_args(RedFlag)

MAX_SYMPTOM_WEEKS = 520
"""Ten years: beyond it the number is more likely a typing slip than a history."""


@dataclass(frozen=True)
class Inputs:
    """One runner's answers. Booleans and lists have defaults; the rest must be given."""

    severity: Severity
    symptom_weeks: float
    ran_through_pain: bool
    training: Training
    plan: Plan
    cause: Cause
    high_bmi: bool = False
    red_flags: tuple[RedFlag, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "symptom_weeks": self.symptom_weeks,
            "ran_through_pain": self.ran_through_pain,
            "training": self.training,
            "plan": self.plan,
            "cause": self.cause,
            "high_bmi": self.high_bmi,
            "red_flags": list(self.red_flags),
        }


DEFAULTS = Inputs(
    severity="moderate",
    symptom_weeks=2,
    ran_through_pain=False,
    training="reduced",
    plan="addresses_cause",
    cause="overload",
)
"""The answer shown before the reader changes anything: the common case."""

FIELDS = tuple(DEFAULTS.to_json())
REQUIRED = ("severity", "symptom_weeks", "ran_through_pain", "training", "plan", "cause")


class InputError(ValueError):
    """Invalid input: ``errors`` maps each field (or ``input``) to a one-line message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, str):
        return json.dumps(value[:40] + ("..." if len(value) > 40 else ""))
    if isinstance(value, int | float):
        return repr(value)
    return "a list" if isinstance(value, list) else "an object" if isinstance(value, dict) else "?"


def _choice(value: Any, choices: tuple[str, ...]) -> str:
    if isinstance(value, str) and value in choices:
        return value
    raise ValueError(f"expected one of {', '.join(choices)}, got {_describe(value)}")


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"expected true or false, got {_describe(value)}")


def _weeks(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"expected a number of weeks, got {_describe(value)}")
    if value < 0:
        raise ValueError(f"must be 0 or more, got {_describe(value)}")
    if value > MAX_SYMPTOM_WEEKS:
        raise ValueError(f"must be at most {MAX_SYMPTOM_WEEKS}, got {_describe(value)}")
    return float(value)


def _red_flags(value: Any) -> tuple[RedFlag, ...]:
    if not isinstance(value, list):
        raise ValueError(f"expected a list, got {_describe(value)}")
    unknown = [item for item in value if item not in RED_FLAGS]
    if unknown:
        raise ValueError(f"unknown sign {_describe(unknown[0])}; known: {', '.join(RED_FLAGS)}")
    return tuple(flag for flag in RED_FLAGS if flag in value)


_PARSERS = {
    "severity": lambda v: _choice(v, SEVERITIES),
    "symptom_weeks": _weeks,
    "ran_through_pain": _flag,
    "training": lambda v: _choice(v, TRAININGS),
    "plan": lambda v: _choice(v, PLANS),
    "cause": lambda v: _choice(v, CAUSES),
    "high_bmi": _flag,
    "red_flags": _red_flags,
}


def parse_inputs(data: Any) -> Inputs:
    """Validate a decoded JSON object; raises InputError naming every bad field."""
    if not isinstance(data, dict):
        raise InputError({"input": f"expected a JSON object, got {_describe(data)}"})
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for field in data:
        if field not in _PARSERS:
            shown = json.dumps(str(field))[1:-1]  # escapes newlines and control characters
            errors[shown] = f"unknown field; known fields: {', '.join(FIELDS)}"
    for field, parse in _PARSERS.items():
        if field not in data:
            if field in REQUIRED:
                errors[field] = "missing"
            continue
        try:
            values[field] = parse(data[field])
        except ValueError as error:
            errors[field] = str(error)
    if errors:
        raise InputError(errors)
    return Inputs(**values)
