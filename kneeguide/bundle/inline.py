"""Scripts written into the pages themselves, so a first visit asks for no file of them, and the
hashes that let the Content Security Policy run exactly these (no ``'unsafe-inline'``).

Each script is a file under ``docs/`` (type-checked and linted like the others); the page
templates write its text from ``config.extra.inline``. Full-line comments are left out of what
is written. The files under ``inline/`` are not copied into the site; the offline copy's script
(``site/sw-register.js``) is also a module the program and calculator pages import, so it stays.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path

from kneeguide.bundle.errors import BundleError

INLINE_ONLY = "assets/javascripts/inline/"
"""Scripts that exist only to be written into the pages: left out of the built site."""
SCRIPTS = {
    "scope": f"{INLINE_ONLY}material-scope.js",
    "palette": f"{INLINE_ONLY}material-palette.js",
    "drawer": f"{INLINE_ONLY}drawer.js",
    "home": f"{INLINE_ONLY}home.js",
    "exercise": f"{INLINE_ONLY}exercise.js",
    "offline": "assets/javascripts/site/sw-register.js",
}
"""Name in ``config.extra.inline`` -> the script's file, relative to ``docs/``."""

_COMMENT_START = re.compile(r"^\s*/\*")


def page_text(source: str) -> str:
    """The script as written into a page: without blank lines, full-line ``//`` comments and
    comment blocks that start a line (a comment inside a line of code stays)."""
    kept: list[str] = []
    in_block = False
    for line in source.splitlines():
        if in_block:
            in_block = "*/" not in line
            continue
        if _COMMENT_START.match(line):
            in_block = "*/" not in line
            continue
        if line.strip() and not line.lstrip().startswith("//"):
            kept.append(line)
    return "\n".join(kept)


def inline_scripts(docs: Path) -> dict[str, str]:
    """Each script's text as the pages carry it, by name."""
    scripts: dict[str, str] = {}
    for name, path in SCRIPTS.items():
        text = page_text((docs / path).read_text(encoding="utf-8"))
        if "</script" in text.lower() or "<!--" in text:
            raise BundleError(
                f"docs/{path} cannot be written into a page: it holds </script or <!--"
            )
        scripts[name] = text
    return scripts


def source_of(script: str) -> str:
    """The policy's source that allows ``script``, written in a page, to run."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


SCRIPT_DIRECTIVES = ("script-src", "script-src-elem")
"""The directives that govern a page's script elements."""


def with_scripts(policy: str, scripts: Mapping[str, str]) -> str:
    """``policy`` allowing the inline ``scripts`` too: their hashes join each directive that
    governs script elements. A policy with none of them takes its scripts' sources from
    ``default-src``, so a ``script-src`` with those sources and the hashes is added; a policy
    without ``default-src`` either already allows every script."""
    hashes = [source_of(text) for text in scripts.values()]
    directives = [d.split() for d in policy.split(";") if d.strip()]
    names = [d[0] for d in directives]
    if not any(name in names for name in SCRIPT_DIRECTIVES):
        if "default-src" not in names:
            return policy
        fallback = directives[names.index("default-src")][1:]
        directives.append(["script-src", *[s for s in fallback if s != "'none'"]])
    for directive in directives:
        if directive[0] in SCRIPT_DIRECTIVES:
            directive.extend(s for s in hashes if s not in directive)
    return "; ".join(" ".join(directive) for directive in directives)


def with_inline(policies: Mapping[str, str], scripts: Mapping[str, str]) -> dict[str, str]:
    """Every policy, allowing the pages' inline scripts."""
    return {name: with_scripts(policy, scripts) for name, policy in policies.items()}
