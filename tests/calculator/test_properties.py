"""Properties over the whole input space: exact sums, bounds, monotone, and the JSON contract."""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import os
import re
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


def rank_as_is(inputs: Inputs) -> float:
    """Days to recovery if nothing changes."""
    result = estimate(inputs)
    if result.weeks is None or result.as_is_beyond:
        return math.inf
    return (result.as_is or result.weeks).likely


def test_every_estimate_on_the_grid_is_honest() -> None:
    """Open ranges from a week, strength work of 6 weeks or more that goes on past the return to
    running, running advice by severity, and sums that add up."""
    for inputs in GRID:
        result = estimate(inputs)
        if result.weeks is None:
            continue
        weeks = result.weeks
        assert 1 <= weeks.low <= weeks.likely < weeks.high, inputs
        assert weeks.likely < MAX_WEEKS, inputs
        total = weeks.likely * 7
        assert result.base_days + sum(f.days_added for f in result.factors) == total, inputs
        settle, strengthen, back = result.phases
        assert settle.end_day == strengthen.start_day, inputs
        assert strengthen.days >= 42, inputs
        assert strengthen.end_day > back.end_day == total, inputs
        assert result.running == ("stop" if inputs.severity == "severe" else "within_rule")
        assert result.assess == (inputs.severity == "severe")
        if result.as_is is not None:
            assert result.as_is.likely >= weeks.likely
            assert (
                sum(h.days_added for h in result.habits) == (result.as_is.likely - weeks.likely) * 7
            )


def test_no_cliff_at_the_outlook_threshold() -> None:
    """Just short of the long-standing threshold, every answer already reaches 3 months or goes
    past the model: the number beside 'pain for 4 months or more' never promises less."""
    for inputs in GRID:
        before = estimate(dataclasses.replace(inputs, symptom_weeks=LONG_STANDING_WEEKS - 0.5))
        after = estimate(dataclasses.replace(inputs, symptom_weeks=LONG_STANDING_WEEKS))
        assert after.kind == "outlook", inputs
        assert before.weeks is None or before.weeks.high >= 13, (inputs, before.weeks)


def test_current_habits_never_give_the_long_outlook_alone() -> None:
    """The outlook comes from the knee's history; habits only add the 'if nothing changes'."""
    for inputs in GRID:
        planned = dataclasses.replace(inputs, training="reduced", plan="addresses_cause")
        assert estimate(inputs).kind == estimate(planned).kind, inputs


@given(inputs_strategy)
def test_no_number_past_the_models_range(inputs: Inputs) -> None:
    result = estimate(inputs)
    if inputs.symptom_weeks >= LONG_STANDING_WEEKS:
        assert result.weeks is None
    if result.weeks is not None:
        assert 1 <= result.weeks.low <= result.weeks.likely < result.weeks.high
        assert result.weeks.likely < MAX_WEEKS
        assert all(f.days_added >= 0 for f in (*result.factors, *result.habits))
        assert all(p.days > 0 for p in result.phases)


@given(inputs_strategy, st.sampled_from(sorted(ORDERS)), st.data())
def test_a_worse_answer_never_shortens_the_estimate(
    inputs: Inputs, field: str, data: st.DataObject
) -> None:
    order = ORDERS[field]
    better, worse = sorted(
        data.draw(st.lists(st.sampled_from(range(len(order))), min_size=2, max_size=2, unique=True))
    )
    shorter = dataclasses.replace(inputs, **{field: order[better]})
    longer = dataclasses.replace(inputs, **{field: order[worse]})
    assert rank(shorter) <= rank(longer)
    assert rank_as_is(shorter) <= rank_as_is(longer)


@given(
    inputs_strategy, st.floats(min_value=0, max_value=520), st.floats(min_value=0, max_value=520)
)
def test_longer_pain_never_shortens_the_estimate(inputs: Inputs, a: float, b: float) -> None:
    shorter, longer = sorted((a, b))
    assert rank(dataclasses.replace(inputs, symptom_weeks=shorter)) <= rank(
        dataclasses.replace(inputs, symptom_weeks=longer)
    )


CODE = re.compile(r"^[a-z][a-z0-9_]*$")


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


@given(inputs_strategy)
def test_respond_speaks_codes_and_numbers_only(inputs: Inputs) -> None:
    """Every word the calculator shows lives in the content: the answer carries codes (and the
    reader's own answers), never a sentence."""
    answer = json.loads(respond(json.dumps(inputs.to_json())))["result"]
    assert answer["kind"] in ("estimate", "outlook", "refer")
    assert set(answer) >= {"kind", "weeks", "factors", "phases", "red_flags", "running"}
    assert all(CODE.match(text) for text in strings(answer)), strings(answer)
    if answer["kind"] != "estimate":
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
