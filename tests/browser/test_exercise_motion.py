"""The moving figure on an exercise page: it plays and pauses; with reduced motion it shows the
key poses and never moves until the reader presses play; print shows the key poses."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

PAGE = "exercises/step-down/"
MOVING = "svg.kg-motion__moving"
KEYS = ".kg-motion__keys"


def paused(page: Page) -> bool:
    return bool(page.eval_on_selector(MOVING, "svg => svg.animationsPaused()"))


def test_the_figure_moves_and_the_reader_can_pause_it(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    button = page.get_by_role("button", name="Pause the drawing")
    expect(button).to_be_visible()
    expect(page.locator(MOVING)).to_be_visible()
    expect(page.locator(KEYS)).to_be_hidden()
    page.wait_for_function(f"() => document.querySelector('{MOVING}').getCurrentTime() > 0.3")
    assert not paused(page)
    button.click()
    expect(page.get_by_role("button", name="Play the drawing")).to_be_visible()
    assert paused(page)
    page.get_by_role("button", name="Play the drawing").click()
    expect(page.get_by_role("button", name="Pause the drawing")).to_be_visible()
    assert not paused(page)


def test_reduced_motion_shows_the_key_poses_and_nothing_moves(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + PAGE)
    play = page.get_by_role("button", name="Play the drawing")
    expect(play).to_be_visible()
    expect(page.locator(KEYS)).to_be_visible()
    expect(page.locator(MOVING)).to_be_hidden()
    assert paused(page)
    expect(page.get_by_role("img", name=re.compile("drawn in order"))).to_be_visible()
    play.click()
    expect(page.locator(MOVING)).to_be_visible()
    expect(page.locator(KEYS)).to_be_hidden()
    assert not paused(page)
    context.close()


def test_print_shows_the_key_poses(page: Page, site_url: str) -> None:
    page.goto(site_url + PAGE)
    expect(page.get_by_role("button", name="Pause the drawing")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(KEYS)).to_be_visible()
    expect(page.locator(MOVING)).to_be_hidden()
    expect(page.locator(".kg-motion__toggle")).to_be_hidden()
