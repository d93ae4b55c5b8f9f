"""`make figures`: build the site and photograph every exercise figure for review by eye.

For a phone (390 px) and a desktop (1280 px) wide, light and dark, writes into build/figures/:
<slug>-<width>-<scheme>-keys.png (the key poses, as readers who prefer reduced motion and print
see them), <slug>-<width>-<scheme>-moving.png (a strip of the moving figure at FRAMES moments of
one repetition, stopped there), the index cards, and a contact sheet holding them all
(contact-sheet.html, and contact-sheet.png to open in any image viewer). build/ is not in git.
"""

from __future__ import annotations

import html
import io
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kneeguide.content.catalog import load_catalog  # noqa: E402
from tests.chromium import chromium  # noqa: E402
from tests.serve import serve  # noqa: E402

OUT = ROOT / "build" / "figures"
WIDTHS = {"phone": 390, "desktop": 1280}
SCHEMES = ("light", "dark")
FRAMES = 6
"""Moments of one repetition in each strip of the moving figure, evenly spaced."""


def strip(page: Page, path: Path) -> None:
    """The moving figure stopped at FRAMES moments of its repetition, side by side."""
    svg = page.locator("svg.kg-motion__moving")
    duration = float(
        page.eval_on_selector(
            "svg.kg-motion__moving",
            "svg => { svg.pauseAnimations(); const a = svg.querySelector('animate');"
            " return a ? parseFloat(a.getAttribute('dur')) : 0 }",
        )
    )
    shots = []
    for index in range(FRAMES):
        page.eval_on_selector(
            "svg.kg-motion__moving", f"svg => svg.setCurrentTime({duration * index / FRAMES})"
        )
        shots.append(Image.open(io.BytesIO(svg.screenshot())))
    width = sum(shot.width for shot in shots)
    whole = Image.new("RGB", (width, max(shot.height for shot in shots)), "white")
    left = 0
    for shot in shots:
        whole.paste(shot, (left, 0))
        left += shot.width
    whole.save(path)


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
                still = browser.new_context(
                    viewport={"width": width, "height": 900},
                    color_scheme=scheme,
                    reduced_motion="reduce",
                )
                moving = browser.new_context(
                    viewport={"width": width, "height": 900}, color_scheme=scheme
                )
                keys_page, moving_page = still.new_page(), moving.new_page()
                for slug in slugs:
                    keys_page.goto(f"{url}exercises/{slug}/")
                    name = f"{slug}-{device}-{scheme}-keys.png"
                    keys_page.locator(".kg-motion__keys").screenshot(path=OUT / name)
                    shots.append((name, f"{slug}, key poses, {device}, {scheme}"))
                    moving_page.goto(f"{url}exercises/{slug}/")
                    name = f"{slug}-{device}-{scheme}-moving.png"
                    strip(moving_page, OUT / name)
                    shots.append((name, f"{slug}, moving, {device}, {scheme}"))
                keys_page.goto(f"{url}exercises/")
                name = f"index-{device}-{scheme}.png"
                keys_page.locator(".grid.cards").first.screenshot(path=OUT / name)
                shots.append((name, f"exercises index, {device}, {scheme}"))
                still.close()
                moving.close()
        sheet = OUT / "contact-sheet.html"
        sheet.write_text(contact_sheet(shots), encoding="utf-8")
        page = browser.new_page(viewport={"width": 1600, "height": 900})
        page.goto(sheet.as_uri())
        page.screenshot(path=OUT / "contact-sheet.png", full_page=True)
    print(f"wrote {len(shots)} screenshots and {sheet.relative_to(ROOT)} (and .png)")


def contact_sheet(shots: list[tuple[str, str]]) -> str:
    """Every exercise in one row of the desktop shots: key poses and moving strip, light and
    dark (the phone shots are beside them in build/figures/)."""
    cells = "".join(
        f'<figure><img src="{html.escape(name)}" alt=""><figcaption>{html.escape(label)}'
        "</figcaption></figure>"
        for name, label in shots
        if not name.startswith("index-") and "-desktop-" in name
    )
    return (
        "<!doctype html><meta charset=utf-8><title>Knee Guide figures</title>"
        "<style>body{font:13px sans-serif;margin:12px;display:grid;gap:10px;"
        "grid-template-columns:1fr 2fr 1fr 2fr}figure{margin:0;border:1px solid #ccc;padding:4px}"
        "img{width:100%;height:140px;object-fit:contain;background:#888}</style>"
        f"{cells}"
    )


if __name__ == "__main__":
    main()
