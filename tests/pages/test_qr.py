"""QR codes and the printed address under them (kneeguide/pages/qr.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kneeguide.pages import drawing_cache
from kneeguide.pages.qr import printed_url, qr_svg

URL = "https://knee-guide.example.org/exercises/clam-shell/"


def test_a_kept_qr_code_is_the_code_and_is_drawn_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A code read back from the store of an earlier build is the code drawn afresh; another
    address is drawn, never served from the store."""
    store = tmp_path / "drawings.pickle"
    monkeypatch.setattr(drawing_cache, "_file", None)
    for name in ("_stored", "_used"):
        monkeypatch.setattr(drawing_cache, name, {})
    drawing_cache.keep_in(store)
    fresh = qr_svg(URL, "Clam shell")
    drawing_cache.save()
    for name in ("_stored", "_used"):
        monkeypatch.setattr(drawing_cache, name, {})
    import segno

    drawn: list[str] = []
    make = segno.make
    monkeypatch.setattr(
        segno, "make", lambda url, **options: drawn.append(url) or make(url, **options)
    )
    drawing_cache.keep_in(store)
    assert qr_svg(URL, "Clam shell") == fresh
    assert drawn == []
    other = qr_svg(URL + "x", "Clam shell")
    assert drawn == [URL + "x"]
    assert other != fresh


@pytest.mark.parametrize(
    ("url", "parts"),
    [
        (
            "https://knee-guide.example.org/exercises/clam-shell/",
            ["https://", "knee-guide.example.org/", "exercises/", "clam-shell/"],
        ),
        ("https://x.org/a-b", ["https://", "x.org/", "a-b"]),
        ("https://x.org/a&b/", ["https://", "x.org/", "a&amp;b/"]),
    ],
)
def test_the_address_is_cut_only_after_its_slashes(url: str, parts: list[str]) -> None:
    shown = printed_url(url)
    assert re.findall(r'<span class="kg-url__part">([^<]*)</span>', shown) == parts
    assert re.sub(r"<[^>]+>", "", shown).replace("&amp;", "&") == url
    assert shown.count("<wbr>") == len(parts) - 1
