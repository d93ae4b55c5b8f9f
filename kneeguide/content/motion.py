"""One repetition of an exercise as a timeline of poses, for the moving figure.

The figure's ``repetition`` says which key frame the body moves to and for how long, and where it
holds still. Between key frames the joint angles are interpolated in equal steps, timed to start
and end slowly, and every sampled pose is placed by the same kinematics and contact as the stills,
so segment lengths, the ground contact and the floor checks hold at every sample. Samples are close enough that the
straight-line blend a browser draws between two stays within ``BLEND_ERROR`` of each segment's
length. The timings are a drawing's, not a dose.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import fields, replace

from kneeguide.content.figure import CONTACTS, Figure, Frame
from kneeguide.content.kinematics import SEGMENTS, Vec
from kneeguide.content.read import Location

ANGLE_STEP = 15.0
"""The largest change of any joint angle between two samples, in degrees."""

BLEND_ERROR = 0.01
"""How much shorter than itself a segment may look between two samples."""

MOST_STEPS = 64
"""The most samples one movement is given."""

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


def eased_time(share: float) -> float:
    """When, as a share of a movement's time, the body has covered ``share`` of its angles:
    slow at both ends, as a controlled exercise is done (the inverse of a cosine ease)."""
    return math.acos(1 - 2 * share) / math.pi


def _blend_error(a: dict[str, Vec], b: dict[str, Vec]) -> float:
    """How much shorter than itself a segment is drawn halfway through a straight-line blend of
    two placed poses, at worst, as a fraction of its length."""
    worst = 0.0
    for p, q in SEGMENTS:
        mid_p = [(x + y) / 2 for x, y in zip(a[p], b[p], strict=True)]
        mid_q = [(x + y) / 2 for x, y in zip(a[q], b[q], strict=True)]
        length = math.dist(a[p], a[q])
        worst = max(worst, 1 - math.dist(mid_p, mid_q) / length)
    return worst


def _steps(figure: Figure, a: Frame, b: Frame) -> int:
    """How many samples a movement from ``a`` to ``b`` needs: no joint turns more than
    ``ANGLE_STEP`` between two, and no segment (turned by every joint above it) is drawn more
    than ``BLEND_ERROR`` short between them."""
    steps = max(1, math.ceil(largest_turn(a, b) / ANGLE_STEP))
    while steps < MOST_STEPS:
        placed = [figure.place(between(a, b, k / steps)) for k in range(steps + 1)]
        if all(_blend_error(p, q) <= BLEND_ERROR for p, q in itertools.pairwise(placed)):
            break
        steps += 1
    return steps


@functools.lru_cache(maxsize=1024)
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
        steps = _steps(figure, at, target)
        seconds = beat.seconds or 0.0
        parts.append(
            (
                index,
                [
                    (now + seconds * eased_time(k / steps), between(at, target, k / steps))
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
    beats = figure.beats()
    for index, part in _beats_sampled(figure):
        for _, frame in part:
            found = figure.floor_problems(frame)
            if found:
                where = ("repetition", index) if figure.repetition else ("frames",)
                message = (
                    f"on the way to frame {beats[index].move_to}: {found[0][1]};"
                    " add a frame halfway that keeps the contact"
                )
                if (where, message) not in problems:
                    problems.append((where, message))
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
