from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kneeguide.bundle.pyodide import PACKAGE
from kneeguide.bundle.wheel import build_wheel


def wheel(out: Path) -> Path:
    return build_wheel(
        PACKAGE, out, distribution="knee-guide-calculator", version="1.0.0", summary="s"
    )


def test_same_sources_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = wheel(tmp_path / "a"), wheel(tmp_path / "b")
    assert first.name == "knee_guide_calculator-1.0.0-py3-none-any.whl"
    assert first.read_bytes() == second.read_bytes()


def test_source_date_epoch_sets_the_timestamps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamped = wheel(tmp_path / "a")
    with zipfile.ZipFile(stamped) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert wheel(tmp_path / "b").read_bytes() != stamped.read_bytes()


def test_record_lists_every_file_with_its_hash(tmp_path: Path) -> None:
    with zipfile.ZipFile(wheel(tmp_path)) as archive:
        names = archive.namelist()
        record = archive.read("knee_guide_calculator-1.0.0.dist-info/RECORD").decode().splitlines()
        entries = {line.split(",")[0]: line.split(",")[1] for line in record}
        assert set(entries) == set(names)
        for name, digest in entries.items():
            if name.endswith("RECORD"):
                continue
            expected = base64.urlsafe_b64encode(hashlib.sha256(archive.read(name)).digest()).rstrip(
                b"="
            )
            assert digest == f"sha256={expected.decode()}"
    assert "calculator/__init__.py" in names
    assert not [n for n in names if "__pycache__" in n]


def test_installed_wheel_runs_the_estimator(tmp_path: Path) -> None:
    target = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            str(target),
            str(wheel(tmp_path)),
        ],
        check=True,
    )
    code = "import calculator, json; print(json.dumps(calculator.estimate(calculator.TYPICAL).weeks.likely))"
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert json.loads(result.stdout) == 5.0
