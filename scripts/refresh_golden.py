"""Rewrite tests/golden/ from the fixed content tree and the current templates (`make golden`)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.golden_pages import ROOT, refresh

for path in refresh():
    print(f"wrote {path.relative_to(ROOT)}")
