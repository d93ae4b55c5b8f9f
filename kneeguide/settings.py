"""The guide's settings in ``mkdocs.yml`` (``plugins: - kneeguide: {csp, clinic}``), read without
MkDocs, and the ``mkdocs.yml`` another engine (Zensical) builds the written-out site from.

The MkDocs plugin reads the same settings through its typed config; both then apply
``problems``, so a setting means the same on either engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from kneeguide.bundle.inline import with_inline
from kneeguide.pages.render import Clinic

PLUGIN = "kneeguide"


class SettingsError(ValueError):
    """``mkdocs.yml`` cannot be used; the message names the setting."""


@dataclass(frozen=True)
class Settings:
    site_url: str
    csp: dict[str, str]
    """Content Security Policy by name; a page picks one with ``csp:`` in its front matter."""
    clinic: Clinic | None


def problems(csp: dict[str, str], clinic: Clinic | None) -> list[str]:
    """What is wrong with settings that have the right types."""
    found = []
    if "default" not in csp:
        found.append(f"plugins.{PLUGIN}.csp needs a 'default' policy")
    if clinic is not None and not clinic.name.strip():
        found.append(f"plugins.{PLUGIN}.clinic.name is empty")
    return found


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options given to the plugin in a loaded ``mkdocs.yml``."""
    for entry in config.get("plugins") or []:
        if entry == PLUGIN:
            return {}
        if isinstance(entry, dict) and PLUGIN in entry:
            return dict(entry[PLUGIN] or {})
    raise SettingsError(f"mkdocs.yml does not list the '{PLUGIN}' plugin under plugins:")


def read_settings(mkdocs_yml: Path) -> tuple[dict[str, Any], Settings]:
    """The loaded ``mkdocs.yml`` and the guide's settings in it."""
    try:
        config = yaml.safe_load(mkdocs_yml.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SettingsError(f"{mkdocs_yml}: {error}") from None
    options = plugin_options(config)
    csp = options.get("csp")
    if not isinstance(csp, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in csp.items()
    ):
        raise SettingsError(f"plugins.{PLUGIN}.csp must map policy names to policies")
    given = options.get("clinic")
    clinic = None
    if given is not None:
        shape = f"plugins.{PLUGIN}.clinic must be {{name: text, contact: text}}"
        if (
            not isinstance(given, dict)
            or not isinstance(given.get("name"), str)
            or not isinstance(given.get("contact", ""), str)
        ):
            raise SettingsError(shape)
        if set(given) - {"name", "contact"}:
            raise SettingsError(
                f"{shape}, not {', '.join(sorted(set(given) - {'name', 'contact'}))}"
            )
        clinic = Clinic(name=given["name"].strip(), contact=given.get("contact", "").strip())
    unknown = set(options) - {"csp", "clinic"}
    found = problems(csp, clinic) + [f"plugins.{PLUGIN}: unknown option {k}" for k in unknown]
    if found:
        raise SettingsError("; ".join(found))
    return config, Settings(site_url=config.get("site_url") or "", csp=csp, clinic=clinic)


ENGINE_STYLES = "style-src-elem 'self' 'unsafe-inline'"
"""Zensical (0.0.73) builds its search panel in a shadow root with a ``<style>`` element made by
its script, which ``style-src 'self'`` blocks. On a site built with it, inline style elements
are allowed: not inline scripts, and not style attributes."""


def engine_policies(csp: dict[str, str], scripts: Mapping[str, str]) -> dict[str, str]:
    """The policies for a site built by another engine from the written-out source, allowing
    the pages' inline ``scripts`` (:func:`kneeguide.bundle.inline.inline_scripts`)."""
    return with_inline(
        {name: f"{policy}; {ENGINE_STYLES}" for name, policy in csp.items()}, scripts
    )


def engine_config(
    config: dict[str, Any], settings: Settings, scripts: Mapping[str, str]
) -> dict[str, Any]:
    """``mkdocs.yml`` for building the written-out site: the generated files are already in
    ``docs/``, so no ``kneeguide`` plugin, hook or watch list (other plugins stay); the page
    template reads the policies from ``extra.csp`` and the inline ``scripts`` from
    ``extra.inline`` as it does under the plugin."""
    written = {k: v for k, v in config.items() if k not in {"hooks", "watch", "plugins"}}
    others = [
        p
        for p in config.get("plugins") or []
        if p != PLUGIN and not (isinstance(p, dict) and PLUGIN in p)
    ]
    if others:
        written["plugins"] = others
    written["docs_dir"] = "docs"
    written["site_dir"] = "site"
    written["extra"] = {
        **(config.get("extra") or {}),
        "csp": engine_policies(settings.csp, scripts),
        "inline": dict(scripts),
        "site_path": urlsplit(settings.site_url).path or "/",
    }
    if "custom_dir" in (config.get("theme") or {}):
        written["theme"] = {**config["theme"], "custom_dir": "overrides"}
    return written
