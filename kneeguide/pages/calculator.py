"""What the calculator page needs from the estimator and the content, computed at build time.

The page embeds the default answer (so it shows before Pyodide has started) and the names and
links of everything the estimator refers to by slug.
"""

from __future__ import annotations

import json
from typing import Any

import calculator
from calculator.api import result_json
from kneeguide.content.catalog import Catalog
from kneeguide.pages import urls


def link_from_calculator(path: str) -> str:
    """An href from the calculator page's URL to the page at source ``path``."""
    return "../" + urls.url_of(path)


def calculator_data(catalog: Catalog) -> dict[str, Any]:
    return {
        "fields": list(calculator.FIELDS),
        "defaultInput": calculator.DEFAULTS.to_json(),
        "defaultResult": result_json(calculator.estimate(calculator.DEFAULTS)),
        "references": {
            r.slug: {
                "number": r.number,
                "title": f"{r.short_authors}, {r.year}",
                "href": link_from_calculator(urls.REFERENCES) + f"#ref-{r.slug}",
            }
            for r in catalog.references
        },
        "timelines": link_from_calculator(urls.RECOVERY) + "#timelines",
        "clinician": link_from_calculator(urls.CLINICIAN),
        "exercises": {
            e.slug: {"name": e.name, "href": link_from_calculator(urls.exercise_path(e.slug))}
            for e in catalog.exercises
        },
    }


def calculator_context(catalog: Catalog) -> dict[str, Any]:
    data = calculator_data(catalog)
    return {
        "defaults": data["defaultInput"],
        "default_result": data["defaultResult"],
        # "</" cannot appear inside the JSON script element.
        "data_json": json.dumps(data, sort_keys=True).replace("</", "<\\/"),
    }
