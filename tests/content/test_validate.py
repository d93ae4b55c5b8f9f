from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kneeguide.content.errors import Problem
from kneeguide.content.models import (
    Condition,
    Exercise,
    HowCommon,
    Reference,
    Review,
    Timeline,
)
from kneeguide.content.read import Document, read_document
from kneeguide.content.validate import build

from ..content_tree import MINIMAL


def problems_for(tmp_path: Path, model: type, text: str) -> list[str]:
    path = tmp_path / "item.yaml"
    path.write_text(text, encoding="utf-8")
    document = read_document(path, "content/exercises/clam-shell.yaml")
    assert isinstance(document, Document)
    result = build(model, document)
    assert isinstance(result, list), "expected problems, got a valid item"
    assert all(isinstance(p, Problem) for p in result)
    return [str(p) for p in result]


EXERCISE = MINIMAL["exercises/clam-shell.yaml"]


def test_valid_exercise_builds(tmp_path: Path) -> None:
    path = tmp_path / "item.yaml"
    path.write_text(EXERCISE, encoding="utf-8")
    document = read_document(path, "x.yaml")
    assert isinstance(document, Document)
    exercise = build(Exercise, document)
    assert isinstance(exercise, Exercise)
    assert exercise.steps == ("Lie on your side.", "Lift the top knee.")
    assert exercise.dosage.source == "not-given"


REVIEW = "review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}\n"


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        (
            "  source: not-given\n",
            "  source: article\n  sets: three\n",
            'content/exercises/clam-shell.yaml:13: dosage.sets: expected an integer, got "three"',
        ),
        (
            "order: 1\n",
            "order: 1\nslugg: x\n",
            "content/exercises/clam-shell.yaml:5: slugg: unknown field (did you mean 'slug'?)",
        ),
        (
            "purpose: strengthen\n",
            "",
            "content/exercises/clam-shell.yaml:1: purpose: this required field is missing",
        ),
        (
            "purpose: strengthen\n",
            "purpose: lift\n",
            "content/exercises/clam-shell.yaml:3: purpose: expected one of 'strengthen', 'stretch', 'release', got \"lift\"",
        ),
        (
            "name: Clam shell\n",
            "name: yes\n",
            "content/exercises/clam-shell.yaml:2: name: expected text, got true (YAML reads unquoted",
        ),
        (
            "name: Clam shell\n",
            "name: 1:30\n",
            "content/exercises/clam-shell.yaml:2: name: expected text, got the number 90 (put it in quotes)",
        ),
        (
            "steps:\n  - Lie on your side.\n",
            "steps:\n  - Lie: on your side.\n",
            "content/exercises/clam-shell.yaml:9: steps[0]: expected text, got a mapping",
        ),
        (
            "targets: [hip external rotators]\n",
            "targets: hip external rotators\n",
            'content/exercises/clam-shell.yaml:6: targets: expected a list, got "hip external rotators"',
        ),
        (
            "  note: No tested dose [@editorial].\n",
            "  note: No tested dose [@editorial].\n  reps: 10\n",
            "content/exercises/clam-shell.yaml:14: dosage.reps: source is not-given, so leave the figure out",
        ),
        (
            "slug: clam-shell\n",
            "slug: Clam Shell\n",
            'content/exercises/clam-shell.yaml:1: slug: "Clam Shell" is not a slug',
        ),
        (
            "steps:\n  - Lie on your side.\n  - Lift the top knee.\n",
            "steps:\n  - Lie on your side.\n",
            "content/exercises/clam-shell.yaml:8: steps: give at least two numbered steps",
        ),
        (
            "name: Clam shell\n",
            'name: "  "\n',
            "content/exercises/clam-shell.yaml:2: name: must not be empty",
        ),
    ],
)
def test_bad_field_gives_file_line_field(
    tmp_path: Path, replace: str, by: str, expected: str
) -> None:
    assert replace in EXERCISE
    problems = problems_for(tmp_path, Exercise, EXERCISE.replace(replace, by, 1))
    assert any(p.startswith(expected) for p in problems), problems


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = EXERCISE.replace("order: 1", "order: first").replace("name: Clam shell", "name: [a]")
    problems = problems_for(tmp_path, Exercise, text + "colour: red\n")
    assert len(problems) == 3, problems


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    assert problems_for(tmp_path, Exercise, "- a\n- b\n") == [
        "content/exercises/clam-shell.yaml:1: expected a mapping of fields, got a list"
    ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            "doi: 10.1000/x\nurl: http://insecure.example/\n",
            'url: "http://insecure.example/" is not an https:// address',
        ),
        ("doi: doi.org/10.1000\n", 'doi: "doi.org/10.1000" is not a DOI'),
        ("", "give a doi or a url"),
    ],
)
def test_reference_links_must_be_well_formed(tmp_path: Path, fields: str, expected: str) -> None:
    text = (
        "slug: r\nnumber: 1\nauthors: [A]\nyear: 2020\ntitle: T\nvenue: V\ncited_for: C\n"
        + fields
        + REVIEW
    )
    assert any(expected in p for p in problems_for(tmp_path, Reference, text))


def test_timeline_high_not_below_low(tmp_path: Path) -> None:
    text = (
        "slug: t\nname: T\norder: 1\nsituation: S\nspan: s\nlow_weeks: 6\nhigh_weeks: 4\n" + REVIEW
    )
    assert problems_for(tmp_path, Timeline, text) == [
        "content/exercises/clam-shell.yaml:7: high_weeks: must not be less than low_weeks"
    ]


def test_how_common_is_a_share_in_percent(tmp_path: Path) -> None:
    condition = MINIMAL["condition/runners-knee.yaml"]
    text = condition.replace("    high_percent: 30\n", "    high_percent: 130\n")
    assert problems_for(tmp_path, Condition, text) == [
        "content/exercises/clam-shell.yaml:9: how_common[0].low_percent: a share in percent "
        "needs 0 <= low_percent <= high_percent <= 100"
    ]


@pytest.mark.parametrize(
    ("low", "high", "shown"), [(13, 30, "13-30%"), (17, 17, "17%"), (22.7, 22.7, "22.7%")]
)
def test_how_common_shows_a_range_or_one_figure(low: float, high: float, shown: str) -> None:
    row = HowCommon(low_percent=low, high_percent=high, of_what="running injuries", reference="r")
    assert row.percent == shown


@pytest.mark.parametrize(
    ("authors", "short"),
    [
        (("Bump, J. M.",), "Bump"),
        (("Bump, J. M.", "Lewis, L."), "Bump & Lewis"),
        (("Chan, Z.", "Zhang, J.", "Au, I."), "Chan et al."),
        (("Frandsen, J. S. B.", "et al."), "Frandsen et al."),
    ],
)
def test_short_authors(authors: tuple[str, ...], short: str) -> None:
    reference = Reference(
        slug="r",
        number=1,
        authors=authors,
        year=2020,
        title="T",
        venue="V",
        cited_for="C",
        url="https://example.org/",
        review=Review(
            last=datetime.date(2026, 1, 1), by="editor", next_due=datetime.date(2027, 1, 1)
        ),
    )
    assert reference.short_authors == short
