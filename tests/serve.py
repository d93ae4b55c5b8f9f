"""A local static server for the built site, as a host would serve it (correct MIME types).

It sends the headers the build wrote for hosts, matched as the host would match them: the
``_headers`` file as Netlify and Cloudflare Pages do (every matching rule; a header matched twice
joined with a comma), or ``nginx.conf.example`` as nginx does (an exact location first, else the
longest prefix, alone; a folder's address answered by its ``index.html`` after an internal
redirect). The site may be served under a path, as a copy whose ``site_url`` has one is.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

Fault = Literal["hang", "missing", "corrupt", "wrong-mime", "drop", "slow"]
"""How a file fails: never arrives, 404, damaged, served as text, the connection dropped with no
answer (as when offline), or sent in small pieces over many seconds (a slow line)."""
SLOW_PIECE = 32 * 1024
SLOW_PAUSE_S = 0.05
Host = Literal["netlify", "nginx"]
Rules = list[tuple[str, list[tuple[str, str]]]]


def host_rules(root: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """The site's generated ``_headers`` file (Netlify and Cloudflare Pages' format), if any."""
    file = root / "_headers"
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    if not file.is_file():
        return rules
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line[0].isspace():
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
        else:
            rules.append((line.strip(), []))
    return rules


def host_headers(rules: Rules, path: str) -> dict[str, str]:
    """The headers a static host sends for ``path``: every matching rule, repeated names joined
    with a comma as Netlify and Cloudflare Pages do."""
    headers: dict[str, str] = {}
    for pattern, values in rules:
        matches = path.startswith(pattern[:-1]) if pattern.endswith("*") else path == pattern
        for name, value in values if matches else []:
            headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


NGINX_LOCATION = re.compile(r"^location (= )?(\S+) \{$")
NGINX_HEADER = re.compile(r'^add_header (\S+) "([^"]*)" always;$')
NGINX_TYPES = re.compile(r"^types \{(.*)\}$")


def nginx_rules(root: Path) -> Rules:
    """The site's generated ``nginx.conf.example``: each location (``= /path`` for an exact one)
    with its ``add_header`` lines, and the ``types`` it adds, as the location ``types``."""
    rules: Rules = []
    current: list[tuple[str, str]] | None = None
    for raw in (root / "nginx.conf.example").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if (types := NGINX_TYPES.match(line)) is not None:
            pairs = [entry.split() for entry in types.group(1).split(";") if entry.strip()]
            rules.append(("types", [(f".{suffix}", mime) for mime, suffix in pairs]))
        elif (location := NGINX_LOCATION.match(line)) is not None:
            current = []
            rules.append(((location.group(1) or "") + location.group(2), current))
        elif (header := NGINX_HEADER.match(line)) is not None and current is not None:
            current.append((header.group(1), header.group(2)))
        elif line == "}":
            current = None
    return rules


def nginx_headers(rules: Rules, path: str) -> dict[str, str]:
    """The headers nginx sends for ``path``: those of the exact location, or else of the longest
    prefix location, alone (``add_header`` is not inherited). A folder is answered by its
    ``index.html`` through an internal redirect, which matches the locations again."""
    if path.endswith("/"):
        path += "index.html"
    exact = [values for match, values in rules if match == f"= {path}"]
    prefixes = sorted(
        ((match, values) for match, values in rules if match.startswith("/")),
        key=lambda rule: len(rule[0]),
        reverse=True,
    )
    chosen = exact[0] if exact else next((v for m, v in prefixes if path.startswith(m)), [])
    headers = dict(chosen)
    types = dict(next((values for match, values in rules if match == "types"), []))
    suffix = "." + path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    if suffix in types:
        headers["Content-Type"] = types[suffix]
    return headers


def host_matcher(root: Path, host: Host) -> functools.partial[dict[str, str]]:
    """The headers ``host`` sends for a path, from the header file the build wrote for it (none
    when the site has no such file)."""
    if host == "nginx":
        return functools.partial(nginx_headers, nginx_rules(root))
    return functools.partial(host_headers, host_rules(root))


@functools.lru_cache(maxsize=64)
def _gzipped(file: Path, mtime_ns: int) -> bytes:
    """Compressed once per file version, so the server does not compete for the CPU with the
    browser it serves (a host keeps precompressed files, or a cache, in the same way)."""
    del mtime_ns  # part of the cache key only
    return gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the base class defines it as a class attribute
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def __init__(
        self,
        *args: Any,
        faults: dict[str, Fault],
        extra: dict[str, bytes],
        scripts: dict[str, bytes],
        headers: dict[str, str],
        compress: bool,
        hits: Counter[str],
        paths: list[str],
        host: functools.partial[dict[str, str]],
        base: str,
        **kwargs: Any,
    ) -> None:
        self.host = host
        """The headers a host sends for a path: the site's ``_headers`` or its nginx snippet."""
        self.base = base
        """The path the site is served under (``/`` or ``/knee/``); nothing is served outside."""
        self.from_rules: dict[str, str] = {}
        self.faults = faults
        """Deliberate failures, keyed by the end of the request path."""
        self.extra = extra
        """Pages served from memory (HTML), keyed by path."""
        self.scripts = scripts
        """Scripts served from memory (JavaScript), keyed by path."""
        self.compress = compress
        """Gzip responses as a production host would (the benchmarks use it)."""
        self.headers_to_add = headers
        """Extra response headers for every response (a host's Content-Security-Policy, say)."""
        self.hits = hits
        self.paths = paths
        """Every request's path with its query, as a host's access log keeps it."""
        super().__init__(*args, **kwargs)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-type" and "Content-Type" in self.from_rules:
            value = self.from_rules["Content-Type"]
        super().send_header(keyword, value)

    def end_headers(self) -> None:
        for name, value in {**self.from_rules, **self.headers_to_add}.items():
            if name != "Content-Type":
                self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        self.from_rules = self.host(path)
        self.hits[path] += 1
        self.paths.append(self.path)
        for served, kind in (
            (self.extra, "text/html; charset=utf-8"),
            (self.scripts, "text/javascript"),
        ):
            if path in served:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(served[path])))
                self.end_headers()
                self.wfile.write(served[path])
                return
        fault = self.fault(path)
        if fault == "drop":
            self.close_connection = True
            return
        if fault is not None:
            self.from_rules.pop("Content-Type", None)  # the fault decides the type
        if fault is None and self.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            self.send_compressed(path)
        elif fault is None:
            super().do_GET()
        elif fault == "hang":
            time.sleep(30)
            self.send_error(504)
        elif fault == "missing":
            self.send_error(404)
        else:
            body = Path(self.translate_path(path)).read_bytes()
            if fault == "corrupt":
                body = body[:-64] + bytes(64)
            self.send_response(200)
            if fault == "slow":
                self.send_header("Content-Type", self.guess_type(path))
            else:
                self.send_header(
                    "Content-Type", "text/plain" if fault == "wrong-mime" else "application/zip"
                )
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            piece = SLOW_PIECE if fault == "slow" else max(len(body), 1)
            for start in range(0, len(body), piece):
                if fault == "slow":
                    time.sleep(SLOW_PAUSE_S)
                self.wfile.write(body[start : start + piece])

    def fault(self, path: str) -> Fault | None:
        return next((f for suffix, f in self.faults.items() if path.endswith(suffix)), None)

    def do_HEAD(self) -> None:
        if self.fault(self.path.split("?")[0]) == "drop":
            self.close_connection = True
            return
        super().do_HEAD()

    def translate_path(self, path: str) -> str:
        """The file for ``path`` under the site's base path (a missing one outside it)."""
        if not path.startswith(self.base):
            return str(Path(self.directory) / "not-under-the-base-path" / "missing")
        return super().translate_path("/" + path.removeprefix(self.base))

    def send_compressed(self, path: str) -> None:
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            self.send_error(404)
            return
        body = _gzipped(file, file.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class Served(str):
    """The base URL of a running server, with the number of requests for each path and every
    request's path and query, as an access log keeps them."""

    hits: Counter[str]
    paths: list[str]


@contextmanager
def serve(
    root: Path,
    faults: dict[str, Fault] | None = None,
    extra: dict[str, bytes] | None = None,
    scripts: dict[str, bytes] | None = None,
    headers: dict[str, str] | None = None,
    compress: bool = False,
    host: Host = "netlify",
    base: str = "/",
) -> Iterator[Served]:
    """Serve ``root`` on 127.0.0.1 at a free port under the path ``base``; yields the site's
    URL (``http://127.0.0.1:PORT/knee/`` for ``base="/knee/"``).

    The headers in the site's generated ``_headers`` file are sent as a static host would, or
    with ``host="nginx"`` those of its ``nginx.conf.example`` as nginx would.
    """
    hits: Counter[str] = Counter()
    paths: list[str] = []
    handler = functools.partial(
        SiteHandler,
        directory=str(root),
        faults=faults or {},
        extra=extra or {},
        scripts=scripts or {},
        headers=headers or {},
        compress=compress,
        hits=hits,
        paths=paths,
        host=host_matcher(root, host),
        base=base,
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = Served(f"http://127.0.0.1:{server.server_address[1]}{base}")
    url.hits = hits
    url.paths = paths
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()
