"""The estimator answers in codes; every code it can answer with has words in content/, and a
code on one side only stops the build with file, line and field."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from calculator import AGES, CAUSES, PLANS, RED_FLAGS, SEVERITIES, TRAININGS, Inputs, estimate
from kneeguide.content.catalog import Catalog, answer_text, load_catalog
from kneeguide.content.errors import ContentError
from kneeguide.pages.triage import coded_red_flags

from .content_tree import MINIMAL, write_tree

GRID = [
    Inputs(*answers)  # type: ignore[arg-type]
    for answers in itertools.product(
        AGES[:1], SEVERITIES, [0, 0.5, 3, 10, 16, 30], [False, True], TRAININGS, PLANS, CAUSES
    )
]


def test_every_calculator_red_flag_is_one_content_item(catalog: Catalog) -> None:
    assert set(coded_red_flags(catalog)) == set(RED_FLAGS)


def test_red_flags_are_listed_most_urgent_first(catalog: Catalog) -> None:
    tiers = [flag.tier for flag in coded_red_flags(catalog).values()]
    assert tiers == sorted(tiers, key=("emergency", "urgent", "routine").index)


def test_every_code_the_estimator_answers_with_has_words(catalog: Catalog) -> None:
    words = catalog.estimate
    running = {r.code for r in words.running}
    outlooks = {o.code for o in words.outlooks}
    phases = {p.phase for p in words.phases}
    factors = {f.factor: f for f in words.factors}
    kinds = set()
    for inputs in GRID:
        result = estimate(inputs)
        kinds.add(result.kind)
        if result.reason is not None:
            assert result.reason in outlooks
        if result.running is not None:
            assert result.running in running
        assert {p.phase for p in result.phases} <= phases
        for effect in (*result.factors, *result.habits):
            answers = {a.answer for a in factors[effect.factor].answers}
            if isinstance(effect.answer, bool | str):
                assert answer_text(effect.answer) in answers, effect
            else:
                assert any(a.at_least is not None for a in factors[effect.factor].answers)
    assert kinds == {"estimate", "outlook"}


def test_each_phase_uses_a_program_template(catalog: Catalog) -> None:
    templates = {t.slug for t in catalog.program_templates}
    assert {p.template for p in catalog.estimate.phases} <= templates


def estimate_changed(old: str, new: str) -> dict[str, str | None]:
    text = MINIMAL["estimate/estimate.yaml"]
    assert old in text
    return {"estimate/estimate.yaml": text.replace(old, new, 1)}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            estimate_changed("{code: stop,", "{code: halt,"),
            'running[1]: the estimator has no "halt"',
        ),
        (
            estimate_changed("{code: stop,", "{code: halt,"),
            'running: give the words for the estimator\'s "stop"',
        ),
        (
            estimate_changed("{phase: return,", "{phase: rest,"),
            'phases[2]: the estimator has no "rest"',
        ),
        (
            estimate_changed("      - {answer: 'severe', why: 'Why [@editorial].'}\n", ""),
            'factors[0].answers: give the words for the answer "severe"',
        ),
        (
            estimate_changed("{answer: 'severe',", "{answer: 'extreme',"),
            '"extreme" is not an answer to this question',
        ),
        (
            estimate_changed("{code: long,", "{code: longer,"),
            'outlooks: give the words for the estimator\'s "long"',
        ),
    ],
)
def test_a_code_on_one_side_only_stops_the_build(
    tmp_path: Path, changes: dict[str, str | None], message: str
) -> None:
    with pytest.raises(ContentError) as caught:
        load_catalog(write_tree(tmp_path, changes))
    shown = str(caught.value)
    assert message in shown, shown
    assert "content/estimate/estimate.yaml:" in shown
