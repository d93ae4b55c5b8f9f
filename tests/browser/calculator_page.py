"""Driving the calculator page, and what it should show for a given native result."""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

from playwright.sync_api import Page

from kneeguide.content.catalog import load_catalog
from kneeguide.content.models import EstimateWords

from ..conftest import ROOT

READY = "#calculator-result[data-python]"
SETTLED = (
    "() => { const s = document.querySelector('#calculator-result').dataset;"
    " return s.requested !== undefined && s.requested === s.answered; }"
)


def js_number(value: float) -> str:
    """How JavaScript's String() writes the numbers the estimator returns."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def answers_in(url: str) -> dict[str, list[str]]:
    """The answers an address holds in its fragment (or a query string), warning signs as a
    sorted list of codes."""
    answers = parse_qs(urlparse(url).fragment if "://" in url else url)
    if "red_flags" in answers:
        answers["red_flags"] = sorted(answers["red_flags"][0].split(","))
    return answers


def query(inputs: dict[str, Any]) -> str:
    """The answers as the page writes them in its URL (no empty list of red flags)."""
    values = {
        k: ",".join(v) if isinstance(v, list) else str(v).lower() if isinstance(v, bool) else v
        for k, v in inputs.items()
        if v != []
    }
    return urlencode(values, safe=",")


def open_calculator(page: Page, site_url: str, search: str = "") -> None:
    """A new visit to the calculator (a link that differs only in its fragment would otherwise
    stay on the same document)."""
    target = f"{site_url}calculator/{search}"
    if page.url.split("#")[0] == target.split("#")[0]:
        page.goto("about:blank")
    page.goto(target)
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_function(SETTLED)


def set_form(page: Page, inputs: dict[str, Any]) -> None:
    for field in ("age", "severity", "ran_through_pain", "training", "plan"):
        page.check(f'input[name="{field}"][value="{str(inputs[field]).lower()}"]')
    page.fill("#input-symptom_weeks", js_number(inputs["symptom_weeks"]))
    page.select_option("#input-cause", inputs["cause"])
    for box in page.locator('input[name="red_flags"]').all():
        box.set_checked(box.get_attribute("value") in inputs.get("red_flags", []))
    page.wait_for_function(SETTLED)


def shown(page: Page) -> dict[str, Any]:
    """What a reader sees in the result area, in a comparable shape."""
    body = page.locator("#result-body")
    state = page.get_attribute("#calculator-result", "data-state")
    if state in ("estimate", "outlook", "refer"):
        # Shown as the reader's own answer, in the details and in the summary.
        assert body.locator(".kg-for").inner_text() == "For your answers."
        assert page.get_attribute("#calculator-summary", "data-state") == state
    if state == "refer":
        return {
            "state": state,
            "red_flags": sorted(
                str(item.get_attribute("data-code")) for item in body.locator(".kg-refer li").all()
            ),
        }
    if state == "outlook":
        return {"state": state, "headline": body.locator(".kg-headline").inner_text()}

    def effects(table: str) -> dict[str | None, str]:
        return {
            row.get_attribute("data-factor"): row.locator(".kg-effect").inner_text()
            for row in body.locator(f"{table} tr[data-factor]").all()
        }

    return {
        "state": state,
        "headline": body.locator(".kg-headline").inner_text(),
        "running": body.locator(".kg-running").get_attribute("data-running"),
        "effects": effects(".kg-factors:not(.kg-habits)"),
        "habits": effects(".kg-habits"),
        "phases": [
            (
                item.get_attribute("data-phase"),
                item.locator("h3").inner_text(),
                [a.get_attribute("href") for a in item.locator(".kg-exercises a").all()],
            )
            for item in body.locator("li[data-phase]").all()
        ],
    }


def days(count: int) -> str:
    """Days as the page words them: whole weeks as weeks."""
    if count > 0 and count % 7 == 0:
        return f"{count // 7} week{'' if count == 7 else 's'}"
    return f"{count} day{'' if count == 1 else 's'}"


@functools.cache
def words() -> EstimateWords:
    return load_catalog(ROOT / "content").estimate


@functools.cache
def templates() -> dict[str, list[str]]:
    catalog = load_catalog(ROOT / "content")
    return {t.slug: [e.exercise for e in t.exercises] for t in catalog.program_templates}


def when(phase: dict[str, Any]) -> str:
    if phase["ongoing"]:
        return f"from day {phase['start_day'] + 1}, for {days(phase['end_day'] - phase['start_day'])} or more"
    return f"days {phase['start_day'] + 1} to {phase['end_day']}"


def expected(result: dict[str, Any]) -> dict[str, Any]:
    """What the page must show for the estimator's ``result``, in the content's words."""
    if result["kind"] == "refer":
        return {"state": "refer", "red_flags": sorted(result["red_flags"])}
    if result["kind"] == "outlook":
        title = next(o.title for o in words().outlooks if o.code == result["reason"])
        return {"state": "outlook", "headline": title}
    weeks = result["weeks"]
    likely = f"{weeks['likely']} week{'' if weeks['likely'] == 1 else 's'}"
    phases = {p.phase: p for p in words().phases}

    def effect(factor: dict[str, Any]) -> str:
        return f"+{days(factor['days_added'])}" if factor["days_added"] > 0 else "none"

    habits = {
        f["factor"]: f"+{days(f['days_added'])} if nothing changes"
        if f["days_added"] > 0
        else "longer"
        if result["as_is_beyond"] and f["multiplier"] > 1
        else "none"
        for f in result["habits"]
    }
    return {
        "state": "estimate",
        "headline": f"Likely {likely}: {weeks['low']} to {weeks['high']} weeks or more.",
        "running": result["running"],
        "effects": {f["factor"]: effect(f) for f in result["factors"]},
        "habits": habits,
        "phases": [
            (
                p["phase"],
                f"{phases[p['phase']].name}: {when(p)}",
                [f"../exercises/{slug}/" for slug in templates()[phases[p["phase"]].template]],
            )
            for p in result["phases"]
        ],
    }
