"""axe-core (pinned from npm, injected from disk: no request) at WCAG 2.2 AA, light and dark."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from calculator import TYPICAL

from ..conftest import ROOT
from .calculator_page import SETTLED, open_calculator, query
from .program_link import fragment

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def calculator_answered(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, f"#{query(TYPICAL.to_json())}")
    page.check('input[name="severity"][value="severe"]')
    page.wait_for_function(SETTLED)


def calculator_error(page: Page, site_url: str) -> None:
    open_calculator(page, site_url)
    page.fill("#input-symptom_weeks", "-1")
    page.wait_for_function(SETTLED)
    assert page.locator("#error-symptom_weeks").is_visible()


def calculator_refer(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, f"#{query(TYPICAL.to_json())}")
    page.check('input[name="red_flags"][value="swelling"]')
    page.wait_for_function(SETTLED)


def visit(path: str) -> Callable[[Page, str], None]:
    def go(page: Page, site_url: str) -> None:
        page.goto(f"{site_url}{path}", wait_until="networkidle")

    return go


def program_from_template(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/")
    page.click('[data-template="calm-the-knee"]')


def program_preview_shared(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/?preview#{fragment('Week 1', [{'slug': 'clam-shell'}])}")
    page.click("#program-share-toggle")


def program_companion(page: Page, site_url: str) -> None:
    """A session done, pain above the limit, PSFS scores twice: every part of the companion."""
    program = fragment("Week 1", [{"slug": "clam-shell", "s": 2}, {"slug": "calf-stretch"}])
    page.goto(f"{site_url}program/#{program}")
    page.click("#tick-clam-shell-2")
    page.click("#companion-done")
    page.fill("#pain-after", "7")
    page.click("#pain-after-save")
    for index in range(3):
        page.fill(f"#psfs-activity-{index}", f"Activity {index}")
        page.fill(f"#psfs-score-{index}", "4")
    page.click("#psfs-save")
    page.fill("#psfs-score-0", "7")
    page.click("#psfs-save")
    page.click("#companion-delete")


def program_report(page: Page, site_url: str) -> None:
    """The patient sends a progress report; the clinic's view of it; the home page's way back."""
    program = fragment("Week 1", [{"slug": "clam-shell", "s": 2, "times": 2}])
    page.goto(f"{site_url}program/#{program}")
    page.click("#tick-clam-shell-2")
    page.click("#companion-done")
    page.fill("#pain-after", "3")
    page.click("#pain-after-save")
    page.click("#companion-send")
    link = page.input_value("#companion-report-link")
    page.goto(link)
    page.wait_for_selector("#report-heading")


def program_import_question(page: Page, site_url: str) -> None:
    """An import whose day differs from the device's asks whose answers to keep; the browser
    offers to install the site."""
    program = fragment("Week 1", [{"slug": "clam-shell", "s": 2}])
    page.goto(f"{site_url}program/#{program}")
    page.click("#tick-clam-shell-2")
    page.click("#companion-done")
    page.fill("#pain-after", "3")
    page.click("#pain-after-save")
    record = json.loads(
        page.evaluate(
            "() => localStorage.getItem(Object.keys(localStorage)"
            ".find((k) => k.startsWith('knee-guide:episode:')))"
        )
    )
    for day in record["days"].values():
        day["painAfter"] = 5
    page.set_input_files(
        "#companion-import",
        files=[
            {
                "name": "copy.json",
                "mimeType": "application/json",
                "buffer": json.dumps(record).encode(),
            }
        ],
    )
    page.wait_for_selector("#companion-import-question")
    page.evaluate(
        """() => {
          const event = new Event("beforeinstallprompt", { cancelable: true });
          event.prompt = () => Promise.resolve();
          dispatchEvent(event);
        }"""
    )
    page.wait_for_selector(".kg-install-offer:not([hidden])")


def home_with_my_program(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/#{fragment('Week 1', [{'slug': 'clam-shell'}])}")
    page.wait_for_selector("#companion-heading")
    page.goto(site_url)
    page.wait_for_selector("#my-program-link")


STATES: dict[str, Callable[[Page, str], None]] = {
    "home": visit(""),
    "condition": visit("what-is-runners-knee/"),
    "cause": visit("causes/muscle-weakness/"),
    "causes": visit("causes/"),
    "exercise": visit("exercises/clam-shell/"),
    "exercises": visit("exercises/"),
    "treatment": visit("treatment/"),
    "recovery": visit("recovery-time/"),
    "clinician": visit("see-a-clinician/"),
    "topics": visit("topics/"),
    "topic": visit("topics/flare-ups/"),
    "references": visit("references/"),
    "about": visit("about/"),
    "calculator-initial": visit("calculator/"),
    "calculator-partial": visit("calculator/#severity=mild"),
    "calculator-answered": calculator_answered,
    "calculator-error": calculator_error,
    "calculator-refer": calculator_refer,
    "program-builder": visit("program/?add=clam-shell"),
    "program-builder-template": program_from_template,
    "program-preview-shared": program_preview_shared,
    "exercise-with-dose": visit(
        f"exercises/clam-shell/#{fragment('', [{'slug': 'clam-shell', 's': 2, 'e': True}])}"
    ),
    "program-companion": program_companion,
    "program-report": program_report,
    "home-with-my-program": home_with_my_program,
    "program-import-question": program_import_question,
    "program-view": visit(
        f"program/#{fragment('Week 1', [{'slug': 'clam-shell', 's': 3}, {'slug': 'gone'}])}"
    ),
}


def violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, { runOnly: { type: 'tag', values: tags } })", TAGS
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", STATES)
def test_no_axe_violations(browser: Browser, site_url: str, state: str, scheme: str) -> None:
    # bypass_csp: the page's policy would (rightly) refuse the injected axe-core script.
    context = browser.new_context(
        color_scheme=scheme, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    STATES[state](page, site_url)
    expected = "slate" if scheme == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    found = violations(page)
    context.close()
    assert found == []


FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const ring = style.boxShadow !== "none";
  return { tag: el.tagName, name: el.name || el.id || el.textContent.trim().slice(0, 30), visible: outline || ring };
}"""


def tab_through(page: Page, start: str, count: int) -> list[dict[str, Any]]:
    page.focus(start)
    seen = [page.evaluate(FOCUS_STYLE)]
    for _ in range(count):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_STYLE))
    return seen


def test_calculator_keyboard_order_and_visible_focus(page: Page, site_url: str) -> None:
    open_calculator(page, site_url)
    seen = tab_through(page, 'input[name="red_flags"]', 3)  # the first question: warning signs
    assert [s["name"] for s in seen] == ["red_flags", "red_flags", "red_flags", "red_flags"]
    last = page.locator('input[name="red_flags"]').last.get_attribute("value")
    seen = tab_through(page, f'input[name="red_flags"][value="{last}"]', 8)
    assert [s["name"] for s in seen] == [
        "red_flags",
        "age",  # nothing chosen: the first radio of each group
        "severity",
        "symptom_weeks",
        "ran_through_pain",
        "training",
        "plan",
        "Read about the causes.",
        "cause",
    ]
    assert all(s["visible"] for s in seen), [s for s in seen if not s["visible"]]


def test_program_builder_keyboard_order_and_visible_focus(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/?add=clam-shell")
    seen = [
        s for s in tab_through(page, '[data-add="lacrosse-ball-release"]', 25) if s["name"] != "¶"
    ]
    names = [s["name"] for s in seen]  # "¶": the permalink of a heading, as on every page
    assert names[0].startswith("Add")
    # The program panel: the phone's "review and share" bar and the actions first, then the
    # title, the next review, the link and each exercise's dose.
    assert names[1:7] == [
        "Lacrosse ball release",
        "program-review",
        "program-copy",
        "program-qr-toggle",
        "program-print",
        "program-open",
    ]
    # A date field is several stops in Chromium (day, month, year, its calendar): counted once.
    names = [name for i, name in enumerate(names) if i == 0 or names[i - 1] != name]
    assert names[7:10] == ["program-title", "program-next-review", "program-link"]
    assert names[10:19] == [
        "item-1-s",
        "item-1-r",
        "item-1-h",
        "item-1-e",
        "item-1-t",
        "item-1-l",
        "item-1-times",
        "item-1-per",
        "item-1-note",
    ]
    assert names[19] == "Move up: Clam shell"
    assert all(s["visible"] for s in seen), [s for s in seen if not s["visible"]]


@pytest.mark.parametrize(
    "state", ["home", "exercise", "calculator-answered", "program-builder", "program-companion"]
)
def test_no_axe_violations_on_a_phone(browser: Browser, site_url: str, state: str) -> None:
    context = browser.new_context(
        viewport={"width": 412, "height": 915}, is_mobile=True, bypass_csp=True
    )
    page = context.new_page()
    STATES[state](page, site_url)
    found = violations(page)
    context.close()
    assert found == []
