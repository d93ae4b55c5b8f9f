"""Build scaling (part of `make bench`): the guide with N synthetic exercises (N = 0 is the real
content), built through the plugin, against plain MkDocs building the same pages already written
as Markdown.

For each N it prints, cold (the plugin's build caches empty) and warm (a one-line content edit,
then a rebuild), both build times (medians of ``repeats`` runs, the guide's and plain MkDocs'
taken in turn) and their ratio (goals: warm <= 1.2 at every N, cold <= 1.2
from N = 250), milliseconds per page and the mean size of a page; then how the cost per page
changes from N = 250 to 2000 (goal: flat or falling).
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kneeguide.bundle.inline import inline_scripts
from kneeguide.settings import engine_config, read_settings

ROOT = Path(__file__).resolve().parent.parent
SIZES = (0, 250, 500, 1000, 2000)
EDITED = "content/exercises/clam-shell.yaml"
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
    scripts = inline_scripts(source / "docs")
    plain = yaml.safe_dump(engine_config(config, settings, scripts), sort_keys=False)
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


def edit_one_line(folder: Path) -> None:
    """A one-line content edit: the clam shell's name."""
    file = folder / EDITED
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("name: Clam shell", "name: Clam shell exercise", 1), "utf-8")


def compile_guide() -> None:
    """Write the guide's bytecode, as an editor's first build would. Plain MkDocs imports its
    packages from the bytecode pip wrote; a shell with ``PYTHONDONTWRITEBYTECODE`` set (as on
    the project's CI machines) would otherwise compile the guide's 48 modules in every build,
    about 50 ms."""
    for package in ("kneeguide", "calculator"):
        compileall.compile_dir(ROOT / package, quiet=1)


def repeats(count: int) -> int:
    """How many times each build is timed at ``count`` exercises (the median is printed): a build
    of a few seconds moves by a tenth of its time with the machine's load, one of a minute by
    far less."""
    return 5 if count <= 250 else 3 if count <= 1000 else 1


def run(sizes: tuple[int, ...] = SIZES) -> None:
    compile_guide()
    print(
        f"{'N':>5} {'pages':>6} {'cold s':>7} {'plain s':>8} {'ratio':>6} "
        f"{'warm s':>7} {'plain s':>8} {'ratio':>6} {'ms/page':>8} {'mean page KB':>13} {'runs':>5}"
    )
    per_page: dict[int, float] = {}
    for count in sizes:
        with tempfile.TemporaryDirectory() as folder:
            base = Path(folder)
            (base / "guide").mkdir()
            config = project(base / "guide", count)
            (base / "plain").mkdir()
            plain = plain_project(base / "plain", base / "guide")
            runs = repeats(count)
            cold, cold_plain, warm, warm_plain = [], [], [], []
            for _ in range(runs):
                shutil.rmtree(base / "guide" / "build", ignore_errors=True)
                cold.append(timed_build(config, base / "site"))
                cold_plain.append(timed_build(plain, base / "plain-site"))
            for _ in range(runs):
                edit_one_line(base / "guide")
                shutil.rmtree(base / "plain")
                (base / "plain").mkdir()
                plain = plain_project(base / "plain", base / "guide")
                warm.append(timed_build(config, base / "site"))
                warm_plain.append(timed_build(plain, base / "plain-site"))
            pages = pages_in(base / "site")
            size = sum(p.stat().st_size for p in pages) / len(pages) / 1024
            c, cp, w, wp = (
                statistics.median(times) for times in (cold, cold_plain, warm, warm_plain)
            )
            per_page[count] = w / len(pages) * 1000
            print(
                f"{count:>5} {len(pages):>6} {c:>7.2f} {cp:>8.2f} {c / cp:>6.2f} "
                f"{w:>7.2f} {wp:>8.2f} {w / wp:>6.2f} {per_page[count]:>8.1f} {size:>13.1f} "
                f"{runs:>5}"
            )
    if 250 in per_page and 2000 in per_page:
        print(
            f"cost per page, N=2000 against N=250: {per_page[2000] / per_page[250]:.2f}x "
            "(goal <= 1.0)"
        )


if __name__ == "__main__":
    run(tuple(int(n) for n in sys.argv[1:]) or SIZES)
