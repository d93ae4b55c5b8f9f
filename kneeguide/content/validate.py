"""Turn a Document's plain data into typed, frozen dataclasses, collecting every problem.

Every string is held to what content may hold (``kneeguide.content.prose``): no HTML, and links
only to the site's own pages or to https addresses.

Supported field types: ``str``, ``int``, ``float``, ``bool``, ``datetime.date``, ``Literal[...]``, ``X | None``,
``tuple[X, ...]`` (a YAML list) and nested dataclasses. Unknown keys, missing required keys and
wrong types are problems located at the key's line. A model may add its own rules in a
``check()`` method returning ``(location, message)`` pairs.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import json
import types
import typing
from typing import Any, Literal, Protocol, cast

from kneeguide.content.errors import Problem
from kneeguide.content.fields import model_fields
from kneeguide.content.limits import Bounds, utf16_length
from kneeguide.content.prose import prose_problems
from kneeguide.content.read import Document, Location

_BOOL_WORDS = (
    "YAML reads unquoted yes/no/on/off/true/false as true or false: put the text in quotes"
)


class Checked(Protocol):
    def check(self) -> list[tuple[Location, str]]: ...


def build[T](model: type[T], document: Document) -> T | list[Problem]:
    """Build ``model`` from the whole document, or return every problem found on the way."""
    problems: list[Problem] = []
    data = document.data
    if not isinstance(data, dict):
        return [document.problem((), f"expected a mapping of fields, got {_describe(data)}")]
    value = _convert_dataclass(model, data, (), document, problems)
    return problems if problems else cast(T, value)


def _convert_dataclass(
    model: type[Any],
    data: dict[Any, Any],
    location: Location,
    document: Document,
    problems: list[Problem],
) -> Any:
    fields = {f.name: f for f in model_fields(model)}
    for key in data:
        if key not in fields:
            close = difflib.get_close_matches(str(key), fields, n=1)
            suggestion = f" (did you mean '{close[0]}'?)" if close else ""
            allowed = ", ".join(fields)
            problems.append(
                document.problem(
                    (*location, str(key)), f"unknown field{suggestion}; allowed: {allowed}"
                )
            )
    values: dict[str, Any] = {}
    complete = True
    for name, field in fields.items():
        path = (*location, name)
        if name not in data:
            if field.required:
                problems.append(document.problem(path, "this required field is missing"))
                complete = False
            continue
        before = len(problems)
        converted = _convert(field.hint, data[name], path, document, problems)
        if len(problems) == before:
            problems += _limit_problems(field.metadata, converted, path, document)
        if len(problems) > before:
            complete = False
        values[name] = converted
    if not complete:
        return None
    instance = model(**values)
    if hasattr(instance, "check"):
        for where, message in cast(Checked, instance).check():
            problems.append(document.problem((*location, *where), message))
    return instance


def _limit_problems(
    metadata: Any, value: Any, location: Location, document: Document
) -> list[Problem]:
    """The limits declared on a field (kneeguide/content/limits.py)."""
    bounds: Bounds | None = metadata.get("bounds")
    if bounds is not None and isinstance(value, int) and not bounds.low <= value <= bounds.high:
        return [document.problem(location, f"{bounds.message()}, got {value}")]
    length: int | None = metadata.get("max_length")
    if length is not None and isinstance(value, str) and utf16_length(value) > length:
        return [document.problem(location, f"say it in {length} characters or fewer")]
    return []


def _convert(
    hint: Any, value: Any, location: Location, document: Document, problems: list[Problem]
) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _convert(inner, value, location, document, problems)
    if origin is Literal:
        if value in args and not isinstance(value, bool):
            return value
        choices = ", ".join(repr(arg) for arg in args)
        problems.append(
            document.problem(location, f"expected one of {choices}, got {_describe(value)}")
        )
        return None
    if origin is tuple:
        if not isinstance(value, list):
            problems.append(document.problem(location, f"expected a list, got {_describe(value)}"))
            return None
        return tuple(
            _convert(args[0], item, (*location, index), document, problems)
            for index, item in enumerate(value)
        )
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            problems.append(
                document.problem(location, f"expected a mapping, got {_describe(value)}")
            )
            return None
        return _convert_dataclass(cast(type[Any], hint), value, location, document, problems)
    return _convert_scalar(hint, value, location, document, problems)


def _convert_scalar(
    hint: Any, value: Any, location: Location, document: Document, problems: list[Problem]
) -> Any:
    if hint is str:
        if isinstance(value, str):
            if not value.strip():
                problems.append(document.problem(location, "must not be empty"))
            problems += [document.problem(location, message) for message in prose_problems(value)]
            return value.strip()
        why = f" ({_BOOL_WORDS})" if isinstance(value, bool) else " (put it in quotes)"
        problems.append(document.problem(location, f"expected text, got {_describe(value)}{why}"))
        return None
    if hint is bool:
        if isinstance(value, bool):
            return value
        problems.append(
            document.problem(location, f"expected true or false, got {_describe(value)}")
        )
        return None
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        problems.append(document.problem(location, f"expected an integer, got {_describe(value)}"))
        return None
    if hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        problems.append(document.problem(location, f"expected a number, got {_describe(value)}"))
        return None
    if hint is datetime.date:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        problems.append(
            document.problem(
                location, f"expected a date such as 2026-11-25, got {_describe(value)}"
            )
        )
        return None
    raise TypeError(f"unsupported field type {hint!r}")  # a programming error in a model


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return json.dumps(short, ensure_ascii=False)
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__
