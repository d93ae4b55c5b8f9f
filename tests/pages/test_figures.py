"""The SVG figures: mirror images, small, named, in theme colours, on every exercise."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import Figure, place
from kneeguide.pages.figures import figure_file, figure_svg, figure_thumbnail, project
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
        box = [float(v) for v in re.search(r'viewBox="([^"]+)"', figure_svg(exercise))[1].split()]
        flipped = [
            float(v) for v in re.search(r'viewBox="([^"]+)"', figure_svg(mirrored))[1].split()
        ]
        assert flipped[0] == pytest.approx(-(box[0] + box[2]), abs=0.11)
        assert flipped[1:] == pytest.approx(box[1:], abs=0.11)


def test_every_exercise_has_a_figure(catalog: Catalog) -> None:
    assert [e.slug for e in catalog.exercises if e.figure is None] == []


def test_figures_are_small_named_and_in_theme_colours(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        svg = figure_svg(exercise)
        assert len(svg.encode()) < 6000, exercise.slug
        assert re.match(
            r'<svg class="kg-figure__svg" viewBox="[-\d. ]+" role="img"><title>.{20,}</title>', svg
        )
        assert "\n" not in svg  # a raw HTML block in Markdown
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
        '<figure class="kg-figure"><svg class="kg-figure__svg"' in pages["exercises/clam-shell.md"]
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
