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

import functools
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import calculator
import kneeguide
from kneeguide.bundle.cache import input_key, keyed_folder, mark_complete
from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.stdlib import FULL, KEEP_FILE, trimmed_stdlib
from kneeguide.bundle.wheel import build_wheel, source_date_epoch

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
    """The site's lock: the runtime's own, with the estimator's wheel as its only package.
    ``pyodide_lock`` (and the pydantic it brings) is imported only here, when the cache misses."""
    from pyodide_lock import PyodideLockSpec
    from pyodide_lock.utils import add_wheels_to_spec

    base = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    spec = PyodideLockSpec.from_dict({"info": base["info"], "packages": {}})
    lock = out / "pyodide-lock.json"
    try:
        add_wheels_to_spec(spec, [wheel], base_path=out).to_json(lock)
    except Exception as error:  # pyodide_lock raises plain errors for a bad wheel
        raise BundleError(f"the lock for {wheel.name} could not be made: {error}") from error
    return lock


def estimator_inputs(runtime: Path) -> str:
    """The key of what the wheel and lock are made from: the estimator's sources, its version,
    the wheel's timestamps, the pinned runtime's lock and the code that packs them."""
    sources = [p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    makers = [Path(__file__), Path(build_wheel.__code__.co_filename)]
    return input_key(
        [*sources, runtime / "pyodide-lock.json", *makers],
        calculator.__version__,
        str(source_date_epoch()),
    )


def estimator(runtime: Path, out: Path) -> tuple[Path, Path]:
    """The wheel and the lock, made once per input key (``out/estimator/<key>/``)."""
    folder, done = keyed_folder(out / "estimator", estimator_inputs(runtime))
    if done:
        return next(folder.glob("*.whl")), folder / "pyodide-lock.json"
    wheel = build_wheel(
        PACKAGE,
        folder,
        distribution=DISTRIBUTION,
        version=calculator.__version__,
        summary="Runner's knee recovery estimator",
    )
    lock = write_lock(runtime, wheel, folder)
    mark_complete(folder)
    return wheel, lock


class _Trim:
    """A trim running in its own process; ``path`` waits for it, once, and gives the archive."""

    def __init__(self, process: subprocess.Popen[str], folder: Path) -> None:
        self.process = process
        self.folder = folder
        self._result: Path | str | None = None

    def path(self) -> Path:
        if self._result is None:
            _, stderr = self.process.communicate()
            _trimming.pop(self.folder, None)
            try:
                if self.process.returncode != 0:
                    raise BundleError(
                        stderr.strip()[-500:] or "the standard library could not be trimmed"
                    )
                mark_complete(self.folder)
                self._result = next(self.folder.glob("python_stdlib-*.zip"))
            except (BundleError, OSError, StopIteration) as error:
                self._result = str(error) or f"no trimmed standard library in {self.folder}"
        if isinstance(self._result, str):
            raise BundleError(self._result)
        return self._result

    def stop(self) -> None:
        """Stop the trim: its inputs changed, and its folder is about to go."""
        self.process.kill()
        self.process.communicate()
        self._result = "the trim was stopped: the standard library's inputs changed"


_trimming: dict[Path, _Trim] = {}
"""Trims started by ``start_stdlib`` and not yet waited for, by the folder they write into."""


def start_stdlib(runtime: Path, out: Path) -> Callable[[], Path]:
    """The trimmed standard library, made once per pinned runtime and list of files kept
    (``out/stdlib/<key>/``), as a call that gives its path.

    When it must be made, another process makes it while the caller goes on (a cold build
    renders its pages meanwhile, on the other core); the call waits for that process. A trim left
    running by a build that stopped early (``mkdocs serve`` after a content error) is picked up,
    never started twice into one folder; one for inputs that have since changed is stopped
    before its folder goes. The process writes the archive whole or not at all, so a trim
    orphaned by a build that exited can never leave half a file for the next.
    """
    maker = Path(trimmed_stdlib.__code__.co_filename)
    key = input_key([runtime / FULL, KEEP_FILE, maker])
    target = out / "stdlib" / key
    for folder in [f for f in _trimming if f.parent == target.parent and f != target]:
        _trimming.pop(folder).stop()
    running = _trimming.get(target)
    if running is not None:
        return running.path
    folder, done = keyed_folder(out / "stdlib", key)
    if done:
        found = next(folder.glob("python_stdlib-*.zip"))
        return lambda: found
    trim = _Trim(
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kneeguide.bundle.stdlib",
                str(runtime.resolve()),
                str(folder.resolve()),
            ],
            cwd=Path(kneeguide.__file__).parent.parent,  # this very kneeguide, first on the path
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            errors="replace",
        ),
        folder,
    )
    _trimming[folder] = trim
    return trim.path


def start_bundle(project: Path, out: Path) -> Callable[[], dict[str, Path]]:
    """Files to serve, keyed by their path in the site, as a call that gives them: the trimmed
    standard library may still be in the making (``start_stdlib``). The wheel, the lock and the
    trimmed library are made only when their inputs change (``cache.py``)."""
    runtime = runtime_folder(project)
    trimming = start_stdlib(runtime, out)
    wheel, lock = estimator(runtime, out)
    folder = pyodide_path(project)
    files = {f"{folder}{name}": runtime / name for name in RUNTIME}
    files[f"{folder}{wheel.name}"] = wheel
    files[f"{folder}pyodide-lock.json"] = lock

    @functools.cache
    def bundled() -> dict[str, Path]:
        trimmed = trimming()
        return {**files, f"{folder}{trimmed.name}": trimmed}

    return bundled


def bundle(project: Path, out: Path) -> dict[str, Path]:
    """Files to serve, keyed by their path in the site (``start_bundle``, waited for)."""
    return start_bundle(project, out)()
