"""Clinical review: every claim of the content with its basis, for a clinician to read and sign off
item by item, and whether an item's sign-off still holds.

A sign-off (``review.signed_off`` in the item's YAML) records the clinician's name, role and date
and the fingerprint of the claims they read. Editing a claim changes the fingerprint, so the page
goes back to saying the item is not yet clinically reviewed until a clinician reads it again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kneeguide.content.catalog import CITATION, Catalog, plain
from kneeguide.content.models import EDITORIAL, EXPERIENCE, Reference
from kneeguide.content.read import Location


@dataclass(frozen=True)
class Claim:
    """One statement of medical fact, where it is in its item, and what it rests on."""

    where: Location
    text: str
    bases: tuple[str, ...]


def claims(item: Any) -> list[Claim]:
    """Every claim of an item (a paragraph or list item of a field marked ``claim``)."""
    return [
        Claim(where, text, tuple(CITATION.findall(text))) for where, text in _claim_texts(item, ())
    ]


def _claim_texts(
    value: Any, where: Location, claim: bool = False
) -> Iterator[tuple[Location, str]]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            inner = field.metadata.get("claim", False)
            yield from _claim_texts(getattr(value, field.name), (*where, field.name), inner)
    elif isinstance(value, tuple):
        for index, inner in enumerate(value):
            yield from _claim_texts(inner, (*where, index), claim)
    elif claim and isinstance(value, str):
        yield where, value


def fingerprint(item: Any) -> str:
    """12 hex digits that change whenever any of the item's claims change."""
    digest = hashlib.sha256()
    for claim in claims(item):
        digest.update("\x1f".join(map(str, claim.where)).encode())
        digest.update(b"\x1e" + claim.text.encode() + b"\x1d")
    return digest.hexdigest()[:12]


def clinically_reviewed(item: Any) -> bool:
    """Whether a clinician has signed off the item's claims as they are now."""
    signed = item.review.signed_off
    return signed is not None and signed.claims == fingerprint(item)


def _where(location: Location) -> str:
    return ".".join(str(part) for part in location)


BASIS_WORDS = {
    EDITORIAL: "the editors' advice: no source; it needs your judgement",
    EXPERIENCE: "runners' experience, as the source article reports it: no study",
}


def _basis(cite: str, references: Mapping[str, Reference]) -> str:
    if cite in BASIS_WORDS:
        return BASIS_WORDS[cite]
    reference = references[cite]
    year = reference.shown_year
    return (
        f"[{reference.number}] {reference.short_authors} ({year}), {reference.title}; "
        f"{reference.link}. Cited for: {reference.cited_for}"
    )


def pages_of(item: Any, pages: Mapping[str, str]) -> list[str]:
    """The pages whose Markdown shows one of the item's claims (with its citations)."""
    texts = [_words(_strip(plain(claim.text))) for claim in claims(item)]
    return [
        path
        for path, markdown in pages.items()
        if any(t and t in _words(_strip(markdown)) for t in texts)
    ]


def _strip(markdown: str) -> str:
    """Page Markdown without the citation links and attributes the renderer adds."""
    markdown = re.sub(r"\[\\\[[^\]]*\\\]\]\([^)]*\)\{[^}]*\}", "", markdown)
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w'%-]+", text.lower()))


def review_pack(catalog: Catalog, pages: Mapping[str, str], today: str) -> str:
    """The review pack as Markdown: each content item's claims with their bases, grouped by the
    first page that shows them, with the fingerprint and the lines a clinician's sign-off adds to
    the item's file."""
    references = {r.slug: r for r in catalog.references}
    grouped: dict[str, list[Any]] = {}
    for item in catalog.items():
        if not claims(item):
            continue
        shown = pages_of(item, pages)
        grouped.setdefault(
            shown[0] if shown else "(shown only by the calculator or companion)", []
        ).append(item)
    lines = [
        "# Knee Guide: clinical review pack",
        "",
        f"Made on {today} from the content as it is now. For each item below: read every claim and",
        "what it rests on. To sign an item off, add these lines under `review:` in its file, with",
        "your own name and role (physiotherapist, sports medicine doctor or general practitioner):",
        "",
        "```yaml",
        "  signed_off:",
        "    name: Your Name",
        "    role: physiotherapist",
        f"    date: {today}",
        "    claims: <the fingerprint shown for the item>",
        "```",
        "",
        "The fingerprint changes whenever a claim changes; the page then says the item is not yet",
        "clinically reviewed until it is read again.",
        "",
    ]
    for page in sorted(grouped):
        lines += [f"## {page}", ""]
        for item in grouped[page]:
            status = "signed off" if clinically_reviewed(item) else "not yet clinically reviewed"
            lines += [
                f"### {catalog.file_of(item)}",
                "",
                f"Fingerprint: `{fingerprint(item)}` ({status}). "
                f"Also shown on: {', '.join(pages_of(item, pages)[1:]) or 'no other page'}.",
                "",
            ]
            for number, claim in enumerate(claims(item), start=1):
                lines.append(f"{number}. **{_where(claim.where)}**: {_strip(plain(claim.text))}")
                for cite in claim.bases:
                    lines.append(f"    - {_basis(cite, references)}")
            lines.append("")
    return "\n".join(lines)
