"""The way back to running, in whole days, as codes the guide's content puts into words.

Three phases. Settling the knee comes first. The strength work starts when it has settled and
lasts at least six weeks, going on after running feels normal again. The return to normal
running starts part way through the strength work and ends when running feels normal: the
estimate's likely time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PhaseCode = Literal["settle", "strengthen", "return"]
PHASES: tuple[PhaseCode, ...] = ("settle", "strengthen", "return")

SETTLE_SHARE = 0.25
"""The share of the time to normal running spent settling the knee (at least ``MIN_SETTLE``)."""
RETURN_FROM = 0.4
"""How far into the time after settling the build-up to normal running starts."""
MIN_SETTLE = 3
MIN_STRENGTH = 42
"""Six weeks: the least time strength work takes to count."""
STRENGTH_AFTER = 14
"""Strength work goes on at least two weeks past the day running feels normal."""


@dataclass(frozen=True)
class Phase:
    """One phase: from ``start_day`` (0 is today) up to, not including, ``end_day``.

    ``ongoing``: the phase does not end there; its words say how to keep it going."""

    phase: PhaseCode
    start_day: int
    end_day: int
    ongoing: bool = False

    @property
    def days(self) -> int:
        return self.end_day - self.start_day


def phases(likely_days: int) -> tuple[Phase, ...]:
    """The phases for a return to normal running in ``likely_days`` (at least 7)."""
    settle = min(max(MIN_SETTLE, round(likely_days * SETTLE_SHARE)), likely_days - 2)
    back = settle + max(1, round((likely_days - settle) * RETURN_FROM))
    back = min(back, likely_days - 1)
    strength_end = max(settle + MIN_STRENGTH, likely_days + STRENGTH_AFTER)
    return (
        Phase("settle", 0, settle),
        Phase("strengthen", settle, strength_end, ongoing=True),
        Phase("return", back, likely_days),
    )
