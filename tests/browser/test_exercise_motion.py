"""The moving figure on an exercise page: it plays and pauses; with reduced motion it shows the
key poses and never moves until the reader presses play; print shows the key poses."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from .test_accessibility import violations

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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_key_poses_pass_axe(browser: Browser, site_url: str, scheme: str) -> None:
    """The key poses (one image of several drawings) and the play button, as readers who prefer
    reduced motion see them, at WCAG 2.2 AA on a phone."""
    context = browser.new_context(
        reduced_motion="reduce",
        color_scheme=scheme,
        viewport={"width": 360, "height": 740},
        bypass_csp=True,  # the page's policy would refuse the injected axe-core script
    )
    page = context.new_page()
    page.goto(site_url + PAGE)
    expect(page.locator(KEYS)).to_be_visible()
    expect(page.get_by_role("button", name="Play the drawing")).to_be_visible()
    found = violations(page)
    context.close()
    assert found == []
