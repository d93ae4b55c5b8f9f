"""What the exercise-program page needs: every exercise, and where former slugs now live."""

from __future__ import annotations

import json
from typing import Any

from kneeguide.content.catalog import Catalog
from kneeguide.content.models import Exercise
from kneeguide.pages import urls
from kneeguide.pages.figures import alt_text, drawing, figure_path
from kneeguide.pages.labels import PURPOSES


def program_data(catalog: Catalog) -> dict[str, Any]:
    return {
        "exercises": [
            {
                "slug": e.slug,
                "name": e.name,
                "purpose": PURPOSES[e.purpose][0],
                "href": "../" + urls.url_of(urls.exercise_path(e.slug)),
                "steps": list(e.steps),
                "figure": figure_data(e),
            }
            for e in catalog.exercises
        ],
        "formerSlugs": {old: e.slug for e in catalog.exercises for old in e.former_slugs},
    }


def figure_data(exercise: Exercise) -> dict[str, str] | None:
    """What the browser needs to show the figure: the standalone file (whose ``#figure`` group
    it reuses with ``<use>``, so it keeps the page's colours), its viewBox and its text
    alternative."""
    if exercise.figure is None:
        return None
    return {
        "href": "../" + figure_path(exercise.slug),
        "viewBox": drawing(exercise.figure)[0],
        "alt": alt_text(exercise),
    }


def program_context(catalog: Catalog) -> dict[str, Any]:
    return {"program_json": json.dumps(program_data(catalog), sort_keys=True).replace("</", "<\\/")}
