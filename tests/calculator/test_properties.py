"""Property-based checks over the whole input space: monotone, bounded, deterministic."""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from calculator import (
    CAUSES,
    PLANS,
    RED_FLAGS,
    SEVERITIES,
    TRAININGS,
    Inputs,
    estimate,
    parse_inputs,
    respond,
)
from calculator.estimate import MAX_LIKELY_WEEKS, model_weeks

ORDERS = {
    "severity": SEVERITIES,
    "training": ("stopped", "reduced", "unchanged"),
    "plan": ("addresses_cause", "rest_only"),
    "cause": ("overload", "tightness", "weakness", "unknown", "malalignment"),
    "ran_through_pain": (False, True),
    "high_bmi": (False, True),
}
"""Each ordinal answer from best to worst."""

weeks_strategy = st.floats(min_value=0, max_value=520, allow_nan=False)

inputs_strategy = st.builds(
    Inputs,
    severity=st.sampled_from(SEVERITIES),
    symptom_weeks=weeks_strategy,
    ran_through_pain=st.booleans(),
    training=st.sampled_from(TRAININGS),
    plan=st.sampled_from(PLANS),
    cause=st.sampled_from(CAUSES),
    high_bmi=st.booleans(),
)


@given(inputs_strategy)
def test_bounds(inputs: Inputs) -> None:
    result = estimate(inputs)
    assert result.weeks is not None
    assert 0 < result.weeks.low <= result.weeks.likely <= result.weeks.high
    assert result.weeks.likely <= MAX_LIKELY_WEEKS
    assert all(f.weeks_added >= 0 for f in result.factors)
    assert all(p.weeks > 0 for p in result.phases)


@given(inputs_strategy, st.sampled_from(sorted(ORDERS)), st.data())
def test_a_worse_answer_never_shortens_the_estimate(
    inputs: Inputs, field: str, data: st.DataObject
) -> None:
    order = ORDERS[field]
    # Two different answers (an equal pair would compare an estimate with itself).
    better, worse = sorted(
        data.draw(st.lists(st.integers(0, len(order) - 1), min_size=2, max_size=2, unique=True))
    )
    good = dataclasses.replace(inputs, **{field: order[better]})
    bad = dataclasses.replace(inputs, **{field: order[worse]})
    assert model_weeks(bad) >= model_weeks(good)
    good_weeks, bad_weeks = estimate(good).weeks, estimate(bad).weeks
    assert good_weeks is not None
    assert bad_weeks is not None
    assert bad_weeks.low >= good_weeks.low
    assert bad_weeks.likely >= good_weeks.likely
    assert bad_weeks.high >= good_weeks.high


@given(
    inputs_strategy,
    st.lists(weeks_strategy, min_size=2, max_size=2, unique=True).map(sorted),
)
def test_longer_symptoms_never_shorten_the_estimate(inputs: Inputs, pair: list[float]) -> None:
    shorter, longer = pair
    assert model_weeks(dataclasses.replace(inputs, symptom_weeks=longer)) >= model_weeks(
        dataclasses.replace(inputs, symptom_weeks=shorter)
    )


@given(inputs_strategy)
def test_inputs_survive_the_json_boundary(inputs: Inputs) -> None:
    assert parse_inputs(json.loads(json.dumps(inputs.to_json()))) == inputs


SAMPLE = [
    Inputs(
        severity=severity,
        symptom_weeks=weeks,
        ran_through_pain=ran,
        training=training,
        plan=plan,
        cause=cause,
        high_bmi=high_bmi,
    ).to_json()
    for severity, weeks, ran, training, plan, cause, high_bmi in itertools.product(
        SEVERITIES, (0, 1.5, 6, 52, 520), (False, True), TRAININGS, PLANS, CAUSES, (False, True)
    )
]
"""Every categorical answer with a spread of durations."""

RESPOND_ALL = """
import json, sys
from calculator import respond
print(json.dumps([respond(json.dumps(item)) for item in json.load(sys.stdin)]))
"""


def test_deterministic_across_processes() -> None:
    # Another interpreter with another hash seed (set and dict order of str keys) must answer
    # byte for byte the same: the browser's Pyodide is another interpreter too.
    here = [respond(json.dumps(item)) for item in SAMPLE]
    there = subprocess.run(
        [sys.executable, "-c", RESPOND_ALL],
        input=json.dumps(SAMPLE),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert json.loads(there.stdout) == here
    assert len(set(here)) > len(SAMPLE) // 10, "suspiciously few different answers"


@given(inputs_strategy, st.lists(st.sampled_from(RED_FLAGS), min_size=1))
def test_any_red_flag_means_refer(inputs: Inputs, flags: list[str]) -> None:
    result = estimate(dataclasses.replace(inputs, red_flags=tuple(sorted(set(flags)))))  # type: ignore[arg-type]
    assert result.refer
    assert result.weeks is None
