"""The committed JSON Schemas match the models, and accept exactly what the validator accepts."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from kneeguide.bundle.contract import PATH as CONTRACT_PATH
from kneeguide.bundle.contract import contract_module
from kneeguide.content.catalog import KINDS, Kind
from kneeguide.content.schema import editor_settings, schemas
from kneeguide.reference_doc import reference_doc

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


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.folder)
def test_descriptions_are_written_not_signatures(kind: Kind) -> None:
    schema = schemas()[f"{kind.folder}.schema.json"]
    assert not schema["description"].startswith(f"{kind.model.__name__}(")


def test_claim_and_documented_fields_are_described() -> None:
    properties = schemas()["red-flags.schema.json"]["properties"]
    assert "[@editorial]" in properties["action"]["description"]
    assert "calculator" in properties["code"]["description"]
    assert "references/" in properties["references"]["description"]


def test_the_browsers_contract_module_is_current() -> None:
    """docs/ keeps the module the build emits, for type checks and Node tests: never stale."""
    committed = (ROOT / "docs" / CONTRACT_PATH).read_text(encoding="utf-8")
    assert committed == contract_module(ROOT), "docs/ holds a stale contract: run `make schema`"


def test_the_reference_document_is_current() -> None:
    """REFERENCE.md lists the content fields and calculator answers from the code: `make schema`."""
    assert (ROOT / "REFERENCE.md").read_text(encoding="utf-8") == reference_doc()
