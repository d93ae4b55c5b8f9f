"""The keyboard and a zoomed page: the closed drawer is out of the Tab order, a skip link goes to
the calculator's questions, and on a short screen the header and answer bar leave room."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

PHONE: dict[str, Any] = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}
ZOOMED = {"viewport": {"width": 640, "height": 400}}  # a 1280 by 800 window at 200 %

IN_DRAWER = "() => Boolean(document.activeElement?.closest('.md-sidebar--primary'))"


@pytest.mark.parametrize("size", [PHONE, ZOOMED], ids=["phone", "zoomed"])
def test_the_closed_drawer_takes_no_tab_stops(browser: Browser, site_url: str, size: Any) -> None:
    context = browser.new_context(**size)
    page = context.new_page()
    page.goto(f"{site_url}treatment/")
    stops = []
    for _ in range(15):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(IN_DRAWER))
    assert not any(stops)
    page.click('label.md-header__button[for="__drawer"]')
    page.wait_for_function("!document.querySelector('.md-sidebar--primary').inert")
    page.focus(".md-sidebar--primary a.md-nav__link")
    assert page.evaluate(IN_DRAWER)
    context.close()


def test_a_skip_link_goes_to_the_calculators_first_question(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{site_url}calculator/")
    tabs = 0
    while page.evaluate("document.activeElement.textContent.trim()") != "Skip to the questions":
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs <= 2
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # into the first question: its hint's link, then its answers
    first = "document.activeElement.closest('fieldset') === document.querySelector('#calculator fieldset')"
    assert page.evaluate(first)


def test_on_a_zoomed_page_the_header_and_answer_bar_leave_the_screen_to_the_questions(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(**ZOOMED)
    page = context.new_page()
    page.goto(f"{site_url}calculator/")
    page.locator("#calculator fieldset").nth(2).scroll_into_view_if_needed()
    covered = page.evaluate(
        "document.querySelector('.md-header').getBoundingClientRect().height"
        " + document.querySelector('#calculator-summary').getBoundingClientRect().height"
    )
    context.close()
    assert covered <= 400 * 0.25, covered
