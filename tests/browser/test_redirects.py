"""A former exercise address, with or without a section anchor, lands on the exercise's new page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import mkdocs_build
from ..content_tree import renamed_clam_shell
from ..serve import serve
from ..test_mkdocs_plugin import fixture_project


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small site in which clam-shell was renamed clamshell."""
    root = tmp_path_factory.mktemp("renamed")
    config = fixture_project(root, renamed_clam_shell())
    result = mkdocs_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def arrive(page: Page, url: str) -> None:
    """Open ``url`` and wait until the browser has followed the redirect to the new page."""
    page.goto(url)
    page.wait_for_url("**/exercises/clamshell/**")
    page.wait_for_load_state("load")


@pytest.mark.parametrize("anchor", ["#steps", "#dosage", "#cautions"])
def test_former_address_keeps_the_anchor(page: Page, renamed_site: str, anchor: str) -> None:
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    arrive(page, f"{renamed_site}exercises/clam-shell/{anchor}")
    assert page.url == f"{renamed_site}exercises/clamshell/{anchor}"
    assert page.evaluate("location.hash") == anchor
    assert page.locator(f"h2{anchor}").is_visible()
    page.wait_for_function(
        "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.top < innerHeight / 2; }",
        arg=anchor[1:],
    )
    assert violations == []


def test_former_address_without_anchor(page: Page, renamed_site: str) -> None:
    arrive(page, f"{renamed_site}exercises/clam-shell/")
    assert page.url == f"{renamed_site}exercises/clamshell/"


def test_an_odd_fragment_is_not_carried(page: Page, renamed_site: str) -> None:
    arrive(page, f"{renamed_site}exercises/clam-shell/#a%22b<c>")
    assert page.url == f"{renamed_site}exercises/clamshell/"


def test_without_javascript_the_meta_refresh_still_redirects(
    browser: Browser, renamed_site: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    arrive(page, f"{renamed_site}exercises/clam-shell/#dosage")
    assert page.url.startswith(f"{renamed_site}exercises/clamshell/")
    context.close()
