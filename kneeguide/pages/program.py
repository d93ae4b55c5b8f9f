"""What the exercise-program page needs: every exercise with the guide's starting dose, the
program templates, the pain rule's figures, and where former slugs now live."""

from __future__ import annotations

import dataclasses
from typing import Any

from kneeguide.content.catalog import Catalog, plain
from kneeguide.content.models import Dosage, Exercise, ProgramTemplate
from kneeguide.pages import urls
from kneeguide.pages.figures import alt_text, drawing, figure_path
from kneeguide.pages.labels import PURPOSES
from kneeguide.pages.motion import key_poses_drawing, moving_drawing, moving_path, tempo

FREQUENCIES = {"once a day": (1, "day"), "twice a day": (2, "day")}
"""Frequencies in the content that the builder's "times a day / a week" fields can hold."""


def starting_dose(dosage: Dosage) -> dict[str, Any]:
    """The guide's starting dose in the link codec's terms (s, r, h, e, times, per); only the
    figures the content gives, so a dose the guide does not give stays blank."""
    dose: dict[str, Any] = {}
    if dosage.source == "not-given":
        return dose
    for key, value in (("s", dosage.sets), ("r", dosage.reps), ("h", dosage.hold_seconds)):
        if value is not None:
            dose[key] = value
    if dosage.each_side:
        dose["e"] = True
    if dosage.frequency in FREQUENCIES:
        dose["times"], dose["per"] = FREQUENCIES[dosage.frequency]
    return dose


def template_items(template: ProgramTemplate, catalog: Catalog) -> list[dict[str, Any]]:
    """Each exercise of a template: its starting dose with the template's figures over it."""
    items = []
    for entry in template.exercises:
        item: dict[str, Any] = {"slug": entry.exercise}
        item.update(starting_dose(catalog.exercise(entry.exercise).dosage))
        d = entry.dose
        for key, value in (
            ("s", d.sets),
            ("r", d.reps),
            ("h", d.hold_seconds),
            ("t", d.rest_seconds),
            ("l", d.load),
            ("times", d.times),
            ("per", d.per),
        ):
            if value is not None:
                item[key] = value
        if d.each_side is not None:
            item.pop("e", None)
            if d.each_side:
                item["e"] = True
        items.append(item)
    return items


def _exercise(e: Exercise) -> dict[str, Any]:
    return {
        "slug": e.slug,
        "name": e.name,
        "purpose": PURPOSES[e.purpose][0],
        "href": "../" + urls.url_of(urls.exercise_path(e.slug)),
        "steps": list(e.steps),
        "dose": starting_dose(e.dosage),
        "doseSource": e.dosage.source,
        "frequency": e.dosage.frequency,
        "easier": list(e.regressions),
        "figure": figure_data(e),
    }


def program_data(catalog: Catalog) -> dict[str, Any]:
    rule = catalog.pain_rule
    return {
        "exercises": [_exercise(e) for e in catalog.exercises],
        "formerSlugs": {old: e.slug for e in catalog.exercises for old in e.former_slugs},
        "templates": [
            {
                "slug": t.slug,
                "name": t.name,
                "summary": plain(t.summary),
                "items": template_items(t, catalog),
            }
            for t in catalog.program_templates
        ],
        "painRule": {
            "maxPain": rule.max_pain,
            "settleMinutes": rule.settle_minutes,
            "highPain": rule.high_pain,
            "stopRule": plain(rule.stop_rule),
            "scale": plain(rule.scale),
            "advice": {
                f.name: {"title": words.title, "text": plain(words.text)}
                for f in dataclasses.fields(rule.advice)
                for words in [getattr(rule.advice, f.name)]
            },
        },
        "triage": "../" + urls.url_of(urls.CLINICIAN),
        "psfs": {"minimalChange": catalog.psfs.small},
        "session": {
            f.name: getattr(catalog.session, f.name)
            for f in dataclasses.fields(catalog.session)
            if f.name not in ("slug", "review")
        },
        "companion": {
            f.name: getattr(catalog.companion, f.name)
            for f in dataclasses.fields(catalog.companion)
            if isinstance(getattr(catalog.companion, f.name), str)
            and f.name not in ("slug", "name")
        },
    }


def figure_data(exercise: Exercise) -> dict[str, Any] | None:
    """What the browser needs to show the figure: the standalone file (whose ``#figure`` group
    it reuses with ``<use>``, so it keeps the page's colours), its viewBox and its text
    alternative; and for the guided session, the moving figure's file, viewBoxes, key poses and
    one repetition's timing."""
    if exercise.figure is None:
        return None
    keys_box, poses = key_poses_drawing(exercise.figure)
    return {
        "href": "../" + figure_path(exercise.slug),
        "viewBox": drawing(exercise.figure)[0],
        "alt": alt_text(exercise),
        "motion": {
            "href": "../" + moving_path(exercise.slug),
            "viewBox": moving_drawing(exercise.figure)[0],
            "posesViewBox": keys_box,
            "poses": len(poses),
            "tempo": tempo(exercise.figure),
        },
    }


def program_context(catalog: Catalog) -> dict[str, Any]:
    return {
        "program_data": program_data(catalog),
    }
