"""The moving figure is the sampled poses, drawn by the stills' code; small and in theme colours."""

from __future__ import annotations

import re

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import Beat, Figure, Frame
from kneeguide.content.motion import moves_in_words, timeline
from kneeguide.pages.figures import alt_text, body_shapes, moving_props, near_side
from kneeguide.pages.motion import motion_svg


def _attribute(tag: str, name: str) -> str:
    found = re.search(rf' {name}="([^"]*)"', tag)
    assert found, (name, tag)
    return found[1]


def test_the_animation_plays_the_sampled_poses(catalog: Catalog) -> None:
    """Every animated path's values are that path in each sampled pose, at the pose's time."""
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        samples = timeline(figure)
        near = near_side(figure.place(figure.frames[0]), figure)
        tracks = set()
        scenes = []
        for _, frame in samples:
            points = figure.place(frame)
            under, over = moving_props(figure, points)
            scenes.append([*under, *body_shapes(points, figure, near), *over])
        for index in range(len(scenes[0])):
            track = tuple(scene[index].d for scene in scenes)
            if len(set(track)) > 1:
                tracks.add(track)
        moving = motion_svg(exercise).split("</svg>")[0]
        animates = re.findall(r"<animate [^>]+/>", moving)
        assert {tuple(_attribute(a, "values").split(";")) for a in animates} == tracks
        total = samples[-1][0]
        for animate in animates:
            assert _attribute(animate, "attributeName") == "d"
            assert _attribute(animate, "repeatCount") == "indefinite"
            assert float(_attribute(animate, "dur").removesuffix("s")) == round(total, 1)
            times = [float(t) for t in _attribute(animate, "keyTimes").split(";")]
            assert times == [round(t / total, 4) for t, _ in samples]
            assert times[0] == 0
            assert times[-1] == 1


def test_the_moving_figure_is_small_named_and_in_theme_colours(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        html = motion_svg(exercise)
        assert len(html.encode()) < 14_000, exercise.slug
        assert "\n" not in html
        colours = set(re.findall(r'(?:stroke|fill)="([^"]+)"', html))
        assert all(c in ("none", "currentColor") or c.startswith("var(--md-") for c in colours)
        titles = [
            *re.findall(r"<title>([^<]+)</title>", html),
            *re.findall(r'aria-label="([^"]+)"', html),
        ]
        assert len(titles) == 2
        alt = alt_text(exercise).replace('"', "&quot;").replace("'", "&#x27;")
        assert all(title.startswith(alt) for title in titles)
        assert titles[0].endswith(moves_in_words(figure))
        assert not re.search(r"\bsecond", " ".join(titles))  # timings are not a dose


def test_the_key_poses_are_the_key_frames_in_order(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        keys = motion_svg(exercise).split("</svg>", 1)[1]
        assert re.match(
            r'<div class="kg-motion__keys kg-motion__keys--(wide|tall)" role="img"', keys
        )
        label = _attribute(keys, "aria-label")
        assert label.endswith("The positions are drawn in order, the start first.")
        poses = re.findall(
            r'<svg class="kg-motion__key" viewBox="([^"]+)" aria-hidden="true"', keys
        )
        assert len(poses) == len(figure.frames)
        assert len(set(poses)) == 1  # one scale, so the poses compare
        assert "<animate" not in keys


def test_words_of_a_repetition() -> None:
    figure = Figure(
        view="side",
        moves="pelvis",
        frames=(Frame("standing-both"),) * 3,
        repetition=(
            Beat(move_to=1, seconds=1),
            Beat(move_to=2, seconds=1),
            Beat(hold=2),
            Beat(move_to=0, seconds=3),
        ),
    )
    assert moves_in_words(figure) == (
        "The moving drawing moves to position 2, moves to the end position, holds still, "
        "goes back to the start, and repeats."
    )
