"""The moving exercise figure and its key poses, drawn at build time from the same pose data.

The moving figure is SVG with SMIL ``<animate>`` on the geometry of each path: the poses sampled
by ``kneeguide.content.motion.timeline`` become the ``values`` and their times the
``keyTimes``, so the browser plays them with no script and no library. A path drawn twice (a
near limb over its halo, the trunk's outline) is defined once and used twice. The key poses are
the key frames in order, for readers who prefer reduced motion and for print.
"""

from __future__ import annotations

from html import escape

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import Figure
from kneeguide.content.kinematics import Vec
from kneeguide.content.models import Exercise
from kneeguide.content.motion import moves_in_words, timeline
from kneeguide.pages.drawing_cache import remembered
from kneeguide.pages.figures import (
    DRAWING,
    Shape,
    alt_text,
    body_shapes,
    extent,
    fixed_props,
    markup,
    moving_props,
    near_side,
    number,
    view_box,
)

WIDE = 1.4
"""A key pose wider than this many times its height (a body lying down) is laid out wide."""


def _scene(figure: Figure, points: dict[str, Vec], near: str) -> list[Shape]:
    """The shapes of one pose that move: the props that go with the body, and the body."""
    under, over = moving_props(figure, points)
    return [*under, *body_shapes(points, figure, near), *over]


def _times(seconds: list[float]) -> str:
    total = seconds[-1]
    return ";".join(f"{t / total:.4f}".rstrip("0").rstrip(".") or "0" for t in seconds)


ID = "kg-motion-"
"""The prefix of the ids of the paths a moving figure uses twice: a page shows one moving figure."""


@remembered
def moving_drawing(figure: Figure) -> tuple[str, str]:
    """The ``viewBox`` and the content of the moving figure's ``<svg>``."""
    samples = timeline(figure)
    box = extent(figure, tuple(frame for _, frame in samples))
    near = near_side(figure.place(figure.frames[0]), figure)
    scenes = [_scene(figure, figure.place(frame), near) for _, frame in samples]
    first = scenes[0]
    if len({tuple((s.attributes, s.group) for s in scene) for scene in scenes}) != 1:
        raise ValueError("the moving figure's shapes change from pose to pose")
    timing = (
        f'dur="{number(samples[-1][0])}s" repeatCount="indefinite"'
        f' keyTimes="{_times([t for t, _ in samples])}"'
    )
    defs: list[str] = []
    shapes: list[str] = []
    group = ""
    tracks = [[scene[i].d for scene in scenes] for i in range(len(first))]
    for index, (shape, track) in enumerate(zip(first, tracks, strict=True)):
        if shape.group != group:
            shapes.append("</g>" if group else "")
            shapes.append(f'<g opacity="{shape.group}">' if shape.group else "")
            group = shape.group
        if len(set(track)) == 1:
            shapes.append(f'<path d="{shape.d}" {shape.attributes}/>')
            continue
        if index and track == tracks[index - 1]:
            shapes.append(f'<use href="#{ID}{index - 1}" {shape.attributes}/>')
            continue
        animate = f'<animate attributeName="d" {timing} values="{";".join(track)}"/>'
        if index + 1 < len(tracks) and tracks[index + 1] == track:
            defs.append(f'<path id="{ID}{index}" d="{shape.d}">{animate}</path>')
            shapes.append(f'<use href="#{ID}{index}" {shape.attributes}/>')
        else:
            shapes.append(f'<path d="{shape.d}" {shape.attributes}>{animate}</path>')
    shapes.append("</g>" if group else "")
    end = figure.place(figure.frames[-1])
    body = (
        f"<defs>{''.join(defs)}</defs><g {DRAWING}>{fixed_props(figure, end, box)}"
        f"{''.join(shapes)}</g>"
    )
    return view_box(box), body


@remembered
def key_poses_drawing(figure: Figure) -> tuple[str, tuple[str, ...]]:
    """The ``viewBox`` shared by the key poses, and the content of each pose's ``<svg>``, start
    first: one scale for all, so they compare."""
    box = extent(figure)
    near = near_side(figure.place(figure.frames[0]), figure)
    still = fixed_props(figure, figure.place(figure.frames[-1]), box)
    poses = tuple(
        f"<g {DRAWING}>{still}{markup(_scene(figure, figure.place(frame), near))}</g>"
        for frame in figure.frames
    )
    return view_box(box), poses


def motion_svg(exercise: Exercise) -> str:
    """The exercise page's figure: the moving drawing and the key poses, one line of HTML.
    Styles decide which is shown (the key poses for reduced motion and print) and whether the
    key poses sit side by side or one above the other (wide ones on a phone)."""
    figure = exercise.figure
    assert figure is not None
    moving_box, moving = moving_drawing(figure)
    keys_box, keys = key_poses_drawing(figure)
    alt = escape(alt_text(exercise))
    width, height = (float(v) for v in keys_box.split()[2:])
    shape = "wide" if width > WIDE * height else "tall"
    poses = "".join(
        f'<svg class="kg-motion__key" viewBox="{keys_box}" aria-hidden="true"'
        f' focusable="false">{pose}</svg>'
        for pose in keys
    )
    return (
        f'<svg class="kg-figure__svg kg-motion__moving" viewBox="{moving_box}" role="img">'
        f"<title>{alt} {escape(moves_in_words(figure))}</title>{moving}</svg>"
        f'<div class="kg-motion__keys kg-motion__keys--{shape}" role="img" aria-label="{alt}'
        f' The positions are drawn in order, the start first.">{poses}</div>'
    )


def moving_path(slug: str) -> str:
    """Where the standalone moving figure of an exercise is served, from the site root."""
    return f"assets/figures/moving/{slug}.svg"


def moving_file(exercise: Exercise) -> str:
    """A standalone SVG whose group ``#moving`` is the moving drawing and whose groups ``#pose-0``,
    ``#pose-1``... (kept in ``<defs>``) are the key poses, so the program page's guided session
    reuses them with ``<use>`` and passes its colours in, as it does the stills."""
    figure = exercise.figure
    assert figure is not None
    moving_box, moving = moving_drawing(figure)
    poses = "".join(
        f'<g id="pose-{index}">{pose}</g>'
        for index, pose in enumerate(key_poses_drawing(figure)[1])
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{moving_box}">'
        f"<title>{escape(alt_text(exercise))}</title><defs>{poses}</defs>"
        f'<g id="moving">{moving}</g></svg>\n'
    )


def moving_files(catalog: Catalog) -> dict[str, str]:
    """The standalone moving figure of every exercise that has a figure, keyed by path."""
    return {moving_path(e.slug): moving_file(e) for e in catalog.exercises if e.figure}


def tempo(figure: Figure) -> dict[str, float]:
    """One repetition's timing as the guided session counts it, in seconds: ``out`` until the
    body reaches the end position, the ``hold`` drawn there (a dose's hold replaces it), ``back``
    to the start, and the ``tail`` held at the start before the next repetition. Their sum is
    the moving drawing's cycle."""
    last = len(figure.frames) - 1
    now, at = 0.0, 0
    out: float | None = None
    hold = tail = 0.0
    for beat in figure.beats():
        if beat.move_to is not None:
            now += beat.seconds or 0.0
            at = beat.move_to
            if at == last and out is None:
                out = now
            continue
        seconds = beat.hold or 0.0
        if at == last and out == now:
            hold = seconds
        elif at == 0 and out is not None:
            tail += seconds
        now += seconds
    assert out is not None
    return {
        "out": round(out, 3),
        "hold": round(hold, 3),
        "back": round(now - out - hold - tail, 3),
        "tail": round(tail, 3),
    }
