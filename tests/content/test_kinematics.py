"""Properties of the body's forward kinematics and of placing it on the floor."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import CONTACT_WORDS, CONTACTS, RANGES, TOLERANCE, Frame, place
from kneeguide.content.kinematics import SEGMENTS, Angles, distance, lowest, radius, solve


def angle(name: str) -> st.SearchStrategy[float]:
    low, high, _ = RANGES[name]
    return st.floats(min_value=low, max_value=high, allow_nan=False)


def pair(name: str) -> st.SearchStrategy[tuple[float, float]]:
    return st.tuples(angle(name), angle(name))


frames = st.builds(
    Frame,
    contact=st.sampled_from(sorted(CONTACTS)),
    trunk=angle("trunk"),
    trunk_side=angle("trunk_side"),
    head=angle("head"),
    **{
        name: pair(name)
        for name, (low, _, _) in RANGES.items()
        if name not in ("trunk", "trunk_side", "head")
    },
)


@given(frames)
def test_segment_lengths_are_the_same_in_every_pose(frame: Frame) -> None:
    rest = solve(Angles())
    posed = place(frame)
    for a, b in SEGMENTS:
        assert math.isclose(distance(posed[a], posed[b]), distance(rest[a], rest[b]), abs_tol=1e-9)


@given(frames)
def test_the_body_is_lowered_onto_its_contact(frame: Frame) -> None:
    points = place(frame)
    names = [name for group in CONTACTS[frame.contact] for name in group]
    assert math.isclose(lowest(points, names)[1], 0.0, abs_tol=1e-9)


def test_rest_pose_stands_upright_with_winter_proportions() -> None:
    points = solve(Angles())
    height = points["head"][1] + 0.065 - points["left-heel"][1] + 0.027
    assert 0.95 < height < 1.05
    assert math.isclose(distance(points["left-hip"], points["left-knee"]), 0.245)


def test_every_exercise_rests_on_its_contact(catalog: Catalog) -> None:
    """No part below the floor; each contact group on the floor, or on the prop carrying it."""
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None, f"{exercise.slug} has no figure"
        carried = {name: height for name, (_, height) in figure.supports().items()}
        for index, frame in enumerate(figure.frames):
            points = figure.place(frame)
            assert lowest(points, points)[1] >= -TOLERANCE, (exercise.slug, index)
            for group in CONTACTS[frame.contact]:
                gaps = [points[n][1] - radius(n) - carried.get(n, 0.0) for n in group]
                assert min(gaps) <= TOLERANCE, (exercise.slug, index, group)
            for name, height in carried.items():
                assert abs(points[name][1] - radius(name) - height) <= TOLERANCE


@pytest.mark.parametrize("contact", sorted(CONTACTS))
def test_every_contact_has_words(contact: str) -> None:
    assert CONTACT_WORDS[contact]
