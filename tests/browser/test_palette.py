"""Light or dark follows the reader's system, live, until they choose one (issue 23)."""

from __future__ import annotations

from playwright.sync_api import Browser

SCHEME = "document.body.getAttribute('data-md-color-scheme')"
IS = f"s => {SCHEME} === s"


def test_the_palette_follows_the_system_until_the_reader_chooses(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url)
    assert page.evaluate(SCHEME) == "slate"
    page.emulate_media(color_scheme="light")
    page.wait_for_function(IS, arg="default")
    page.locator("form[data-md-component='palette'] label:visible").first.click()  # light
    page.locator("form[data-md-component='palette'] label:visible").first.click()  # dark
    page.wait_for_function(IS, arg="slate")
    page.emulate_media(color_scheme="light")
    page.reload()
    assert page.evaluate(SCHEME) == "slate"  # the reader's choice stays
    context.close()
