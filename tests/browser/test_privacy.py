"""Every page of the built site, crawled in Chromium: no request leaves the site, no cookie is
set, and the Content Security Policy is never violated (so it allows all the site needs)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser

from calculator import TYPICAL
from kneeguide.bundle.inline import inline_scripts, with_inline
from kneeguide.settings import read_settings

from ..conftest import ROOT
from ..serve import serve
from .calculator_page import SETTLED, open_calculator, set_form
from .inline_scripts import unallowed_scripts

WATCH_CSP = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def pages(site: Path) -> list[str]:
    return sorted(
        str(path.relative_to(site).parent).replace(".", "") for path in site.rglob("index.html")
    )


def test_crawl_every_page(browser: Browser, built_site: Path, site_url: str) -> None:
    origin = urlparse(site_url).netloc
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    outside: list[str] = []
    context.on(
        "request", lambda r: None if urlparse(r.url).netloc == origin else outside.append(r.url)
    )
    page = context.new_page()
    problems = []
    crawled = pages(built_site)
    assert len(crawled) >= 30
    for path in crawled:
        url = f"{site_url}{path}/" if path else site_url
        page.goto(url, wait_until="networkidle")
        violations = page.evaluate("window.__violations")
        if violations:
            problems.append((path, violations))
    cookies = context.cookies()
    context.close()
    assert outside == []
    assert cookies == []
    assert problems == []


def test_every_page_carries_a_strict_policy(built_site: Path) -> None:
    for page in built_site.rglob("index.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # a redirect from a former address: it has no content and no script
        assert '<meta http-equiv="Content-Security-Policy"' in html, page
        assert "unsafe-inline" not in html, page
        assert "'unsafe-eval'" not in html, page
        assert unallowed_scripts(html) == [], page


@pytest.mark.parametrize("policy", ["calculator"])
def test_calculator_works_under_the_policy_as_a_header(
    browser: Browser, built_site: Path, policy: str
) -> None:
    policies = with_inline(read_settings(ROOT / "mkdocs.yml")[1].csp, inline_scripts(ROOT / "docs"))
    header = {"Content-Security-Policy": policies[policy]}
    with serve(built_site, headers=header) as url:
        context = browser.new_context()
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        open_calculator(page, url)
        set_form(page, {**TYPICAL.to_json(), "severity": "mild"})
        page.wait_for_function(SETTLED)
        assert page.get_attribute("#calculator-result", "data-state") == "estimate"
        assert page.evaluate("window.__violations") == []
        context.close()
