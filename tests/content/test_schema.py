"""The committed JSON Schemas match the models, and accept exactly what the validator accepts."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from kneeguide.content.catalog import KINDS
from kneeguide.content.schema import editor_settings, schemas

from ..conftest import ROOT
from ..content_tree import MINIMAL

SCHEMA = ROOT / "schema"


def test_committed_schemas_are_current() -> None:
    for name, schema in schemas().items():
        committed = json.loads((SCHEMA / name).read_text(encoding="utf-8"))
        assert committed == schema, f"schema/{name} is stale: run `make schema`"


def test_committed_editor_settings_are_current() -> None:
    committed = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert committed == editor_settings(), ".vscode/settings.json is stale: run `make schema`"


@pytest.mark.parametrize("kind", [kind.folder for kind in KINDS])
def test_real_content_matches_its_schema(kind: str) -> None:
    schema = schemas()[f"{kind}.schema.json"]
    for path in sorted((ROOT / "content" / kind).glob("*.yaml")):
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    ("replace", "by"),
    [
        ("  source: not-given\n", "  source: article\n  sets: three\n"),
        ("purpose: strengthen\n", "purpose: lift\n"),
        ("order: 1\n", "order: 1\ncolour: red\n"),
        ("name: Clam shell\n", ""),
    ],
)
def test_schema_rejects_what_the_validator_rejects(replace: str, by: str) -> None:
    schema = schemas()["exercises.schema.json"]
    broken = yaml.safe_load(MINIMAL["exercises/clam-shell.yaml"].replace(replace, by))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
