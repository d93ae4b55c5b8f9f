"""QR codes as inline SVG, made at build time so handouts need no script and no request."""

from __future__ import annotations

import functools
import hashlib
import re
from html import escape
from pathlib import Path

import segno

MASK = 4
"""A fixed mask pattern: choosing the best of the eight for every page made QR codes 80% of the
build's time at 2000 exercises, and any mask gives a valid code (the tests decode them all)."""

BORDER = 4
"""The quiet zone around the code, in modules, as the QR standard asks."""

SCALE = 3
"""Pixels per module at the code's natural size."""


CACHE_VERSION = f"segno-{segno.__version__}-mask-{MASK}-border-{BORDER}"
"""Part of every cache key: a new encoder or drawing invalidates the cache."""

_cache_folder: Path | None = None


def cache_in(folder: Path | None) -> None:
    """Keep drawn codes in ``folder`` between builds (encoding is most of a page's build time)."""
    global _cache_folder
    _cache_folder = folder


def printed_url(url: str) -> str:
    """``url`` for a printed caption: one unbreakable part after each ``/`` (``https://``,
    ``knee-guide.example.org/``, ``exercises/``...), so a narrow caption wraps between parts and
    never at a hyphen of the address, where a reader copying it by hand would take the hyphen for
    a line break (a part wider than the caption still wraps, in the stylesheet)."""
    parts = re.findall(r"[^/]*/+|[^/]+$", url)
    return "<wbr>".join(f'<span class="kg-url__part">{escape(part)}</span>' for part in parts)


def qr_svg(url: str, label: str) -> str:
    """A one-line ``<svg>`` encoding ``url``; ``label`` is its accessible name."""
    side, path = _drawing(url)
    return (
        f'<svg role="img" class="kg-qr-code" width="{side * SCALE}" height="{side * SCALE}" '
        f'viewBox="0 0 {side} {side}" shape-rendering="crispEdges"><title>{escape(label)}</title>'
        f'<path stroke="#000" d="{path}"/></svg>'
    )


@functools.lru_cache(maxsize=4096)
def _drawing(url: str) -> tuple[int, str]:
    """The side in modules and the path of the code for ``url``, from the cache when it has it."""
    cached = None
    if _cache_folder is not None:
        key = hashlib.sha256(f"{CACHE_VERSION}\n{url}".encode()).hexdigest()
        cached = _cache_folder / f"{key}.txt"
        if cached.is_file():
            shown_side, _, shown_path = cached.read_text(encoding="ascii").partition(" ")
            return int(shown_side), shown_path
    side, path = _draw(url)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(f"{side} {path}", encoding="ascii")
    return side, path


def _draw(url: str) -> tuple[int, str]:
    """The dark modules of each row as horizontal strokes of one path, which is smaller and
    quicker to write than one shape per module."""
    matrix = segno.make(url, error="m", mask=MASK).matrix
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            runs.append(f"M{start + BORDER} {y + BORDER}.5h{x - start}")
    return len(matrix) + 2 * BORDER, "".join(runs)
