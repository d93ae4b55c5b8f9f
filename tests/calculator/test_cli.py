"""``python -m calculator`` as a user runs it: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from calculator import TYPICAL, estimate
from calculator.api import result_json


def run(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculator"],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_valid_input_prints_the_estimate() -> None:
    result = run(json.dumps(TYPICAL.to_json()))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(json.dumps(result_json(estimate(TYPICAL))))
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("stdin", "field"),
    [
        ("{bad json", "input: not valid JSON (line 1, column 2"),
        ("", "input: not valid JSON"),
        ("[1, 2]", "input: The answers could not be read"),
        (
            json.dumps({**TYPICAL.to_json(), "severity": "extreme"}),
            "severity: Choose how much your knee holds you back.",
        ),
        (
            json.dumps({**TYPICAL.to_json(), "symptom_weeks": -3}),
            "symptom_weeks: Enter a number of weeks from 0 to 520.",
        ),
        (
            json.dumps({**TYPICAL.to_json(), "shoe": "trail"}),
            "shoe: This question is not part of the calculator.",
        ),
        (
            json.dumps({**TYPICAL.to_json(), "red_flags": ["rash"]}),
            "red_flags: One of the warning signs was not recognised.",
        ),
        (
            '{"symptom_weeks": NaN}',
            "symptom_weeks: Enter how many weeks it has hurt, for example 2.",
        ),
    ],
)
def test_invalid_input_exits_2_with_one_line_naming_the_field(stdin: str, field: str) -> None:
    result = run(stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert field in lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "stdin",
    [
        '{"red_flags": ["hot_knee"]}',
        '{"severity": "extreme", "red_flags": ["calf_pain", "hot_knee"]}',
        '{"red_flags": ["fever"]}',
        '{"red_flags": ["hot_knee", "bogus"], "symptom_weeks": -1}',
    ],
)
def test_a_warning_sign_refers_before_the_other_answers_are_complete(stdin: str) -> None:
    result = run(stdin)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["kind"] == "refer"
    assert answer["weeks"] is None
    assert "hot_knee" in answer["red_flags"]
    assert answer["unrecognised"] == (["bogus"] if "bogus" in stdin else [])


def test_a_reader_under_18_is_referred_with_no_number() -> None:
    result = run(json.dumps({**TYPICAL.to_json(), "age": "under_18"}))
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert (answer["kind"], answer["weeks"], answer["red_flags"]) == ("refer", None, ["under_18"])
