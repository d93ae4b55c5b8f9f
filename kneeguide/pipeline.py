"""The whole generator as one call: content folder in, pages out. No MkDocs here."""

from __future__ import annotations

from pathlib import Path

from kneeguide.catalog import load_catalog
from kneeguide.render import render_pages


def build_pages(content: Path) -> dict[str, str]:
    """Validate ``content`` and render every page; raises ContentError listing every problem."""
    return render_pages(load_catalog(content))
