"""Safety on the calculator page never waits for Python: a warning sign (or a reader under 18)
refers at once, whatever state the worker is in, with no recovery number on screen; links
cannot hide a sign; the answers never reach the server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route

from calculator import TYPICAL
from kneeguide.content.catalog import Catalog, plain
from kneeguide.pages.triage import coded_red_flags

from ..serve import serve
from .calculator_page import READY, SETTLED, open_calculator, query

WEEKS = re.compile(r"\b\d+(\.\d+)?( to \d+(\.\d+)?)? weeks?\b", re.IGNORECASE)
"""A recovery time, typical or otherwise."""

PYODIDE = re.compile(r".*/pyodide/.*")


def no_recovery_number(page: Page) -> None:
    text = page.inner_text("main")
    assert not WEEKS.search(text), WEEKS.search(text)


def emergency_codes(catalog: Catalog) -> list[str]:
    return [code for code, flag in coded_red_flags(catalog).items() if flag.tier == "emergency"]


@pytest.fixture(params=["never-answered", "failing", "working"])
def python_state(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    """A context in which Pyodide's files never arrive, fail at once, or load normally."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    held: list[Route] = []
    if request.param == "never-answered":
        context.route(PYODIDE, lambda route: held.append(route))
    elif request.param == "failing":
        context.route(PYODIDE, lambda route: route.abort())
    yield context
    for route in held:
        route.abort()
    context.close()


def test_each_emergency_sign_shows_its_action_at_once(
    python_state: BrowserContext, site_url: str, catalog: Catalog
) -> None:
    page = python_state.new_page()
    page.goto(f"{site_url}calculator/")
    flags = coded_red_flags(catalog)
    for code in emergency_codes(catalog):
        box = page.locator(f'input[name="red_flags"][value="{code}"]')
        box.check()
        # The input event has run when check() returns: no waiting, whatever Python is doing.
        assert page.get_attribute("#calculator-summary", "data-state") == "refer"
        assert page.get_attribute("#calculator-summary", "data-tier") == "emergency"
        assert page.inner_text("#summary-headline") == plain(flags[code].action)
        assert page.inner_text("#summary-label") == catalog.triage.advice("emergency").heading
        tel = page.locator("#summary-label a[href^='tel:']")
        assert tel.count() == 1
        assert tel.get_attribute("href") == f"tel:{tel.inner_text()}"
        assert page.get_attribute("#summary-live", "aria-live") == "assertive"
        assert page.locator(f'#result-body li[data-code="{code}"]').count() == 1
        no_recovery_number(page)
        box.uncheck()
    if page.get_attribute("#calculator-result", "data-python") is None:
        assert page.get_attribute("#calculator-result", "data-referred-by") == "page"


def test_the_estimator_confirms_the_pages_referral(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, "#red_flags=breathless")
    page.wait_for_selector("#calculator-result[data-referred-by='estimator']")
    assert page.locator('#result-body li[data-code="breathless"]').count() == 1
    no_recovery_number(page)


def test_the_most_urgent_sign_leads(page: Page, site_url: str, catalog: Catalog) -> None:
    page.goto(f"{site_url}calculator/#red_flags=night_pain,bone_stress,breathless")
    flags = coded_red_flags(catalog)
    assert page.inner_text("#summary-headline") == plain(flags["breathless"].action)
    tiers = [
        item.get_attribute("data-tier") for item in page.locator("#result-body li[data-code]").all()
    ]
    assert tiers == ["emergency", "urgent", "routine"]
    # Each urgency's heading says what to do, with its number a link.
    assert page.locator(".kg-refer a[href='tel:111']").count() >= 1


def test_a_reader_under_18_is_referred_with_no_number(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, f"#{query(TYPICAL.to_json())}")
    assert page.get_attribute("#calculator-result", "data-state") == "estimate"
    page.check('input[name="age"][value="under_18"]')
    assert page.get_attribute("#calculator-summary", "data-state") == "refer"
    assert page.locator('#result-body li[data-code="under_18"]').count() == 1
    no_recovery_number(page)
    page.wait_for_function(SETTLED)
    assert page.get_attribute("#calculator-result", "data-referred-by") == "estimator"


def test_an_unknown_sign_in_a_link_never_hides_a_known_one(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, "#red_flags=hot_knee,night-pain")
    assert page.locator('#result-body li[data-code="hot_knee"]').count() == 1
    assert '"night-pain"' in page.inner_text("#result-body .kg-unknown-signs")


def test_an_unknown_sign_alone_is_named_not_dropped(page: Page, site_url: str) -> None:
    answers: dict[str, Any] = {**TYPICAL.to_json(), "red_flags": ["night-pain"]}
    open_calculator(page, site_url, f"#{query(answers)}")
    assert page.get_attribute("#calculator-result", "data-state") == "invalid"
    assert '"night-pain"' in page.inner_text("#error-red_flags")
    assert page.inner_text("#summary-label") == "Not yet for your answers"
    page.check('input[name="red_flags"][value="night_pain"]')  # the reader ticks again
    page.wait_for_function(SETTLED)
    assert page.get_attribute("#calculator-result", "data-state") == "refer"


@pytest.mark.parametrize("weeks", ["0x10", "1e1", " 2", "Infinity"])
def test_a_link_gives_numbers_only_as_plain_decimals(page: Page, site_url: str, weeks: str) -> None:
    answers = {**TYPICAL.to_json(), "symptom_weeks": weeks}
    open_calculator(page, site_url, f"#{query(answers)}")
    assert page.get_attribute("#calculator-result", "data-state") == "invalid"
    assert page.input_value("#input-symptom_weeks") == ""


def test_answers_stay_out_of_every_request(browser: Browser, built_site: Path) -> None:
    """Answered and reloaded on a first visit, then an old link with a query: after the first
    request of the old link (which the reader's browser sent before the page could act), no
    request line carries an answer."""
    with serve(built_site) as url:
        context = browser.new_context()
        page = context.new_page()
        open_calculator(page, url)
        page.check('input[name="age"][value="adult"]')
        page.check('input[name="severity"][value="severe"]')
        page.fill("#input-symptom_weeks", "7.5")
        page.check('input[name="red_flags"][value="night_pain"]')
        page.wait_for_function("() => location.hash.includes('symptom_weeks=7.5')")
        page.reload()
        page.wait_for_selector(READY, timeout=60_000)
        assert page.input_value("#input-symptom_weeks") == "7.5"
        old = f"{url}calculator/?{query({**TYPICAL.to_json(), 'symptom_weeks': 9.5})}"
        page.goto(old)
        page.wait_for_function("() => location.hash.includes('symptom_weeks=9.5')")
        assert "?" not in page.url
        page.reload()
        page.wait_for_selector(READY, timeout=60_000)
        context.close()
        lines = list(url.paths)
    first_old = next(i for i, line in enumerate(lines) if "9.5" in line)
    carrying = [
        line
        for i, line in enumerate(lines)
        if i != first_old and re.search(r"severe|7\.5|9\.5|night_pain|severity|age=", line)
    ]
    assert carrying == []


def test_a_place_on_the_page_keeps_the_answers_in_the_address(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, f"#{query(TYPICAL.to_json())}")
    page.click("#calculator-summary a[href='#calculator-result']")
    assert "severity=moderate" in page.url
    assert page.evaluate("document.activeElement.id") == "calculator-result"


def test_without_javascript_the_page_points_to_the_signs_first(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}calculator/")
    text = page.inner_text(".kg-noscript")
    assert "check the warning signs" in text
    assert page.locator(".kg-noscript a[href='../see-a-clinician/']").count() == 1
    context.close()
