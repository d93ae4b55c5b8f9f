"""The clinical review pack, and sign-offs that hold only for the claims a clinician read."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kneeguide.__main__ import main
from kneeguide.content.catalog import Catalog, load_catalog
from kneeguide.content.errors import ContentError
from kneeguide.pages.render import render_pages
from kneeguide.review import claims, clinically_reviewed, fingerprint, review_pack

from .content_tree import MINIMAL, write_tree

SYMPTOM = "symptoms/ache.yaml"


def load(tmp_path: Path, changes: dict[str, str | None] | None = None) -> Catalog:
    return load_catalog(write_tree(tmp_path, changes))


def signed(text: str, claims_seen: str, name: str = "Sam Example") -> str:
    return text.replace(
        "review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}",
        "review:\n  last: 2026-11-25\n  by: physiotherapist\n  next_due: 2027-05-25\n"
        f"  signed_off: {{name: {name}, role: physiotherapist, date: 2026-12-01, claims: '{claims_seen}'}}",
    )


def test_the_fingerprint_follows_the_claims_only(tmp_path: Path) -> None:
    catalog = load(tmp_path)
    ache = catalog.symptoms[0]
    assert [c.text for c in claims(ache)] == ["A dull ache [@ref-one]."]
    assert fingerprint(dataclasses.replace(ache, order=9)) == fingerprint(ache)
    changed = dataclasses.replace(ache, description="A sharp ache [@ref-one].")
    assert fingerprint(changed) != fingerprint(ache)


CAUSE = "causes/weakness.yaml"


def test_a_sign_off_shows_on_the_page_while_the_claims_are_as_read(tmp_path: Path) -> None:
    seen = fingerprint(load(tmp_path).causes[0])
    signed_tree = load(tmp_path / "signed", {CAUSE: signed(MINIMAL[CAUSE], seen)})
    assert clinically_reviewed(signed_tree.causes[0])
    page = render_pages(signed_tree)["causes/weakness.md"]
    assert "Clinically reviewed by Sam Example (physiotherapist) on 1 December 2026." in page
    edited = MINIMAL[CAUSE].replace("Weak hips", "Weak thighs")
    stale = load(tmp_path / "stale", {CAUSE: signed(edited, seen)})
    assert not clinically_reviewed(stale.causes[0])
    page = render_pages(stale)["causes/weakness.md"]
    assert "Not yet clinically reviewed. The editors last checked it on 25 November 2026." in page
    assert "Sam Example" not in page


def test_a_stale_sign_off_is_named_by_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = MINIMAL[SYMPTOM].replace("A dull ache", "A sharp ache")
    content = write_tree(tmp_path, {SYMPTOM: signed(edited, "0123456789ab")})
    main(["check", str(content)])
    out = capsys.readouterr().out
    assert "content/symptoms/ache.yaml: its claims changed after Sam Example signed them off" in out


def test_a_malformed_fingerprint_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load(tmp_path, {SYMPTOM: signed(MINIMAL[SYMPTOM], "not-a-print")})
    assert "content/symptoms/ache.yaml:9: review.signed_off.claims: copy the 12-character" in str(
        caught.value
    )


def test_the_pack_lists_every_claim_with_its_basis(tmp_path: Path) -> None:
    catalog = load(tmp_path)
    pack = review_pack(catalog, render_pages(catalog), "2026-12-04")
    for item in catalog.items():
        if claims(item):
            assert f"### {catalog.file_of(item)}" in pack
            assert f"Fingerprint: `{fingerprint(item)}` (not yet clinically reviewed)" in pack
    assert "1. **description**: A dull ache." in pack
    assert "Cited for: How common it is." in pack
    assert "the editors' advice: no source" in pack
    assert pack.count("### content/") == sum(1 for item in catalog.items() if claims(item))


def test_the_review_command_writes_the_pack(tmp_path: Path) -> None:
    out = tmp_path / "pack.md"
    assert main(["review", str(write_tree(tmp_path)), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# Knee Guide: clinical review pack")
