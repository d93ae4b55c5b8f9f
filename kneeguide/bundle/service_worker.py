"""The site's service worker, written by Workbox's ``generateSW`` from the built file list.

Node runs ``service-worker.mjs`` (beside this file) on the finished site, so the precache list is
never kept by hand: every exercise page and asset the build wrote is in it, with a revision hash.
Given a cache folder, it runs only when the built files (or the script, or Workbox) change: the
files it wrote for the same site are copied back instead.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kneeguide.bundle.cache import input_key, keyed_folder, mark_complete
from kneeguide.bundle.errors import BundleError

SCRIPT = Path(__file__).with_name("service-worker.mjs")
SUMMARY = "summary.json"


@dataclass(frozen=True)
class Precache:
    """What the service worker precaches: how many files, and their total size in bytes."""

    count: int
    size: int


HEADER_FILES = ("_headers", "nginx.conf.example")
"""Written after the service worker, from the same files: never part of its key."""


def written(site: Path) -> list[Path]:
    """The service worker and Workbox's runtime in ``site``."""
    return [site / "sw.js", *site.glob("workbox-*.js")]


def site_key(site: Path, project: Path) -> str:
    """The key of everything the service worker is made from: every other built file, the
    script and the pinned Workbox."""
    own = {*written(site), *(site / name for name in HEADER_FILES)}
    files = [p for p in site.rglob("*") if p.is_file() and p not in own]
    workbox = project / "node_modules" / "workbox-build" / "package.json"
    return input_key(files, SCRIPT.read_text(encoding="utf-8"), workbox.read_text(), root=site)


def write_service_worker(site: Path, project: Path | None = None) -> Precache:
    """Write ``sw.js`` and Workbox's runtime into ``site``; given the ``project``, reuse what was
    written for the same built files (kept in its ``build/service-worker/``)."""
    folder = None
    if project is not None:
        cache = project / "build" / "service-worker"
        folder, done = keyed_folder(cache, site_key(site, project))
        if done:
            for file in folder.iterdir():
                if file.suffix == ".js":
                    shutil.copyfile(file, site / file.name)
            summary = json.loads((folder / SUMMARY).read_text(encoding="utf-8"))
            return Precache(count=int(summary["count"]), size=int(summary["size"]))
    node = shutil.which("node")
    if node is None:
        raise BundleError("Node.js is needed to write the service worker: install it (see README)")
    result = subprocess.run(
        [node, str(SCRIPT), str(site)], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BundleError(
            f"the service worker could not be written: {result.stderr.strip()[-500:]}"
        )
    line = result.stdout.strip().splitlines()[-1]
    summary = json.loads(line)
    if folder is not None:
        for file in written(site):
            shutil.copyfile(file, folder / file.name)
        (folder / SUMMARY).write_text(line, encoding="utf-8")
        mark_complete(folder)
    return Precache(count=int(summary["count"]), size=int(summary["size"]))
