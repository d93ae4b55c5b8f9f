"""The calculator's public input contract and its validation, one table row per question.

``QUESTIONS`` is the only place a question is described: its field name, words, options, limits,
the message for a missing or wrong answer, and the answers that send the reader to a clinician
instead of giving a number. The estimator parses with it, the build writes the page's form from
it, and the browser reads the same rows (emitted at build time), so no rule is written twice.

The field names and option values are public: they appear in JSON on the command line and in
shareable links, so a field or a value is never renamed or removed. ``high_bmi`` is retired: it
is still accepted (links sent years ago keep working) but no longer changes the estimate,
because no study we could cite supports it (one found BMI unrelated to outcome). Retired
warning-sign codes are read as the sign that replaced them.

Messages are written for the reader of the form: plain words, no field names, no JSON.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass
from typing import Any, Literal, get_args

Severity = Literal["mild", "moderate", "severe"]
Training = Literal["unchanged", "reduced", "stopped"]
Plan = Literal["rest_only", "addresses_cause"]
Cause = Literal["overload", "weakness", "tightness", "malalignment", "unknown"]
Age = Literal["adult", "under_18"]
RedFlag = Literal[
    "breathless",
    "back_nerves",
    "cannot_bear_weight",
    "deformed",
    "cold_foot",
    "swelling",
    "hot_knee",
    "child",
    "calf_pain",
    "bone_stress",
    "locking",
    "giving_way",
    "foot_drop",
    "injury",
    "under_18",
    "numb_foot",
    "night_pain",
    "hip_or_back",
    "other_joints",
]
"""Codes of the signs that need a clinician. The estimator knows codes only: the guide's red-flag
items name them (``code``) and hold every word shown about them, with their urgency."""

RETIRED_RED_FLAGS: dict[str, RedFlag] = {"fever": "hot_knee", "child_hip": "child"}
"""Codes used by earlier versions, read as the sign that replaced each (links keep working)."""

SEVERITIES: tuple[Severity, ...] = get_args(Severity)
TRAININGS: tuple[Training, ...] = get_args(Training)
PLANS: tuple[Plan, ...] = get_args(Plan)
CAUSES: tuple[Cause, ...] = get_args(Cause)
AGES: tuple[Age, ...] = get_args(Age)
RED_FLAGS: tuple[RedFlag, ...] = get_args(RedFlag)

MAX_SYMPTOM_WEEKS = 520
"""Ten years: beyond it the number is more likely a typing slip than a history."""

Control = Literal["radio", "number", "select", "checkboxes"]
Answer = str | bool


@dataclass(frozen=True)
class Question:
    """One question of the calculator's form, in the reader's words, and how its answer is read.

    ``options`` pairs each JSON value with its label; the warning-sign question has none here
    because their words live in the guide's content (the estimator knows codes). ``refers``
    names, for an answer, the warning sign it stands for: that answer refers the reader to a
    clinician before anything else is asked.
    """

    field: str
    text: str
    control: Control
    missing: str
    """What to tell a reader who left the question unanswered (or whose answer is not one of the
    options)."""
    short: str
    """A few words naming the question, for a list of what is still unanswered."""
    hint: str = ""
    options: tuple[tuple[Answer, str], ...] = ()
    low: float | None = None
    high: float | None = None
    step: float | None = None
    unit: str = ""
    """What a number counts, for the message when it is out of range."""
    required: bool = True
    refers: dict[str, RedFlag] = dataclasses.field(default_factory=dict)

    @property
    def kind(self) -> Literal["choice", "boolean", "number", "codes"]:
        """The JSON type of the answer."""
        if self.control == "number":
            return "number"
        if self.control == "checkboxes":
            return "codes"
        if all(isinstance(value, bool) for value, _ in self.options):
            return "boolean"
        return "choice"

    def parse(self, value: Any) -> Any:
        """The answer as the estimator uses it; raises ValueError with the reader's message."""
        kind = self.kind
        if kind == "number":
            return _number(self, value)
        if kind == "codes":
            known, unknown = read_codes(value)
            if unknown:
                raise ValueError("One of the warning signs was not recognised. Tick them again.")
            return known
        values = [option for option, _ in self.options]
        if kind == "boolean" and isinstance(value, bool) and value in values:
            return value
        if kind == "choice" and isinstance(value, str) and value in values:
            return value
        raise ValueError(self.missing)


def _number(question: Question, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(question.missing)
    if not (question.low or 0) <= value <= (question.high or math.inf):
        raise ValueError(
            f"Enter a number of {question.unit} from {question.low:g} to {question.high:g}."
        )
    return float(value)


def read_codes(value: Any) -> tuple[tuple[RedFlag, ...], tuple[str, ...]]:
    """The known warning signs in ``value`` (a list of codes), in the estimator's order, and the
    codes it does not know. Retired codes are read as the sign that replaced them."""
    if not isinstance(value, list):
        return (), (_shown(value),)
    known: set[str] = set()
    unknown: list[str] = []
    for item in value:
        code = RETIRED_RED_FLAGS.get(item, item) if isinstance(item, str) else item
        if code in RED_FLAGS:
            known.add(code)
        elif _shown(item) not in unknown:
            unknown.append(_shown(item))
    return tuple(flag for flag in RED_FLAGS if flag in known), tuple(unknown)


def _shown(value: Any) -> str:
    """A value as a reader may see it: short, with newlines and control characters escaped."""
    text = value if isinstance(value, str) else json.dumps(value)
    return json.dumps(text[:40])[1:-1]


QUESTIONS: tuple[Question, ...] = (
    Question(
        "red_flags",
        "First, do any of these apply?",
        "checkboxes",
        missing="Tick any warning signs that apply.",
        short="warning signs",
        hint="Any one of them needs a doctor or physio, not an estimate.",
        required=False,
    ),
    Question(
        "age",
        "How old are you?",
        "radio",
        missing="Say whether you are under 18.",
        short="your age",
        options=(("adult", "18 or older"), ("under_18", "Under 18")),
        refers={"under_18": "under_18"},
    ),
    Question(
        "severity",
        "How much does your knee hold you back?",
        "radio",
        missing="Choose how much your knee holds you back.",
        short="how much it holds you back",
        options=(
            ("mild", "A little: I can run, but it aches during or after runs"),
            ("moderate", "Some: I run less far or less fast, or stairs and squats hurt"),
            ("severe", "A lot: it hurts in daily life, or I cannot run at all"),
        ),
    ),
    Question(
        "symptom_weeks",
        "How many weeks has it hurt?",
        "number",
        missing="Enter how many weeks it has hurt, for example 2.",
        short="how many weeks",
        hint="For a few days, enter 0.5. For the first signs, enter 0.",
        low=0,
        high=MAX_SYMPTOM_WEEKS,
        step=0.5,
        unit="weeks",
    ),
    Question(
        "ran_through_pain",
        "Have you kept running on it while it got worse?",
        "radio",
        missing="Say whether you kept running while it got worse.",
        short="running through pain",
        options=((False, "No"), (True, "Yes, and it kept getting worse")),
    ),
    Question(
        "training",
        "What have you changed in your training?",
        "radio",
        missing="Choose what you have done with your training.",
        short="your training",
        options=(
            ("unchanged", "I am training as before"),
            ("reduced", "I have cut back my running"),
            ("stopped", "I have stopped running and cross-train instead"),
        ),
    ),
    Question(
        "plan",
        "What is your plan?",
        "radio",
        missing="Choose what your plan is.",
        short="your plan",
        options=(
            ("rest_only", "Resting until it feels better"),
            ("addresses_cause", "Working on the cause: strengthening, stretching or physiotherapy"),
        ),
    ),
    Question(
        "cause",
        "What do you think caused it?",
        "select",
        missing='Choose what you think caused it, or "I don\'t know".',
        short="the cause",
        hint='Not sure? Choose "I don\'t know".',
        options=(
            ("overload", "Too much running, too soon"),
            ("weakness", "Weak thigh or hip muscles"),
            ("tightness", "Tight muscles"),
            ("malalignment", "How my leg is aligned"),
            ("unknown", "I don't know"),
        ),
    ),
)
"""The form, question by question, in the order asked: the warning signs first."""

RETIRED: tuple[Question, ...] = (
    Question(
        "high_bmi",
        "",
        "radio",
        missing="Body weight must be true or false.",
        short="",
        options=((True, ""), (False, "")),
        required=False,
    ),
)
"""Questions no longer asked, still accepted from old links, with no effect."""

BY_FIELD = {q.field: q for q in QUESTIONS}
FIELDS = tuple(q.field for q in QUESTIONS)
REQUIRED = tuple(q.field for q in QUESTIONS if q.required)


@dataclass(frozen=True)
class Inputs:
    """One runner's answers. ``red_flags`` defaults to none; the rest must be given."""

    age: Age
    severity: Severity
    symptom_weeks: float
    ran_through_pain: bool
    training: Training
    plan: Plan
    cause: Cause
    red_flags: tuple[RedFlag, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The answers as the JSON the page and the command line send, in the form's order."""
        values = {name: getattr(self, name) for name in FIELDS}
        values["red_flags"] = list(self.red_flags)
        return values


TYPICAL = Inputs(
    age="adult",
    severity="moderate",
    symptom_weeks=2,
    ran_through_pain=False,
    training="reduced",
    plan="addresses_cause",
    cause="overload",
)
"""The typical case (the guide's average recovery), shown as typical until the reader answers."""


class InputError(ValueError):
    """Invalid input: ``errors`` maps each field (or ``input``) to a plain one-line message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))


def warning_signs(data: Any) -> tuple[tuple[RedFlag, ...], tuple[str, ...]]:
    """The warning signs ``data`` gives, whatever else is missing or wrong, and the codes it
    names that are not known. A sign needs a clinician, so it is acted on before the other
    answers are complete, and an unknown code never cancels a known one. An answer that stands
    for a sign (``Question.refers``) counts as that sign."""
    if not isinstance(data, dict):
        return (), ()
    known: set[str] = set()
    unknown: tuple[str, ...] = ()
    if "red_flags" in data:
        ticked, unknown = read_codes(data["red_flags"])
        known.update(ticked)
    for question in QUESTIONS:
        answer = data.get(question.field)
        if isinstance(answer, str) and answer in question.refers:
            known.add(question.refers[answer])
    return tuple(flag for flag in RED_FLAGS if flag in known), unknown


def parse_inputs(data: Any) -> Inputs:
    """Validate a decoded JSON object; raises InputError naming every bad field."""
    if not isinstance(data, dict):
        raise InputError({"input": "The answers could not be read. Start again."})
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    known = {q.field: q for q in (*QUESTIONS, *RETIRED)}
    for name in data:
        if name not in known:
            errors[_shown(str(name))] = "This question is not part of the calculator."
    for name, question in known.items():
        if name not in data:
            if question.required:
                errors[name] = question.missing
            continue
        try:
            value = question.parse(data[name])
        except ValueError as error:
            errors[name] = str(error)
            continue
        if name in BY_FIELD:
            values[name] = value
    if errors:
        raise InputError(errors)
    return Inputs(**values)
