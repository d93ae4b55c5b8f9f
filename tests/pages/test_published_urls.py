"""Every URL ever published keeps answering: as its page, or as a redirect to its new place."""

from __future__ import annotations

import re
from pathlib import Path

from kneeguide.content.catalog import Catalog
from kneeguide.pages.plan import merged_manifest, published_urls

from ..conftest import ROOT, mkdocs_build
from ..content_tree import renamed_clam_shell
from ..test_mkdocs_plugin import fixture_project

MANIFEST = ROOT / "published-urls.txt"
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def manifest() -> list[str]:
    return MANIFEST.read_text(encoding="utf-8").split()


def test_manifest_lists_exercises_first() -> None:
    urls = manifest()
    assert urls[0].startswith("/exercises/")
    assert len(urls) == len(set(urls))


def test_every_published_url_still_answers(built_site: Path) -> None:
    missing = []
    for url in manifest():
        page = built_site / url.strip("/") / "index.html"
        if not page.is_file():
            missing.append(url)
            continue
        redirect = REFRESH.search(page.read_text(encoding="utf-8"))
        if redirect and not (page.parent / redirect.group(1) / "index.html").resolve().is_file():
            missing.append(f"{url} -> {redirect.group(1)}")
    assert not missing, "published URLs that no longer answer (add a former_slugs redirect)"


def test_every_page_is_in_the_manifest(catalog: Catalog) -> None:
    new = [url for url in published_urls(catalog) if url not in manifest()]
    assert not new, "new pages: run `make urls` and commit published-urls.txt"


def test_merging_never_drops_a_url() -> None:
    assert merged_manifest(["/a/", "/b/"], ["/b/", "/c/"]) == ["/a/", "/b/", "/c/"]


def test_former_slug_redirects_to_the_current_page(tmp_path: Path) -> None:
    config = fixture_project(tmp_path, renamed_clam_shell())
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    old = (site / "exercises" / "clam-shell" / "index.html").read_text(encoding="utf-8")
    assert REFRESH.search(old).group(1) == "../clamshell/"  # type: ignore[union-attr]
    assert '<link rel="canonical" href="../clamshell/">' in old
    # The script that keeps the #anchor is served from the site (tests/browser/test_redirects.py).
    script = re.search(r'<script src="([^"]+)"></script>', old)
    assert script is not None
    assert (site / "exercises" / "clam-shell" / script.group(1)).resolve().is_file()
    assert (site / "exercises" / "clamshell" / "index.html").is_file()
