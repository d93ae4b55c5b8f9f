"""`make figures`: build the site and photograph every exercise figure for review by eye.

Writes build/figures/<slug>-<width>-<scheme>.png (a phone 390 px and a desktop 1280 px wide,
light and dark), the index cards at both widths, and a contact sheet holding them all
(contact-sheet.html, and contact-sheet.png to open in any image viewer). build/ is not in git.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kneeguide.content.catalog import load_catalog  # noqa: E402
from tests.chromium import chromium  # noqa: E402
from tests.serve import serve  # noqa: E402

OUT = ROOT / "build" / "figures"
WIDTHS = {"phone": 390, "desktop": 1280}
SCHEMES = ("light", "dark")


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    site = OUT / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "-d", str(site)],
        cwd=ROOT,
        check=True,
    )
    slugs = [e.slug for e in load_catalog(ROOT / "content").exercises if e.figure]
    shots: list[tuple[str, str]] = []
    with serve(site) as url, chromium() as browser:
        for device, width in WIDTHS.items():
            for scheme in SCHEMES:
                context = browser.new_context(
                    viewport={"width": width, "height": 900}, color_scheme=scheme
                )
                page = context.new_page()
                for slug in slugs:
                    page.goto(f"{url}exercises/{slug}/")
                    name = f"{slug}-{device}-{scheme}.png"
                    page.locator(".kg-figure").screenshot(path=OUT / name)
                    shots.append((name, f"{slug}, {device}, {scheme}"))
                page.goto(f"{url}exercises/")
                name = f"index-{device}-{scheme}.png"
                page.locator(".grid.cards").first.screenshot(path=OUT / name)
                shots.append((name, f"exercises index, {device}, {scheme}"))
                context.close()
        sheet = OUT / "contact-sheet.html"
        sheet.write_text(contact_sheet(shots), encoding="utf-8")
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.goto(sheet.as_uri())
        page.screenshot(path=OUT / "contact-sheet.png", full_page=True)
    print(f"wrote {len(shots)} screenshots and {sheet.relative_to(ROOT)} (and .png)")


def contact_sheet(shots: list[tuple[str, str]]) -> str:
    cells = "".join(
        f'<figure><img src="{html.escape(name)}" alt=""><figcaption>{html.escape(label)}'
        "</figcaption></figure>"
        for name, label in shots
        if not name.startswith("index-")
    )
    return (
        "<!doctype html><meta charset=utf-8><title>Knee Guide figures</title>"
        "<style>body{font:13px sans-serif;margin:12px;display:grid;gap:10px;"
        "grid-template-columns:repeat(4,1fr)}figure{margin:0;border:1px solid #ccc;padding:4px}"
        "img{width:100%;height:160px;object-fit:contain;background:#888}</style>"
        f"{cells}"
    )


if __name__ == "__main__":
    main()
