"""Browser libraries from pinned npm packages, served by the site itself (no CDN)."""

from __future__ import annotations

from pathlib import Path

from kneeguide.bundle.errors import BundleError

VENDOR = {"assets/vendor/qrcode.mjs": "qrcode-generator/dist/qrcode.mjs"}
"""Path in the site -> file under ``node_modules/``."""


def vendor_files(project: Path) -> dict[str, Path]:
    files = {path: project / "node_modules" / source for path, source in VENDOR.items()}
    missing = [str(source) for source in files.values() if not source.is_file()]
    if missing:
        raise BundleError(f"missing {', '.join(missing)}: run `npm ci` (or `make setup`)")
    return files
