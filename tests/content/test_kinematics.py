"""Properties of the body's forward kinematics and of placing it on the floor."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import (
    AIRBORNE,
    CONTACT_WORDS,
    CONTACTS,
    RANGES,
    SUPPORT_HEIGHT,
    TOLERANCE,
    Figure,
    Frame,
    Prop,
    place,
)
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
    assert math.isclose(lowest(points, names)[1], AIRBORNE.get(frame.contact, 0.0), abs_tol=1e-9)


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
        for index, frame in enumerate(figure.frames):
            carried = {name: height for name, (_, height) in figure.carried(frame).items()}
            points = figure.place(frame)
            assert lowest(points, points)[1] >= -TOLERANCE, (exercise.slug, index)
            for group in CONTACTS[frame.contact]:
                gaps = [points[n][1] - radius(n) - carried.get(n, 0.0) for n in group]
                above = AIRBORNE.get(frame.contact, 0.0)
                assert min(gaps) - above <= TOLERANCE, (exercise.slug, index, group)
            for name, height in carried.items():
                assert abs(points[name][1] - radius(name) - height) <= TOLERANCE
            for name, (_, height) in figure.supports().items():
                assert points[name][1] - radius(name) - height >= -TOLERANCE, (exercise.slug, name)


@given(frames, frames)
def test_an_anchored_point_stays_where_it_is_in_the_first_frame(start: Frame, end: Frame) -> None:
    figure = Figure(view="side", moves="pelvis", frames=(start, end), anchor="left-heel")
    first, last = figure.place(start)["left-heel"], figure.place(end)["left-heel"]
    assert math.isclose(first[0], last[0], abs_tol=1e-9)
    assert math.isclose(first[2], last[2], abs_tol=1e-9)
    # Only moved along the floor: heights are those of the unanchored figure.
    free = Figure(view="side", moves="pelvis", frames=(start, end))
    assert all(
        math.isclose(a[1], b[1], abs_tol=1e-12)
        for a, b in zip(figure.place(end).values(), free.place(end).values(), strict=True)
    )


def test_a_chair_carries_the_pelvis_only_while_seated() -> None:
    seated = Frame("seated", trunk=10, hips=(100.0, 100.0), knees=(90.0, 90.0))
    standing = Frame("standing-both")
    figure = Figure(
        view="side", moves="pelvis", frames=(seated, standing), props=(Prop("chair", "pelvis"),)
    )
    assert figure.carried(seated) == {"pelvis": ("chair", SUPPORT_HEIGHT["chair"])}
    assert figure.carried(standing) == {}
    sitting = figure.place(seated)
    assert math.isclose(
        sitting["pelvis"][1] - radius("pelvis"), SUPPORT_HEIGHT["chair"], abs_tol=TOLERANCE
    )
    assert lowest(sitting, ("left-heel", "left-toe"))[1] <= TOLERANCE  # feet on the floor too
    assert figure.place(standing)["pelvis"][1] > sitting["pelvis"][1]


@pytest.mark.parametrize("contact", sorted(CONTACTS))
def test_every_contact_has_words(contact: str) -> None:
    assert CONTACT_WORDS[contact]


def test_a_hop_is_off_the_floor_by_the_hop_height() -> None:
    hop = place(Frame("hopping", ankles=(-40.0, -40.0)))
    name, surface = lowest(hop, hop)
    assert name.endswith("-toe")
    assert math.isclose(surface, AIRBORNE["hopping"], abs_tol=1e-9)
