"""Figure drawings kept between builds: drawing a figure (its still, its moving version and its
key poses) is most of an exercise page's build time, and a figure rarely changes.

A drawing is keyed by the function that makes it and the figure's full ``repr`` (every pose,
prop and setting), and the whole store by the code that draws (``kneeguide/content`` and
``kneeguide/pages``) and the Python version: a changed figure or changed drawing code is drawn
again. ``save`` keeps only what this build used.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kneeguide.content.figure import Figure

CODE = (Path(__file__).parent, Path(__file__).parent.parent / "content")

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


def remembered[T](make: Callable[[Figure], T]) -> Callable[[Figure], T]:
    """``make``, with its drawings kept in the store."""
    name = f"{make.__module__}.{make.__qualname__}"

    @functools.wraps(make)
    def drawn(figure: Figure) -> T:
        key = _key(name, figure)
        if key in _used:
            value: T = _used[key]
        else:
            value = _stored[key] if key in _stored else make(figure)
            _used[key] = value
        return value

    return drawn


@functools.lru_cache(maxsize=8192)
def _key(name: str, figure: Figure) -> str:
    """The store's key of ``name``'s drawing of ``figure`` (equal figures share it)."""
    return hashlib.sha256(f"{name}\0{figure!r}".encode()).hexdigest()
