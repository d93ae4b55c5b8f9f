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

from .program_link import fragment, signed

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
    assert csv.splitlines()[1] == "2026-11-25,6,1,1,,3,,4,"
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
    fresh.wait_for_selector("#companion-status:has-text('Record imported')", state="attached")
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


def _episode_link(title: str, episode: str, items: list[dict[str, object]]) -> str:
    """A program link carrying an episode, as the builder writes it."""
    plain = fragment(title, items)
    payload = plain.rsplit("~", 1)[0]
    head, rest = payload.split(",", 2)[1], payload.split(",", 2)[2]
    return signed(f"v1,{head}.i{episode},{rest}")


V1 = [{"slug": "clam-shell", "s": 3, "r": 10, "e": True}, {"slug": "calf-stretch"}]
V2 = [*V1, {"slug": "straight-leg-raise", "s": 2, "r": 10}]


def test_a_new_program_version_continues_the_same_record(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(EVENING)
    page.goto(f"{site_url}program/#{_episode_link('Week 1', 'ep0000001', V1)}")
    page.wait_for_selector("#companion-heading")
    page.fill("#pain-before", "1")
    page.click("#pain-before-save")
    page.click("#tick-clam-shell-3")
    page.click("#companion-done")
    page.fill("#pain-after", "2")
    page.click("#pain-after-save")
    for index, (activity, score) in enumerate([("Running", 3), ("Stairs", 5), ("Squats", 4)]):
        page.fill(f"#psfs-activity-{index}", activity)
        page.fill(f"#psfs-score-{index}", str(score))
    page.click("#psfs-save")
    page.clock.set_fixed_time(MORNING + datetime.timedelta(days=6))
    page.goto(f"{site_url}program/#{_episode_link('Week 2', 'ep0000001', V2)}")
    page.wait_for_selector("#companion-heading")
    assert "last session was on Wednesday 25 November" in page.inner_text(".kg-day")
    assert page.input_value("#psfs-activity-0") == "Running"
    stored = page.evaluate("JSON.parse(localStorage.getItem('knee-guide:episode:ep0000001'))")
    assert stored["days"]["2026-11-25"]["painAfter"] == 2
    # Another episode starts its own record.
    page.goto(f"{site_url}program/#{_episode_link('Week 1', 'ep0000002', V1)}")
    page.wait_for_selector("#companion-heading")
    assert "No session recorded before today." in page.inner_text(".kg-day")


def test_a_record_kept_before_episodes_moves_into_the_episode(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(MORNING)
    open_program(page, site_url)
    old_key = PROGRAM.rsplit("~", 1)[1]
    old = {
        "format": "knee-guide-record",
        "version": 2,
        "program": old_key,
        "days": {"2026-11-25": {"sets": {"clam-shell": 3}, "done": True, "painAfter": 2}},
        "psfs": [],
    }
    page.evaluate(
        "([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }",
        [f"knee-guide:record:{old_key}", json.dumps(old)],
    )
    page.reload()
    page.wait_for_selector("#companion-heading")
    assert "last session was on Wednesday 25 November" in page.inner_text(".kg-day")
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('knee-guide:'))")
    assert sorted(keys) == [f"knee-guide:episode:{old_key}", "knee-guide:my-program"]
    # The clinician changes the old link in the builder: the new link keeps the record.
    page.goto(f"{site_url}program/?edit#{PROGRAM}")
    page.wait_for_function("() => document.getElementById('program-link')?.value.includes('v1,')")
    new_link = page.input_value("#program-link")
    assert f".i{old_key}," in new_link
    page.goto(new_link)
    page.wait_for_selector("#companion-heading")
    assert "last session was on Wednesday 25 November" in page.inner_text(".kg-day")


@pytest.mark.parametrize("width", [412, 1280])
def test_the_patient_page_lists_no_builder_headings_and_anchors_keep_the_program(
    browser: Browser, site_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    open_program(page, site_url)
    toc = page.locator("nav.md-nav--secondary a[href='#your-program']")
    assert toc.count() >= 1
    assert all(not toc.nth(i).is_visible() for i in range(toc.count()))
    if width < 1000:
        page.click(".md-header label[for='__drawer']")
        page.wait_for_selector(".md-nav--primary a.md-nav__link--active:visible")
        assert page.locator(".md-nav--primary label.md-nav__link[for='__toc']").is_hidden()
    page.evaluate("location.hash = 'your-program'")
    page.evaluate("location.hash = ''")
    page.wait_for_function("() => location.hash.startsWith('#v1,')")
    assert page.get_attribute("#program-view", "data-status") == "ok"
    assert page.locator("#program-view .kg-program-message").count() == 0
    assert page.locator("#companion-heading").is_visible()
    assert page.locator("#program-builder").is_hidden()
    page.reload()
    page.wait_for_selector("#companion-heading")
    context.close()


def test_an_anchor_in_the_builder_keeps_the_work(page: Page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}program/?edit#{PROGRAM}")
    page.wait_for_selector("#program-items > li")
    page.evaluate("location.hash = 'your-program'")  # as a heading's anchor would
    page.wait_for_function("() => location.hash.startsWith('#v1,')")
    assert page.locator("#program-items > li").count() == 3


def test_the_home_page_and_the_bare_program_page_lead_back_to_my_program(
    page: Page, site_url: str
) -> None:
    page.goto(site_url)
    assert page.locator("#my-program").is_hidden()
    open_program(page, site_url)
    page.goto(site_url)
    link = page.locator("#my-program-link")
    link.wait_for()
    assert link.inner_text() == "Open your exercise program"
    assert page.inner_text("#my-program-title") == "Week 1"
    link.click()
    page.wait_for_selector("#companion-heading")
    assert page.url == f"{site_url}program/#{PROGRAM}"
    page.goto(f"{site_url}program/")
    page.wait_for_selector("#companion-heading")
    assert page.url == f"{site_url}program/#{PROGRAM}"
    page.click("#program-builder-way a")
    page.wait_for_selector("#program-templates button")
    assert page.locator("#program-builder").is_visible()
    # "Delete my records" forgets the way back too.
    open_program(page, site_url)
    page.click("#companion-delete")
    page.click("#companion-delete-confirm")
    page.goto(site_url)
    page.wait_for_load_state("load")
    assert page.locator("#my-program").is_hidden()


def test_a_clinicians_preview_is_not_kept_as_my_program(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/?preview#{PROGRAM}")
    page.wait_for_selector("#companion-heading")
    assert page.evaluate("localStorage.getItem('knee-guide:my-program')") is None


def test_delete_my_records_removes_set_aside_and_older_copies(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    key = PROGRAM.rsplit("~", 1)[1]
    page.evaluate(
        "k => { localStorage.setItem(k + ':damaged:1', '{'); localStorage.setItem('other', 'x'); }",
        f"knee-guide:episode:{key}",
    )
    page.click("#tick-clam-shell-1")
    page.click("#companion-delete")
    page.click("#companion-delete-confirm")
    left = page.evaluate("Object.keys(localStorage).filter(k => !k.endsWith('__palette'))")
    assert left == ["other"]


def test_three_times_a_day_logs_each_session_and_exports_adherence(
    page: Page, site_url: str
) -> None:
    program = fragment(
        "Three a day",
        [
            {"slug": "quad-set", "s": 2, "r": 10, "times": 3},
            {"slug": "calf-stretch", "times": 1},
        ],
    )
    page.clock.set_fixed_time(EVENING)
    page.goto(f"{site_url}program/#{program}")
    page.wait_for_selector("#companion-heading")
    for session in (1, 2, 3):
        assert page.inner_text("#companion-session") == f"Session {session} of 3 today"
        assert pressed(page) == (["false"] * 3 if session == 1 else ["false"] * 2)
        page.click("#tick-quad-set-2")
        if session == 1:
            page.click("#tick-calf-stretch-1")
        page.click("#companion-done")
        done = "Done for today" if session == 3 else f"Session {session} of 3 done"
        page.wait_for_selector(f"#companion-status:has-text('{done}')", state="attached")
        if session == 1:
            page.fill("#pain-after", "1")
            page.click("#pain-after-save")
            page.wait_for_selector("#companion-status:has-text('Saved: 1')", state="attached")
    assert "Done for today. Well done." in page.inner_text("#companion-done-note")
    assert page.locator("#companion-done").count() == 0
    page.reload()
    page.wait_for_selector("#companion-heading")
    assert "Done for today. Well done." in page.inner_text("#companion-done-note")
    with page.expect_download() as csv_download:
        page.click("#companion-export-csv")
    csv = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert csv.splitlines()[1].startswith("2026-11-25,7,3,3,")
    assert "3 of 3" in page.inner_text(".kg-record-table tbody tr")


def test_the_chart_spaces_points_by_date_with_readable_text(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    do_session(page, 3)
    page.clock.set_fixed_time(EVENING + datetime.timedelta(days=1))
    page.reload()
    page.wait_for_selector("#companion-heading")
    do_session(page, 2)
    page.clock.set_fixed_time(EVENING + datetime.timedelta(days=4))  # two rest days
    page.reload()
    page.wait_for_selector("#companion-heading")
    do_session(page, 1)
    xs = page.eval_on_selector_all(
        ".kg-chart .kg-point--after", "ps => ps.map(p => Number(p.getAttribute('cx')))"
    )
    assert len(xs) == 3
    assert abs((xs[2] - xs[1]) - 3 * (xs[1] - xs[0])) < 0.5  # spaced by date, not by entry
    assert page.locator(".kg-chart .kg-point--psfs").count() == 0
    sizes = page.evaluate(
        """() => {
          const svg = document.querySelector('.kg-chart svg');
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const texts = [...svg.querySelectorAll('text')].map(t => Number(t.getAttribute('font-size')) * scale);
          const legend = [...document.querySelectorAll('.kg-chart-legend li')]
            .map(li => parseFloat(getComputedStyle(li).fontSize));
          return {texts, legend};
        }"""
    )
    assert min(sizes["texts"]) >= 12, sizes
    assert sizes["legend"], sizes
    assert min(sizes["legend"]) >= 12, sizes
    assert "Wed 25 Nov" in (page.text_content(".kg-chart svg") or "")
    dates = page.locator(".kg-record-table th[scope=row]")
    assert dates.all_inner_texts() == ["Wed 25 Nov", "Thu 26 Nov", "Sun 29 Nov"]
    one_line = page.evaluate(
        "[...document.querySelectorAll('.kg-record-table th[scope=row]')]"
        ".every(th => th.getClientRects().length === 1 && getComputedStyle(th).whiteSpace === 'nowrap')"
    )
    assert one_line


@pytest.mark.parametrize("granted", [True, False])
def test_starting_a_record_asks_the_browser_to_keep_it(
    browser: Browser, site_url: str, granted: bool
) -> None:
    context = browser.new_context()
    context.add_init_script(
        "window.__asked = 0;"
        "navigator.storage.persisted = async () => false;"
        f"navigator.storage.persist = async () => {{ window.__asked += 1; return {str(granted).lower()}; }};"
    )
    page = context.new_page()
    open_program(page, site_url)
    assert page.locator("#companion-persisted").count() == 0  # not asked before a record starts
    page.click("#tick-clam-shell-1")
    page.wait_for_selector("#companion-persisted")
    words = "agreed to keep" if granted else "may clear your record"
    assert words in page.inner_text("#companion-persisted")
    page.click("#tick-clam-shell-2")
    assert page.evaluate("window.__asked") == 1
    context.close()


def test_a_reminder_to_save_a_copy_after_a_week(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    do_session(page, 1)
    assert page.locator("#companion-export-due").count() == 0
    page.clock.set_fixed_time(EVENING + datetime.timedelta(days=7))
    page.reload()
    page.wait_for_selector("#companion-export-due")
    assert "not saved a copy" in page.inner_text("#companion-export-due")
    with page.expect_download():
        page.click("#companion-export-json")
    page.wait_for_selector("#companion-export-due", state="detached")
    page.reload()
    page.wait_for_selector("#companion-heading")
    assert page.locator("#companion-export-due").count() == 0


def test_a_full_record_refuses_the_change_and_still_reads_back(page: Page, site_url: str) -> None:
    page.clock.set_fixed_time(EVENING)
    open_program(page, site_url)
    key = PROGRAM.rsplit("~", 1)[1]
    start = datetime.date(2020, 1, 1)
    psfs = [
        {
            "date": (start + datetime.timedelta(weeks=i)).isoformat(),
            "activities": ["Running", "Stairs", "Squats"],
            "scores": [3, 5, 4],
        }
        for i in range(200)
    ]
    record = {
        "format": "knee-guide-record",
        "version": 3,
        "episode": key,
        "programs": [{"key": key, "since": "2020-01-01", "sessions": 1}],
        "days": {},
        "psfs": psfs,
    }
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [f"knee-guide:episode:{key}", json.dumps(record)]
    )
    page.reload()
    page.wait_for_selector("#companion-heading")
    for index in range(3):
        page.fill(f"#psfs-score-{index}", "6")
    page.click("#psfs-save")
    page.wait_for_selector("#companion [role=alert]:has-text('not saved')")
    assert "most PSFS scores" in page.inner_text("#companion [role=alert]")
    page.reload()
    page.wait_for_selector("#companion-heading")
    alerts = page.locator("#companion .admonition[role=alert]").all_inner_texts()
    assert alerts == [], alerts
    assert page.locator("#companion .kg-chart .kg-point--psfs").count() == 200


def test_progress_sent_to_the_clinic_opens_on_a_clean_profile(
    browser: Browser, context: BrowserContext, site_url: str
) -> None:
    sent: list[str] = []
    context.on("request", lambda request: sent.append(f"{request.url} {request.post_data or ''}"))
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.clock.set_fixed_time(EVENING)
    page.goto(f"{site_url}program/#{_episode_link('Week 1', 'ep0000009', V1)}")
    page.wait_for_selector("#companion-heading")
    page.fill("#pain-before", "1")
    page.click("#pain-before-save")
    page.click("#tick-clam-shell-3")
    page.click("#companion-done")
    page.fill("#pain-after", "3")
    page.click("#pain-after-save")
    for index, (activity, score) in enumerate([("Running", 3), ("Stairs", 5), ("Squats", 4)]):
        page.fill(f"#psfs-activity-{index}", activity)
        page.fill(f"#psfs-score-{index}", str(score))
    page.click("#psfs-save")
    page.clock.set_fixed_time(EVENING + datetime.timedelta(days=7))
    page.goto(f"{site_url}program/#{_episode_link('Week 2', 'ep0000009', V2)}")
    page.wait_for_selector("#companion-heading")
    page.click("#tick-clam-shell-3")
    page.click("#companion-done")
    page.fill("#pain-after", "1")
    page.click("#pain-after-save")
    for index in range(3):
        page.fill(f"#psfs-score-{index}", "7")
    page.click("#psfs-save")
    page.click("#companion-send")
    link = page.input_value("#companion-report-link")
    assert link.startswith(f"{site_url}program/?report#r1,ep0000009,")
    assert not [s for s in sent if "r1," in s or "Running" in s]

    clinic = browser.new_context(viewport={"width": 1280, "height": 900})
    view = clinic.new_page()
    view.goto(link)
    view.wait_for_selector("#report-heading")
    assert view.get_attribute("#program-view", "data-status") == "ok"
    assert "Wed 25 Nov to Wed 2 Dec" in view.inner_text("#program-view")
    assert view.inner_text("#report-adherence") == "Sessions done: 2 of 8 prescribed (25%)."
    assert "PSFS mean from 4 to 7" in view.inner_text("#report-psfs")
    assert "this change matters" in view.inner_text("#report-psfs")
    assert view.locator(".kg-record-table tbody tr").count() == 2
    assert "Sets done" not in view.inner_text(".kg-record-table thead")  # not in a report
    assert view.locator(".kg-chart-change").count() == 1
    assert view.locator("#program-builder").is_hidden()
    view.emulate_media(media="print")
    assert view.locator("#report-heading").is_visible()
    damaged = clinic.new_page()
    damaged.goto(link[:-2])
    damaged.wait_for_selector("#program-view[data-status='damaged']")
    clinic.close()


def test_a_changed_program_on_a_device_without_its_record_says_it_was_cleared(
    browser: Browser, page: Page, site_url: str, tmp_path: Path
) -> None:
    page.clock.set_fixed_time(EVENING)
    page.goto(f"{site_url}program/?preview#{_episode_link('Week 1', 'ep0000003', V1)}")
    page.wait_for_selector("#companion-heading")
    assert page.locator("#companion .admonition[role=alert]").count() == 0
    page.click("#tick-clam-shell-3")
    page.click("#companion-done")
    page.fill("#pain-after", "2")
    page.click("#pain-after-save")
    with page.expect_download() as download:
        page.click("#companion-export-json")
    exported = tmp_path / "record.json"
    download.value.save_as(exported)
    page.click("#program-change")
    page.wait_for_function("() => document.getElementById('program-link')?.value.includes('.n2,')")
    changed = page.input_value("#program-link")
    assert ".iep0000003.n2," in changed
    page.goto(changed)
    page.wait_for_selector("#companion-heading")
    assert page.locator("#companion .admonition[role=alert]").count() == 0  # the record is here

    cleared = browser.new_context()
    fresh = cleared.new_page()
    fresh.clock.set_fixed_time(EVENING)
    fresh.goto(changed)
    fresh.wait_for_selector("#companion .admonition[role=alert]")
    assert "has cleared it" in fresh.inner_text("#companion .admonition[role=alert]")
    fresh.set_input_files("#companion-import", str(exported))
    fresh.wait_for_selector("#companion-status:has-text('Record imported')", state="attached")
    assert "Pain after today's session: 2 out of 10." in fresh.inner_text("#companion")
    cleared.close()


def test_reminders_as_a_calendar_file(page: Page, site_url: str) -> None:
    program = fragment("Three a day", [{"slug": "quad-set", "s": 2, "times": 3}])
    page.clock.set_fixed_time(EVENING)
    page.goto(f"{site_url}program/#{program}")
    page.wait_for_selector("#companion-heading")
    assert page.locator(".kg-reminders input[type=time]").count() == 3
    page.fill("#reminder-time-0", "07:30")
    with page.expect_download() as download:
        page.click("#companion-reminders")
    assert download.value.suggested_filename == "knee-exercises.ics"
    ics = Path(download.value.path()).read_text(encoding="utf-8").replace("\r\n ", "")
    starts = [line for line in ics.splitlines() if line.startswith("DTSTART:")]
    assert starts == [
        "DTSTART:20261125T073000",
        "DTSTART:20261125T130000",
        "DTSTART:20261125T190000",
    ]
    assert ics.count("RRULE:FREQ=DAILY") == 3


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
    assert "Tue 10 Nov" in text  # the first day
    assert "Mon 23 Nov" in text  # and the last
    assert "Next morning" in text  # the table's header, with its rows
    assert "Today's session" not in text
