"""The calculator as a reader on a phone uses it: nothing pre-selected, never a stale answer
shown as theirs, plain messages, the answer in view; and the site-wide usability checks (search,
tap targets, safety text)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route

from calculator import FIELDS, TYPICAL, respond
from calculator.inputs import BY_FIELD

from .calculator_page import READY, SETTLED, expected, open_calculator, query, shown

PHONE = {"width": 390, "height": 844}


def native(inputs: dict[str, Any]) -> dict[str, Any]:
    return json.loads(respond(json.dumps(inputs)))["result"]


@pytest.fixture
def phone(browser: Browser) -> Page:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    return context.new_page()


def test_nothing_is_pre_selected_and_the_typical_case_says_so(page: Page, site_url: str) -> None:
    open_calculator(page, site_url)
    assert page.locator("#calculator input:checked").count() == 0
    assert page.input_value("#input-symptom_weeks") == ""
    assert page.input_value("#input-cause") == ""
    assert page.get_attribute("#calculator-result", "data-state") == "typical"
    assert page.inner_text("#summary-label") == "Typical recovery, not yet yours"
    assert page.inner_text("#summary-headline") == expected(native(TYPICAL.to_json()))["headline"]
    assert "4 to 6 weeks" in page.inner_text("#summary-headline")
    assert "not yet for your answers" in page.inner_text("#result-body .kg-for")
    assert page.locator("#calculator .kg-error:visible").count() == 0


def test_an_answer_changed_before_python_is_ready_is_never_shown_stale(
    browser: Browser, site_url: str
) -> None:
    """The worker's download of the estimator is held by a route handler (no sleep) while the
    reader answers; the page must mark what it shows as not theirs, then show their answer."""
    context = browser.new_context()
    held: list[Route] = []
    released = False

    def hold(route: Route) -> None:
        if released:
            route.continue_()
        else:
            held.append(route)

    context.route(re.compile(r".*\.whl$"), hold)
    page = context.new_page()
    answers = {**TYPICAL.to_json(), "severity": "severe", "symptom_weeks": 3}
    page.goto(f"{site_url}calculator/?{query(TYPICAL.to_json())}")
    page.wait_for_function("() => document.querySelector('#calculator-summary')")
    page.check('input[name="severity"][value="severe"]')
    page.fill("#input-symptom_weeks", "3")
    page.wait_for_function("() => location.hash.includes('severity=severe')")
    assert not held or page.get_attribute("#calculator-result", "data-python") is None
    assert page.get_attribute("#calculator-result", "data-state") == "pending"
    assert page.inner_text("#summary-label") == "Not yet for your answers"
    assert "not yet for your answers" in page.inner_text("#result-body .kg-for").lower()
    released = True
    for route in held:
        route.continue_()
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_function(SETTLED)
    assert shown(page) == expected(native(answers))
    context.close()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", BY_FIELD["symptom_weeks"].missing),
        ("-1", "Enter a number of weeks from 0 to 520."),
        ("600", "Enter a number of weeks from 0 to 520."),
        ("abc", BY_FIELD["symptom_weeks"].missing),
    ],
)
def test_messages_are_plain_and_an_old_estimate_is_not_kept(
    page: Page, site_url: str, typed: str, message: str
) -> None:
    open_calculator(page, site_url, f"#{query(TYPICAL.to_json())}")
    assert page.get_attribute("#calculator-result", "data-state") == "estimate"
    if typed == "abc":
        page.focus("#input-symptom_weeks")
        page.keyboard.press("Control+a")
        page.keyboard.type("abc")  # a number box keeps no value, and says so (badInput)
    else:
        page.fill("#input-symptom_weeks", typed)
    page.wait_for_function(SETTLED)
    shown_message = page.inner_text("#error-symptom_weeks")
    assert shown_message == message
    messages = [
        *page.locator("#calculator .kg-error:visible").all_inner_texts(),
        page.inner_text("#summary-live"),
    ]
    text = " ".join(messages)
    for word in ("got", "null", "NaN", "undefined"):
        assert not re.search(rf"\b{word}\b", text)
    assert not [field for field in FIELDS if field in text]
    assert page.get_attribute("#calculator-result", "data-state") == "invalid"
    assert page.inner_text("#summary-label") == "Not yet for your answers"
    assert "not yet for your answers" in page.inner_text("#result-body .kg-for").lower()
    # The typical case's table never calls its answers the reader's own.
    headers = page.locator("#result-body thead").all_inner_texts()
    assert headers
    assert all("Typical answer" in text and "Your answer" not in text for text in headers)


def test_singular_one_week_and_one_question(page: Page, site_url: str) -> None:
    one = {
        "age": "adult",
        "severity": "mild",
        "symptom_weeks": 1,
        "ran_through_pain": False,
        "training": "reduced",
        "plan": "rest_only",
        "cause": "overload",
    }
    page_answers = {**one, "symptom_weeks": 0}
    assert native(page_answers)["weeks"]["likely"] == 1
    open_calculator(page, site_url, f"#{query(page_answers)}")
    body = page.inner_text("#result-body") + page.inner_text("#calculator-summary")
    assert "Likely 1 week:" in body
    assert not re.search(r"\b1 (weeks|days|questions)\b", body)
    open_calculator(page, site_url, f"#{query({k: v for k, v in one.items() if k != 'plan'})}")
    assert page.inner_text("#summary-headline") == "1 question left: your plan."


def in_view(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    assert box is not None
    return box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"] and box["height"] > 0


def test_the_summary_stays_in_view_on_a_phone(phone: Page, site_url: str) -> None:
    open_calculator(phone, site_url)
    steps = [
        lambda: phone.check('input[name="age"][value="adult"]'),
        lambda: phone.check('input[name="severity"][value="moderate"]'),
        lambda: phone.fill("#input-symptom_weeks", "2"),
        lambda: phone.check('input[name="ran_through_pain"][value="false"]'),
        lambda: phone.check('input[name="training"][value="reduced"]'),
        lambda: phone.check('input[name="plan"][value="addresses_cause"]'),
        lambda: phone.select_option("#input-cause", "overload"),
        lambda: phone.check('input[name="red_flags"][value="swelling"]'),
    ]
    for step in steps:
        step()
        phone.wait_for_function(SETTLED)
        assert in_view(phone, "#summary-headline")
    assert phone.get_attribute("#calculator-summary", "data-state") == "refer"
    phone.uncheck('input[name="red_flags"][value="swelling"]')
    phone.wait_for_function(SETTLED)
    assert phone.inner_text("#summary-label") == "Your estimate"
    assert phone.inner_text("#summary-headline") == expected(native(TYPICAL.to_json()))["headline"]
    assert phone.get_attribute("#summary-live", "aria-live") == "polite"


TARGETS = """() => [...document.querySelectorAll(
  '.md-content .md-button, .md-content button, .kg-choice, .md-content input:not([type=radio]):not([type=checkbox]), .md-content select, .kg-summary-more a'
)].filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
 .map((el) => { const r = el.getBoundingClientRect();
   return { what: el.outerHTML.slice(0, 80), width: r.width, height: r.height }; })"""


@pytest.mark.parametrize(
    "path",
    ["calculator/", "exercises/clam-shell/", "program/?add=clam-shell"],
)
def test_tap_targets_are_at_least_44_px_on_a_phone(phone: Page, site_url: str, path: str) -> None:
    phone.goto(f"{site_url}{path}", wait_until="networkidle")
    targets = phone.evaluate(TARGETS)
    assert targets
    small = [t for t in targets if t["width"] < 44 or t["height"] < 44]
    assert small == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("exercises/clam-shell/", ".admonition.warning li"),
        ("treatment/", ".admonition.warning li"),
        ("calculator/", ".admonition.warning p:not(.admonition-title)"),
    ],
)
def test_safety_text_is_body_size(
    browser: Browser, site_url: str, path: str, selector: str, scheme: str
) -> None:
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}{path}")
    body = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('.md-typeset > p')).fontSize)"
    )
    sizes = page.eval_on_selector_all(
        selector, "els => els.map((el) => parseFloat(getComputedStyle(el).fontSize))"
    )
    assert sizes, selector
    assert min(sizes) >= body
    context.close()


def search(page: Page, site_url: str, words: str) -> list[tuple[str, str]]:
    page.goto(f"{site_url}exercises/")
    page.click(".md-search__input")
    page.keyboard.type(words)  # Material listens to key events
    page.wait_for_selector(".md-search-result__item")
    return [
        (a.get_attribute("href") or "", a.inner_text())
        for a in page.locator(".md-search-result__item > a, .md-search-result__more a").all()
    ]


@pytest.mark.parametrize(
    ("words", "pages"),
    [
        ("squats", ["exercises/single-leg-mini-squat/"]),
        (
            "stretches",
            [
                "exercises/calf-stretch/",
                "exercises/hamstring-stretch/",
                "exercises/it-band-stretch/",
                "exercises/quad-stretch/",
            ],
        ),
    ],
)
def test_search_matches_the_content_words_and_skips_print_only_text(
    browser: Browser, site_url: str, words: str, pages: list[str]
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = search(page, site_url, words)
    hrefs = [href.split("#")[0].split("?")[0] for href, _ in found]
    for wanted in pages:
        assert any(href.endswith(wanted) for href in hrefs), (wanted, hrefs)
    snippets = page.inner_text(".md-search-result")
    assert "Scan to open" not in snippets
    assert "QR code" not in snippets
    context.close()


def test_search_index_has_no_print_only_text(built_site: Any) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "stemmer" not in index["config"]["pipeline"]
    assert not [d["location"] for d in index["docs"] if "Scan to open" in d["text"]]
