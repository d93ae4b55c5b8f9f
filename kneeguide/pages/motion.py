"""The moving exercise figure and its key poses, drawn at build time from the same pose data.

The moving figure is SVG with SMIL ``<animate>`` on the geometry of each path: the poses sampled
by ``kneeguide.content.motion.timeline`` become the ``values`` and their times the
``keyTimes``, so the browser plays them with no script and no library. A path drawn twice (a
near limb over its halo, the trunk's outline) is defined once and used twice. The key poses are
the key frames side by side, for readers who prefer reduced motion and for print.
"""

from __future__ import annotations

import functools
from html import escape

from kneeguide.content.figure import Figure
from kneeguide.content.kinematics import Vec
from kneeguide.content.models import Exercise
from kneeguide.content.motion import moves_in_words, timeline
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

KEY_GAP = 12.0
"""Space between two key poses side by side, in SVG units."""


def _scene(figure: Figure, points: dict[str, Vec], near: str) -> list[Shape]:
    """The shapes of one pose that move: the props that go with the body, and the body."""
    under, over = moving_props(figure, points)
    return [*under, *body_shapes(points, figure, near), *over]


def _times(seconds: list[float]) -> str:
    total = seconds[-1]
    return ";".join(f"{t / total:.4f}".rstrip("0").rstrip(".") or "0" for t in seconds)


@functools.lru_cache(maxsize=1024)
def moving_drawing(figure: Figure, slug: str) -> tuple[str, str]:
    """The ``viewBox`` and the content of the moving figure's ``<svg>``."""
    samples = timeline(figure)
    box = extent(figure, tuple(frame for _, frame in samples))
    near = near_side(figure.place(figure.frames[0]), figure)
    scenes = [_scene(figure, figure.place(frame), near) for _, frame in samples]
    first = scenes[0]
    if len({tuple((s.attributes, s.group) for s in scene) for scene in scenes}) != 1:
        raise ValueError(f"{slug}: the moving figure's shapes change from pose to pose")
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
            shapes.append(f'<use href="#{slug}-m{index - 1}" {shape.attributes}/>')
            continue
        animate = f'<animate attributeName="d" {timing} values="{";".join(track)}"/>'
        if index + 1 < len(tracks) and tracks[index + 1] == track:
            defs.append(f'<path id="{slug}-m{index}" d="{shape.d}">{animate}</path>')
            shapes.append(f'<use href="#{slug}-m{index}" {shape.attributes}/>')
        else:
            shapes.append(f'<path d="{shape.d}" {shape.attributes}>{animate}</path>')
    shapes.append("</g>" if group else "")
    end = figure.place(figure.frames[-1])
    body = (
        f"<defs>{''.join(defs)}</defs><g {DRAWING}>{fixed_props(figure, end, box)}"
        f"{''.join(shapes)}</g>"
    )
    return view_box(box), body


@functools.lru_cache(maxsize=1024)
def key_poses_drawing(figure: Figure) -> tuple[str, str]:
    """The ``viewBox`` and the content of the key poses side by side, start first."""
    box = extent(figure)
    left, top, right, bottom = box
    width = right - left + KEY_GAP
    near = near_side(figure.place(figure.frames[0]), figure)
    still = fixed_props(figure, figure.place(figure.frames[-1]), box)
    poses = []
    for index, frame in enumerate(figure.frames):
        drawing = still + markup(_scene(figure, figure.place(frame), near))
        poses.append(f'<g transform="translate({number(index * width)} 0)">{drawing}</g>')
    whole = [left, top, right + width * (len(figure.frames) - 1), bottom]
    return view_box(whole), f"<g {DRAWING}>{''.join(poses)}</g>"


def motion_svg(exercise: Exercise) -> str:
    """The exercise page's figure: the moving drawing and the key poses, one line of HTML.
    Styles decide which is shown (the key poses for reduced motion and print)."""
    figure = exercise.figure
    assert figure is not None
    moving_box, moving = moving_drawing(figure, exercise.slug)
    keys_box, keys = key_poses_drawing(figure)
    alt = escape(alt_text(exercise))
    return (
        f'<svg class="kg-figure__svg kg-motion__moving" viewBox="{moving_box}" role="img">'
        f"<title>{alt} {escape(moves_in_words(figure))}</title>{moving}</svg>"
        f'<svg class="kg-figure__svg kg-motion__keys" viewBox="{keys_box}" role="img">'
        f"<title>{alt} The positions are drawn side by side, the start on the left."
        f"</title>{keys}</svg>"
    )
