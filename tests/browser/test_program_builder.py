"""The program builder as a clinician uses it, and the patient view of the program it makes."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from kneeguide.content.catalog import Catalog
from kneeguide.pages.program import template_items

from .program_link import episode_in, escape, fragment
from .test_handouts import decode_qr

PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}


class Actions:
    """Counts what a clinician does: each page load, click, fill or key press is one action."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.count = 0

    def goto(self, url: str) -> None:
        self.count += 1
        self.page.goto(url)

    def click(self, selector: str) -> None:
        self.count += 1
        self.page.click(selector)

    def fill(self, selector: str, value: str) -> None:
        self.count += 1
        self.page.fill(selector, value)


def test_a_dosed_four_exercise_program_from_a_template_in_six_actions(
    browser: Browser, site_url: str, catalog: Catalog
) -> None:
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    act = Actions(page)
    act.goto(f"{site_url}program/")
    assert page.locator("#program-copy").is_disabled()
    scroll = page.evaluate("scrollY")
    act.click('[data-template="rebuild-strength"]')
    assert page.evaluate("scrollY") == scroll  # the clinician stays where they are
    act.fill("#program-title", "Knee, week 1")
    act.click("#program-copy")
    page.wait_for_selector("#program-copied:text-is('Link copied.')")
    act.click("#program-print")
    assert act.count <= 6, act.count

    template = next(t for t in catalog.program_templates if t.slug == "rebuild-strength")
    copied = page.evaluate("navigator.clipboard.readText()")
    expected = fragment("Knee, week 1", template_items(template, catalog), episode_in(copied))
    assert copied == f"{site_url}program/#{expected}"
    rows = page.locator("#program-items > li")
    assert rows.count() == 4
    assert all(rows.nth(i).locator('[id$="-s"]').input_value() for i in range(4))  # all dosed
    page.emulate_media(media="print")
    assert page.locator(".kg-program-builder").is_hidden()
    assert page.locator("#program-view .kg-program > li").count() == 4
    assert page.locator("#program-view .kg-qr").is_visible()
    context.close()


def test_adding_keeps_the_page_still_and_announces_it(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/")
    button = page.locator('[data-add="step-down"]')
    button.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#program-announce:has-text('added as number')", state="attached")
    assert page.evaluate("scrollY") == before
    assert page.evaluate("document.activeElement.dataset.add") == "step-down"
    assert button.get_attribute("aria-disabled") == "true"
    assert "Step-down" in page.inner_text("#program-announce")
    # The guide's starting dose, ready to change.
    item = page.locator('#program-items > li[data-slug="step-down"]')
    assert item.locator('[id$="-s"]').input_value() == "3"
    assert item.locator('[id$="-r"]').input_value() == "10"
    assert "starting dose: 3 sets, 10 repetitions" in item.inner_text()


def test_reload_keeps_the_builders_state(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/?add=clam-shell")
    page.fill("#program-title", "Week 2")
    item = page.locator("#program-items > li").first
    item.locator('[id$="-l"]').fill("red band")
    item.locator('[id$="-t"]').fill("45")
    page.reload()
    assert page.input_value("#program-title") == "Week 2"
    item = page.locator("#program-items > li").first
    assert item.get_attribute("data-slug") == "clam-shell"
    assert item.locator('[id$="-l"]').input_value() == "red band"
    assert item.locator('[id$="-t"]').input_value() == "45"
    assert item.locator('[id$="-e"]').is_checked()


def test_copy_link_waits_for_an_exercise(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/")
    assert page.locator("#program-copy").is_disabled()
    assert page.locator("#program-print").is_disabled()
    assert page.get_attribute("#program-open", "aria-disabled") == "true"
    page.click('[data-add="quad-set"]')
    assert page.locator("#program-copy").is_enabled()
    page.click('#program-items [data-action="remove"]')
    assert page.locator("#program-copy").is_disabled()
    assert page.input_value("#program-link") == ""


PROGRAM = fragment(
    "Week 1",
    [
        {
            "slug": "clam-shell",
            "s": 2,
            "r": 15,
            "e": True,
            "t": 30,
            "l": "red band",
            "note": "Slow",
        },
        {"slug": "quad-set", "s": 3},
    ],
)


def test_patient_view_leads_with_the_program_and_the_stop_rule(
    context: BrowserContext, site_url: str
) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{site_url}program/#{PROGRAM}")
    blocks = page.locator("#program-view > *")
    assert "kg-stop-rule" in (blocks.nth(0).get_attribute("class") or "")
    assert "2 out of 10" in blocks.nth(0).inner_text()  # the pain rule's figure, from content
    assert page.locator("#program-heading").is_visible()
    assert page.locator(".kg-program > li").first.is_visible()  # the program on the first screen
    assert page.locator(".kg-qr").is_hidden()
    assert page.locator("#program-change").count() == 0
    page.click("#program-share-toggle")
    assert page.get_attribute("#program-share-toggle", "aria-expanded") == "true"
    assert page.locator(".kg-qr").is_visible()
    assert page.inner_text(".kg-qr .kg-url") == f"{site_url}program/#{PROGRAM}"


def test_only_the_clinician_sees_change_this_program(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/?add=clam-shell")
    page.click("#program-open")
    page.wait_for_selector("#program-change")
    assert "?preview#" in page.url
    # The QR code and link are the patient's, without the clinician's flag.
    assert "preview" not in page.inner_text(".kg-qr .kg-url")
    page.click("#program-change")
    page.wait_for_selector("#program-items > li")
    assert "?edit#" in page.url


def test_exercise_page_shows_the_programs_dose_as_the_clinicians(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/#{PROGRAM}")
    page.click(".kg-program h3 a >> nth=0")
    page.wait_for_selector("#clinician-dose:not([hidden])")
    box = page.locator("#clinician-dose")
    assert "Your clinician's dose" in box.inner_text()
    assert "2 sets, 15 repetitions on each side, load: \u2068red band\u2069" in box.inner_text()
    assert "Slow" in box.inner_text()
    assert "The guide's starting dose" in page.inner_text(".md-content")


def test_exercise_page_ignores_a_dose_for_another_exercise(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}exercises/quad-set/#{fragment('', [{'slug': 'clam-shell', 's': 9}])}")
    page.wait_for_load_state("load")
    assert page.locator("#clinician-dose").is_hidden()


def test_tap_targets_on_a_phone(browser: Browser, site_url: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{site_url}program/?add=clam-shell")
    small = page.evaluate(SMALL_TARGETS, ".kg-program-builder")
    page.goto(f"{site_url}program/#{PROGRAM}")
    page.click("#program-share-toggle")
    small += page.evaluate(SMALL_TARGETS, ".kg-program-view")
    context.close()
    assert small == []


SMALL_TARGETS = """root => [...document.querySelectorAll(`${root} :is(button, input, select, a.md-button, .kg-check, .kg-dose--check label)`)]
  .filter(n => n.offsetParent !== null && n.type !== 'checkbox')
  .map(n => [n.id || n.textContent.trim(), n.getBoundingClientRect()])
  .filter(([, r]) => r.width < 44 || r.height < 44)
  .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`)"""


def test_a_clinicians_right_to_left_words_cannot_reorder_the_page(
    page: Page, site_url: str
) -> None:
    override = "\u202e"
    hostile = fragment(
        f"{override}Week 1", [{"slug": "clam-shell", "s": 2, "note": f"{override}Slow"}]
    )
    page.goto(f"{site_url}program/#{hostile}")
    page.wait_for_selector(".kg-program-note")
    assert page.get_attribute("#program-heading", "dir") == "auto"
    note = page.locator(".kg-program-note bdi")
    assert note.inner_text() == f"{override}Slow"
    # The page's own label is outside the isolate, so the override cannot reach it.
    assert page.locator(".kg-program-note strong").inner_text().strip() == "Note:"


DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}
IN_VIEW = """selector => {
  const box = document.querySelector(selector).getBoundingClientRect();
  return box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
}"""


def test_a_custom_dosed_program_with_notes_in_eight_actions_without_scrolling_back(
    browser: Browser, site_url: str
) -> None:
    """Beside the list on a wide screen, the program shows each addition and its note field
    without the page moving back up; everything the clinician reaches for in the panel is in view
    when they reach for it."""
    context = browser.new_context(**DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    act = Actions(page)
    act.goto(f"{site_url}program/")
    scrolls_back = 0
    out_of_view: list[str] = []
    last = page.evaluate("scrollY")

    def step(kind: str, selector: str, value: str = "") -> None:
        nonlocal scrolls_back, last
        if selector.startswith("#program") and not page.evaluate(IN_VIEW, selector):
            out_of_view.append(selector)
        if kind == "click":
            act.click(selector)
        else:
            act.fill(selector, value)
        now = page.evaluate("scrollY")
        scrolls_back += now < last
        last = now

    notes = {"step-down": "Slowly, in front of a mirror", "wall-sit": "Back flat on the wall"}
    for slug in ("step-down", "quad-set", "sit-to-stand", "wall-sit"):  # in the list's order
        step("click", f'[data-add="{slug}"]')
        uid = page.get_attribute(f'#program-items > li[data-slug="{slug}"]', "data-uid")
        assert page.evaluate(IN_VIEW, f'#program-items > li[data-uid="{uid}"] [id$="-note"]')
        assert page.inner_text("#program-added").startswith(
            f"{page.inner_text(f'[data-add={slug!r}] + a')} added"
        )
        if slug in notes:
            step("fill", f"#item-{uid}-note", notes[slug])
    step("click", "#program-copy")
    page.wait_for_selector("#program-copied:text-is('Link copied.')")
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert act.count <= 8, act.count
    assert scrolls_back == 0
    assert out_of_view == []
    assert [f".n{escape(note)}" in copied for note in notes.values()] == [True, True]


def test_on_a_phone_each_addition_shows_at_the_foot_of_the_screen(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{site_url}program/")
    assert page.locator("#program-bar").is_hidden()
    page.click('[data-add="step-down"]')
    bar = page.locator("#program-bar")
    assert page.evaluate(IN_VIEW, "#program-bar")
    assert "Step-down added: 3 sets, 10 repetitions" in bar.inner_text()
    page.wait_for_selector("#program-announce:has-text('Step-down added')", state="attached")
    page.click('[data-add="quad-set"]')
    assert page.inner_text("#program-review") == "2 exercises: review and share"
    page.click("#program-added-undo")
    assert page.locator('#program-items > li[data-slug="quad-set"]').count() == 0
    assert page.inner_text("#program-review") == "1 exercise: review and share"
    assert page.evaluate("document.activeElement.dataset.add") == "quad-set"
    page.click("#program-review")
    assert page.evaluate("document.activeElement.id") == "your-program"
    assert page.locator("#program-items > li").count() == 1  # the program is still there
    page.wait_for_function(
        "document.querySelector('#your-program').getBoundingClientRect().top < innerHeight / 2"
    )
    context.close()


def test_the_builder_shows_the_patients_qr_code(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/")
    assert page.locator("#program-qr-toggle").is_disabled()
    page.click('[data-add="clam-shell"]')
    page.click("#program-qr-toggle")
    assert page.get_attribute("#program-qr-toggle", "aria-expanded") == "true"
    link = page.input_value("#program-link")
    assert decode_qr(page.locator("#program-qr svg")) == link
    page.click('[data-add="quad-set"]')  # the code follows the program
    assert decode_qr(page.locator("#program-qr svg")) == page.input_value("#program-link") != link


def test_a_headings_permalink_keeps_the_program(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/?add=clam-shell")
    program = page.evaluate("location.hash")
    assert program.startswith("#v1,")
    page.click("a.headerlink[href='#choose']")
    page.wait_for_function(
        "() => document.getElementById('choose').getBoundingClientRect().top < 200"
    )
    page.wait_for_function("p => location.hash === p", arg=program)  # the address keeps it
    assert page.locator("#program-items > li").count() == 1
