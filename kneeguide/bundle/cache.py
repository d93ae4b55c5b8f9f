"""Build work keyed by a hash of its inputs: done once, then reused until an input changes.

A key is the sha256 of every input's bytes (files in a sorted order, with their paths), so an
edit anywhere in an input makes a new key and the work is done again; nothing is trusted by date.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable
from pathlib import Path


def input_key(files: Iterable[Path], *texts: str, root: Path | None = None) -> str:
    """A short hex key of ``files`` (path and bytes) and ``texts``."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode() + b"\0")
    for file in sorted(files):
        name = file.relative_to(root) if root else file
        digest.update(str(name).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def keyed_folder(parent: Path, key: str) -> tuple[Path, bool]:
    """``parent/<key>/`` and whether it was already complete; a new one replaces the older keys'
    folders (only the current inputs' work is kept)."""
    folder = parent / key
    if (folder / ".complete").is_file():
        return folder, True
    if parent.is_dir():
        for old in parent.iterdir():
            if old.is_dir() and old.name != key:
                shutil.rmtree(old)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder, False


def mark_complete(folder: Path) -> None:
    (folder / ".complete").write_text("", encoding="utf-8")
