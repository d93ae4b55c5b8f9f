"""The estimator names content by code or slug; every one it can emit must exist in content/."""

from __future__ import annotations

import dataclasses
import itertools

from calculator import CAUSES, FACTORS, RED_FLAGS, SEVERITIES, TYPICAL, estimate
from calculator.estimate import CAVEAT_REFERENCES, OUTLOOK_REFERENCES
from kneeguide.content.catalog import Catalog
from kneeguide.pages.triage import coded_red_flags


def test_every_phase_exercise_exists(catalog: Catalog) -> None:
    slugs = {e.slug for e in catalog.exercises}
    for severity, cause in itertools.product(SEVERITIES, CAUSES):
        result = estimate(dataclasses.replace(TYPICAL, severity=severity, cause=cause))
        for phase in result.phases:
            assert set(phase.exercises) <= slugs, phase.phase


def test_every_factor_and_outlook_source_exists(catalog: Catalog) -> None:
    references = {r.slug for r in catalog.references}
    timelines = {t.slug for t in catalog.timelines}
    for factor in FACTORS:
        assert set(factor.references) <= references
        assert factor.timeline is None or factor.timeline in timelines
    assert set(OUTLOOK_REFERENCES) | set(CAVEAT_REFERENCES) <= references


def test_every_calculator_red_flag_is_one_content_item(catalog: Catalog) -> None:
    assert set(coded_red_flags(catalog)) == set(RED_FLAGS)


def test_red_flags_are_listed_most_urgent_first(catalog: Catalog) -> None:
    tiers = [flag.tier for flag in coded_red_flags(catalog).values()]
    assert tiers == sorted(tiers, key=("emergency", "urgent", "routine").index)
