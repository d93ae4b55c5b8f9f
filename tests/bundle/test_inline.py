"""The scripts written into the pages and the policy sources that allow them; the names that carry
a file's content hash."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.headers import HASHED, fingerprinted
from kneeguide.bundle.inline import SCRIPTS, inline_scripts, page_text, source_of, with_scripts

from ..conftest import ROOT


def test_comment_lines_are_left_out_and_code_kept() -> None:
    source = "\n".join(
        [
            "// a comment",
            "/**",
            " * @param {string} x",
            " */",
            "/** @type {number} */",
            "const a = /** @type {number} */ (b); // kept: the line is code",
            "",
            '  const url = "https://example.org";',
            "  // indented comment",
        ]
    )
    assert page_text(source) == (
        "const a = /** @type {number} */ (b); // kept: the line is code\n"
        '  const url = "https://example.org";'
    )


def test_every_script_is_written_as_its_policy_source_allows() -> None:
    scripts = inline_scripts(ROOT / "docs")
    assert set(scripts) == set(SCRIPTS)
    for name, text in scripts.items():
        assert text.strip(), name
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert source_of(text) == f"'sha256-{digest}'"


def test_the_hashes_go_into_script_src_only() -> None:
    policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
    allowed = with_scripts(policy, {"a": "one()", "b": "two()"})
    directives = allowed.split("; ")
    assert directives[0] == "default-src 'self'"
    assert directives[1] == (
        f"script-src 'self' 'wasm-unsafe-eval' {source_of('one()')} {source_of('two()')}"
    )
    assert directives[2] == "style-src 'self'"


def test_a_policy_without_script_src_gets_one_from_default_src() -> None:
    hashed = source_of("one()")
    assert with_scripts("default-src 'self'; img-src data:", {"a": "one()"}) == (
        f"default-src 'self'; img-src data:; script-src 'self' {hashed}"
    )
    assert with_scripts("default-src 'none'", {"a": "one()"}) == (
        f"default-src 'none'; script-src {hashed}"
    )
    assert with_scripts("script-src-elem 'self'", {"a": "one()"}) == (
        f"script-src-elem 'self' {hashed}"
    )


def test_a_policy_that_allows_every_script_is_left_as_it_is() -> None:
    assert with_scripts("img-src 'self'", {"a": "one()"}) == "img-src 'self'"


def test_a_script_that_would_end_the_element_is_refused(tmp_path: Path) -> None:
    docs = tmp_path
    for path in SCRIPTS.values():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("ok();", encoding="utf-8")
    (docs / SCRIPTS["home"]).write_text('document.write("</script>");', encoding="utf-8")
    with pytest.raises(BundleError, match="</script"):
        inline_scripts(docs)


@pytest.mark.parametrize("path", ["assets/stylesheets/guide.css", "assets/images/favicon.png"])
def test_a_fingerprinted_name_carries_the_content_hash(path: str) -> None:
    name = fingerprinted(path, b"content")
    stem, suffix = path.rsplit(".", 1)
    assert name == f"{stem}.{hashlib.md5(b'content').hexdigest()[:8]}.{suffix}"
    assert HASHED.search(name)
    assert not HASHED.search(path)
    assert fingerprinted(path, b"other") != name
