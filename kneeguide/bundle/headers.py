"""HTTP headers for a host of the built site, from the same policies as the pages' own CSP.

Two outputs from one :class:`Headers` plan: ``_headers`` (the format Netlify and Cloudflare Pages
read) and ``nginx.conf.example`` (a snippet to include in a ``server`` block). Both send the
Content Security Policy as a real header, which a worker obeys (a ``<meta>`` policy never reaches
a worker) and which alone can forbid framing (``frame-ancestors``, ignored in a ``<meta>``); cache
the pinned Pyodide runtime and Material's content-hashed files for a year; give ``.wasm``,
``.mjs`` and ``.webmanifest`` their MIME types; and send, on every response, headers that turn
off what the site never uses (``Permissions-Policy``), keep other windows out of its own
(``Cross-Origin-Opener-Policy``) and send no referrer.

Every rule and location starts with the path of ``site_url`` (``/knee/`` for
``https://physio.example.org/knee/``): a copy served under a path gets its headers there, not at
the host's root.

It lives in ``bundle`` because it is about how the browser receives the built files (which of
them are pinned or hashed, which script is a worker), not about what a page says.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.pyodide import RUNTIME, STDLIB_NAME

IMMUTABLE = "public, max-age=31536000, immutable"
MIME = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".webmanifest": "application/manifest+json",
}
HASHED = re.compile(r"\.[0-9a-f]{8,}(?:\.min)?\.(?:js|css|png)$")
"""Files whose names carry a content hash: Material's bundles (``bundle.79ae519e.min.js``) and
the site's stylesheet and icon, named by :func:`fingerprinted` when built."""


def fingerprinted(path: str, content: bytes) -> str:
    """``path`` with the start of its content's md5 before its suffix (``guide.3f2a9c1e.css``), so
    a new version is a new address: a host may keep it for a year and the offline copy takes the
    page's own download from the HTTP cache."""
    stem, dot, suffix = path.rpartition(".")
    return f"{stem}.{hashlib.md5(content).hexdigest()[:8]}{dot}{suffix}"


WORKERS = {
    "assets/javascripts/calculator/worker.js": "calculator",
    "sw.js": "default",
}
"""Worker scripts and the policy of the page that starts them."""
NOT_FOUND = "404.html"
"""MkDocs' page for a missing address: built from a theme template, not a page of the site, so
it is not among the pages the build reports; it gets the default policy."""

FRAME_ANCESTORS = "frame-ancestors 'none'"
"""No other site may show the guide's pages in a frame (a page could be dressed up as another's);
only a header can say so (browsers ignore it in a ``<meta>`` policy)."""
NEVER_USED = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "publickey-credentials-get",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
"""Browser features the site never uses. Each is one Chromium knows (an unknown name is a console
warning); clipboard writing (the program's "Copy link") and storage stay on."""
PERMISSIONS = ", ".join([f"{feature}=()" for feature in NEVER_USED] + ["screen-wake-lock=(self)"])
"""Browser features the site never uses, turned off for it and anything it might embed; the
screen wake lock only for the site itself (the guided session keeps the screen on while it
plays)."""
COMMON = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", PERMISSIONS),
)
"""Sent with every response."""

_BASE = re.compile(r"^(?:/[A-Za-z0-9._~-]+)*/$")


def base_path(site_url: str | None) -> str:
    """The path the site is served under, from ``site_url``: ``/`` or ``/knee/``."""
    path = urlsplit(site_url or "").path or "/"
    if not path.endswith("/"):
        path += "/"
    if not _BASE.match(path):
        raise BundleError(
            f"site_url's path {path!r} cannot be written into the hosts' header files: use "
            "letters, digits, '.', '_', '~' and '-' between the slashes"
        )
    return path


def header_policy(policy: str) -> str:
    """A page's policy as a header: the same, with ``frame-ancestors`` (a header's alone)."""
    if "frame-ancestors" in policy:
        return policy
    return f"{policy.strip().rstrip(';')}; {FRAME_ANCESTORS}"


@dataclass(frozen=True)
class Headers:
    """Which paths get which policy, and which files are immutable or need a MIME type."""

    policies: Mapping[str, str]
    """Policy name -> Content-Security-Policy (``extra.csp`` in ``mkdocs.yml``)."""
    pages: Mapping[str, str]
    """URL path of each page from the site's root (``/calculator/``) -> its policy name."""
    files: tuple[str, ...]
    """Every file of the built site, relative to its root."""
    base: str = "/"
    """The path the site is served under (``/knee/``): every pattern starts with it."""

    def all_pages(self) -> dict[str, str]:
        """The pages, with the 404 page when the site has one."""
        pages = dict(self.pages)
        if NOT_FOUND in self.files:
            pages.setdefault(f"/{NOT_FOUND}", "default")
        return pages

    def policy_rules(self) -> list[tuple[str, str]]:
        """(path pattern, policy name), one pattern per section where all its pages agree.

        Patterns never overlap, because static hosts join a header matched twice with a comma,
        which for two policies means both apply (the stricter wins). A page matched exactly is
        matched as ``.../index.html`` too: a host may be asked for either.
        """
        sections: dict[str, dict[str, str]] = {}
        for url, policy in self.all_pages().items():
            parts = url.strip("/").split("/")
            section = parts[0] if url.endswith("/") or len(parts) > 1 else ""
            sections.setdefault(section, {})[url] = policy
        rules: list[tuple[str, str]] = []
        for section, pages in sorted(sections.items()):
            if section and len(set(pages.values())) == 1:
                rules.append((f"{self.base}{section}/*", next(iter(pages.values()))))
                continue
            for url, policy in sorted(pages.items()):
                rules.append((self.base + url.removeprefix("/"), policy))
                if url.endswith("/"):
                    rules.append((self.base + url.removeprefix("/") + "index.html", policy))
        rules.extend((self.base + path, policy) for path, policy in sorted(WORKERS.items()))
        return rules

    def immutable(self) -> list[str]:
        """Material's hashed bundles and the pinned runtime, whose folder is named by its version
        (``pyodide/<version>/``), so a new pin is a new address. The lock and the wheel change
        with every estimator change: not listed."""
        return sorted(f for f in self.files if RUNTIME_FILE.fullmatch(f) or HASHED.search(f))

    def typed(self) -> list[tuple[str, str]]:
        return sorted(
            (f, MIME[suffix]) for f in self.files for suffix in MIME if f.endswith(suffix)
        )


RUNTIME_FILE = re.compile(
    r"pyodide/[^/]+/("
    + "|".join([*(re.escape(name) for name in RUNTIME), STDLIB_NAME.pattern])
    + ")"
)
"""A file of the pinned runtime, in its versioned folder."""

GENERATED = (
    "Generated by Knee Guide's build (kneeguide/bundle/headers.py) from mkdocs.yml: do not edit."
)


def netlify_headers(plan: Headers) -> str:
    """The ``_headers`` file: one block per path pattern, its headers indented beneath. The
    file must sit at the root of what the host publishes: under a path, merge it there."""
    blocks: dict[str, list[tuple[str, str]]] = {f"{plan.base}*": list(COMMON)}
    for path, policy in plan.policy_rules():
        csp = ("Content-Security-Policy", header_policy(plan.policies[policy]))
        blocks.setdefault(path, []).append(csp)
    for path in plan.immutable():
        blocks.setdefault(plan.base + path, []).append(("Cache-Control", IMMUTABLE))
    for path, mime in plan.typed():
        blocks.setdefault(plan.base + path, []).append(("Content-Type", mime))
    lines = [f"# {GENERATED}", f"# The site is served under {plan.base}"]
    for path, headers in blocks.items():
        lines.append(path)
        lines.extend(f"  {name}: {value}" for name, value in headers)
    return "\n".join(lines) + "\n"


def nginx_snippet(plan: Headers) -> str:
    """Directives for a ``server`` block whose ``root`` holds the built site at ``plan.base``.

    nginx does not merge ``add_header`` across locations (the innermost one wins), so each
    location repeats the common headers. A request for a folder is answered by its
    ``index.html`` through an internal redirect, which is matched against the locations again.
    """

    def location(
        match: str, headers: list[tuple[str, str]], extra: tuple[str, ...] = ()
    ) -> list[str]:
        body = [f'    add_header {name} "{value}" always;' for name, value in [*COMMON, *headers]]
        return [f"location {match} {{", *extra, *body, "}"]

    def csp(policy: str) -> list[tuple[str, str]]:
        return [("Content-Security-Policy", header_policy(plan.policies[policy]))]

    types = " ".join(f"{mime} {suffix[1:]};" for suffix, mime in MIME.items())
    root = "the site's folder" if plan.base == "/" else f"a folder holding the site as {plan.base}"
    lines = [
        f"# {GENERATED}",
        f"# Include in a server block whose root is {root}.",
        "include mime.types;",
        f"types {{ {types} }}",
        "",
    ]
    lines += location(plan.base, csp("default"), (f"    error_page 404 {plan.base}{NOT_FOUND};",))
    for path, policy in plan.policy_rules():
        if policy == "default":
            continue  # the site's own location sends it
        match = path.removesuffix("*") if path.endswith("/*") else f"= {path}"
        lines += location(match, csp(policy))
    for path in plan.immutable():
        lines += location(f"= {plan.base}{path}", [("Cache-Control", IMMUTABLE)])
    return "\n".join(lines) + "\n"


def header_files(
    policies: Mapping[str, str],
    pages: Mapping[str, str],
    files: Iterable[str],
    site_url: str | None = None,
) -> dict[str, str]:
    """The generated files, by path in the built site. ``site_url`` gives the path every rule
    starts with (the host's root when it is not given)."""
    plan = Headers(policies, pages, tuple(sorted(files)), base_path(site_url))
    return {"_headers": netlify_headers(plan), "nginx.conf.example": nginx_snippet(plan)}
