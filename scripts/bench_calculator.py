"""Calculator figures in headless Chromium on the built site (part of `make bench`).

- bytes transferred until the first estimate, against a bare page that only loads the same
  self-hosted Pyodide with its whole standard library (goal: at most 0.75 of it);
- time to the first estimate from navigation, against a bare page that only loads the same
  self-hosted Pyodide (on its main thread, and in a module worker as the calculator does), cold
  (a new browser profile, so an empty disk cache) and warm (the second visit, once the first has
  stored its memory snapshot and handed Pyodide's files to the service worker), and after a
  browser restart (a later day's visit: caches on disk, nothing in memory), as ratios,
  unthrottled and on a slow line of 1.6 Mbit/s and 60 ms (Chromium's emulation through CDP,
  which also applies to the worker's requests), where the calculator must never give up; the site is served gzipped with an hour's caching, as a host would;
- time to recompute after an input change;
- the longest main-thread task while Pyodide starts (long tasks and the largest gap of a timer).
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

from kneeguide.bundle.pyodide import pyodide_path, runtime_folder
from kneeguide.bundle.stdlib import FULL
from tests.chromium import ARGS, CHROMIUM, chromium
from tests.serve import serve

PROJECT = Path(__file__).resolve().parent.parent
RUNTIME = "/" + pyodide_path(PROJECT)
"""Where the site serves the pinned Pyodide, from its root."""

BARE = """<!doctype html><html lang="en"><meta charset="utf-8"><title>bare</title>
<script type="module">
import { loadPyodide } from "/PYODIDE/pyodide.mjs";
await loadPyodide({ indexURL: "/PYODIDE/" });
performance.mark("bare-ready");
</script></html>""".replace("/PYODIDE/", RUNTIME).encode()

BARE_WORKER = b"""<!doctype html><html lang="en"><meta charset="utf-8"><title>bare worker</title>
<script type="module">
const worker = new Worker("/__bench/bare-worker.js", { type: "module" });
worker.onmessage = () => performance.mark("bare-ready");
</script></html>"""

BARE_WORKER_JS = """import { loadPyodide } from "/PYODIDE/pyodide.mjs";
await loadPyodide({ indexURL: "/PYODIDE/" });
postMessage("ready");
""".replace("/PYODIDE/", RUNTIME).encode()

WATCH_MAIN_THREAD = """
// From the load event (the page is parsed, laid out and Material has started) to the first
// estimate: that is while Pyodide starts in the worker and the page waits for it.
window.__longest = { longtask: 0, gap: 0, tasks: [] };
addEventListener("load", () => {
  const since = performance.now();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.startTime < since) continue;
      window.__longest.longtask = Math.max(window.__longest.longtask, entry.duration);
      window.__longest.tasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }
  }).observe({ type: "longtask", buffered: true });
  let last = performance.now();
  (function tick() {
    const now = performance.now();
    window.__longest.gap = Math.max(window.__longest.gap, now - last);
    last = now;
    if (!performance.getEntriesByName("kg-first-estimate").length) setTimeout(tick, 0);
  })();
});
"""

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SLOW_RUNS = int(os.environ.get("BENCH_SLOW_RUNS", "3"))
"""Runs on the slow line, where one cold visit takes about half a minute."""
ANSWERED = (
    "#age=adult&severity=moderate&symptom_weeks=2&ran_through_pain=false&training=reduced"
    "&plan=addresses_cause&cause=overload"
)
"""A link with every answer given, as a clinic would send: the first estimate is the reader's."""

Conditions = dict[str, float | bool]
PROFILES: dict[str, Conditions | None] = {
    "unthrottled": None,
    "1.6 Mbit/s, 60 ms": {
        "offline": False,
        "latency": 60,
        "downloadThroughput": 1.6e6 / 8,
        "uploadThroughput": 0.75e6 / 8,
    },
}
GOALS: dict[str, dict[str, float]] = {
    "unthrottled": {"cold": 1.05, "warm": 0.45},
    "1.6 Mbit/s, 60 ms": {"cold": 0.8, "warm": 0.45},
}
SNAPSHOT_SETTLED = "#calculator-result[data-snapshot]"
OFFLINE_KEPT = "#calculator-result[data-offline]"


def time_to(page: Page, url: str, mark: str) -> float:
    # The calculator's answers are in the fragment: going to the same address again would only
    # move within the page, so each visit starts from a blank page.
    page.goto("about:blank")
    page.goto(url)
    # Functions, not expression strings: the pages' policy forbids evaluating strings.
    page.wait_for_function(
        "m => performance.getEntriesByName(m).length > 0", arg=mark, timeout=90_000
    )
    return float(page.evaluate("m => performance.getEntriesByName(m)[0].startTime", mark))


def open_browser(
    playwright: Playwright, profile: str, conditions: Conditions | None
) -> tuple[BrowserContext, Page]:
    """Chromium on this profile, with one page on the network profile's conditions."""
    context = playwright.chromium.launch_persistent_context(
        profile, executable_path=str(CHROMIUM), args=ARGS
    )
    page = context.new_page()
    if conditions is not None:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", conditions)
    return context, page


def bytes_to(browser: Browser, url: str, mark: str) -> int:
    """Bytes on the wire (bodies as sent, and headers) until ``mark``, on a cold visit; the
    worker's requests included. The sum waits for the network to go idle: a response compiled
    while it streams (``pyodide.asm.wasm``) can reach the mark before its ``requestfinished``
    event does, which once left 3.55 MB out of the bare page's count."""
    context = browser.new_context()
    page = context.new_page()
    sizes: list[int] = []
    context.on(
        "requestfinished",
        lambda request: sizes.append(
            request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
        ),
    )
    time_to(page, url, mark)
    page.wait_for_load_state("networkidle")
    total = sum(sizes)
    context.close()
    return total


def first_estimate(
    playwright: Playwright, base: str, conditions: Conditions | None, runs: int
) -> dict[str, list[float]]:
    """Each run uses a new profile (empty disk cache) for a cold visit, then visits again in the
    same browser (warm), then once more after restarting the browser on the same profile (a
    visit on another day: the caches on disk, nothing in memory)."""
    targets = {
        "bare page": (f"{base}__bench/bare.html", "bare-ready"),
        "bare worker": (f"{base}__bench/bare-worker.html", "bare-ready"),
        "calculator": (f"{base}calculator/{ANSWERED}", "kg-first-estimate"),
    }
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, (url, mark) in targets.items():
            with tempfile.TemporaryDirectory() as profile:
                context, page = open_browser(playwright, profile, conditions)
                times.setdefault(f"{name} cold", []).append(time_to(page, url, mark))
                if name == "calculator":
                    failed = page.get_attribute("#calculator-result", "data-failure")
                    times.setdefault("dead end", []).append(float(failed is not None))
                    # A later visit, after the worker has stored its snapshot (or given up).
                    page.wait_for_selector(SNAPSHOT_SETTLED, state="attached", timeout=60_000)
                    snapshot = page.get_attribute("#calculator-result", "data-snapshot")
                    times.setdefault("snapshot stored", []).append(float(snapshot == "stored"))
                    if snapshot == "stored":  # ... and the service worker has Pyodide's files
                        page.wait_for_selector(OFFLINE_KEPT, state="attached", timeout=60_000)
                times.setdefault(f"{name} warm", []).append(time_to(page, url, mark))
                if name == "calculator":
                    start = page.get_attribute("#calculator-result", "data-start")
                    times.setdefault("warm from snapshot", []).append(float(start == "snapshot"))
                context.close()
                context, page = open_browser(playwright, profile, conditions)
                times.setdefault(f"{name} restart", []).append(time_to(page, url, mark))
                if name == "calculator":
                    start = page.get_attribute("#calculator-result", "data-start")
                    times.setdefault("restart from snapshot", []).append(float(start == "snapshot"))
                context.close()
    return times


def recompute(browser: Browser, base: str) -> list[float]:
    context = browser.new_context()
    page = context.new_page()
    time_to(page, f"{base}calculator/{ANSWERED}", "kg-first-estimate")
    for index in range(20):
        severity = ("mild", "moderate", "severe")[index % 3]
        page.check(f'input[name="severity"][value="{severity}"]')
        page.wait_for_function(
            "n => performance.getEntriesByName('kg-recompute').length >= n",
            arg=index + 1,
            timeout=10_000,
        )
    durations = page.evaluate(
        "() => performance.getEntriesByName('kg-recompute').map(e => e.duration)"
    )
    context.close()
    return [float(d) for d in durations]


def main_thread(browser: Browser, base: str) -> dict[str, float]:
    context = browser.new_context()
    context.add_init_script(WATCH_MAIN_THREAD)
    page = context.new_page()
    time_to(page, f"{base}calculator/{ANSWERED}", "kg-first-estimate")
    longest: dict[str, Any] = page.evaluate("() => window.__longest")
    context.close()
    return {"longtask": float(longest["longtask"]), "gap": float(longest["gap"])}


def run(site: Path) -> None:
    extra = {"/__bench/bare.html": BARE, "/__bench/bare-worker.html": BARE_WORKER}
    scripts = {"/__bench/bare-worker.js": BARE_WORKER_JS}
    # The bare pages load Pyodide's whole standard library, as loadPyodide() does by default.
    shutil.copy(runtime_folder(PROJECT) / FULL, site / RUNTIME.strip("/") / FULL)
    with serve(site, extra=extra, scripts=scripts, compress=True) as base:
        with chromium() as browser:
            ours = bytes_to(browser, f"{base}calculator/{ANSWERED}", "kg-first-estimate")
            bare = bytes_to(browser, f"{base}__bench/bare.html", "bare-ready")
        print(
            f"Bytes to the first estimate, cold: calculator {ours / 1e6:.2f} MB | bare loadPyodide "
            f"{bare / 1e6:.2f} MB (ratio {ours / bare:.2f}, goal <= 0.75)"
        )
        for profile, conditions in PROFILES.items():
            runs = RUNS if conditions is None else SLOW_RUNS
            with sync_playwright() as playwright:
                times = first_estimate(playwright, base, conditions, runs)
            medians = {key: statistics.median(values) for key, values in times.items()}
            goals = GOALS[profile]
            print(f"Time to first estimate from navigation, {profile} (median of {runs} runs, ms):")
            for cache in ("cold", "warm", "restart"):
                page = medians[f"calculator {cache}"]
                bare, worker = medians[f"bare page {cache}"], medians[f"bare worker {cache}"]
                goal = f", goal <= {goals[cache]}" if cache in goals else ""
                print(
                    f"  {cache}: calculator {page:5.0f} | bare loadPyodide page {bare:5.0f}"
                    f" (ratio {page / bare:.2f}{goal})"
                    f" | bare loadPyodide in a worker {worker:5.0f} (ratio {page / worker:.2f})"
                )
            print(
                f"  snapshot stored after {sum(times['snapshot stored']):.0f} of {runs} first visits;"
                f" {sum(times['warm from snapshot']):.0f} of {runs} second visits and"
                f" {sum(times['restart from snapshot']):.0f} of {runs} visits after a restart"
                f" started from it; the calculator gave up on {sum(times['dead end']):.0f} of {runs}"
                " first visits (goal 0)"
            )
        loads = (RUNS + SLOW_RUNS) * 3
        print(
            f"  requests for pyodide.asm.wasm: {base.hits[f'{RUNTIME}pyodide.asm.wasm']} over {loads * 3} page loads"
        )
        with chromium() as browser:
            durations = recompute(browser, base)
            longest = main_thread(browser, base)
        print(
            f"Recompute after an input change (20 changes, ms): median {statistics.median(durations):.1f}, "
            f"max {max(durations):.1f} (goal < 20)"
        )
        print(
            f"Longest main-thread task while Pyodide starts (ms): long tasks {longest['longtask']:.0f} "
            f"(0 = none over 50), largest timer gap {longest['gap']:.1f} (goal < 50)"
        )


if __name__ == "__main__":
    # Only this part of `make bench`: .venv/bin/python -m scripts.bench_calculator
    from scripts.bench import build

    with tempfile.TemporaryDirectory() as folder:
        built = Path(folder) / "site"
        build(built)
        run(built)
