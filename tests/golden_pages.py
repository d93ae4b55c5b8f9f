"""Rendered pages and figures kept as golden files: the Markdown and the SVG are the product, so
any change to the templates or the figure code is reviewed. They are rendered from a fixed
content tree (the tests' minimal tree with three drawn exercises), so editing content/ never
touches them."""

from __future__ import annotations

import tempfile
from pathlib import Path

from kneeguide.content.catalog import load_catalog
from kneeguide.pages.figures import figure_files
from kneeguide.pages.render import render_pages

from .content_tree import MINIMAL, write_tree

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
PAGES = (
    "exercises/clam-shell.md",
    "exercises/glute-bridge.md",
    "exercises/mini-squat.md",
    "exercises/index.md",
    "recovery-time.md",
    "references.md",
    "assets/figures/clam-shell.svg",
    "assets/figures/glute-bridge.svg",
    "assets/figures/mini-squat.svg",
)

_DOSE = """\
dosage:
  source: editorial
  sets: 3
  reps: 10
  each_side: true
  frequency: once a day
  note: >-
    We suggest 3 sets of 10 to start, once a day [@editorial]. Trials rarely report the full
    dose, so your physio may change it [@ref-one].
"""

_LYING_SIDE = """\
figure:
  view: side
  tilt: 15
  moves: left-knee
  alt: "Start: lying on your side, knees bent. End: the top knee opened like a clam."
  props:
    - kind: mat
  frames:
    - contact: lying-side
      trunk: 90
      head: -10
      hips: [45, 45]
      knees: [90, 90]
      hip_abduction: [0, 8]
      shoulders: [10, 175]
      shoulder_abduction: [0, 0]
      elbows: [10, 40]
    - contact: lying-side
      trunk: 90
      head: -10
      hips: [45, 45]
      hip_abduction: [50, 8]
      hip_rotation: [35, 0]
      knees: [90, 90]
      shoulders: [10, 175]
      shoulder_abduction: [0, 0]
      elbows: [10, 40]
"""

_LYING_BACK = """\
figure:
  view: side
  moves: pelvis
  alt: "Start: lying on your back, knees bent, a band above the knees. End: hips lifted."
  props:
    - kind: mat
    - kind: band
      at: left-knee
  frames:
    - contact: lying-back
      trunk: -90
      hips: [55, 55]
      knees: [102, 102]
      ankles: [10, 10]
    - contact: lying-back
      trunk: -118
      head: 35
      hips: [0, 0]
      knees: [99, 99]
      ankles: [10, 10]
      shoulders: [-28, -28]
"""

_STANDING_ONE = """\
figure:
  view: side
  moves: pelvis
  alt: "Start: standing on one leg. End: the standing knee bent into a shallow squat."
  frames:
    - contact: standing-one
      hips: [0, 10]
      knees: [0, 60]
      ankles: [0, -20]
      shoulders: [20, 20]
      elbows: [30, 30]
    - contact: standing-one
      trunk: 25
      hips: [55, 35]
      knees: [50, 60]
      ankles: [20, -20]
      shoulders: [40, 40]
      elbows: [30, 30]
"""


def _exercise(slug: str, name: str, order: int, figure: str) -> str:
    text = MINIMAL["exercises/clam-shell.yaml"].replace("slug: clam-shell", f"slug: {slug}")
    text = text.replace("name: Clam shell", f"name: {name}").replace("order: 1", f"order: {order}")
    text = text.replace(
        "dosage:\n  source: not-given\n  note: No tested dose [@editorial].\n", _DOSE
    )
    if "kind: band" in figure:
        text = text.replace("equipment: [a mat]", "equipment: [a mat, a resistance band]")
    return text + figure


TREE = {
    "exercises/clam-shell.yaml": _exercise("clam-shell", "Clam shell", 1, _LYING_SIDE),
    "exercises/glute-bridge.yaml": _exercise("glute-bridge", "Glute bridge", 2, _LYING_BACK),
    "exercises/mini-squat.yaml": _exercise("mini-squat", "Mini squat", 3, _STANDING_ONE),
}


def rendered() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        catalog = load_catalog(write_tree(Path(folder), TREE))
    pages = render_pages(catalog) | figure_files(catalog)
    return {path: pages[path] for path in PAGES}


def refresh() -> list[Path]:
    for old in GOLDEN.rglob("*.*"):
        old.unlink()
    written = []
    for path, markdown in rendered().items():
        target = GOLDEN / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
        written.append(target)
    return written
