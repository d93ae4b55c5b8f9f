"""The phased way back to running, with the guide's exercises for each phase."""

from __future__ import annotations

from dataclasses import dataclass

from calculator.inputs import Inputs

SHARE = {"calm": 0.25, "strengthen": 0.35, "return": 0.40}
"""How the likely recovery time divides between the phases."""

STRETCHES = ("quad-stretch", "calf-stretch", "hamstring-stretch", "it-band-stretch")
RELEASE = ("foam-roller-release", "massage-gun-release", "lacrosse-ball-release")
HIP_STRENGTH = ("clam-shell", "side-lying-leg-raise", "banded-glute-bridge", "donkey-kick")


@dataclass(frozen=True)
class Phase:
    phase: str
    name: str
    weeks: float
    what: tuple[str, ...]
    exercises: tuple[str, ...]
    move_on_when: str


def _load_advice(inputs: Inputs) -> str:
    if inputs.severity == "severe":
        return (
            "Stop running for a few weeks; keep fit with cycling, swimming or deep-water running."
        )
    return (
        "Run less, and only as far as stays pain-free, on soft ground such as grass or trails; "
        "replace the rest with cycling, swimming or deep-water running."
    )


def phases(inputs: Inputs, likely_weeks: float) -> tuple[Phase, ...]:
    """Three phases whose lengths add up to the likely estimate."""
    tight = inputs.cause == "tightness"
    calm_extra = STRETCHES + RELEASE[:1] if tight else ()
    return (
        Phase(
            phase="calm",
            name="Calm the knee",
            weeks=likely_weeks * SHARE["calm"],
            what=(
                _load_advice(inputs),
                "Use rest, ice, compression and elevation (RICE) for flare-ups.",
                "Start gentle thigh exercises that do not hurt.",
            ),
            exercises=("quad-set", "straight-leg-raise", *calm_extra),
            move_on_when=(
                "Stairs, squatting and sitting no longer bring the pain on, and the knee does not "
                "ache the next morning."
            ),
        ),
        Phase(
            phase="strengthen",
            name="Rebuild strength",
            weeks=likely_weeks * SHARE["strengthen"],
            what=(
                "Strengthen the hips and thigh to treat the cause, progressing as each exercise "
                "becomes easy.",
                "Keep up cross-training for fitness.",
                *(
                    ("Stretch and release tight muscles after warming up and after sessions.",)
                    if tight
                    else ()
                ),
            ),
            exercises=(
                *HIP_STRENGTH,
                "single-leg-mini-squat",
                *(STRETCHES + RELEASE if tight else ()),
            ),
            move_on_when=(
                "Single-leg mini squats and brisk walking are pain-free, during and the day after."
            ),
        ),
        Phase(
            phase="return",
            name="Return to running gradually",
            weeks=likely_weeks * SHARE["return"],
            what=(
                "Start with short, easy runs on soft ground, with rest days or cross-training between them.",
                "Add distance gradually, only while runs stay pain-free during and the next day.",
                "Keep the strength work and stretching in your routine.",
            ),
            exercises=("single-leg-mini-squat", "banded-glute-bridge", *STRETCHES),
            move_on_when=(
                "You are back to your usual training with no pain during runs or the day after."
            ),
        ),
    )
