"""The only MkDocs-specific code: the ``kneeguide`` plugin adds the guide's generated files to a
MkDocs build.

``on_pre_build`` validates and renders, and builds the estimator's wheel for Pyodide, before
MkDocs cleans ``site/``, so bad content stops the build with every problem listed and leaves any
previous site untouched. ``on_files`` adds the files in memory (nothing is written into
``docs/``). ``mkdocs serve`` rebuilds when content, templates or the estimator change (``watch``
in ``mkdocs.yml``); MkDocs imports the plugin's Python once per process, so an edit to
``kneeguide/`` needs a restart of ``mkdocs serve``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kneeguide.bundle import service_worker
from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.headers import fingerprinted
from kneeguide.bundle.inline import INLINE_ONLY, inline_scripts, with_inline
from kneeguide.bundle.stylesheet import Joined, joined, theme_stylesheets
from kneeguide.content.errors import ContentError
from kneeguide.pages.render import Clinic
from kneeguide.settings import problems
from kneeguide.site_files import SiteFiles, finish, serve_policies, site_files

log = logging.getLogger("mkdocs.plugins.kneeguide")
PLACEHOLDER_HOST = "knee-guide.example.org"
FAVICON = "assets/images/favicon.png"
"""Material's icon, unless ``theme.favicon`` names another."""


class ClinicConfig(Config):
    """A clinic publishing its own copy: its name and contact, printed on every handout."""

    name = c.Optional(c.Type(str))
    contact = c.Type(str, default="")


class KneeGuideConfig(Config):
    csp = c.DictOfItems(c.Type(str))
    """Content Security Policy by name; a page picks one with ``csp:`` in its front matter and
    falls back to ``default``."""
    clinic = c.SubConfig(ClinicConfig)


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


class KneeGuidePlugin(BasePlugin[KneeGuideConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.generated: SiteFiles | None = None
        self.policies: dict[str, str] = {}
        self.csp: dict[str, str] = {}
        self.renamed: dict[str, str] = {}
        self.stylesheet: Joined | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Implementing this keeps one plugin object across the rebuilds of ``mkdocs serve``."""
        self.command = command

    def clinic(self) -> Clinic | None:
        given = self.config.clinic
        if given.name is None and not given.contact:
            return None
        return Clinic(name=(given.name or "").strip(), contact=given.contact.strip())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Warn about a placeholder ``site_url`` and hand the policies and the inline scripts to
        the page template, each policy allowing those scripts by their hashes. Under ``mkdocs
        serve`` only, let the live-reload script MkDocs injects inline run instead (a policy with
        a hash ignores ``'unsafe-inline'``). Join the stylesheets into one and name it and the
        icon by their content (:meth:`fingerprint`).

        The warning is logged at INFO, which MkDocs prints on every build, not at WARNING: the
        project's own ``mkdocs.yml`` carries the placeholder and sets ``strict: true`` (so every
        ``make build`` and every test build would fail); a copy being published sets its
        address."""
        warning = placeholder_warning(config.site_url)
        if warning:
            log.info(warning)
        found = problems(dict(self.config.csp), self.clinic())
        if found:
            raise PluginError("mkdocs.yml: " + "; ".join(found))
        policies = dict(self.config.csp)
        try:
            scripts = inline_scripts(Path(config.docs_dir))
            self.csp = with_inline(policies, scripts)
        except BundleError as error:
            raise PluginError(str(error)) from None
        config.extra["csp"] = serve_policies(policies) if self.command == "serve" else self.csp
        config.extra["inline"] = scripts
        self.fingerprint(config)
        config.extra["offline_off"] = self.command == "serve"
        config.extra["site_path"] = urlsplit(config.site_url or "").path or "/"
        return config

    def fingerprint(self, config: MkDocsConfig) -> None:
        """Material's stylesheets and the site's ``extra_css`` become one file, and the icon gets
        a name that carries its content's hash: the offline copy then takes the page's own
        download from the HTTP cache. The page template links the joined file in place of
        Material's (``config.extra.stylesheet``); a build without this plugin (Zensical) links
        the three as they are."""
        sources = [Path(config.docs_dir), *map(Path, config.theme.dirs)]

        def source(path: str) -> Path | None:
            return next((d / path for d in sources if (d / path).is_file()), None)

        extra = [(path, found) for path in config.extra_css if (found := source(path))]
        try:
            theme = theme_stylesheets(
                [Path(d) for d in config.theme.dirs], bool(config.theme.get("palette"))
            )
        except BundleError as error:
            raise PluginError(str(error)) from None
        self.stylesheet = joined(theme, extra)
        config.extra["stylesheet"] = self.stylesheet.name
        config.extra_css = [path for path in config.extra_css if path not in dict(extra)]
        favicon = config.theme.get("favicon") or FAVICON
        self.renamed = {}
        icon = source(favicon)
        if icon is not None:
            self.renamed[favicon] = fingerprinted(favicon, icon.read_bytes())
        config.theme["favicon"] = self.renamed.get(favicon, favicon)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        project = Path(config.config_file_path).parent
        try:
            self.generated = site_files(project, config.site_url or "", self.clinic())
            if self.command != "serve":
                service_worker.prepare(project)
        except (ContentError, BundleError) as error:
            raise PluginError(str(error)) from None
        self.policies.clear()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.generated is not None
        for path, text in self.generated.pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} clashes with the generated page of the same path")
            files.append(File.generated(config, path, content=text))
        for path, source in self.generated.files.items():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        for file in [f for f in files if f.src_uri.startswith(INLINE_ONLY)]:
            files.remove(file)
        if self.stylesheet is not None:
            for path in self.stylesheet.replaced:
                if (found := files.get_file_from_path(path)) is not None:
                    files.remove(found)
            files.append(File.generated(config, self.stylesheet.name, content=self.stylesheet.text))
        for path, name in self.renamed.items():
            found = files.get_file_from_path(path)
            if found is not None and found.abs_src_path is not None:
                files.remove(found)
                files.append(File.generated(config, name, abs_src_path=found.abs_src_path))
        return files

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        name = page.meta.get("csp") or "default"
        if name not in self.config.csp:
            raise PluginError(
                f"{page.file.src_uri}: csp: {name} is not a policy in mkdocs.yml "
                f"(plugins.kneeguide.csp has {', '.join(self.config.csp)})"
            )
        self.policies["/" + page.url] = name
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the service worker and the hosts' header files; under ``mkdocs serve`` no service
        worker (the pages say offline use is off), so a preview never caches itself."""
        try:
            site = Path(config.site_dir)
            precache = finish(
                site,
                self.policies,
                self.csp,
                config.site_url or "",
                offline=self.command != "serve",
                project=Path(config.config_file_path).parent,
            )
        except BundleError as error:
            raise PluginError(str(error)) from None
        if precache is None:
            log.info("Service worker: none under mkdocs serve (offline use is off in a preview)")
            return
        log.info(
            "Service worker: %d files precached, %.0f KB", precache.count, precache.size / 1024
        )
