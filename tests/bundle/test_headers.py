"""The hosts' header files: generated from mkdocs.yml's policies, and applied by tests/serve.py
as each host applies them (Netlify and Cloudflare Pages' ``_headers``, nginx's locations), for a
site at the host's root and one under a path."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.headers import (
    FRAME_ANCESTORS,
    IMMUTABLE,
    Headers,
    base_path,
    header_files,
    header_policy,
    netlify_headers,
)
from kneeguide.bundle.inline import inline_scripts, with_inline
from kneeguide.bundle.pyodide import RUNTIME
from kneeguide.settings import read_settings

from ..conftest import ROOT
from ..serve import Host, host_headers, host_matcher, host_rules

POLICIES = {"default": "script-src 'self'", "calculator": "script-src 'self' 'wasm-unsafe-eval'"}
PAGES = {
    "/": "default",
    "/404.html": "default",
    "/about/": "default",
    "/calculator/": "calculator",
    "/exercises/": "default",
    "/exercises/clam-shell/": "default",
    "/mixed/": "default",
    "/mixed/wasm/": "calculator",
}
FILES = (
    "index.html",
    "404.html",
    "assets/javascripts/bundle.79ae519e.min.js",
    "assets/javascripts/program/page.js",
    "assets/javascripts/calculator/worker.js",
    "assets/stylesheets/main.57a0d79d.min.css",
    "assets/vendor/qrcode.mjs",
    "site.webmanifest",
    *(f"pyodide/314.0.7/{name}" for name in RUNTIME),
    "pyodide/314.0.7/python_stdlib-0123456789ab.zip",
    "pyodide/314.0.7/pyodide-lock.json",
    "pyodide/314.0.7/knee_guide_calculator-1.0.0-py3-none-any.whl",
)


Sender = functools.partial[dict[str, str]]
HOSTS: tuple[Host, ...] = ("netlify", "nginx")
BASES = ("/", "/knee/")


@pytest.fixture(params=[(h, b) for h in HOSTS for b in BASES], ids=lambda p: f"{p[0]}{p[1]}")
def sent(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Sender]:
    """(the site's base path, the headers a host sends for a path) for a copy whose
    ``site_url`` is ``https://physio.example.org<base>``, as that host matches its file."""
    host, base = request.param
    written = header_files(POLICIES, PAGES, FILES, f"https://physio.example.org{base}")
    for name, text in written.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return base, host_matcher(tmp_path, host)


def test_each_page_gets_exactly_its_own_policy(sent: tuple[str, Sender]) -> None:
    base, headers = sent
    for url, policy in PAGES.items():
        assert headers(base + url[1:])["Content-Security-Policy"] == header_policy(
            POLICIES[policy]
        ), url
    calculator = headers(f"{base}calculator/index.html")["Content-Security-Policy"]
    assert calculator == header_policy(POLICIES["calculator"])


@pytest.mark.parametrize("page", ["index.html", "404.html", "mixed/wasm/index.html"])
def test_the_root_page_and_the_404_page_get_their_policy(
    sent: tuple[str, Sender], page: str
) -> None:
    base, headers = sent
    policy = "calculator" if "wasm" in page else "default"
    assert headers(base + page)["Content-Security-Policy"] == header_policy(POLICIES[policy])


def test_the_worker_gets_its_page_policy_as_a_header(sent: tuple[str, Sender]) -> None:
    base, headers = sent
    policy = headers(f"{base}assets/javascripts/calculator/worker.js")["Content-Security-Policy"]
    assert policy == header_policy(POLICIES["calculator"])
    assert "'wasm-unsafe-eval'" in policy


def test_every_rule_carries_the_base_path(sent: tuple[str, Sender]) -> None:
    base, headers = sent
    if base == "/":
        return
    for path in ("/", "/calculator/", "/assets/javascripts/calculator/worker.js"):
        assert "Content-Security-Policy" not in headers(path), path


@pytest.mark.parametrize(
    "path", ["", "calculator/", "exercises/clam-shell/", "404.html", "anything", "sw.js"]
)
def test_every_response_carries_the_protective_headers(sent: tuple[str, Sender], path: str) -> None:
    base, headers = sent
    sent_here = headers(base + path)
    assert sent_here["X-Content-Type-Options"] == "nosniff"
    assert sent_here["Referrer-Policy"] == "no-referrer"
    assert sent_here["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in sent_here["Permissions-Policy"]
    assert "geolocation=()" in sent_here["Permissions-Policy"]
    if "Content-Security-Policy" in sent_here:
        assert sent_here["Content-Security-Policy"].endswith(f"; {FRAME_ANCESTORS}")


def test_only_pinned_and_hashed_files_are_immutable(sent: tuple[str, Sender]) -> None:
    base, headers = sent
    immutable = [f for f in FILES if headers(base + f).get("Cache-Control") == IMMUTABLE]
    assert sorted(immutable) == sorted(
        [
            "assets/javascripts/bundle.79ae519e.min.js",
            "assets/stylesheets/main.57a0d79d.min.css",
            *(f"pyodide/314.0.7/{name}" for name in RUNTIME),
            "pyodide/314.0.7/python_stdlib-0123456789ab.zip",
        ]
    )


def test_mime_types(sent: tuple[str, Sender]) -> None:
    base, headers = sent
    assert headers(f"{base}pyodide/314.0.7/pyodide.asm.wasm")["Content-Type"] == "application/wasm"
    assert headers(f"{base}assets/vendor/qrcode.mjs")["Content-Type"] == "text/javascript"
    assert headers(f"{base}site.webmanifest")["Content-Type"] == "application/manifest+json"
    assert "Content-Type" not in headers(f"{base}index.html")


def test_a_static_host_never_matches_two_policies(tmp_path: Path) -> None:
    # Netlify joins a header matched twice with a comma: two policies would both apply.
    for base in BASES:
        plan = Headers(POLICIES, PAGES, FILES, base)
        (tmp_path / "_headers").write_text(netlify_headers(plan))
        rules = host_rules(tmp_path)
        for path in [
            *PAGES,
            "/index.html",
            "/404.html",
            "/assets/javascripts/calculator/worker.js",
        ]:
            policy = host_headers(rules, base + path[1:])["Content-Security-Policy"]
            assert policy.count("script-src") == 1, path


def test_nginx_snippet_names_the_same_policies() -> None:
    nginx = header_files(POLICIES, PAGES, FILES, "https://physio.example.org/knee/")[
        "nginx.conf.example"
    ]
    assert "types { application/wasm wasm; text/javascript mjs;" in nginx
    assert "location /knee/calculator/ {\n" in nginx
    csp = header_policy(POLICIES["calculator"])
    assert f"""add_header Content-Security-Policy "{csp}" always;""" in nginx
    assert "location = /knee/assets/javascripts/calculator/worker.js {" in nginx
    assert "location = /knee/pyodide/314.0.7/pyodide.asm.wasm {" in nginx
    assert "error_page 404 /knee/404.html;" in nginx
    assert (
        "location = /knee/pyodide/314.0.7/pyodide-lock.json" not in nginx
    )  # remade by every build


@pytest.mark.parametrize(
    ("site_url", "base"),
    [
        (None, "/"),
        ("", "/"),
        ("https://knee-guide.example.org/", "/"),
        ("https://knee-guide.example.org", "/"),
        ("https://physio.example.org/knee/", "/knee/"),
        ("https://physio.example.org/clinic/knee", "/clinic/knee/"),
    ],
)
def test_the_base_path_comes_from_site_url(site_url: str | None, base: str) -> None:
    assert base_path(site_url) == base


@pytest.mark.parametrize(
    "site_url",
    [
        'https://x.example/a"b/',
        "https://x.example/a b/",
        "https://x.example/a;b/",
        "https://x.example/{x}/",
    ],
)
def test_a_path_that_would_break_a_header_file_is_refused(site_url: str) -> None:
    with pytest.raises(BundleError, match="site_url"):
        base_path(site_url)


def test_a_policy_as_a_header_forbids_framing_once() -> None:
    assert header_policy("script-src 'self'") == f"script-src 'self'; {FRAME_ANCESTORS}"
    assert header_policy("script-src 'self';") == f"script-src 'self'; {FRAME_ANCESTORS}"
    assert header_policy("frame-ancestors 'self'") == "frame-ancestors 'self'"


def test_the_built_site_carries_the_policies_of_mkdocs_yml(built_site: Path) -> None:
    """Each with the hashes of the scripts written into the pages, as the pages' own carry."""
    policies = with_inline(read_settings(ROOT / "mkdocs.yml")[1].csp, inline_scripts(ROOT / "docs"))
    rules = host_rules(built_site)
    calculator = host_headers(rules, "/calculator/")["Content-Security-Policy"]
    assert calculator == header_policy(policies["calculator"])
    program = host_headers(rules, "/program/")["Content-Security-Policy"]
    assert program == header_policy(policies["default"])
    for page in ("/", "/index.html", "/404.html"):
        assert host_headers(rules, page)["Content-Security-Policy"] == program, page
    assert (built_site / "nginx.conf.example").is_file()
