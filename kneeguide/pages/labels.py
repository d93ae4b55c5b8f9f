"""Reader-facing names of the content model's categories."""

from __future__ import annotations

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
