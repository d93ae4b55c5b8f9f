"""The page plan: every page of the guide with its template and the item it shows.

It decides URLs only: pages that need computed data (the calculator's default answer) name it in
``data``, and rendering computes it, so listing URLs never runs the estimator.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from kneeguide.content.catalog import Catalog
from kneeguide.content.models import Exercise
from kneeguide.pages.urls import (
    ABOUT,
    CALCULATOR,
    CAUSES,
    CLINICIAN,
    CONDITION,
    EXERCISES,
    HOME,
    OFFLINE,
    PROGRAM,
    RECOVERY,
    REFERENCES,
    TOPICS,
    TREATMENT,
    cause_path,
    exercise_path,
    topic_path,
    url_of,
)


@dataclass(frozen=True)
class PlannedPage:
    path: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    data: Literal["calculator", "program"] | None = None
    """The page-specific data that rendering adds to ``context``."""


def redirects(catalog: Catalog) -> dict[str, Exercise]:
    """Each former exercise path, and the exercise that now lives elsewhere."""
    return {exercise_path(old): e for e in catalog.exercises for old in e.former_slugs}


def published_urls(catalog: Catalog) -> list[str]:
    """Every URL the site answers, exercises first, as paths from the site root."""
    paths = [page.path for page in page_plan(catalog)]
    exercises = [exercise_path(e.slug) for e in catalog.exercises]
    rest = [p for p in paths if p not in exercises]
    return ["/" + url_of(p) for p in [*exercises, *rest, *redirects(catalog)]]


def merged_manifest(published: list[str], current: list[str]) -> list[str]:
    """The manifest with the current URLs added: a URL once published is never dropped."""
    return [*published, *(url for url in current if url not in published)]


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
        PlannedPage(TOPICS, "topics.md.j2"),
        *(PlannedPage(topic_path(t.slug), "topic.md.j2", {"topic": t}) for t in catalog.topics),
        PlannedPage(CALCULATOR, "calculator.md.j2", data="calculator"),
        PlannedPage(PROGRAM, "program.md.j2", data="program"),
        PlannedPage(REFERENCES, "references.md.j2"),
        PlannedPage(ABOUT, "about.md.j2"),
        PlannedPage(OFFLINE, "offline.md.j2"),
    ]
