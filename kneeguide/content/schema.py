"""JSON Schema for each kind of content item, derived from the models, so that an editor's YAML
extension can flag mistakes while typing (``make schema`` writes them to ``schema/``)."""

from __future__ import annotations

import dataclasses
import datetime
import json
import types
import typing
from pathlib import Path
from typing import Any, Literal

from kneeguide.content.catalog import KINDS
from kneeguide.content.fields import FieldInfo, model_doc, model_fields
from kneeguide.content.limits import SLUG_PATTERN

CLAIM = (
    "A statement of medical fact: end each paragraph with its basis, [@reference-slug], "
    "[@experience] or [@editorial]."
)

SCALARS: dict[type, dict[str, Any]] = {
    str: {"type": "string", "minLength": 1},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    datetime.date: {"type": "string", "format": "date"},
}


def _type(hint: Any) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        options = [_type(arg) for arg in args if arg is not type(None)]
        return {"anyOf": [*options, {"type": "null"}]} if type(None) in args else options[0]
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0])}
    if dataclasses.is_dataclass(hint):
        return _object(typing.cast(type[Any], hint))
    return dict(SCALARS[hint])


def _property(field: FieldInfo) -> dict[str, Any]:
    schema = _type(field.hint)
    bounds = field.metadata.get("bounds")
    if bounds is not None:
        target = next(
            (s for s in schema.get("anyOf", [schema]) if s.get("type") == "integer"), schema
        )
        target.update(minimum=bounds.low, maximum=bounds.high)
    if "max_length" in field.metadata:
        target = next(
            (s for s in schema.get("anyOf", [schema]) if s.get("type") == "string"), schema
        )
        target["maxLength"] = field.metadata["max_length"]
    if field.name == "slug":
        schema["pattern"] = SLUG_PATTERN
    notes = [field.doc] if field.doc else []
    if field.metadata.get("claim"):
        notes.append(CLAIM)
    if "links" in field.metadata:
        notes.append(f"Slugs of items in content/{field.metadata['links']}/.")
    if notes:
        schema["description"] = " ".join(notes)
    return schema


def _object(model: type[Any]) -> dict[str, Any]:
    fields = model_fields(model)
    required = [f.name for f in fields if f.required]
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {f.name: _property(f) for f in fields},
    }
    description = model_doc(model)
    if description:
        schema["description"] = description
    if required:
        schema["required"] = required
    return schema


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, one per content folder."""
    return {
        f"{kind}.schema.json": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"Knee Guide content: {kind}",
            **_object(model),
        }
        for kind, model in ((kind.folder, kind.model) for kind in KINDS)
    }


def editor_settings(folder: str = "schema") -> dict[str, Any]:
    """VS Code's ``yaml.schemas`` setting: each content folder mapped to its schema."""
    return {
        "yaml.schemas": {
            f"{folder}/{kind.folder}.schema.json": f"content/{kind.folder}/*.yaml" for kind in KINDS
        }
    }


def write(folder: Path) -> list[Path]:
    """Write every schema into ``folder``, and the editor settings beside it in ``.vscode/``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / name
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    settings = folder.parent / ".vscode" / "settings.json"
    settings.parent.mkdir(exist_ok=True)
    settings.write_text(json.dumps(editor_settings(folder.name), indent=2) + "\n", encoding="utf-8")
    written.append(settings)
    return written
