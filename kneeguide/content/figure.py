"""An exercise's illustration as data: key frames of joint angles, the ground contact and props.

Editors describe the start and end positions; the generator draws them (``kneeguide.pages.
figures``). Because the figure is data, the same checks as every other field apply: a joint
bent past what a human joint can do, a body through the floor or floating above it, or a prop
the exercise does not list in its equipment is a content error with file, line and field.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Literal

from kneeguide.content.kinematics import SIDES, Angles, Vec, lift, lowest, radius, solve
from kneeguide.content.read import Location

View = Literal["side", "front", "above"]
Contact = Literal[
    "lying-back",
    "lying-side",
    "lying-front",
    "sitting",
    "seated",
    "kneeling",
    "hands-and-knees",
    "standing-both",
    "standing-one",
    "hopping",
]
PropKind = Literal[
    "mat", "band", "foam-roller", "ball", "wall", "step", "chair", "massage-gun", "towel"
]

CONTACTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "lying-back": (("shoulders",),),
    "lying-side": (("right-hip", "right-shoulder"),),
    "lying-front": (("shoulders", "left-elbow", "right-elbow"),),
    "sitting": (("pelvis",),),
    "seated": (("pelvis",), ("left-heel", "left-toe"), ("right-heel", "right-toe")),
    "kneeling": (("left-knee", "right-knee"),),
    "hands-and-knees": (("left-knee", "right-knee"), ("left-hand", "right-hand")),
    "standing-both": (("left-heel", "left-toe"), ("right-heel", "right-toe")),
    "standing-one": (("left-heel", "left-toe", "right-heel", "right-toe"),),
    "hopping": (("left-heel", "left-toe", "right-heel", "right-toe"),),
}
"""Each contact as groups of body points: every group must have a point on the floor (or, for a
contact in ``AIRBORNE``, that high above it)."""

AIRBORNE: dict[str, float] = {"hopping": 0.05}
"""Contacts in the air, and how high the lowest of their points is above the floor, as a
fraction of body height (a small hop, about 8 cm)."""

CONTACT_WORDS: dict[str, str] = {
    "lying-back": "lying on your back",
    "lying-side": "lying on your side",
    "lying-front": "lying face down",
    "sitting": "sitting on the floor",
    "seated": "sitting on a chair",
    "kneeling": "kneeling",
    "hands-and-knees": "on your hands and knees",
    "standing-both": "standing",
    "standing-one": "standing on one leg",
    "hopping": "in the air, hopping",
}

SUPPORT_HEIGHT: dict[str, float] = {
    "foam-roller": 0.088,
    "ball": 0.038,
    "towel": 0.035,
    "step": 0.06,
    "chair": 0.25,
}
"""Props that carry the body, and their height as a fraction of body height (a 15 cm roller,
a lacrosse ball, a small rolled towel, a 10 cm step, a 42 cm chair seat)."""

SEATS = frozenset({"chair"})
"""Props the body sits on and stands up from: a seat carries its point only in the frames whose
contact rests on that point (``seated`` on the pelvis); in the other frames the point must be
clear of it, not sink into it."""

SEATED_ON = "chair"
"""The prop a ``seated`` frame's pelvis must rest on."""

EQUIPMENT_WORDS: dict[str, str] = {
    "mat": r"\bmat\b",
    "band": r"\bband\b",
    "foam-roller": r"foam roller",
    "ball": r"\bball\b",
    "wall": r"\bwall\b",
    "step": r"\b(step|bench)\b",
    "chair": r"\bchair\b",
    "massage-gun": r"massage gun",
    "towel": r"\btowel\b",
}
"""How an exercise's ``equipment`` must name each prop for the figure to show it."""

RANGES: dict[str, tuple[float, float, str]] = {
    "trunk": (-135, 135, "lean from upright"),
    "trunk_side": (-40, 40, "trunk side bend"),
    "head": (-60, 70, "neck bend"),
    "hips": (-30, 130, "hip bend"),
    "hip_abduction": (-35, 50, "hip opening sideways"),
    "hip_rotation": (-45, 50, "hip turn"),
    "knees": (-5, 150, "knee bend"),
    "ankles": (-50, 25, "ankle bend"),
    "shoulders": (-60, 180, "shoulder raise forwards"),
    "shoulder_abduction": (-30, 180, "shoulder raise sideways"),
    "elbows": (0, 150, "elbow bend"),
}
"""What a healthy adult joint can do, in degrees (normal ranges of motion, rounded outwards)."""

TOLERANCE = 0.02
"""How far a surface may miss the floor or a prop, as a fraction of body height (3-4 cm)."""

POINTS = frozenset(solve(Angles()))


TREATED: dict[str, tuple[str, str]] = {
    f"{side}-{limb}": (f"{side}-{top}", f"{side}-{bottom}")
    for side in SIDES
    for limb, top, bottom in (("thigh", "hip", "knee"), ("shank", "knee", "ankle"))
}
"""The limbs a massage gun can treat (its ``at``), each with the joints at its ends."""


def centimetres(fraction: float) -> int:
    """A distance in body heights, in centimetres for a 170 cm adult: how editors think."""
    return round(abs(fraction) * 170)


def words(name: str) -> str:
    return name.replace("-", " ")


@dataclass(frozen=True)
class Prop:
    """Equipment in the picture; ``at`` names the body point it carries or touches (for a
    massage gun, the limb it treats: the nearer hand holds it)."""

    kind: PropKind
    at: str | None = None

    def check(self) -> list[tuple[Location, str]]:
        if self.at is not None and self.at not in POINTS:
            close = difflib.get_close_matches(self.at, POINTS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            return [(("at",), f'"{self.at}" is not a body point{hint}')]
        if self.at is None and self.kind != "mat":
            return [(("at",), f"say which body point the {words(self.kind)} is at")]
        if self.kind == "massage-gun" and self.at is not None and self.at not in TREATED:
            return [(("at",), f"a massage gun treats a thigh or a shank: use {', '.join(TREATED)}")]
        return []


@dataclass(frozen=True)
class Frame:
    """One key position: the contact with the ground and the joint angles (pairs are left,
    right). Omitted angles are 0, the upright anatomical position."""

    contact: Contact
    trunk: float = 0.0
    trunk_side: float = 0.0
    head: float = 0.0
    hips: tuple[float, ...] = (0.0, 0.0)
    hip_abduction: tuple[float, ...] = (0.0, 0.0)
    hip_rotation: tuple[float, ...] = (0.0, 0.0)
    knees: tuple[float, ...] = (0.0, 0.0)
    ankles: tuple[float, ...] = (0.0, 0.0)
    shoulders: tuple[float, ...] = (0.0, 0.0)
    shoulder_abduction: tuple[float, ...] = (0.0, 0.0)
    elbows: tuple[float, ...] = (0.0, 0.0)

    def check(self) -> list[tuple[Location, str]]:
        problems: list[tuple[Location, str]] = []
        for name, (low, high, what) in RANGES.items():
            value = getattr(self, name)
            if isinstance(value, tuple):
                if len(value) != 2:
                    problems.append(((name,), "give two angles: [left, right]"))
                    continue
                where: list[tuple[Location, float]] = [((name, i), v) for i, v in enumerate(value)]
            else:
                where = [((name,), value)]
            for location, angle in where:
                if not low <= angle <= high:
                    problems.append(
                        (
                            location,
                            f"{angle:g} degrees is beyond a human {what} ({low:g} to {high:g})",
                        )
                    )
        return problems

    def angles(self) -> Angles:
        """The joint angles for the kinematics (call only on a frame that passed ``check``)."""
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "contact"}
        return Angles(**values, lying_side=self.contact == "lying-side")


def place(frame: Frame, raised: Mapping[str, float] | None = None) -> dict[str, Vec]:
    """The frame's body lowered onto the floor by the lowest point of its stated contact; a
    point in ``raised`` (carried by a prop of that height) stands on the prop instead."""
    points = solve(frame.angles())
    lift_of = raised or {}
    names = [name for group in CONTACTS[frame.contact] for name in group]
    surface = min(points[n][1] - radius(n) - lift_of.get(n, 0.0) for n in names)
    return lift(points, AIRBORNE.get(frame.contact, 0.0) - surface)


LONGEST_BEAT = 30.0
"""The most seconds one part of the moving figure's repetition may take."""

DEFAULT_MOVE, DEFAULT_HOLD = 2.0, 1.0
"""Seconds per movement and per hold of the repetition drawn when a figure gives none."""


@dataclass(frozen=True)
class Beat:
    """One part of the repetition the moving figure plays: ``move_to`` a key frame (0 is the
    start) over ``seconds``, or ``hold`` still for that many seconds. A drawing's timing, not a
    dose: the page never shows it as one."""

    move_to: int | None = None
    seconds: float | None = None
    hold: float | None = None

    def check(self) -> list[tuple[Location, str]]:
        if self.move_to is None and self.seconds is None and self.hold is None:
            return [((), "give move_to with seconds, or hold")]
        if self.hold is not None and (self.move_to is not None or self.seconds is not None):
            return [(("hold",), "a hold stands alone: give move_to with seconds in another part")]
        if self.hold is None and (self.move_to is None or self.seconds is None):
            missing = "seconds" if self.seconds is None else "move_to"
            return [((missing,), f"a movement needs move_to and seconds: add {missing}")]
        for name in ("seconds", "hold"):
            value = getattr(self, name)
            if value is not None and not 0 < value <= LONGEST_BEAT:
                return [((name,), f"give more than 0 and at most {LONGEST_BEAT:g} seconds")]
        return []


@dataclass(frozen=True)
class Figure:
    """How an exercise is drawn: the camera (``view``), two or more frames (start first, end
    last), the body point whose path the arrow shows (``moves``) and the props.

    ``facing: left`` mirrors the drawing; ``tilt`` lowers the camera's gaze by that many degrees
    (0 is level with the floor), so a movement towards the camera shows; ``alt`` replaces the text alternative generated from
    the frames. ``anchor`` names a body point that stays where it is in the first frame (a foot
    planted on the floor), so the body moves around it rather than around the pelvis.
    ``repetition`` is how the moving figure plays one repetition, ending back at the start; by
    default it moves through the frames and back, with a hold at each end.
    """

    view: View
    moves: str
    frames: tuple[Frame, ...]
    props: tuple[Prop, ...] = ()
    facing: Literal["right", "left"] = "right"
    tilt: float = 0.0
    alt: str | None = None
    anchor: str | None = None
    repetition: tuple[Beat, ...] = ()

    def beats(self) -> tuple[Beat, ...]:
        """The repetition, or the default one: through the frames and back, holding at each end."""
        if self.repetition:
            return self.repetition
        last = len(self.frames) - 1
        order = [*range(1, last + 1), *range(last - 1, -1, -1)]
        beats = [Beat(move_to=i, seconds=DEFAULT_MOVE) for i in order]
        beats.insert(last, Beat(hold=DEFAULT_HOLD))
        return (*beats, Beat(hold=DEFAULT_HOLD))

    def _repetition_problems(self) -> list[tuple[Location, str]]:
        problems: list[tuple[Location, str]] = []
        at = 0
        for index, beat in enumerate(self.repetition):
            if beat.check() or beat.move_to is None:
                continue
            where: Location = ("repetition", index, "move_to")
            if not 0 <= beat.move_to < len(self.frames):
                problems.append((where, f"there is no frame {beat.move_to}: frames count from 0"))
            elif beat.move_to == at:
                problems.append((where, f"the body is already at frame {at}"))
            at = beat.move_to
        if self.repetition and at != 0:
            problems.append((("repetition",), "end the repetition back at the start: move_to 0"))
        return problems

    def check(self) -> list[tuple[Location, str]]:
        problems: list[tuple[Location, str]] = self._repetition_problems()
        if not 0 <= self.tilt <= 60:
            problems.append((("tilt",), "give a camera tilt from 0 (level) to 60 degrees"))
        if len(self.frames) < 2:
            problems.append((("frames",), "give at least two frames: the start and the end"))
        if self.moves not in POINTS:
            close = difflib.get_close_matches(self.moves, POINTS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append((("moves",), f'"{self.moves}" is not a body point{hint}'))
        if self.anchor is not None and self.anchor not in POINTS:
            close = difflib.get_close_matches(self.anchor, POINTS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append((("anchor",), f'"{self.anchor}" is not a body point{hint}'))
            return problems
        if any(prop.check() for prop in self.props):
            return problems
        seats = {p.at for p in self.props if p.kind == SEATED_ON}
        for index, frame in enumerate(self.frames):
            if frame.contact == "seated" and "pelvis" not in seats:
                problems.append(
                    (
                        ("frames", index, "contact"),
                        "seated needs a chair under the pelvis: add a prop of kind chair at pelvis",
                    )
                )
                continue
            if not frame.check():
                problems += [
                    (("frames", index, *where), message)
                    for where, message in self.floor_problems(frame)
                ]
        return problems

    def supports(self) -> dict[str, tuple[str, float]]:
        """Body points carried by a prop: point -> (prop kind, height of the prop's top)."""
        return {
            str(p.at): (p.kind, SUPPORT_HEIGHT[p.kind])
            for p in self.props
            if p.kind in SUPPORT_HEIGHT
        }

    def carried(self, frame: Frame) -> dict[str, tuple[str, float]]:
        """The points props carry in ``frame``: every support's point, except a seat's point in
        a frame whose contact does not rest on it (the body has stood up from the seat)."""
        resting = {name for group in CONTACTS[frame.contact] for name in group}
        return {
            name: (kind, height)
            for name, (kind, height) in self.supports().items()
            if kind not in SEATS or name in resting
        }

    def place(self, frame: Frame) -> dict[str, Vec]:
        """``frame`` on the floor, standing on this figure's props where they carry it, moved
        along the floor so that the ``anchor`` is where it is in the first frame."""
        return dict(_placed(self, frame))

    def _place(self, frame: Frame) -> dict[str, Vec]:
        points = self._lowered(frame)
        if self.anchor is None or not self.frames:
            return points
        start = self._lowered(self.frames[0])[self.anchor]
        here = points[self.anchor]
        dx, dz = start[0] - here[0], start[2] - here[2]
        return {name: (p[0] + dx, p[1], p[2] + dz) for name, p in points.items()}

    def _lowered(self, frame: Frame) -> dict[str, Vec]:
        return place(frame, {name: height for name, (_, height) in self.carried(frame).items()})

    def floor_problems(self, frame: Frame) -> list[tuple[Location, str]]:
        points = self.place(frame)
        problems: list[tuple[Location, str]] = []
        name, surface = lowest(points, points)
        if surface < -TOLERANCE:
            problems.append(
                (
                    (),
                    f"the {words(name)} is {centimetres(surface)} cm below the floor: "
                    "change the angles or the contact",
                )
            )
        carried = self.carried(frame)
        for group in CONTACTS[frame.contact]:
            surface = min(points[n][1] - radius(n) - carried.get(n, ("", 0.0))[1] for n in group)
            if surface - AIRBORNE.get(frame.contact, 0.0) > TOLERANCE:
                problems.append(
                    (
                        ("contact",),
                        f"{frame.contact} needs the {' or '.join(map(words, group))} on the "
                        f"floor, but the body floats {centimetres(surface)} cm above it",
                    )
                )
        for name, (kind, height) in self.supports().items():
            gap = points[name][1] - radius(name) - height
            if name not in carried and gap < -TOLERANCE:
                problems.append(
                    ((), f"the {words(name)} sinks {centimetres(gap)} cm into the {words(kind)}")
                )
            elif name in carried and abs(gap) > TOLERANCE:
                how = "floats" if gap > 0 else "sinks"
                problems.append(
                    (
                        (),
                        f"the {words(name)} {how} {centimetres(gap)} cm "
                        f"{'above' if gap > 0 else 'into'} the {words(kind)} under it",
                    )
                )
        return problems


@functools.lru_cache(maxsize=8192)
def _placed(figure: Figure, frame: Frame) -> dict[str, Vec]:
    """``Figure.place``, once per pose: a moving figure places each sampled pose for its checks,
    its extent and its drawing."""
    return figure._place(frame)


def equipment_problems(figure: Figure, equipment: tuple[str, ...]) -> list[tuple[Location, str]]:
    """Props the exercise's ``equipment`` list does not name: a picture must not show
    equipment the reader was not told to get."""
    text = " ".join(equipment).lower()
    return [
        (("figure", "props", index, "kind"), f"equipment does not name a {words(prop.kind)}")
        for index, prop in enumerate(figure.props)
        if not re.search(EQUIPMENT_WORDS[prop.kind], text)
    ]


def describe(figure: Figure) -> str:
    """A text alternative from the frames, for a figure without ``alt``: the position at the
    start, and at the end the joints that moved."""
    first, last = figure.frames[0], figure.frames[-1]
    changes = []
    for name in RANGES:
        before, after = getattr(first, name), getattr(last, name)
        pairs = (
            zip((f"{s} " for s in SIDES), before, after, strict=True)
            if isinstance(before, tuple)
            else [("", before, after)]
        )
        for side, a, b in pairs:
            if abs(a - b) >= 10:
                changes.append(f"{side}{RANGES[name][2]} from {a:g} to {b:g} degrees")
    start = f"Start: {CONTACT_WORDS[first.contact]}."
    end = f"End: {CONTACT_WORDS[last.contact]}" + (f", {', '.join(changes)}." if changes else ".")
    return f"{start} {end}"
