from __future__ import annotations

import pytest

from ..golden_pages import GOLDEN, PAGES, rendered


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return rendered()


@pytest.mark.parametrize("path", PAGES)
def test_page_matches_golden(pages: dict[str, str], path: str) -> None:
    expected = (GOLDEN / path).read_text(encoding="utf-8")
    assert pages[path] == expected, f"{path} changed: review it, then run `make golden`"
