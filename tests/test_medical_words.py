"""Every medical sentence the browser shows comes from content/, where the claim check reaches it:
none is written into the browser's code, and the estimator answers in codes only (its output is
checked by tests/calculator/test_properties.py)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

JAVASCRIPTS = ROOT / "docs" / "assets" / "javascripts"
SCRIPTS = sorted(
    path for path in JAVASCRIPTS.rglob("*.js") if not path.name.startswith("material-")
)

MEDICAL = re.compile(
    r"\b(pain\w*|ache\w*|hurt\w*|sore|swell\w*|locks up|locking|gives? way|injur\w*|heal\w*|"
    r"recover\w*|runner's knee|knee|kneecap|fever|physio\w*|doctor|GP|clinician|A&E|999|111|"
    r"exercis\w*|symptom\w*|damage\w*|safe|fine|worst)\b",
    re.IGNORECASE,
)
"""Words a statement of medical fact about the knee is hard to make without."""

LITERALS = ROOT / "tests" / "tools" / "literals.mjs"

USER_INTERFACE = {
    # Labels, questions, confirmations and pointers to other pages: they state no medical fact.
    "calculator/page.js": {
        "${why} Any estimate shown is for the typical case; the recovery time page explains the "
        "ranges.",
    },
    "calculator/view.js": {" says how much pain is fine."},
    "companion/chart.js": {
        "Chart from ${shortDate(first)} to ${shortDate(last)}: pain after sessions and the next "
        "morning, the PSFS, and the sessions done each day. The same figures are in the table "
        "below.",
    },
    "companion/today.js": {
        "How is your knee this morning, after yesterday's session?",
        "During or after the session, did your knee do any of these?",
        "${c.rule.settleMinutes} minutes after the session: was the pain back to how it was "
        "before you started?",
        "Before you start: how much does your knee hurt now?",
        "How is your knee now, after the session?",
        "Done for today. Now record how your knee feels.",
        'Session ${session + 1} of ${prescribed} done.${first ? " Now record how your knee '
        'feels." : ""}',
        " Now record how your knee feels.",
        "Pain before today's session: ${day.painBefore} out of 10.",
        "Pain after today's session: ${day.painAfter} out of 10.",
        '${exercise.name}: ${plural(now, "set")} of ${sets} done.',
    },
    "program/link.js": {
        'The exercise "${shorten(given, ECHO_LENGTH)}" is not in the guide any more. Ask your '
        "clinician what to do instead.",
        "Part of this exercise's dosage could not be read, so it is left out.",
    },
    "program/builder.js": {
        'The guide\'s starting dose: ${words}${exercise.frequency ? `, ${exercise.frequency}` : ""}.',
        "The guide gives no starting dose for this exercise.",
        'Removed ${exercises.get(removed.slug)?.name ?? "the exercise"}. ${state.items.length} left.',
        'Removed ${exercises.get(item.slug)?.name ?? "the exercise"}. ${state.items.length} left.',
        "${exercise.name} added as number ${state.items.length}. ${dose} Change it under Your program.",
        "${template.name} applied: ${state.items.length} exercises, each with a dose you can change "
        "under Your program.",
        "${count} of at most ${MAX_ITEMS} exercises.",
    },
    "program/page.js": {
        "This program link was made by a newer version of the guide. Reload the page, or ask your "
        "clinician to send it again.",
        "This program link is damaged or incomplete, so it cannot be shown. Ask your clinician to "
        "send it again.",
        "This progress report link is damaged or incomplete, so it cannot be shown. Ask for it "
        "again.",
    },
    "exercise/dose.js": {
        "This is the dose from your program. The guide's own starting dose is below, for "
        "comparison: follow your clinician's.",
    },
}
"""Sentences in the browser's code that use a medical word but state no medical fact, each read
and listed here. A new sentence fails the test until it moves to content/ or is listed."""


def sentences(path: Path) -> list[str]:
    """The string and template literals of a script (found by TypeScript's parser) that read as
    sentences with a medical word in them."""
    result = subprocess.run(
        ["node", str(LITERALS), str(path)], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return [
        text
        for text in json.loads(result.stdout)[str(path)]
        if " " in text and re.search(r"\w[.!?][\"')]*(\s|$)", text) and MEDICAL.search(text)
    ]


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: str(path.relative_to(JAVASCRIPTS)))
def test_no_medical_sentence_is_written_into_the_browser_code(path: Path) -> None:
    allowed = USER_INTERFACE.get(str(path.relative_to(JAVASCRIPTS)), set())
    assert [text for text in sentences(path) if text not in allowed] == []


def test_the_check_finds_a_medical_sentence(tmp_path: Path) -> None:
    script = tmp_path / "page.js"
    script.write_text(
        'show("Some ache is fine if it settles within an hour.");\n'
        "// A comment about pain is not shown.\n"
        'label("Save");\n',
        encoding="utf-8",
    )
    assert sentences(script) == ["Some ache is fine if it settles within an hour."]
