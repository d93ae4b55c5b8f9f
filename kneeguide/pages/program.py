"""What the exercise-program page needs: every exercise, and where former slugs now live."""

from __future__ import annotations

import json
from typing import Any

from kneeguide.content.catalog import Catalog
from kneeguide.pages import urls
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
            }
            for e in catalog.exercises
        ],
        "formerSlugs": {old: e.slug for e in catalog.exercises for old in e.former_slugs},
    }


def program_context(catalog: Catalog) -> dict[str, Any]:
    return {"program_json": json.dumps(program_data(catalog), sort_keys=True).replace("</", "<\\/")}
