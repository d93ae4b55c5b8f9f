"""Exercise figures as small SVG line drawings, drawn from the pose data at build time.

The style is a physiotherapy handout's: limbs as rounded strokes of even weight, a round head,
the limbs on the far side a shade lighter, the start position faded under the solid end
position, and an arrow along the path of the moving part. Colours are ``currentColor`` and
Material's CSS variables (with fallbacks), never fixed colours, so one drawing follows the light
and dark schemes and prints in black. Segment proportions from Winter (2009): see
``kneeguide.content.kinematics``.
"""

from __future__ import annotations

import functools
import math
from dataclasses import fields, replace
from html import escape

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import SUPPORT_HEIGHT, TREATED, Figure, Frame, describe
from kneeguide.content.kinematics import LIMB_RADIUS, SIDES, TRUNK_RADIUS, Vec, radius
from kneeguide.content.models import Exercise

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


def _limbs(points: dict[str, Vec], figure: Figure, side: str) -> list[str]:
    leg = [f"{side}-hip", f"{side}-knee", f"{side}-heel", f"{side}-toe"]
    arm = [f"{side}-shoulder", f"{side}-elbow", f"{side}-wrist", f"{side}-hand"]
    return [polyline([project(points[n], figure) for n in chain]) for chain in (leg, arm)]


def _body(points: dict[str, Vec], figure: Figure) -> str:
    """One position: far limbs lighter, then trunk and head, then near limbs over a halo of the
    background colour so they stand out where they cross the body."""
    near, far = sorted(SIDES, key=lambda s: (-depth(points[f"{s}-hip"], figure), s != "left"))
    limb = 2 * LIMB_RADIUS * SCALE
    far_paths = "".join(stroke(d, limb) for d in _limbs(points, figure, far))
    corners = ("left-hip", "right-hip", "right-shoulder", "left-shoulder")
    trunk = polyline([project(points[n], figure) for n in corners]) + "Z"
    neck = polyline([project(points[n], figure) for n in ("shoulders", "neck")])
    hx, hy = project(points["head"], figure)
    near_paths = _limbs(points, figure, near)
    return (
        f'<g opacity="{FAR_OPACITY}">{far_paths}</g>'
        + _trunk(trunk)
        + stroke(neck, limb)
        + f'<circle cx="{number(hx)}" cy="{number(hy)}" r="{number(radius("head") * SCALE)}"'
        f' fill="{BODY}"/>'
        + "".join(stroke(d, limb + 2.4, HALO) + stroke(d, limb) for d in near_paths)
    )


def _trunk(d: str) -> str:
    """The trunk as an outline around the hips and shoulders, hollow inside: seen from the front
    or lying on its side it is a torso, not a dark block; seen side-on it is a narrow band."""
    width = 2 * TRUNK_RADIUS * SCALE
    return (
        f'<path d="{d}" fill="{BODY}" stroke="{BODY}" stroke-width="{number(width)}"/>'
        f'<path d="{d}" fill="{HALO}" stroke="{HALO}"'
        f' stroke-width="{number(width - 2 * TRUNK_LINE)}"/>'
    )


def between(a: Frame, b: Frame, t: float) -> Frame:
    """The frame a fraction ``t`` of the way from ``a`` to ``b``, angle by angle."""
    values: dict[str, object] = {}
    for f in fields(Frame):
        start, end = getattr(a, f.name), getattr(b, f.name)
        if isinstance(start, tuple):
            values[f.name] = tuple(s + (e - s) * t for s, e in zip(start, end, strict=True))
        elif isinstance(start, float):
            values[f.name] = start + (end - start) * t
    return replace(a if t < 0.5 else b, **values)  # type: ignore[arg-type]


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


def _props(figure: Figure, points: dict[str, Vec], box: list[float]) -> tuple[str, str]:
    """Props drawn under the body (floor, mat, roller...) and over it (band, massage gun)."""
    under, over = [], []
    left, top, right, _ = box
    if figure.view != "above" and not figure.tilt:
        under.append(stroke(f"M{number(left - 4)} 0H{number(right + 4)}", 1, FLOOR))
    supports = figure.supports()
    for prop in figure.props:
        if prop.kind == "mat":
            under.append(_mat(figure, points, left, right))
            continue
        x = project(points[str(prop.at)], figure)[0]
        if prop.kind in ("foam-roller", "ball", "towel"):
            under.append(_round_prop(prop.kind, x, supports[str(prop.at)][1] * SCALE / 2))
        elif prop.kind == "step":
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
            away = 1 if x >= _centre(points, figure) else -1
            wx = x + away * (radius(str(prop.at)) * SCALE + 0.8)
            under.append(stroke(f"M{number(wx)} 0V{number(top)}", 2, PROP))
        elif prop.kind == "chair":
            under.append(_chair(figure, str(prop.at)))
        elif prop.kind == "band":
            other = str(prop.at).replace("left", "#").replace("right", "left").replace("#", "right")
            ends = [project(points[name], figure) for name in (str(prop.at), other)]
            d = polyline([(ends[0][0] + 0.01, ends[0][1]), ends[1]])
            over.append(stroke(d, 2 * LIMB_RADIUS * SCALE + 3, PROP))
        elif prop.kind == "massage-gun":
            over.append(_gun(figure, points, str(prop.at)))
    return "".join(under), "".join(over)


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


def _round_prop(kind: str, x: float, r: float) -> str:
    """A prop seen end-on, resting on the floor: a foam roller is a large tube with its hollow
    core showing, a ball a small solid one, a rolled towel a spiral-less plain roll."""
    circle = f'<circle cx="{number(x)}" cy="{number(-r)}" r="{number(r)}"'
    if kind == "ball":
        return f'{circle} fill="{PROP}"/>'
    outline = f'{circle} fill="{PROP_FILL}" stroke="{PROP}" stroke-width="1.5"/>'
    if kind == "foam-roller":
        core = f'<circle cx="{number(x)}" cy="{number(-r)}" r="{number(r * 0.4)}"'
        return outline + f'{core} stroke="{PROP}" stroke-width="1.2"/>'
    return outline


GUN = {"grip": 6.0, "barrel": 4.5, "head": 2.5}
"""A massage gun's sizes in SVG units: the length of the handle from the hand to the barrel, the
barrel's width, the radius of its round head."""


def _gun(figure: Figure, points: dict[str, Vec], limb: str) -> str:
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
    return (
        stroke(handle, GUN["barrel"] - 1.5, PROP)
        + stroke(barrel, GUN["barrel"], PROP)
        + f'<circle cx="{number(x)}" cy="{number(head)}" r="{number(GUN["head"])}"'
        f' fill="{PROP}"/>'
    )


def _extent(figure: Figure) -> list[float]:
    """left, top, right, bottom of every frame, in SVG units."""
    xs: list[float] = []
    ys: list[float] = [0.0]
    for prop in figure.props:
        if prop.kind == "chair":
            x, front = _seat(figure, str(prop.at))
            xs += [x - front * (CHAIR_DEPTH[0] + 1), x + front * (CHAIR_DEPTH[1] + 1)]
            ys.append(-SUPPORT_HEIGHT["chair"] * SCALE - CHAIR_BACK - 1)
    for frame in figure.frames:
        for name, p in figure.place(frame).items():
            x, y = project(p, figure)
            r = radius(name) * SCALE + 2
            xs += [x - r, x + r]
            ys += [y - r, y + r]
    return [min(xs), min(ys), max(xs), max(ys)]


@functools.lru_cache(maxsize=1024)
def drawing(figure: Figure) -> tuple[str, str]:
    """The figure's ``viewBox`` and its drawing (the content of an ``<svg>``).

    Drawn once per figure: a figure is shown on its page, its card, its file and in programs.
    """
    box = _extent(figure)
    end = figure.place(figure.frames[-1])
    under, over = _props(figure, end, box)
    frames = [_body(figure.place(frame), figure) for frame in figure.frames]
    faded = "".join(f'<g opacity="{START_OPACITY}">{body}</g>' for body in frames[:-1])
    arrow = _arrow(figure, project(end["pelvis"], figure))
    left, top, right, bottom = box
    margin = 8
    view_box = " ".join(
        number(v)
        for v in (left - margin, top - margin, right - left + 2 * margin, bottom - top + 2 * margin)
    )
    body = (
        f'<g fill="none" stroke-linecap="round" stroke-linejoin="round">'
        f"{under}{faded}{frames[-1]}{over}{arrow}</g>"
    )
    return view_box, body


def alt_text(exercise: Exercise) -> str:
    """The figure's text alternative: the editor's, or one generated from the frames."""
    assert exercise.figure is not None
    return exercise.figure.alt or describe(exercise.figure)


def figure_svg(exercise: Exercise, css_class: str = "kg-figure__svg") -> str:
    """An inline ``<svg>`` of the exercise's figure, one line, named by its text alternative."""
    assert exercise.figure is not None
    view_box, body = drawing(exercise.figure)
    return (
        f'<svg class="{css_class}" viewBox="{view_box}" role="img">'
        f"<title>{escape(alt_text(exercise))}</title>{body}</svg>"
    )


def figure_thumbnail(exercise: Exercise, href: str) -> str:
    """A decorative ``<svg>`` that shows the figure file at ``href`` with ``<use>``: the card it
    sits on names the exercise, and the page stays small however many exercises it lists."""
    assert exercise.figure is not None
    view_box = drawing(exercise.figure)[0]
    return (
        f'<svg class="kg-figure__thumb" viewBox="{view_box}" aria-hidden="true" focusable="false">'
        f'<use href="{href}#figure"/></svg>'
    )


def figure_file(exercise: Exercise) -> str:
    """A standalone SVG file whose drawing is the group ``#figure``, so a page can reuse it with
    ``<use href=".../slug.svg#figure">`` in an ``<svg>`` of the same viewBox and pass its colours
    in (an ``<img>`` could not)."""
    assert exercise.figure is not None
    view_box, body = drawing(exercise.figure)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}">'
        f"<title>{escape(alt_text(exercise))}</title>"
        f"{body.replace('<g ', '<g id="figure" ', 1)}</svg>\n"
    )


def figure_files(catalog: Catalog) -> dict[str, str]:
    """The standalone SVG of every exercise that has a figure, keyed by path in the site."""
    return {figure_path(e.slug): figure_file(e) for e in catalog.exercises if e.figure}
