"""The page plan: every page of the guide, its source path, template and item, in one place.

Paths are MkDocs source paths; with directory URLs ``exercises/clam-shell.md`` is served at
``/exercises/clam-shell/``. An exercise's path is built from its permanent slug only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kneeguide.catalog import Catalog


@dataclass(frozen=True)
class PlannedPage:
    path: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


HOME = "index.md"
CONDITION = "what-is-runners-knee.md"
CAUSES = "causes/index.md"
RECOVERY = "recovery-time.md"
TREATMENT = "treatment.md"
EXERCISES = "exercises/index.md"
CLINICIAN = "see-a-clinician.md"
CALCULATOR = "calculator.md"
REFERENCES = "references.md"
ABOUT = "about.md"


def cause_path(slug: str) -> str:
    return f"causes/{slug}.md"


def exercise_path(slug: str) -> str:
    return f"exercises/{slug}.md"


def url_of(path: str) -> str:
    """The site-relative URL MkDocs gives ``path`` with ``use_directory_urls``."""
    if path == "index.md":
        return ""
    if path.endswith("/index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/"


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
        PlannedPage(CALCULATOR, "calculator.md.j2"),
        PlannedPage(REFERENCES, "references.md.j2"),
        PlannedPage(ABOUT, "about.md.j2"),
    ]
