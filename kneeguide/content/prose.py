"""What text in the content may hold, checked on every string of every item.

Content is written as plain words with a little Markdown: emphasis, lists in longer prose,
citations (``[@slug]``) and links written ``[words](target)``. A link's target is a page of this
site, by its path from the site root (``causes/index.md``, ``recovery-time.md#pain-rule``), or an
``https://`` address. Everything else that would reach a page as markup is refused, because the
pages are Markdown rendered with raw HTML passed through:

- HTML: a ``<`` that opens a tag, a comment or a declaration (``<meta``, ``</p``, ``<!--``,
  ``<?``) and Markdown's autolinks (``<https://...>``). A ``<`` before anything else (a digit,
  a space, ``=``) is text and is shown as written: "pain <2/10", "< 3 days";
- links to anything but the two kinds of target, such as ``javascript:`` or ``data:`` ones;
- pictures (``![...](...)``: every picture is drawn by the site), link and abbreviation
  definitions (a line starting ``[name]:`` or ``*[name]:``), and attribute lists
  (``{: onclick=...}``, ``{ #id }``): curly brackets hold only a figure the page fills in, such as
  ``{pain}``.
"""

from __future__ import annotations

import re

SITE_PATH = r"(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?"
"""A page of this site from the site root, with an optional anchor: ``causes/index.md#overload``."""
HTTPS_URL = (
    r"https://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]{1,5})?"
    r"(?:[/?#][^\s\"'<>\\^`{|}]*)?"
)
"""An https address with a host name, and no character that could end an attribute or open a
tag (quotes, angle brackets, backslash, and the others a URL must percent-encode)."""

_TARGET = re.compile(f"{SITE_PATH}|{HTTPS_URL}")
_TAG = re.compile(r"<[A-Za-z/!?]")
_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*:")
_PICTURE = re.compile(r"!\[[^\]]*\]\(")
_LINK = re.compile(r"\]\(((?:[^()]|\([^()]*\))*)\)?")
"""A link's target, as Markdown reads it: up to the closing bracket, allowing one pair inside."""
_DEFINITION = re.compile(r"^[ \t]*\*?\[[^\]\n]*\][ \t]*:", re.MULTILINE)
_BRACES = re.compile(r"\{(?!\w+\})")

LINK_RULE = (
    "links may go to a page of this site (such as causes/index.md) or to an https:// address"
)


def _quoted(text: str, limit: int = 40) -> str:
    short = text if len(text) <= limit else text[: limit - 3] + "..."
    return '"' + short.replace("\n", " ") + '"'


def prose_problems(text: str) -> list[str]:
    """What is wrong with ``text`` as content, one message per kind of problem (empty when fine)."""
    problems: list[str] = []
    tag = _TAG.search(text)
    if tag is not None:
        if _AUTOLINK.match(text, tag.start()):
            end = text.find(">", tag.start())
            shown = text[tag.start() : end + 1 if end >= 0 else len(text)]
            problems.append(
                f"write a link as [words](https://...), not {_quoted(shown)}: {LINK_RULE}"
            )
        else:
            word = re.match(r"<[/!?]?[A-Za-z0-9-]*", text[tag.start() :])
            shown = word.group(0) if word else "<"
            problems.append(f"HTML is not allowed in content ({_quoted(shown)}): write plain text")
    if _PICTURE.search(text):
        problems.append("pictures are not allowed in content: the site draws every figure")
    for match in _LINK.finditer(text):
        target = match.group(1)
        if not _TARGET.fullmatch(target):
            problems.append(f"{LINK_RULE}, not {_quoted(target)}")
            break
    definition = _DEFINITION.search(text)
    if definition is not None:
        problems.append(
            f"a line may not start with a link or abbreviation definition "
            f"({_quoted(definition.group(0).strip())}): write links as [words](target)"
        )
    if _BRACES.search(text):
        problems.append(
            "curly brackets may only hold a figure the page fills in, such as {pain}: "
            "attribute lists are not allowed in content"
        )
    return problems
