"""Bad pose data is a content error with file:line:field, one test per kind of mistake."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from kneeguide.content.catalog import load_catalog
from kneeguide.content.errors import ContentError
from kneeguide.content.figure import Figure, Frame, describe

from ..content_tree import MINIMAL, write_tree

FILE = "content/exercises/clam-shell.yaml"

FIGURE = """\
figure:
  view: side
  moves: left-knee
  props:
    - kind: mat
  frames:
    - contact: lying-side
      trunk: 90
      hips: [45, 45]
      knees: [90, 90]
      shoulders: [10, 175]
    - contact: lying-side
      trunk: 90
      hips: [45, 45]
      hip_abduction: [40, 8]
      knees: [90, 90]
      shoulders: [10, 175]
"""


def problems(figure: str) -> list[str]:
    """The problems of the minimal tree's clam shell with ``figure`` added after its summary."""
    text = MINIMAL["exercises/clam-shell.yaml"].replace(
        "summary: Open the knee like a clam.\n", "summary: Open the knee like a clam.\n" + figure
    )
    with tempfile.TemporaryDirectory() as folder:
        try:
            load_catalog(write_tree(Path(folder), {"exercises/clam-shell.yaml": text}))
        except ContentError as error:
            return [str(p) for p in error.problems]
    return []


def test_a_valid_figure_loads() -> None:
    assert problems(FIGURE) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("knees: [90, 90]", "knees: [170, 90]"),
            f"{FILE}:15: figure.frames[0].knees[0]: 170 degrees is beyond a human knee bend "
            "(-5 to 150)",
        ),
        (
            ("      trunk: 90\n", "      trunk: 150\n"),
            f"{FILE}:13: figure.frames[0].trunk: 150 degrees is beyond a human lean",
        ),
        (("hips: [45, 45]", "hips: [45]"), f"{FILE}:14: figure.frames[0].hips: give two angles"),
    ],
)
def test_angle_beyond_a_joint(change: tuple[str, str], expected: str) -> None:
    (found,) = problems(FIGURE.replace(*change, 1))
    assert found.startswith(expected)


def test_body_through_the_floor() -> None:
    standing = FIGURE.replace(
        "contact: lying-side\n      trunk: 90", "contact: lying-back\n      trunk: 0", 1
    )
    (found,) = problems(standing)
    assert found.startswith(f"{FILE}:12: figure.frames[0]: the ")
    assert "cm below the floor" in found


def test_body_floating_above_the_floor() -> None:
    one_foot_up = FIGURE.replace(
        "contact: lying-side\n      trunk: 90\n      hips: [45, 45]\n      knees: [90, 90]",
        "contact: standing-both\n      hips: [0, 60]\n      knees: [0, 60]",
        1,
    )
    (found,) = problems(one_foot_up)
    assert found.startswith(
        f"{FILE}:12: figure.frames[0].contact: standing-both needs the right heel or right toe "
        "on the floor, but the body floats"
    )


def test_body_floating_above_a_prop() -> None:
    roller = FIGURE.replace(
        "    - kind: mat\n", "    - kind: mat\n    - kind: towel\n      at: left-shank\n"
    )
    assert any(
        p.startswith(f"{FILE}:14: figure.frames[0]: the left shank floats")
        for p in problems(roller)
    )


def test_prop_the_equipment_does_not_name() -> None:
    (found,) = problems(FIGURE.replace("kind: mat", "kind: wall\n      at: left-hand"))
    assert found == f"{FILE}:10: figure.props[0].kind: equipment does not name a wall"


def test_unknown_body_point() -> None:
    (found,) = problems(FIGURE.replace("moves: left-knee", "moves: left-kne"))
    assert (
        found
        == f"{FILE}:8: figure.moves: \"left-kne\" is not a body point (did you mean 'left-knee'?)"
    )


def test_one_frame_is_not_a_movement() -> None:
    one = FIGURE[
        : FIGURE.index(
            "    - contact: lying-side\n      trunk: 90\n      hips: [45, 45]\n      hip_abduction"
        )
    ]
    (found,) = problems(one)
    assert found == f"{FILE}:11: figure.frames: give at least two frames: the start and the end"


def test_generated_text_alternative_names_the_position_and_what_moved() -> None:
    figure = Figure(
        view="side",
        moves="left-knee",
        frames=(
            Frame("lying-back", trunk=-90, hips=(55.0, 55.0), knees=(100.0, 100.0)),
            Frame("lying-back", trunk=-115, hips=(0.0, 0.0), knees=(100.0, 100.0)),
        ),
    )
    assert describe(figure) == (
        "Start: lying on your back. End: lying on your back, lean from upright from -90 to -115 "
        "degrees, left hip bend from 55 to 0 degrees, right hip bend from 55 to 0 degrees."
    )


SEATED = """\
figure:
  view: side
  moves: pelvis
  anchor: left-heel
  props:
    - kind: chair
      at: pelvis
  frames:
    - contact: seated
      trunk: 10
      hips: [100, 100]
      knees: [90, 90]
    - contact: standing-both
"""


def chair_problems(figure: str) -> list[str]:
    """``problems`` for a clam shell whose equipment also names a chair."""
    return problems(figure.replace("summary: Open", "equipment: [a mat, a chair]\nsummary: Open"))


def test_standing_up_from_a_chair_loads() -> None:
    assert problems(SEATED) == [f"{FILE}:11: figure.props[0].kind: equipment does not name a chair"]


def test_seated_needs_a_chair() -> None:
    no_chair = SEATED.replace("  props:\n    - kind: chair\n      at: pelvis\n", "")
    (found,) = problems(no_chair)
    assert found == (
        f"{FILE}:11: figure.frames[0].contact: seated needs a chair under the pelvis: "
        "add a prop of kind chair at pelvis"
    )


def test_a_body_sinking_into_the_seat_it_has_left() -> None:
    crouched = SEATED.replace(
        "    - contact: standing-both\n",
        "    - contact: standing-both\n      trunk: 60\n      hips: [125, 125]\n"
        "      knees: [150, 150]\n      ankles: [25, 25]\n",
    )
    (found,) = chair_problems(crouched)
    assert found.startswith(f"{FILE}:18: figure.frames[1]: the pelvis sinks ")
    assert found.endswith("cm into the chair")


def test_unknown_anchor() -> None:
    (found,) = problems(FIGURE.replace("moves: left-knee", "moves: left-knee\n  anchor: left-heal"))
    assert found == (
        f"{FILE}:9: figure.anchor: \"left-heal\" is not a body point (did you mean 'left-heel'?)"
    )


def test_a_massage_gun_treats_a_limb() -> None:
    gun = FIGURE.replace("kind: mat", "kind: massage-gun\n      at: left-hand")
    found = problems(gun.replace("summary: Open", "equipment: [a massage gun]\nsummary: Open"))
    assert found == [
        f"{FILE}:11: figure.props[0].at: a massage gun treats a thigh or a shank: use "
        "left-thigh, left-shank, right-thigh, right-shank"
    ]
