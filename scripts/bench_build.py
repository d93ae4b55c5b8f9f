"""Build scaling (part of `make bench`): the guide with N synthetic exercises, built through the
hook, against plain MkDocs building the same pages already written as Markdown.

For each N it prints both build times, their ratio (goal <= 1.2), milliseconds per page and the
mean size of a page; then how the cost per page changes from N = 250 to 2000 (goal: within 1.3x).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kneeguide.settings import engine_config, read_settings

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10, 100, 250, 500, 1000, 2000)
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def synthetic_exercises(content: Path, count: int) -> None:
    template = yaml.safe_load(
        (ROOT / "content" / "exercises" / "clam-shell.yaml").read_text(encoding="utf-8")
    )
    for index in range(count):
        item = {
            **template,
            "slug": f"synthetic-{index:04d}",
            "name": f"Synthetic exercise {index}",
            "order": 100 + index,
            "progressions": [],
            "regressions": [],
        }
        (content / "exercises" / f"synthetic-{index:04d}.yaml").write_text(
            yaml.safe_dump(item), encoding="utf-8"
        )


def project(folder: Path, count: int) -> Path:
    """A copy of the project with ``count`` synthetic exercises in its content."""
    for name in ("mkdocs.yml", "published-urls.txt"):
        shutil.copy(ROOT / name, folder / name)
    for name in ("docs", "overrides", "content"):
        shutil.copytree(ROOT / name, folder / name)
    for name in ("kneeguide", "calculator", "node_modules"):
        (folder / name).symlink_to(ROOT / name)
    synthetic_exercises(folder / "content", count)
    return folder / "mkdocs.yml"


def plain_project(folder: Path, source: Path) -> Path:
    """The same pages, pre-rendered to Markdown, for a plain MkDocs build without the plugin."""
    docs = folder / "docs"
    shutil.copytree(source / "docs", docs)
    subprocess.run(
        [sys.executable, "-m", "kneeguide", "render", "--out", str(docs), str(source / "content")],
        check=True,
        capture_output=True,
    )
    config, settings = read_settings(source / "mkdocs.yml")
    plain = yaml.safe_dump(engine_config(config, settings), sort_keys=False)
    (folder / "mkdocs.yml").write_text(plain, encoding="utf-8")
    shutil.copytree(source / "overrides", folder / "overrides")
    return folder / "mkdocs.yml"


def timed_build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site)],
        check=True,
        env=ENV,
        capture_output=True,
    )
    return time.perf_counter() - start


def pages_in(site: Path) -> list[Path]:
    return [
        p
        for p in site.rglob("index.html")
        if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")[:600]
    ]


def run() -> None:
    print(
        f"{'N':>5} {'pages':>6} {'hook build s':>13} {'plain build s':>14} {'ratio':>6} {'ms/page':>8} {'mean page KB':>13}"
    )
    per_page: dict[int, float] = {}
    for count in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            base = Path(folder)
            (base / "guide").mkdir()
            (base / "plain").mkdir()
            config = project(base / "guide", count)
            plain = plain_project(base / "plain", base / "guide")
            timed_build(config, base / "warmup")  # first run fills the lock-file cache
            hook = min(timed_build(config, base / f"site-{i}") for i in range(2))
            bare = min(timed_build(plain, base / f"plain-site-{i}") for i in range(2))
            pages = pages_in(base / "site-0")
            size = sum(p.stat().st_size for p in pages) / len(pages) / 1024
            per_page[count] = hook / len(pages) * 1000
            print(
                f"{count:>5} {len(pages):>6} {hook:>13.2f} {bare:>14.2f} {hook / bare:>6.2f} "
                f"{per_page[count]:>8.1f} {size:>13.1f}"
            )
    print(
        f"cost per page, N=2000 against N=250: {per_page[2000] / per_page[250]:.2f}x (goal <= 1.3)"
    )


if __name__ == "__main__":
    run()
