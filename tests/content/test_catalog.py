from __future__ import annotations

from pathlib import Path

import pytest

from kneeguide.content.catalog import load_catalog
from kneeguide.content.errors import ContentError

from ..content_tree import MINIMAL, write_tree


def problems(tmp_path: Path, changes: dict[str, str | None]) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_catalog(write_tree(tmp_path, changes))
    return [str(p) for p in caught.value.problems]


def test_minimal_tree_loads(tmp_path: Path) -> None:
    catalog = load_catalog(write_tree(tmp_path))
    assert [e.slug for e in catalog.exercises] == ["clam-shell"]
    assert catalog.exercises_for(catalog.cause("weakness")) == catalog.exercises


EXERCISE = MINIMAL["exercises/clam-shell.yaml"]
TOPIC = MINIMAL["topics/scans.yaml"]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {
                "exercises/clam-shell.yaml": EXERCISE.replace(
                    "causes: [weakness]", "causes: [weakness, tightness]"
                )
            },
            'content/exercises/clam-shell.yaml:15: causes[1]: no cause has the slug "tightness"',
            id="unknown-cause",
        ),
        pytest.param(
            {"exercises/clam-shell.yaml": EXERCISE + "progressions: [lunge]\n"},
            'content/exercises/clam-shell.yaml:20: progressions[0]: no exercise has the slug "lunge"',
            id="unknown-exercise",
        ),
        pytest.param(
            {"exercises/clam-shell.yaml": EXERCISE + "regressions: [clam-shell]\n"},
            "content/exercises/clam-shell.yaml:20: regressions[0]: an exercise cannot lead to itself",
            id="self-link",
        ),
        pytest.param(
            {
                "causes/weakness.yaml": MINIMAL["causes/weakness.yaml"].replace(
                    "[ref-one]", "[ref-two]"
                )
            },
            'content/causes/weakness.yaml:7: references[0]: no reference has the slug "ref-two"',
            id="unknown-reference",
        ),
        pytest.param(
            {
                "symptoms/ache.yaml": MINIMAL["symptoms/ache.yaml"].replace(
                    "A dull ache [@ref-one].", "Dull [@nobody]."
                )
            },
            "content/symptoms/ache.yaml:4: description: cites [@nobody], which is not a reference",
            id="unknown-citation",
        ),
        pytest.param(
            {"exercises/bridge.yaml": EXERCISE.replace("name: Clam shell", "name: Bridge")},
            'content/exercises/clam-shell.yaml:1: slug: "clam-shell" is already used by content/exercises/bridge.yaml:1',
            id="duplicate-slug",
        ),
        pytest.param(
            {
                "exercises/bridge.yaml": EXERCISE.replace(
                    "slug: clam-shell", "slug: bridge\nformer_slugs: [clam-shell]"
                )
            },
            'content/exercises/clam-shell.yaml:1: slug: "clam-shell" is already used by content/exercises/bridge.yaml:1',
            id="former-slug-taken",
        ),
        pytest.param(
            {
                "references/ref-one.yaml": MINIMAL["references/ref-one.yaml"].replace(
                    "number: 1", "number: 2"
                )
            },
            "content/references/ref-one.yaml:2: number: references must be numbered 1 to 1",
            id="reference-numbering",
        ),
        pytest.param(
            {name: None for name in MINIMAL if name.startswith("red-flags/")},
            "content/red-flags:1: this folder holds no items",
            id="empty-folder",
        ),
        pytest.param(
            {
                "red-flags/hot-knee.yaml": MINIMAL["red-flags/hot-knee.yaml"].replace(
                    "code: hot_knee", "code: rash"
                )
            },
            'content/red-flags/hot-knee.yaml:2: code: the calculator has no sign "rash"',
            id="unknown-code",
        ),
        pytest.param(
            {
                "red-flags/hot-knee.yaml": MINIMAL["red-flags/hot-knee.yaml"].replace(
                    "code: hot_knee", "code: swelling"
                )
            },
            'content/red-flags/swelling.yaml:2: code: "swelling" is already used by',
            id="code-twice",
        ),
        pytest.param(
            {"red-flags/hot-knee.yaml": None},
            "content/red-flags:1: code: no red flag gives the words for the calculator's sign "
            '"hot_knee"',
            id="code-without-words",
        ),
        pytest.param(
            {
                "topics/scans.yaml": TOPIC.replace(
                    "After an injury [@editorial].", "After an injury."
                )
            },
            "content/topics/scans.yaml:7: sections[0].paragraphs[0]: say what this rests on",
            id="topic-claim-without-basis",
        ),
        pytest.param(
            {
                "topics/scans.yaml": TOPIC.replace(
                    "references: [ref-one]",
                    '  - heading: When a scan helps\n    paragraphs: ["Rarely [@ref-one]."]\n'
                    "references: [ref-one]",
                )
            },
            'content/topics/scans.yaml:8: sections[1].heading: "When a scan helps" is already a '
            "heading here",
            id="topic-heading-twice",
        ),
        pytest.param(
            {"topics/scans.yaml": TOPIC.replace("references: [ref-one]", "references: [ref-two]")},
            'content/topics/scans.yaml:8: references[0]: no reference has the slug "ref-two"',
            id="topic-unknown-reference",
        ),
        pytest.param(
            {"notes.txt": "hello"},
            "content/notes.txt:1: unexpected entry: expected only condition, symptoms",
            id="unexpected-file",
        ),
        pytest.param(
            {"causes/weakness.yml": "slug: x\n"},
            "content/causes/weakness.yml:1: expected a .yaml file",
            id="wrong-suffix",
        ),
        pytest.param(
            {
                "condition/second.yaml": MINIMAL["condition/runners-knee.yaml"].replace(
                    "slug: runners-knee", "slug: other"
                )
            },
            "content/condition/second.yaml:1: there can be only one condition file",
            id="two-conditions",
        ),
    ],
)
def test_tree_problems_are_located(
    tmp_path: Path, changes: dict[str, str | None], expected: str
) -> None:
    found = problems(tmp_path, changes)
    assert any(p.startswith(expected) for p in found), found


def test_missing_folder(tmp_path: Path) -> None:
    content = write_tree(tmp_path)
    for path in (content / "timelines").iterdir():
        path.unlink()
    (content / "timelines").rmdir()
    with pytest.raises(ContentError, match=r"content/timelines:1: this folder is missing"):
        load_catalog(content)


def test_missing_content_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="the content folder does not exist"):
        load_catalog(tmp_path / "content")


def test_all_problems_reported_at_once_sorted_by_file_and_line(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        {
            "symptoms/ache.yaml": MINIMAL["symptoms/ache.yaml"].replace("order: 1", "order: one"),
            "causes/weakness.yaml": MINIMAL["causes/weakness.yaml"] + "colour: red\n",
            "exercises/clam-shell.yaml": EXERCISE.replace("[weakness]", "[strength]"),
        },
    )
    assert [p.split(":")[0] for p in found] == [
        "content/causes/weakness.yaml",
        "content/exercises/clam-shell.yaml",
        "content/symptoms/ache.yaml",
    ]


def test_a_broken_item_does_not_make_links_to_it_errors_too(tmp_path: Path) -> None:
    found = problems(
        tmp_path, {"exercises/clam-shell.yaml": EXERCISE.replace("order: 1", "order: one")}
    )
    assert found == ['content/exercises/clam-shell.yaml:4: order: expected an integer, got "one"']
