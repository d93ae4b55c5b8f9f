"""Property-based bad input: malformed content trees and calculator inputs always give the
project's own clear error, never a traceback, and the site build writes nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import TYPICAL, InputError, parse_inputs, respond
from kneeguide.content.catalog import load_catalog
from kneeguide.content.errors import ContentError

from ..content_tree import MINIMAL, write_tree

PROBLEM_LINE = r"^content/[^:]+:\d+: "

odd_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=40,
)
yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | odd_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_text, inner, max_size=3),
    max_leaves=8,
)


def load(changes: dict[str, str | None]) -> ContentError | None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            load_catalog(write_tree(Path(folder), changes))
        except ContentError as error:
            return error
    return None


def assert_clear(error: ContentError | None) -> None:
    assert error is not None, "bad content was accepted"
    assert error.problems
    for problem in error.problems:
        assert problem.file.startswith("content/")
        assert problem.line >= 1
        assert problem.message
        assert "Traceback" not in str(problem)


FILES = sorted(MINIMAL)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(FILES), st.text(max_size=200))
def test_random_text_in_any_file(file: str, text: str) -> None:
    error = load({file: text})
    try:
        same = yaml.safe_load(MINIMAL[file]) == yaml.safe_load(text)
    except yaml.YAMLError:
        same = False
    if same:
        assert error is None, "the original item, written differently, was refused"
    else:
        assert_clear(error)


def shape(value: Any) -> str:
    """The YAML shape of a value, as the validator tells them apart."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    for name, kind in (("text", str), ("list", list), ("mapping", dict)):
        if isinstance(value, kind):
            return name
    raise AssertionError(f"unexpected value in MINIMAL: {value!r}")


SHAPES: dict[str, st.SearchStrategy[Any]] = {
    "bool": st.booleans(),
    "number": st.integers() | st.floats(allow_nan=False),
    "text": odd_text,
    "list": st.lists(yaml_values, max_size=3),
    "mapping": st.dictionaries(odd_text, yaml_values, max_size=3),
}


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(FILES), st.data())
def test_a_field_of_the_wrong_shape_is_refused(file: str, data: st.DataObject) -> None:
    # Every value drawn here is wrong by construction (another shape than the valid original,
    # and never null, which an optional field accepts), so the error must come every time.
    item: dict[str, Any] = yaml.safe_load(MINIMAL[file])
    field = data.draw(st.sampled_from(sorted(item)))
    wrong = [strategy for name, strategy in SHAPES.items() if name != shape(item[field])]
    item[field] = data.draw(st.one_of(wrong))
    assert_clear(load({file: yaml.safe_dump(item, allow_unicode=True)}))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(FILES), st.data())
def test_a_field_with_any_value_is_accepted_or_clearly_refused(
    file: str, data: st.DataObject
) -> None:
    item: dict[str, Any] = yaml.safe_load(MINIMAL[file])
    field = data.draw(st.sampled_from(sorted(item)))
    item[field] = data.draw(yaml_values)
    error = load({file: yaml.safe_dump(item, allow_unicode=True)})
    if error is not None:
        assert_clear(error)
    else:
        # Accepted: then it must be a value the validator allows for the field's shape.
        original = yaml.safe_load(MINIMAL[file])[field]
        assert item[field] is None or shape(item[field]) == shape(original), item[field]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(FILES),
    st.sampled_from(["drop-field", "delete-file", "break-link", "odd-unicode-key"]),
)
def test_structural_damage(file: str, damage: str) -> None:
    item: dict[str, Any] = yaml.safe_load(MINIMAL[file])
    if damage == "drop-field":
        item.pop("slug")
        changes: dict[str, str | None] = {file: yaml.safe_dump(item)}
    elif damage == "delete-file":
        changes = {file: None}
    elif damage == "break-link":
        item["references"] = ["no-such-reference-\u00e9\u200b"]
        changes = {file: yaml.safe_dump(item, allow_unicode=True)}
    else:
        item["\u202eslug\u0301"] = "x"
        changes = {file: yaml.safe_dump(item, allow_unicode=True)}
    assert_clear(load(changes))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | odd_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(odd_text, inner, max_size=3),
    max_leaves=6,
)


@given(st.sampled_from(sorted(TYPICAL.to_json())), json_values)
def test_calculator_field_with_any_value(field: str, value: Any) -> None:
    data = {**TYPICAL.to_json(), field: value}
    response = json.loads(respond(json.dumps(data)))
    assert set(response) in ({"result"}, {"errors"})
    if "errors" in response:
        assert list(response["errors"]) == [field]
        assert all(isinstance(m, str) and "\n" not in m for m in response["errors"].values())


@given(
    st.sampled_from(["severity", "training", "cause", "symptom_weeks"]),
    st.text(alphabet="ab\n\r\u2028 ", max_size=80),
)
def test_calculator_messages_stay_on_one_line(field: str, value: str) -> None:
    response = json.loads(respond(json.dumps({**TYPICAL.to_json(), field: value})))
    for message in response.get("errors", {}).values():
        assert len(message.splitlines()) == 1


@given(json_values)
def test_calculator_with_any_json(value: Any) -> None:
    error: InputError | None = None
    try:
        parse_inputs(value)
    except InputError as caught:
        error = caught
    if error is not None:
        assert error.errors
        assert "\n" not in str(error)


@settings(max_examples=25, deadline=None)
@given(st.binary(max_size=60))
def test_calculator_cli_with_any_bytes(stdin: bytes) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "calculator"], input=stdin, capture_output=True, check=False
    )
    assert result.returncode in (0, 2)
    assert b"Traceback" not in result.stderr
    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1
