"""The SVG figures: mirror images, small, named, in theme colours, on every exercise."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import TOLERANCE, Figure, place
from kneeguide.content.kinematics import LIMB_RADIUS, radius
from kneeguide.pages.figures import (
    HALO,
    PROP,
    PROP_FILL,
    SCALE,
    STEP_AHEAD,
    Shape,
    figure_file,
    figure_thumbnail,
    moving_props,
    project,
)
from kneeguide.pages.program import program_data
from kneeguide.pages.render import render_pages

from ..content.test_kinematics import frames


@given(frames, st.sampled_from(["side", "front", "above"]), st.floats(0, 60))
def test_a_figure_facing_left_is_the_mirror_image(frame, view: str, tilt: float) -> None:
    right = Figure(view=view, moves="pelvis", frames=(frame, frame), tilt=tilt)  # type: ignore[arg-type]
    left = dataclasses.replace(right, facing="left")
    for point in place(frame).values():
        (xr, yr), (xl, yl) = project(point, right), project(point, left)
        assert (xl, yl) == (-xr, yr)


def test_mirrored_drawings_are_mirror_images(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        assert exercise.figure is not None
        mirrored = dataclasses.replace(
            exercise, figure=dataclasses.replace(exercise.figure, facing="left")
        )
        box = [float(v) for v in re.search(r'viewBox="([^"]+)"', figure_file(exercise))[1].split()]
        flipped = [
            float(v) for v in re.search(r'viewBox="([^"]+)"', figure_file(mirrored))[1].split()
        ]
        assert flipped[0] == pytest.approx(-(box[0] + box[2]), abs=0.11)
        assert flipped[1:] == pytest.approx(box[1:], abs=0.11)


def test_every_exercise_has_a_figure(catalog: Catalog) -> None:
    assert [e.slug for e in catalog.exercises if e.figure is None] == []


def test_figures_are_small_named_and_in_theme_colours(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        svg = figure_file(exercise)
        assert len(svg.encode()) < 6000, exercise.slug
        assert re.match(
            r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="[-\d. ]+"><title>.{20,}</title>', svg
        )
        colours = set(re.findall(r'(?:stroke|fill)="([^"]+)"', svg))
        assert all(c in ("none", "currentColor") or c.startswith("var(--md-") for c in colours)


def test_standalone_file_holds_a_group_the_pages_reuse(catalog: Catalog) -> None:
    exercise = catalog.exercise("clam-shell")
    assert '<g id="figure" fill="none"' in figure_file(exercise)
    thumb = figure_thumbnail(exercise, "../assets/figures/clam-shell.svg")
    assert '<use href="../assets/figures/clam-shell.svg#figure"/>' in thumb
    assert 'aria-hidden="true"' in thumb


def test_figure_on_the_exercise_page_and_the_index_cards(catalog: Catalog) -> None:
    pages = render_pages(catalog)
    assert (
        '<figure class="kg-figure kg-motion" data-search-exclude><svg class="kg-figure__svg kg-motion__moving"'
        in pages["exercises/clam-shell.md"]
    )
    index = pages["exercises/index.md"]
    assert index.count('<div class="grid cards" markdown>') >= 2
    assert index.count("kg-figure__thumb") == len(catalog.exercises)


def test_program_data_carries_each_figure(catalog: Catalog) -> None:
    data = program_data(catalog)
    clam = next(e for e in data["exercises"] if e["slug"] == "clam-shell")
    assert clam["figure"]["href"] == "../assets/figures/clam-shell.svg"
    assert re.fullmatch(r"[-\d. ]+", clam["figure"]["viewBox"])
    assert clam["figure"]["alt"].startswith("Start: lying on your side")


def test_the_trunk_is_an_outline_not_a_dark_block(catalog: Catalog) -> None:
    """Every body-coloured filled path (the trunk's silhouette) is followed by the same outline
    filled with the background, so a trunk seen from the front is hollow."""
    for exercise in catalog.exercises:
        svg = figure_file(exercise)
        filled = re.findall(
            r'<path d="([^"]+)" fill="currentColor"[^>]*/><path d="([^"]+)" fill="([^"]+)"', svg
        )
        assert filled, exercise.slug
        assert svg.count('fill="currentColor" stroke="currentColor"') == len(filled)
        assert all(a == b and fill == HALO for a, b, fill in filled), exercise.slug


def _moving_props(catalog: Catalog, slug: str) -> tuple[list[Shape], list[Shape]]:
    figure = catalog.exercise(slug).figure
    assert figure is not None
    return moving_props(figure, figure.place(figure.frames[-1]))


def _circle(shape: Shape) -> tuple[float, float, float]:
    """Centre and radius of a circle drawn by ``dot``."""
    x, y, r = map(float, re.match(r"M([-\d.]+) ([-\d.]+)a([\d.]+) ", shape.d).groups())  # type: ignore[union-attr]
    return x + r, y, r


def test_a_foam_roller_and_a_ball_look_different(catalog: Catalog) -> None:
    roller, _ = _moving_props(catalog, "foam-roller-release")
    (ball,), _ = _moving_props(catalog, "lacrosse-ball-release")
    tube, core = roller
    assert _circle(core)[2] < _circle(tube)[2]  # a hollow core inside the tube
    assert f'fill="{PROP_FILL}"' in tube.attributes
    assert ball.attributes == f'fill="{PROP}"'  # solid
    assert _circle(ball)[2] < _circle(tube)[2] / 2


def test_a_massage_gun_rests_on_the_treated_limb(catalog: Catalog) -> None:
    figure = catalog.exercise("massage-gun-release").figure
    assert figure is not None
    for frame in figure.frames:
        points = figure.place(frame)
        *_, head = moving_props(figure, points)[1]
        x, y, r = _circle(head)
        hip, knee = (project(points[n], figure) for n in ("left-hip", "left-knee"))
        assert min(hip[0], knee[0]) <= x <= max(hip[0], knee[0])
        t = (x - hip[0]) / (knee[0] - hip[0])
        surface = hip[1] + (knee[1] - hip[1]) * t - LIMB_RADIUS * SCALE
        assert y + r == pytest.approx(surface, abs=0.15)


def test_the_step_down_heel_lowers_to_the_floor_in_front_of_the_step(catalog: Catalog) -> None:
    """The exercise's steps: lower the free heel towards the floor and touch it down."""
    figure = catalog.exercise("step-down").figure
    assert figure is not None
    assert figure.moves == "right-heel"
    start, end = (figure.place(frame) for frame in (figure.frames[0], figure.frames[-1]))
    assert end["right-heel"][1] - radius("right-heel") == pytest.approx(0, abs=TOLERANCE)
    assert end["right-heel"][1] < start["right-heel"][1] - 0.04
    step_front = project(end["left-toe"], figure)[0] + STEP_AHEAD
    assert project(end["right-heel"], figure)[0] - radius("right-heel") * SCALE > step_front
