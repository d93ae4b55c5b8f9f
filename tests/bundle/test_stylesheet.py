"""Material's stylesheets and the site's joined into one file (kneeguide/bundle/stylesheet.py),
on small files and in the real build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.headers import HASHED
from kneeguide.bundle.stylesheet import CHARSET, joined, theme_stylesheets


def sheet(folder: Path, name: str, text: str) -> Path:
    path = folder / "assets" / "stylesheets" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_joined_file_keeps_the_order_one_charset_and_no_source_maps(tmp_path: Path) -> None:
    main = sheet(
        tmp_path,
        "main.1.min.css",
        f"{CHARSET}a{{color:red}}\n/*# sourceMappingURL=main.1.min.css.map*/",
    )
    palette = sheet(tmp_path, "palette.2.min.css", "b{color:blue}/*# sourceMappingURL=p.map*/")
    guide = sheet(tmp_path, "guide.css", "a{color:green}")
    result = joined(
        [
            ("assets/stylesheets/main.1.min.css", main),
            ("assets/stylesheets/palette.2.min.css", palette),
        ],
        [("assets/stylesheets/guide.css", guide)],
    )
    assert result.text.startswith(CHARSET)
    assert result.text.count(CHARSET) == 1
    assert "sourceMappingURL" not in result.text
    assert (
        result.text.index("color:red")
        < result.text.index("color:blue")
        < result.text.index("color:green")
    )
    assert HASHED.search(result.name)
    assert result.name.startswith("assets/stylesheets/guide.")
    assert set(result.replaced) == {
        "assets/stylesheets/main.1.min.css",
        "assets/stylesheets/main.1.min.css.map",
        "assets/stylesheets/palette.2.min.css",
        "assets/stylesheets/palette.2.min.css.map",
        "assets/stylesheets/guide.css",
    }
    guide.write_text("a{color:olive}", encoding="utf-8")
    assert joined([], [("assets/stylesheets/guide.css", guide)]).name != result.name


@pytest.mark.parametrize(
    ("names", "palette", "found"),
    [
        (["main.1.min.css", "palette.2.min.css"], True, ["main.1.min.css", "palette.2.min.css"]),
        (["main.1.min.css", "palette.2.min.css"], False, ["main.1.min.css"]),
        (["main.1.min.css", "main.3.min.css"], False, None),
        (["palette.2.min.css"], True, None),
    ],
)
def test_the_theme_has_one_file_of_each(
    tmp_path: Path, names: list[str], palette: bool, found: list[str] | None
) -> None:
    for name in names:
        sheet(tmp_path, name, "")
    if found is None:
        with pytest.raises(BundleError, match="expected one"):
            theme_stylesheets([tmp_path], palette)
    else:
        assert [path for path, _ in theme_stylesheets([tmp_path], palette)] == [
            f"assets/stylesheets/{name}" for name in found
        ]


def test_every_page_links_the_one_joined_stylesheet(built_site: Path) -> None:
    """Only the program page adds its own; Material's files are neither linked nor shipped."""
    shipped = sorted(p.name for p in (built_site / "assets" / "stylesheets").iterdir())
    assert [name for name in shipped if name != "program.css"] == [
        next(n for n in shipped if n.startswith("guide."))
    ]
    joined_text = (built_site / "assets" / "stylesheets" / shipped[0]).read_text(encoding="utf-8")
    assert "--md-primary-fg-color" in joined_text
    assert "[data-md-color-scheme=slate]" in joined_text
    assert ".kg-motion" in joined_text
    for page in built_site.rglob("*.html"):
        links = re.findall(
            r'<link rel="stylesheet" href="[^"]*/(?:assets/stylesheets/)?([^"/]+)"',
            page.read_text(encoding="utf-8"),
        )
        expected = [shipped[0], "program.css"] if page.parent.name == "program" else [shipped[0]]
        assert links == expected, page
