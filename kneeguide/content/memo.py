"""Content files read and validated by an earlier build, kept so a rebuild reads only the files
that changed.

An entry is keyed by the file's name and the sha256 of its bytes, and the whole memo by the code
that reads and validates content (this folder and the estimator it checks against, the Python
and PyYAML versions): an edit to a file, or to the code, means it is read again. Only files that
read and validated cleanly are kept; a file with a problem is read every time, so its problems
are always reported in full. Checks across files run on every build.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import calculator
from kneeguide.content.read import Document, Location

Located = tuple[Location, str]
Link = tuple[Location, str, str]
"""Where an item names another: the location, the folder named (``cite`` for a citation), the
slug."""

CODE = (Path(__file__).parent, Path(calculator.__file__).parent)
"""The folders whose Python decides what a content file reads and validates to."""


def code_key() -> str:
    digest = hashlib.sha256(f"{sys.version}\0{yaml.__version__}\0".encode())
    for folder in CODE:
        for source in sorted(folder.rglob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    digest: str
    document: Document
    item: Any
    own_problems: tuple[Located, ...]
    """Problems found from this file alone (its figure's poses and equipment, claims unsaid)."""
    links: tuple[Link, ...]
    """What the item names, checked against the other files on every build."""


@dataclass
class Memo:
    """The entries of one build, read from ``file`` (if given) and written back by ``save``."""

    file: Path | None
    key: str = ""
    entries: dict[str, Entry] = field(default_factory=dict)
    kept: dict[str, Entry] = field(default_factory=dict)

    @classmethod
    def open(cls, file: Path | None) -> Memo:
        if file is None:
            return cls(None)
        key = code_key()
        try:
            stored = pickle.loads(file.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            stored = None
        fresh = isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key
        return cls(file, key, stored[1] if fresh else {})

    def recall(self, name: str, data: bytes) -> Entry | None:
        entry = self.entries.get(name)
        if entry is None or entry.digest != _digest(data):
            return None
        self.kept[name] = entry
        return entry

    def keep(
        self,
        name: str,
        data: bytes,
        document: Document,
        item: Any,
        found: tuple[list[Located], list[Link]],
    ) -> Entry:
        entry = Entry(_digest(data), document, item, tuple(found[0]), tuple(found[1]))
        self.kept[name] = entry
        return entry

    def save(self) -> None:
        """Write the entries of this build (only them: a deleted file's entry goes)."""
        if self.file is None:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_suffix(".partial")
        partial.write_bytes(pickle.dumps((self.key, self.kept), pickle.HIGHEST_PROTOCOL))
        partial.replace(self.file)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
