"""Lighthouse scores (part of `make bench`) for an exercise page and the calculator, with
Debian's Chromium, on the built site served gzipped from 127.0.0.1 as a production host would.

Lighthouse comes from scripts/lighthouse/ (npm, pinned; `make bench` installs it).
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from tests.chromium import ARGS, CHROMIUM
from tests.serve import serve

LIGHTHOUSE = Path(__file__).resolve().parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"exercise": "exercises/clam-shell/", "calculator": "calculator/", "home": ""}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def audit(url: str) -> dict[str, object]:
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
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={flags}",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
            timeout=300,
        )
        return json.loads(report.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def run(site: Path) -> None:
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
