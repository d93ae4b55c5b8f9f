"""Page weight (part of `make bench`): bytes each kind of page transfers in Chromium on a cold
load, against the same page built by bare Material with the same theme settings (no plugin, no
template overrides, no stylesheet or scripts of the project's). Also checks that no page but the
calculator fetches any of Pyodide.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from playwright.sync_api import Browser

from kneeguide.settings import engine_config, read_settings
from tests.chromium import chromium
from tests.serve import serve

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PAGES = {
    "home": "",
    "cause": "causes/muscle-weakness/",
    "exercise": "exercises/clam-shell/",
    "exercises index": "exercises/",
    "treatment": "treatment/",
    "references": "references/",
    "program": "program/",
    "calculator": "calculator/",
}


def bare_material_site(folder: Path) -> Path:
    """The guide's pages as plain Markdown, built by Material with the same theme settings."""
    docs = folder / "docs"
    subprocess.run(
        [sys.executable, "-m", "kneeguide", "render", "--out", str(docs)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    for page in docs.rglob("*.md"):  # drop the project's own page templates
        text = page.read_text(encoding="utf-8")
        page.write_text(
            "\n".join(
                line for line in text.splitlines() if not line.startswith(("template:", "csp:"))
            ),
            encoding="utf-8",
        )
    config = engine_config(*read_settings(ROOT / "mkdocs.yml"))
    config = {k: v for k, v in config.items() if k != "extra_css"}
    config["extra"] = {k: v for k, v in config["extra"].items() if k != "csp"}
    config["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    site = folder / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(site)],
        cwd=folder,
        check=True,
        env=ENV,
    )
    return site


def transferred(browser: Browser, url: str) -> tuple[int, int]:
    """Bytes transferred on a cold load (new context), and those of them under /pyodide/."""
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(url, wait_until="networkidle")
    total = pyodide = 0
    for request in responses:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        if "/pyodide/" in request.url:
            pyodide += size
    context.close()
    return total, pyodide


def run(site: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bare = bare_material_site(Path(folder))
        with serve(site) as ours, serve(bare) as plain, chromium() as browser:
            print(
                f"{'page':<16} {'guide KB':>9} {'bare Material KB':>17} {'ratio':>6} {'Pyodide KB':>11}"
            )
            for name, path in PAGES.items():
                total, pyodide = transferred(browser, ours + path)
                reference, _ = transferred(browser, plain + path)
                goal = "" if name == "calculator" else " (goal <= 1.2, no Pyodide)"
                print(
                    f"{name:<16} {total / 1024:>9.1f} {reference / 1024:>17.1f} {total / reference:>6.2f} "
                    f"{pyodide / 1024:>11.1f}{goal}"
                )
