"""The limits content and the browser share, declared once.

A model field takes its limit from here through its metadata (``bounded`` for a number,
``text`` for the length of a string): the validator enforces it with file, line and field, the
JSON Schema carries it as ``minimum``/``maximum``/``maxLength``, and the build emits the same
figures as an ES module the browser code imports (``kneeguide/bundle/contract.py``), so a
program template can never hold a dose the program link would refuse.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Bounds:
    """An inclusive range of whole numbers."""

    low: int
    high: int

    def message(self) -> str:
        return f"must be from {self.low} to {self.high}"


SETS = Bounds(1, 20)
REPS = Bounds(1, 100)
HOLD_SECONDS = Bounds(1, 600)
REST_SECONDS = Bounds(1, 600)
TIMES_A_DAY = Bounds(1, 14)
TIMES_A_WEEK = Bounds(1, 21)
PAIN = Bounds(0, 10)
"""The numeric pain rating scale: 0 is no pain, 10 the worst imaginable."""

TITLE_LENGTH = 60
"""Longest program title, in UTF-16 code units (what an input's ``maxlength`` counts)."""
NOTE_LENGTH = 80
"""Longest note to one exercise of a program."""
LOAD_LENGTH = 30
"""Longest load (a band colour or a weight)."""
MAX_ITEMS = 30
"""Most exercises in one program."""

RECORD = {
    "days": 1200,
    "psfs": 200,
    "programs": 200,
    "note": 200,
    "activity": 60,
    "length": 1_000_000,
    "export_reminder_days": 7,
    "report_days": 90,
}
"""The patient's record on the device: most days kept (about three years), PSFS entries and
program versions, the longest note and PSFS activity (characters), the longest record file, and
the days without a saved copy after which the page reminds the patient to export one, and the
days a progress report for the clinic covers."""

SESSION = {"ready_seconds": 5, "switch_seconds": 5}
"""The guided session's own pauses, in seconds: to get into position before each exercise, and
to change sides between the two sides of a set. The dose's rest comes from the program."""

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""A slug: lowercase letters, digits and single hyphens."""


def bounded(bounds: Bounds, default: Any = dataclasses.MISSING) -> Any:
    """A whole-number field held to ``bounds``."""
    return dataclasses.field(default=default, metadata={"bounds": bounds})


def text(max_length: int, default: Any = dataclasses.MISSING) -> Any:
    """A text field no longer than ``max_length`` characters (UTF-16 code units)."""
    return dataclasses.field(default=default, metadata={"max_length": max_length})


def utf16_length(value: str) -> int:
    """The length an input's ``maxlength`` counts: astral characters count twice."""
    return len(value.encode("utf-16-le")) // 2
