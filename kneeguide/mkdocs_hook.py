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
from kneeguide.pipeline import build_pages

log = logging.getLogger("mkdocs.plugins.kneeguide")
_pages: dict[str, str] = {}
_static: dict[str, Path] = {}
_policies: dict[str, str] = {}
"""URL path of each page built -> the name of its Content Security Policy."""
COMMAND = "KNEEGUIDE_MKDOCS_COMMAND"
"""Where the MkDocs command is kept: ``mkdocs serve`` re-imports this file on every rebuild, so
module state would not last, while the process environment does."""


def on_startup(command: str, dirty: bool) -> None:
    os.environ[COMMAND] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Under ``mkdocs serve`` only, let the live-reload script MkDocs injects inline run."""
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
    try:
        pages = build_pages(project / "content", config.site_url or "")
        static = bundle(project, project / "build" / "pyodide") | vendor_files(project)
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
