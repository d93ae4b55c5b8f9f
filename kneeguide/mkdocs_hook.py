"""The only MkDocs-specific code: generate the guide's pages during the build.

``on_pre_build`` validates and renders, and builds the estimator's wheel for Pyodide, before
MkDocs cleans ``site/``, so bad content stops the build with every problem listed and leaves any
previous site untouched. ``on_files`` adds the
pages in memory (nothing is written into ``docs/``), and ``watch:`` in ``mkdocs.yml`` makes
``mkdocs serve`` rebuild when a YAML file or template changes.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.headers import header_files
from kneeguide.bundle.npm import vendor_files
from kneeguide.bundle.pyodide import bundle
from kneeguide.bundle.service_worker import write_service_worker
from kneeguide.content.errors import ContentError
from kneeguide.pages import qr
from kneeguide.pages.render import Clinic
from kneeguide.pipeline import build_pages

log = logging.getLogger("mkdocs.hooks.kneeguide")
PLACEHOLDER_HOST = "knee-guide.example.org"

_pages: dict[str, str] = {}
_static: dict[str, Path] = {}
_policies: dict[str, str] = {}
"""URL path of each page built -> the name of its Content Security Policy."""
COMMAND = "KNEEGUIDE_MKDOCS_COMMAND"
"""Where the MkDocs command is kept: ``mkdocs serve`` re-imports this file on every rebuild, so
module state would not last, while the process environment does."""


def on_startup(command: str, dirty: bool) -> None:
    os.environ[COMMAND] = command


def placeholder_warning(site_url: str | None) -> str | None:
    """The warning to print when ``site_url`` is missing or still the placeholder."""
    if site_url and PLACEHOLDER_HOST not in site_url:
        return None
    return (
        f"PLACEHOLDER ADDRESS: site_url in mkdocs.yml is {site_url or 'not set'}. The QR codes on "
        "printed handouts and the canonical links will point to an address that does not exist. "
        "Before publishing, set site_url to the address this copy is served from (README: "
        "'Publish your own copy')."
    )


def clinic_of(config: MkDocsConfig) -> Clinic | None:
    """``extra.clinic: {name, contact}`` from ``mkdocs.yml``, shown on printed handouts."""
    given: Any = config.extra.get("clinic")
    if given is None:
        return None
    if (
        not isinstance(given, dict)
        or not isinstance(given.get("name"), str)
        or not given["name"].strip()
        or not isinstance(given.get("contact", ""), str)
        or set(given) - {"name", "contact"}
    ):
        raise PluginError(
            "extra.clinic in mkdocs.yml must be {name: text, contact: text}; contact is optional"
        )
    return Clinic(name=given["name"].strip(), contact=given.get("contact", "").strip())


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Warn about a placeholder ``site_url``. Under ``mkdocs serve`` only, let the live-reload
    script MkDocs injects inline run.

    The warning is logged at INFO, which MkDocs prints on every build, not at WARNING: the
    project's own ``mkdocs.yml`` carries the placeholder and sets ``strict: true`` (so every
    ``make build`` and every test build would fail); a copy being published sets its address."""
    warning = placeholder_warning(config.site_url)
    if warning:
        log.info(warning)
    clinic_of(config)  # a malformed clinic stops the build here, before anything else
    if os.environ.get(COMMAND) == "serve":
        policies = config.extra.get("csp", {})
        for name, policy in policies.items():
            policies[name] = policy.replace(
                "script-src 'self'", "script-src 'self' 'unsafe-inline'"
            )
    return config


def project_folder(config: MkDocsConfig) -> Path:
    """The folder of ``mkdocs.yml``, holding ``content/``, ``node_modules/`` and ``build/``."""
    return Path(config.config_file_path).parent


def on_pre_build(config: MkDocsConfig) -> None:
    project = project_folder(config)
    qr.cache_in(project / "build" / "qr")
    try:
        runtime = bundle(project, project / "build" / "pyodide")
        download = sum(path.stat().st_size for path in runtime.values())
        pages = build_pages(
            project / "content",
            config.site_url or "",
            download_bytes=download,
            clinic=clinic_of(config),
        )
        static = runtime | vendor_files(project)
    except (ContentError, BundleError) as error:
        raise PluginError(str(error)) from None
    _pages.clear()
    _pages.update(pages)
    _static.clear()
    _static.update(static)
    _policies.clear()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, markdown in _pages.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} clashes with the generated page of the same path")
        files.append(File.generated(config, path, content=markdown))
    for path, source in _static.items():
        files.append(File.generated(config, path, abs_src_path=str(source)))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    _policies["/" + page.url] = page.meta.get("csp") or "default"
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Write the service worker, then the hosts' header files beside the pages (both need the
    final list of files)."""
    site = Path(config.site_dir)
    try:
        precache = write_service_worker(site)
    except BundleError as error:
        raise PluginError(str(error)) from None
    log.info("Service worker: %d files precached, %.0f KB", precache.count, precache.size / 1024)
    files = [str(p.relative_to(site)) for p in site.rglob("*") if p.is_file()]
    for path, text in header_files(config.extra["csp"], _policies, files).items():
        (site / path).write_text(text, encoding="utf-8")
