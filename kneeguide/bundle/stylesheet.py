"""One stylesheet for every page instead of three: Material's own two (``main`` and, with a
palette, ``palette``) and the site's ``extra_css``, joined in the order the theme links them.

Each render-blocking stylesheet is a request a phone waits for before it paints; measured with
Lighthouse's mobile simulation on an exercise page, joining the three brought the first paint
about 150 ms earlier (issue 26). The joined file is named by its content's hash, like the files it
replaces, so a host may keep it for a year and the offline copy reuses the page's download.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.headers import fingerprinted

NAME = "assets/stylesheets/guide.css"
"""The joined stylesheet's name before its hash."""
CHARSET = '@charset "UTF-8";'
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


@dataclass(frozen=True)
class Joined:
    name: str
    """Where the joined stylesheet is written, hash included (``assets/stylesheets/guide.<md5>.css``)."""
    text: str
    replaced: tuple[str, ...]
    """The site paths it replaces: theme stylesheets with their source maps, and ``extra_css``."""


def theme_stylesheets(theme_dirs: Sequence[Path], palette: bool) -> list[tuple[str, Path]]:
    """Material's ``main`` (and ``palette``) stylesheet: the one file of each in the theme, found
    by pattern because its name carries Material's own hash."""
    found: list[tuple[str, Path]] = []
    for stem in ("main", "palette") if palette else ("main",):
        files = {
            f"assets/stylesheets/{file.name}": file
            for folder in reversed(theme_dirs)
            for file in (folder / "assets" / "stylesheets").glob(f"{stem}.*.min.css")
        }
        if len(files) != 1:
            raise BundleError(
                f"the theme has {len(files)} files named assets/stylesheets/{stem}.*.min.css "
                "(expected one): is mkdocs-material installed as locked?"
            )
        found.extend(files.items())
    return found


def joined(theme: Sequence[tuple[str, Path]], extra: Sequence[tuple[str, Path]]) -> Joined:
    """The theme's stylesheets then ``extra``'s, each without its ``@charset`` (one at the top
    stands for all) or source-map comment (the maps describe the files on their own)."""
    parts = [CHARSET]
    for path, file in [*theme, *extra]:
        text = SOURCE_MAP.sub("", file.read_text(encoding="utf-8")).replace(CHARSET, "")
        parts.append(f"/* {path} */\n{text.strip()}")
    text = "\n".join(parts) + "\n"
    replaced = [p for path, _ in theme for p in (path, path + ".map")] + [p for p, _ in extra]
    return Joined(fingerprinted(NAME, text.encode()), text, tuple(replaced))
