"""Sizes on a phone: text a reader needs at body size, targets a thumb can hit."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

PHONE: dict[str, Any] = {"viewport": {"width": 360, "height": 740}, "is_mobile": True}

FONT_SIZES = """selector => [...document.querySelectorAll(selector)]
  .filter(node => node.offsetParent !== null && node.textContent.trim())
  .map(node => parseFloat(getComputedStyle(node).fontSize))"""

TARGETS = """selector => [...document.querySelectorAll(selector)]
  .filter(node => node.offsetParent !== null)
  .map(node => node.getBoundingClientRect())
  .map(box => [Math.round(box.width * 10) / 10, Math.round(box.height * 10) / 10])"""


@pytest.fixture
def phone(browser: Browser) -> Any:
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("exercises/step-down/", ".admonition p, .admonition li"),  # dose, pain rule, cautions
        ("exercises/step-down/", ".kg-review"),
        ("exercises/step-down/", ".md-copyright"),
        ("calculator/", ".kg-hint"),
        ("recovery-time/", ".admonition p, .admonition li"),
    ],
)
def test_text_a_reader_needs_is_body_size(
    phone: Page, site_url: str, path: str, selector: str
) -> None:
    phone.goto(f"{site_url}{path}")
    sizes = phone.evaluate(FONT_SIZES, selector)
    assert sizes
    assert min(sizes) >= 16, sizes


def test_a_whole_exercise_card_opens_its_exercise(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}exercises/")
    card = phone.locator(".grid.cards > ul > li").first
    href = card.locator("strong a").get_attribute("href")
    card.scroll_into_view_if_needed()
    box = card.locator(".kg-figure__thumb").bounding_box()
    assert box
    phone.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the figure
    phone.wait_for_url(f"**/exercises/{href}")


def test_citation_links_are_24_px_targets(phone: Page, site_url: str) -> None:
    phone.goto(f"{site_url}see-a-clinician/")
    boxes = phone.evaluate(TARGETS, "a.citation")
    assert boxes
    assert [box for box in boxes if min(box) < 24] == []


def test_header_buttons_are_44_px(phone: Page, site_url: str) -> None:
    phone.goto(site_url)
    boxes = phone.evaluate(TARGETS, ".md-header__button")
    assert boxes
    assert [box for box in boxes if min(box) < 44] == []
