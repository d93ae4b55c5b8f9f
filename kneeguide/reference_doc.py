"""``REFERENCE.md``: the lists a reader of the README needs and that must never drift, written
from the code by ``make schema``: each content folder's fields (from the same models as the JSON
Schema) and the calculator's answers as links carry them (from ``calculator.QUESTIONS``). A test
fails when the file is stale."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import calculator
from calculator.inputs import RETIRED, RETIRED_RED_FLAGS
from kneeguide.content.catalog import KINDS
from kneeguide.content.schema import schemas

NAME = "REFERENCE.md"
CLAIM = (
    "A statement of medical fact: end each paragraph with its basis, [@reference-slug], "
    "[@experience] or [@editorial]."
)
SHARED = "review"
"""A field every kind has, described once."""


def _type(schema: dict[str, Any]) -> str:
    """A field's type and limits in a few words."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    words = []
    for option in options:
        if "enum" in option:
            words.append(" / ".join(f"`{v}`" for v in option["enum"]))
            continue
        kind = option.get("type", "object")
        if kind == "array":
            kind = f"list of {_type(option.get('items', {}))}"
        low, high = option.get("minimum"), option.get("maximum")
        if low is not None or high is not None:
            kind += f" {low if low is not None else ''}..{high if high is not None else ''}"
        if "maxLength" in option:
            kind += f" (at most {option['maxLength']} characters)"
        words.append(kind)
    return " or ".join(words) or "any"


def _rows(schema: dict[str, Any], prefix: str = "", skip: str = "") -> Iterator[str]:
    required = set(schema.get("required", []))
    for name, field in sorted(schema.get("properties", {}).items()):
        if name == skip:
            continue
        described = field.get("description", "").replace("\n", " ").replace("|", "\\|")
        claim = "claim" if CLAIM in described else ""
        described = described.replace(CLAIM, "").replace("``", "`").strip()
        mark = "yes" if name in required else ""
        yield f"| `{prefix}{name}` | {mark} | {_type(field)} | {claim} | {described} |"
        nested = [s for s in field.get("anyOf", [field]) if s.get("type") == "object"]
        items = field.get("items", {})
        if items.get("type") == "object":
            nested.append(items)
        for inner in nested:
            yield from _rows(inner, f"{prefix}{name}{'[].' if inner is items else '.'}")


HEADER = ["| field | required | type | claim | notes |", "| --- | --- | --- | --- | --- |"]


def content_fields() -> str:
    by_file = schemas()
    first = by_file[f"{KINDS[0].folder}.schema.json"]
    shared = {"properties": {SHARED: first["properties"][SHARED]}, "required": [SHARED]}
    parts = [
        "## Content fields",
        "",
        "A *claim* field must end each paragraph with its basis: `[@reference-slug]`, "
        "`[@experience]` or `[@editorial]`. Every item of every kind has a `review`:",
        "",
        *HEADER,
        *_rows(shared),
        "",
    ]
    for kind in KINDS:
        schema = by_file[f"{kind.folder}.schema.json"]
        single = " (one file)" if kind.single else ""
        about = schema.get("description", "").replace("``", "`")
        parts += [f"### `content/{kind.folder}/`{single}", "", about, "", *HEADER]
        parts += [*_rows(schema, skip=SHARED), ""]
    return "\n".join(parts)


def _value(value: object) -> str:
    return f"`{json.dumps(value)}`"


def calculator_answers() -> str:
    parts = [
        "## Calculator answers",
        "",
        "The fields of `calculator.api.respond`'s input and of the calculator's address "
        "(`/calculator/#severity=severe&symptom_weeks=3`): a public contract, since links a "
        "clinic sent must keep working.",
        "",
        "| field | required | values |",
        "| --- | --- | --- |",
    ]
    for question in calculator.QUESTIONS:
        if question.kind == "number":
            values = f"a number of {question.unit}, {question.low:g} to {question.high:g}"
        elif question.kind == "codes":
            values = "a list of: " + ", ".join(f"`{code}`" for code in calculator.RED_FLAGS)
        else:
            values = ", ".join(_value(value) for value, _ in question.options)
        parts.append(f"| `{question.field}` | {'yes' if question.required else ''} | {values} |")
    retired_codes = ", ".join(
        f"`{old}` (read as `{new}`)" for old, new in RETIRED_RED_FLAGS.items()
    )
    retired = ", ".join(f"`{q.field}`" for q in RETIRED)
    parts += [
        "",
        f"Retired warning-sign codes, still read: {retired_codes}. Retired questions, still "
        f"accepted with no effect: {retired}.",
        "",
    ]
    return "\n".join(parts)


def reference_doc() -> str:
    return "\n".join(
        [
            "# Reference",
            "",
            "Generated from the code by `make schema` (`kneeguide/reference_doc.py`): do not edit.",
            "",
            content_fields(),
            calculator_answers(),
        ]
    )


def write(project: Path) -> Path:
    target = project / NAME
    target.write_text(reference_doc(), encoding="utf-8")
    return target
