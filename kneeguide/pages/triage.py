"""The warning signs as the browser needs them, and phone numbers as links.

The calculator and the companion decide a referral on the page, the moment a sign is ticked,
whatever state Python is in. They apply the estimator's own rule to data emitted from it (the
codes it knows, the retired codes it still reads, the answers that stand for a sign), with every
word from the content: each sign's name and action, each urgency's heading.
"""

from __future__ import annotations

import re
from typing import Any

import calculator
from calculator.inputs import RETIRED_RED_FLAGS
from kneeguide.content.catalog import Catalog, plain
from kneeguide.content.models import TIERS, Call, RedFlag
from kneeguide.pages import urls


def coded_red_flags(catalog: Catalog) -> dict[str, RedFlag]:
    """The red flags the estimator knows, by code, most urgent first. The catalog has checked
    that the codes on both sides match."""
    flags = [flag for flag in catalog.red_flags if flag.code is not None]
    ordered = sorted(flags, key=lambda f: (TIERS.index(f.tier), f.order))
    return {str(flag.code): flag for flag in ordered}


def dial_pattern(calls: tuple[Call, ...]) -> re.Pattern[str] | None:
    """Matches each listed number where it stands alone (not inside a longer number)."""
    if not calls:
        return None
    numbers = sorted((call.number for call in calls), key=len, reverse=True)
    return re.compile(r"(?<![\d@-])(" + "|".join(numbers) + r")(?![\d-])")


def dial(text: str, catalog: Catalog) -> str:
    """Markdown with every phone number the triage lists as a ``tel:`` link."""
    pattern = dial_pattern(catalog.triage.calls)
    if pattern is None:
        return text
    return pattern.sub(lambda match: f"[{match.group(1)}](tel:{match.group(1)})", text)


def triage_data(catalog: Catalog, link: str) -> dict[str, Any]:
    """What ``triage.js`` reads: see its ``Triage`` type. ``link`` is the triage page's address
    from the page that embeds the data."""
    triage = catalog.triage
    return {
        "signs": [
            {
                "code": code,
                "name": flag.name,
                "tier": flag.tier,
                "action": plain(flag.action),
                "href": f"{link}#{flag.slug}",
            }
            for code, flag in coded_red_flags(catalog).items()
        ],
        "tiers": [
            {"tier": t.tier, "heading": t.heading, "summary": plain(t.summary)}
            for t in triage.tiers
        ],
        "retired": dict(RETIRED_RED_FLAGS),
        "refers": {q.field: dict(q.refers) for q in calculator.QUESTIONS if q.refers},
        "calls": [{"number": c.number, "name": c.name} for c in triage.calls],
    }


def link_to_triage(page: str) -> str:
    """An href from the page at source ``page`` to the triage page."""
    depth = urls.url_of(page).count("/")
    return "../" * depth + urls.url_of(urls.CLINICIAN)
