"""The migration path off Material for MkDocs (end of life 5 May 2027): ``python -m kneeguide
build`` writes the site's whole source, the pinned Zensical builds it, ``python -m kneeguide
finish`` adds the service worker and header files, and the pages, the calculator and the program
work in a real browser, with no request leaving the site."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from calculator import TYPICAL

from ..conftest import ROOT
from ..serve import serve
from .calculator_page import SETTLED, open_calculator, set_form
from .inline_scripts import unallowed_scripts
from .program_link import fragment
from .test_privacy import WATCH_CSP

ZENSICAL = Path(sys.executable).parent / "zensical"


def run(command: list[str | Path], cwd: Path = ROOT) -> str:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("zensical")
    run([sys.executable, "-m", "kneeguide", "build", "--out", out])
    log = run([ZENSICAL, "build"], cwd=out)  # strict: true carries over, so a warning fails
    assert "No issues found" in log
    run([sys.executable, "-m", "kneeguide", "finish", out / "site"])
    return out / "site"


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with serve(zensical_site) as url:
        yield url


@pytest.fixture
def watched(browser: Browser, zensical_url: str) -> Iterator[tuple[Page, list[str]]]:
    """A page that records errors and every request to another origin."""
    context = browser.new_context(viewport={"width": 412, "height": 915})
    context.add_init_script(WATCH_CSP)
    problems: list[str] = []
    origin = urlparse(zensical_url).netloc
    context.on(
        "request",
        lambda r: None if urlparse(r.url).netloc == origin else problems.append(r.url),
    )
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page, problems
    context.close()


@pytest.mark.parametrize(
    "url", ["", "calculator/", "exercises/clam-shell/", "program/", "see-a-clinician/"]
)
def test_the_pages_are_built_with_their_policy(zensical_site: Path, url: str) -> None:
    html = (zensical_site / url / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in html
    assert ("'wasm-unsafe-eval'" in html) == (url == "calculator/")
    assert unallowed_scripts(html) == []


def test_the_finish_step_adds_the_service_worker_and_headers(zensical_site: Path) -> None:
    assert "pyodide/" in (zensical_site / "sw.js").read_text(encoding="utf-8")
    headers = (zensical_site / "_headers").read_text(encoding="utf-8")
    assert "\n/calculator/" in headers
    assert "wasm-unsafe-eval" in headers


def test_the_calculator_gives_an_estimate(
    watched: tuple[Page, list[str]], zensical_url: str
) -> None:
    page, problems = watched
    open_calculator(page, zensical_url)
    set_form(page, {**TYPICAL.to_json(), "severity": "mild"})
    page.wait_for_function(SETTLED)
    assert page.get_attribute("#calculator-result", "data-state") == "estimate"
    assert page.evaluate("window.__violations") == []
    assert problems == []


def test_a_program_link_opens_the_patients_program(
    watched: tuple[Page, list[str]], zensical_url: str
) -> None:
    page, problems = watched
    program = fragment("Week 1", [{"slug": "clam-shell", "s": 3}, {"slug": "quad-set", "s": 2}])
    page.goto(f"{zensical_url}program/#{program}")
    page.wait_for_selector(".kg-program > li")
    assert page.locator(".kg-program > li").count() == 2
    assert page.inner_text("#program-heading") == "Week 1"
    assert page.evaluate("window.__violations") == []
    assert problems == []
