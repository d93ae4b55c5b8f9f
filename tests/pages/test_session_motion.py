"""What the guided session takes from the moving figure: one repetition's timing, and a
standalone file of the moving drawing and its key poses that the program page reuses."""

from __future__ import annotations

import re

import pytest

from kneeguide.content.catalog import Catalog
from kneeguide.content.figure import Beat, Figure, Frame
from kneeguide.content.motion import timeline
from kneeguide.pages.motion import motion_svg, moving_file, moving_files, moving_path, tempo
from kneeguide.pages.program import program_data


def _figure(frames: int, *beats: Beat) -> Figure:
    return Figure(
        view="side", moves="pelvis", frames=(Frame("standing-both"),) * frames, repetition=beats
    )


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        (
            _figure(2, Beat(move_to=1, seconds=2), Beat(hold=5), Beat(move_to=0, seconds=1)),
            {"out": 2, "hold": 5, "back": 1, "tail": 0},
        ),
        (
            _figure(
                2,
                Beat(move_to=1, seconds=0.4),
                Beat(move_to=0, seconds=0.4),
                Beat(hold=1),
            ),
            {"out": 0.4, "hold": 0, "back": 0.4, "tail": 1},
        ),
        (
            _figure(
                3,
                Beat(hold=1),
                Beat(move_to=1, seconds=1.5),
                Beat(move_to=2, seconds=1.5),
                Beat(hold=1),
                Beat(move_to=1, seconds=1.5),
                Beat(move_to=0, seconds=1.5),
                Beat(hold=2),
            ),
            {"out": 4, "hold": 1, "back": 3, "tail": 2},
        ),
        (_figure(2), {"out": 2, "hold": 1, "back": 2, "tail": 1}),
    ],
    ids=["hold at the end", "no hold", "a middle frame and a hold first", "the default"],
)
def test_a_repetitions_timing(figure: Figure, expected: dict[str, float]) -> None:
    assert tempo(figure) == expected


def test_the_timing_adds_up_to_the_moving_drawings_cycle(catalog: Catalog) -> None:
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        assert sum(tempo(figure).values()) == pytest.approx(timeline(figure)[-1][0]), exercise.slug


def test_the_standalone_file_holds_the_moving_drawing_and_the_key_poses(
    catalog: Catalog,
) -> None:
    files = moving_files(catalog)
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        text = files[moving_path(exercise.slug)]
        assert text == moving_file(exercise)
        assert text.startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox=')
        poses = re.findall(r'<g id="pose-(\d+)">', text)
        assert poses == [str(index) for index in range(len(figure.frames))]
        page = motion_svg(exercise)
        assert re.findall(r"<animate [^>]+/>", text) == re.findall(r"<animate [^>]+/>", page)
        assert "<animate" not in text.split('<g id="moving">')[0]  # the key poses never move
        assert len(text.encode()) < 16_000, exercise.slug


def test_the_program_page_names_each_moving_file_and_its_timing(catalog: Catalog) -> None:
    data = {e["slug"]: e for e in program_data(catalog)["exercises"]}
    for exercise in catalog.exercises:
        figure = exercise.figure
        assert figure is not None
        motion = data[exercise.slug]["figure"]["motion"]
        assert motion["href"] == "../" + moving_path(exercise.slug)
        assert motion["poses"] == len(figure.frames)
        assert motion["tempo"] == tempo(figure)
    words = program_data(catalog)["session"]
    assert words["start"] == catalog.session.start
    assert "slug" not in words
    assert "review" not in words
