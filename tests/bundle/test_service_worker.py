"""The precache list Python writes into Workbox's service worker: what it holds and how."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.service_worker import PLACEHOLDER, fill, manifest, precached


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("index.html", True),
        ("topics/bone-stress/index.html", True),
        ("404.html", False),
        ("assets/javascripts/calculator/page.js", True),
        ("assets/javascripts/bundle.a5f9d56c.min.js", True),
        ("assets/javascripts/bundle.a5f9d56c.min.js.map", False),
        ("assets/javascripts/lunr/min/lunr.de.min.js", False),
        ("assets/javascripts/workers/search.7a47a382.min.js", False),
        ("assets/stylesheets/guide.css", True),
        ("assets/figures/clam-shell.svg", True),
        ("manifest.webmanifest", True),
        ("pyodide/314.0.7/pyodide-lock.json", True),
        ("pyodide/314.0.7/knee_guide_calculator-3.0.0-py3-none-any.whl", True),
        ("pyodide/314.0.7/pyodide.asm.wasm", False),
        ("pyodide/314.0.7/pyodide.mjs", False),
        ("search/search_index.json", False),
        ("sw.js", False),
        ("sitemap.xml", False),
    ],
)
def test_what_the_offline_copy_holds(path: str, kept: bool) -> None:
    assert precached(path) is kept


def test_every_page_of_the_built_site_is_listed_with_its_md5(built_site: Path) -> None:
    entries = {entry["url"]: entry["revision"] for entry in manifest(built_site)}
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")}
    assert pages
    assert pages <= entries.keys()
    home = hashlib.md5((built_site / "index.html").read_bytes()).hexdigest()
    assert entries["index.html"] == home
    hashed = [url for url in entries if re.search(r"\.[0-9a-f]{8,}(\.min)?\.css$", url)]
    assert hashed
    assert all(entries[url] is None for url in hashed)


def test_the_built_worker_lists_the_same_files(built_site: Path) -> None:
    worker = (built_site / "sw.js").read_text()
    listed = json.loads("[" + worker.split("precacheAndRoute([", 1)[1].split("],{", 1)[0] + "]")
    assert listed == manifest(built_site)


def test_a_worker_without_its_placeholder_is_refused() -> None:
    slot = f'{{url:"{PLACEHOLDER}",revision:"{PLACEHOLDER}"}}'
    assert fill(f"precacheAndRoute([{slot}],{{}})", []) == "precacheAndRoute([],{})"
    with pytest.raises(BundleError, match="placeholder"):
        fill("precacheAndRoute([],{})", [])
