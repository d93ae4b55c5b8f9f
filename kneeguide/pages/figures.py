"""Exercise figures as small SVG line drawings, drawn from the pose data at build time.

The style is a physiotherapy handout's: limbs as rounded strokes of even weight, a round head,
the limbs on the far side a shade lighter, the start position faded under the solid end
position, and an arrow along the path of the moving part. Colours are ``currentColor`` and
Material's CSS variables (with fallbacks), never fixed colours, so one drawing follows the light
and dark schemes and prints in black. Segment proportions from Winter (2009): see
``kneeguide.content.kinematics``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import SUPPORT_HEIGHT, TREATED, Figure, Frame, describe
from kneeguide.content.kinematics import LIMB_RADIUS, SIDES, TRUNK_RADIUS, Vec, radius
from kneeguide.content.models import Exercise
from kneeguide.content.motion import between
from kneeguide.pages.drawing_cache import remembered

SCALE = 100
"""SVG units per body height."""

BODY = "currentColor"
HALO = "var(--md-default-bg-color,#fff)"
PROP = "var(--md-default-fg-color--light,currentColor)"
PROP_FILL = "var(--md-default-fg-color--lightest,none)"
FLOOR = "var(--md-default-fg-color--lighter,currentColor)"
ARROW = "var(--md-typeset-a-color,currentColor)"
TRUNK_LINE = 2.2
"""The width of the trunk's outline, in SVG units."""
START_OPACITY = ".3"
FAR_OPACITY = ".5"
STEPS = 8
"""Positions sampled between two key frames for the arrow's path."""

Point = tuple[float, float]


def figure_path(slug: str) -> str:
    """Where the standalone SVG of an exercise's figure is served, from the site root."""
    return f"assets/figures/{slug}.svg"


def project(p: Vec, figure: Figure) -> Point:
    """Room coordinates to SVG coordinates (y down) for the figure's camera."""
    x, y, z = p
    across, high, near = {"side": (x, y, z), "front": (-z, y, x), "above": (x, -z, y)}[figure.view]
    tilt = math.radians(figure.tilt)
    high = high * math.cos(tilt) - near * math.sin(tilt)
    if figure.facing == "left":
        across = -across
    return across * SCALE, -high * SCALE


def depth(p: Vec, figure: Figure) -> float:
    """How near ``p`` is to the camera; larger is nearer."""
    x, y, z = p
    tilt = math.radians(figure.tilt)
    near = {"side": z, "front": x, "above": y}[figure.view]
    return near * math.cos(tilt) + y * math.sin(tilt)


def number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def polyline(points: list[Point]) -> str:
    head, *rest = points
    return f"M{number(head[0])} {number(head[1])}" + "".join(
        f"L{number(x)} {number(y)}" for x, y in rest
    )


def stroke(d: str, width: float, colour: str = BODY) -> str:
    return f'<path d="{d}" stroke="{colour}" stroke-width="{number(width)}"/>'


@dataclass(frozen=True)
class Shape:
    """One path of a drawing: its geometry, its other attributes, and the opacity of the group
    it is drawn in ("" for none). A moving figure animates the geometry of the same shapes."""

    d: str
    attributes: str
    group: str = ""


def _stroked(d: str, width: float, colour: str = BODY, group: str = "") -> Shape:
    return Shape(d, f'stroke="{colour}" stroke-width="{number(width)}"', group)


def dot(x: float, y: float, r: float) -> str:
    """A circle as a path of two arcs, so that it can move like any other path."""
    return (
        f"M{number(x - r)} {number(y)}a{number(r)} {number(r)} 0 1 0 {number(2 * r)} 0"
        f"a{number(r)} {number(r)} 0 1 0 {number(-2 * r)} 0"
    )


def markup(shapes: list[Shape]) -> str:
    """The shapes as SVG, consecutive shapes of one group inside one ``<g>``."""
    out, group = [], ""
    for shape in shapes:
        if shape.group != group:
            out.append("</g>" if group else "")
            out.append(f'<g opacity="{shape.group}">' if shape.group else "")
            group = shape.group
        out.append(f'<path d="{shape.d}" {shape.attributes}/>')
    return "".join(out) + ("</g>" if group else "")


def _limbs(points: dict[str, Vec], figure: Figure, side: str) -> list[str]:
    leg = [f"{side}-hip", f"{side}-knee", f"{side}-heel", f"{side}-toe"]
    arm = [f"{side}-shoulder", f"{side}-elbow", f"{side}-wrist", f"{side}-hand"]
    return [polyline([project(points[n], figure) for n in chain]) for chain in (leg, arm)]


def near_side(points: dict[str, Vec], figure: Figure) -> str:
    """The side whose hip is nearer the camera (the left one when level)."""
    return min(SIDES, key=lambda s: (-depth(points[f"{s}-hip"], figure), s != "left"))


def body_shapes(points: dict[str, Vec], figure: Figure, near: str | None = None) -> list[Shape]:
    """One position: far limbs lighter, then trunk and head, then near limbs over a halo of the
    background colour so they stand out where they cross the body. ``near`` keeps one side in
    front through a movement."""
    near = near or near_side(points, figure)
    far = next(side for side in SIDES if side != near)
    limb = 2 * LIMB_RADIUS * SCALE
    corners = ("left-hip", "right-hip", "right-shoulder", "left-shoulder")
    trunk = polyline([project(points[n], figure) for n in corners]) + "Z"
    neck = polyline([project(points[n], figure) for n in ("shoulders", "neck")])
    head = dot(*project(points["head"], figure), radius("head") * SCALE)
    return [
        *(_stroked(d, limb, group=FAR_OPACITY) for d in _limbs(points, figure, far)),
        *_trunk(trunk),
        _stroked(neck, limb),
        Shape(head, f'fill="{BODY}"'),
        *(
            shape
            for d in _limbs(points, figure, near)
            for shape in (_stroked(d, limb + 2.4, HALO), _stroked(d, limb))
        ),
    ]


def _body(points: dict[str, Vec], figure: Figure) -> str:
    return markup(body_shapes(points, figure))


def _trunk(d: str) -> list[Shape]:
    """The trunk as an outline around the hips and shoulders, hollow inside: seen from the front
    or lying on its side it is a torso, not a dark block; seen side-on it is a narrow band."""
    width = 2 * TRUNK_RADIUS * SCALE
    return [
        Shape(d, f'fill="{BODY}" stroke="{BODY}" stroke-width="{number(width)}"'),
        Shape(d, f'fill="{HALO}" stroke="{HALO}" stroke-width="{number(width - 2 * TRUNK_LINE)}"'),
    ]


def _path_of(figure: Figure) -> list[Point]:
    samples = [
        between(a, b, step / STEPS)
        for a, b in zip(figure.frames, figure.frames[1:], strict=False)
        for step in range(STEPS)
    ]
    samples.append(figure.frames[-1])
    return [project(figure.place(frame)[figure.moves], figure) for frame in samples]


def _arrow(figure: Figure, centre: Point) -> str:
    """The moving point's path, moved off the limb to the outside of its curve (or, for a
    straight path, away from the body's centre), with a head at the end. A movement too small to
    see gets a short arrow in its direction."""
    path = _path_of(figure)
    (x0, y0), (x1, y1) = path[0], path[-1]
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy) or 1.0
    ux, uy = -dy / length, dx / length
    mid = path[len(path) // 2]
    bulge = (mid[0] - x0) * ux + (mid[1] - y0) * uy
    if length < 8:
        along = (dx / length, dy / length)
        path = [(x1 - along[0] * 13, y1 - along[1] * 13), (x1 - along[0] * 4, y1 - along[1] * 4)]
    outward = bulge if abs(bulge) > 1.5 else (mid[0] - centre[0]) * ux + (mid[1] - centre[1]) * uy
    if outward < 0:
        ux, uy = -ux, -uy
    gap = LIMB_RADIUS * SCALE + 4
    shifted = [(x + ux * gap, y + uy * gap) for x, y in path]
    (ax, ay), (bx, by) = shifted[-2], shifted[-1]
    heading = math.atan2(by - ay, bx - ax)
    head = [
        (bx + 4.5 * math.cos(heading + turn), by + 4.5 * math.sin(heading + turn))
        for turn in (2.6, 0.0, -2.6)
    ]
    head[1] = (bx + 1.5 * math.cos(heading), by + 1.5 * math.sin(heading))
    return stroke(polyline(shifted), 2, ARROW) + (
        f'<path d="{polyline(head)}Z" fill="{ARROW}" stroke="{ARROW}" stroke-width="1"/>'
    )


STILL_PROPS = frozenset({"mat", "step", "wall", "chair"})
"""Props that stay where they are while the body moves."""


def fixed_props(figure: Figure, points: dict[str, Vec], box: list[float]) -> str:
    """The floor and the props that stay put (mat, step, wall, chair), placed by ``points``."""
    under = []
    left, top, right, _ = box
    if figure.view != "above" and not figure.tilt:
        under.append(stroke(f"M{number(left - 4)} 0H{number(right + 4)}", 1, FLOOR))
    for prop in figure.props:
        if prop.kind == "mat":
            under.append(_mat(figure, points, left, right))
        elif prop.kind == "step":
            x = project(points[str(prop.at)], figure)[0]
            h = SUPPORT_HEIGHT["step"] * SCALE
            toe = project(points[str(prop.at).replace("heel", "toe")], figure)[0]
            ahead = 1 if toe >= x else -1
            start, end = sorted((x - ahead * STEP_BEHIND, toe + ahead * STEP_AHEAD))
            under.append(
                f'<rect x="{number(start)}" y="{number(-h)}" width="{number(end - start)}"'
                f' height="{number(h)}" rx="1" fill="{PROP_FILL}" stroke="{PROP}"'
                ' stroke-width="1.5"/>'
            )
        elif prop.kind == "wall":
            x = project(points[str(prop.at)], figure)[0]
            away = 1 if x >= _centre(points, figure) else -1
            wx = x + away * (radius(str(prop.at)) * SCALE + 0.8)
            under.append(stroke(f"M{number(wx)} 0V{number(top)}", 2, PROP))
        elif prop.kind == "chair":
            under.append(_chair(figure, str(prop.at)))
    return "".join(under)


def moving_props(figure: Figure, points: dict[str, Vec]) -> tuple[list[Shape], list[Shape]]:
    """The props that go with the body, under it (roller, ball, towel) and over it (band,
    massage gun), as shapes."""
    under: list[Shape] = []
    over: list[Shape] = []
    supports = figure.supports()
    for prop in figure.props:
        if prop.kind in STILL_PROPS:
            continue
        at = str(prop.at)
        if prop.kind in ("foam-roller", "ball", "towel"):
            x = project(points[at], figure)[0]
            under += _round_prop(prop.kind, x, supports[at][1] * SCALE / 2)
        elif prop.kind == "band":
            other = at.replace("left", "#").replace("right", "left").replace("#", "right")
            ends = [project(points[name], figure) for name in (at, other)]
            d = polyline([(ends[0][0] + 0.01, ends[0][1]), ends[1]])
            over.append(_stroked(d, 2 * LIMB_RADIUS * SCALE + 3, PROP))
        elif prop.kind == "massage-gun":
            over += _gun(figure, points, at)
    return under, over


def _centre(points: dict[str, Vec], figure: Figure) -> float:
    """The middle of the body across the drawing: a wall stands on the far side of the point
    that touches it, away from this."""
    xs = [project(p, figure)[0] for p in points.values()]
    return (min(xs) + max(xs)) / 2


STEP_BEHIND, STEP_AHEAD = 16.0, 1.0
"""How far a step reaches behind the heel and in front of the toes it carries, in SVG units: the
foot stands at its front edge, so a free foot in front of it can reach the floor."""

CHAIR_DEPTH = (10.0, 12.0)
"""How far a chair's seat reaches behind and in front of the point it carries, in SVG units."""
CHAIR_BACK = 22.0
"""The height of the chair's back above its seat, in SVG units."""


def _seat(figure: Figure, at: str) -> tuple[float, int]:
    """Where a chair stands across the drawing (the point it carries, in the first frame that
    rests on it) and which way its front faces (+1 or -1, towards the knees)."""
    frame = next((f for f in figure.frames if at in figure.carried(f)), figure.frames[0])
    points = figure.place(frame)
    x = project(points[at], figure)[0]
    knee = project(points["left-knee"], figure)[0]
    return x, 1 if knee >= x else -1


def _chair(figure: Figure, at: str) -> str:
    """A chair seen from the side: the seat at the height that carries ``at``, two legs and a
    back behind the sitter."""
    x, front = _seat(figure, at)
    h = SUPPORT_HEIGHT["chair"] * SCALE
    back, ahead = x - front * CHAIR_DEPTH[0], x + front * CHAIR_DEPTH[1]
    frame = f"M{number(back)} {number(-h - CHAIR_BACK)}V0M{number(ahead)} 0V{number(-h)}"
    seat = f"M{number(back)} {number(-h)}H{number(ahead)}"
    return stroke(frame, 2, PROP) + stroke(seat, 3, PROP)


def _mat(figure: Figure, points: dict[str, Vec], left: float, right: float) -> str:
    """A mat under the body: a thin strip seen level, a floor panel seen from above."""
    if not figure.tilt:
        return (
            f'<rect x="{number(left)}" y="-1.5" width="{number(right - left)}" height="1.5"'
            f' rx=".7" fill="{PROP}"/>'
        )
    zs = [p[2] for p in points.values()]
    corners = [project((0.0, 0.0, z), figure)[1] for z in (min(zs) - 0.08, max(zs) + 0.08)]
    return (
        f'<rect x="{number(left)}" y="{number(min(corners))}" width="{number(right - left)}"'
        f' height="{number(abs(corners[1] - corners[0]))}" rx="2" fill="{PROP_FILL}"'
        f' stroke="{PROP}" stroke-width=".8"/>'
    )


def _round_prop(kind: str, x: float, r: float) -> list[Shape]:
    """A prop seen end-on, resting on the floor: a foam roller is a large tube with its hollow
    core showing, a ball a small solid one, a rolled towel a plain roll."""
    if kind == "ball":
        return [Shape(dot(x, -r, r), f'fill="{PROP}"')]
    outline = Shape(dot(x, -r, r), f'fill="{PROP_FILL}" stroke="{PROP}" stroke-width="1.5"')
    if kind == "foam-roller":
        return [outline, Shape(dot(x, -r, r * 0.4), f'stroke="{PROP}" stroke-width="1.2"')]
    return [outline]


GUN = {"grip": 6.0, "barrel": 4.5, "head": 2.5}
"""A massage gun's sizes in SVG units: the length of the handle from the hand to the barrel, the
barrel's width, the radius of its round head."""


def _gun(figure: Figure, points: dict[str, Vec], limb: str) -> list[Shape]:
    """A massage gun held in the hand nearer the treated limb, its barrel upright over the limb
    and its round head resting on the limb's upper surface."""
    ends = [project(points[name], figure) for name in TREATED[limb]]
    middle = project(points[limb], figure)
    hand = min(
        (project(points[f"{side}-hand"], figure) for side in SIDES),
        key=lambda h: math.dist(h, middle),
    )
    (ax, ay), (bx, by) = ends
    toward = 1 if middle[0] >= hand[0] else -1
    x = min(max(hand[0] + toward * GUN["grip"], min(ax, bx)), max(ax, bx))
    t = 0.5 if abs(bx - ax) < 1e-6 else (x - ax) / (bx - ax)
    surface = ay + (by - ay) * t - LIMB_RADIUS * SCALE
    head = surface - GUN["head"]
    top = min(hand[1] - GUN["barrel"] / 2, head - 2 * GUN["head"])
    barrel = polyline([(x, top), (x, head)])
    handle = polyline([(hand[0] - toward * 2, hand[1]), (x, hand[1])])
    return [
        _stroked(handle, GUN["barrel"] - 1.5, PROP),
        _stroked(barrel, GUN["barrel"], PROP),
        Shape(dot(x, head, GUN["head"]), f'fill="{PROP}"'),
    ]


def extent(figure: Figure, frames: tuple[Frame, ...] | None = None) -> list[float]:
    """left, top, right, bottom of every frame (the key frames unless given), in SVG units."""
    xs: list[float] = []
    ys: list[float] = [0.0]
    for prop in figure.props:
        if prop.kind == "chair":
            x, front = _seat(figure, str(prop.at))
            xs += [x - front * (CHAIR_DEPTH[0] + 1), x + front * (CHAIR_DEPTH[1] + 1)]
            ys.append(-SUPPORT_HEIGHT["chair"] * SCALE - CHAIR_BACK - 1)
    for frame in frames or figure.frames:
        for name, p in figure.place(frame).items():
            x, y = project(p, figure)
            r = radius(name) * SCALE + 2
            xs += [x - r, x + r]
            ys += [y - r, y + r]
    return [min(xs), min(ys), max(xs), max(ys)]


@remembered
def drawing(figure: Figure) -> tuple[str, str]:
    """The figure's ``viewBox`` and its still drawing (the content of an ``<svg>``): the start
    position faded under the end position, and an arrow along the path of the moving part.

    Drawn once per figure: a figure is shown on its page, its card, its file and in programs.
    """
    box = extent(figure)
    start, end = (figure.place(figure.frames[i]) for i in (0, -1))
    under, over = moving_props(figure, end)
    faded = f'<g opacity="{START_OPACITY}">{_body(start, figure)}</g>'
    arrow = _arrow(figure, project(end["pelvis"], figure))
    body = (
        f"<g {DRAWING}>{fixed_props(figure, end, box)}{markup(under)}{faded}"
        f"{_body(end, figure)}{markup(over)}{arrow}</g>"
    )
    return view_box(box), body


DRAWING = 'fill="none" stroke-linecap="round" stroke-linejoin="round"'
"""The attributes of a drawing's outer group."""


def view_box(box: list[float], margin: float = 8) -> str:
    left, top, right, bottom = box
    return " ".join(
        number(v)
        for v in (left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin)
    )


def alt_text(exercise: Exercise) -> str:
    """The figure's text alternative: the editor's, or one generated from the frames."""
    assert exercise.figure is not None
    return exercise.figure.alt or describe(exercise.figure)


def figure_thumbnail(exercise: Exercise, href: str) -> str:
    """A decorative ``<svg>`` that shows the figure file at ``href`` with ``<use>``: the card it
    sits on names the exercise, and the page stays small however many exercises it lists."""
    assert exercise.figure is not None
    box = drawing(exercise.figure)[0]
    return (
        f'<svg class="kg-figure__thumb" viewBox="{box}" aria-hidden="true" focusable="false">'
        f'<use href="{href}#figure"/></svg>'
    )


def figure_file(exercise: Exercise) -> str:
    """A standalone SVG file whose drawing is the group ``#figure``, so a page can reuse it with
    ``<use href=".../slug.svg#figure">`` in an ``<svg>`` of the same viewBox and pass its colours
    in (an ``<img>`` could not)."""
    assert exercise.figure is not None
    box, body = drawing(exercise.figure)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}">'
        f"<title>{escape(alt_text(exercise))}</title>"
        f"{body.replace('<g ', '<g id="figure" ', 1)}</svg>\n"
    )


def figure_files(catalog: Catalog) -> dict[str, str]:
    """The standalone SVG of every exercise that has a figure, keyed by path in the site."""
    return {figure_path(e.slug): figure_file(e) for e in catalog.exercises if e.figure}
