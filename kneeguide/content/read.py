"""Read one YAML file into plain data plus the line of every key path.

PyYAML's composed node tree carries a start mark on every node: one walk over it records the line
of each key path and rejects duplicate keys, which PyYAML would otherwise resolve silently by
keeping the last one.

Before that, the file is held to bounds that no content needs to exceed, so that hostile or
broken YAML is refused in milliseconds with its line, never expanded or recursed into: a size
limit, no anchors or aliases (a few hundred bytes of nested aliases, the "billion laughs" shape,
expand to billions of values), and a nesting depth limit (deep nesting exhausts Python's stack).
Both are checked on the parser's stream of events, which holds one event at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kneeguide.content.errors import Problem

Location = tuple[str | int, ...]

Loader: type[yaml.SafeLoader] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)  # libyaml when present

MAX_BYTES = 256 * 1024
"""The largest content file read: the largest item today is under 8 KB."""
MAX_DEPTH = 20
"""The deepest nesting of lists and mappings read: the content's deepest today is 5."""


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its data, the name shown in errors, and a line index."""

    name: str
    data: Any
    lines: dict[Location, int]

    def line_of(self, location: Location) -> int:
        """The line of ``location``, or of its nearest ancestor that has one."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(location[:end])
            if line is not None:
                return line
        return 1

    def problem(self, location: Location, message: str) -> Problem:
        """A problem at ``location`` in this document."""
        return Problem(self.name, self.line_of(location), dotted(location), message)


def dotted(location: Location) -> str:
    """``("dosage", "sets")`` -> ``dosage.sets``; ``("steps", 2)`` -> ``steps[2]``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def read_document(path: Path, name: str) -> Document | Problem:
    """Parse ``path``; a syntax error, a duplicate key, an empty file or a file beyond the bounds
    (size, anchors and aliases, depth) comes back as a Problem."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Problem(
            name,
            1,
            "",
            f"the file is {size // 1024} KB; a content file may be {MAX_BYTES // 1024} KB at most",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return Problem(name, 1, "", f"not UTF-8 text ({error.reason} at byte {error.start})")
    try:
        beyond = _beyond_bounds(text, name)
        root = None if beyond else yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(name, error)
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        return Problem(
            name, line, "", f"invalid YAML: character {error.character!r} is not allowed"
        )
    if beyond:
        return beyond
    if root is None:
        return Problem(name, 1, "", "the file is empty")
    lines: dict[Location, int] = {(): root.start_mark.line + 1}
    duplicate = _index(root, (), lines)
    if duplicate is not None:
        location, line, first = duplicate
        return Problem(name, line, dotted(location), f"duplicate key (first given on line {first})")
    try:
        data = Loader("").construct_document(root)
    except yaml.MarkedYAMLError as error:  # a tag such as !!python/object or "=" (!!value)
        return _syntax_problem(name, error)
    return Document(name, data, lines)


def _beyond_bounds(text: str, name: str) -> Problem | None:
    """The first anchor, alias or collection nested deeper than ``MAX_DEPTH``, read from the
    parser's events before any node is composed."""
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            return Problem(
                name,
                line,
                "",
                "anchors and aliases (&name, *name, <<) are not allowed in content: "
                "write the value out in full",
            )
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(
                    name,
                    line,
                    "",
                    f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _syntax_problem(name: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    return Problem(name, line, "", f"invalid YAML: {error.problem or error.context}")


def _index(
    node: yaml.Node, location: Location, lines: dict[Location, int]
) -> tuple[Location, int, int] | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            path = (*location, key)
            line = key_node.start_mark.line + 1
            if path in lines:
                return path, line, lines[path]
            lines[path] = line
            found = _index(value_node, path, lines)
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = (*location, index)
            lines[path] = item.start_mark.line + 1
            found = _index(item, path, lines)
            if found is not None:
                return found
    return None
