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
from kneeguide.pages.labels import BASIS_LABELS
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


def claim_data(text: str) -> dict[str, Any]:
    """A claim as the browser shows it: plain text, and the bases it cites (reference slugs,
    ``editorial`` or ``experience``) to show after it."""
    return {"text": plain(text), "cites": CITATION.findall(text)}


def words_data(catalog: Catalog) -> dict[str, Any]:
    """Every word the page shows about an estimate, by the estimator's codes."""
    words = catalog.estimate
    return {
        **{
            name: claim_data(getattr(words, name))
            for name in ("measure", "typical", "caveat", "assess", "as_is", "as_is_beyond", "refer")
        },
        "disclaimer": plain(words.disclaimer),
        "running": {
            r.code: {"title": r.title, "text": [claim_data(t) for t in r.text]}
            for r in words.running
        },
        "outlooks": {
            o.code: {"title": o.title, "text": [claim_data(t) for t in o.text]}
            for o in words.outlooks
        },
        "phases": {
            p.phase: {
                "name": p.name,
                "what": [claim_data(t) for t in p.what],
                "startWhen": claim_data(p.start_when) if p.start_when else None,
                "moveOnWhen": claim_data(p.move_on_when) if p.move_on_when else None,
                "ongoing": claim_data(p.ongoing) if p.ongoing else None,
                "template": next(t.name for t in catalog.program_templates if t.slug == p.template),
                "exercises": [
                    e.exercise
                    for e in next(
                        t for t in catalog.program_templates if t.slug == p.template
                    ).exercises
                ],
            }
            for p in words.phases
        },
        "factors": {
            f.factor: {
                "label": f.label,
                "references": list(f.references),
                "timeline": f.timeline is not None,
                "answers": {a.answer: claim_data(a.why) for a in f.answers if a.answer is not None},
                "bands": [
                    {"atLeast": a.at_least, **claim_data(a.why)}
                    for a in sorted(f.answers, key=lambda a: a.at_least or 0)
                    if a.at_least is not None
                ],
            }
            for f in words.factors
        },
    }


def calculator_data(catalog: Catalog, download_bytes: int | None = None) -> dict[str, Any]:
    return {
        "fields": list(calculator.FIELDS),
        "kinds": {q.field: q.kind for q in calculator.QUESTIONS},
        "units": {q.field: q.unit for q in calculator.QUESTIONS if q.unit},
        "required": list(REQUIRED),
        "short": {q.field: q.short for q in calculator.QUESTIONS},
        "downloadBytes": download_bytes,
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
        "bases": {
            basis: {"label": label, "href": link_from_calculator(urls.ABOUT) + f"#{anchor}"}
            for basis, (label, anchor) in BASIS_LABELS.items()
        },
        "words": words_data(catalog),
        "triage": triage_data(catalog, link_from_calculator(urls.CLINICIAN)),
        "timelines": link_from_calculator(urls.RECOVERY) + "#timelines",
        "recovery": link_from_calculator(urls.RECOVERY),
        "painRule": link_from_calculator(urls.RECOVERY) + "#pain-rule",
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
        "questions": questions(catalog),
        "download": f"{download_bytes / 1e6:.1f} MB" if download_bytes else None,
        "data": data,
    }
