"""Combine the factor table into an estimate, or a referral when a red flag is present."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from calculator.factors import BASE_WEEKS, FACTORS, Factor
from calculator.inputs import Inputs
from calculator.phases import Phase, phases

LOW_SHARE = 0.8
HIGH_SHARE = 1.2
MAX_LIKELY_WEEKS = 26.0
"""The model does not extrapolate past half a year: such a case belongs with a physiotherapist."""
OPEN_ENDED_FROM = 8.0
"""From about two months on, the article says "or more": the high end is not a ceiling."""

WEEKS_PER_MONTH = 365.25 / 12 / 7

MODEL_VERSION = 1

DISCLAIMER = (
    "This is an estimate from a simple model built on typical recovery times. It is not a "
    "diagnosis: a physiotherapist or doctor who examines your knee can tell you more."
)

RED_FLAG_TEXT = {
    "injury": "It started with a fall, a twist or a blow to the knee.",
    "swelling": "The knee is swollen.",
    "locking": "The knee locks or catches.",
    "giving_way": "The knee gives way.",
    "night_pain": "It hurts at night or at rest.",
    "fever": "You have a fever, or the knee is hot and red.",
}


@dataclass(frozen=True)
class FactorEffect:
    factor: str
    label: str
    answer: object
    multiplier: float
    weeks_added: float
    why: str
    reference: str | None
    timeline: str | None


@dataclass(frozen=True)
class Weeks:
    low: float
    likely: float
    high: float


@dataclass(frozen=True)
class Estimate:
    refer: bool
    headline: str
    weeks: Weeks | None
    open_ended: bool
    factors: tuple[FactorEffect, ...]
    phases: tuple[Phase, ...]
    red_flags: tuple[str, ...]
    disclaimer: str = DISCLAIMER
    model_version: int = MODEL_VERSION


def model_weeks(inputs: Inputs) -> float:
    """The factor model's unrounded, uncapped recovery time."""
    return BASE_WEEKS * math.prod(factor.multiplier(inputs) for factor in FACTORS)


def half_weeks(value: float) -> float:
    """Round to the nearest half week, never below half a week."""
    return max(0.5, math.floor(value * 2 + 0.5) / 2)


def months(weeks: float) -> float:
    """Weeks as months, to the nearest half month."""
    return round(weeks / WEEKS_PER_MONTH * 2) / 2


def span(weeks: Weeks, open_ended: bool) -> str:
    """``about 1 week``, ``4-6.5 weeks``, ``2-3 months or more``."""

    def number(value: float) -> str:
        return f"{value:g}"

    low, high = weeks.low, weeks.high
    if low == high:
        text = f"about {number(low)} week{'s' if low != 1 else ''}"
    elif low >= 8:
        text = f"{number(months(low))}-{number(months(high))} months"
    else:
        text = f"{number(low)}-{number(high)} weeks"
    return f"{text} or more" if open_ended else text


def _effect(factor: Factor, inputs: Inputs, likely: float) -> FactorEffect:
    added = likely - min(model_weeks(factor.at_best(inputs)), MAX_LIKELY_WEEKS)
    return FactorEffect(
        factor=factor.name,
        label=factor.label,
        answer=getattr(inputs, factor.name),
        multiplier=round(factor.multiplier(inputs), 3),
        weeks_added=half_weeks(added) if added > 0 else 0.0,
        why=factor.why(inputs),
        reference=factor.reference,
        timeline=factor.timeline,
    )


def estimate(inputs: Inputs) -> Estimate:
    """The recovery estimate for ``inputs``; a referral without a number if a red flag is set."""
    if inputs.red_flags:
        return Estimate(
            refer=True,
            headline="See a clinician before relying on any estimate.",
            weeks=None,
            open_ended=False,
            factors=(),
            phases=(),
            red_flags=tuple(RED_FLAG_TEXT[flag] for flag in inputs.red_flags),
        )
    modelled = model_weeks(inputs)
    capped = modelled > MAX_LIKELY_WEEKS
    likely = min(modelled, MAX_LIKELY_WEEKS)
    weeks = Weeks(
        low=half_weeks(likely * LOW_SHARE),
        likely=half_weeks(likely),
        high=half_weeks(likely * HIGH_SHARE),
    )
    open_ended = weeks.likely >= OPEN_ENDED_FROM
    headline = f"Likely recovery: {span(weeks, open_ended)}."
    if capped:
        headline += " That is beyond what this model estimates well: see a physiotherapist."
    return Estimate(
        refer=False,
        headline=headline,
        weeks=weeks,
        open_ended=open_ended,
        factors=tuple(_effect(factor, inputs, likely) for factor in FACTORS),
        phases=tuple(
            dataclasses.replace(phase, weeks=half_weeks(phase.weeks))
            for phase in phases(inputs, weeks.likely)
        ),
        red_flags=(),
    )
