"""The scripts written into a built page, each of which its own policy must allow by its hash."""

from __future__ import annotations

import re

from kneeguide.bundle.inline import source_of

SCRIPT = re.compile(r"<script(?P<attributes>[^>]*)>(?P<text>.*?)</script>", re.S)
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def unallowed_scripts(html: str) -> list[str]:
    """The start of each script written into the page that its policy does not allow by its
    hash (a data block, such as Material's configuration, is no script)."""
    policy = POLICY.search(html)
    assert policy, "the page has no policy"
    found: list[str] = []
    for script in SCRIPT.finditer(html):
        attributes = script["attributes"]
        if "src=" in attributes or 'type="application/json"' in attributes:
            continue
        if source_of(script["text"]) not in re.split(r"[;\s]+", policy.group(1)):
            found.append(script["text"][:80])
    return found
