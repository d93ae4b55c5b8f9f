"""Small, valid content trees for tests, written from plain text so line numbers are known."""

from __future__ import annotations

from pathlib import Path

MINIMAL: dict[str, str] = {
    "condition/runners-knee.yaml": """\
slug: runners-knee
name: Runner's knee
other_names: [PFPS]
summary: Pain around the kneecap [@ref-one].
definition: The kneecap and the thigh bone.
where_it_hurts: At the front.
worse_with: [Stairs.]
incidence:
  - group: female runners
    low_percent: 19
    high_percent: 30
    reference: ref-one
course: Starts small.
outlook: Recovers.
diagnosis: A physiotherapist confirms it.
references: [ref-one]
""",
    "symptoms/ache.yaml": """\
slug: ache
name: Ache
order: 1
description: A dull ache.
""",
    "causes/weakness.yaml": """\
slug: weakness
name: Weakness
order: 1
summary: Weak hips.
explanation: [The hips let the knee drift.]
how_to_address: Strengthen them.
references: [ref-one]
""",
    "recovery-factors/severity.yaml": """\
slug: severity
name: Severity
order: 1
summary: Worse takes longer.
details: [Act early.]
""",
    "timelines/average.yaml": """\
slug: average
name: Average
order: 1
situation: The usual case.
span: 4-6 weeks
low_weeks: 4
high_weeks: 6
""",
    "treatments/strengthening.yaml": """\
slug: strengthening
name: Strengthening
category: exercise
order: 1
summary: Build strength.
details: [Do the exercises.]
exercises: [clam-shell]
references: [ref-one]
""",
    "exercises/clam-shell.yaml": """\
slug: clam-shell
name: Clam shell
purpose: strengthen
order: 1
summary: Open the knee like a clam.
targets: [hip external rotators]
equipment: [a mat]
steps:
  - Lie on your side.
  - Lift the top knee.
dosage:
  source: not-given
  note: No dosage in the source.
cautions: [Keep the pelvis still.]
causes: [weakness]
references: [ref-one]
""",
    "red-flags/swelling.yaml": """\
slug: swelling
code: swelling
name: Swelling
order: 1
description: A swollen knee.
action: See a doctor.
evidence: editorial
""",
    "references/ref-one.yaml": """\
slug: ref-one
number: 1
authors: ["Bump, J. M."]
year: 2023
title: Patellofemoral Syndrome
venue: StatPearls
url: https://www.ncbi.nlm.nih.gov/books/NBK557657/
cited_for: Incidence.
""",
}


def write_tree(root: Path, changes: dict[str, str | None] | None = None) -> Path:
    """Write MINIMAL under ``root/content`` with ``changes`` applied (``None`` leaves a file out)."""
    files: dict[str, str | None] = {**MINIMAL, **(changes or {})}
    content = root / "content"
    for relative, text in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is not None:
            path.write_text(text, encoding="utf-8")
    return content
