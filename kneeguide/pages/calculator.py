"""What the calculator page needs from the estimator and the content, computed at build time.

The page embeds the typical answer (so it shows before Pyodide has started) and every word the
estimator refers to by code or slug: red flags, the long-standing outlook, references, exercises.
"""

from __future__ import annotations

from typing import Any

import calculator
from calculator.api import result_json
from calculator.inputs import REQUIRED
from kneeguide.content.catalog import CITATION, Catalog, plain
from kneeguide.pages import urls
from kneeguide.pages.triage import coded_red_flags, triage_data


def link_from_calculator(path: str) -> str:
    """An href from the calculator page's URL to the page at source ``path``."""
    return "../" + urls.url_of(path)


HINT_LINKS = {
    "cause": ("Read about the causes.", urls.CAUSES),
    "red_flags": ("What each sign means.", urls.CLINICIAN),
}
"""A page of the guide that helps answer a question, linked after its hint."""


def form_value(value: str | bool) -> str:
    """How a JSON value is written in the form and in a shareable link."""
    return str(value).lower() if isinstance(value, bool) else value


def questions(catalog: Catalog) -> list[dict[str, Any]]:
    """The form, from ``calculator.QUESTIONS``; the warning signs' words from the content, most
    urgent first, leaving out the signs another question asks (a reader under 18)."""
    answered = {code for q in calculator.QUESTIONS for code in q.refers.values()}
    headings = {t.tier: t.heading for t in catalog.triage.tiers}
    shown = []
    for q in calculator.QUESTIONS:
        options = [
            {"value": form_value(value), "label": label, "group": None}
            for value, label in q.options
        ]
        if q.field == "red_flags":
            options = [
                {"value": code, "label": flag.name, "group": headings[flag.tier]}
                for code, flag in coded_red_flags(catalog).items()
                if code not in answered
            ]
        link = HINT_LINKS.get(q.field)
        shown.append(
            {
                "field": q.field,
                "text": q.text,
                "control": q.control,
                "hint": q.hint,
                "link": {"text": link[0], "href": link_from_calculator(link[1])} if link else None,
                "options": options,
                "low": q.low,
                "high": q.high,
                "step": q.step,
                "short": q.short,
            }
        )
    return shown


def calculator_data(catalog: Catalog, download_bytes: int | None = None) -> dict[str, Any]:
    return {
        "fields": list(calculator.FIELDS),
        "kinds": {q.field: q.kind for q in calculator.QUESTIONS},
        "units": {q.field: q.unit for q in calculator.QUESTIONS if q.unit},
        "required": list(REQUIRED),
        "short": {q.field: q.short for q in calculator.QUESTIONS},
        "download": f"{download_bytes / 1e6:.1f} MB" if download_bytes else None,
        "typicalInput": calculator.TYPICAL.to_json(),
        "typicalResult": result_json(calculator.estimate(calculator.TYPICAL)),
        "references": {
            r.slug: {
                "number": r.number,
                "title": f"{r.short_authors}, {r.shown_year}",
                "href": link_from_calculator(urls.REFERENCES) + f"#ref-{r.slug}",
            }
            for r in catalog.references
        },
        "triage": triage_data(catalog, link_from_calculator(urls.CLINICIAN)),
        "outlook": [
            {"text": plain(text), "references": CITATION.findall(text)}
            for text in catalog.condition.outlook
        ],
        "timelines": link_from_calculator(urls.RECOVERY) + "#timelines",
        "recovery": link_from_calculator(urls.RECOVERY),
        "clinician": link_from_calculator(urls.CLINICIAN),
        "exercises": {
            e.slug: {"name": e.name, "href": link_from_calculator(urls.exercise_path(e.slug))}
            for e in catalog.exercises
        },
    }


def calculator_context(catalog: Catalog, download_bytes: int | None = None) -> dict[str, Any]:
    """``download_bytes``: what the worker downloads on a first visit (the Pyodide runtime, the
    lock and the estimator's wheel), measured from the files the build serves; ``None`` when
    the pages are rendered without the bundle (then the page states no size)."""
    data = calculator_data(catalog, download_bytes)
    return {
        "typical_result": data["typicalResult"],
        "questions": questions(catalog),
        "download": data["download"],
        "data": data,
    }
