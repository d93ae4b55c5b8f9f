"""Printable handouts and exercise programs in headless Chromium."""

from __future__ import annotations

import io
import re
import shutil
import unicodedata
from collections.abc import Iterator

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import BrowserContext, Locator, Page
from pypdf import PdfReader

from kneeguide.bundle.pyodide import served_runtime
from kneeguide.content.catalog import Catalog, plain

from ..conftest import ROOT, mkdocs_build
from ..serve import serve
from .program_link import episode_in, fragment, signed

SITE_URL = "https://knee-guide.example.org/"  # site_url in mkdocs.yml


def normal(text: str) -> str:
    """Text in Unicode NFKC with whitespace collapsed, for comparing printed with expected text.

    With DejaVu Sans (the only font the README's set-up installs) Chromium prints "fl" and "fi"
    as the ligatures U+FB02 and U+FB01, which pypdf extracts as such; NFKC undoes them.
    """
    return " ".join(unicodedata.normalize("NFKC", text).split())


def printed(text: str) -> str:
    """Prose as the page prints it: no citations, and a link's text without its address."""
    return re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", plain(text))


def pdf_text(pdf: bytes) -> str:
    return normal(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


PRINTER_DPI = 300


def decode_qr(locator: Locator) -> str:
    """The text of the QR code drawn by ``locator`` (an ``<svg>``), read from the code as a
    300 dpi printer would draw it at its laid-out size.

    A screenshot at the screen's 96 dpi gives a long program's code (61 modules in 26 mm) less
    than 1.5 pixels a module, which a decoder reads or misses depending on where the modules fall
    between pixels.
    """
    box = locator.bounding_box()
    assert box is not None
    assert box["width"] > 0
    width = box["width"] * PRINTER_DPI / 96
    markup = locator.evaluate("svg => svg.outerHTML")
    printer = locator.page.context.new_page()
    try:
        printer.set_content(
            f'<body style="margin:0;background:#fff">'
            f'<div style="width:{width}px">{markup}</div></body>'
        )
        code = printer.locator("svg")
        code.evaluate(
            "(svg, width) => { svg.style.width = width + 'px'; svg.style.height = 'auto'; }", width
        )
        image = Image.open(io.BytesIO(code.screenshot()))
    finally:
        printer.close()
    (barcode,) = zxingcpp.read_barcodes(image)
    return str(barcode.text)


BROKEN_PARTS = """() => {
  const caption = document.querySelector(".kg-qr .kg-url");
  const room = caption.getBoundingClientRect().width;
  const parts = [...caption.querySelectorAll(".kg-url__part")];
  const line = parts[0].getBoundingClientRect().height;
  return parts
    .filter((part) => {
      const alone = part.cloneNode(true);
      alone.style.whiteSpace = "nowrap";
      alone.style.position = "absolute";
      caption.append(alone);
      const width = alone.getBoundingClientRect().width;
      alone.remove();
      return width <= room && part.getBoundingClientRect().height > line * 1.5;
    })
    .map((part) => part.textContent);
}"""
"""The parts of the printed address that would fit on one line of the caption but are wrapped."""


def test_every_qr_code_opens_the_canonical_url(page: Page, site_url: str, catalog: Catalog) -> None:
    """Each printed code opens its page, and the address under it wraps only between its parts
    (never at a hyphen, which a reader copying it by hand would take for a line break)."""
    page.emulate_media(media="print")
    for exercise in catalog.exercises:
        page.goto(f"{site_url}exercises/{exercise.slug}/")
        qr = page.locator(".kg-qr svg")
        assert decode_qr(qr) == f"{SITE_URL}exercises/{exercise.slug}/"
        assert page.inner_text(".kg-qr figcaption").endswith(
            f"{SITE_URL}exercises/{exercise.slug}/"
        )
        assert page.evaluate(BROKEN_PARTS) == [], exercise.slug


def test_qr_is_only_on_paper(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}exercises/clam-shell/")
    assert page.locator(".kg-qr").is_hidden()
    page.emulate_media(media="print")
    assert page.locator(".kg-qr").is_visible()
    assert page.locator(".md-header").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".kg-actions").is_hidden()


BODY_TEXT = ".md-content__inner > :is(p, ul, ol) li, .md-content__inner > p, .admonition :is(p, li)"
"""The sheet's body: summary, what it works, steps, dose, pain rule, move on, step back, cautions."""


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_exercise_prints_on_one_page(
    page: Page, site_url: str, catalog: Catalog, paper: str
) -> None:
    for exercise in catalog.exercises:
        page.goto(f"{site_url}exercises/{exercise.slug}/")
        pdf = page.pdf(format=paper, print_background=True)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        assert pages == 1, f"{exercise.slug} takes {pages} pages on {paper}"
        text = pdf_text(pdf).replace(" ", "")  # a line may break after a hyphen: "hip- width"
        rule = catalog.pain_rule
        # Citation and basis markers ([@editorial], [@ref]) are screen-only: compare plain text.
        for words in (
            exercise.name,
            *exercise.steps,
            "Dosage",
            *exercise.cautions,
            f"exercises/{exercise.slug}/",
            # The pain rule and when to move on or step back go home with the patient too.
            f"{rule.name}: no more than {rule.max_pain} out of 10",
            rule.during,
            rule.if_broken,
            exercise.move_on_when,
            exercise.step_back_when,
        ):
            assert normal(printed(words)).replace(" ", "") in text, words
        page.emulate_media(media="print")
        sizes = page.eval_on_selector_all(
            BODY_TEXT, "els => els.map(e => getComputedStyle(e).fontSize)"
        )
        page.emulate_media(media="no-override")
        assert len(sizes) >= 10
        assert min(float(size.removesuffix("px")) for size in sizes) >= 16  # 12 pt


def build_program_by_keyboard(page: Page) -> None:
    """Add three exercises by keyboard (focus stays on the list) and change their doses."""
    doses = {
        "clam-shell": {"s": "3", "r": "12", "times": "2", "note": "Slowly"},
        "quad-set": {"s": "2", "r": "10", "h": "5", "times": "2", "note": "Hold firm"},
        "calf-stretch": {"s": "1", "r": "3", "h": "30", "times": "2", "note": "After runs"},
    }
    for number, (slug, fields) in enumerate(doses.items(), start=1):
        page.focus(f'[data-add="{slug}"]')
        page.keyboard.press("Enter")  # adds it with the guide's starting dose; focus stays
        assert page.evaluate("document.activeElement.dataset.add") == slug
        item = page.locator(f"#program-items > li:nth-child({number})")
        for key, value in fields.items():
            item.locator(f'[id$="-{key}"]').fill(value)
        if slug == "calf-stretch":
            item.locator('[id$="-per"]').select_option("week")


EXPECTED = [
    ("Clam shell", "3 sets, 12 repetitions on each side, 2 times a day", "Slowly"),
    ("Quad set", "2 sets, 10 repetitions, hold 5 seconds, 2 times a day", "Hold firm"),
    (
        "Wall calf stretch",
        "1 set, 3 repetitions, hold 30 seconds on each side, 2 times a week",
        "After runs",
    ),
]


def patient_view(page: Page) -> list[tuple[str, str, str]]:
    rows = []
    for item in page.locator(".kg-program > li").all():
        rows.append(
            (
                item.locator("h3").inner_text(),
                item.locator(".kg-program-dosage").inner_text().removeprefix("Dosage: "),
                item.locator(".kg-program-note").inner_text().removeprefix("Note: "),
            )
        )
    return rows


def test_clinician_builds_and_patient_sees_the_same_program(
    page: Page, context: BrowserContext, site_url: str
) -> None:
    page.goto(f"{site_url}program/")
    page.fill("#program-title", "Week 1")
    build_program_by_keyboard(page)
    link = page.input_value("#program-link")
    expected_fragment = fragment(
        "Week 1",
        [
            {"slug": "clam-shell", "s": 3, "r": 12, "e": True, "times": 2, "note": "Slowly"},
            {"slug": "quad-set", "s": 2, "r": 10, "h": 5, "times": 2, "note": "Hold firm"},
            {
                "slug": "calf-stretch",
                "s": 1,
                "r": 3,
                "h": 30,
                "e": True,
                "times": 2,
                "per": "week",
                "note": "After runs",
            },
        ],
        episode_in(link),
    )
    assert link == f"{site_url}program/#{expected_fragment}"

    patient = context.browser.new_context()  # type: ignore[union-attr]
    view = patient.new_page()
    view.goto(link)
    assert view.inner_text("#program-heading") == "Week 1"
    assert patient_view(view) == EXPECTED
    hrefs = [a.get_attribute("href") for a in view.locator(".kg-program h3 a").all()]
    assert [href.split("#")[0] for href in hrefs if href] == [
        "../exercises/clam-shell/",
        "../exercises/quad-set/",
        "../exercises/calf-stretch/",
    ]
    assert view.locator("#program-change").count() == 0  # the patient cannot change the dose
    assert view.locator(".kg-qr").is_hidden()  # behind "Share or print" on screen
    view.emulate_media(media="print")
    assert decode_qr(view.locator(".kg-qr svg")) == link
    text = pdf_text(view.pdf(format="A4"))
    for name, dosage, note in EXPECTED:
        assert normal(name) in text
        assert normal(dosage) in text
        assert normal(note) in text
    patient.close()


def test_reordering_and_removing_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}program/?add=quad-set")
    page.focus('[data-add="clam-shell"]')
    page.keyboard.press("Enter")
    page.focus('#program-items > li:nth-child(2) [data-action="up"]')
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.action") == "up"
    order = [li.get_attribute("data-slug") for li in page.locator("#program-items > li").all()]
    assert order == ["clam-shell", "quad-set"]
    page.focus('#program-items > li:nth-child(1) [data-action="remove"]')
    page.keyboard.press("Enter")
    assert [li.get_attribute("data-slug") for li in page.locator("#program-items > li").all()] == [
        "quad-set"
    ]
    assert page.evaluate("document.activeElement.dataset.action") == "remove"


def test_exercise_page_starts_a_program(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}exercises/donkey-kick/")
    page.click("text=Start a program with this exercise")
    page.wait_for_selector('#program-items > li[data-slug="donkey-kick"]')


def test_unknown_exercise_gets_its_own_message_and_the_rest_shows(
    page: Page, site_url: str
) -> None:
    link = fragment(
        "",
        [
            {"slug": "clam-shell", "s": 3},
            {"slug": "moon-walk", "s": 2},
            {"slug": "quad-set", "r": 10},
        ],
    )
    page.goto(f"{site_url}program/#{link}")
    items = page.locator(".kg-program > li")
    assert items.count() == 3
    assert 'The exercise "moon-walk" is not in the guide any more' in items.nth(1).inner_text()
    assert items.nth(0).locator("h3").inner_text() == "Clam shell"
    assert items.nth(2).locator(".kg-program-dosage").inner_text() == "Dosage: 10 repetitions"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(lambda f: f[: len(f) // 2], "damaged or incomplete", id="truncated"),
        pytest.param(lambda f: f.replace(".s3", ".s4"), "damaged or incomplete", id="altered"),
        pytest.param(lambda f: "v2" + f[2:], "newer version", id="newer-version"),
        pytest.param(lambda f: "hello", "damaged or incomplete", id="garbage"),
        pytest.param(lambda f: signed("v1"), "damaged or incomplete", id="no-title"),
        pytest.param(
            lambda f: signed(f"v1,{'a' * 61},x"), "damaged or incomplete", id="long-title"
        ),
    ],
)
def test_bad_link_says_so(page: Page, site_url: str, make: object, message: str) -> None:
    good = fragment("", [{"slug": "clam-shell", "s": 3, "r": 12}, {"slug": "quad-set"}])
    page.goto(f"{site_url}program/#{make(good)}")  # type: ignore[operator]
    alert = page.locator("#program-view [role=alert]")
    assert message in alert.inner_text()
    assert page.locator("#program-builder").is_hidden()


def test_program_page_loads_no_pyodide(context: BrowserContext, site_url: str) -> None:
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(
        f"{site_url}program/#{fragment('', [{'slug': 'clam-shell'}])}", wait_until="networkidle"
    )
    # The offline copy it installs holds the estimator's small wheel and lock, not the runtime.
    page.wait_for_function("() => navigator.serviceWorker.ready.then(() => true)")
    assert not [url for url in requested if url.endswith(served_runtime(ROOT))]
    own = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    assert not [url for url in own if "/pyodide/" in url]


PRINTED_STYLE = """() => [...document.querySelectorAll('#program-view .kg-program > li')].map(item => {
  const name = getComputedStyle(item.querySelector('h3 a'));
  const step = getComputedStyle(item.querySelector('.kg-program-steps li'));
  const figure = item.querySelector('svg.kg-program-figure')?.getBoundingClientRect();
  return {
    step: parseFloat(step.fontSize),
    nameColor: name.color,
    textColor: step.color,
    nameLine: name.textDecorationLine,
    figure: figure ? Math.round(figure.height) : 0,
  };
})"""


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_every_template_program_prints_on_one_page(
    page: Page, site_url: str, catalog: Catalog, paper: str
) -> None:
    """The builder's printed handout of each four-exercise template: one page, 12 pt text (16 CSS
    px), figures of at least 3 cm, names in the text's colour without underlines, the date and next review
    at the top and the stop rule and pain rule at the foot."""
    rule = catalog.pain_rule
    for template in catalog.program_templates:
        page.goto(f"{site_url}program/")
        page.click(f'[data-template="{template.slug}"]')
        page.fill("#program-next-review", "2027-01-15")
        pdf = page.pdf(format=paper)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        assert pages == 1, f"{template.slug} takes {pages} pages on {paper}"
        text = pdf_text(pdf)
        for entry in template.exercises:
            assert normal(catalog.exercise(entry.exercise).name) in text
        assert "Next review: 15 January 2027" in text or "Next review: January 15, 2027" in text
        assert "Printed on" in text
        assert "When to stop" in text
        assert normal(f"{rule.name}: no more than {rule.max_pain} out of 10") in text
        page.emulate_media(media="print")
        styles = page.evaluate(PRINTED_STYLE)
        page.emulate_media(media="no-override")  # page.pdf() prints with screen styles otherwise
        assert len(styles) == 4
        for style in styles:
            assert style["step"] >= 16  # 12 pt
            assert style["nameColor"] == style["textColor"]
            assert style["nameLine"] == "none"
            assert style["figure"] >= 110  # 3 cm at 96 px to the inch is 113 px


PRINTED_TEXT = """() => Object.fromEntries([...document.querySelectorAll('#program-view .kg-program > li')]
  .map(item => [item.dataset.slug, item.innerText.length]))"""


def most_printed_text(page: Page, site_url: str, catalog: Catalog, count: int) -> list[str]:
    """The ``count`` exercises with the most text on the printed handout (name, dose and steps),
    measured on the handout itself with every exercise of the guide in one program."""
    page.goto(f"{site_url}program/")
    for exercise in catalog.exercises:
        page.click(f'[data-add="{exercise.slug}"]')
    page.emulate_media(media="print")
    lengths: dict[str, int] = page.evaluate(PRINTED_TEXT)
    page.emulate_media(media="no-override")
    assert sorted(lengths) == sorted(e.slug for e in catalog.exercises)
    return sorted(lengths, key=lambda slug: -lengths[slug])[:count]


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_six_exercises_with_the_most_printed_text_print_on_one_page(
    context: BrowserContext, site_url: str, catalog: Catalog, paper: str
) -> None:
    """The worst case of the builder's limit for one page: every word of the six exercises with
    the most text, at 12 pt, with the strip, the stop rule, the pain rule and the QR code."""
    longest = most_printed_text(context.new_page(), site_url, catalog, 6)
    page = context.new_page()
    page.goto(f"{site_url}program/")
    assert page.inner_text("#program-n") == "0"
    for slug in longest:
        page.click(f'[data-add="{slug}"]')
    page.fill("#program-next-review", "2027-01-15")
    pdf = page.pdf(format=paper)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages == 1, f"{longest} take {pages} pages on {paper}"
    text = pdf_text(pdf).replace(" ", "")
    rule = catalog.pain_rule
    for slug in longest:
        exercise = catalog.exercise(slug)
        for words in (exercise.name, *exercise.steps):
            assert normal(printed(words)).replace(" ", "") in text, words
    for words in (
        "Printed on",
        "Next review",
        "When to stop",
        f"{rule.name}: no more than {rule.max_pain} out of 10",
        printed(rule.if_broken),
    ):
        assert normal(words).replace(" ", "") in text, words
    page.emulate_media(media="print")
    styles = page.evaluate(PRINTED_STYLE)
    assert [style["step"] >= 16 for style in styles] == [True] * 6
    assert all(style["figure"] > 0 for style in styles)
    assert decode_qr(page.locator("#program-view .kg-qr svg")) == page.input_value("#program-link")


CLINIC = ("Riverside Physiotherapy", "01234 567890, riverside-physio.example")


@pytest.fixture(scope="module")
def clinic_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real content built for a clinic publishing its own copy (``clinic`` in mkdocs.yml)."""
    project = tmp_path_factory.mktemp("clinic")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    name, contact = CLINIC
    clinic = f"      clinic:\n        name: {name}\n        contact: {contact}\n"
    (project / "mkdocs.yml").write_text(
        text.replace("  - kneeguide:\n", f"  - kneeguide:\n{clinic}", 1), encoding="utf-8"
    )
    for shared in ("content", "kneeguide", "calculator", "node_modules", "overrides"):
        (project / shared).symlink_to(ROOT / shared)
    shutil.copytree(ROOT / "docs", project / "docs")
    result = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        yield url


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_a_clinics_handouts_still_print_on_one_page(
    context: BrowserContext, clinic_site_url: str, catalog: Catalog, paper: str
) -> None:
    """The clinic's line takes room: every exercise sheet and the six exercises with the most
    printed text still fit one page, with the clinic's name and contact on it."""
    name, contact = CLINIC
    page = context.new_page()
    for exercise in catalog.exercises:
        page.goto(f"{clinic_site_url}exercises/{exercise.slug}/")
        pdf = page.pdf(format=paper, print_background=True)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        assert pages == 1, f"{exercise.slug} takes {pages} pages on {paper}"
        assert f"From {name}. Contact: {contact}" in pdf_text(pdf)
    longest = most_printed_text(context.new_page(), clinic_site_url, catalog, 6)
    page = context.new_page()
    page.goto(f"{clinic_site_url}program/")
    for slug in longest:
        page.click(f'[data-add="{slug}"]')
    pdf = page.pdf(format=paper)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert f"{name}.Contact:{contact}".replace(" ", "") in pdf_text(pdf).replace(" ", "")
