"""The calculator in headless Chromium, on the built site served from 127.0.0.1.

Every answer on the page must be exactly what the estimator computes natively on CPython; the
page's own copy runs on Pyodide's CPython 3.14, so this also checks the two agree.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from calculator import CAUSES, PLANS, RED_FLAGS, SEVERITIES, TRAININGS, TYPICAL, respond
from kneeguide.bundle.pyodide import pyodide_path, served_runtime

from ..conftest import ROOT
from ..serve import Fault, serve
from .calculator_page import SETTLED, answers_in, expected, open_calculator, query, set_form, shown


def native(inputs: dict[str, Any]) -> dict[str, Any]:
    return json.loads(respond(json.dumps(inputs)))["result"]


def combinations() -> list[dict[str, Any]]:
    """23 varied answers: every value of every field appears, plus red flags and the cap."""
    rng = random.Random(20261125)
    cases = []
    for severity, training, plan in itertools.product(SEVERITIES, TRAININGS, PLANS):
        cases.append(
            {
                "age": "adult",
                "severity": severity,
                "symptom_weeks": rng.choice([0, 0.5, 1, 2, 3.5, 6, 12]),
                "ran_through_pain": rng.random() < 0.5,
                "training": training,
                "plan": plan,
                "cause": rng.choice(CAUSES),
                "red_flags": [],
            }
        )
    for cause in CAUSES:
        cases.append(
            {**TYPICAL.to_json(), "cause": cause, "symptom_weeks": rng.choice([0.5, 1.5, 2.5])}
        )
    cases[3]["red_flags"] = ["swelling"]
    cases[7]["red_flags"] = ["injury", "night_pain"]
    cases[11]["red_flags"] = [code for code in RED_FLAGS if code != "under_18"]  # age asks that
    cases[13]["age"] = "under_18"
    cases[17].update(
        symptom_weeks=40, ran_through_pain=True, training="unchanged", cause="malalignment"
    )
    return cases


def test_page_shows_exactly_what_the_estimator_computes(page: Page, site_url: str) -> None:
    open_calculator(page, site_url)
    assert page.get_attribute("#calculator-result", "data-python", timeout=1000).startswith("3.14")
    cases = combinations()
    assert len(cases) >= 20
    for inputs in cases:
        set_form(page, inputs)
        assert shown(page) == expected(native(inputs)), inputs
        assert answers_in(page.url) == answers_in(query(inputs))


def test_prefilled_link_sets_the_form_and_the_answer(page: Page, site_url: str) -> None:
    inputs = {
        **TYPICAL.to_json(),
        "severity": "severe",
        "symptom_weeks": 3,
        "cause": "weakness",
    }
    open_calculator(page, site_url, f"#{query(inputs)}")
    assert page.is_checked('input[name="severity"][value="severe"]')
    assert page.input_value("#input-symptom_weeks") == "3"
    assert page.input_value("#input-cause") == "weakness"
    assert shown(page) == expected(native(inputs))


def test_partial_link_answers_what_it_gives_and_asks_the_rest(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, "#severity=mild&symptom_weeks=0")
    assert page.is_checked('input[name="severity"][value="mild"]')
    assert page.get_attribute("#calculator-result", "data-state") == "incomplete"
    assert page.inner_text("#summary-label") == "Not yet for your answers"
    assert page.inner_text("#summary-headline") == (
        "5 questions left: your age, running through pain, your training, your plan and the cause."
    )
    assert page.locator("#error-training").is_hidden()  # not answered yet: no error shown


def test_bad_link_values_get_messages_beside_their_fields(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, "#severity=extreme&symptom_weeks=-2")
    severity = page.locator("#error-severity")
    assert severity.is_visible()
    assert "Choose how much your knee holds you back." in severity.inner_text()
    assert page.inner_text("#error-symptom_weeks") == "Enter a number of weeks from 0 to 520."
    assert page.get_attribute("#input-symptom_weeks", "aria-invalid") == "true"
    assert "Traceback" not in page.inner_text("body")


def test_typed_bad_number_gets_a_message_and_recovers(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, f"#{query(TYPICAL.to_json())}")
    page.fill("#input-symptom_weeks", "-3")
    page.wait_for_function(SETTLED)
    assert page.locator("#error-symptom_weeks").is_visible()
    page.fill("#input-symptom_weeks", "1")
    page.wait_for_function(SETTLED)
    assert page.locator("#error-symptom_weeks").is_hidden()
    assert shown(page) == expected(native({**TYPICAL.to_json(), "symptom_weeks": 1}))


def test_red_flag_sends_to_a_clinician_without_a_number(page: Page, site_url: str) -> None:
    open_calculator(page, site_url, f"#{query(TYPICAL.to_json())}")
    page.check('input[name="red_flags"][value="giving_way"]')
    page.wait_for_function(SETTLED)
    body = page.inner_text("#result-body")
    assert "Get help today" in body
    assert "weeks" not in body.split("This is an estimate")[0]
    assert page.locator('#result-body a[href="../see-a-clinician/"]').count() == 1
    assert page.locator('#result-body a[href="../see-a-clinician/#giving-way"]').count() == 1


def test_keyboard_only(page: Page, site_url: str) -> None:
    open_calculator(page, site_url)
    page.focus('input[name="age"][value="adult"]')  # no answer chosen: Tab reaches the first
    page.keyboard.press("Space")  # 18 or older
    page.keyboard.press("Tab")  # the first radio of the next group
    page.keyboard.press("ArrowDown")  # moves to and checks the next radio: moderate
    page.keyboard.press("ArrowDown")  # severe
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "input-symptom_weeks"
    page.keyboard.type("4")
    page.keyboard.press("Tab")  # the first radio of the next group (none chosen)
    page.keyboard.press("ArrowDown")  # ran_through_pain: yes ("No" is first)
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # training: reduced
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # plan: addresses_cause
    focused = []
    for _ in range(2):
        page.keyboard.press("Tab")
        focused.append(
            page.evaluate("document.activeElement.name || document.activeElement.textContent")
        )
    assert focused == ["Read about the causes.", "cause"]
    page.keyboard.press("ArrowDown")  # overload
    page.keyboard.press("ArrowDown")  # weakness
    page.wait_for_function(SETTLED)
    inputs = {
        **TYPICAL.to_json(),
        "severity": "severe",
        "symptom_weeks": 4,
        "ran_through_pain": True,
        "cause": "weakness",
    }
    assert shown(page) == expected(native(inputs))


@pytest.mark.parametrize(
    "faults",
    [
        pytest.param({".wasm": "hang"}, id="wasm-never-arrives"),
        pytest.param({".wasm": "wrong-mime"}, id="wasm-wrong-mime"),
        pytest.param({".whl": "missing"}, id="wheel-missing"),
        pytest.param({".whl": "corrupt"}, id="wheel-wrong-hash"),
        pytest.param({"pyodide.mjs": "missing"}, id="runtime-missing"),
    ],
)
def test_failure_is_visible_and_the_default_answer_stays(
    browser: Browser, built_site: Path, faults: dict[str, Fault]
) -> None:
    # A file that never arrives needs the page's own time limit, and so (found here: Pyodide
    # neither fails nor finishes, no error event) does WebAssembly with the wrong MIME type; for
    # those the limit is shortened. Every other fault must come from its own error event,
    # however loaded the machine is.
    hang = bool({"hang", "wrong-mime"} & set(faults.values()))
    with serve(built_site, faults) as url:
        context = browser.new_context()
        if hang:
            context.add_init_script("window.KNEE_GUIDE_START_TIMEOUT_MS = 3000")
        page = context.new_page()
        page.goto(f"{url}calculator/")
        # A fault reported by an error event can arrive before the page has even loaded.
        assert page.get_attribute("#calculator-result", "data-state") in ("typical", "failed")
        assert (
            page.inner_text("#result-body .kg-headline")
            == expected(native(TYPICAL.to_json()))["headline"]
        )
        page.wait_for_selector('#calculator-result[data-state="failed"]', timeout=120_000)
        status = page.inner_text("#calculator-status-text")
        assert "could not start" in status
        failure = page.get_attribute("#calculator-result", "data-failure")
        assert failure == ("stalled" if hang else "error"), status
        assert (
            page.inner_text("#result-body .kg-headline")
            == expected(native(TYPICAL.to_json()))["headline"]
        )
        assert "not yours" in page.inner_text("#summary-label")
        assert page.locator("#calculator-progress").is_hidden()
        context.close()


WATCH_STATUS = """
window.__statuses = [];
new MutationObserver(() => {
  const text = document.getElementById("calculator-status-text")?.textContent;
  if (text && window.__statuses.at(-1) !== text) window.__statuses.push(text);
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def test_a_slow_line_still_bringing_bytes_never_times_out(
    browser: Browser, built_site: Path
) -> None:
    """The WebAssembly arrives in small pieces for longer than the wait for a stalled start:
    the calculator keeps waiting while bytes arrive, shows how much has arrived, and answers."""
    with serve(built_site, {".wasm": "slow"}) as url:
        context = browser.new_context()
        context.add_init_script("window.KNEE_GUIDE_START_TIMEOUT_MS = 4000")
        context.add_init_script(WATCH_STATUS)
        page = context.new_page()
        open_calculator(page, url)
        assert page.get_attribute("#calculator-result", "data-failure") is None
        loading = [s for s in page.evaluate("window.__statuses") if "MB of Python loaded" in s]
        amounts = [float(s.split(": ")[1].split(" MB")[0]) for s in loading]
        assert len(amounts) >= 3, loading
        assert amounts == sorted(amounts)
        assert amounts[-1] >= 9.0  # the WebAssembly alone is 9.6 MB
        context.close()


def test_offline_before_first_use_says_so_and_try_again_works(
    browser: Browser, built_site: Path
) -> None:
    """Pyodide's files do not arrive at all (the connection drops, as offline): the page says the
    calculator needs the internet once, keeps the warning signs working, and "Try again" starts
    it once the files can arrive."""
    faults: dict[str, Fault] = {"pyodide.mjs": "drop", "pyodide.asm.mjs": "drop"}
    with serve(built_site, faults) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}calculator/")
        page.wait_for_selector('#calculator-result[data-state="failed"]')
        assert page.get_attribute("#calculator-result", "data-failure") == "offline"
        assert "needs the internet the first time" in page.inner_text("#calculator-status-text")
        page.check('input[name="red_flags"][value="breathless"]')
        assert page.get_attribute("#calculator-summary", "data-state") == "refer"
        page.uncheck('input[name="red_flags"][value="breathless"]')
        faults.clear()
        page.click("#calculator-retry")
        page.wait_for_selector("#calculator-result[data-python]")
        set_form(page, {**TYPICAL.to_json(), "severity": "mild"})
        assert shown(page) == expected(native({**TYPICAL.to_json(), "severity": "mild"}))
        assert page.locator("#calculator-retry").count() == 0
        context.close()


def test_no_request_leaves_the_site(context: BrowserContext, site_url: str) -> None:
    origin = urlparse(site_url).netloc
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    open_calculator(page, site_url)
    set_form(page, {**TYPICAL.to_json(), "severity": "mild"})
    outside = [
        url for url in requested if urlparse(url).netloc != origin and not url.startswith("data:")
    ]
    assert outside == []
    assert any(url.endswith(".whl") for url in requested)


def test_first_visit_downloads_each_runtime_file_once(browser: Browser, built_site: Path) -> None:
    """A phone on a first visit downloads Pyodide's 13 MB once. Found here: the browser's cache
    does not reliably join two requests for the same file, so a second request of the worker's
    own (to start a compile early, say) would download the 9.6 MB WebAssembly twice."""
    with serve(built_site) as url:
        context = browser.new_context()
        page = context.new_page()
        inputs = {**TYPICAL.to_json(), "severity": "mild"}
        open_calculator(page, url, f"#{query(inputs)}")
        assert page.get_attribute("#calculator-result", "data-start") == "fresh"
        assert shown(page) == expected(native(inputs))
        folder = "/" + pyodide_path(ROOT)
        runtime = served_runtime(ROOT)
        assert {name: url.hits[f"{folder}{name}"] for name in runtime} == dict.fromkeys(runtime, 1)
        context.close()


@pytest.mark.parametrize("path", ["", "exercises/clam-shell/", "recovery-time/"])
def test_other_pages_fetch_no_pyodide(context: BrowserContext, site_url: str, path: str) -> None:
    """Other pages never start Python (nor, on a first read, make the offline copy)."""
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(f"{site_url}{path}", wait_until="networkidle")
    page.wait_for_function(
        "new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => done(true))))"
    )
    assert not [url for url in requested if url.endswith(served_runtime(ROOT))]
    own = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    assert not [url for url in own if "/pyodide/" in url or "calculator" in url]


SNAPSHOT_STORED = '#calculator-result[data-snapshot="stored"]'

# Rewrites the stored snapshot in the origin's private file system (the worker's, same origin):
# its memory file and the record beside it (calculator/worker.js).
TAMPER = """async (how) => {
  const folder = await (await navigator.storage.getDirectory())
    .getDirectoryHandle("knee-guide-calculator-snapshot");
  const memoryFile = await folder.getFileHandle("memory.bin");
  const recordFile = await folder.getFileHandle("record.json");
  let bytes = new Uint8Array(await (await memoryFile.getFile()).arrayBuffer());
  const record = JSON.parse(await (await recordFile.getFile()).text());
  const { checksum } = await import(new URL("../assets/javascripts/calculator/snapshot-format.js", location.href).href);
  // The file holds the kept parts one after the other, and so has the same checksum.
  if (how === "corrupted") {
    bytes.fill(0xff, bytes.length >> 1, (bytes.length >> 1) + 4096);
  } else if (how === "stale") {
    record.key = record.key.replace(/[0-9a-f]{64}/, "0".repeat(64));
  } else if (how === "older-format") {
    record.format -= 1;
  } else if (how === "rejected") {
    new Uint32Array(bytes.buffer, 16, 8).fill(0xabad1dea);  // another build of Pyodide
    record.checksum = checksum(bytes);
  } else if (how === "not-pyodide") {
    bytes.fill(0, 0, 4);  // Pyodide's magic number
    record.checksum = checksum(bytes);
  } else if (how === "truncated") {
    bytes = bytes.slice(0, bytes.length - 1000);
    record.checksum = checksum(bytes);
  } else if (how === "record-damaged") {
    record.runs[0][0] = 1;
  }
  for (const [file, content] of [[memoryFile, bytes], [recordFile, JSON.stringify(record)]]) {
    const writable = await file.createWritable();
    await writable.write(content);
    await writable.close();
  }
}"""


# The stored snapshot's memory file, against its record (calculator/worker.js).
KEPT = """async () => {
  const folder = await (await navigator.storage.getDirectory())
    .getDirectoryHandle("knee-guide-calculator-snapshot");
  const file = await (await folder.getFileHandle("memory.bin")).getFile();
  const record = JSON.parse(await (await (await folder.getFileHandle("record.json")).getFile()).text());
  return { file: file.size, kept: record.runs.reduce((sum, run) => sum + run[1], 0), memory: record.bytes };
}"""


def visit_twice(page: Page, site_url: str) -> None:
    """A first visit that ends once the worker has stored its snapshot, then a second visit."""
    open_calculator(page, site_url)
    assert page.get_attribute("#calculator-result", "data-start") == "fresh"
    page.wait_for_selector(SNAPSHOT_STORED, state="attached", timeout=60_000)


def test_second_visit_starts_from_the_snapshot(page: Page, site_url: str) -> None:
    visit_twice(page, site_url)
    # Only the memory's parts that are not all zeros are kept: about half of it.
    kept = page.evaluate(KEPT)
    assert kept["file"] == kept["kept"] < kept["memory"] * 0.8, kept
    inputs = {**TYPICAL.to_json(), "severity": "severe", "symptom_weeks": 5, "cause": "weakness"}
    open_calculator(page, site_url, f"#{query(inputs)}")
    assert page.get_attribute("#calculator-result", "data-start") == "snapshot"
    assert page.get_attribute("#calculator-result", "data-python").startswith("3.14")
    assert shown(page) == expected(native(inputs))
    set_form(page, {**inputs, "severity": "mild", "red_flags": ["swelling"]})
    assert shown(page) == expected(
        native({**inputs, "severity": "mild", "red_flags": ["swelling"]})
    )
    assert page.get_attribute("#calculator-result", "data-snapshot") is None
    assert page.get_attribute("#calculator-result", "data-fallback") is None


# A search of the stored snapshot's memory file for a string (as Latin-1: any byte is a letter).
FIND_IN_SNAPSHOT = """async (text) => {
  const folder = await (await navigator.storage.getDirectory())
    .getDirectoryHandle("knee-guide-calculator-snapshot");
  const file = await (await folder.getFileHandle("memory.bin")).getFile();
  return new TextDecoder("latin1").decode(await file.arrayBuffer()).includes(text);
}"""


def test_the_snapshot_keeps_none_of_the_readers_answers(page: Page, site_url: str) -> None:
    """The snapshot stays on the device for later visits: it must not hold what the reader
    entered. Found here: one taken after the first estimate held the answers, as JSON."""
    inputs = {**TYPICAL.to_json(), "symptom_weeks": 13.37, "red_flags": ["night_pain"]}
    open_calculator(page, site_url, f"#{query(inputs)}")
    set_form(page, {**inputs, "symptom_weeks": 24.68})
    page.wait_for_selector(SNAPSHOT_STORED, state="attached", timeout=60_000)
    assert page.evaluate(FIND_IN_SNAPSHOT, '"severity"')  # the estimator's own code is there
    for answer in ("13.37", "24.68", '"red_flags":["night_pain"]', '"red_flags": ["night_pain"]'):
        assert not page.evaluate(FIND_IN_SNAPSHOT, answer), answer


@pytest.mark.parametrize(
    ("how", "why"),
    [
        ("corrupted", "the snapshot is corrupted"),
        ("stale", "the snapshot is stale"),
        ("older-format", "the snapshot is stale"),
        ("rejected", "Snapshot build id mismatch"),  # Pyodide's own check
        ("not-pyodide", "the snapshot is not one of Pyodide's"),
        ("truncated", "the snapshot's file has the wrong length"),
        ("record-damaged", "the snapshot's record is damaged"),
    ],
)
def test_bad_snapshot_falls_back_to_a_normal_start(
    page: Page, site_url: str, how: str, why: str
) -> None:
    visit_twice(page, site_url)
    page.evaluate(TAMPER, how)
    inputs = {**TYPICAL.to_json(), "severity": "mild"}
    open_calculator(page, site_url, f"#{query(inputs)}")
    assert page.get_attribute("#calculator-result", "data-start") == "fresh"
    assert why in (page.get_attribute("#calculator-result", "data-fallback") or "")
    assert page.get_attribute("#calculator-result", "data-state") != "failed"
    assert shown(page) == expected(native(inputs))
    # ... and it stores a good snapshot again, which the next visit uses.
    page.wait_for_selector(SNAPSHOT_STORED, state="attached", timeout=60_000)
    open_calculator(page, site_url, f"#{query(TYPICAL.to_json())}")
    assert page.get_attribute("#calculator-result", "data-start") == "snapshot"
    assert shown(page) == expected(native(TYPICAL.to_json()))


# The stored snapshot's files: their sizes and when they were last written.
STORED = """async () => {
  const folder = await (await navigator.storage.getDirectory())
    .getDirectoryHandle("knee-guide-calculator-snapshot");
  const stored = {};
  for (const name of ["memory.bin", "record.json"]) {
    const file = await (await folder.getFileHandle(name)).getFile();
    stored[name] = [file.size, file.lastModified];
  }
  return stored;
}"""

# A worker standing for another tab's calculator worker: it opens the snapshot's memory file with a
# synchronous handle in the mode it is named after, and holds it until told to let go.
HOLD = b"""
const folder = await (await navigator.storage.getDirectory())
  .getDirectoryHandle("knee-guide-calculator-snapshot");
const handle = await (await folder.getFileHandle("memory.bin")).createSyncAccessHandle({ mode: self.name });
onmessage = () => { handle.close(); postMessage("released"); };
postMessage("holding");
"""
START_HOLDING = """mode => new Promise((resolve, reject) => {
  window.__holder = new Worker("/__test/hold.js", { type: "module", name: mode });
  window.__holder.onmessage = () => resolve(true);
  window.__holder.onerror = (event) => reject(new Error(event.message));
})"""
RELEASE = """() => new Promise((resolve) => {
  window.__holder.onmessage = () => resolve(true);
  window.__holder.postMessage("release");
})"""


@pytest.mark.parametrize(
    ("mode", "start", "fallback"),
    [
        ("read-only", "snapshot", None),  # another tab reading: both read at once
        ("readwrite", "fresh", "the snapshot is being written by another tab"),
    ],
)
def test_a_snapshot_another_tab_has_open_is_shared_or_left_alone(
    context: BrowserContext, built_site: Path, mode: str, start: str, fallback: str | None
) -> None:
    """Two tabs may start the calculator at once. Reading the snapshot needs no exclusive hold;
    one that another tab is writing means a normal start, and the snapshot is not deleted."""
    with serve(built_site, scripts={"/__test/hold.js": HOLD}) as url:
        page = context.new_page()
        visit_twice(page, url)
        stored = page.evaluate(STORED)
        other = context.new_page()
        open_calculator(other, url, "#severity=mild")  # a page of the same origin
        assert other.evaluate(START_HOLDING, mode)
        inputs = {**TYPICAL.to_json(), "severity": "severe"}
        open_calculator(page, url, f"#{query(inputs)}")
        assert page.get_attribute("#calculator-result", "data-start") == start
        assert page.get_attribute("#calculator-result", "data-fallback") == fallback
        assert shown(page) == expected(native(inputs))
        if start == "fresh":  # nor can it write its own snapshot over the held one
            page.wait_for_selector(
                '#calculator-result[data-snapshot="failed"]', state="attached", timeout=60_000
            )
        assert other.evaluate(RELEASE)
        assert page.evaluate(STORED) == stored
        open_calculator(page, url, "#severity=moderate")
        assert page.get_attribute("#calculator-result", "data-start") == "snapshot"
