"""Reading grade of each rendered page: Flesch-Kincaid, on the words a reader sees.

The NHS writes for a reading age of 9 to 11 (about US grade 4 to 6). ``textstat`` 0.7.8 counts
syllables with the CMU dictionary shipped as a package, so it works offline (later releases fetch
the dictionary at run time).
"""

from __future__ import annotations

import re
import statistics

import textstat

from kneeguide.pages import urls

MAX_PAGE_GRADE = 6.0
MAX_MEDIAN_GRADE = 5.0
EXEMPT = frozenset({urls.REFERENCES})
"""Pages whose text is bibliographic, not prose."""

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_HTML_BLOCK = re.compile(r"<(script|style|svg)\b.*?</\1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?")
_ATTRS = re.compile(r"\{\s*[:.#][^}]*\}")
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:.*$", re.M)
_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\S+(?:\s+"([^"]*)")?\s*$', re.M)
_MARKS = re.compile(r"[*_`#>|]+")
_LIST_ITEM = re.compile(r"^\s*(?:[-+]|\d+\.)\s+", re.M)


def visible_text(markdown: str) -> str:
    """The prose of a rendered Markdown page, without markup, links' targets or citations.

    Headings, list items and table cells end a sentence for the count, as a reader takes them.
    """
    text = _FRONT_MATTER.sub("", markdown)
    text = _HTML_BLOCK.sub(" ", text)
    text = _ABBREVIATION.sub("", text)
    text = _ADMONITION.sub(lambda m: f"{m.group(1) or ''}.", text)
    text = _TAG.sub(" ", text)
    text = re.sub(r"\[\\\[[^\]]*\\\]\]\([^)]*\)(\{[^}]*\})?", " ", text)
    text = _LINK.sub(r"\1", text)
    text = _ATTRS.sub("", text)
    text = _LIST_ITEM.sub("", text)
    text = _MARKS.sub(" ", text)
    lines = [line.strip() for line in text.splitlines()]
    sentences = [line if line[-1] in ".!?:" else line + "." for line in lines if line]
    return " ".join(sentences)


def grade(markdown: str) -> float:
    """Flesch-Kincaid grade of a page's visible text."""
    return float(textstat.flesch_kincaid_grade(visible_text(markdown)))


def page_grades(pages: dict[str, str]) -> dict[str, float]:
    """The grade of every prose page (Markdown, not exempt), by source path."""
    return {
        path: grade(text)
        for path, text in sorted(pages.items())
        if path.endswith(".md") and path not in EXEMPT
    }


def report(grades: dict[str, float]) -> tuple[list[str], bool]:
    """Lines for ``make check`` and whether every page and the median are within the limits."""
    median = statistics.median(grades.values())
    lines = [
        f"  {value:4.1f}  {path}{'  (above grade 6)' if value > MAX_PAGE_GRADE else ''}"
        for path, value in grades.items()
    ]
    lines.append(f"  {median:4.1f}  median (limit {MAX_MEDIAN_GRADE:g})")
    within = median <= MAX_MEDIAN_GRADE and all(v <= MAX_PAGE_GRADE for v in grades.values())
    return lines, within
