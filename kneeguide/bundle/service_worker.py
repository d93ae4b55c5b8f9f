"""The site's service worker, written by Workbox's ``generateSW`` from the built file list.

Node runs ``service-worker.mjs`` (beside this file) on the finished site, so the precache list is
never kept by hand: every exercise page and asset the build wrote is in it, with a revision hash.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from kneeguide.bundle.errors import BundleError

SCRIPT = Path(__file__).with_name("service-worker.mjs")


@dataclass(frozen=True)
class Precache:
    """What the service worker precaches: how many files, and their total size in bytes."""

    count: int
    size: int


def write_service_worker(site: Path) -> Precache:
    """Write ``sw.js`` and Workbox's runtime into ``site``."""
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
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    return Precache(count=int(summary["count"]), size=int(summary["size"]))
