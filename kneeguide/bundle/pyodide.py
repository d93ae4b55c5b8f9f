"""What the site serves under ``pyodide/<version>/``: the pinned runtime, the estimator's wheel
and a lock.

The runtime comes from the npm package ``pyodide`` (pinned in ``package-lock.json``), with its
standard library trimmed to what the calculator uses (``stdlib.py``); its folder is named by its
version, so a new pin is a new address and no browser keeps an old runtime under
a long cache lifetime. The lock file is made with ``pyodide_lock`` (in-process) from the
runtime's own lock with its package list emptied (the site serves no other package), so the
browser loads the estimator by name and checks its sha256.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from pyodide_lock import PyodideLockSpec
from pyodide_lock.utils import add_wheels_to_spec

import calculator
from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.stdlib import FULL, trimmed_stdlib
from kneeguide.bundle.wheel import build_wheel

RUNTIME = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
"""The runtime's files served as they are. Beside them: the trimmed standard library, named by its
content (``STDLIB_NAME``), the lock and the wheel."""
STDLIB_NAME = re.compile(r"python_stdlib-[0-9a-f]{12}\.zip")
DISTRIBUTION = "knee-guide-calculator"
PACKAGE = Path(calculator.__file__).parent


def runtime_folder(project: Path) -> Path:
    folder = project / "node_modules" / "pyodide"
    needed = (*RUNTIME, FULL, "pyodide-lock.json")
    missing = [name for name in needed if not (folder / name).is_file()]
    if missing:
        raise BundleError(f"{folder} lacks {', '.join(missing)}: run `npm ci` (or `make setup`)")
    return folder


def pyodide_version(project: Path) -> str:
    package = json.loads((runtime_folder(project) / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


def pyodide_path(project: Path) -> str:
    """The site's folder for the runtime, the lock and the wheel: ``pyodide/<version>/``."""
    return f"pyodide/{pyodide_version(project)}/"


def served_runtime(project: Path) -> tuple[str, ...]:
    """The runtime's files as the site serves them: as they are, and the trimmed library."""
    return (*RUNTIME, trimmed_stdlib(runtime_folder(project))[0])


def write_lock(runtime: Path, wheel: Path, out: Path) -> Path:
    """The site's lock: the runtime's own, with the estimator's wheel as its only package."""
    base = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    spec = PyodideLockSpec.from_dict({"info": base["info"], "packages": {}})
    lock = out / "pyodide-lock.json"
    try:
        add_wheels_to_spec(spec, [wheel], base_path=out).to_json(lock)
    except Exception as error:  # pyodide_lock raises plain errors for a bad wheel
        raise BundleError(f"the lock for {wheel.name} could not be made: {error}") from error
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
    lock = write_lock(runtime, wheel, out)
    folder = pyodide_path(project)
    files = {f"{folder}{name}": runtime / name for name in RUNTIME}
    name, data = trimmed_stdlib(runtime)
    stdlib = out / name
    if not stdlib.is_file() or stdlib.read_bytes() != data:
        stdlib.write_bytes(data)
    files[f"{folder}{name}"] = stdlib
    files[f"{folder}{wheel.name}"] = wheel
    files[f"{folder}pyodide-lock.json"] = lock
    return files
