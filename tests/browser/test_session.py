"""The guided session on a patient's program, played with Playwright's clock (no sleeps): the
count, the hold, the rest, the sets ticked in the companion's record, reduced motion, "too
painful", and axe on the session's view."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from kneeguide.content.catalog import Catalog, plain
from kneeguide.pages.motion import tempo

from .program_link import fragment
from .test_accessibility import violations

EPISODE = "session1"
PROGRAM = fragment(
    "Week 1",
    [
        {"slug": "quad-set", "s": 2, "r": 2, "h": 5, "t": 10},
        {"slug": "clam-shell", "s": 1, "r": 2, "e": True},
    ],
    episode=EPISODE,
)
EVENING = datetime.datetime(2026, 11, 25, 18, 0)
READY, SWITCH = 5, 5

WAKE_LOCK_SPY = """(() => {
  const spy = { held: 0 };
  Object.defineProperty(window, "wakeLockSpy", { value: spy });
  Object.defineProperty(Navigator.prototype, "wakeLock", {
    configurable: true,
    get: () => ({
      request: async () => {
        spy.held += 1;
        const lock = new EventTarget();
        lock.release = async () => {
          spy.held -= 1;
          lock.dispatchEvent(new Event("release"));
        };
        return lock;
      },
    }),
  });
})();"""
"""Counts the screen wake locks the page holds (the Screen Wake Lock API, replaced)."""


def seconds(catalog: Catalog, slug: str, hold: int = 0) -> float:
    """One repetition of an exercise at its moving figure's pace, with the dose's hold."""
    figure = catalog.exercise(slug).figure
    assert figure is not None
    t = tempo(figure)
    return t["out"] + (hold or t["hold"]) + t["back"] + t["tail"]


def start_session(page: Page, site_url: str) -> None:
    page.clock.install(time=EVENING)
    page.goto(f"{site_url}program/#{PROGRAM}")
    page.wait_for_selector("#companion-heading")
    page.clock.pause_at(EVENING + datetime.timedelta(minutes=1))
    page.click("#session-start")
    page.wait_for_selector("#session[open]")


def text(page: Page, selector: str) -> str:
    return page.inner_text(selector).strip()


def test_a_session_plays_to_the_end_and_ticks_the_sets(
    page: Page, site_url: str, catalog: Catalog
) -> None:
    words = catalog.session
    page.add_init_script(WAKE_LOCK_SPY)
    start_session(page, site_url)
    page.wait_for_function("() => window.wakeLockSpy.held === 1")  # the screen stays on
    assert page.evaluate("document.activeElement.id") == "session-heading"
    assert text(page, "#session-exercise") == "Quad set"
    assert text(page, "#session-step") == "Get ready: Quad set"
    assert text(page, "#session-count") == f"{READY} s"
    assert "Set 1 of 2" in text(page, "#session-next")
    page.clock.run_for(READY * 1000 + 100)
    assert text(page, "#session-step") == "Set 1 of 2"
    assert text(page, "#session-count") == "1 of 2"
    assert text(page, "#session-phase") == words.out
    assert "Set 1 of 2" in text(page, "#session-live")
    page.clock.run_for(1500)  # the quad set's figure reaches the end position in 1 s
    assert text(page, "#session-phase") == f"{words.hold} 5 s"
    page.clock.run_for(2000)
    assert text(page, "#session-phase") == f"{words.hold} 3 s"
    rep = seconds(catalog, "quad-set", hold=5)
    page.clock.run_for(int(2 * rep * 1000) - 3500 + 1000)  # into the rest, 1 s in
    assert text(page, "#session-step") == words.rest
    assert text(page, "#session-count") == "9 s"
    assert text(page, "#session-next") == "Next: Set 2 of 2"
    clam = seconds(catalog, "clam-shell")
    left = 9 + 2 * rep + READY + 2 * 2 * clam + SWITCH
    page.clock.run_for(int(left * 1000) + 500)
    assert page.is_visible("#session-after")
    assert page.is_hidden("#session-playing")
    assert page.inner_text("#session-after h3") == words.finished
    assert page.locator("#session-saved li").all_inner_texts() == [
        "Quad set: 2 of 2 sets",
        "Clam shell: 1 of 1 sets",
    ]
    assert page.locator("#session-unsaved").count() == 0
    page.wait_for_function("() => window.wakeLockSpy.held === 0")  # and may sleep once it ends
    page.click("#session-close")
    page.wait_for_selector("#session", state="detached")
    assert page.evaluate("document.activeElement.id") == "session-start"
    # The companion shows them ticked, and they are in the record it keeps.
    for tick in ("#tick-quad-set-1", "#tick-quad-set-2", "#tick-clam-shell-1"):
        assert page.get_attribute(tick, "aria-pressed") == "true"
    record = json.loads(page.evaluate(f"localStorage.getItem('knee-guide:episode:{EPISODE}')"))
    assert record["days"]["2026-11-25"]["sessions"][0]["sets"] == {"quad-set": 2, "clam-shell": 1}


def test_pause_stops_the_count_and_skip_leaves_a_set_unticked(
    page: Page, site_url: str, catalog: Catalog
) -> None:
    start_session(page, site_url)
    page.clock.run_for(READY * 1000 + 2500)
    assert text(page, "#session-count") == "1 of 2"
    held = text(page, "#session-phase")
    page.click("#session-pause")
    assert text(page, "#session-pause") == catalog.session.resume
    page.clock.run_for(60_000)
    assert text(page, "#session-phase") == held
    page.click("#session-pause")
    page.clock.run_for(1000)
    assert text(page, "#session-phase") != held
    page.click("#session-skip")  # the first set, unfinished
    assert text(page, "#session-step") == catalog.session.rest
    page.click("#session-end")
    assert page.locator("#session-saved").count() == 0
    assert text(page, "#session-none") == catalog.session.none_saved


def test_sets_this_device_could_not_keep_are_said_so(
    page: Page, site_url: str, catalog: Catalog
) -> None:
    """Storage full or blocked after the session started: the end still lists the sets
    finished, and says they were not saved, so the patient can tick them later."""
    start_session(page, site_url)
    page.evaluate(
        """() => { Storage.prototype.setItem = () => {
          throw new DOMException("full", "QuotaExceededError"); }; }"""
    )
    rep = seconds(catalog, "quad-set", hold=5)
    page.clock.run_for(int((READY + 2 * rep) * 1000) + 500)  # the first set done
    page.click("#session-end")
    assert page.locator("#session-saved li").all_inner_texts() == ["Quad set: 1 of 2 sets"]
    assert text(page, "#session-unsaved") == catalog.session.not_saved


MOVING = """() => {
  const svg = document.querySelector('#session svg.kg-session__moving[data-ready]');
  return { paused: svg.animationsPaused(), time: svg.getCurrentTime(),
           animates: svg.querySelectorAll('#moving animate').length };
}"""

STILL = """() => ({
  moving: document.querySelectorAll('#session .kg-session__moving').length,
  poses: [...document.querySelectorAll('#session .kg-session__pose use')].map(u => u.getAttribute('href')),
  running: [...document.querySelectorAll('#session svg')].filter(s => !s.animationsPaused()).length,
  animate: document.querySelectorAll('#session animate, #session animateTransform').length,
})"""


def test_the_figure_follows_the_sessions_clock(page: Page, site_url: str) -> None:
    start_session(page, site_url)
    page.wait_for_selector("#session svg.kg-session__moving[data-ready]")
    page.clock.run_for(READY * 1000 + 500)
    first: dict[str, Any] = page.evaluate(MOVING)
    assert first["paused"] is True
    assert first["animates"] > 0
    assert first["time"] == pytest.approx(0.5, abs=0.05)
    page.clock.run_for(3000)  # held at the end position through the dose's hold
    assert page.evaluate(MOVING)["time"] == pytest.approx(1.0, abs=0.05)


def test_reduced_motion_shows_the_key_poses_and_the_session_still_counts(
    page: Page, site_url: str
) -> None:
    page.emulate_media(reduced_motion="reduce")
    start_session(page, site_url)
    page.clock.run_for(READY * 1000 + 500)
    still = page.evaluate(STILL)
    assert still["moving"] == 0
    assert still["running"] == 0
    assert still["animate"] == 0
    assert [href.rsplit("#", 1)[1] for href in still["poses"]] == ["pose-0", "pose-1"]
    assert text(page, "#session-count") == "1 of 2"
    page.clock.run_for(9_000)
    assert text(page, "#session-count") == "2 of 2"
    assert page.evaluate(STILL)["running"] == 0


def test_another_program_opened_mid_session_ends_it_and_lets_the_screen_sleep(
    page: Page, site_url: str
) -> None:
    """A program link opened while a session plays (from a message, or Back) replaces the view
    the session's dialog lives in: the session ends with it, keeping no timer and no wake lock."""
    page.add_init_script(WAKE_LOCK_SPY)
    start_session(page, site_url)
    page.wait_for_function("() => window.wakeLockSpy.held === 1")
    page.clock.run_for(READY * 1000 + 2500)
    other = fragment("Week 2", [{"slug": "clam-shell", "s": 1, "r": 2}], episode="session2")
    page.evaluate("(hash) => { location.hash = hash; }", other)
    page.wait_for_selector("#session", state="detached")
    page.wait_for_function("() => window.wakeLockSpy.held === 0")
    assert "Week 2" in page.inner_text("#program-view")
    assert page.is_visible("#session-start")  # the new program's own "Start session"


def test_too_painful_stops_and_shows_the_pain_rule_and_the_warning_signs(
    page: Page, site_url: str, catalog: Catalog
) -> None:
    start_session(page, site_url)
    page.clock.run_for(READY * 1000 + 2000)
    page.click("#session-painful")
    assert page.inner_text("#session-after h3") == catalog.session.stopped
    rule = catalog.pain_rule
    expected = (
        plain(rule.stop_rule)
        .replace("{max_pain}", str(rule.max_pain))
        .replace("{settle_minutes}", str(rule.settle_minutes))
    )
    assert text(page, "#session-pain-rule") == expected
    link = page.locator("#session-triage")
    assert link.inner_text() == catalog.session.triage
    assert link.get_attribute("href") == "../see-a-clinician/"
    assert page.evaluate("document.activeElement.id") == "session-after"
    page.clock.run_for(60_000)
    assert page.is_hidden("#session-playing")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("moment", ["rep", "end"])
def test_no_axe_violations_in_the_session(
    browser: Browser, site_url: str, scheme: str, moment: str
) -> None:
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": 360, "height": 740}, bypass_csp=True
    )
    page = context.new_page()
    start_session(page, site_url)
    page.clock.run_for(READY * 1000 + 2500)
    if moment == "end":
        page.click("#session-painful")
    page.clock.resume()  # axe waits on timers of its own
    found = violations(page)
    context.close()
    assert found == []
