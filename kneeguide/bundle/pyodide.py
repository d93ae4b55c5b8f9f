"""What the site serves under ``pyodide/``: the pinned runtime, the estimator's wheel and a lock.

The runtime comes from the npm package ``pyodide`` (pinned in ``package-lock.json``). The lock
file is made by pyodide-build's ``pyodide lockfile add-wheels`` from the runtime's own lock with
its package list emptied (the site serves no other package), so the browser loads the estimator
by name and checks its sha256. The lock is only remade when the wheel or the runtime changes.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import calculator
from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.wheel import build_wheel

RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
DISTRIBUTION = "knee-guide-calculator"
PACKAGE = Path(calculator.__file__).parent


def runtime_folder(project: Path) -> Path:
    folder = project / "node_modules" / "pyodide"
    missing = [name for name in (*RUNTIME, "pyodide-lock.json") if not (folder / name).is_file()]
    if missing:
        raise BundleError(f"{folder} lacks {', '.join(missing)}: run `npm ci` (or `make setup`)")
    return folder


def pyodide_version(project: Path) -> str:
    package = json.loads((runtime_folder(project) / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def _lock(runtime: Path, wheel: Path, out: Path) -> Path:
    base = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    empty = json.dumps({"info": base["info"], "packages": {}}, indent=2, sort_keys=True)
    key = hashlib.sha256(empty.encode() + wheel.read_bytes()).hexdigest()
    lock, stamp = out / "pyodide-lock.json", out / "pyodide-lock.key"
    if lock.is_file() and stamp.is_file() and stamp.read_text() == key:
        return lock
    source = out / "pyodide-lock.runtime.json"
    source.write_text(empty, encoding="utf-8")
    command = [
        *(sys.executable, "-m", "pyodide_cli"),
        *("lockfile", "add-wheels", "--input", str(source), "--output", str(lock)),
        *("--base-path", str(out), str(wheel)),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BundleError(f"pyodide lockfile add-wheels failed:\n{result.stdout}{result.stderr}")
    stamp.write_text(key)
    return lock


def bundle(project: Path, out: Path) -> dict[str, Path]:
    """Files to serve, keyed by their path in the site."""
    runtime = runtime_folder(project)
    wheel = build_wheel(
        PACKAGE,
        out,
        distribution=DISTRIBUTION,
        version=calculator.__version__,
        summary="Runner's knee recovery estimator",
    )
    lock = _lock(runtime, wheel, out)
    files = {f"pyodide/{name}": runtime / name for name in RUNTIME}
    files[f"pyodide/{wheel.name}"] = wheel
    files["pyodide/pyodide-lock.json"] = lock
    return files
