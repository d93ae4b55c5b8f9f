"""Everything the generator adds to a site, as data: the rendered pages, the files the browser
loads (Pyodide, the estimator's wheel, vendored scripts). The same for every site engine: the MkDocs plugin adds it to a build in memory; ``python -m
kneeguide build`` writes it into a folder another engine (Zensical) builds.

After the engine has written the site, ``finish`` adds what needs the finished files: the
service worker's precache list and the hosts' header files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.headers import header_files
from kneeguide.bundle.inline import INLINE_ONLY
from kneeguide.bundle.npm import vendor_files
from kneeguide.bundle.pyodide import start_bundle
from kneeguide.bundle.service_worker import Precache, site_files_of, write_service_worker
from kneeguide.pages.render import Clinic
from kneeguide.pages.urls import url_of
from kneeguide.pipeline import build_pages


@dataclass(frozen=True)
class SiteFiles:
    """What the generator adds to a site, by path in the site's source folder."""

    pages: Mapping[str, str]
    """Generated pages: Markdown (``.md``), finished HTML (redirects) and figures (``.svg``)."""
    files: Mapping[str, Path]
    """Files copied as they are: the Pyodide runtime, the wheel and lock, vendored scripts."""


def site_files(project: Path, site_url: str = "", clinic: Clinic | None = None) -> SiteFiles:
    """Validate and render the content under ``project``, and gather the browser's files.
    Raises ContentError or BundleError, before anything is written."""
    runtime = start_bundle(project, project / "build" / "pyodide")
    pages = build_pages(
        project / "content",
        site_url,
        download_bytes=lambda: sum(path.stat().st_size for path in runtime().values()),
        clinic=clinic,
        cache=project / "build",
    )
    return SiteFiles(
        pages=pages,
        files=runtime() | vendor_files(project),
    )


def write(files: SiteFiles, docs: Path, out: Path) -> int:
    """Write a complete source folder for a site engine into ``out``: the static files of
    ``docs`` (not the scripts written into the pages) with the generated files over them.
    Returns the number of files written."""
    written = 0
    for source in sorted(docs.rglob("*")):
        if source.is_file() and not source.relative_to(docs).as_posix().startswith(INLINE_ONLY):
            target = out / source.relative_to(docs)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
            written += 1
    for path, text in files.pages.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
    for path, source in files.files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
        written += 1
    return written


def finish(
    site: Path,
    policies: Mapping[str, str],
    csp: Mapping[str, str],
    site_url: str,
    *,
    offline: bool = True,
    project: Path | None = None,
) -> Precache | None:
    """Write the service worker (unless ``offline`` is off, as in a preview; reused from the
    ``project``'s build cache when the built files are the same), then the hosts' header files
    beside the pages (both need the final list of files); every header rule starts with the path
    of ``site_url``."""
    unknown = sorted(f"{page} ({name})" for page, name in policies.items() if name not in csp)
    if unknown:
        raise BundleError(f"pages name a policy mkdocs.yml does not define: {', '.join(unknown)}")
    precache = write_service_worker(site, project) if offline else None
    built = site_files_of(site)
    for path, text in header_files(dict(csp), dict(policies), built, site_url).items():
        (site / path).write_text(text, encoding="utf-8")
    return precache


def policies_of(docs: Path) -> dict[str, str]:
    """URL path of each Markdown page under ``docs`` -> the name of its Content Security Policy
    (``csp:`` in its front matter, else ``default``)."""
    found = {}
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else None
        csp = meta.get("csp") if isinstance(meta, dict) else None
        found["/" + url_of(page.relative_to(docs).as_posix())] = csp or "default"
    return found


def serve_policies(policies: Mapping[str, str]) -> dict[str, str]:
    """The policies for a local preview: the live-reload script a preview server injects inline
    may run. Never for a published site."""
    return {
        name: policy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        for name, policy in policies.items()
    }
