"""Drawings kept between builds are read back only for the same figure and the same code."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kneeguide.content.catalog import load_catalog
from kneeguide.content.figure import Figure
from kneeguide.pages import drawing_cache
from kneeguide.pages.figures import drawing

CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def figure() -> Figure:
    found = load_catalog(CONTENT).exercise("clam-shell").figure
    assert found is not None
    return found


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(drawing_cache, "_stored", {})
    monkeypatch.setattr(drawing_cache, "_used", {})
    return tmp_path / "drawings.pickle"


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawing_cache, "_stored", {})
    monkeypatch.setattr(drawing_cache, "_used", {})


def counting() -> tuple[list[Figure], object]:
    calls: list[Figure] = []

    def make(figure: Figure) -> str:
        calls.append(figure)
        return f"drawing {len(calls)}"

    return calls, drawing_cache.remembered(make)


@pytest.mark.parametrize("change", ["none", "figure", "code", "damaged store"])
def test_a_drawing_is_read_back_only_when_nothing_changed(
    figure: Figure, store: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    calls, drawn = counting()
    assert callable(drawn)
    drawing_cache.keep_in(store)
    assert drawn(figure) == "drawing 1"
    drawing_cache.save()
    new_process(monkeypatch)
    if change == "code":
        monkeypatch.setattr(drawing_cache, "code_key", lambda: "other drawing code")
    elif change == "damaged store":
        store.write_bytes(b"\x80 not a pickle")
    elif change == "figure":
        figure = dataclasses.replace(figure, alt="A different description.")
    drawing_cache.keep_in(store)
    expected = "drawing 1" if change == "none" else "drawing 2"
    assert drawn(figure) == expected
    assert len(calls) == (1 if change == "none" else 2)


def test_a_build_keeps_only_the_drawings_it_used(
    figure: Figure, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, drawn = counting()
    assert callable(drawn)
    other = dataclasses.replace(figure, alt="Another figure.")
    drawing_cache.keep_in(store)
    drawn(figure), drawn(other)
    drawing_cache.save()
    drawing_cache.keep_in(store)
    drawn(other)
    drawing_cache.save()
    new_process(monkeypatch)
    drawing_cache.keep_in(store)
    drawn(other), drawn(figure)
    assert calls == [figure, other, figure]


def test_a_kept_drawing_is_the_drawing(
    figure: Figure, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawing_cache.keep_in(store)
    fresh = drawing(figure)
    drawing_cache.save()
    new_process(monkeypatch)
    drawing_cache.keep_in(store)
    assert drawing(figure) == fresh
