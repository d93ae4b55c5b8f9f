from __future__ import annotations

from pathlib import Path

import pytest

from kneeguide.content.errors import Problem
from kneeguide.content.read import Document, dotted, read_document


def read(tmp_path: Path, text: str | bytes) -> Document | Problem:
    path = tmp_path / "item.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return read_document(path, "content/x/item.yaml")


def test_records_the_line_of_every_key_and_list_item(tmp_path: Path) -> None:
    document = read(tmp_path, "slug: a\nsteps:\n  - one\n  - two\ndosage:\n  sets: 3\n")
    assert isinstance(document, Document)
    assert document.line_of(("slug",)) == 1
    assert document.line_of(("steps", 1)) == 4
    assert document.line_of(("dosage", "sets")) == 6
    assert document.line_of(("dosage", "reps")) == 5, "falls back to the nearest known ancestor"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("slug: a\nname: [oops\n", 3, "invalid YAML"),
        ("slug: a\nslug: b\n", 2, "duplicate key (first given on line 1)"),
        ("dosage:\n  sets: 1\n  sets: 2\n", 3, "duplicate key"),
        ("", 1, "the file is empty"),
        ("# only a comment\n", 1, "the file is empty"),
        ("a: 1\n---\nb: 2\n", 2, "invalid YAML"),
        (b"name: caf\xe9\n", 1, "not UTF-8 text"),
        ("slug: a\nname: \x08\n", 2, "is not allowed"),
        ("slug: a\nname: !!python/object:os.system x\n", 2, "invalid YAML"),
        ("=\n", 1, "invalid YAML"),
    ],
)
def test_unreadable_files_give_a_located_problem(
    tmp_path: Path, text: str | bytes, line: int, message: str
) -> None:
    problem = read(tmp_path, text)
    assert isinstance(problem, Problem)
    assert problem.file == "content/x/item.yaml"
    assert problem.line == line
    assert message in str(problem)


def test_duplicate_key_names_its_field(tmp_path: Path) -> None:
    problem = read(tmp_path, "dosage:\n  sets: 1\n  sets: 2\n")
    assert (
        str(problem) == "content/x/item.yaml:3: dosage.sets: duplicate key (first given on line 2)"
    )


@pytest.mark.parametrize(
    ("location", "text"),
    [
        ((), ""),
        (("slug",), "slug"),
        (("dosage", "sets"), "dosage.sets"),
        (("steps", 2), "steps[2]"),
    ],
)
def test_dotted(location: tuple[str | int, ...], text: str) -> None:
    assert dotted(location) == text
