"""Combine the factor table into an answer: an estimate, the outlook for long-standing pain, or a
referral when a warning sign is present.

Every figure shown adds up: the likely time is whole weeks; the phases split it into whole days;
each factor's share of the extra time beyond the best case is in proportion to the logarithm of
its multiplier (the factors multiply, so their logarithms add), rounded to whole days by largest
remainder so that the shares add up exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from calculator.factors import BASE_WEEKS, FACTORS
from calculator.inputs import Inputs, RedFlag
from calculator.phases import Phase, phases

LOW_SHARE = 4 / 5
HIGH_SHARE = 6 / 5
"""The range around the likely time: the spread of the typical 4-6 weeks around its middle, 5."""

MAX_WEEKS = 13.0
"""The top of the longest typical recovery time (2-3 months): no figure shown goes past it. A
likely time that reaches it gives the outlook instead of a number."""

LONG_STANDING_WEEKS = 13.0
"""Pain for 3 months or more, the usual line for persistent pain: no weeks-to-recovery number."""

OPEN_ENDED_FROM = 8
"""From about two months on, typical times are "or more": the high end is not a ceiling."""

MODEL_VERSION = 2

OUTLOOK_REFERENCES = ("collins-2013", "lankhorst-2016")

CAVEAT = (
    "Many people take longer than this. In one study, about half had not recovered well after "
    "3 months."
)
"""Shown with every estimate, backed by ``CAVEAT_REFERENCES``: the model's times are typical of
what runners report, and studies found many people take much longer."""
CAVEAT_REFERENCES = ("collins-2013",)

DISCLAIMER = (
    "This is a rough guide from a simple model. It is not a diagnosis. A physio or doctor who "
    "examines your knee can tell you more."
)

Kind = Literal["estimate", "outlook", "refer"]
Reason = Literal["long_standing", "beyond_model"]


@dataclass(frozen=True)
class FactorEffect:
    factor: str
    label: str
    answer: object
    multiplier: float
    days_added: int
    why: str
    references: tuple[str, ...]
    timeline: str | None


@dataclass(frozen=True)
class Weeks:
    low: float
    likely: int
    high: float


@dataclass(frozen=True)
class Estimate:
    """The answer. ``kind`` says which parts are filled in:

    - ``estimate``: ``weeks``, ``factors`` and ``phases`` (days adding up to ``weeks.likely``),
      with a ``caveat`` that ``references`` back;
    - ``outlook``: no number, ``reason`` says why, ``references`` back the outlook;
    - ``refer``: no number, ``red_flags`` lists the signs by code, and ``unrecognised`` any
      codes given that the estimator does not know (they never cancel a known sign).
    """

    kind: Kind
    headline: str
    weeks: Weeks | None
    open_ended: bool
    factors: tuple[FactorEffect, ...]
    phases: tuple[Phase, ...]
    red_flags: tuple[RedFlag, ...]
    reason: Reason | None = None
    references: tuple[str, ...] = ()
    caveat: str | None = None
    unrecognised: tuple[str, ...] = ()
    base_days: int = round(BASE_WEEKS * 7)
    disclaimer: str = DISCLAIMER
    model_version: int = MODEL_VERSION


def model_weeks(inputs: Inputs) -> float:
    """The factor model's unrounded recovery time."""
    return BASE_WEEKS * math.prod(factor.multiplier(inputs) for factor in FACTORS)


def _floor_half(value: float) -> float:
    return max(0.5, math.floor(value * 2) / 2)


def _ceil_half(value: float) -> float:
    return math.ceil(value * 2) / 2


def weeks_for(modelled: float) -> Weeks:
    """Whole likely weeks, with a range whose ends always differ (below ``MAX_WEEKS``)."""
    likely = max(1, math.floor(modelled + 0.5))
    return Weeks(
        low=_floor_half(likely * LOW_SHARE),
        likely=likely,
        high=min(_ceil_half(likely * HIGH_SHARE), MAX_WEEKS),
    )


def span(weeks: Weeks, open_ended: bool) -> str:
    """``0.5 to 1.5 weeks``, ``4 to 6 weeks``, ``8 to 12 weeks or more``."""
    text = f"{weeks.low:g} to {weeks.high:g} weeks"
    return f"{text} or more" if open_ended else text


def shares(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` whole days in proportion to ``weights`` (largest remainder)."""
    whole = sum(weights)
    if total <= 0 or whole <= 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    parts = [math.floor(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (parts[i] - exact[i], i))
    for index in by_remainder[: total - sum(parts)]:
        parts[index] += 1
    return parts


def _outlook(reason: Reason) -> Estimate:
    headline = {
        "long_standing": "Pain for 3 months or more: no simple estimate fits.",
        "beyond_model": "Your answers point to a long recovery: too long for this rough guide.",
    }[reason]
    return Estimate(
        kind="outlook",
        headline=headline,
        weeks=None,
        open_ended=True,
        factors=(),
        phases=(),
        red_flags=(),
        reason=reason,
        references=OUTLOOK_REFERENCES,
    )


def referral(red_flags: tuple[RedFlag, ...], unrecognised: tuple[str, ...] = ()) -> Estimate:
    """The answer when a warning sign is present: a clinician, and no number."""
    return Estimate(
        unrecognised=unrecognised,
        kind="refer",
        headline="See a clinician first.",
        weeks=None,
        open_ended=False,
        factors=(),
        phases=(),
        red_flags=red_flags,
    )


def estimate(inputs: Inputs) -> Estimate:
    """The answer for ``inputs``: a referral if a warning sign is set, the long-standing outlook
    past the model's range, an estimate otherwise."""
    if inputs.red_flags:
        return referral(inputs.red_flags)
    if inputs.symptom_weeks >= LONG_STANDING_WEEKS:
        return _outlook("long_standing")
    weeks = weeks_for(model_weeks(inputs))
    if weeks.likely >= MAX_WEEKS:
        return _outlook("beyond_model")
    open_ended = weeks.likely >= OPEN_ENDED_FROM
    base_days = round(BASE_WEEKS * 7)
    logs = [math.log(factor.multiplier(inputs)) for factor in FACTORS]
    added = shares(weeks.likely * 7 - base_days, logs)
    return Estimate(
        kind="estimate",
        headline=f"Likely {weeks.likely} week{'s' if weeks.likely != 1 else ''}: "
        f"{span(weeks, open_ended)}.",
        weeks=weeks,
        open_ended=open_ended,
        factors=tuple(
            FactorEffect(
                factor=factor.name,
                label=factor.label,
                answer=getattr(inputs, factor.name),
                multiplier=round(factor.multiplier(inputs), 3),
                days_added=days,
                why=factor.why(inputs),
                references=factor.references,
                timeline=factor.timeline,
            )
            for factor, days in zip(FACTORS, added, strict=True)
        ),
        phases=phases(inputs, weeks.likely * 7),
        red_flags=(),
        references=CAVEAT_REFERENCES,
        caveat=CAVEAT,
    )
