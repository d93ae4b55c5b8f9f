"""Drawings kept between builds, in one file: a figure's (its still, its moving version and its
key poses) and a page's QR code are most of an exercise page's build time, and rarely change.

A drawing is keyed by the function that makes it and the full ``repr`` of what it draws (every
pose, prop and setting of a figure; a QR code's address), and the whole store by the code that
draws (``kneeguide/content``, ``kneeguide/pages`` and the QR encoder segno) and the Python
version: a changed figure or changed drawing code is drawn again. ``save`` keeps only what this
build used.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import pickle
import sys
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any


def _package(name: str) -> Path:
    """The folder of an installed package, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    return Path(spec.origin).parent


CODE = (Path(__file__).parent, Path(__file__).parent.parent / "content", _package("segno"))

_file: Path | None = None
_stored: dict[str, Any] = {}
_used: dict[str, Any] = {}


def code_key() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for folder in CODE:
        for source in sorted(folder.glob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def keep_in(file: Path | None) -> None:
    """Read the drawings an earlier build kept in ``file`` (None: keep them in memory only)."""
    global _file, _stored
    _file = file
    _stored = {**_stored, **_used}
    _used.clear()
    if file is None:
        return
    try:
        key, stored = pickle.loads(file.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return
    if key == code_key() and isinstance(stored, dict):
        _stored.update(stored)


def save() -> None:
    """Write the drawings this build used, and only them."""
    global _stored
    _stored = dict(_used)
    if _file is None:
        return
    _file.parent.mkdir(parents=True, exist_ok=True)
    partial = _file.with_suffix(".partial")
    partial.write_bytes(pickle.dumps((code_key(), _used), pickle.HIGHEST_PROTOCOL))
    partial.replace(_file)


def remembered[A: Hashable, T](make: Callable[[A], T]) -> Callable[[A], T]:
    """``make``, with its drawings kept in the store (``A``'s ``repr`` must name all it draws)."""
    name = f"{make.__module__}.{make.__qualname__}"

    @functools.wraps(make)
    def drawn(subject: A) -> T:
        key = _key(name, subject)
        if key in _used:
            value: T = _used[key]
        else:
            value = _stored[key] if key in _stored else make(subject)
            _used[key] = value
        return value

    return drawn


@functools.lru_cache(maxsize=8192)
def _key(name: str, subject: Hashable) -> str:
    """The store's key of ``name``'s drawing of ``subject`` (equal subjects share it)."""
    return hashlib.sha256(f"{name}\0{subject!r}".encode()).hexdigest()
