"""The trimmed standard library: it holds what the calculator uses in Pyodide, checked by running
the calculator's whole life in Pyodide under Node from it (every module of the estimator
imported, every kind of answer given), and its list is current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from calculator import respond
from kneeguide.bundle.pyodide import runtime_folder
from kneeguide.bundle.stdlib import FULL, kept, trimmed_stdlib, without_comments_and_docstrings
from scripts.stdlib_used import inputs, run

from ..conftest import ROOT


@pytest.fixture(scope="module")
def trimmed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    name, data = trimmed_stdlib(runtime_folder(ROOT))
    path = tmp_path_factory.mktemp("stdlib") / name
    path.write_bytes(data)
    return path


def test_the_list_is_what_the_calculator_imports_now() -> None:
    """Fails after a Pyodide upgrade or a new import in calculator/: run `make stdlib`."""
    assert run()["files"] == kept()


def test_the_calculator_answers_from_the_trimmed_library_as_on_cpython(trimmed: Path) -> None:
    result = run(stdlib=trimmed)
    expected = [json.loads(respond(json.dumps(given))) for given in inputs()]
    assert result["answers"] == expected
    assert result["traceback"].startswith("TypeError")  # errors are still formatted


def test_it_is_much_smaller_than_the_whole_library(trimmed: Path) -> None:
    full = (runtime_folder(ROOT) / FULL).stat().st_size
    assert trimmed.stat().st_size < 0.25 * full


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('"""Module.\n\nMore."""\nimport os  # why\n', '"""\n\n"""\nimport os  \n'),
        ("class A:\n    'Doc.'\n    x = 'kept'\n", "class A:\n    \"\"\n    x = 'kept'\n"),
        (
            "@cache\nasync def f():\n    '''Doc.'''  # c\n    return 1\n",
            '@cache\nasync def f():\n    ""  \n    return 1\n',
        ),
        ("def f():\n    'a' 'b'\n", "def f():\n    'a' 'b'\n"),  # not a lone string
        ("if x:\n    'not a docstring'\n", "if x:\n    'not a docstring'\n"),
        ("# -*- coding: utf-8 -*-\n# kept\n# gone\n", "# -*- coding: utf-8 -*-\n# kept\n\n"),
        ("def f(): 'on the same line'\n", "def f(): 'on the same line'\n"),
    ],
)
def test_comments_and_docstrings_go_and_every_line_stays(source: str, expected: str) -> None:
    assert without_comments_and_docstrings(source.encode()).decode() == expected


@pytest.mark.parametrize("source", [b"x = (\n", "é = 1\n".encode("latin-1")])
def test_a_file_it_cannot_read_is_kept_whole(source: bytes) -> None:
    assert without_comments_and_docstrings(source) == source
