"""Blocked or damaged site storage never breaks the site (issue 22): Material keeps the palette and
a few other choices in localStorage through ``__md_get``, which threw when the storage was blocked
(a browser set to block site data) or held a value it could not read, and took search and the
palette switch down with it on every page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

BLOCKED = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""
"""What a browser that blocks site data does: reading ``window.localStorage`` throws."""


def damaged(value: str) -> str:
    """Store ``value`` (not JSON, or JSON of the wrong shape) as the palette before the page
    runs: Material keys it by the site's path, here the root."""
    return f"localStorage.setItem('/.__palette', {value!r});"


FAULTS = {
    "none": "",  # the control: the same steps with working storage
    "blocked": BLOCKED,
    "not-json": damaged('{"index": 1, "color": '),
    "wrong-shape": damaged('{"index": "dark", "color": 7}'),
    "null-index": damaged('{"color": {"scheme": "slate"}}'),
}


@pytest.fixture(params=sorted(FAULTS))
def faulty_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(FAULTS[request.param])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.mark.parametrize("path", ["", "exercises/clam-shell/"])
def test_search_still_finds_pages(faulty_page: Page, site_url: str, path: str) -> None:
    faulty_page.goto(f"{site_url}{path}")
    faulty_page.click(".md-search__input")
    faulty_page.keyboard.type("clam")
    faulty_page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert faulty_page.locator(".md-search-result__item").count() >= 1
    assert faulty_page.errors == []  # type: ignore[attr-defined]


SHOWN = """() => [...document.querySelectorAll("form[data-md-component='palette'] label")]
  .find((label) => label.offsetParent !== null)?.htmlFor"""


def switch_until(page: Page, scheme: str) -> None:
    """Choose the next palette (automatic, light, dark, ...) until the page shows ``scheme``."""
    for _ in range(page.locator("form[data-md-component='palette'] input").count()):
        if page.get_attribute("body", "data-md-color-scheme") == scheme:
            return
        shown = page.evaluate(SHOWN)
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        page.wait_for_function(f"was => ({SHOWN})() !== was", arg=shown)
    assert page.get_attribute("body", "data-md-color-scheme") == scheme


def test_the_palette_still_switches(faulty_page: Page, site_url: str) -> None:
    faulty_page.goto(site_url)
    scheme = faulty_page.get_attribute("body", "data-md-color-scheme")
    assert scheme in ("default", "slate")
    switch_until(faulty_page, "slate" if scheme == "default" else "default")
    switch_until(faulty_page, scheme)
    assert faulty_page.errors == []  # type: ignore[attr-defined]
