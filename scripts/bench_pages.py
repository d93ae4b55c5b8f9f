"""Page weight (part of `make bench`): what a first visit to each kind of page costs in Chromium
(a fresh profile, service workers allowed, 412 x 823), in requests and bytes, against the same
page built by bare Material with the same theme settings (no plugin, no template overrides, no
stylesheet or scripts of the project's). Requests the service worker makes (the offline copy)
are counted apart, and the offline copy is then made on purpose from the home page and reported
on its own line, with every address downloaded twice over the visit and the copy. Also checks
that no page but the calculator fetches any of Pyodide.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from playwright.sync_api import Browser, BrowserContext, Page, Request

from kneeguide.bundle.inline import inline_scripts
from kneeguide.settings import engine_config, read_settings
from tests.chromium import chromium
from tests.serve import serve

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
VIEWPORT = {"width": 412, "height": 823}
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
GOAL = 1.2
WITH_GOAL = ("home", "exercise")
KEEP_OFFLINE = "#kg-keep-offline"
OFFLINE_READY = "html[data-offline-copy='ready']"
READY = "navigator.serviceWorker.ready.then(() => true)"
REGISTERED = "navigator.serviceWorker.getRegistration().then((r) => r !== undefined)"


@dataclass
class Traffic:
    """What the network carried, split by who asked: the page or the service worker."""

    page_bytes: int = 0
    page_requests: int = 0
    worker_bytes: int = 0
    worker_requests: int = 0
    pyodide_bytes: int = 0
    bodies: Counter[str] = field(default_factory=Counter)
    """Responses with a body from the network, by URL (a 304 or a cache hit has none)."""
    page_urls: list[str] = field(default_factory=list)
    """What the page asked for, in order (its workers' requests included)."""

    def record(self, request: Request) -> None:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if request.service_worker is not None:
            self.worker_bytes += size
            self.worker_requests += 1
        else:
            self.page_bytes += size
            self.page_requests += 1
            self.page_urls.append(request.url)
        if "/pyodide/" in request.url:
            self.pyodide_bytes += size
        if sizes["responseBodySize"] > 0:
            self.bodies[request.url.split("?")[0]] += 1


def bare_material_site(folder: Path) -> Path:
    """The guide's pages as plain Markdown, built by Material with the same theme settings."""
    folder.mkdir(parents=True, exist_ok=True)
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
    config = engine_config(*read_settings(ROOT / "mkdocs.yml"), inline_scripts(ROOT / "docs"))
    config = {k: v for k, v in config.items() if k != "extra_css"}
    config["extra"] = {k: v for k, v in config["extra"].items() if k not in {"csp", "inline"}}
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


def settle(page: Page) -> None:
    """Wait until the page's network is idle and any service worker it registered is installed."""
    page.wait_for_load_state("networkidle")
    if page.evaluate(REGISTERED):
        page.evaluate(READY)
        page.wait_for_load_state("networkidle")


def open_fresh(browser: Browser, url: str) -> tuple[BrowserContext, Page, Traffic]:
    context = browser.new_context(viewport=VIEWPORT, service_workers="allow")
    traffic = Traffic()
    context.on("requestfinished", traffic.record)
    page = context.new_page()
    page.goto(url)
    settle(page)
    return context, page, traffic


def first_visit(browser: Browser, url: str) -> Traffic:
    context, _, traffic = open_fresh(browser, url)
    context.close()
    return traffic


def offline_copy(browser: Browser, url: str) -> None:
    """A first visit to the home page, then "Keep this guide for offline use"."""
    context, page, traffic = open_fresh(browser, url)
    before = traffic.page_requests + traffic.worker_requests
    before_bytes = traffic.page_bytes + traffic.worker_bytes
    if page.locator(KEEP_OFFLINE).count():
        page.click(KEEP_OFFLINE)
        page.wait_for_selector(OFFLINE_READY, state="attached", timeout=120_000)
        settle(page)
    context.close()
    requests = traffic.page_requests + traffic.worker_requests - before
    size = traffic.page_bytes + traffic.worker_bytes - before_bytes
    twice = sorted(u.removeprefix(url) for u, n in traffic.bodies.items() if n > 1)
    print(
        f"offline copy (home, then its 'Keep this guide for offline use'): {requests} requests, "
        f"{size / 1024:.1f} KB, or {traffic.worker_bytes / 1024:.1f} KB by the service worker "
        f"in all; downloaded twice over the visit and the copy: {len(twice)} "
        f"{' '.join(twice[:8])}{' ...' if len(twice) > 8 else ''}"
    )


def requested(traffic: Traffic, base: str) -> str:
    """The page's requests as paths below the site, one short line."""
    return " ".join(url.removeprefix(base) or "/" for url in traffic.page_urls)


def run(site: Path, bare: Path | None = None) -> None:
    """First visits to each page against ``bare`` (Material's own build of the same pages, made
    here when not given), then the offline copy."""
    if bare is None:
        with tempfile.TemporaryDirectory() as folder:
            run(site, bare_material_site(Path(folder)))
        return
    with serve(site) as ours, serve(bare) as plain, chromium() as browser:
        print(
            f"{'first visit':<16} {'KB':>8} {'bare KB':>8} {'ratio':>6} {'requests':>9} "
            f"{'bare':>5} {'ratio':>6} {'offline copy KB':>16} {'Pyodide KB':>11}"
        )
        for name, path in PAGES.items():
            guide = first_visit(browser, ours + path)
            reference = first_visit(browser, plain + path)
            goal = ""
            if name in WITH_GOAL:
                goal = f" (goal <= {GOAL} in bytes and requests, no offline copy)"
            elif name != "calculator":
                goal = " (no Pyodide)"
            print(
                f"{name:<16} {guide.page_bytes / 1024:>8.1f} "
                f"{reference.page_bytes / 1024:>8.1f} "
                f"{guide.page_bytes / reference.page_bytes:>6.2f} {guide.page_requests:>9} "
                f"{reference.page_requests:>5} "
                f"{guide.page_requests / reference.page_requests:>6.2f} "
                f"{guide.worker_bytes / 1024:>16.1f} {guide.pyodide_bytes / 1024:>11.1f}{goal}"
            )
            if name in WITH_GOAL:
                print(f"  {name} requests: {requested(guide, ours)}")
                print(f"  bare {name} requests: {requested(reference, plain)}")
        offline_copy(browser, ours)
