"""QR codes as inline SVG, made at build time so handouts need no script and no request."""

from __future__ import annotations

import re
from html import escape

from kneeguide.pages.drawing_cache import remembered

MASK = 4
"""A fixed mask pattern: choosing the best of the eight for every page made QR codes 80% of the
build's time at 2000 exercises, and any mask gives a valid code (the tests decode them all)."""

BORDER = 4
"""The quiet zone around the code, in modules, as the QR standard asks."""

SCALE = 3
"""Pixels per module at the code's natural size."""


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


@remembered
def _drawing(url: str) -> tuple[int, str]:
    """The side in modules and the path of the code for ``url``: the dark modules of each row as
    horizontal strokes of one path, which is smaller and quicker to write than one shape per
    module. segno is imported here, when a build first draws a code, not with every build."""
    import segno

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
