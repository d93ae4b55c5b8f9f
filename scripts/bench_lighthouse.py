"""Lighthouse scores (part of `make bench`) for an exercise page and the calculator, with
Debian's Chromium, on the built site served gzipped from 127.0.0.1 as a production host would;
then the home page and an exercise page against the same pages built by bare Material, in the
same run, each the median of three runs taken in turn (with the load average, as the machine
may be shared); and the main thread's blocking over the whole load in real Chromium, against the
same bare pages.

Lighthouse's total blocking time counts only the long tasks after the first paint, in its
simulation. The guide's pages and bare Material's run the same Material bundle at start-up; a
page that paints earlier than the bare one has more of that same work counted (measured on the
exercise page: 75-101 ms against 11-20 ms in one run, 49 against 38 in another). The whole-load
figure counts every task, whenever the page paints.

Lighthouse comes from scripts/lighthouse/ (npm, pinned; `make bench` installs it).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser

from scripts.bench_pages import bare_material_site
from tests.chromium import ARGS, CHROMIUM, chromium
from tests.serve import serve

LIGHTHOUSE = Path(__file__).resolve().parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"exercise": "exercises/clam-shell/", "calculator": "calculator/", "home": ""}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPARED = {"home": "", "exercise": "exercises/clam-shell/"}
RUNS = 3
WHOLE_LOAD_RUNS = 9
CPU_SLOWDOWN = 4
"""As Lighthouse's mobile setting slows the CPU."""
TBT_MARGIN_MS = 50
"""Goals against bare Material: performance at least its score, total blocking time at most its
own plus this."""


def audit(url: str, categories: tuple[str, ...] = CATEGORIES) -> dict[str, object]:
    """One Lighthouse run; run again once when Lighthouse asks for it (on a busy machine its
    trace sometimes misses the navigation: NO_NAVSTART)."""
    try:
        return audit_once(url, categories)
    except subprocess.CalledProcessError:
        return audit_once(url, categories)


def audit_once(url: str, categories: tuple[str, ...]) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        flags = " ".join(f"'{arg}'" if " " in arg else arg for arg in ARGS)
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(categories)}",
                f"--chrome-flags={flags}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            timeout=300,
        )
        return json.loads(report.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def figures(report: dict[str, Any]) -> dict[str, float]:
    """What one run measured: performance score, total blocking time, LCP, bytes, requests."""
    audits = report["audits"]
    return {
        "performance": report["categories"]["performance"]["score"] * 100,
        "TBT ms": audits["total-blocking-time"]["numericValue"],
        "LCP ms": audits["largest-contentful-paint"]["numericValue"],
        "KB": audits["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(audits["network-requests"]["details"]["items"]),
    }


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {name: statistics.median(run[name] for run in runs) for name in runs[0]}


def shown(found: dict[str, float]) -> str:
    return " ".join(f"{name} {value:.0f}" for name, value in found.items())


def compare(site: Path, bare: Path) -> None:
    """The home page and an exercise page against bare Material's, medians of ``RUNS``."""
    print(f"against bare Material, medians of {RUNS} (load average {os.getloadavg()[0]:.2f})")
    with serve(site, compress=True) as ours, serve(bare, compress=True) as plain:
        for name, path in COMPARED.items():
            guide: list[dict[str, float]] = []
            reference: list[dict[str, float]] = []
            for _ in range(RUNS):
                guide.append(figures(audit(ours + path, ("performance",))))
                reference.append(figures(audit(plain + path, ("performance",))))
            mine, theirs = medians(guide), medians(reference)
            met = (
                mine["performance"] >= theirs["performance"]
                and mine["TBT ms"] <= theirs["TBT ms"] + TBT_MARGIN_MS
            )
            print(f"{name:<11} guide: {shown(mine)}")
            print(f"{'':<11} bare:  {shown(theirs)}")
            print(
                f"{'':<11} goal (performance >= bare, TBT <= bare + {TBT_MARGIN_MS} ms): "
                f"{'met' if met else 'NOT MET'} (load average {os.getloadavg()[0]:.2f})"
            )


def whole_load(browser: Browser, url: str) -> tuple[float, float]:
    """Blocking time (each main-thread task's part over 50 ms, summed) and all main-thread task
    time, from navigation until the network is idle, at ``CPU_SLOWDOWN``, in milliseconds."""
    context = browser.new_context(viewport={"width": 412, "height": 823})
    try:
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        browser.start_tracing(
            page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"]
        )
        page.goto(url, wait_until="networkidle")
        events = json.loads(browser.stop_tracing())["traceEvents"]
    finally:
        context.close()
    threads = {
        (e["pid"], e["tid"]) for e in events if e.get("args", {}).get("name") == "CrRendererMain"
    }
    tasks: dict[tuple[int, int], list[float]] = {thread: [] for thread in threads}
    for event in events:
        thread = (event.get("pid"), event.get("tid"))
        if event.get("name") == "RunTask" and event.get("ph") == "X" and thread in tasks:
            tasks[thread].append(event["dur"] / 1000)
    busiest = max(tasks.values(), key=sum)
    return sum(max(0.0, task - 50) for task in busiest), sum(busiest)


def compare_whole_load(site: Path, bare: Path) -> None:
    """The main thread over a whole load of each compared page, the guide's and bare Material's
    taken in turn, medians of ``WHOLE_LOAD_RUNS``."""
    print(
        f"whole load in Chromium at {CPU_SLOWDOWN}x CPU, medians of {WHOLE_LOAD_RUNS} "
        f"(load average {os.getloadavg()[0]:.2f})"
    )
    with (
        serve(site, compress=True) as ours,
        serve(bare, compress=True) as plain,
        chromium() as browser,
    ):
        for name, path in COMPARED.items():
            runs = [
                (whole_load(browser, ours + path), whole_load(browser, plain + path))
                for _ in range(WHOLE_LOAD_RUNS)
            ]
            guide, reference = [run[0] for run in runs], [run[1] for run in runs]
            mine = [statistics.median(run[i] for run in guide) for i in (0, 1)]
            theirs = [statistics.median(run[i] for run in reference) for i in (0, 1)]
            met = mine[0] <= theirs[0] + TBT_MARGIN_MS
            print(
                f"{name:<11} blocking {mine[0]:.0f} ms, main thread {mine[1]:.0f} ms; "
                f"bare {theirs[0]:.0f} ms, {theirs[1]:.0f} ms; goal (blocking <= bare + "
                f"{TBT_MARGIN_MS} ms): {'met' if met else 'NOT MET'}"
            )


def run(site: Path, bare: Path | None = None) -> None:
    """Every category on three pages; then :func:`compare` with ``bare`` (Material's own build
    of the same pages, made here when not given)."""
    print(
        f"{'page':<11} "
        + " ".join(f"{c:>15}" for c in CATEGORIES)
        + "   (goal: 100; calculator performance >= 90)"
    )
    with serve(site, compress=True) as base:
        for name, path in PAGES.items():
            result = audit(base + path)
            categories = result["categories"]  # type: ignore[index]
            scores = [round(categories[c]["score"] * 100) for c in CATEGORIES]
            print(f"{name:<11} " + " ".join(f"{s:>15}" for s in scores))
            for category in CATEGORIES:
                for ref in categories[category]["auditRefs"]:
                    found = result["audits"][ref["id"]]  # type: ignore[index]
                    if (
                        ref.get("weight", 0) > 0
                        and found.get("score") is not None
                        and found["score"] < 1
                    ):
                        print(
                            f"{'':<11}   {category}: {ref['id']} {found['score']} {found.get('displayValue', '')}"
                        )
    with tempfile.TemporaryDirectory() as folder:
        reference = bare if bare is not None else bare_material_site(Path(folder))
        compare(site, reference)
        compare_whole_load(site, reference)
