"""Runner's knee recovery estimator: a transparent factor model, standard library only.

It imports nothing but the standard library (never ``js`` or ``pyodide``), so CPython, the site
build and Pyodide in the browser run exactly the same code.
"""

from __future__ import annotations

from calculator.api import respond
from calculator.estimate import Estimate, FactorEffect, Weeks, estimate
from calculator.factors import FACTORS
from calculator.inputs import (
    AGES,
    CAUSES,
    FIELDS,
    MAX_SYMPTOM_WEEKS,
    PLANS,
    QUESTIONS,
    RED_FLAGS,
    SEVERITIES,
    TRAININGS,
    TYPICAL,
    InputError,
    Inputs,
    Question,
    parse_inputs,
)
from calculator.phases import Phase

__version__ = "3.0.0"

__all__ = [
    "AGES",
    "CAUSES",
    "FACTORS",
    "FIELDS",
    "MAX_SYMPTOM_WEEKS",
    "PLANS",
    "QUESTIONS",
    "RED_FLAGS",
    "SEVERITIES",
    "TRAININGS",
    "TYPICAL",
    "Estimate",
    "FactorEffect",
    "InputError",
    "Inputs",
    "Phase",
    "Question",
    "Weeks",
    "estimate",
    "parse_inputs",
    "respond",
]
