"""Every internal link and #anchor in the built site resolves: a crawl of the HTML itself."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from kneeguide.content.catalog import Catalog
from kneeguide.content.models import DOI, URL


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.citations: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name):
                self.ids.add(str(values[name]))
        for name in ("href", "src"):
            if values.get(name) and tag in {"a", "link", "script", "img", "source", "iframe"}:
                self.links.append(str(values[name]))
        if tag == "a" and "citation" in (values.get("class") or "").split():
            self.citations.append(str(values.get("href")))


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def target_file(site: Path, page: Path, link: str) -> Path | None:
    """The file an internal link points at, or None for an external one."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
        return None
    if not parts.path:
        return page
    base = "/" + str(page.parent.relative_to(site)).replace(".", "")
    path = posixpath.normpath(posixpath.join(base.rstrip("/") + "/", unquote(parts.path)))
    resolved = site / path.lstrip("/")
    return resolved / "index.html" if parts.path.endswith("/") or resolved.is_dir() else resolved


@pytest.fixture(scope="module")
def parsed(built_site: Path) -> dict[Path, Page]:
    return {path: parse(path) for path in built_site.rglob("*.html")}


def test_every_internal_link_and_anchor_resolves(
    built_site: Path, parsed: dict[Path, Page]
) -> None:
    broken = []
    checked = 0
    for page, content in parsed.items():
        for link in content.links:
            target = target_file(built_site, page, link)
            if target is None:
                continue
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)}: {link}")
                continue
            fragment = urlsplit(link).fragment
            if fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                broken.append(f"{page.relative_to(built_site)}: {link} (no #{fragment})")
    assert checked > 1000
    assert broken == []


def test_every_citation_points_at_a_reference(
    built_site: Path, parsed: dict[Path, Page], catalog: Catalog
) -> None:
    references = parsed[built_site / "references" / "index.html"].ids
    cited = set()
    for page, content in parsed.items():
        for link in content.citations:
            assert urlsplit(link).path.endswith("references/"), f"{page}: {link}"
            fragment = urlsplit(link).fragment
            assert fragment in references, f"{page}: {link}"
            cited.add(fragment)
    assert cited == {f"ref-{r.slug}" for r in catalog.references}, (
        "every reference is cited somewhere"
    )


def test_every_reference_has_a_well_formed_doi_or_url(catalog: Catalog) -> None:
    for reference in catalog.references:
        assert reference.doi or reference.url
        assert reference.doi is None or DOI.match(reference.doi)
        assert reference.url is None or URL.match(reference.url)
        assert reference.link.startswith("https://")
