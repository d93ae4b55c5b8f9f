"""One repetition of an exercise as a timeline of poses, for the moving figure.

The figure's ``repetition`` says which key frame the body moves to and for how long, and where it
holds still. Between key frames the joint angles are interpolated (eased in and out) and every
sampled pose is placed by the same kinematics and contact as the stills, so segment lengths, the
ground contact and the floor checks hold at every sample. Samples are close enough (no joint turns
more than ``ANGLE_STEP`` between two) that the straight-line blend a browser draws between them
stays within a percent of each segment's length. The timings are a drawing's, not a dose.
"""

from __future__ import annotations

import math
from dataclasses import fields, replace

from kneeguide.content.figure import CONTACTS, Figure, Frame
from kneeguide.content.read import Location

ANGLE_STEP = 15.0
"""The largest change of any joint angle between two samples, in degrees."""

Sample = tuple[float, Frame]
"""A moment of the repetition (seconds from its start) and the pose then."""


def between(a: Frame, b: Frame, t: float) -> Frame:
    """The frame a fraction ``t`` of the way from ``a`` to ``b``, angle by angle. On the way, the
    body rests on the looser of the two contacts (the one with fewer parts on the ground: one
    foot while the other lifts, the feet while the pelvis leaves a seat)."""
    values: dict[str, object] = {}
    for f in fields(Frame):
        start, end = getattr(a, f.name), getattr(b, f.name)
        if isinstance(start, tuple):
            values[f.name] = tuple(s + (e - s) * t for s, e in zip(start, end, strict=True))
        elif isinstance(start, float):
            values[f.name] = start + (end - start) * t
    if t <= 0 or t >= 1 or a.contact == b.contact:
        contact = a.contact if t < 0.5 else b.contact
    else:
        contact = min((a.contact, b.contact), key=lambda c: len(CONTACTS[c]))
    return replace(a, contact=contact, **values)  # type: ignore[arg-type]


def largest_turn(a: Frame, b: Frame) -> float:
    """The largest change of any one joint angle from ``a`` to ``b``, in degrees."""
    turns = [0.0]
    for f in fields(Frame):
        start, end = getattr(a, f.name), getattr(b, f.name)
        if isinstance(start, tuple):
            turns += [abs(e - s) for s, e in zip(start, end, strict=True)]
        elif isinstance(start, float):
            turns.append(abs(end - start))
    return max(turns)


def ease(u: float) -> float:
    """Slow at both ends of a movement, as a controlled exercise is done."""
    return (1 - math.cos(math.pi * u)) / 2


def _beats_sampled(figure: Figure) -> list[tuple[int, list[Sample]]]:
    """The samples each part of the repetition adds, with the part's index."""
    at, now = figure.frames[0], 0.0
    parts: list[tuple[int, list[Sample]]] = []
    for index, beat in enumerate(figure.beats()):
        if beat.move_to is None:
            now += beat.hold or 0.0
            parts.append((index, [(now, at)]))
            continue
        target = figure.frames[beat.move_to]
        steps = max(1, math.ceil(largest_turn(at, target) / ANGLE_STEP))
        seconds = beat.seconds or 0.0
        parts.append(
            (
                index,
                [
                    (now + seconds * k / steps, between(at, target, ease(k / steps)))
                    for k in range(1, steps + 1)
                ],
            )
        )
        now += seconds
        at = target
    return parts


def timeline(figure: Figure) -> list[Sample]:
    """Every sampled pose of one repetition, from the first key frame at time 0 back to it; a
    hold adds the same pose again at the hold's end."""
    return [(0.0, figure.frames[0])] + [s for _, part in _beats_sampled(figure) for s in part]


def motion_problems(figure: Figure) -> list[tuple[Location, str]]:
    """A pose between key frames through the floor, off its contact or into a prop: the first
    such problem of each movement, located at that part of the repetition."""
    problems: list[tuple[Location, str]] = []
    for index, part in _beats_sampled(figure):
        for _, frame in part:
            found = figure.floor_problems(frame)
            if found:
                where = ("repetition", index) if figure.repetition else ("frames",)
                problems.append((where, f"on the way there: {found[0][1]}"))
                break
    return problems


def moves_in_words(figure: Figure) -> str:
    """The repetition as the moving figure plays it, in words, without its timings."""
    last = len(figure.frames) - 1
    parts = []
    for beat in figure.beats():
        if beat.move_to is None:
            parts.append("holds still")
        elif beat.move_to == 0:
            parts.append("goes back to the start")
        elif beat.move_to == last:
            parts.append("moves to the end position")
        else:
            parts.append(f"moves to position {beat.move_to + 1}")
    return f"The moving drawing {', '.join(parts)}, and repeats."
