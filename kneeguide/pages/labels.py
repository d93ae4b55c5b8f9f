"""Reader-facing names of the content model's categories."""

from __future__ import annotations

from kneeguide.content.models import EDITORIAL, EXPERIENCE

PURPOSES = {
    "strengthen": ("Strengthening", "Build strength in the thigh and the hips."),
    "stretch": ("Stretches", "Loosen tight muscles once you are warm, and again after running."),
    "release": (
        "Self-myofascial release",
        "Ease tight spots with a foam roller, massage gun or ball.",
    ),
}
CATEGORIES = {
    "load": "Take load off the knee",
    "exercise": "Treat the cause with exercise",
    "relief": "Relieve the symptoms",
    "clinician": "With a physiotherapist",
    "support": "Supports a clinician may suggest",
}
BASIS_LABELS = {
    EXPERIENCE: ("runners' experience", "bases"),
    EDITORIAL: ("editor's advice", "bases"),
}
"""How a claim resting on something other than a reference is marked on a page: its label and
the anchor on the about page that explains it."""
