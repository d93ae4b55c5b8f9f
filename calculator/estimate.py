"""Combine the factor table into an answer: an estimate, an outlook with no number, or a referral
when a warning sign is present. The answer is codes and numbers only; the guide's content holds
every word shown about them.

The estimate is the time until running feels normal again on the guide's plan (cut back to
within the pain rule, or stop if the pain is severe, and do the exercises), as a range in whole
weeks whose top is never a ceiling ("or more"). Habits that differ from the plan give a second
figure beside it: the time if nothing changes.

Every figure shown adds up: each factor's share of the time beyond the best case is in
proportion to the logarithm of its multiplier (the factors multiply, so their logarithms add),
rounded to whole days by largest remainder so that the shares add up exactly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal

from calculator.factors import BASE_WEEKS, CONDITION, HABITS, PLANNED_TRAINING, Factor
from calculator.inputs import Inputs, RedFlag
from calculator.phases import Phase, phases

LOW_SHARE = 4 / 5
HIGH_SHARE = 6 / 5
"""The range around the likely time: the spread of the typical 4-6 weeks around its middle, 5."""

MAX_WEEKS = 13
"""Three months: a likely time this long or longer gets what to do instead of a number."""

LONG_STANDING_WEEKS = 17.0
"""Pain for about 4 months or more: the cut-off most often linked with a poor outcome in the
studies a systematic review found (the content cites it). No weeks-to-recovery number."""

MODEL_VERSION = 3

Kind = Literal["estimate", "outlook", "refer"]
Reason = Literal["long_standing", "long"]
Running = Literal["within_rule", "stop"]


@dataclass(frozen=True)
class FactorEffect:
    """One factor's part of an estimate: the reader's answer, its multiplier, and the whole days
    it adds."""

    factor: str
    answer: object
    multiplier: float
    days_added: int


@dataclass(frozen=True)
class Weeks:
    """Whole weeks until running feels normal: ``low`` to ``high`` or more, most likely
    ``likely``. ``low`` is at least 1 and always below ``high``."""

    low: int
    likely: int
    high: int


@dataclass(frozen=True)
class Estimate:
    """The answer. ``kind`` says which parts are filled in:

    - ``estimate``: ``weeks`` on the guide's plan, with ``factors`` adding up to it from
      ``base_days``, and ``phases``; ``running`` says what to do about running meanwhile,
      ``assess`` whether to get it assessed first. When the reader's habits differ from the plan,
      ``as_is`` is the time if nothing changes (``None`` when it is past the model's range, with
      ``as_is_beyond``) and ``habits`` add up to the difference;
    - ``outlook``: no number; ``reason`` says why;
    - ``refer``: no number; ``red_flags`` lists the signs by code, and ``unrecognised`` any codes
      given that the estimator does not know (they never cancel a known sign).
    """

    kind: Kind
    weeks: Weeks | None = None
    factors: tuple[FactorEffect, ...] = ()
    phases: tuple[Phase, ...] = ()
    running: Running | None = None
    assess: bool = False
    as_is: Weeks | None = None
    as_is_beyond: bool = False
    habits: tuple[FactorEffect, ...] = ()
    reason: Reason | None = None
    red_flags: tuple[RedFlag, ...] = ()
    unrecognised: tuple[str, ...] = ()
    base_days: int = round(BASE_WEEKS * 7)
    model_version: int = MODEL_VERSION


def planned(inputs: Inputs) -> Inputs:
    """The reader's answers with the guide's plan in place of their habits."""
    return replace(inputs, training=PLANNED_TRAINING[inputs.severity], plan="addresses_cause")


def model_weeks(inputs: Inputs) -> float:
    """The factor model's unrounded time until running feels normal, for the answers as given."""
    return BASE_WEEKS * math.prod(f.multiplier(inputs) for f in (*CONDITION, *HABITS))


def weeks_for(modelled: float) -> Weeks:
    """Whole likely weeks, with a range whose ends always differ and whose low end is a week or
    more."""
    likely = max(1, math.floor(modelled + 0.5))
    return Weeks(
        low=max(1, math.floor(likely * LOW_SHARE)),
        likely=likely,
        high=max(likely + 1, math.ceil(likely * HIGH_SHARE)),
    )


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


def effects(factors: tuple[Factor, ...], inputs: Inputs, days: int) -> tuple[FactorEffect, ...]:
    """``days`` shared among ``factors`` by the logarithm of each one's multiplier."""
    multipliers = [f.multiplier(inputs) for f in factors]
    added = shares(days, [math.log(m) for m in multipliers])
    return tuple(
        FactorEffect(f.name, getattr(inputs, f.name), round(m, 3), d)
        for f, m, d in zip(factors, multipliers, added, strict=True)
    )


def referral(red_flags: tuple[RedFlag, ...], unrecognised: tuple[str, ...] = ()) -> Estimate:
    """The answer when a warning sign is present: a clinician, and no number."""
    return Estimate(kind="refer", red_flags=red_flags, unrecognised=unrecognised)


def estimate(inputs: Inputs) -> Estimate:
    """The answer for ``inputs``: a referral if a warning sign is set, the outlook for pain that
    has lasted past the model's range or would take longer than it, an estimate otherwise."""
    if inputs.red_flags:
        return referral(inputs.red_flags)
    if inputs.symptom_weeks >= LONG_STANDING_WEEKS:
        return Estimate(kind="outlook", reason="long_standing")
    plan = planned(inputs)
    weeks = weeks_for(model_weeks(plan))
    if weeks.likely >= MAX_WEEKS:
        return Estimate(kind="outlook", reason="long")
    base_days = round(BASE_WEEKS * 7)
    days = weeks.likely * 7
    as_is = weeks_for(model_weeks(inputs))
    changes = as_is != weeks
    beyond = changes and as_is.likely >= MAX_WEEKS
    return Estimate(
        kind="estimate",
        weeks=weeks,
        factors=effects(CONDITION, plan, days - base_days),
        phases=phases(days),
        running="stop" if plan.training == "stopped" else "within_rule",
        assess=inputs.severity == "severe",
        as_is=as_is if changes and not beyond else None,
        as_is_beyond=beyond,
        habits=effects(HABITS, inputs, 0 if beyond else (as_is.likely - weeks.likely) * 7)
        if changes
        else (),
        base_days=base_days,
    )
