"""requirements.lock, which `make setup` installs from, pins every dependency of pyproject.toml
at a version it accepts, with hashes (refresh it with `make lock`)."""

from __future__ import annotations

import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import ROOT


def pins() -> dict[str, str]:
    found = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")):
            name, version = line.split(" ", 1)[0].split("==")
            found[canonicalize_name(name)] = version
    return found


def declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *project["optional-dependencies"]["dev"]]


@pytest.mark.parametrize("requirement", declared())
def test_each_dependency_is_pinned_at_a_version_it_accepts(requirement: str) -> None:
    wanted = Requirement(requirement)
    pinned = pins().get(canonicalize_name(wanted.name))
    assert pinned is not None, f"{wanted.name} is not in requirements.lock: run make lock"
    assert wanted.specifier.contains(pinned), f"{wanted.name}=={pinned} is outside {wanted}"


def test_every_pin_carries_a_hash() -> None:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = [e for e in text.split("\n") if e and not e.startswith((" ", "#"))]
    assert text.count("==") == len(entries)
    assert all(e.endswith("\\") for e in entries), "pip --require-hashes needs a hash on each pin"
