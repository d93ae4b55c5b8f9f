"""Offline and installable: the service worker Workbox writes at build time, in real Chromium."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from kneeguide.bundle.headers import HASHED
from kneeguide.bundle.service_worker import manifest, write_service_worker

from ..serve import serve
from .calculator_page import open_calculator
from .program_link import fragment

PROGRAM = fragment("Week 1", [{"slug": "clam-shell", "s": 3, "r": 10}, {"slug": "quad-set"}])
READY = "navigator.serviceWorker.ready.then(() => true)"
COPY_READY = "html[data-offline-copy='ready']"
KEEP = "#kg-keep-offline"
# Resolves once the page has been idle twice: the offline copy, when it is made, starts at idle.
IDLE = "new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => done(true))))"
NO_REGISTRATION = "navigator.serviceWorker.getRegistration().then((r) => r === undefined)"
SAVE_DATA = """
Object.defineProperty(Object.getPrototypeOf(navigator.connection), "saveData", { get: () => true });
"""


@pytest.fixture
def sw_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(service_workers="allow")
    yield context
    context.close()


def first_visit(page: Page, url: str) -> None:
    page.goto(url)
    assert page.evaluate(READY)  # installed: everything precached


def test_program_and_exercise_pages_work_offline_after_one_visit(
    sw_context: BrowserContext, site_url: str
) -> None:
    page = sw_context.new_page()
    first_visit(page, f"{site_url}program/#{PROGRAM}")
    page.click("#tick-clam-shell-1")
    sw_context.set_offline(True)
    page.reload()
    page.wait_for_selector("#companion-heading")
    assert page.inner_text("#program-heading") == "Week 1"
    assert page.get_attribute("#tick-clam-shell-1", "aria-pressed") == "true"
    page.click(".kg-program h3 a >> nth=0")
    page.wait_for_selector("#clinician-dose:not([hidden])")
    assert "3 sets, 10 repetitions" in page.inner_text("#clinician-dose")
    page.goto(f"{site_url}exercises/step-down/")
    assert page.inner_text("h1").startswith("Step-down")
    page.goto(f"{site_url}program/?edit#{PROGRAM}")
    page.wait_for_selector("#program-items > li")
    assert page.locator("#program-items > li").count() == 2


def test_the_site_is_installable(page: Page, site_url: str, built_site: Path) -> None:
    page.goto(site_url)
    href = page.get_attribute('link[rel="manifest"]', "href")
    assert href is not None
    manifest = json.loads((built_site / "manifest.webmanifest").read_text())
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert (built_site / icon["src"]).is_file()
    assert manifest["display"] == "standalone"


def test_a_new_build_is_offered_and_replaces_the_old(
    sw_context: BrowserContext, built_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    # Without the large runtime files (not precached); the wheel and lock are precached.
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.wasm", "*.asm.mjs", "*.zip"))
    with serve(site) as url:
        page = sw_context.new_page()
        first_visit(page, f"{url}program/#{PROGRAM}")
        page.reload()  # now controlled by the service worker
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        program = site / "program" / "index.html"
        program.write_text(
            program.read_text().replace("For clinicians: pick", "For clinicians (new): pick")
        )
        write_service_worker(site)
        page.reload()  # the old build's page, from the cache; the new worker installs
        assert "(new)" not in page.inner_text(".kg-program-builder")
        page.click("#kg-update-now")
        # The builder is hidden under a program link: its words are read, not looked at.
        page.wait_for_function(
            "() => document.getElementById('program-builder').textContent.includes('(new)')"
        )


BUILD_MARK = "getComputedStyle(document.documentElement).getPropertyValue('--kg-test-build')"


def new_stylesheet(site: Path, rule: str) -> None:
    """Deploy a changed stylesheet as a build does: a new file named by its content's hash, and
    every page pointing at it."""
    old = next((site / "assets" / "stylesheets").glob("guide.*.css"))
    text = old.read_text(encoding="utf-8") + rule
    new = old.with_name(f"guide.{hashlib.md5(text.encode()).hexdigest()[:8]}.css")
    new.write_text(text, encoding="utf-8")
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if old.name in html:
            page.write_text(html.replace(old.name, new.name), encoding="utf-8")


def test_a_tab_never_mixes_two_builds(
    sw_context: BrowserContext, built_site: Path, tmp_path: Path
) -> None:
    """A new build is deployed while a tab is open: until the reader chooses "Update now", every
    page the tab opens is the old build's, with the old build's stylesheet; then both are new."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("*.wasm", "*.asm.mjs", "*.zip"))
    with serve(site) as url:
        page = sw_context.new_page()
        first_visit(page, f"{url}program/#{PROGRAM}")
        page.reload()
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        topics = site / "topics" / "index.html"
        topics.write_text(topics.read_text().replace("<h1", '<h1 data-build="new"', 1))
        new_stylesheet(site, ':root { --kg-test-build: "new"; }\n')
        write_service_worker(site)
        page.goto(f"{url}topics/")
        assert page.locator("h1[data-build]").count() == 0
        assert page.evaluate(BUILD_MARK) == ""
        page.goto(url)  # the home page offers the new build
        page.click("#kg-update-now")
        page.wait_for_function(f"() => {BUILD_MARK}.trim() !== ''")
        page.goto(f"{url}topics/")
        assert page.locator("h1[data-build='new']").count() == 1
        assert page.evaluate(BUILD_MARK).strip() == '"new"'


def test_calculator_works_offline_once_used(sw_context: BrowserContext, site_url: str) -> None:
    """Pyodide is not precached (13 MB few readers need). The calculator's first visit, which the
    service worker does not control yet, installs the offline copy once its answer is shown, then
    hands Pyodide's files to it: the next visit works offline, from the snapshot."""
    page = sw_context.new_page()
    open_calculator(page, site_url)
    assert page.get_attribute("#calculator-result", "data-start") == "fresh"
    page.wait_for_selector(
        "#calculator-result[data-offline='kept']", state="attached", timeout=60_000
    )
    sw_context.set_offline(True)
    open_calculator(page, site_url, "#severity=severe")
    assert page.get_attribute("#calculator-result", "data-python")
    assert page.get_attribute("#calculator-result", "data-start") == "snapshot"


# Notes, when the page registers its service worker, whether the calculator had answered and
# stored its snapshot yet.
WATCH_REGISTRATION = """
const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
navigator.serviceWorker.register = (...args) => {
  window.__atRegistration = {
    answered: performance.getEntriesByName("kg-first-estimate").length > 0,
    snapshot: document.getElementById("calculator-result").dataset.snapshot,
  };
  return register(...args);
};
"""


def test_calculator_page_installs_the_offline_copy_once_python_is_done(
    sw_context: BrowserContext, site_url: str
) -> None:
    sw_context.add_init_script(WATCH_REGISTRATION)
    page = sw_context.new_page()
    open_calculator(page, site_url, "#severity=mild")
    page.wait_for_selector("html[data-service-worker='registered']", state="attached")
    assert page.evaluate("window.__atRegistration") == {"answered": True, "snapshot": "stored"}


@pytest.mark.parametrize("path", ["", "treatment/", "exercises/clam-shell/", "program/"])
def test_a_first_read_makes_no_offline_copy(
    sw_context: BrowserContext, site_url: str, path: str
) -> None:
    """Reading a page (the program builder included) downloads nothing for later."""
    page = sw_context.new_page()
    page.goto(f"{site_url}{path}", wait_until="networkidle")
    assert page.evaluate(IDLE)
    assert page.evaluate(NO_REGISTRATION)


def test_no_offline_copy_when_the_browser_saves_data(
    sw_context: BrowserContext, site_url: str
) -> None:
    sw_context.add_init_script(SAVE_DATA)
    page = sw_context.new_page()
    page.goto(f"{site_url}program/#{PROGRAM}", wait_until="networkidle")
    page.wait_for_selector("#companion-heading")
    assert page.evaluate(IDLE)
    assert page.evaluate(NO_REGISTRATION)
    page.goto(site_url)
    page.wait_for_selector("#kg-offline:not([hidden])")
    assert page.locator(KEEP).count() == 0
    saving = page.get_attribute("#kg-offline", "data-saving")
    assert saving
    assert page.inner_text("#kg-offline-status") == saving


def test_keep_this_guide_makes_every_page_work_offline(
    sw_context: BrowserContext, site_url: str
) -> None:
    page = sw_context.new_page()
    page.goto(site_url)
    assert page.evaluate(NO_REGISTRATION)
    page.click(KEEP)
    page.wait_for_selector(COPY_READY, state="attached")
    assert page.inner_text("#kg-offline-status") == page.get_attribute("#kg-offline", "data-kept")
    sw_context.set_offline(True)
    for path in (
        "",
        "treatment/",
        "see-a-clinician/",
        "exercises/step-down/",
        "causes/overloading/",
    ):
        page.goto(f"{site_url}{path}")
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        assert "You are offline" not in page.inner_text("h1")
    page.goto(f"{site_url}program/#{PROGRAM}")
    page.wait_for_selector("#companion-heading")
    assert page.inner_text("#program-heading") == "Week 1"
    page.goto(f"{site_url}no-such-page/")  # not a page of this build: the offline page
    assert page.inner_text("h1").startswith("You are offline")
    page.click("text=Treatment")
    assert page.inner_text("h1").startswith("Treating")


def test_the_offline_copy_reuses_the_files_the_visit_downloaded(
    sw_context: BrowserContext, built_site: Path
) -> None:
    """A first visit, then the offline copy: no address is requested twice. Every file the page
    asked for is one whose name carries its content's hash (Material's stylesheet and script,
    the site's stylesheet and icon), which the copy takes from the HTTP cache. The page itself is
    the one thing fetched again, under its other address (``/index.html``, with its revision):
    a page's HTML has no hash in its name."""
    with serve(built_site) as url:
        page = sw_context.new_page()
        page.goto(url, wait_until="networkidle")
        visited = set(url.hits)
        page.click(KEEP)
        page.wait_for_selector(COPY_READY, state="attached")
        precached = {entry["url"] for entry in manifest(built_site)}
        kept = {path for path in visited if path.removeprefix("/") in precached}
        assert kept
        assert kept == {path for path in kept if HASHED.search(path)}
        assert {path: count for path, count in url.hits.items() if count > 1} == {}
