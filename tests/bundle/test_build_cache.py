"""Build work cached by a hash of its inputs is done again whenever an input changes, so a cache
never serves a stale estimator or service worker."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kneeguide.bundle import pyodide, service_worker
from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.service_worker import write_service_worker
from kneeguide.bundle.stdlib import trimmed_stdlib

from ..conftest import ROOT

DATA = re.compile(r'<script type="application/json" id="calculator-data">(.*?)</script>', re.S)


def test_the_wheel_and_lock_are_made_again_when_the_estimator_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "calculator"
    shutil.copytree(pyodide.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(pyodide, "PACKAGE", package)
    runtime = pyodide.runtime_folder(ROOT)
    wheel, lock = pyodide.estimator(runtime, tmp_path / "out")
    made = wheel.stat().st_mtime_ns
    assert pyodide.estimator(runtime, tmp_path / "out") == (wheel, lock)
    assert wheel.stat().st_mtime_ns == made  # reused, not made again
    before = json.loads(lock.read_text())["packages"]
    factors = package / "factors.py"
    factors.write_text(factors.read_text() + "\n# an edit\n")
    new_wheel, new_lock = pyodide.estimator(runtime, tmp_path / "out")
    after = json.loads(new_lock.read_text())["packages"]
    assert [p["sha256"] for p in after.values()] != [p["sha256"] for p in before.values()]
    assert new_wheel.parent != wheel.parent
    assert not wheel.exists()  # the stale wheel is gone


def test_a_new_pyodide_pin_makes_a_new_trimmed_library(tmp_path: Path) -> None:
    runtime = tmp_path / "pyodide"
    shutil.copytree(pyodide.runtime_folder(ROOT), runtime)
    first = pyodide.start_stdlib(runtime, tmp_path / "out")()
    assert pyodide.start_stdlib(runtime, tmp_path / "out")() == first
    full = runtime / "python_stdlib.zip"
    full.write_bytes(full.read_bytes() + b"\0")  # another pinned archive
    assert pyodide.start_stdlib(runtime, tmp_path / "out")().parent != first.parent
    assert not first.exists()


def test_the_library_trimmed_in_another_process_is_the_one_trimmed_here(tmp_path: Path) -> None:
    runtime = pyodide.runtime_folder(ROOT)
    name, data = trimmed_stdlib(runtime)
    trimmed = pyodide.start_stdlib(runtime, tmp_path / "out")()
    assert (trimmed.name, trimmed.read_bytes()) == (name, data)


def test_a_trim_that_fails_in_its_process_stops_the_build_with_its_reason(
    tmp_path: Path,
) -> None:
    runtime = tmp_path / "pyodide"
    runtime.mkdir()
    with zipfile.ZipFile(runtime / "python_stdlib.zip", "w") as empty:
        empty.writestr("unrelated.py", "")
    trimming = pyodide.start_stdlib(runtime, tmp_path / "out")
    for _ in range(2):  # asked again, it says so again
        with pytest.raises(BundleError, match="make stdlib"):
            trimming()
    with pytest.raises(BundleError):  # the next build tries again, and is told again
        pyodide.start_stdlib(runtime, tmp_path / "out")()


def site_and_project(built_site: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the built site, and a project with only the Node modules the worker needs."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pyodide"))
    project = tmp_path / "project"
    (project / "node_modules").mkdir(parents=True)
    for module in ("workbox-build", "pyodide"):
        (project / "node_modules" / module).symlink_to(ROOT / "node_modules" / module)
    return site, project


def test_a_page_edit_changes_the_precache_list_without_running_workbox_again(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, project = site_and_project(built_site, tmp_path)
    write_service_worker(site, project)
    first = (site / "sw.js").read_text()

    def refuse(folder: Path) -> None:
        raise AssertionError("Workbox ran again")

    monkeypatch.setattr(service_worker, "_start", refuse)
    page = site / "exercises" / "clam-shell" / "index.html"
    page.write_text(page.read_text().replace("Clam", "Clamshell", 1))
    write_service_worker(site, project)
    second = (site / "sw.js").read_text()
    revision = hashlib.md5(page.read_bytes()).hexdigest()
    assert revision not in first
    assert f'{{"url":"exercises/clam-shell/index.html","revision":"{revision}"}}' in second
    assert len(first) == len(second)  # one revision changed, nothing else
    script = tmp_path / "service-worker.mjs"
    script.write_text(service_worker.SCRIPT.read_text() + "// changed\n")
    monkeypatch.setattr(service_worker, "SCRIPT", script)
    with pytest.raises(AssertionError, match="Workbox ran again"):
        write_service_worker(site, project)


def test_workbox_started_early_is_picked_up_once(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``prepare`` starts Workbox while the pages are built; writing the worker waits for that
    run instead of starting another, and gives the same worker as a build that did not prepare."""
    site, project = site_and_project(built_site, tmp_path)
    starts: list[Path] = []
    start = service_worker._start

    def counted(folder: Path) -> object:
        starts.append(folder)
        return start(folder)

    monkeypatch.setattr(service_worker, "_start", counted)
    service_worker.prepare(project)
    service_worker.prepare(project)
    assert len(starts) == 1
    write_service_worker(site, project)
    assert len(starts) == 1
    prepared = (site / "sw.js").read_text()
    shutil.rmtree(project / "build")
    write_service_worker(site, project)
    assert len(starts) == 2
    assert (site / "sw.js").read_text() == prepared
    service_worker.prepare(project)
    assert len(starts) == 2  # the cache now has it


def test_an_edit_to_the_estimator_changes_the_wheel_and_the_typical_answer_together(
    tmp_path: Path,
) -> None:
    """Two real builds of a copy of the project, the second after an edit to its calculator/."""
    for name in ("mkdocs.yml", "published-urls.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    for name in ("docs", "overrides", "content", "calculator"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("kneeguide", "node_modules"):
        (tmp_path / name).symlink_to(ROOT / name)
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "NO_MKDOCS_2_WARNING": "1"}

    def build() -> tuple[str, dict[str, object]]:
        site = tmp_path / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)],
            cwd=tmp_path,
            env=env,
            check=True,
            capture_output=True,
        )
        lock = json.loads(next(site.glob("pyodide/*/pyodide-lock.json")).read_text())
        (sha,) = [p["sha256"] for p in lock["packages"].values()]
        page = (site / "calculator" / "index.html").read_text()
        match = DATA.search(page)
        assert match is not None
        return sha, json.loads(match.group(1))["typicalResult"]

    sha, typical = build()
    factors = tmp_path / "calculator" / "factors.py"
    text = factors.read_text()
    assert "BASE_WEEKS = 1.0" in text
    factors.write_text(text.replace("BASE_WEEKS = 1.0", "BASE_WEEKS = 2.0"))
    new_sha, new_typical = build()
    assert new_sha != sha
    assert new_typical != typical


def test_a_trim_whose_inputs_change_while_it_runs_is_stopped(tmp_path: Path) -> None:
    """``mkdocs serve`` with a new pin while a trim runs: the old trim never writes into the
    folder of the new one, which alone is kept."""
    runtime = tmp_path / "pyodide"
    shutil.copytree(pyodide.runtime_folder(ROOT), runtime)
    out = tmp_path / "out"
    old = pyodide.start_stdlib(runtime, out)
    full = runtime / "python_stdlib.zip"
    full.write_bytes(full.read_bytes() + b"\0")
    new = pyodide.start_stdlib(runtime, out)()
    with pytest.raises(BundleError, match="inputs changed"):
        old()
    assert [folder.name for folder in (out / "stdlib").iterdir()] == [new.parent.name]
    assert new.read_bytes() == trimmed_stdlib(runtime)[1]
