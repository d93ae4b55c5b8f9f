"""Forward kinematics of a line-drawing body: joint angles in, 3D joint positions out.

Segment lengths are fractions of body height H from Winter's anthropometric table (Winter DA,
Biomechanics and Motor Control of Human Movement, 4th ed., Wiley 2009,
doi:10.1002/9780470549148, chapter 4), so every figure has the proportions of a real adult.
The body is solved in a room frame: ``x`` forward (the way a standing body faces), ``y`` up,
``z`` towards the camera of a side view. The floor is ``y = 0``;
``kneeguide.content.figure.place`` lowers the body onto it by its stated contact, so the
drawing and the floor checks share one geometry.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

Vec = tuple[float, float, float]
Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")

THIGH = 0.245
SHANK = 0.246
FOOT = 0.152
ANKLE_HEIGHT = 0.039
UPPER_ARM = 0.186
FOREARM = 0.146
HAND = 0.108
TRUNK = 0.288
"""Hip joint to shoulder joint: 0.530H to 0.818H in Winter's table."""
NECK = 0.052
"""Shoulder to chin: 0.818H to 0.870H."""
HEAD_RADIUS = 0.065
"""Half of chin to crown (0.870H to 1.000H)."""
HIP_HALF_WIDTH = 0.085
"""Half the distance between hip joint centres (hip width is 0.191H)."""
SHOULDER_HALF_WIDTH = 0.105
"""Half the distance between the shoulder joint centres (biacromial width 0.259H, less the
shoulder tips outside the joints)."""

LIMB_RADIUS = 0.027
TRUNK_RADIUS = 0.05
"""Half the drawn thickness of limbs and of the trunk's outline: the surfaces the floor checks
use. The trunk is drawn through both hips and both shoulders, so it is as wide as the body in a
front view and as deep as this in a side view."""

RADIUS: dict[str, float] = {
    "head": HEAD_RADIUS,
    **dict.fromkeys(("pelvis", "shoulders"), TRUNK_RADIUS),
    **{f"{s}-{joint}": TRUNK_RADIUS for s in ("left", "right") for joint in ("hip", "shoulder")},
}
"""Radius of a named point; limb points not listed have ``LIMB_RADIUS``."""


@dataclass(frozen=True)
class Angles:
    """One frame's joint angles in degrees, pairs given as (left, right).

    Signs follow the clinical convention: flexion, abduction, external rotation and
    dorsiflexion are positive. ``trunk`` is the trunk's lean from upright (forward positive, so
    lying on the back is -90 and face down is 90); ``lying_side`` rolls the body onto its right
    side, left side up.
    """

    trunk: float = 0.0
    trunk_side: float = 0.0
    head: float = 0.0
    hips: tuple[float, float] = (0.0, 0.0)
    hip_abduction: tuple[float, float] = (0.0, 0.0)
    hip_rotation: tuple[float, float] = (0.0, 0.0)
    knees: tuple[float, float] = (0.0, 0.0)
    ankles: tuple[float, float] = (0.0, 0.0)
    shoulders: tuple[float, float] = (0.0, 0.0)
    shoulder_abduction: tuple[float, float] = (0.0, 0.0)
    elbows: tuple[float, float] = (0.0, 0.0)
    lying_side: bool = False


def add(a: Vec, b: Vec, scale: float = 1.0) -> Vec:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale, a[2] + b[2] * scale)


def rotate(v: Vec, axis: Vec, degrees: float) -> Vec:
    """``v`` turned about the unit vector ``axis`` by the right-hand rule (Rodrigues)."""
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    kx, ky, kz = axis
    dot = kx * v[0] + ky * v[1] + kz * v[2]
    cross = (ky * v[2] - kz * v[1], kz * v[0] - kx * v[2], kx * v[1] - ky * v[0])
    return (
        v[0] * c + cross[0] * s + kx * dot * (1 - c),
        v[1] * c + cross[1] * s + ky * dot * (1 - c),
        v[2] * c + cross[2] * s + kz * dot * (1 - c),
    )


def distance(a: Vec, b: Vec) -> float:
    return math.dist(a, b)


def solve(angles: Angles) -> dict[str, Vec]:
    """Every named point of the body, with the pelvis at the origin.

    Names: ``pelvis``, ``shoulders`` (the point between them), ``neck``, ``head`` and, for each
    side, ``<side>-hip``, ``-thigh`` and ``-shank`` (their middles), ``-knee``, ``-ankle``,
    ``-heel``, ``-toe``, ``-shoulder``,
    ``-elbow``, ``-wrist`` and ``-hand``.
    """
    # Body axes: anterior, superior, left. Leaning forward turns superior towards anterior.
    forward, up, left = (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)
    a = rotate(forward, left, -angles.trunk)
    s = rotate(up, left, -angles.trunk)
    spine = rotate(s, a, angles.trunk_side)
    chest_left = rotate(left, a, angles.trunk_side)
    points: dict[str, Vec] = {"pelvis": (0.0, 0.0, 0.0)}
    points["shoulders"] = add(points["pelvis"], spine, TRUNK)
    gaze = rotate(spine, chest_left, -angles.head)
    points["neck"] = add(points["shoulders"], gaze, NECK)
    points["head"] = add(points["neck"], gaze, HEAD_RADIUS)
    down = (-s[0], -s[1], -s[2])
    for index, side in enumerate(SIDES):
        sign = 1.0 if side == "left" else -1.0
        hip = add(points["pelvis"], left, sign * HIP_HALF_WIDTH)
        flex, knee, ankle = angles.hips[index], angles.knees[index], angles.ankles[index]
        thigh = rotate(down, left, flex)
        shank = rotate(down, left, flex - knee)
        foot = rotate(a, left, flex - knee + ankle)
        shank = rotate(shank, thigh, sign * angles.hip_rotation[index])
        foot = rotate(foot, thigh, sign * angles.hip_rotation[index])
        thigh, shank, foot = (
            rotate(v, a, -sign * angles.hip_abduction[index]) for v in (thigh, shank, foot)
        )
        knee_at = add(hip, thigh, THIGH)
        ankle_at = add(knee_at, shank, SHANK)
        heel = add(add(ankle_at, shank, ANKLE_HEIGHT * 0.7), foot, -0.03)
        points[f"{side}-hip"] = hip
        points[f"{side}-thigh"] = add(hip, thigh, THIGH / 2)
        points[f"{side}-shank"] = add(knee_at, shank, SHANK / 2)
        points[f"{side}-knee"] = knee_at
        points[f"{side}-ankle"] = ankle_at
        points[f"{side}-heel"] = heel
        points[f"{side}-toe"] = add(heel, foot, FOOT - 0.01)
        shoulder = add(points["shoulders"], chest_left, sign * SHOULDER_HALF_WIDTH)
        hang = (-spine[0], -spine[1], -spine[2])
        upper = rotate(hang, chest_left, angles.shoulders[index])
        lower = rotate(hang, chest_left, angles.shoulders[index] + angles.elbows[index])
        upper, lower = (
            rotate(v, a, -sign * angles.shoulder_abduction[index]) for v in (upper, lower)
        )
        elbow = add(shoulder, upper, UPPER_ARM)
        wrist = add(elbow, lower, FOREARM)
        points[f"{side}-shoulder"] = shoulder
        points[f"{side}-elbow"] = elbow
        points[f"{side}-wrist"] = wrist
        points[f"{side}-hand"] = add(wrist, lower, HAND * 0.55)
    if angles.lying_side:
        points = {name: rotate(p, forward, -90.0) for name, p in points.items()}
    return points


def radius(name: str) -> float:
    return RADIUS.get(name, LIMB_RADIUS)


def lowest(points: Mapping[str, Vec], names: Iterable[str]) -> tuple[str, float]:
    """The named point whose surface is lowest, and the height of that surface."""
    return min(((n, points[n][1] - radius(n)) for n in names), key=lambda item: item[1])


def lift(points: Mapping[str, Vec], height: float) -> dict[str, Vec]:
    """All points raised by ``height``."""
    return {name: (p[0], p[1] + height, p[2]) for name, p in points.items()}


SEGMENTS: tuple[tuple[str, str], ...] = (
    ("pelvis", "shoulders"),
    ("shoulders", "neck"),
    *((f"{s}-hip", f"{s}-knee") for s in SIDES),
    *((f"{s}-knee", f"{s}-ankle") for s in SIDES),
    *((f"{s}-shoulder", f"{s}-elbow") for s in SIDES),
    *((f"{s}-elbow", f"{s}-wrist") for s in SIDES),
)
"""The rigid segments whose lengths no pose may change."""
