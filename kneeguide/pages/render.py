"""Render planned pages to Markdown with Jinja2.

Links between pages are relative ``.md`` paths, so MkDocs resolves and checks them (and another
Markdown site engine could too).

Content reaches a Markdown page in one of two ways. Prose written as Markdown (claims, an
exercise's summary and steps) goes through ``cite``: the validator has already refused anything
in it that could inject markup (``kneeguide.content.prose``). Everything else (names, headings,
terms, a reference's title) is plain text and goes through the ``text`` filter
(``escape_text``), which turns every character Markdown or HTML could read as markup into a
character reference, so it shows as written. Front matter is written by a YAML serializer
(``front_matter``).
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from kneeguide.content.catalog import MARKER, Catalog, plain
from kneeguide.content.errors import ContentError, Problem
from kneeguide.content.models import Exercise, Symptom, Topic, Treatment
from kneeguide.content.prose import SITE_PATH
from kneeguide.pages import plan, urls
from kneeguide.pages.calculator import calculator_context
from kneeguide.pages.figures import figure_path, figure_thumbnail
from kneeguide.pages.labels import BASIS_LABELS, CATEGORIES, PURPOSES
from kneeguide.pages.motion import motion_svg
from kneeguide.pages.plan import PlannedPage
from kneeguide.pages.program import program_context
from kneeguide.pages.qr import printed_url, qr_svg
from kneeguide.pages.triage import dial
from kneeguide.review import clinically_reviewed


@dataclass(frozen=True)
class Clinic:
    """The clinic publishing its own copy of the guide (the ``kneeguide`` plugin's ``clinic`` in
    ``mkdocs.yml``)."""

    name: str
    contact: str = ""


TEMPLATES = Path(__file__).parent / "templates"
PAGE_DATA = {"program": program_context}
"""What each page that names ``data`` in the plan gets added to its context (the calculator's
also needs the download size, so it is made apart)."""


def environment(templates_cache: Path | None = None) -> jinja2.Environment:
    """The templates' environment; with ``templates_cache``, compiled templates are kept there
    between builds (Jinja checks each against its source)."""
    if templates_cache is not None:
        templates_cache.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(templates_cache))
        if templates_cache
        else None,
        undefined=jinja2.StrictUndefined,
        # Markdown templates write Markdown, which escaping would break; HTML templates escape.
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        href=href,
        search_tags=search_tags,
        search_words=search_words,
        cite=cite,
        plain=plain,
        sources=sources,
        weeks=weeks,
        qr=qr_svg,
        printed_url=printed_url,
        motion=motion_svg,
        thumbnail=figure_thumbnail,
        dial=dial_in_page,
        text=escape_text,
        front_matter=front_matter,
    )
    env.globals.update(urls=urls, purposes=PURPOSES, categories=CATEGORIES, figure_path=figure_path)
    env.tests["clinically_reviewed"] = clinically_reviewed
    return env


def render_pages(
    catalog: Catalog,
    site_url: str = "",
    pages: list[PlannedPage] | None = None,
    *,
    download_bytes: int | Callable[[], int] | None = None,
    clinic: Clinic | None = None,
    templates_cache: Path | None = None,
) -> dict[str, str]:
    """Markdown for every planned page, keyed by source path.

    ``site_url`` is the canonical address of the site, for the QR codes on handouts;
    ``download_bytes`` what the calculator downloads on a first visit (not stated when None), or
    a call that gives it, made after every other page is rendered (the runtime it sums may still
    be in the making; what the call raises, such as a BundleError, comes through);
    ``clinic`` the name and contact of the clinic publishing this copy, for printed handouts;
    ``templates_cache`` a folder for the compiled templates.
    """
    env = environment(templates_cache)
    env.globals["site_url"] = site_url
    glossary = abbreviations(catalog)
    env.globals["clinic"] = clinic
    planned = pages if pages is not None else plan.page_plan(catalog)
    rendered: dict[str, str] = {}
    problems: list[Problem] = []
    for page in sorted(planned, key=lambda page: page.data == "calculator"):
        template = env.get_template(page.template)
        if page.data == "calculator":
            download = download_bytes() if callable(download_bytes) else download_bytes
            data = calculator_context(catalog, download)
        else:
            data = PAGE_DATA[page.data](catalog) if page.data else {}
        text = template.render(catalog=catalog, page=page.path, **page.context, **data)
        body = BLANK_LINES.sub("\n\n", text)
        problems += [_anchor_problem(catalog, page.path, a) for a in repeated_anchors(body)]
        rendered[page.path] = body + glossary
    if problems:
        raise ContentError(problems)
    return {page.path: rendered[page.path] for page in planned}


BLANK_LINES = re.compile(r"\n\n\n+")
"""Two blank lines or more, which templates leave between blocks: one is kept. Written to start
with its literal, which the regular expression engine finds ten times faster than ``\n{3,}``."""
MARKDOWN_ANCHOR = re.compile(r"\{[^}\n]*#([A-Za-z][\w-]*)[^}\n]*\}")
"""An explicit anchor in Markdown: ``{ #steps }``."""
HTML_ANCHOR = re.compile(r'id="([^"]+)"')
"""An anchor in HTML: ``id="..."`` with no word character just before ``id`` (``data-id``
counts, as ``\b`` has it; ``grid`` does not). Searched for apart from Markdown's anchors: two
patterns that each start with a literal are found far faster than one alternation, over every
page with its inline figures."""
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)
"""Data embedded for the browser, whose links are not the page's anchors."""


def repeated_anchors(markdown: str) -> list[str]:
    """Anchors a page names twice (a section and an item's slug can collide): a link to one
    would land on whichever comes first."""
    body = markdown.split("\n---\n", 1)[1] if markdown.startswith("---\n") else markdown
    if "<script" in body:
        body = SCRIPT.sub("", body)
    found = [(m.start(), m.group(1)) for m in MARKDOWN_ANCHOR.finditer(body)]
    found += [
        (m.start(), m.group(1))
        for m in HTML_ANCHOR.finditer(body)
        if not (m.start() and (body[m.start() - 1].isalnum() or body[m.start() - 1] == "_"))
    ]
    seen: set[str] = set()
    repeated = []
    for _, anchor in sorted(found):
        if anchor in seen:
            repeated.append(anchor)
        seen.add(anchor)
    return repeated


def _anchor_problem(catalog: Catalog, path: str, anchor: str) -> Problem:
    """The problem at the slug of the item that gives the page the repeated anchor, else at the
    page (a template names it twice)."""
    message = f"gives {path} the anchor #{anchor}, which the page already uses: rename it"
    named = [i for i in catalog.items() if anchor == i.slug or anchor.endswith(f"-{i.slug}")]
    if named:
        return catalog.problem(named[0], "slug", message)
    return Problem(path, 1, "", f"the anchor #{anchor} is used twice (in a template)")


REDIRECT_SCRIPT = "assets/javascripts/site/redirect.js"
"""Sends a former address on to the new one with its ``#anchor`` (docs/assets/javascripts/)."""


def abbreviations(catalog: Catalog) -> str:
    """The glossary as Markdown abbreviations, appended to every page: each technical word gets
    its plain meaning as a tooltip wherever it appears (the ``abbr`` extension)."""
    if not catalog.glossary:
        return ""
    # One line each, whatever the YAML held: a line break, a "[", "]" or a backslash in the term
    # would leave the definition unread, and the line would reach the page as Markdown. The term
    # is only matched against the page's words (never written out), so it is otherwise kept as
    # written ("A&E"); the meaning is shown, so it is escaped.
    lines = [
        f"*[{_TERM.sub(lambda m: PLAIN[m.group(0)], ' '.join(term.term.split()))}]: "
        f"{escape_text(term.meaning)}"
        for term in catalog.glossary
    ]
    return "\n" + "\n".join(lines) + "\n"


def render_redirects(catalog: Catalog) -> dict[str, str]:
    """An HTML page at each former exercise URL that sends the reader to the current one.

    A script keeps the ``#anchor`` (``#steps``, ``#dosage``, ``#cautions``) that a meta refresh
    drops; the meta refresh stays for readers without JavaScript.
    """
    template = environment().get_template("redirect.html.j2")
    pages = {}
    for old, exercise in plan.redirects(catalog).items():
        url = urls.url_of(old)
        script = "../" * url.count("/") + REDIRECT_SCRIPT
        pages[url + "index.html"] = template.render(
            target=f"../{exercise.slug}/", name=exercise.name, script=script
        )
    return pages


def relative(source: str, target: str) -> str:
    """The relative link from page ``source`` to ``target`` (``path.md`` or ``path.md#anchor``)."""
    path, _, anchor = target.partition("#")
    link = _relpath(path, posixpath.dirname(source) or ".") if path else ""
    return f"{link}#{anchor}" if anchor else link


@functools.lru_cache(maxsize=65536)
def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath``, remembered: pages link the same few targets thousands of times."""
    return posixpath.relpath(path, start)


@jinja2.pass_context
def href(context: jinja2.runtime.Context, target: str) -> str:
    return relative(context["page"], target)


SITE_LINK = re.compile(rf"\]\(({SITE_PATH})\)")
"""A link in prose to another page, written from the site root: ``[causes](causes/index.md)``."""


@jinja2.pass_context
def cite(context: jinja2.runtime.Context, text: str) -> str:
    """Prose for ``page``: ``[@slug]`` becomes a numbered link to the references page, and
    site-root links become relative to the page."""
    catalog: Catalog = context["catalog"]
    page: str = context["page"]
    text = SITE_LINK.sub(lambda match: f"]({relative(page, match.group(1))})", text)

    def link(match: re.Match[str]) -> str:
        if match.group(1) in BASIS_LABELS:
            label, anchor = BASIS_LABELS[match.group(1)]
            target = relative(page, f"{urls.ABOUT}#{anchor}")
            return f"[\\[{label}\\]]({target}){{ .basis }}"
        reference = catalog.reference(match.group(1))
        target = relative(page, f"{urls.REFERENCES}#ref-{reference.slug}")
        title = escape_text(f"{reference.short_authors}, {reference.shown_year}")
        return f'[\\[{reference.number}\\]]({target} "{title}"){{ .citation }}'

    # The space before a marker is the marker's own (a margin on screen), so a printed page,
    # which hides the markers, has no stray space before the full stop.
    return MARKER.sub(link, text) if "[@" in text else text


@jinja2.pass_context
def dial_in_page(context: jinja2.runtime.Context, text: str) -> str:
    """Markdown with each phone number the triage lists as a ``tel:`` link."""
    return dial(text, context["catalog"])


@jinja2.pass_context
def sources(context: jinja2.runtime.Context, slugs: tuple[str, ...]) -> str:
    """A line of numbered citations for an item's reference list."""
    return cite(context, " ".join(f"[@{slug}]" for slug in slugs))


PLAIN = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\\": "&bsol;",
    "`": "&grave;",
    "*": "&ast;",
    "_": "&lowbar;",
    "[": "&lsqb;",
    "]": "&rsqb;",
    "{": "&lcub;",
    "}": "&rcub;",
    "|": "&vert;",
    "#": "&num;",
}
"""Each character that Markdown (emphasis, code, links, attribute lists, table cells, heading
marks) or HTML could read as markup, as a named character reference. A reference is read the same
way in Markdown text, in a raw HTML block and in an attribute, and names no digit a phone-number
link could match."""
_PLAIN = re.compile("[" + re.escape("".join(PLAIN)) + "]")
_TERM = re.compile(r"[\[\]\\]")


def escape_text(value: object) -> str:
    """Plain text for a Markdown page (a name, a heading, a term), on one line, shown exactly as
    written: ``Clam *shell* [1]`` is not emphasis or a link."""
    return _PLAIN.sub(lambda match: PLAIN[match.group(0)], " ".join(str(value).split()))


def front_matter(fields: Mapping[str, Any]) -> str:
    """A page's YAML front matter, each value written as JSON (which YAML reads as a quoted or
    flow value), so a backslash, a quote or a colon in a name cannot end a value early; quicker
    than YAML's own writer by far. ``None`` values are left out.

    MkDocs' templates do not autoescape: Material writes ``description`` into an attribute as it
    is, so its ``&``, ``<``, ``>`` and ``"`` become character references; it writes the title as
    HTML text (and escapes it itself where it puts it in an attribute), so its ``<`` and ``>`` do.
    """
    values = {name: value for name, value in fields.items() if value is not None}
    for name, special in (("title", "[<>]"), ("description", '[&<>"]')):
        if name in values:
            shown = " ".join(str(values[name]).split())
            values[name] = re.sub(special, lambda match: PLAIN[match.group(0)], shown)
    dumped = "".join(
        f"{name}: {json.dumps(value, ensure_ascii=False)}\n" for name, value in values.items()
    )
    return f"---\n{dumped}---"


def weeks(value: float) -> str:
    """Whole weeks without a trailing ``.0``."""
    return f"{value:g}"


def search_tags(exercise: Exercise) -> list[str]:
    """The words that find an exercise in the site's search, shown as its result's tags: the
    words of its name and of its kind's heading, and the everyday words of ``search_words``.

    Only words written in the content: Material's search matches each typed word as the start of
    a word (no stemming), so the content lists each form a reader may type.
    """
    heading = PURPOSES[exercise.purpose][0]
    words = re.findall(r"[a-z]{3,}", f"{exercise.name} {heading}".lower())
    return list(dict.fromkeys([*words, *exercise.search_words]))


def search_words(items: Iterable[Symptom | Topic | Treatment]) -> list[str]:
    """The everyday words that find a page of treatments, symptoms or one topic in the site's
    search (its result's tags): the ``search_words`` its items' content lists, each once."""
    return list(dict.fromkeys(word for item in items for word in item.search_words))
