"""Plain language, measured: every prose page at grade 6 or lower, the median at 5 or lower."""

from __future__ import annotations

import statistics

import pytest

from kneeguide.content.catalog import Catalog
from kneeguide.pages.reading import MAX_MEDIAN_GRADE, MAX_PAGE_GRADE, grade, page_grades
from kneeguide.pages.render import render_pages


@pytest.fixture(scope="module")
def grades(catalog: Catalog) -> dict[str, float]:
    return page_grades(render_pages(catalog))


def test_every_prose_page_is_grade_6_or_lower(grades: dict[str, float]) -> None:
    above = {path: value for path, value in grades.items() if value > MAX_PAGE_GRADE}
    assert not above


def test_median_page_is_grade_5_or_lower(grades: dict[str, float]) -> None:
    assert statistics.median(grades.values()) <= MAX_MEDIAN_GRADE


@pytest.mark.parametrize(
    ("markdown", "plainer"),
    [
        (
            "The patellofemoral articulation demonstrates considerable susceptibility to "
            "repetitive compressive loading during weight-bearing flexion.",
            "The knee gets sore when it takes load while bent.",
        ),
    ],
)
def test_grade_tells_hard_from_plain(markdown: str, plainer: str) -> None:
    assert grade(markdown) > MAX_PAGE_GRADE >= grade(plainer)


def test_markup_and_citations_are_not_read(catalog: Catalog) -> None:
    page = '# Title { #title }\n\nShort words here [\\[1\\]](references.md "x"){ .citation }.\n'
    assert grade(page) == grade("Title. Short words here.")
