"""The site under the headers the build writes for hosts (issue 22), applied as each host applies
them, with the site at the host's root and under a path (``site_url`` with ``/knee/``, the
README's own example): the calculator, the program and an exercise page work, every page gets its
Content Security Policy as a header, the calculator's worker gets ``'wasm-unsafe-eval'``, and the
console shows no policy violation or header error.

The copy under a path is built here with its own ``site_url``. Its header files are written by
the same function the build calls, given that ``site_url``; the MkDocs hook does not yet pass it
(``test_the_build_writes_its_header_files_for_its_site_url`` marks that as an expected failure).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Response

from calculator import TYPICAL
from kneeguide.bundle.headers import header_files, header_policy
from kneeguide.bundle.inline import inline_scripts, with_inline
from kneeguide.settings import read_settings

from ..conftest import ROOT, mkdocs_build
from ..serve import Host, serve
from .calculator_page import SETTLED, open_calculator, set_form

UNDER_A_PATH = "https://physio.example.org/knee/"
POLICIES: dict[str, str] = with_inline(
    read_settings(ROOT / "mkdocs.yml")[1].csp, inline_scripts(ROOT / "docs")
)
"""mkdocs.yml's policies as the build gives them: allowing the scripts written into the pages."""

WATCH_CSP = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
HEADER_TROUBLE = re.compile(
    r"Content.Security.Policy|Refused to|Permissions.Policy|Cross-Origin-Opener-Policy|"
    r"frame-ancestors",
    re.IGNORECASE,
)
"""Console messages about a policy: a violation, or a header the browser could not read."""


def page_policies(site: Path) -> dict[str, str]:
    """Each page's policy name, read from the ``<meta>`` policy the page carries (the plugin
    records the same, from each page's front matter)."""
    by_value = {value: name for name, value in POLICIES.items()}
    pages: dict[str, str] = {}
    for html in site.rglob("index.html"):
        meta = re.search(
            r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">',
            html.read_text(encoding="utf-8"),
        )
        if meta is not None and meta.group(1) in by_value:
            folder = html.parent.relative_to(site).as_posix()
            pages["/" if folder == "." else f"/{folder}/"] = by_value[meta.group(1)]
    return pages


def write_header_files(site: Path, site_url: str) -> None:
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    for name, text in header_files(POLICIES, page_policies(site), files, site_url).items():
        (site / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site_under_a_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content built with ``site_url`` under a path: the build's own header files."""
    project = tmp_path_factory.mktemp("under-a-path")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        re.sub(r"(?m)^site_url: .*$", f"site_url: {UNDER_A_PATH}", text), encoding="utf-8"
    )
    for shared in ("content", "kneeguide", "calculator", "node_modules", "overrides"):
        (project / shared).symlink_to(ROOT / shared)
    shutil.copytree(ROOT / "docs", project / "docs")
    site = project / "site"
    result = mkdocs_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def sites(built_site: Path, site_under_a_path: Path) -> dict[str, tuple[Path, str]]:
    """(built site, the path it is served under), at the root and under a path."""
    under = site_under_a_path.parent / "served"
    if not under.exists():
        shutil.copytree(site_under_a_path, under)
    return {"/": (built_site, "/"), "/knee/": (under, "/knee/")}


class Watch:
    """What the browser saw: each document's and worker script's policy header, and console
    messages about a policy."""

    def __init__(self, page: Page) -> None:
        self.documents: dict[str, str | None] = {}
        self.workers: dict[str, str | None] = {}
        self.console: list[str] = []
        page.on("response", self.response)
        page.on("console", self.message)
        page.on("worker", lambda worker: worker.on("console", self.message))

    def response(self, response: Response) -> None:
        policy = response.headers.get("content-security-policy")
        if response.request.resource_type == "document":
            self.documents[response.url] = policy
        if response.url.endswith("/calculator/worker.js"):
            self.workers[response.url] = policy

    def message(self, message: ConsoleMessage) -> None:
        if HEADER_TROUBLE.search(message.text):
            self.console.append(f"{message.type}: {message.text}")


@pytest.fixture(
    params=[("netlify", "/"), ("netlify", "/knee/"), ("nginx", "/"), ("nginx", "/knee/")],
    ids=lambda p: f"{p[0]}-at-{p[1].strip('/') or 'root'}",
)
def hosted(
    request: pytest.FixtureRequest, browser: Browser, sites: dict[str, tuple[Path, str]]
) -> Iterator[tuple[Page, Watch, str]]:
    host: Host = request.param[0]
    site, base = sites[request.param[1]]
    with serve(site, host=host, base=base) as url:
        context = browser.new_context()
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        yield page, Watch(page), url
        context.close()


def assert_clean(page: Page, watch: Watch, policy: str) -> None:
    assert watch.documents, "no page was loaded"
    for address, sent in watch.documents.items():
        assert sent == header_policy(POLICIES[policy]), address
    assert page.evaluate("window.__violations") == []
    assert watch.console == []


def test_the_calculator(hosted: tuple[Page, Watch, str]) -> None:
    page, watch, url = hosted
    open_calculator(page, url)
    inputs: dict[str, Any] = {**TYPICAL.to_json(), "severity": "mild"}
    set_form(page, inputs)
    page.wait_for_function(SETTLED)
    assert page.get_attribute("#calculator-result", "data-state") == "estimate"
    assert page.get_attribute("#calculator-result", "data-python") is not None
    assert len(watch.workers) == 1
    (worker_policy,) = watch.workers.values()
    assert worker_policy == header_policy(POLICIES["calculator"])
    assert "'wasm-unsafe-eval'" in worker_policy
    assert_clean(page, watch, "calculator")


def test_the_program(hosted: tuple[Page, Watch, str]) -> None:
    page, watch, url = hosted
    page.goto(f"{url}program/")
    page.click('[data-template="rebuild-strength"]')
    page.wait_for_selector("#program-items > li")
    assert page.locator("#program-items > li").count() == 4
    page.wait_for_load_state("networkidle")
    assert_clean(page, watch, "default")


@pytest.mark.parametrize(
    "path",
    ["", "index.html", "404.html", "exercises/clam-shell/", "exercises/clam-shell/index.html"],
)
def test_an_exercise_the_home_page_and_the_404_page(
    hosted: tuple[Page, Watch, str], path: str
) -> None:
    page, watch, url = hosted
    page.goto(f"{url}{path}", wait_until="networkidle")
    assert page.locator("h1").count() == 1
    assert_clean(page, watch, "default")


def test_the_build_writes_its_header_files_for_its_site_url(
    site_under_a_path: Path, tmp_path: Path
) -> None:
    shutil.copytree(site_under_a_path, tmp_path / "site")
    write_header_files(tmp_path / "site", UNDER_A_PATH)
    for name in ("_headers", "nginx.conf.example"):
        built = (site_under_a_path / name).read_text(encoding="utf-8")
        assert built == (tmp_path / "site" / name).read_text(encoding="utf-8"), name
