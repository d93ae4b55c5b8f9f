"""YAML that once stalled or crashed the build (issue 22): nested aliases (the "billion laughs"
shape), very deep nesting and a very large file. Each is refused with its file and line at once.

The time budgets are upper bounds on the test's own clock: a build that stalls fails, a slow
machine does not (the refusal itself takes milliseconds). The full-size shapes go through the
command line in a separate process with a timeout and a memory cap, so a regression fails the
test instead of stalling the test run or filling the machine's memory.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kneeguide.content.catalog import load_catalog
from kneeguide.content.errors import ContentError, Problem
from kneeguide.content.read import MAX_BYTES, MAX_DEPTH, read_document

from ..content_tree import MINIMAL, write_tree

BUDGET = 10.0
"""Seconds: far more than a refusal takes, far less than the shapes took before."""
MEMORY = 1024**3
"""Bytes of address space for the command line: ample for the check, not for a billion strings."""


def laughs(levels: int) -> str:
    """About 500 bytes whose data, once aliases are expanded, has 10**levels strings."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "slug: clam-shell\nname: Clam shell\n" + "\n".join(lines) + "\n"


def nested(depth: int) -> str:
    return "slug: clam-shell\nname: " + "[" * depth + "x" + "]" * depth + "\n"


def read(tmp_path: Path, text: str) -> Problem:
    path = tmp_path / "clam-shell.yaml"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    problem = read_document(path, "content/exercises/clam-shell.yaml")
    assert time.perf_counter() - started < BUDGET
    assert isinstance(problem, Problem), "the file was read"
    return problem


def test_an_anchor_is_refused_at_its_line(tmp_path: Path) -> None:
    problem = read(tmp_path, "slug: a\nname: &n Clam\nsummary: *n\n")
    assert str(problem).startswith("content/exercises/clam-shell.yaml:2: ")
    assert "anchors and aliases" in problem.message


def test_an_alias_without_an_anchor_is_refused(tmp_path: Path) -> None:
    problem = read(tmp_path, "slug: a\nname: *nowhere\n")
    assert problem.line == 2
    assert "invalid YAML" in problem.message or "anchors and aliases" in problem.message


def test_a_merge_key_is_refused(tmp_path: Path) -> None:
    text = "slug: a\nreview: &r {last: 2026-01-01}\nother:\n  <<: *r\n"
    assert read(tmp_path, text).line == 2


@pytest.mark.parametrize("levels", [1, 3])
def test_nested_aliases_are_refused_at_the_first_anchor(tmp_path: Path, levels: int) -> None:
    # Small enough to be harmless in this process even if they were expanded; the full-size
    # shapes are below, in a process of their own.
    problem = read(tmp_path, laughs(levels))
    assert problem.line == 3  # the first anchor
    assert "anchors and aliases" in problem.message


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 990])
def test_deep_nesting_is_refused_with_its_line(tmp_path: Path, depth: int) -> None:
    problem = read(tmp_path, nested(depth))
    assert problem.line == 2
    assert f"nested more than {MAX_DEPTH} levels deep" in problem.message


def test_nesting_deeper_than_libyaml_allows_is_refused_too(tmp_path: Path) -> None:
    problem = read(tmp_path, nested(100_000))
    assert problem.line == 2
    assert "nesting depth" in problem.message or "levels deep" in problem.message


def test_deep_block_nesting_names_the_line_where_it_goes_too_deep(tmp_path: Path) -> None:
    lines = ["slug: a"] + [f"{'  ' * level}k{level}:" for level in range(MAX_DEPTH + 5)]
    problem = read(tmp_path, "\n".join(lines) + " x\n")
    # The root mapping is level 1 on line 1; level n begins with its first key, on line n + 1.
    assert problem.line == MAX_DEPTH + 2


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "item.yaml"
    path.write_text(nested(MAX_DEPTH - 1), encoding="utf-8")  # the mapping is one level
    assert not isinstance(read_document(path, "content/x/item.yaml"), Problem)


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    text = "slug: a\nname: " + "x" * MAX_BYTES + "\n"
    problem = read(tmp_path, text)
    assert problem.line == 1
    assert f"{MAX_BYTES // 1024} KB at most" in problem.message


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def check(tree: Path) -> subprocess.CompletedProcess[str]:
    """``python -m kneeguide check``, stopped at the time budget."""
    return subprocess.run(
        [sys.executable, "-m", "kneeguide", "check", str(tree)],
        capture_output=True,
        text=True,
        timeout=BUDGET,
        check=False,
        preexec_fn=_cap_memory,
    )


@pytest.mark.parametrize(
    ("shape", "line", "words"),
    [
        (laughs(7), 3, "anchors and aliases"),
        (laughs(9), 3, "anchors and aliases"),
        (nested(990), 2, "levels deep"),
    ],
    ids=["aliases-7-levels", "aliases-9-levels", "990-deep"],
)
def test_check_refuses_each_shape_with_file_and_line(
    tmp_path: Path, shape: str, line: int, words: str
) -> None:
    assert len(shape.encode()) < 2100  # the 9-level shape is about 650 bytes
    tree = write_tree(tmp_path, {"exercises/clam-shell.yaml": shape})
    result = check(tree)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"content/exercises/clam-shell.yaml:{line}: " in result.stderr
    assert words in result.stderr


def test_the_other_files_are_still_checked(tmp_path: Path) -> None:
    broken = MINIMAL["causes/weakness.yaml"].replace("order: 1", "order: one")
    tree = write_tree(
        tmp_path, {"exercises/clam-shell.yaml": laughs(3), "causes/weakness.yaml": broken}
    )
    with pytest.raises(ContentError) as caught:
        load_catalog(tree)
    files = {problem.file for problem in caught.value.problems}
    assert {"content/exercises/clam-shell.yaml", "content/causes/weakness.yaml"} <= files
