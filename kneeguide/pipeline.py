"""The whole generator as one call: content folder in, pages out. No MkDocs here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kneeguide.content.catalog import load_catalog
from kneeguide.pages import drawing_cache
from kneeguide.pages.figures import figure_files
from kneeguide.pages.motion import moving_files
from kneeguide.pages.render import Clinic, render_pages, render_redirects


def build_pages(
    content: Path,
    site_url: str = "",
    *,
    download_bytes: int | Callable[[], int] | None = None,
    clinic: Clinic | None = None,
    cache: Path | None = None,
) -> dict[str, str]:
    """Validate ``content`` and render every output, keyed by path in the site.

    ``.md`` paths are Markdown pages; ``.html`` paths are finished pages (redirects from former
    URLs); ``.svg`` paths are the exercise figures, for pages that reuse them with ``<use>``.
    Raises ContentError listing every problem.

    ``cache`` is a folder for work kept between builds, each part keyed by its inputs: the
    content files read (``kneeguide.content.memo``), the compiled templates, the figure drawings
    and QR codes (``kneeguide.pages.drawing_cache``). A build without it does all the work.
    """
    drawing_cache.keep_in(cache / "drawings.pickle" if cache else None)
    catalog = load_catalog(content, cache / "content-memo.pickle" if cache else None)
    pages = render_pages(
        catalog,
        site_url,
        download_bytes=download_bytes,
        clinic=clinic,
        templates_cache=cache / "templates" if cache else None,
    )
    built = {**pages, **render_redirects(catalog), **figure_files(catalog), **moving_files(catalog)}
    drawing_cache.save()
    return built
