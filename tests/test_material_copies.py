"""The project's copies of Material's templates and inline scripts match the installed Material.

The site moves Material's inline scripts into files (so the pages' policy needs no
'unsafe-inline') and overrides its search partial. An upgrade of Material that changes any of
them must fail here, loudly, rather than leave a stale copy running.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest
import yaml

from .conftest import ROOT

TEMPLATES = Path(material.__file__).parent / "templates"

PORTED_FROM = {
    "partials/javascripts/base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
}
"""Material's files that the project rewrote by hand, with the sha256 of the version it rewrote
(Material 9.8.2): docs/assets/javascripts/material-scope.js and overrides/partials/search.html."""


def inline_script(partial: str) -> str:
    text = (TEMPLATES / partial).read_text(encoding="utf-8")
    match = re.search(r"<script>(.*?)</script>", text, re.S)
    assert match, f"{partial} has no inline script any more"
    return match.group(1)


def test_the_palette_script_is_materials_own() -> None:
    ours = (ROOT / "docs/assets/javascripts/material-palette.js").read_text(encoding="utf-8")
    code = [line for line in ours.splitlines() if line and not line.startswith("//")]
    assert code == [inline_script("partials/javascripts/palette.html")]


@pytest.mark.parametrize(("partial", "digest"), PORTED_FROM.items())
def test_hand_ported_files_are_unchanged_upstream(partial: str, digest: str) -> None:
    found = hashlib.sha256((TEMPLATES / partial).read_bytes()).hexdigest()
    assert found == digest, f"Material changed {partial}: port the change, then update PORTED_FROM"


def test_the_dropped_content_tabs_script_is_not_needed() -> None:
    text = (TEMPLATES / "partials/javascripts/content.html").read_text(encoding="utf-8")
    assert '{% if "content.tabs.link" in features %}' in text
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!", ""))
    assert "content.tabs.link" not in config["theme"]["features"]
