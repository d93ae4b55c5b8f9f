from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from kneeguide.content.catalog import CITATION, Catalog, load_catalog
from kneeguide.content.errors import ContentError
from kneeguide.content.models import BASES
from kneeguide.pages import plan, urls
from kneeguide.pages.render import (
    relative,
    render_pages,
    render_redirects,
    repeated_anchors,
)

from ..content_tree import MINIMAL, write_tree


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    return render_pages(catalog)


@pytest.mark.parametrize(
    ("source", "target", "link"),
    [
        ("index.md", "references.md#ref-a", "references.md#ref-a"),
        ("exercises/clam-shell.md", "references.md#ref-a", "../references.md#ref-a"),
        ("exercises/clam-shell.md", "exercises/quad-set.md", "quad-set.md"),
        ("causes/index.md", "exercises/quad-set.md", "../exercises/quad-set.md"),
    ],
)
def test_relative_links(source: str, target: str, link: str) -> None:
    assert relative(source, target) == link


def test_every_planned_page_is_rendered_once(catalog: Catalog, pages: dict[str, str]) -> None:
    planned = [p.path for p in plan.page_plan(catalog)]
    assert len(planned) == len(set(planned))
    assert list(pages) == planned
    for path in [urls.exercise_path(e.slug) for e in catalog.exercises]:
        assert pages[path].startswith("---\ntitle: ")


def test_citations_become_numbered_links(pages: dict[str, str]) -> None:
    page = pages[urls.CONDITION]
    assert "[@" not in "".join(pages.values())
    assert '(references.md#ref-crossley-2016a "Crossley et al., 2016"){ .citation }' in page
    assert "[\\[runners' experience\\]](about.md#bases){ .basis }" in page
    assert "[\\[editor's advice\\]](about.md#bases){ .basis }" in page


# Facts that must reach the reader, page by page: the source article's, and the prognosis.
FACTS = {
    urls.HOME: ["13-30%** of visits to a doctor or physio for a running injury", "22.7%"],
    urls.CONDITION: [
        "patellofemoral pain",
        "13-30%",
        "visits to a doctor or physio for a running injury",
        "17%",
        "22.7%",
        "7.2%",
        "one small UK survey",
        "front of the knee",
        "stairs",
        "Kneeling",
        "55 in 100",
        "40 in 100",
        "5 to 8 years",
        "arthritis",
        "6 to 12 weeks",
    ],
    urls.RECOVERY: [
        "about 1 week",
        "about 2 weeks",
        "4-6 weeks",
        "2-3 months or more",
        "pain-rule",
    ],
    "causes/muscle-weakness.md": ["VMO", "hip muscles", "not clear"],
    "causes/overloading.md": ["distance or speed"],
    urls.TREATMENT: [
        "cycling or swimming",
        "grass or trails",
        "ibuprofen",
        "Foot inserts",
        "Knee brace",
        "Taping",
        "uncertain",
        "10% more steps",
    ],
    urls.CLINICIAN: ["Emergency", "Urgent", "Book an appointment", "999", "fever", "calf", "limp"],
}


@pytest.mark.parametrize(("path", "facts"), FACTS.items())
def test_pages_hold_the_facts(pages: dict[str, str], path: str, facts: list[str]) -> None:
    missing = [fact for fact in facts if fact.lower() not in pages[path].lower()]
    assert not missing


ARTICLE_EXERCISES = [
    "clam-shell",
    "side-lying-leg-raise",
    "banded-glute-bridge",
    "single-leg-mini-squat",
    "donkey-kick",
    "straight-leg-raise",
    "quad-set",
    "quad-stretch",
    "calf-stretch",
    "hamstring-stretch",
    "it-band-stretch",
    "foam-roller-release",
    "massage-gun-release",
    "lacrosse-ball-release",
]


def test_exercise_index_groups_every_exercise_by_purpose(
    catalog: Catalog, pages: dict[str, str]
) -> None:
    index = pages[urls.EXERCISES]
    headings = re.findall(r"^## (.+?) \{", index, flags=re.M)
    assert headings == ["Where to start", "Strengthening", "Stretches", "Self-myofascial release"]
    for slug in ARTICLE_EXERCISES:
        assert f"]({slug}.md)" in index


def test_exercise_page_has_steps_dosage_and_cautions(pages: dict[str, str]) -> None:
    page = pages["exercises/clam-shell.md"]
    for anchor in ("{ #steps }", "{ #dosage }", "{ #cautions }"):
        assert anchor in page
    assert "1. Lie on your side" in page
    assert "The guide's starting dose" in page
    assert "on each side" in page
    assert "[Side-lying leg raise](side-lying-leg-raise.md)" in page


def test_cause_page_lists_its_exercises(pages: dict[str, str]) -> None:
    page = pages["causes/tight-tissues.md"]
    assert "[Foam roller release](../exercises/foam-roller-release.md)" in page
    assert "clam-shell" not in page


def test_references_page_lists_every_reference_with_links(
    catalog: Catalog, pages: dict[str, str]
) -> None:
    page = pages[urls.REFERENCES]
    assert page.count('<li id="ref-') == len(catalog.references)
    for doi in (
        "10.1186/1471-2474-11-11",
        "10.1136/bjsports-2015-094664",
        "10.1177/0363546517736277",
    ):
        assert f'href="https://doi.org/{doi}"' in page
    assert "https://bjsm.bmj.com/content/47/4/227" in page


def test_review_list_names_every_item_resting_on_editorial_advice(
    catalog: Catalog, pages: dict[str, str]
) -> None:
    about = pages[urls.ABOUT]
    assert "- Clam shell\n" in about
    assert "- Gait retraining\n" not in about.replace("Changing how you run", "")


@pytest.mark.parametrize(
    "markdown",
    [
        "## Physio { #physiotherapy }\n\n### Physiotherapy { #physiotherapy }\n",
        '## Steps { #steps }\n\n<div id="steps"></div>\n',
        '<svg><g id="steps"/></svg>\n\n## Steps { #steps }\n',
        '<b data-id="steps"></b><i grid="other"></i><i id="steps"></i>',
    ],
)
def test_an_anchor_used_twice_is_found(markdown: str) -> None:
    assert repeated_anchors(markdown) == ["physiotherapy" if "physio" in markdown else "steps"]


@pytest.mark.parametrize(
    "markdown",
    [
        '<i grid="steps"></i><i id="steps"></i>',
        '<script type="application/json">{"id="steps"}</script>\n## Steps { #steps }\n',
        "---\ntitle: { #steps }\n---\n## Steps { #steps }\n",
    ],
)
def test_a_name_that_is_no_anchor_is_not_counted(markdown: str) -> None:
    assert repeated_anchors(markdown) == []


def test_a_slug_that_repeats_a_section_anchor_is_a_content_error(tmp_path: Path) -> None:
    """A treatment named like its own section ("exercise") would give the treatment page two
    #exercise anchors: the editor is told which file, line and field."""
    renamed = MINIMAL["treatments/strengthening.yaml"].replace(
        "slug: strengthening", "slug: exercise"
    )
    catalog = load_catalog(
        write_tree(
            tmp_path, {"treatments/strengthening.yaml": None, "treatments/exercise.yaml": renamed}
        )
    )
    with pytest.raises(ContentError) as raised:
        render_pages(catalog)
    assert str(raised.value.problems[0]) == (
        "content/treatments/exercise.yaml:1: slug: gives treatment.md the anchor #exercise, "
        "which the page already uses: rename it"
    )


def test_every_page_explains_the_glossary_words(catalog: Catalog, pages: dict[str, str]) -> None:
    for path, text in pages.items():
        if path.endswith(".md"):
            for term in catalog.glossary:
                assert f"*[{term.term}]: {term.meaning}" in text, path


def test_html_templates_escape_what_they_write(catalog: Catalog) -> None:
    exercise = dataclasses.replace(
        catalog.exercises[0], name='Clam <script>"x"</script>', former_slugs=("old-clam",)
    )
    pages = render_redirects(dataclasses.replace(catalog, exercises=(exercise,)))
    page = pages["exercises/old-clam/index.html"]
    assert '<script>"x"' not in page
    assert "Clam &lt;script&gt;&#34;x&#34;&lt;/script&gt;" in page


def test_exercise_pages_carry_their_search_words_as_tags(pages: dict[str, str]) -> None:
    front = yaml.safe_load(pages["exercises/single-leg-mini-squat.md"].split("---")[1])
    assert front["tags"][:4] == ["single", "leg", "mini", "squat"]  # the name's words
    assert "strengthening" in front["tags"]  # its kind
    assert {"squats", "squatting"} <= set(front["tags"])  # search_words in its content
    assert "minis" not in front["tags"]


@pytest.mark.parametrize(
    "path",
    [
        "exercises/clam-shell.yaml",
        "symptoms/ache.yaml",
        "treatments/strengthening.yaml",
        "topics/scans.yaml",
    ],
)
def test_a_search_word_must_be_one_lowercase_word(tmp_path: Path, path: str) -> None:
    text = MINIMAL[path] + "search_words: [stairs, Going down]\n"
    content = write_tree(tmp_path, {path: text})
    with pytest.raises(ContentError, match=rf'{path}:\d+.*search_words.*"Going down" is not one'):
        load_catalog(content)


@pytest.mark.parametrize(
    ("path", "page"),
    [
        ("symptoms/ache.yaml", urls.CONDITION),
        ("treatments/strengthening.yaml", urls.TREATMENT),
        ("topics/scans.yaml", "topics/scans.md"),
    ],
)
def test_symptom_treatment_and_topic_pages_carry_their_search_words_as_tags(
    tmp_path: Path, path: str, page: str
) -> None:
    text = MINIMAL[path] + "search_words: [kneeling, downhill]\n"
    pages = render_pages(load_catalog(write_tree(tmp_path, {path: text})))
    assert yaml.safe_load(pages[page].split("---")[1])["tags"] == ["kneeling", "downhill"]
    others = [p for p in (urls.CONDITION, urls.TREATMENT, "topics/scans.md") if p != page]
    assert all("tags" not in yaml.safe_load(pages[p].split("---")[1]) for p in others)


@pytest.mark.parametrize(
    "path",
    [
        "what-is-runners-knee.md",
        "causes/index.md",
        "recovery-time.md",
        "treatment.md",
        "see-a-clinician.md",
        "exercises/index.md",
        "exercises/clam-shell.md",
        "references.md",
    ],
)
def test_pages_say_whether_a_clinician_reviewed_them(pages: dict[str, str], path: str) -> None:
    """No clinician has signed off the real content yet: every page says so, with the editors'
    dates, and never calls the editors' check a review."""
    assert re.search(
        r"Not yet clinically reviewed[^.]*\. The editors last checked (it|this page) on \d+ \w+ 20\d\d",
        pages[path],
    )
    assert "Next check due" in pages[path]
    assert "reviewed by the editor" not in pages[path]


def test_every_topic_page_renders_its_sections_and_citations(
    catalog: Catalog, pages: dict[str, str]
) -> None:
    assert catalog.topics
    for topic in catalog.topics:
        page = pages[urls.topic_path(topic.slug)]
        front = yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))
        assert front["title"] == topic.name
        assert f"\n# {topic.name}\n" in page
        headings = re.findall(r"^## (.+)$", page, flags=re.M)
        assert headings == [section.heading for section in topic.sections]
        assert "[@" not in page
        for slug in topic.references:
            assert f"(../references.md#ref-{slug} " in page, (topic.slug, slug)
        assert "Not yet clinically reviewed" in page


def test_topics_index_links_every_topic_in_order(catalog: Catalog, pages: dict[str, str]) -> None:
    index = pages[urls.TOPICS]
    links = re.findall(r"^## \[[^\]]+\]\(([a-z0-9-]+)\.md\)", index, flags=re.M)
    assert links == [topic.slug for topic in catalog.topics]
    assert "](topics/index.md)" in pages[urls.HOME]


def test_every_topic_lists_the_references_its_paragraphs_cite(catalog: Catalog) -> None:
    for topic in catalog.topics:
        texts = [topic.summary, *(p for s in topic.sections for p in s.paragraphs)]
        cited = {slug for text in texts for slug in CITATION.findall(text)} - set(BASES)
        assert cited == set(topic.references), topic.slug
