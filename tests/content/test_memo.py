"""The content memo never serves a stale item: an edit, a new problem, a deleted file or new code
is read again; unchanged files are taken from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kneeguide.content import memo
from kneeguide.content.catalog import load_catalog
from kneeguide.content.errors import ContentError
from kneeguide.content.read import read_document

from ..content_tree import MINIMAL, write_tree

EXERCISE = "exercises/clam-shell.yaml"


def counted_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files the catalog parses from here on."""
    names: list[str] = []

    def reading(path: Path, name: str) -> object:
        names.append(name)
        return read_document(path, name)

    monkeypatch.setattr("kneeguide.content.catalog.read_document", reading)
    return names


def test_a_rebuild_reads_only_the_edited_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_tree(tmp_path / "tree")
    file = tmp_path / "memo.pickle"
    first = load_catalog(root, file)
    (root / EXERCISE).write_text(
        MINIMAL[EXERCISE].replace("name: Clam shell", "name: Side-lying clam"), encoding="utf-8"
    )
    reads = counted_reads(monkeypatch)
    second = load_catalog(root, file)
    assert reads == [f"content/{EXERCISE}"]
    assert second.exercises[0].name == "Side-lying clam"
    assert second.causes == first.causes
    assert second.documents[("exercises", "clam-shell")].line_of(("name",)) > 1


def test_a_remembered_file_that_turns_bad_is_reported(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "tree")
    file = tmp_path / "memo.pickle"
    load_catalog(root, file)
    (root / EXERCISE).write_text(
        MINIMAL[EXERCISE].replace("causes: [weakness]", "causes: [tightness]"), encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_catalog(root, file)
    assert 'causes[0]: no cause has the slug "tightness"' in str(caught.value)


def test_a_remembered_file_is_checked_against_the_others_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The exercise is not read again, but its link to the cause it names is checked again."""
    root = write_tree(tmp_path / "tree")
    file = tmp_path / "memo.pickle"
    load_catalog(root, file)
    cause = root / "causes" / "weakness.yaml"
    cause.write_text(
        cause.read_text().replace("slug: weakness", "slug: weak-hips"), encoding="utf-8"
    )
    reads = counted_reads(monkeypatch)
    with pytest.raises(ContentError) as caught:
        load_catalog(root, file)
    assert f"content/{EXERCISE}" not in reads
    assert f'content/{EXERCISE}:15: causes[0]: no cause has the slug "weakness"' in str(
        caught.value
    )


def test_a_moved_file_is_read_under_its_new_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_tree(tmp_path / "tree")
    file = tmp_path / "memo.pickle"
    load_catalog(root, file)
    (root / "topics" / "scans.yaml").rename(root / "topics" / "imaging.yaml")
    reads = counted_reads(monkeypatch)
    catalog = load_catalog(root, file)
    assert reads == ["content/topics/imaging.yaml"]
    assert catalog.file_of(catalog.topics[0]) == "content/topics/imaging.yaml"
    stored = memo.Memo.open(file)
    assert "content/topics/scans.yaml" not in stored.entries
    assert f"content/{EXERCISE}" in stored.entries


@pytest.mark.parametrize("damage", ["new code", "broken file"])
def test_new_code_or_a_broken_memo_reads_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    root = write_tree(tmp_path / "tree")
    file = tmp_path / "memo.pickle"
    expected = load_catalog(root, file)
    if damage == "new code":
        monkeypatch.setattr(memo, "code_key", lambda: "another version of the code")
    else:
        file.write_bytes(b"not a pickle")
    reads = counted_reads(monkeypatch)
    assert load_catalog(root, file) == expected
    assert len(reads) == len(MINIMAL)


def test_the_code_key_follows_the_validators(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = memo.code_key()
    code = tmp_path / "content"
    code.mkdir()
    (code / "models.py").write_text("RULE = 1\n", encoding="utf-8")
    monkeypatch.setattr(memo, "CODE", (*memo.CODE, code))
    with_more = memo.code_key()
    (code / "models.py").write_text("RULE = 2\n", encoding="utf-8")
    assert len({before, with_more, memo.code_key()}) == 3
