"""The patient's companion on a program link: sessions, pain, advice, the record on the device."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from pypdf import PdfReader

from kneeguide.content.catalog import Catalog

from .program_link import fragment

PROGRAM = fragment(
    "Week 1",
    [
        {"slug": "clam-shell", "s": 3, "r": 10, "e": True},
        {"slug": "straight-leg-raise", "s": 2, "r": 10},
        {"slug": "calf-stretch"},
    ],
)
EVENING = datetime.datetime(2026, 11, 25, 18, 0)
MORNING = datetime.datetime(2026, 11, 26, 8, 0)


def open_program(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/#{PROGRAM}")
    page.wait_for_selector("#companion-heading")


def do_session(page: Page, pain: int, before: int | None = None) -> None:
    if before is not None:
        page.fill("#pain-before", str(before))
        page.click("#pain-before-save")
        page.wait_for_selector("#companion-before")
    page.click("#tick-clam-shell-3")  # ticks sets 1 to 3
    page.click("#tick-straight-leg-raise-2")
    page.click("#tick-calf-stretch-1")
    page.click("#companion-done")
    page.fill("#pain-after", str(pain))
    page.click("#pain-after-save")
    page.wait_for_selector("#companion-advice:not([data-advice='none'])")


def pressed(page: Page) -> list[str | None]:
    return [b.get_attribute("aria-pressed") for b in page.locator(".kg-sets button").all()]


def test_a_session_and_its_pain_are_kept_on_reload(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    assert pressed(page) == ["false"] * 6
    do_session(page, 1)
    assert page.get_attribute("#companion-advice", "data-advice") == "carry_on"
    page.reload()
    page.wait_for_selector("#companion-heading")
    assert pressed(page) == ["true"] * 6
    assert "Pain after today's session: 1 out of 10." in page.inner_text("#companion")
    assert page.locator("#companion-done").count() == 0


@pytest.mark.parametrize(
    ("before", "after", "morning", "advice"),
    [
        (None, 1, 1, "carry_on"),
        (None, 4, 1, "stay"),
        (0, 1, 2, "step_back"),  # a morning rise from 0 to 2
        (3, 4, 3, "carry_on"),  # a steady ache of 3 is not a broken rule
    ],
)
def test_the_next_morning_gives_the_pain_rules_advice(
    context: BrowserContext,
    site_url: str,
    catalog: Catalog,
    before: int | None,
    after: int,
    morning: int,
    advice: str,
) -> None:
    page = context.new_page()
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    do_session(page, after, before)
    page.clock.set_fixed_time(MORNING)
    page.reload()
    page.wait_for_selector("#pain-morning")
    assert "Thursday 26 November" in page.inner_text("#companion-heading")
    assert pressed(page) == ["false"] * 6  # a new day, a new session
    assert "last session was on Wednesday 25 November" in page.inner_text(".kg-day")
    page.fill("#pain-morning", str(morning))
    page.click("#pain-morning-save")
    page.wait_for_selector(f"#companion-advice[data-advice='{advice}']")
    words = getattr(catalog.pain_rule.advice, advice)
    assert page.inner_text("#companion-advice .admonition-title") == words.title
    if advice == "step_back":
        easier = page.locator("#companion-advice a")
        assert easier.first.get_attribute("href") == "../exercises/quad-set/"
    assert page.evaluate("document.activeElement.id") == "companion-advice"


@pytest.mark.parametrize("trigger", ["pain-10", "swelling"])
def test_a_bad_session_stops_the_day_and_points_to_help(
    page: Page, site_url: str, catalog: Catalog, trigger: str
) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    if trigger == "swelling":
        page.click("#sign-swelling")
        assert page.get_attribute("#sign-swelling", "aria-pressed") == "true"
    else:
        do_session(page, 10, before=2)
    box = page.locator("#companion-advice")
    assert box.get_attribute("data-advice") == "stop"
    assert "danger" in (box.get_attribute("class") or "")
    assert box.locator(".admonition-title").inner_text() == catalog.pain_rule.advice.stop.title
    assert box.locator("a[href='../see-a-clinician/']").count() == 1
    if trigger == "pain-10":
        assert "10 out of 10" in box.inner_text()


def test_pain_that_did_not_settle_in_time_is_a_step_back(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    do_session(page, 5, before=1)
    assert page.get_attribute("#companion-advice", "data-advice") == "wait"
    assert "info" in (page.get_attribute("#companion-advice", "class") or "")
    page.click("#settled-no")
    page.wait_for_selector("#companion-advice[data-advice='step_back']")
    assert "warning" in (page.get_attribute("#companion-advice", "class") or "")


def test_export_and_import_on_another_browser(
    browser: Browser, page: Page, site_url: str, tmp_path: Path
) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    do_session(page, 3)
    for index, (activity, score) in enumerate([("Running", 3), ("Stairs", 5), ("Squats", 4)]):
        page.fill(f"#psfs-activity-{index}", activity)
        page.fill(f"#psfs-score-{index}", str(score))
    page.click("#psfs-save")
    with page.expect_download() as csv_download:
        page.click("#companion-export-csv")
    csv = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert csv.splitlines()[1] == "2026-11-25,6,yes,,3,,4,"
    with page.expect_download() as json_download:
        page.click("#companion-export-json")
    exported = tmp_path / "record.json"
    json_download.value.save_as(exported)
    assert json.loads(exported.read_text())["days"]["2026-11-25"]["painAfter"] == 3

    other = browser.new_context()
    fresh = other.new_page()
    fresh.clock.set_fixed_time(EVENING)
    open_program(fresh, site_url)
    assert pressed(fresh) == ["false"] * 6
    fresh.set_input_files("#companion-import", str(exported))
    fresh.wait_for_selector("#companion-status:text-is('Record imported.')", state="attached")
    assert pressed(fresh) == ["true"] * 6
    assert fresh.input_value("#psfs-activity-0") == "Running"
    fresh.reload()
    fresh.wait_for_selector("#companion-heading")
    assert pressed(fresh) == ["true"] * 6
    other.close()


def test_import_refuses_another_programs_record(page: Page, site_url: str, tmp_path: Path) -> None:
    open_program(page, site_url)
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps(
            {"format": "knee-guide-record", "version": 1, "program": "x", "days": {}, "psfs": []}
        )
    )
    page.set_input_files("#companion-import", str(other))
    page.wait_for_selector("#companion-status:has-text('different program')", state="attached")


def test_delete_my_records(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    do_session(page, 1)
    page.click("#companion-delete")
    page.click("#companion-delete-confirm")
    assert pressed(page) == ["false"] * 6
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('knee-guide:'))") == []
    page.reload()
    page.wait_for_selector("#companion-heading")
    assert pressed(page) == ["false"] * 6


def test_a_damaged_record_is_set_aside_with_a_message(page: Page, site_url: str) -> None:
    open_program(page, site_url)
    page.evaluate(
        "k => localStorage.setItem(k, '{not json')",
        f"knee-guide:record:{PROGRAM.rsplit('~', 1)[1]}",
    )
    page.reload()
    page.wait_for_selector("#companion [role=alert]")
    assert "could not be read" in page.inner_text("#companion [role=alert]")
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':damaged:'))")
    assert len(kept) == 1
    page.click("#tick-clam-shell-1")  # the page still works, on a new record
    assert pressed(page)[0] == "true"


def test_blocked_or_full_storage_says_so(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    context.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    page = context.new_page()
    open_program(page, site_url)
    page.click("#tick-clam-shell-1")
    page.wait_for_selector("#companion [role=alert]")
    assert "storage for the site is full" in page.inner_text("#companion [role=alert]")
    assert pressed(page)[0] == "true"  # kept in memory
    context.close()


def test_the_handout_leaves_the_companion_out(page: Page, site_url: str) -> None:
    open_program(page, site_url)
    page.emulate_media(media="print")
    assert page.locator("#companion").is_hidden()
    assert page.locator(".kg-program").is_visible()
    page.evaluate("document.body.dataset.print = 'summary'")
    assert page.locator("#companion").is_visible()
    assert page.locator(".kg-program").is_hidden()
    assert page.locator(".kg-record-table, .kg-chart").first.is_visible()


def test_no_request_carries_the_record(context: BrowserContext, site_url: str) -> None:
    sent: list[str] = []
    context.on("request", lambda request: sent.append(f"{request.url} {request.post_data or ''}"))
    page = context.new_page()
    open_program(page, site_url)
    do_session(page, 3)
    page.fill("#psfs-activity-0", "Secretactivity")
    page.click("#psfs-save")
    page.reload()
    page.wait_for_selector("#companion-heading")
    page.click(".kg-program h3 a >> nth=0")
    page.wait_for_load_state("networkidle")
    assert sent
    assert not [s for s in sent if "Secretactivity" in s or "painAfter" in s]
    # The program itself stays in the fragment, which is never sent.
    assert not [s for s in sent if "v1," in s or "clam-shell.s3" in s]


def two_weeks_of_sessions() -> dict[str, object]:
    """A record of 14 daily sessions and two PSFS scores, as the page keeps it."""
    start = datetime.date(2026, 11, 10)
    days = {
        (start + datetime.timedelta(days=n)).isoformat(): {
            "sets": {"clam-shell": 3, "straight-leg-raise": 2, "calf-stretch": 1},
            "done": True,
            "painBefore": 1,
            "painAfter": 1 + n % 3,
            "settled": True,
            "painMorning": 1,
        }
        for n in range(14)
    }
    activities = ["Running", "Stairs", "Squatting"]
    return {
        "format": "knee-guide-record",
        "version": 2,
        "program": PROGRAM.rsplit("~", 1)[1],
        "days": days,
        "psfs": [
            {"date": "2026-11-10", "activities": activities, "scores": [3, 5, 4]},
            {"date": "2026-11-20", "activities": activities, "scores": [5, 7, 6]},
        ],
    }


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_summary_of_two_weeks_prints_on_one_page(page: Page, site_url: str, paper: str) -> None:
    record = two_weeks_of_sessions()
    key = f"knee-guide:record:{record['program']}"
    page.add_init_script(
        f"localStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(record))})"
    )
    page.clock.set_fixed_time(datetime.datetime(2026, 11, 24, 9, 0))
    open_program(page, site_url)
    page.evaluate("document.body.dataset.print = 'summary'")
    pdf = page.pdf(format=paper)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    text = " ".join(pages[0].extract_text().split())
    assert "2026-11-10" in text  # the first day
    assert "2026-11-23" in text  # and the last
    assert "Next morning" in text  # the table's header, with its rows
    assert "Today's session" not in text
