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
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
}
"""Material's files that the project rewrote by hand, with the sha256 of the version it rewrote
(Material 9.8.2): overrides/partials/search.html."""

MATERIAL_SCOPE = '__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location),'
"""How Material's start-up script sets the site's scope; the copy takes it from its own address."""


def inline_script(partial: str) -> str:
    text = (TEMPLATES / partial).read_text(encoding="utf-8")
    match = re.search(r"<script>(.*?)</script>", text, re.S)
    assert match, f"{partial} has no inline script any more"
    return match.group(1)


def test_the_palette_script_is_materials_own() -> None:
    ours = (ROOT / "docs/assets/javascripts/inline/material-palette.js").read_text(encoding="utf-8")
    code = [line for line in ours.splitlines() if line and not line.startswith("//")]
    assert code == [inline_script("partials/javascripts/palette.html")]


def test_the_scope_script_is_materials_own_inside_the_guard() -> None:
    # The copy holds Material's code on one line, unchanged, between the scope (set from the
    # file's own address) and the guard that keeps blocked or damaged storage from throwing.
    ours = (ROOT / "docs/assets/javascripts/inline/material-scope.js").read_text(encoding="utf-8")
    code = [line for line in ours.splitlines() if line and not line.lstrip().startswith("//")]
    material = inline_script("partials/javascripts/base.html")
    assert material.startswith(MATERIAL_SCOPE), "Material changed how it sets the scope: port it"
    assert code[0].startswith("__md_scope = new URL(")
    assert code[1] == material.removeprefix(MATERIAL_SCOPE)
    guard = "\n".join(code[2:])
    assert "const get = __md_get;" in guard
    assert "const set = __md_set;" in guard
    assert guard.count("try {") == 2


@pytest.mark.parametrize(("partial", "digest"), PORTED_FROM.items())
def test_hand_ported_files_are_unchanged_upstream(partial: str, digest: str) -> None:
    found = hashlib.sha256((TEMPLATES / partial).read_bytes()).hexdigest()
    assert found == digest, f"Material changed {partial}: port the change, then update PORTED_FROM"


def test_the_dropped_content_tabs_script_is_not_needed() -> None:
    text = (TEMPLATES / "partials/javascripts/content.html").read_text(encoding="utf-8")
    assert '{% if "content.tabs.link" in features %}' in text
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!", ""))
    assert "content.tabs.link" not in config["theme"]["features"]
