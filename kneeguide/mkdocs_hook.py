"""The only MkDocs-specific code: generate the guide's pages during the build.

``on_pre_build`` validates and renders before MkDocs cleans ``site/``, so bad content stops the
build with every problem listed and leaves any previous site untouched. ``on_files`` adds the
pages in memory (nothing is written into ``docs/``), and ``watch:`` in ``mkdocs.yml`` makes
``mkdocs serve`` rebuild when a YAML file or template changes.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from kneeguide.errors import ContentError
from kneeguide.pipeline import build_pages

_pages: dict[str, str] = {}


def content_folder(config: MkDocsConfig) -> Path:
    """``content/`` beside ``mkdocs.yml``."""
    return Path(config.config_file_path).parent / "content"


def on_pre_build(config: MkDocsConfig) -> None:
    try:
        pages = build_pages(content_folder(config))
    except ContentError as error:
        raise PluginError(str(error)) from None
    _pages.clear()
    _pages.update(pages)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for path, markdown in _pages.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} clashes with the generated page of the same path")
        files.append(File.generated(config, path, content=markdown))
    return files
