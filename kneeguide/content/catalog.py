"""Load a content tree into a cross-checked Catalog, or raise one ContentError listing everything."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kneeguide.content.errors import ContentError, Problem
from kneeguide.content.figure import equipment_problems
from kneeguide.content.models import (
    Cause,
    Condition,
    Exercise,
    RecoveryFactor,
    RedFlag,
    Reference,
    Symptom,
    Timeline,
    Treatment,
)
from kneeguide.content.read import Document, Location, read_document
from kneeguide.content.validate import build

KINDS: dict[str, type[Any]] = {
    "condition": Condition,
    "symptoms": Symptom,
    "causes": Cause,
    "recovery-factors": RecoveryFactor,
    "timelines": Timeline,
    "treatments": Treatment,
    "exercises": Exercise,
    "red-flags": RedFlag,
    "references": Reference,
}
"""Each folder of the content tree and the model of the items in it."""

SINGULAR = {
    "condition": "condition",
    "symptoms": "symptom",
    "causes": "cause",
    "recovery-factors": "recovery factor",
    "timelines": "timeline",
    "treatments": "treatment",
    "exercises": "exercise",
    "red-flags": "red flag",
    "references": "reference",
}

CITATION = re.compile(r"\[@([^\]\s]+)\]")
"""An inline citation in prose: ``[@bump-2023]``."""


@dataclass(frozen=True)
class Catalog:
    """All content items, ordered for display, with the lookups the pages need."""

    condition: Condition
    symptoms: tuple[Symptom, ...]
    causes: tuple[Cause, ...]
    recovery_factors: tuple[RecoveryFactor, ...]
    timelines: tuple[Timeline, ...]
    treatments: tuple[Treatment, ...]
    exercises: tuple[Exercise, ...]
    red_flags: tuple[RedFlag, ...]
    references: tuple[Reference, ...]

    def reference(self, slug: str) -> Reference:
        return next(r for r in self.references if r.slug == slug)

    def cause(self, slug: str) -> Cause:
        return next(c for c in self.causes if c.slug == slug)

    def exercise(self, slug: str) -> Exercise:
        return next(e for e in self.exercises if e.slug == slug)

    def exercises_for(self, cause: Cause) -> tuple[Exercise, ...]:
        return tuple(e for e in self.exercises if cause.slug in e.causes)

    def treatments_using(self, exercise: Exercise) -> tuple[Treatment, ...]:
        return tuple(t for t in self.treatments if exercise.slug in t.exercises)


def load_catalog(root: Path) -> Catalog:
    """Read, validate and cross-check every item under ``root``."""
    problems: list[Problem] = []
    loaded: dict[str, list[tuple[Any, Document]]] = {}
    # Slugs of items that failed validation still count as existing, so that one bad file does
    # not make every link to it an error too.
    slugs: dict[str, set[str]] = {}
    problems += _unexpected_entries(root)
    for kind, model in KINDS.items():
        loaded[kind] = []
        slugs[kind] = set()
        for path, name in _item_files(root, kind, problems):
            document = read_document(path, name)
            if isinstance(document, Problem):
                problems.append(document)
                continue
            if isinstance(document.data, dict) and isinstance(document.data.get("slug"), str):
                slugs[kind].add(document.data["slug"])
            item = build(model, document)
            if isinstance(item, list):
                problems += item
            else:
                loaded[kind].append((item, document))
    problems += _duplicate_slugs(loaded)
    problems += _numbering(loaded["references"])
    for items in loaded.values():
        for item, document in items:
            problems += _dangling(item, document, slugs)
    for exercise, document in loaded["exercises"]:
        if exercise.figure is not None:
            problems += [
                document.problem(where, message)
                for where, message in equipment_problems(exercise.figure, exercise.equipment)
            ]
    if len(loaded["condition"]) > 1:
        extra = loaded["condition"][1][1]
        problems.append(Problem(extra.name, 1, "", "there can be only one condition file"))
    if problems:
        raise ContentError(problems)

    def ordered(kind: str) -> tuple[Any, ...]:
        key = "number" if kind == "references" else "order"
        return tuple(sorted((i for i, _ in loaded[kind]), key=lambda i: (getattr(i, key), i.slug)))

    return Catalog(
        condition=loaded["condition"][0][0],
        symptoms=ordered("symptoms"),
        causes=ordered("causes"),
        recovery_factors=ordered("recovery-factors"),
        timelines=ordered("timelines"),
        treatments=ordered("treatments"),
        exercises=ordered("exercises"),
        red_flags=ordered("red-flags"),
        references=ordered("references"),
    )


def _unexpected_entries(root: Path) -> list[Problem]:
    if not root.is_dir():
        return [Problem(root.name, 1, "", "the content folder does not exist")]
    return [
        Problem(
            f"{root.name}/{entry.name}",
            1,
            "",
            f"unexpected entry: expected only {', '.join(KINDS)}",
        )
        for entry in sorted(root.iterdir())
        if entry.name not in KINDS and entry.name != "README.md" and not entry.name.startswith(".")
    ]


def _item_files(root: Path, kind: str, problems: list[Problem]) -> Iterator[tuple[Path, str]]:
    folder = root / kind
    shown = f"{root.name}/{kind}"
    if not folder.is_dir():
        problems.append(Problem(shown, 1, "", "this folder is missing"))
        return
    found = False
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix != ".yaml" or not path.is_file():
            problems.append(Problem(f"{shown}/{path.name}", 1, "", "expected a .yaml file"))
            continue
        found = True
        yield path, f"{shown}/{path.name}"
    if not found:
        problems.append(Problem(shown, 1, "", "this folder holds no items"))


def _duplicate_slugs(loaded: dict[str, list[tuple[Any, Document]]]) -> list[Problem]:
    problems: list[Problem] = []
    for items in loaded.values():
        seen: dict[str, Document] = {}
        for item, document in items:
            names: list[tuple[Location, str]] = [(("slug",), item.slug)]
            names += [
                (("former_slugs", i), s) for i, s in enumerate(getattr(item, "former_slugs", ()))
            ]
            for location, slug in names:
                if slug in seen:
                    first = seen[slug]
                    problems.append(
                        document.problem(
                            location,
                            f'"{slug}" is already used by {first.name}:{first.line_of(("slug",))}',
                        )
                    )
                else:
                    seen[slug] = document
    return problems


def _numbering(references: list[tuple[Any, Document]]) -> list[Problem]:
    numbers = sorted(item.number for item, _ in references)
    if numbers == list(range(1, len(numbers) + 1)):
        return []
    return [
        document.problem(
            ("number",), f"references must be numbered 1 to {len(numbers)} without gaps or repeats"
        )
        for item, document in references
        if numbers.count(item.number) > 1 or item.number > len(numbers)
    ] or [Problem(references[0][1].name, 1, "number", "references must be numbered from 1")]


def _dangling(item: Any, document: Document, slugs: dict[str, set[str]]) -> list[Problem]:
    """Links to items that do not exist, and citations of unknown references."""
    problems: list[Problem] = []
    for location, value, kind in _walk(item, ()):
        if kind is not None and value not in slugs[kind]:
            problems.append(
                document.problem(location, f'no {SINGULAR[kind]} has the slug "{value}"')
            )
        if isinstance(value, str):
            for cited in CITATION.findall(value):
                if cited not in slugs["references"]:
                    problems.append(
                        document.problem(location, f"cites [@{cited}], which is not a reference")
                    )
    return problems


def _walk(
    value: Any, location: Location, kind: str | None = None
) -> Iterator[tuple[Location, Any, str | None]]:
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name), (*location, f.name), f.metadata.get("links"))
    elif isinstance(value, tuple):
        for index, inner in enumerate(value):
            yield from _walk(inner, (*location, index), kind)
    else:
        yield location, value, kind
