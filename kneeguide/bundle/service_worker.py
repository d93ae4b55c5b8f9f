"""The site's service worker: Workbox's ``generateSW`` writes the worker once, Python lists what it
precaches on every build.

Node runs ``service-worker.mjs`` (beside this file) only when that script, Workbox or the pinned
Pyodide changes; it writes ``sw.js`` with one placeholder entry where the precache list goes, and
the result is kept under the project's ``build/service-worker/``. Each build then fills the list
from the files it wrote (every page, the site's own assets, the estimator's wheel and lock), each
with the md5 revision Workbox itself would give it, so an edit to a page never waits for Node and
the list is never kept by hand.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kneeguide.bundle.cache import input_key, keyed_folder, mark_complete
from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.headers import HASHED

SCRIPT = Path(__file__).with_name("service-worker.mjs")
PLACEHOLDER = "__knee_guide_precache__"

PRECACHE = (
    "**/index.html",
    "pyodide/*/*.{whl,json}",
    "assets/**/*.{js,mjs,css,svg,png,webmanifest}",
    "manifest.webmanifest",
)
"""What the offline copy holds: every page, so a tab never mixes two builds; the site's assets;
the estimator's wheel and lock (Pyodide's runtime is cached when the calculator first runs)."""

NOT_PRECACHED = (
    "**/*.map",
    "assets/javascripts/lunr/**",
    "assets/javascripts/workers/**",
    "pyodide/*/*.{mjs,wasm,zip}",
)
"""Search's index workers (search needs the network anyway), source maps, Pyodide's runtime."""

MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Precache:
    """What the service worker precaches: how many files, and their total size in bytes."""

    count: int
    size: int


def glob_pattern(pattern: str) -> re.Pattern[str]:
    """A glob as Workbox reads it (``**/`` any folders or none, ``*`` within one name, ``{a,b}``
    either) as a regular expression over a path relative to the site."""
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        elif pattern[i] == "*":
            out, i = out + "[^/]*", i + 1
        elif pattern[i] == "{":
            end = pattern.index("}", i)
            out += "(?:" + "|".join(map(re.escape, pattern[i + 1 : end].split(","))) + ")"
            i = end + 1
        else:
            out, i = out + re.escape(pattern[i]), i + 1
    return re.compile(out)


INCLUDED = [glob_pattern(p) for p in PRECACHE]
EXCLUDED = [glob_pattern(p) for p in NOT_PRECACHED]


def precached(path: str) -> bool:
    """Whether the file at ``path`` (relative to the site, with ``/``) is in the offline copy."""
    return any(p.fullmatch(path) for p in INCLUDED) and not any(p.fullmatch(path) for p in EXCLUDED)


def site_files_of(site: Path) -> list[str]:
    """Every file of the built ``site`` (a link to a file counts, a broken link or a pipe does
    not), as its path relative to the site with ``/``, sorted by
    their parts (read with ``os.walk`` and plain strings: thousands of ``Path`` objects cost a
    large build a few tenths of a second)."""
    found: list[str] = []
    for folder, _, names in os.walk(site):
        base = os.path.relpath(folder, site)
        prefix = "" if base == "." else base.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names if os.path.isfile(os.path.join(folder, name))]
    return sorted(found, key=lambda path: path.split("/"))


def manifest(site: Path) -> list[dict[str, str | None]]:
    """The precache list of the built ``site``: each file's URL and its content's md5, or no
    revision where the name carries its content's hash (the HTTP cache then serves the page's own
    copy, so it is never downloaded twice)."""
    entries: list[dict[str, str | None]] = []
    for path in site_files_of(site):
        file = os.path.join(site, path)
        if not precached(path) or os.path.getsize(file) > MAX_BYTES:
            continue
        if HASHED.search(path):
            revision = None
        else:
            with open(file, "rb") as data:
                revision = hashlib.md5(data.read()).hexdigest()
        entries.append({"url": path, "revision": revision})
    return entries


def template_key(project: Path) -> str:
    """The key of what the worker's code is made from: the script, Workbox and Pyodide's pin."""
    modules = project / "node_modules"
    return input_key(
        [],
        SCRIPT.read_text(encoding="utf-8"),
        (modules / "workbox-build" / "package.json").read_text(encoding="utf-8"),
        (modules / "pyodide" / "package.json").read_text(encoding="utf-8"),
    )


def generate(folder: Path) -> None:
    """Run Workbox into ``folder``: ``sw.js`` with the placeholder, and Workbox's runtime."""
    _finish(_start(folder))


def _start(folder: Path) -> subprocess.Popen[str]:
    node = shutil.which("node")
    if node is None:
        raise BundleError("Node.js is needed to write the service worker: install it (see README)")
    return subprocess.Popen(
        [node, str(SCRIPT), str(folder), PLACEHOLDER],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> None:
    _, stderr = process.communicate()
    if process.returncode != 0:
        raise BundleError(f"the service worker could not be written: {stderr.strip()[-500:]}")


_running: dict[Path, subprocess.Popen[str]] = {}
"""Workbox runs started by ``prepare``, by the folder they write into."""


def _cache_folder(project: Path) -> Path:
    return project / "build" / "service-worker" / template_key(project)


def prepare(project: Path) -> None:
    """Start Workbox in the background when the project's cache lacks the worker's code, so Node
    runs on another core while the site engine renders the pages (a cold build then waits for it
    far less); ``write_service_worker`` picks the run up."""
    folder = _cache_folder(project)
    if folder in _running:
        return
    folder, done = keyed_folder(folder.parent, folder.name)
    if not done:
        _running[folder] = _start(folder)


def _template(project: Path) -> Path:
    """The project's cached worker code, waiting for the run ``prepare`` started, or running
    Workbox now when nothing did."""
    folder = _cache_folder(project)
    process = _running.pop(folder, None)
    if process is None:
        folder, done = keyed_folder(folder.parent, folder.name)
        if done:
            return folder
        process = _start(folder)
    _finish(process)
    mark_complete(folder)
    return folder


def fill(template: str, entries: list[dict[str, str | None]]) -> str:
    """``template`` with its placeholder entry replaced by ``entries``."""
    slot = re.compile(re.escape(f'{{url:"{PLACEHOLDER}",revision:"{PLACEHOLDER}"}}'))
    if len(slot.findall(template)) != 1:
        raise BundleError(
            "Workbox's service worker has no single placeholder entry: check service-worker.mjs "
            "against the pinned workbox-build"
        )
    listed = ",".join(json.dumps(entry, separators=(",", ":")) for entry in entries)
    return slot.sub(lambda _: listed, template)


def write_service_worker(site: Path, project: Path | None = None) -> Precache:
    """Write ``sw.js`` and Workbox's runtime into ``site``. Given the ``project``, Workbox's output
    is kept in its ``build/service-worker/`` and Node runs again only when its inputs change."""
    with tempfile.TemporaryDirectory() as scratch:
        if project is None:
            folder = Path(scratch)
            generate(folder)
        else:
            folder = _template(project)
        entries = manifest(site)
        worker = fill((folder / "sw.js").read_text(encoding="utf-8"), entries)
        for runtime in folder.glob("workbox-*.js"):
            shutil.copyfile(runtime, site / runtime.name)
    (site / "sw.js").write_text(worker, encoding="utf-8")
    size = sum((site / str(entry["url"])).stat().st_size for entry in entries)
    return Precache(count=len(entries), size=size)
