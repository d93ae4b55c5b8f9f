"""Plain text reaches the pages as text (issue 22): every name, heading, term and other
non-Markdown string is escaped before Markdown, and front matter is written by a YAML serializer.

The validator refuses markup in content (tests/content/test_injection.py); these tests take it
away: they render a catalog whose every plain string holds markup, as if the validator had let
it through, and look at the HTML that Python-Markdown (with the site's extensions) makes of it.
"""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import Figure
from kneeguide.content.models import Exercise
from kneeguide.pages.render import escape_text, front_matter, render_pages

from ..conftest import mkdocs_build
from ..content_tree import MINIMAL
from ..test_mkdocs_plugin import fixture_project

PAYLOAD = 'Pay*em* _un_ [l](javascript:alert(1)) <b>bold</b> {: #inj } a|b `code` # &amp; "q" \\'
"""Markup of every kind Markdown or HTML would act on, ending in a backslash."""

MARKDOWN = {(Exercise, "summary"), (Exercise, "steps")}
"""Fields written in Markdown that are not claims (claims are Markdown too)."""
IDENTIFIERS = {"slug", "code", "factor", "phase", "answer", "number", "former_slugs", "claims"}
IDENTIFIERS |= {"doi", "url"}
"""Strings that name things rather than say them: their own rules hold them."""


def is_text(hint: Any) -> bool:
    args = [a for a in typing.get_args(hint) if a is not type(None) and a is not Ellipsis]
    return hint is str or (bool(args) and all(a is str for a in args))


def hostile(value: Any) -> Any:
    """``value`` with every plain string field replaced by (or, in a list, set to) PAYLOAD."""
    if isinstance(value, tuple):
        return tuple(hostile(item) for item in value)
    if not dataclasses.is_dataclass(value) or isinstance(value, type | Figure):
        return value  # a figure's strings name joints and props: they are drawn, not shown
    hints = typing.get_type_hints(type(value))
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(value):
        current = getattr(value, field.name)
        plain = (
            is_text(hints[field.name])
            and not field.metadata.get("claim")
            and "links" not in field.metadata
            and (type(value), field.name) not in MARKDOWN
            and field.name not in IDENTIFIERS
        )
        if plain and isinstance(current, str):
            changes[field.name] = PAYLOAD
        elif plain and isinstance(current, tuple):
            changes[field.name] = tuple(PAYLOAD for _ in current)
        else:
            changes[field.name] = hostile(current)
    return dataclasses.replace(value, **changes)


def to_html(page: str) -> str:
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    converter = markdown.Markdown(
        extensions=["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc"]
    )
    return converter.convert(body)


@pytest.fixture(scope="module")
def hostile_pages(catalog: Catalog) -> dict[str, str]:
    changed = {f.name: hostile(getattr(catalog, f.name)) for f in dataclasses.fields(catalog)}
    return render_pages(Catalog(**changed))


def test_the_payload_reaches_most_pages(hostile_pages: dict[str, str]) -> None:
    reached = [path for path, page in hostile_pages.items() if "&lt;b&gt;bold" in to_html(page)]
    assert len(reached) >= 20, reached


@pytest.mark.parametrize(
    "markup",
    [
        "<b>bold</b>",
        "<em>em</em>",
        "<em>un</em>",
        'href="javascript:',
        'id="inj"',
        "<code>code</code>",
        "<td>b",
    ],
)
def test_no_plain_string_becomes_markup(hostile_pages: dict[str, str], markup: str) -> None:
    found = [path for path, page in hostile_pages.items() if markup in to_html(page)]
    assert found == []


def test_every_front_matter_still_parses_to_the_same_words(hostile_pages: dict[str, str]) -> None:
    for path, page in hostile_pages.items():
        if not page.startswith("---\n"):
            continue
        meta = yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))
        assert isinstance(meta, dict), path
        assert set(meta) <= {
            "title",
            "description",
            "template",
            "csp",
            "tags",
            "offline",
            "hide",
            "search",
        }, path
        if PAYLOAD[:10] in page.split("\n---\n", 1)[0]:
            title = PAYLOAD.replace("<", "&lt;").replace(">", "&gt;")
            assert meta["title"].startswith(title) or PAYLOAD in meta.get("tags", []), path


def test_front_matter_survives_a_backslash_and_quotes() -> None:
    written = front_matter(
        {
            "title": 'Clam "shell" <2 \\',
            "description": 'It\'s a "clam": <2/10 & \\',
            "template": "exercise.html",
            "csp": None,
            "tags": ["clam", "shell"],
        }
    )
    assert written.startswith("---\n")
    assert written.endswith("\n---")
    assert yaml.safe_load(written.strip("-\n")) == {
        "title": 'Clam "shell" &lt;2 \\',
        "description": "It's a &quot;clam&quot;: &lt;2/10 &amp; \\",
        "template": "exercise.html",
        "tags": ["clam", "shell"],
    }


def test_escaped_text_is_one_line_of_character_references() -> None:
    assert escape_text("Clam\n  *shell* [1] A&E") == "Clam &ast;shell&ast; &lsqb;1&rsqb; A&amp;E"
    html = to_html(f"## {escape_text(PAYLOAD)}\n\n| {escape_text('a|b')} | c |\n| - | - |\n")
    assert "<b>" not in html
    assert "<em>" not in html
    assert "<code>" not in html
    assert "<th>a&vert;b</th>" in html


def test_a_backslash_or_quote_in_a_name_keeps_the_built_page_whole(tmp_path: Path) -> None:
    name = 'Clam "shell" \\'
    exercise = (
        MINIMAL["exercises/clam-shell.yaml"]
        .replace("name: Clam shell", f"name: '{name}'")
        .replace("summary: Open the knee like a clam.", 'summary: Open the "clam", \\ slowly.')
    )
    config = fixture_project(tmp_path, {"exercises/clam-shell.yaml": exercise})
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "exercises" / "clam-shell" / "index.html").read_text()
    assert '<title>Clam "shell" \\: exercise for runner\'s knee - Knee Guide</title>' in html
    assert '<meta name="description" content="Open the &quot;clam&quot;, \\ slowly.">' in html
    assert "\ntitle:" not in html
    assert "description:" not in html


def test_every_real_page_has_a_title_and_description(catalog: Catalog) -> None:
    for path, page in render_pages(catalog).items():
        meta = yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))
        assert meta["title"], path
        assert meta["description"], path
