"""Load a content tree into a cross-checked Catalog, or raise one ContentError listing everything."""

from __future__ import annotations

import dataclasses
import functools
import re
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import calculator
from calculator.estimate import Reason, Running
from calculator.factors import FACTORS
from calculator.inputs import BY_FIELD
from calculator.phases import PHASES
from kneeguide.content.errors import ContentError, Problem
from kneeguide.content.figure import equipment_problems
from kneeguide.content.memo import Entry, Link, Located, Memo
from kneeguide.content.models import (
    BASES,
    Cause,
    CompanionWords,
    Condition,
    EstimateWords,
    Exercise,
    GlossaryTerm,
    PainRule,
    ProgramTemplate,
    Psfs,
    RecoveryFactor,
    RedFlag,
    Reference,
    RunningPlan,
    SessionWords,
    Symptom,
    Timeline,
    Topic,
    Treatment,
    Triage,
)
from kneeguide.content.motion import motion_problems
from kneeguide.content.read import Document, Location, read_document
from kneeguide.content.validate import build


@dataclass(frozen=True)
class Kind:
    """One folder of the content tree: the model of its items and how they are listed."""

    folder: str
    model: type[Any]
    singular: str
    single: bool = False
    """The folder holds exactly one item, and the catalog holds the item itself."""
    order_by: str = "order"
    """The field items are listed by (single items are not listed)."""

    @property
    def attribute(self) -> str:
        """The Catalog field holding the items: ``red-flags`` -> ``red_flags``."""
        return self.folder.replace("-", "_")


KINDS: tuple[Kind, ...] = (
    Kind("condition", Condition, "condition", single=True),
    Kind("symptoms", Symptom, "symptom"),
    Kind("causes", Cause, "cause"),
    Kind("recovery-factors", RecoveryFactor, "recovery factor"),
    Kind("timelines", Timeline, "timeline"),
    Kind("treatments", Treatment, "treatment"),
    Kind("exercises", Exercise, "exercise"),
    Kind("red-flags", RedFlag, "red flag"),
    Kind("triage", Triage, "triage", single=True),
    Kind("estimate", EstimateWords, "estimate", single=True),
    Kind("psfs", Psfs, "PSFS", single=True),
    Kind("session", SessionWords, "session", single=True),
    Kind("companion", CompanionWords, "companion", single=True),
    Kind("program-templates", ProgramTemplate, "program template"),
    Kind("pain-rule", PainRule, "pain rule", single=True),
    Kind("running-plan", RunningPlan, "running plan", single=True),
    Kind("topics", Topic, "topic"),
    Kind("glossary", GlossaryTerm, "glossary term", order_by="term"),
    Kind("references", Reference, "reference", order_by="number"),
)
"""Every kind of content, listed once: the catalog, the schemas and the editor settings follow it."""

BY_FOLDER = {kind.folder: kind for kind in KINDS}

RUNNING: tuple[str, ...] = typing.get_args(Running)
REASONS: tuple[str, ...] = typing.get_args(Reason)

CITATION = re.compile(r"\[@([^\]\s]+)\]")
"""An inline citation in prose: ``[@bump-2023]``, or a basis: ``[@experience]``, ``[@editorial]``."""
MARKER = re.compile(r"\s*" + CITATION.pattern)
"""A citation with the space before it, which is the marker's own."""


def plain(text: str) -> str:
    """Prose without its citations (and the space before each), for page descriptions and text
    shown by the browser: ``checked [@editorial].`` becomes ``checked.``."""
    return " ".join((MARKER.sub("", text) if "[@" in text else text).split())


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
    triage: Triage
    estimate: EstimateWords
    psfs: Psfs
    session: SessionWords
    companion: CompanionWords
    program_templates: tuple[ProgramTemplate, ...]
    pain_rule: PainRule
    running_plan: RunningPlan
    topics: tuple[Topic, ...]
    glossary: tuple[GlossaryTerm, ...]
    references: tuple[Reference, ...]
    files: Mapping[tuple[str, str], str] = dataclasses.field(default_factory=dict)
    """Where each item was read from, by its kind's folder and its slug."""
    documents: Mapping[tuple[str, str], Document] = dataclasses.field(
        default_factory=dict, compare=False, repr=False
    )
    """Each item's file as read, to place a problem found after loading on its line."""

    def reference(self, slug: str) -> Reference:
        return self._references[slug]

    def cause(self, slug: str) -> Cause:
        return self._causes[slug]

    def exercise(self, slug: str) -> Exercise:
        return self._exercises[slug]

    # Items by slug, for the lookups the pages make thousands of times.
    @functools.cached_property
    def _references(self) -> dict[str, Reference]:
        return {item.slug: item for item in self.references}

    @functools.cached_property
    def _causes(self) -> dict[str, Cause]:
        return {item.slug: item for item in self.causes}

    @functools.cached_property
    def _exercises(self) -> dict[str, Exercise]:
        return {item.slug: item for item in self.exercises}

    def exercises_for(self, cause: Cause) -> tuple[Exercise, ...]:
        return tuple(e for e in self.exercises if cause.slug in e.causes)

    def treatments_using(self, exercise: Exercise) -> tuple[Treatment, ...]:
        return tuple(t for t in self.treatments if exercise.slug in t.exercises)

    def file_of(self, item: Any) -> str:
        """The file an item was read from, such as ``content/exercises/clam-shell.yaml``."""
        folder = next(k.folder for k in KINDS if k.model is type(item))
        return self.files.get((folder, item.slug), f"content/{folder}/{item.slug}.yaml")

    def problem(self, item: Any, field: str, message: str) -> Problem:
        """A problem with ``field`` of ``item``, found after the content was loaded."""
        folder = next(k.folder for k in KINDS if k.model is type(item))
        document = self.documents.get((folder, item.slug))
        if document is None:
            return Problem(self.file_of(item), 1, field, message)
        return document.problem((field,), message)

    def items(self) -> Iterator[Any]:
        """Every item of every kind."""
        for kind in KINDS:
            value = getattr(self, kind.attribute)
            yield from (value,) if kind.single else value


def load_catalog(root: Path, memo_file: Path | None = None) -> Catalog:
    """Read, validate and cross-check every item under ``root``; with ``memo_file``, files
    unchanged since the build that wrote it are taken from it instead of read again."""
    memo = Memo.open(memo_file)
    problems: list[Problem] = []
    loaded: dict[str, list[tuple[Any, Document]]] = {}
    linked: list[Entry] = []
    # Slugs of items that failed validation still count as existing, so that one bad file does
    # not make every link to it an error too.
    slugs: dict[str, set[str]] = {}
    problems += _unexpected_entries(root)
    for kind in KINDS:
        loaded[kind.folder] = []
        slugs[kind.folder] = set()
        for path, name in _item_files(root, kind.folder, problems):
            entry = _read_item(kind, path, name, memo, problems)
            if isinstance(entry, Document):
                if isinstance(entry.data, dict) and isinstance(entry.data.get("slug"), str):
                    slugs[kind.folder].add(entry.data["slug"])
            elif entry is not None:
                slugs[kind.folder].add(entry.item.slug)
                loaded[kind.folder].append((entry.item, entry.document))
                problems += [entry.document.problem(*found) for found in entry.own_problems]
                linked.append(entry)
    memo.save()
    problems += _duplicate_slugs(loaded)
    problems += _numbering(loaded["references"])
    problems += _red_flag_codes(loaded["red-flags"], root)
    for words, document in loaded["estimate"]:
        problems += [document.problem(where, message) for where, message in estimate_codes(words)]
    for entry in linked:
        problems += _dangling(entry, slugs)
    for kind in KINDS:
        if kind.single and len(loaded[kind.folder]) > 1:
            extra = loaded[kind.folder][1][1]
            problems.append(
                Problem(extra.name, 1, "", f"there can be only one {kind.singular} file")
            )
    if problems:
        raise ContentError(problems)

    def ordered(kind: Kind) -> Any:
        items = [i for i, _ in loaded[kind.folder]]
        if kind.single:
            return items[0]
        return tuple(sorted(items, key=lambda i: (getattr(i, kind.order_by), i.slug)))

    documents = {
        (folder, item.slug): document
        for folder, items in loaded.items()
        for item, document in items
    }
    files = {key: document.name for key, document in documents.items()}
    return Catalog(
        **{kind.attribute: ordered(kind) for kind in KINDS}, files=files, documents=documents
    )


def _read_item(
    kind: Kind, path: Path, name: str, memo: Memo, problems: list[Problem]
) -> Entry | Document | None:
    """The file's memo entry (recalled, or read, validated and kept), else its document when it
    parsed but did not validate, else None; the problems found go to ``problems``."""
    data = path.read_bytes()
    recalled = memo.recall(name, data)
    if recalled is not None:
        return recalled
    document = read_document(path, name)
    if isinstance(document, Problem):
        problems.append(document)
        return None
    item = build(kind.model, document)
    if isinstance(item, list):
        problems += item
        return document
    return memo.keep(name, data, document, item, _read_through(item))


def _read_through(item: Any) -> tuple[list[Located], list[Link]]:
    """What one item's file gets wrong on its own (a claim without its basis, an exercise
    figure's poses and equipment), and every other item it names, to check against the rest."""
    problems: list[Located] = []
    links: list[Link] = []
    for location, value, metadata in _walk(item, (), {}):
        kind = metadata.get("links")
        if kind is not None and value is not None:
            links.append((location, kind, value))
        if not isinstance(value, str):
            continue
        cited = CITATION.findall(value)
        links += [(location, "cite", slug) for slug in cited if slug not in BASES]
        if metadata.get("claim") and not cited:
            problems.append((location, UNSAID))
    if isinstance(item, Exercise) and item.figure is not None:
        problems += equipment_problems(item.figure, item.equipment)
        problems += [
            (("figure", *where), message) for where, message in motion_problems(item.figure)
        ]
    return problems, links


UNSAID = (
    "say what this rests on: cite [@reference-slug], [@experience] (what runners report) or "
    "[@editorial] (editorial advice, listed for clinical review)"
)


def _unexpected_entries(root: Path) -> list[Problem]:
    if not root.is_dir():
        return [Problem(root.name, 1, "", "the content folder does not exist")]
    return [
        Problem(
            f"{root.name}/{entry.name}",
            1,
            "",
            f"unexpected entry: expected only {', '.join(BY_FOLDER)}",
        )
        for entry in sorted(root.iterdir())
        if entry.name not in BY_FOLDER
        and entry.name != "README.md"
        and not entry.name.startswith(".")
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


def _red_flag_codes(flags: list[tuple[Any, Document]], root: Path) -> list[Problem]:
    """Every code a red flag names is one the estimator knows, used once, and every code the
    estimator knows has a red flag with its words: the calculator shows nothing without them."""
    problems: list[Problem] = []
    seen: dict[str, Document] = {}
    for flag, document in flags:
        if flag.code is None:
            continue
        if flag.code not in calculator.RED_FLAGS:
            known = ", ".join(calculator.RED_FLAGS)
            problems.append(
                document.problem(
                    ("code",), f'the calculator has no sign "{flag.code}"; it knows {known}'
                )
            )
        elif flag.code in seen:
            first = seen[flag.code]
            problems.append(
                document.problem(("code",), f'"{flag.code}" is already used by {first.name}')
            )
        seen.setdefault(flag.code, document)
    if flags:
        problems += [
            Problem(
                f"{root.name}/red-flags",
                1,
                "code",
                f'no red flag gives the words for the calculator\'s sign "{code}"',
            )
            for code in calculator.RED_FLAGS
            if code not in seen
        ]
    return problems


def answer_text(value: object) -> str:
    """How a JSON answer is written in the form, in links and in the content: ``true``."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def estimate_codes(words: EstimateWords) -> list[tuple[Location, str]]:
    """Every code the estimator can answer with has words, and every code with words is one the
    estimator knows: the calculator shows nothing without them."""
    problems: list[tuple[Location, str]] = []

    def match(field: str, given: list[str], known: tuple[str, ...]) -> None:
        for index, code in enumerate(given):
            if code not in known:
                problems.append(
                    ((field, index), f'the estimator has no "{code}"; it knows {", ".join(known)}')
                )
        for code in known:
            if code not in given:
                problems.append(((field,), f'give the words for the estimator\'s "{code}"'))

    match("running", [r.code for r in words.running], RUNNING)
    match("phases", [p.phase for p in words.phases], PHASES)
    match("outlooks", [o.code for o in words.outlooks], REASONS)
    match("factors", [f.factor for f in words.factors], tuple(f.name for f in FACTORS))
    for index, factor in enumerate(words.factors):
        question = BY_FIELD.get(factor.factor)
        if question is None:
            continue
        if question.kind == "number":
            if not any(a.at_least == 0 for a in factor.answers):
                problems.append((("factors", index, "answers"), "give words from at_least: 0"))
            continue
        options = tuple(answer_text(value) for value, _ in question.options)
        given = [a.answer or "" for a in factor.answers]
        for at, answer in enumerate(given):
            if answer not in options:
                problems.append(
                    (
                        (("factors", index, "answers", at, "answer")),
                        f'"{answer}" is not an answer to this question; its answers are {", ".join(options)}',
                    )
                )
        for option in options:
            if option not in given:
                problems.append(
                    (("factors", index, "answers"), f'give the words for the answer "{option}"')
                )
    return problems


def _dangling(entry: Entry, slugs: dict[str, set[str]]) -> list[Problem]:
    """Links to items that do not exist, and citations of unknown references."""
    problems: list[Problem] = []
    for location, kind, slug in entry.links:
        if kind == "cite" and slug not in slugs["references"]:
            message = f"cites [@{slug}], which is not a reference"
        elif kind != "cite" and slug not in slugs[kind]:
            message = f'no {BY_FOLDER[kind].singular} has the slug "{slug}"'
        else:
            continue
        problems.append(entry.document.problem(location, message))
    return problems


def _walk(
    value: Any, location: Location, metadata: Mapping[str, Any]
) -> Iterator[tuple[Location, Any, Mapping[str, Any]]]:
    """Every leaf value of an item, with the metadata of the field that holds it."""
    if dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name), (*location, f.name), f.metadata)
    elif isinstance(value, tuple):
        for index, inner in enumerate(value):
            yield from _walk(inner, (*location, index), metadata)
    else:
        yield location, value, metadata
