"""The content model: one frozen dataclass per kind of YAML item.

A field whose metadata has ``links`` holds slugs of another kind; the catalog checks that each one
exists. Prose fields may cite references inline as ``[@slug]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from kneeguide.content.figure import Figure
from kneeguide.content.read import Location

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
URL = re.compile(r"^https://[^\s/$.?#][^\s]*$")

Purpose = Literal["strengthen", "stretch", "release"]
TreatmentCategory = Literal["load", "exercise", "relief", "clinician", "support"]
DosageSource = Literal["article", "clinician-reviewed", "not-given"]
Evidence = Literal["article", "editorial"]


def links(kind: str, default: Any = ()) -> Any:
    """A field of slugs that must name existing items of ``kind``."""
    return field(default=default, metadata={"links": kind})


def _slug_problems(slug: str, where: Location = ("slug",)) -> list[tuple[Location, str]]:
    if SLUG.match(slug):
        return []
    return [(where, f'"{slug}" is not a slug: use lowercase letters, digits and single hyphens')]


@dataclass(frozen=True)
class Reference:
    """A published source, numbered as the guide cites it."""

    slug: str
    number: int
    authors: tuple[str, ...]
    year: int
    title: str
    venue: str
    cited_for: str
    details: str | None = None
    doi: str | None = None
    url: str | None = None

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if self.number < 1:
            problems.append((("number",), "must be 1 or more"))
        if not self.authors:
            problems.append((("authors",), "list at least one author"))
        if self.doi is None and self.url is None:
            problems.append(((), "give a doi or a url so readers can check the source"))
        if self.doi is not None and not DOI.match(self.doi):
            problems.append((("doi",), f'"{self.doi}" is not a DOI such as 10.1000/xyz123'))
        if self.url is not None and not URL.match(self.url):
            problems.append((("url",), f'"{self.url}" is not an https:// address'))
        return problems

    @property
    def short_authors(self) -> str:
        """``Bump & Lewis``, or ``Chan et al.`` for three authors or more."""
        surnames = [author.split(",")[0] for author in self.authors]
        if len(surnames) > 2:
            return f"{surnames[0]} et al."
        return " & ".join(surnames)

    @property
    def link(self) -> str:
        """Where a reader checks the source: the DOI resolver when there is a DOI."""
        return f"https://doi.org/{self.doi}" if self.doi else str(self.url)


@dataclass(frozen=True)
class Incidence:
    group: str
    low_percent: float
    high_percent: float
    reference: str = field(metadata={"links": "references"})

    def check(self) -> list[tuple[Location, str]]:
        if 0 <= self.low_percent <= self.high_percent <= 100:
            return []
        return [(("low_percent",), "needs 0 <= low_percent <= high_percent <= 100")]


@dataclass(frozen=True)
class Condition:
    """What runner's knee is: names, where it hurts, who gets it, what to expect."""

    slug: str
    name: str
    other_names: tuple[str, ...]
    summary: str
    definition: str
    where_it_hurts: str
    worse_with: tuple[str, ...]
    incidence: tuple[Incidence, ...]
    course: str
    outlook: str
    diagnosis: str
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True)
class Symptom:
    slug: str
    name: str
    order: int
    description: str
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True)
class Cause:
    """A reason the kneecap ends up irritated, and how it is put right."""

    slug: str
    name: str
    order: int
    summary: str
    explanation: tuple[str, ...]
    how_to_address: str
    references: tuple[str, ...] = links("references")
    related: tuple[str, ...] = links("causes")

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True)
class Dosage:
    """How much of an exercise to do; ``source`` says where the figures come from.

    ``not-given`` marks a dosage the source article does not state: the page says so, no figure
    is invented, and the item is listed for clinical review.
    """

    source: DosageSource
    note: str
    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    frequency: str | None = None

    def check(self) -> list[tuple[Location, str]]:
        figures = {"sets": self.sets, "reps": self.reps, "hold_seconds": self.hold_seconds}
        problems: list[tuple[Location, str]] = [
            ((name,), "must be 1 or more")
            for name, value in figures.items()
            if value is not None and value < 1
        ]
        given = [name for name, value in figures.items() if value is not None]
        if self.source == "not-given" and given:
            problems.append(
                (
                    (given[0],),
                    "source is not-given, so leave the figure out (or say where it comes from)",
                )
            )
        if self.source != "not-given" and not given:
            problems.append(
                (("source",), "give sets, reps or hold_seconds, or set source: not-given")
            )
        return problems


@dataclass(frozen=True)
class Exercise:
    """One exercise, published at ``/exercises/<slug>/`` for good."""

    slug: str
    name: str
    purpose: Purpose
    order: int
    summary: str
    targets: tuple[str, ...]
    equipment: tuple[str, ...]
    steps: tuple[str, ...]
    dosage: Dosage
    cautions: tuple[str, ...]
    causes: tuple[str, ...] = links("causes")
    progressions: tuple[str, ...] = links("exercises")
    regressions: tuple[str, ...] = links("exercises")
    references: tuple[str, ...] = links("references")
    former_slugs: tuple[str, ...] = ()
    figure: Figure | None = None

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        for index, former in enumerate(self.former_slugs):
            problems += _slug_problems(former, ("former_slugs", index))
        if len(self.steps) < 2:
            problems.append((("steps",), "give at least two numbered steps"))
        if not self.references:
            problems.append((("references",), "cite at least one reference"))
        for name in ("progressions", "regressions"):
            for index, slug in enumerate(getattr(self, name)):
                if slug == self.slug:
                    problems.append(((name, index), "an exercise cannot lead to itself"))
        return problems


@dataclass(frozen=True)
class Treatment:
    """A treatment option: what it does, when it fits, and what to watch for."""

    slug: str
    name: str
    category: TreatmentCategory
    order: int
    summary: str
    details: tuple[str, ...]
    cautions: tuple[str, ...] = ()
    exercises: tuple[str, ...] = links("exercises")
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True)
class RecoveryFactor:
    """Something that makes recovery shorter or longer."""

    slug: str
    name: str
    order: int
    summary: str
    details: tuple[str, ...]
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True)
class Timeline:
    """A typical recovery span for one situation, as the source states it (``span``) and in weeks.

    ``open_ended`` marks a span with no upper limit ("or more"); ``high_weeks`` is then the
    figure the source names before "or more".
    """

    slug: str
    name: str
    order: int
    situation: str
    span: str
    low_weeks: float
    high_weeks: float
    open_ended: bool = False
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if self.low_weeks <= 0:
            problems.append((("low_weeks",), "must be more than 0"))
        if self.high_weeks < self.low_weeks:
            problems.append((("high_weeks",), "must not be less than low_weeks"))
        return problems


@dataclass(frozen=True)
class RedFlag:
    """A sign that needs a clinician rather than self-care; ``code`` is the calculator's name."""

    slug: str
    code: str
    name: str
    order: int
    description: str
    action: str
    evidence: Evidence
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if self.evidence == "article" and not self.references:
            problems.append((("references",), "evidence is article, so cite the reference"))
        return problems
