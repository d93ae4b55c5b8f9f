"""One walk over a model's fields, shared by the validator and the JSON Schema writer.

Each field comes with its type hint, whether it is required, its metadata (``links``, ``claim``)
and its description: the docstring written beneath it in the model, read from the source.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import inspect
import itertools
import textwrap
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldInfo:
    name: str
    hint: Any
    required: bool
    metadata: Mapping[str, Any]
    doc: str | None


def model_fields(model: type[Any]) -> tuple[FieldInfo, ...]:
    """The fields an editor writes, in order, worked out once per model."""
    return _fields(model)  # type: ignore[arg-type]  # classes are hashable


@functools.cache
def _fields(model: type[Any]) -> tuple[FieldInfo, ...]:
    hints = typing.get_type_hints(model)
    docs = _attribute_docs(model)
    return tuple(
        FieldInfo(
            name=f.name,
            hint=hints[f.name],
            required=f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
            metadata=f.metadata,
            doc=docs.get(f.name),
        )
        for f in dataclasses.fields(model)
        if f.init
    )


def model_doc(model: type[Any]) -> str | None:
    """The model's own docstring, never the signature ``dataclass`` writes when there is none."""
    doc = model.__doc__
    if not doc or doc.startswith(f"{model.__name__}("):
        return None
    return " ".join(doc.split())


def _attribute_docs(model: type[Any]) -> dict[str, str]:
    """``{field: docstring}`` for every field followed by a string literal in the class body."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(model)))
    body = typing.cast(ast.ClassDef, tree.body[0]).body
    docs: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = " ".join(following.value.value.split())
    return docs
