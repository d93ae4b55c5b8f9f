"""The trimmed standard library the site serves instead of Pyodide's whole ``python_stdlib.zip``.

Pyodide downloads its standard library at every first start (2.5 MB of the 13 MB); the
calculator uses a small part of it. The files it needs are listed in ``stdlib-files.txt``,
recorded by ``make stdlib`` from a real run of the calculator in Pyodide
(``scripts/stdlib_used.py``). The trimmed archive is made from the pinned one, with the comments
and docstrings of each file taken out as ``python -OO`` would ignore them (every line stays
where it was, so a traceback still names the right line), and named by its content, so a
browser never keeps a stale copy under a long cache lifetime. A file the tokenizer of the
Python running the build cannot read is kept whole.
"""

from __future__ import annotations

import hashlib
import io
import sys
import tokenize
import zipfile
from pathlib import Path

from kneeguide.bundle.errors import BundleError

KEEP_FILE = Path(__file__).with_name("stdlib-files.txt")
FULL = "python_stdlib.zip"


def kept() -> list[str]:
    return KEEP_FILE.read_text(encoding="utf-8").split()


def trimmed_stdlib(runtime: Path) -> tuple[str, bytes]:
    """The trimmed archive's file name and bytes, from the pinned runtime folder."""
    keep = kept()
    out = io.BytesIO()
    with zipfile.ZipFile(runtime / FULL) as full, zipfile.ZipFile(out, "w") as trimmed:
        names = set(full.namelist())
        missing = [name for name in keep if name not in names]
        if missing:
            raise BundleError(
                f"{KEEP_FILE.name} names {', '.join(missing[:5])}, which the pinned Pyodide's "
                f"{FULL} lacks: run `make stdlib`"
            )
        for info in full.infolist():
            if info.filename in keep:
                data = full.read(info)
                if info.filename.endswith(".py"):
                    data = without_comments_and_docstrings(data)
                trimmed.writestr(info, data, compress_type=info.compress_type)
    data = out.getvalue()
    return f"python_stdlib-{hashlib.sha256(data).hexdigest()[:12]}.zip", data


Position = tuple[int, int]


def without_comments_and_docstrings(source: bytes) -> bytes:
    """``source`` with its comments and docstrings emptied, each line where it was; unchanged if
    it cannot be tokenized or is not UTF-8."""
    try:
        tokens = list(tokenize.tokenize(io.BytesIO(source).readline))
        lines = source.decode("utf-8").splitlines(keepends=True)
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return source
    edits: list[tuple[Position, Position, str]] = []
    expect = True  # a docstring may come next: at the start, and after a def or class line
    header = False  # the logical line so far is a def or class line
    first = True  # the next token starts a logical line
    skipped = {tokenize.ENCODING, tokenize.NL, tokenize.INDENT, tokenize.DEDENT}
    for index, token in enumerate(tokens):
        if token.type in skipped:
            continue
        if token.type == tokenize.COMMENT:
            if token.start[0] > 2:  # lines 1 and 2 may hold the encoding declaration
                edits.append((token.start, token.end, ""))
        elif token.type == tokenize.NEWLINE:
            expect = header and tokens[index - 1].string == ":"
            header, first = False, True
        elif first:
            if expect and token.type == tokenize.STRING and _alone(tokens, index):
                breaks = token.end[0] - token.start[0]
                edits.append(
                    (token.start, token.end, f'"""{chr(10) * breaks}"""' if breaks else '""')
                )
            header = token.string in {"def", "class", "async"}
            expect = first = False
    for (row, col), (end_row, end_col), text in reversed(edits):
        lines[row - 1 : end_row] = [lines[row - 1][:col] + text + lines[end_row - 1][end_col:]]
    return "".join(lines).encode("utf-8")


def _alone(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    """The string at ``index`` is a whole statement (a docstring), not the start of one."""
    after = (t for t in tokens[index + 1 :] if t.type not in {tokenize.COMMENT, tokenize.NL})
    return next(after).type in {tokenize.NEWLINE, tokenize.ENDMARKER}


def main(argv: list[str]) -> int:
    """``python -m kneeguide.bundle.stdlib RUNTIME OUT``: write the trimmed archive into ``OUT``
    (run by ``pyodide.start_stdlib`` in a process of its own)."""
    runtime, out = (Path(arg) for arg in argv)
    try:
        name, data = trimmed_stdlib(runtime)
    except BundleError as error:
        print(error, file=sys.stderr)
        return 1
    partial = out / f"{name}.partial"
    partial.write_bytes(data)
    partial.replace(out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
