"""Without script, the moving figure on an exercise page can still be stopped (WCAG 2.2.2): a
checkbox hides it and shows the key poses; with script, the play and pause button replaces it."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

PAGE = "exercises/step-down/"
MOVING = "svg.kg-motion__moving"
KEYS = ".kg-motion__keys"


def test_without_script_a_checkbox_stops_the_moving_drawing(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    stop = page.get_by_role("checkbox", name="Stop the moving drawing")
    expect(stop).to_be_visible()
    expect(page.locator(MOVING)).to_be_visible()
    expect(page.locator(KEYS)).to_be_hidden()
    expect(page.locator(".kg-motion__toggle")).to_be_hidden()
    box = page.locator(".kg-motion__stop").bounding_box()
    assert box is not None
    assert box["height"] >= 44
    stop.check()
    expect(page.locator(MOVING)).to_be_hidden()
    expect(page.locator(KEYS)).to_be_visible()
    stop.uncheck()
    expect(page.locator(MOVING)).to_be_visible()
    context.close()


def test_with_script_the_button_takes_the_checkboxs_place(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    expect(page.get_by_role("button", name="Pause the drawing")).to_be_visible()
    expect(page.locator(".kg-motion__stop")).to_be_hidden()
