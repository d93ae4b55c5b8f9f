"""`make stdlib`: record the standard-library files the calculator needs in Pyodide
(kneeguide/bundle/stdlib-files.txt), from which the build makes the trimmed python_stdlib zip.

Pyodide runs under Node exactly as the worker runs it (scripts/stdlib-used.mjs), on the answers
below: every option of every question, warning signs, retired questions and broken input.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculator import QUESTIONS, RED_FLAGS, TYPICAL  # noqa: E402
from kneeguide.bundle.pyodide import bundle, runtime_folder  # noqa: E402
from kneeguide.bundle.stdlib import KEEP_FILE  # noqa: E402


def inputs() -> list[Any]:
    """Answers that reach every path of the estimator and its input checks."""
    typical = TYPICAL.to_json()
    found: list[Any] = [typical, {}, [], "text", {**typical, "symptom_weeks": -1}]
    for question in QUESTIONS:
        for value, _ in question.options:
            found.append({**typical, question.field: value})
        found.append({k: v for k, v in typical.items() if k != question.field})
    for weeks in (0, 0.5, 8, 13, 17, 30, 200):
        for severity in ("mild", "moderate", "severe"):
            found.append({**typical, "symptom_weeks": weeks, "severity": severity})
    found += [{**typical, "red_flags": [code]} for code in RED_FLAGS]
    found += [{"red_flags": ["fever", "bogus"]}, {**typical, "high_bmi": True}]
    return found


def run(stdlib: Path | None = None) -> dict[str, Any]:
    """What Pyodide imported and answered, from the pinned or the given standard library."""
    with tempfile.TemporaryDirectory() as folder:
        files = bundle(ROOT, Path(folder))
        lock = next(p for k, p in files.items() if k.endswith("pyodide-lock.json"))
        wheel = next(p for k, p in files.items() if k.endswith(".whl"))
        answers = Path(folder) / "inputs.json"
        answers.write_text(json.dumps(inputs()), encoding="utf-8")
        command = ["node", str(ROOT / "scripts" / "stdlib-used.mjs"), str(runtime_folder(ROOT))]
        command += [str(lock), str(wheel), str(answers)]
        if stdlib is not None:
            command += ["--stdlib", str(stdlib)]
        done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    files = run()["files"]
    KEEP_FILE.write_text("\n".join(files) + "\n", encoding="utf-8")
    print(f"wrote {KEEP_FILE.relative_to(ROOT)}: {len(files)} files")


if __name__ == "__main__":
    main()
