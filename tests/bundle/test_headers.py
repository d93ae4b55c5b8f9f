"""The hosts' header files: generated from mkdocs.yml's policies, and applied by tests/serve.py."""

from __future__ import annotations

from pathlib import Path

from kneeguide.bundle.headers import IMMUTABLE, Headers, header_files, netlify_headers
from kneeguide.bundle.pyodide import RUNTIME
from kneeguide.settings import read_settings

from ..conftest import ROOT
from ..serve import host_headers, host_rules

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
    "assets/javascripts/bundle.79ae519e.min.js",
    "assets/javascripts/program/page.js",
    "assets/javascripts/calculator/worker.js",
    "assets/stylesheets/main.57a0d79d.min.css",
    "assets/vendor/qrcode.mjs",
    "site.webmanifest",
    *(f"pyodide/314.0.7/{name}" for name in RUNTIME),
    "pyodide/314.0.7/pyodide-lock.json",
    "pyodide/314.0.7/knee_guide_calculator-1.0.0-py3-none-any.whl",
)


def served(path: str, tmp_path: Path) -> dict[str, str]:
    """The headers tests/serve.py sends for ``path`` with the generated ``_headers``."""
    (tmp_path / "_headers").write_text(netlify_headers(Headers(POLICIES, PAGES, FILES)))
    return host_headers(host_rules(tmp_path), path)


def test_each_page_gets_exactly_its_own_policy(tmp_path: Path) -> None:
    for url, policy in PAGES.items():
        assert served(url, tmp_path)["Content-Security-Policy"] == POLICIES[policy], url
    assert (
        served("/calculator/index.html", tmp_path)["Content-Security-Policy"]
        == (POLICIES["calculator"])
    )


def test_the_worker_gets_its_page_policy_as_a_header(tmp_path: Path) -> None:
    headers = served("/assets/javascripts/calculator/worker.js", tmp_path)
    assert headers["Content-Security-Policy"] == POLICIES["calculator"]


def test_only_pinned_and_hashed_files_are_immutable(tmp_path: Path) -> None:
    immutable = [f for f in FILES if served(f"/{f}", tmp_path).get("Cache-Control") == IMMUTABLE]
    assert sorted(immutable) == sorted(
        [
            "assets/javascripts/bundle.79ae519e.min.js",
            "assets/stylesheets/main.57a0d79d.min.css",
            *(f"pyodide/314.0.7/{name}" for name in RUNTIME),
        ]
    )


def test_mime_types(tmp_path: Path) -> None:
    assert (
        served("/pyodide/314.0.7/pyodide.asm.wasm", tmp_path)["Content-Type"] == "application/wasm"
    )
    assert served("/assets/vendor/qrcode.mjs", tmp_path)["Content-Type"] == "text/javascript"
    assert served("/site.webmanifest", tmp_path)["Content-Type"] == "application/manifest+json"
    assert "Content-Type" not in served("/index.html", tmp_path)


def test_every_response_is_nosniff(tmp_path: Path) -> None:
    assert served("/anything", tmp_path)["X-Content-Type-Options"] == "nosniff"


def test_nginx_snippet_names_the_same_policies() -> None:
    nginx = header_files(POLICIES, PAGES, FILES)["nginx.conf.example"]
    assert "types { application/wasm wasm; text/javascript mjs;" in nginx
    assert "location /calculator/ {\n" in nginx
    assert f"""add_header Content-Security-Policy "{POLICIES["calculator"]}" always;""" in nginx
    assert "location = /assets/javascripts/calculator/worker.js {" in nginx
    assert "location = /pyodide/314.0.7/pyodide.asm.wasm {" in nginx
    assert "location = /pyodide/314.0.7/pyodide-lock.json" not in nginx  # remade by every build


def test_the_built_site_carries_the_policies_of_mkdocs_yml(built_site: Path) -> None:
    policies = read_settings(ROOT / "mkdocs.yml")[1].csp
    rules = host_rules(built_site)
    assert host_headers(rules, "/calculator/")["Content-Security-Policy"] == policies["calculator"]
    assert host_headers(rules, "/program/")["Content-Security-Policy"] == policies["default"]
    assert (built_site / "nginx.conf.example").is_file()
