"""The real MkDocs build, through the hook, on the real content and on broken fixture trees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, mkdocs_build
from .content_tree import MINIMAL, write_tree
from .pages.test_render import ARTICLE_EXERCISES


@pytest.mark.parametrize("slug", ARTICLE_EXERCISES)
def test_every_article_exercise_has_its_page(built_site: Path, slug: str) -> None:
    html = (built_site / "exercises" / slug / "index.html").read_text(encoding="utf-8")
    assert 'id="steps"' in html
    assert 'id="dosage"' in html
    assert 'id="cautions"' in html


@pytest.mark.parametrize(
    "url",
    [
        "",
        "what-is-runners-knee/",
        "causes/",
        "causes/muscle-weakness/",
        "recovery-time/",
        "treatment/",
        "exercises/",
        "see-a-clinician/",
        "calculator/",
        "references/",
        "about/",
    ],
)
def test_every_section_page_is_built(built_site: Path, url: str) -> None:
    assert (built_site / url / "index.html").is_file()


def test_no_third_party_font_or_script(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, page
        assert "fonts.gstatic.com" not in html, page
        assert 'src="http' not in html, page


def fixture_project(tmp_path: Path, changes: dict[str, str | None] | None = None) -> Path:
    """A project folder with the real configuration, code and runtime, and a small content tree."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    for shared in ("kneeguide", "calculator", "node_modules"):
        (tmp_path / shared).symlink_to(ROOT / shared)
    write_tree(tmp_path, changes)
    return tmp_path / "mkdocs.yml"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_minimal_tree_builds(tmp_path: Path) -> None:
    # The real nav names pages the minimal tree also has, so a strict build must pass.
    config = fixture_project(tmp_path)
    docs = snapshot(tmp_path / "docs")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "exercises" / "clam-shell" / "index.html").is_file()
    # The pages are added in memory: the build writes nothing into docs/.
    assert snapshot(tmp_path / "docs") == docs


def test_bad_content_stops_the_build_and_writes_no_site(tmp_path: Path) -> None:
    bad = MINIMAL["exercises/clam-shell.yaml"].replace(
        "  source: not-given\n", "  source: article\n  sets: three\n"
    )
    config = fixture_project(
        tmp_path, {"exercises/clam-shell.yaml": bad, "symptoms/ache.yaml": "order: [\n"}
    )
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert (
        'content/exercises/clam-shell.yaml:13: dosage.sets: expected an integer, got "three"'
        in result.stderr
    )
    assert "content/symptoms/ache.yaml:2: invalid YAML" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_bad_content_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    config = fixture_project(tmp_path)
    site = tmp_path / "site"
    assert mkdocs_build(config, site).returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (tmp_path / "content" / "causes" / "weakness.yaml").write_text(
        "slug: weakness\n", encoding="utf-8"
    )
    result = mkdocs_build(config, site)
    assert result.returncode != 0
    assert "content/causes/weakness.yaml:1: name: this required field is missing" in result.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
