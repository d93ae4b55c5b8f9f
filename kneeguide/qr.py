"""QR codes as inline SVG, made at build time so handouts need no script and no request."""

from __future__ import annotations

import segno


def qr_svg(url: str, label: str) -> str:
    """A one-line ``<svg>`` encoding ``url``; ``label`` is its accessible name."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=3, border=4, title=label, svgclass="kg-qr-code", lineclass=None)
    return svg.replace("<svg ", '<svg role="img" ', 1)
