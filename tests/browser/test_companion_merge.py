"""The companion's record never loses what was written: an import merges by date and asks before
replacing, one PSFS entry a week, two open tabs merge; and the offer to add the program to the
home screen, which the installed app opens."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from kneeguide.content.catalog import Catalog

from .program_link import fragment
from .test_companion import EVENING, MORNING, PROGRAM, do_session, open_program, pressed


def stored(page: Page) -> dict[str, Any]:
    """The episode's record as the page stored it."""
    text = page.evaluate(
        "() => localStorage.getItem(Object.keys(localStorage)"
        ".find((k) => k.startsWith('knee-guide:episode:')))"
    )
    assert isinstance(text, str)
    record: dict[str, Any] = json.loads(text)
    return record


def days(page: Page) -> dict[str, Any]:
    value: dict[str, Any] = stored(page)["days"]
    return value


def saved_copy(page: Page, tmp_path: Path, pain_after: int) -> Path:
    """This device's record with the day before added and today's pain after changed."""
    record = stored(page)
    record["days"] = {
        "2026-11-24": {"sessions": [{"sets": {"clam-shell": 2}, "done": True}], "painAfter": 1},
        "2026-11-25": {**days(page)["2026-11-25"], "painAfter": pain_after},
    }
    path = tmp_path / "copy.json"
    path.write_text(json.dumps(record))
    return path


@pytest.mark.parametrize(
    ("choice", "pain_after"),
    [("companion-import-keep", 3), ("companion-import-replace", 5), ("companion-import-cancel", 3)],
)
def test_an_import_merges_by_date_and_asks_before_replacing(
    page: Page, site_url: str, tmp_path: Path, catalog: Catalog, choice: str, pain_after: int
) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    do_session(page, 3)
    page.set_input_files("#companion-import", str(saved_copy(page, tmp_path, 5)))
    question = page.locator("#companion-import-question")
    question.wait_for()
    words = catalog.companion.import_question
    assert words.format(count="1 day", dates="Wednesday 25 November") in question.inner_text()
    assert page.evaluate("() => document.activeElement.id") == "companion-import-question"
    assert list(days(page)) == ["2026-11-25"], "nothing is stored before the answer"
    page.click(f"#{choice}")
    page.wait_for_selector("#companion-import", state="attached")
    record = days(page)
    assert record["2026-11-25"]["painAfter"] == pain_after
    if choice == "companion-import-cancel":
        assert list(record) == ["2026-11-25"]
        assert "Import cancelled" in page.inner_text("#companion-status")
    else:
        assert list(record) == ["2026-11-24", "2026-11-25"]
        assert "1 date added" in page.inner_text("#companion-status")
    assert pressed(page) == ["true"] * 6, "today's ticks are kept either way"


def test_an_import_with_nothing_to_replace_merges_without_asking(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    do_session(page, 3)
    page.set_input_files("#companion-import", str(saved_copy(page, tmp_path, 3)))
    page.wait_for_selector(
        "#companion-status:has-text('Record imported: 1 date added.')", state="attached"
    )
    assert page.locator("#companion-import-question").count() == 0
    assert list(days(page)) == ["2026-11-24", "2026-11-25"]


def save_psfs(page: Page, scores: tuple[int, int, int]) -> None:
    for index, score in enumerate(scores):
        page.fill(f"#psfs-activity-{index}", ["Running", "Stairs", "Squats"][index])
        page.fill(f"#psfs-score-{index}", str(score))
    page.click("#psfs-save")


def test_a_second_psfs_within_the_week_updates_it(
    page: Page, site_url: str, catalog: Catalog
) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    save_psfs(page, (3, 5, 4))
    page.wait_for_selector("#companion-status:text-is('Scores saved.')", state="attached")
    page.clock.set_fixed_time(MORNING + datetime.timedelta(days=5))
    page.reload()
    page.wait_for_selector("#psfs-week-hint")
    assert "Wednesday 25 November" in page.inner_text("#psfs-week-hint")
    assert page.input_value("#psfs-score-1") == "5"
    save_psfs(page, (4, 6, 5))
    message = page.locator("#psfs-week-updated")
    message.wait_for()
    words = catalog.companion.psfs_week
    assert message.inner_text() == words.format(
        given="Wednesday 25 November", due="Wednesday 2 December"
    )
    psfs = stored(page)["psfs"]
    assert psfs == [
        {"date": "2026-11-25", "activities": ["Running", "Stairs", "Squats"], "scores": [4, 6, 5]}
    ]
    page.clock.set_fixed_time(EVENING + datetime.timedelta(days=7))
    page.reload()
    page.wait_for_selector("#psfs-save")
    assert page.locator("#psfs-week-hint").count() == 0
    save_psfs(page, (6, 6, 6))
    page.wait_for_selector("#companion-status:text-is('Scores saved.')", state="attached")
    assert [entry["date"] for entry in stored(page)["psfs"]] == ["2026-11-25", "2026-12-02"]


def test_two_open_tabs_keep_both_entries(context: BrowserContext, site_url: str) -> None:
    context.clock.set_fixed_time(EVENING)
    first = context.new_page()
    second = context.new_page()
    open_program(first, site_url)
    open_program(second, site_url)
    first.click("#tick-clam-shell-3")
    second.click("#tick-straight-leg-raise-2")  # before or after the first tab's news arrives
    first.wait_for_selector("#tick-straight-leg-raise-2[aria-pressed='true']")
    second.wait_for_selector("#tick-clam-shell-3[aria-pressed='true']")
    second.fill("#psfs-activity-0", "Stairs")
    first.fill("#pain-before", "2")
    first.click("#pain-before-save")
    second.wait_for_selector("#companion-before")
    assert second.input_value("#psfs-activity-0") == "Stairs", "what was being typed stays"
    for page in (first, second):
        page.reload()
        page.wait_for_selector("#companion-heading")
        assert pressed(page) == ["true"] * 5 + ["false"]
    sets = days(first)["2026-11-25"]["sessions"][0]["sets"]
    assert sets == {"clam-shell": 3, "straight-leg-raise": 2}


def test_a_program_left_for_another_takes_no_news_from_other_tabs(
    context: BrowserContext, site_url: str
) -> None:
    """A tab that has moved on to another program never copies what was typed in the first
    program's form into the new one's, when another tab saves the first program's record."""
    context.clock.set_fixed_time(EVENING)
    first = context.new_page()
    second = context.new_page()
    open_program(first, site_url)
    first.fill("#psfs-activity-0", "Stairs")  # typed, never saved
    other = fragment("Week 2", [{"slug": "quad-set", "s": 2, "r": 10}], episode="other1")
    first.evaluate("(hash) => { location.hash = hash; }", other)
    first.wait_for_selector("#tick-quad-set-1")
    open_program(second, site_url)
    second.click("#tick-clam-shell-3")  # the first program's record changes in another tab
    second.goto(f"{site_url}program/#{other}")
    second.wait_for_selector("#tick-quad-set-1")
    second.click("#tick-quad-set-1")  # then the second program's: news the tab does take in
    first.wait_for_selector("#tick-quad-set-1[aria-pressed='true']")
    assert first.input_value("#psfs-activity-0") == ""


FAKE_PROMPT = """() => {
  window.prompted = 0;
  const event = new Event("beforeinstallprompt", { cancelable: true });
  event.prompt = () => { window.prompted += 1; return Promise.resolve({ outcome: "accepted" }); };
  dispatchEvent(event);
  return event.defaultPrevented;
}"""


@pytest.mark.parametrize("where", ["program", "home"])
def test_add_to_home_screen_where_the_browser_offers_it(
    page: Page, site_url: str, where: str
) -> None:
    open_program(page, site_url)
    if where == "home":
        page.goto(site_url)
        page.locator("#my-program").wait_for()
    box = page.locator("#kg-install")
    assert box.is_visible()
    assert page.locator(".kg-install-how").is_visible(), "no offer yet: the line says how"
    assert page.locator(".kg-install-offer").is_hidden()
    assert page.evaluate(FAKE_PROMPT) is True
    button = page.locator(".kg-install-button")
    assert button.is_visible()
    assert page.locator(".kg-install-how").is_hidden()
    button.click()
    page.wait_for_function("() => window.prompted === 1")
    assert page.locator(".kg-install-offer").is_hidden(), "an offer is used once"


@pytest.mark.parametrize("kept", [True, False])
def test_the_installed_app_starts_at_the_program(
    page: Page, site_url: str, built_site: Path, kept: bool
) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text())
    start = f"{site_url}{manifest['start_url'].removeprefix('./')}"
    # The app's identity is still the site's root, the start page it had before ``?start``, so
    # a copy installed then stays the same app.
    assert urljoin(start, manifest["id"]) == site_url
    if kept:
        open_program(page, site_url)
    page.goto(start)
    if kept:
        page.wait_for_selector("#companion-heading")
        assert page.url == f"{site_url}program/#{PROGRAM}"
    else:
        page.wait_for_function("() => location.search === ''")
        assert page.url == site_url
        assert page.locator("#my-program").is_hidden()


def test_the_installed_apps_start_page_leads_to_the_program_offline(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text())
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    open_program(page, site_url)
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    context.set_offline(True)
    page.goto(f"{site_url}{manifest['start_url'].removeprefix('./')}")
    page.wait_for_selector("#companion-heading")
    assert page.url == f"{site_url}program/#{PROGRAM}"
    context.close()
