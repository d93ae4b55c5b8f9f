"""The Python-to-browser contract: the figures the browser code needs from the Python side,
emitted as one ES module (``assets/javascripts/common/contract.js``) that the browser code imports.

The limits come from ``kneeguide/content/limits.py`` (the same the validator enforces on the
content and the JSON Schema carries), the Pyodide folder from ``kneeguide/bundle/pyodide.py``,
the trimmed standard library's name from ``kneeguide/bundle/stdlib.py``
and the estimator's distribution name from there too. ``make schema`` writes the module into
``docs/`` (so type checks and Node tests read it), the build serves the one it makes itself, and
a test fails when the copy in ``docs/`` is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from kneeguide.bundle.pyodide import DISTRIBUTION, pyodide_path, runtime_folder
from kneeguide.bundle.stdlib import trimmed_stdlib
from kneeguide.content import limits

PATH = "assets/javascripts/common/contract.js"
"""Where the module is served, and kept in ``docs/``."""


def _js(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def contract_module(project: Path) -> str:
    """The module's text: frozen constants, each with the comment that says where it is from."""
    dose = {
        "s": limits.SETS,
        "r": limits.REPS,
        "h": limits.HOLD_SECONDS,
        "t": limits.REST_SECONDS,
        "d": limits.TIMES_A_DAY,
        "w": limits.TIMES_A_WEEK,
    }
    pair = "/** @type {readonly [number, number]} */"
    ranges = "".join(
        f"\n  {key}: {pair} (Object.freeze([{b.low}, {b.high}]))," for key, b in dose.items()
    )
    record = "".join(f"\n  {key}: {value}," for key, value in limits.RECORD.items())
    session = "".join(f"\n  {key}: {value}," for key, value in limits.SESSION.items())
    lines = [
        "// Generated from the Python side by kneeguide/bundle/contract.py (make schema): do not edit.",
        "// The limits are the content's own (kneeguide/content/limits.py), so a program template",
        "// can never hold a dose the program link refuses.",
        "",
        "/** Inclusive range of each dose figure: sets, repetitions, hold and rest (seconds), times a",
        " * day, times a week. */",
        f"export const DOSE = Object.freeze({{{ranges}\n}});",
        "/** Longest program title, note and load, in UTF-16 code units (what `maxlength` counts). */",
        f"export const TITLE_LENGTH = {limits.TITLE_LENGTH};",
        f"export const NOTE_LENGTH = {limits.NOTE_LENGTH};",
        f"export const LOAD_LENGTH = {limits.LOAD_LENGTH};",
        "/** Most exercises in one program. */",
        f"export const MAX_ITEMS = {limits.MAX_ITEMS};",
        "/** The patient's record: most days, PSFS entries and program versions kept, longest note and",
        " * PSFS activity, longest record file, and days without a saved copy before a reminder. */",
        f"export const RECORD = Object.freeze({{{record}\n}});",
        "/** The guided session's pauses (seconds): to get into position, and to change sides. */",
        f"export const SESSION = Object.freeze({{{session}\n}});",
        "/** The pain scale: 0 is no pain, 10 the worst imaginable. */",
        f"export const PAIN = {pair} (Object.freeze([{limits.PAIN.low}, {limits.PAIN.high}]));",
        "/** A slug: lowercase letters, digits and single hyphens. */",
        f"export const SLUG = new RegExp({_js(limits.SLUG_PATTERN)});",
        "/** Where the site serves Pyodide's runtime, the lock and the estimator's wheel, from its root. */",
        f"export const PYODIDE_PATH = {_js(pyodide_path(project))};",
        "/** The trimmed standard library's file in that folder, named by its content. */",
        f"export const STDLIB = {_js(trimmed_stdlib(runtime_folder(project))[0])};",
        "/** The estimator's distribution name in the lock file. */",
        f"export const ESTIMATOR = {_js(DISTRIBUTION)};",
        "",
    ]
    return "\n".join(lines)


def write(project: Path, docs: Path) -> Path:
    """Write the module into ``docs``; returns its path."""
    target = docs / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(contract_module(project), encoding="utf-8")
    return target
