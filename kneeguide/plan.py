"""The page plan: every page of the guide with its template and the item it shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kneeguide.calculator_page import calculator_context
from kneeguide.catalog import Catalog
from kneeguide.urls import (
    ABOUT,
    CALCULATOR,
    CAUSES,
    CLINICIAN,
    CONDITION,
    EXERCISES,
    HOME,
    RECOVERY,
    REFERENCES,
    TREATMENT,
    cause_path,
    exercise_path,
)


@dataclass(frozen=True)
class PlannedPage:
    path: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


def page_plan(catalog: Catalog) -> list[PlannedPage]:
    """Every generated page, in navigation order."""
    return [
        PlannedPage(HOME, "home.md.j2"),
        PlannedPage(CONDITION, "condition.md.j2"),
        PlannedPage(CAUSES, "causes.md.j2"),
        *(PlannedPage(cause_path(c.slug), "cause.md.j2", {"cause": c}) for c in catalog.causes),
        PlannedPage(RECOVERY, "recovery.md.j2"),
        PlannedPage(TREATMENT, "treatment.md.j2"),
        PlannedPage(EXERCISES, "exercises.md.j2"),
        *(
            PlannedPage(exercise_path(e.slug), "exercise.md.j2", {"exercise": e})
            for e in catalog.exercises
        ),
        PlannedPage(CLINICIAN, "clinician.md.j2"),
        PlannedPage(CALCULATOR, "calculator.md.j2", calculator_context(catalog)),
        PlannedPage(REFERENCES, "references.md.j2"),
        PlannedPage(ABOUT, "about.md.j2"),
    ]
