from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.pyodide import RUNTIME, bundle, pyodide_path, pyodide_version

from ..conftest import ROOT


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return bundle(ROOT, tmp_path_factory.mktemp("bundle"))


def test_runtime_comes_from_the_pinned_npm_package() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/pyodide"]["version"] == pyodide_version(ROOT)
    assert pyodide_version(ROOT).startswith("314.")


FOLDER = f"pyodide/{pyodide_version(ROOT)}/"


def test_serves_the_runtime_wheel_and_lock_in_a_folder_named_by_the_version(
    files: dict[str, Path],
) -> None:
    assert pyodide_path(ROOT) == FOLDER
    assert {f"{FOLDER}{name}" for name in RUNTIME} < set(files)
    assert f"{FOLDER}pyodide-lock.json" in files
    assert any(path.endswith(".whl") for path in files)
    assert all(path.startswith(FOLDER) for path in files)


def test_lock_names_the_wheel_with_its_sha256(files: dict[str, Path]) -> None:
    lock = json.loads(files[f"{FOLDER}pyodide-lock.json"].read_text(encoding="utf-8"))
    (entry,) = lock["packages"].values()
    wheel = files[f"{FOLDER}{entry['file_name']}"]
    assert entry["name"] == "knee-guide-calculator"
    assert entry["imports"] == ["calculator"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert lock["info"]["python"].startswith("3.14")


def test_a_damaged_lock_is_remade(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = json.loads(bundle(ROOT, out)[f"{FOLDER}pyodide-lock.json"].read_text())
    (out / "pyodide-lock.json").write_text("{}")
    assert json.loads(bundle(ROOT, out)[f"{FOLDER}pyodide-lock.json"].read_text()) == first


def test_missing_runtime_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match=r"run `npm ci`"):
        bundle(tmp_path, tmp_path / "out")
