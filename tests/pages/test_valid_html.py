"""The built site is valid HTML by the Nu Html Checker (vnu-jar, pinned in package-lock.json),
apart from errors in Material's own markup, each listed here narrowly."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from ..conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

MATERIAL = [
    # Material's drawer and search toggles are checkboxes with autocomplete="off".
    ("Attribute “autocomplete” is only allowed when the input type is", 'id="__drawer"'),
    ("Attribute “autocomplete” is only allowed when the input type is", 'id="__search"'),
    # Material's navigation labels the table-of-contents toggle even on pages that have none.
    ("The value of the “for” attribute of the “label” element must be the ID", 'for="__toc"'),
]
"""(start of the checker's message, text of the offending markup): Material's known errors."""

OWN_UNTIL_FIXED: list[tuple[str, str]] = []
"""Errors of the project's own that are known and not yet fixed: none."""


def test_no_html_errors_of_our_own(built_site: Path) -> None:
    assert shutil.which("java"), "the Nu Html Checker needs Java: run scripts/ensure-chromium.sh"
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            str(built_site),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    assert messages, "the checker reported nothing at all: is it checking the site?"
    own = [
        (m["url"].split(str(built_site) + "/", 1)[-1], m["message"])
        for m in messages
        if not any(
            m["message"].startswith(text) and markup in m.get("extract", "")
            for text, markup in MATERIAL
        )
    ]
    assert own == OWN_UNTIL_FIXED
