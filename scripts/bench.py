"""`make bench`: build the site, then print performance figures. Not a test: it prints figures,
each a ratio measured in the same run where there is something to compare with."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import bench_build, bench_calculator, bench_lighthouse, bench_pages  # noqa: E402


def build(site: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "-d", str(site)],
        cwd=ROOT,
        check=True,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build(site)
        bare = bench_pages.bare_material_site(Path(folder) / "bare")
        print("== Calculator (make bench) ==")
        bench_calculator.run(site)
        print("\n== Page weight, cold load in Chromium ==")
        bench_pages.run(site, bare)
        print("\n== Lighthouse ==")
        bench_lighthouse.run(site, bare)
    print("\n== Build scaling: N synthetic exercises ==")
    bench_build.run()


if __name__ == "__main__":
    main()
