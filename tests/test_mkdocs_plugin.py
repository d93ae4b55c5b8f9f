"""The real MkDocs build, through the plugin, on the real content and on broken fixture trees;
the plugin's settings in mkdocs.yml."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kneeguide.bundle.inline import inline_scripts, source_of
from kneeguide.mkdocs_plugin import placeholder_warning
from kneeguide.pages.render import Clinic
from kneeguide.settings import SettingsError, engine_config, read_settings

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


def with_options(tmp_path: Path, options: str) -> Path:
    """A fixture project whose plugin options are ``options`` (YAML, indented six spaces)."""
    config = fixture_project(tmp_path)
    text = config.read_text(encoding="utf-8")
    start = text.index("  - kneeguide:\n")
    end = text.index("\n\n", start)
    config.write_text(text[:start] + "  - kneeguide:\n" + options + text[end:], encoding="utf-8")
    return config


CSP = (
    "      csp:\n        default: \"default-src 'self'\"\n"
    "        calculator: \"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'\"\n"
)


def test_the_clinic_is_printed_on_every_handout(tmp_path: Path) -> None:
    clinic = "      clinic:\n        name: Riverside Physio\n        contact: 01234 567890\n"
    config = with_options(tmp_path, CSP + clinic)
    assert read_settings(config)[1].clinic == Clinic("Riverside Physio", "01234 567890")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in ("exercises/clam-shell", "program"):
        html = (tmp_path / "site" / page / "index.html").read_text("utf-8")
        assert "Riverside Physio" in html
        assert "01234 567890" in html


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("      csp:\n        calculator: \"default-src 'self'\"\n", "needs a 'default' policy"),
        (CSP + "      clinic:\n        name: ' '\n", "clinic.name is empty"),
        (CSP + "      clinic:\n        name: A\n        phone: 1\n", "phone"),
        ("      csp: strict\n", "csp"),
    ],
)
def test_bad_settings_stop_the_build_with_the_setting_named(
    tmp_path: Path, options: str, message: str
) -> None:
    config = with_options(tmp_path, options)
    with pytest.raises(SettingsError, match=message):
        read_settings(config)
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    ("site_url", "warned"),
    [
        (None, True),
        ("", True),
        ("https://knee-guide.example.org/", True),
        ("https://physio.example.com/knee/", False),
    ],
)
def test_a_placeholder_address_is_warned_about(site_url: str | None, warned: bool) -> None:
    warning = placeholder_warning(site_url)
    assert (warning is not None) == warned
    if warning:
        assert "PLACEHOLDER ADDRESS" in warning


def test_the_engine_config_keeps_the_site_and_drops_the_plugin() -> None:
    config, settings = read_settings(ROOT / "mkdocs.yml")
    scripts = inline_scripts(ROOT / "docs")
    hashes = " ".join(source_of(text) for text in scripts.values())
    written = engine_config(config, settings, scripts)
    assert written["plugins"] == [p for p in config["plugins"] if "kneeguide" not in p]
    assert any("search" in p for p in written["plugins"])
    assert "hooks" not in written
    assert "watch" not in written
    assert set(written["extra"]["csp"]) == set(settings.csp)
    for name, policy in written["extra"]["csp"].items():
        assert f" {hashes};" in policy
        assert policy.replace(f" {hashes}", "").startswith(settings.csp[name])
        assert "'unsafe-inline'" not in policy.split("style-src-elem")[0]
    assert written["nav"] == config["nav"]
    assert written["theme"]["custom_dir"] == "overrides"
