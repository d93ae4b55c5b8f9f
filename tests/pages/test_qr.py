"""The printed address under a QR code (kneeguide/pages/qr.py)."""

from __future__ import annotations

import re

import pytest

from kneeguide.pages.qr import printed_url


@pytest.mark.parametrize(
    ("url", "parts"),
    [
        (
            "https://knee-guide.example.org/exercises/clam-shell/",
            ["https://", "knee-guide.example.org/", "exercises/", "clam-shell/"],
        ),
        ("https://x.org/a-b", ["https://", "x.org/", "a-b"]),
        ("https://x.org/a&b/", ["https://", "x.org/", "a&amp;b/"]),
    ],
)
def test_the_address_is_cut_only_after_its_slashes(url: str, parts: list[str]) -> None:
    shown = printed_url(url)
    assert re.findall(r'<span class="kg-url__part">([^<]*)</span>', shown) == parts
    assert re.sub(r"<[^>]+>", "", shown).replace("&amp;", "&") == url
    assert shown.count("<wbr>") == len(parts) - 1
