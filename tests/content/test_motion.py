"""The moving figure's poses: the stills' properties at every sampled pose of every repetition,
and between samples as the browser blends them; bad repetitions are located content errors."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import (
    AIRBORNE,
    CONTACTS,
    TOLERANCE,
    Beat,
    Figure,
    Frame,
)
from kneeguide.content.kinematics import SEGMENTS, Angles, Vec, distance, lowest, radius, solve
from kneeguide.content.motion import ANGLE_STEP, BLEND_ERROR, largest_turn, timeline

from .test_figure import FIGURE, FILE, problems
from .test_kinematics import frames

REST = solve(Angles())


def assert_rests_on_its_contact(figure: Figure, frame: Frame, where: object) -> None:
    """The stills' checks: segment lengths, nothing below the floor, every contact group on the
    floor (or on the prop carrying it), carried points on their prop, no point in a prop."""
    points = figure.place(frame)
    for a, b in SEGMENTS:
        assert math.isclose(distance(points[a], points[b]), distance(REST[a], REST[b]))
    carried = {name: height for name, (_, height) in figure.carried(frame).items()}
    assert lowest(points, points)[1] >= -TOLERANCE, where
    for group in CONTACTS[frame.contact]:
        gaps = [points[n][1] - radius(n) - carried.get(n, 0.0) for n in group]
        assert min(gaps) - AIRBORNE.get(frame.contact, 0.0) <= TOLERANCE, (where, group)
    for name, height in carried.items():
        assert abs(points[name][1] - radius(name) - height) <= TOLERANCE, (where, name)
    for name, (_, height) in figure.supports().items():
        assert points[name][1] - radius(name) - height >= -TOLERANCE, (where, name)


def test_every_sampled_pose_of_every_exercise_rests_on_its_contact(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        for index, (_, frame) in enumerate(timeline(figure)):
            assert_rests_on_its_contact(figure, frame, (exercise.slug, index))


def test_an_anchored_point_stays_put_at_every_sample(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        if figure.anchor is None:
            continue
        start = figure.place(figure.frames[0])[figure.anchor]
        for _, frame in timeline(figure):
            here = figure.place(frame)[figure.anchor]
            assert math.isclose(here[0], start[0], abs_tol=1e-9), exercise.slug
            assert math.isclose(here[2], start[2], abs_tol=1e-9), exercise.slug


def _blend(a: dict[str, Vec], b: dict[str, Vec], t: float) -> dict[str, Vec]:
    return {
        n: (
            a[n][0] + (b[n][0] - a[n][0]) * t,
            a[n][1] + (b[n][1] - a[n][1]) * t,
            a[n][2] + (b[n][2] - a[n][2]) * t,
        )
        for n in a
    }


def test_between_samples_segments_keep_their_length_within_one_percent(catalog: Catalog) -> None:
    """The browser blends the drawn points of two samples in a straight line: halfway, where the
    error is largest, every segment is still within 1% of its length, and above the floor."""
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        placed = [figure.place(frame) for _, frame in timeline(figure)]
        for a, b in itertools.pairwise(placed):
            middle = _blend(a, b, 0.5)
            for p, q in SEGMENTS:
                length = distance(REST[p], REST[q])
                assert (
                    abs(distance(middle[p], middle[q]) - length) <= BLEND_ERROR * length + 1e-12
                ), (
                    exercise.slug,
                    p,
                    q,
                )
            assert lowest(middle, middle)[1] >= -TOLERANCE, exercise.slug


def test_no_pose_jumps_between_samples(catalog: Catalog) -> None:
    """A change of contact on the way (a seat left, a foot lifted) never makes the body jump:
    between two samples no point moves more than a fifth of body height."""
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        placed = [figure.place(frame) for _, frame in timeline(figure)]
        for a, b in itertools.pairwise(placed):
            assert max(math.dist(a[n], b[n]) for n in a) < 0.2, exercise.slug


@given(frames, frames, st.floats(0.1, 10), st.floats(0.1, 10))
def test_a_repetition_goes_out_and_back_in_small_turns(
    start: Frame, end: Frame, out: float, hold: float
) -> None:
    figure = Figure(
        view="side",
        moves="pelvis",
        frames=(start, end),
        repetition=(
            Beat(move_to=1, seconds=out),
            Beat(hold=hold),
            Beat(move_to=0, seconds=out),
        ),
    )
    samples = timeline(figure)
    times = [t for t, _ in samples]
    assert times[0] == 0
    assert times[-1] == pytest.approx(2 * out + hold)
    assert all(a < b for a, b in itertools.pairwise(times))
    assert samples[0][1] == start
    assert largest_turn(samples[-1][1], start) == pytest.approx(0, abs=1e-9)
    for (_, a), (_, b) in itertools.pairwise(samples):
        assert largest_turn(a, b) <= ANGLE_STEP + 1e-9


def test_the_default_repetition_goes_through_the_frames_and_back() -> None:
    figure = Figure(
        view="side", moves="pelvis", frames=(Frame("standing-both"),) * 3, repetition=()
    )
    moves = [beat.move_to for beat in figure.beats()]
    assert moves == [1, 2, None, 1, 0, None]


def test_a_repetition_loads() -> None:
    rep = "  repetition:\n    - {move_to: 1, seconds: 2}\n    - hold: 1\n    - {move_to: 0, seconds: 2}\n"
    assert problems(FIGURE + rep) == []


@pytest.mark.parametrize(
    ("repetition", "expected"),
    [
        (
            "    - {move_to: 2, seconds: 2}\n    - {move_to: 0, seconds: 2}\n",
            f"{FILE}:24: figure.repetition[0].move_to: there is no frame 2: frames count from 0",
        ),
        (
            "    - {move_to: 1, seconds: 2}\n",
            f"{FILE}:23: figure.repetition: end the repetition back at the start: move_to 0",
        ),
        (
            "    - {move_to: 1, seconds: 2, hold: 1}\n    - {move_to: 0, seconds: 2}\n",
            f"{FILE}:24: figure.repetition[0].hold: a hold stands alone",
        ),
        (
            "    - {move_to: 1}\n    - {move_to: 0, seconds: 2}\n",
            f"{FILE}:24: figure.repetition[0].seconds: a movement needs move_to and seconds",
        ),
        (
            "    - {move_to: 1, seconds: 2}\n    - hold: 0\n    - {move_to: 0, seconds: 2}\n",
            f"{FILE}:25: figure.repetition[1].hold: give more than 0 and at most 30 seconds",
        ),
        (
            "    - {move_to: 0, seconds: 2}\n",
            f"{FILE}:24: figure.repetition[0].move_to: the body is already at frame 0",
        ),
    ],
)
def test_a_bad_repetition_is_located(repetition: str, expected: str) -> None:
    found = problems(FIGURE + "  repetition:\n" + repetition)
    assert any(p.startswith(expected) for p in found), found


def test_a_pose_through_the_floor_on_the_way_is_located() -> None:
    """Both key frames stand on the floor; the straight blend of their angles lifts the back
    foot off it halfway, which the stills alone would never show."""
    split = """\
figure:
  view: side
  moves: pelvis
  anchor: left-heel
  frames:
    - contact: standing-both
      hips: [15, -30]
      knees: [0, 20]
      ankles: [-15, -20]
    - contact: standing-both
      hips: [75, -5]
      knees: [90, 90]
      ankles: [15, 20]
  repetition:
    - {move_to: 1, seconds: 2}
    - {move_to: 0, seconds: 2}
"""
    found = problems(split)
    assert found[0].startswith(
        f"{FILE}:20: figure.repetition[0]: on the way to frame 1: standing-both needs the right "
        "heel or right toe on the floor, but the body floats"
    )
    assert found[0].endswith("add a frame halfway that keeps the contact")
