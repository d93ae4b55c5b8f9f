"""Rendered pages and figures kept as golden files: the Markdown and the SVG are the product, so
any change is reviewed."""

from __future__ import annotations

from pathlib import Path

from kneeguide.content.catalog import load_catalog
from kneeguide.pages.figures import figure_files
from kneeguide.pages.render import render_pages

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
PAGES = (
    "exercises/clam-shell.md",
    "exercises/index.md",
    "recovery-time.md",
    "references.md",
    "assets/figures/clam-shell.svg",
    "assets/figures/banded-glute-bridge.svg",
    "assets/figures/single-leg-mini-squat.svg",
)


def rendered() -> dict[str, str]:
    catalog = load_catalog(ROOT / "content")
    pages = render_pages(catalog) | figure_files(catalog)
    return {path: pages[path] for path in PAGES}


def refresh() -> list[Path]:
    written = []
    for path, markdown in rendered().items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
        written.append(target)
    return written
