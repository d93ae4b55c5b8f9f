"""QR codes as inline SVG, made at build time so handouts need no script and no request."""

from __future__ import annotations

from html import escape

import segno

MASK = 4
"""A fixed mask pattern: choosing the best of the eight for every page made QR codes 80% of the
build's time at 2000 exercises, and any mask gives a valid code (the tests decode them all)."""

BORDER = 4
"""The quiet zone around the code, in modules, as the QR standard asks."""

SCALE = 3
"""Pixels per module at the code's natural size."""


def qr_svg(url: str, label: str) -> str:
    """A one-line ``<svg>`` encoding ``url``; ``label`` is its accessible name.

    The dark modules of each row are drawn as horizontal strokes of one path, which is smaller
    and quicker to write than one shape per module.
    """
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
    side = len(matrix) + 2 * BORDER
    return (
        f'<svg role="img" class="kg-qr-code" width="{side * SCALE}" height="{side * SCALE}" '
        f'viewBox="0 0 {side} {side}" shape-rendering="crispEdges"><title>{escape(label)}</title>'
        f'<path stroke="#000" d="{"".join(runs)}"/></svg>'
    )
