"""Properties over the whole input space: exact sums, bounds, monotone, and the JSON contract."""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
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
from calculator.estimate import LONG_STANDING_WEEKS, MAX_WEEKS

ORDERS = {
    "severity": SEVERITIES,
    "training": ("stopped", "reduced", "unchanged"),
    "plan": ("addresses_cause", "rest_only"),
    "cause": ("overload", "tightness", "weakness", "unknown", "malalignment"),
    "ran_through_pain": (False, True),
}
"""Each ordinal answer from best to worst."""

inputs_strategy = st.builds(
    Inputs,
    age=st.just("adult"),
    severity=st.sampled_from(SEVERITIES),
    symptom_weeks=st.floats(min_value=0, max_value=520, allow_nan=False),
    ran_through_pain=st.booleans(),
    training=st.sampled_from(TRAININGS),
    plan=st.sampled_from(PLANS),
    cause=st.sampled_from(CAUSES),
)

GRID = [
    Inputs(*answers)  # type: ignore[arg-type]
    for answers in itertools.product(
        ["adult"],
        SEVERITIES,
        [0, 0.5, 1, 2, 3, 4, 6, 8, 10, 12, 12.5, 13, 26],
        [False, True],
        TRAININGS,
        PLANS,
        CAUSES,
    )
]


def rank(inputs: Inputs) -> float:
    """Days to recovery, with no number (the outlook) as the worst of all."""
    result = estimate(inputs)
    return math.inf if result.weeks is None else result.weeks.likely


def test_sums_hold_for_every_answer_on_the_grid() -> None:
    for inputs in GRID:
        result = estimate(inputs)
        if result.weeks is None:
            continue
        total = result.weeks.likely * 7
        assert sum(p.days for p in result.phases) == total, inputs
        assert result.base_days + sum(f.days_added for f in result.factors) == total, inputs
        assert result.weeks.low < result.weeks.high <= MAX_WEEKS, inputs


@given(inputs_strategy)
def test_no_number_past_the_models_range(inputs: Inputs) -> None:
    result = estimate(inputs)
    if inputs.symptom_weeks >= LONG_STANDING_WEEKS:
        assert result.weeks is None
    if result.weeks is not None:
        assert 0 < result.weeks.low < result.weeks.likely < result.weeks.high <= MAX_WEEKS
        assert all(f.days_added >= 0 for f in result.factors)
        assert all(p.days > 0 for p in result.phases)


@given(inputs_strategy, st.sampled_from(sorted(ORDERS)), st.data())
def test_a_worse_answer_never_shortens_the_estimate(
    inputs: Inputs, field: str, data: st.DataObject
) -> None:
    order = ORDERS[field]
    better, worse = sorted(
        data.draw(st.lists(st.sampled_from(range(len(order))), min_size=2, max_size=2, unique=True))
    )
    assert rank(dataclasses.replace(inputs, **{field: order[better]})) <= rank(
        dataclasses.replace(inputs, **{field: order[worse]})
    )


@given(
    inputs_strategy, st.floats(min_value=0, max_value=520), st.floats(min_value=0, max_value=520)
)
def test_longer_pain_never_shortens_the_estimate(inputs: Inputs, a: float, b: float) -> None:
    shorter, longer = sorted((a, b))
    assert rank(dataclasses.replace(inputs, symptom_weeks=shorter)) <= rank(
        dataclasses.replace(inputs, symptom_weeks=longer)
    )


@given(inputs_strategy)
def test_respond_speaks_the_documented_contract(inputs: Inputs) -> None:
    answer = json.loads(respond(json.dumps(inputs.to_json())))["result"]
    assert answer["kind"] in ("estimate", "outlook", "refer")
    assert set(answer) >= {
        "kind",
        "headline",
        "weeks",
        "factors",
        "phases",
        "red_flags",
        "references",
    }
    if answer["kind"] == "estimate":
        assert answer["weeks"]["likely"] * 7 == sum(p["days"] for p in answer["phases"])
    else:
        assert answer["weeks"] is None
        assert answer["phases"] == []


@given(inputs_strategy)
def test_inputs_survive_the_json_boundary(inputs: Inputs) -> None:
    assert parse_inputs(json.loads(json.dumps(inputs.to_json()))) == inputs


RESPOND_ALL = """
import json, sys
from calculator import respond
print(json.dumps([respond(json.dumps(item)) for item in json.load(sys.stdin)]))
"""


def test_deterministic_across_processes() -> None:
    # Another interpreter with another hash seed must answer byte for byte the same: the
    # browser's Pyodide is another interpreter too.
    sample = [inputs.to_json() for inputs in GRID[::3]]
    here = [respond(json.dumps(item)) for item in sample]
    there = subprocess.run(
        [sys.executable, "-c", RESPOND_ALL],
        input=json.dumps(sample),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert json.loads(there.stdout) == here
    assert len(set(here)) > len(sample) // 10, "suspiciously few different answers"


@given(inputs_strategy, st.lists(st.sampled_from(RED_FLAGS), min_size=1))
def test_any_red_flag_means_refer(inputs: Inputs, flags: list[str]) -> None:
    result = estimate(dataclasses.replace(inputs, red_flags=tuple(sorted(set(flags)))))  # type: ignore[arg-type]
    assert result.kind == "refer"
    assert result.weeks is None
