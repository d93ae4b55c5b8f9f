"""The estimator names content by slug; every slug it can emit must exist in content/."""

from __future__ import annotations

import dataclasses
import itertools

from calculator import CAUSES, DEFAULTS, FACTORS, RED_FLAGS, SEVERITIES, estimate
from calculator.estimate import RED_FLAG_TEXT
from kneeguide.content.catalog import Catalog


def test_every_phase_exercise_exists(catalog: Catalog) -> None:
    slugs = {e.slug for e in catalog.exercises}
    for severity, cause in itertools.product(SEVERITIES, CAUSES):
        result = estimate(dataclasses.replace(DEFAULTS, severity=severity, cause=cause))
        for phase in result.phases:
            assert set(phase.exercises) <= slugs, phase.phase


def test_every_factor_source_exists(catalog: Catalog) -> None:
    references = {r.slug for r in catalog.references}
    timelines = {t.slug for t in catalog.timelines}
    for factor in FACTORS:
        assert factor.reference is None or factor.reference in references
        assert factor.timeline is None or factor.timeline in timelines


def test_red_flags_match_the_guide(catalog: Catalog) -> None:
    assert tuple(flag.code for flag in catalog.red_flags) == RED_FLAGS == tuple(RED_FLAG_TEXT)
