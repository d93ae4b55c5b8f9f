"""The site's search as a reader uses it on a phone, on the index the build writes."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

QUERIES = Path(__file__).with_name("search_queries.txt")
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}


def reader_queries() -> list[tuple[str, str]]:
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    pairs = [line.split(" -> ") for line in lines if line.strip() and not line.startswith("#")]
    return [(words, page) for words, page in pairs]


def search_on_a_phone(page: Page, site_url: str, words: str) -> list[str]:
    """The pages the search lists for ``words``, best first."""
    page.goto(site_url)
    page.click('label.md-header__button[for="__search"]')
    page.keyboard.type(words)  # Material listens to key events
    page.wait_for_selector(".md-search-result__item")
    hrefs = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"
    )
    return [href for href in hrefs if "#" not in href]


@pytest.fixture
def phone(browser: Browser) -> Any:
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(("words", "wanted"), reader_queries())
def test_readers_words_find_the_page(phone: Page, site_url: str, words: str, wanted: str) -> None:
    found = search_on_a_phone(phone, site_url, words)
    assert f"/{wanted}" in found[:3], found[:5]


def test_references_are_not_searched(phone: Page, site_url: str) -> None:
    found = search_on_a_phone(phone, site_url, "stairs")
    assert not [href for href in found if "references" in href]


def test_result_tags_are_words_of_the_content(built_site: Path) -> None:
    """The tags shown beside a result are words the content wrote, never made-up forms."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    content = " ".join(
        path.read_text(encoding="utf-8").lower()
        for path in (Path(__file__).parents[2] / "content").rglob("*.yaml")
    )
    written = set(re.findall(r"[a-z]+", content))
    tags = {tag for doc in index["docs"] for tag in doc.get("tags", [])}
    assert tags
    assert sorted(tags - written) == []
