"""The phased way back to running, with the guide's exercises for each phase.

Phase lengths are whole days and add up exactly to the likely recovery time.
"""

from __future__ import annotations

from dataclasses import dataclass

from calculator.inputs import Inputs

SHARE = {"calm": 0.25, "strengthen": 0.35}
"""The share of the likely time given to the first two phases; the return phase takes the rest."""

STRETCHES = ("quad-stretch", "calf-stretch", "hamstring-stretch", "it-band-stretch")
RELEASE = ("foam-roller-release",)
HIP_STRENGTH = ("clam-shell", "side-lying-leg-raise", "banded-glute-bridge")


@dataclass(frozen=True)
class Phase:
    phase: str
    name: str
    days: int
    what: tuple[str, ...]
    exercises: tuple[str, ...]
    move_on_when: str


def split_days(total: int) -> tuple[int, int, int]:
    """Calm, strengthen and return days, in whole days, adding up to ``total``."""
    calm = max(1, round(total * SHARE["calm"]))
    strengthen = max(1, round(total * SHARE["strengthen"]))
    return calm, strengthen, total - calm - strengthen


def _load_advice(inputs: Inputs) -> str:
    if inputs.severity == "severe":
        return "Stop running for now. Keep fit with cycling or swimming if they do not hurt."
    return (
        "Run less, and only as far as the pain stays within the guide's pain rule. "
        "Swap the rest for cycling or swimming."
    )


def phases(inputs: Inputs, likely_days: int) -> tuple[Phase, ...]:
    """Three phases whose lengths add up to ``likely_days``."""
    calm, strengthen, back = split_days(likely_days)
    tight = inputs.cause == "tightness"
    return (
        Phase(
            phase="calm",
            name="Calm the knee",
            days=calm,
            what=(
                _load_advice(inputs),
                "Start easy thigh and hip exercises.",
            ),
            exercises=(
                "quad-set",
                "straight-leg-raise",
                "clam-shell",
                *(STRETCHES if tight else ()),
            ),
            move_on_when="Stairs and sitting no longer bring the pain on, and the knee does not "
            "ache the next morning.",
        ),
        Phase(
            phase="strengthen",
            name="Build strength",
            days=strengthen,
            what=(
                "Do the hip and thigh exercises most days. Move up a level when one feels easy.",
                "Keep fit with cycling or swimming.",
            ),
            exercises=(
                *HIP_STRENGTH,
                "single-leg-mini-squat",
                *(STRETCHES + RELEASE if tight else ()),
            ),
            move_on_when="A single-leg mini squat and a brisk 30-minute walk stay within the "
            "pain rule, during and the next morning.",
        ),
        Phase(
            phase="return",
            name="Return to running",
            days=back,
            what=(
                "Follow the walk-run plan. Move up a stage only while the pain rule holds.",
                "Keep doing the strength exercises twice a week or more.",
            ),
            exercises=("step-down", "single-leg-bridge", "single-leg-mini-squat"),
            move_on_when="You are back to your usual running and the pain rule holds.",
        ),
    )
