"""Small, valid content trees for tests, written from plain text so line numbers are known."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

from calculator import RED_FLAGS
from calculator.estimate import Reason, Running
from calculator.factors import FACTORS
from calculator.inputs import BY_FIELD
from calculator.phases import PHASES
from kneeguide.content.catalog import answer_text


def _red_flag(code: str, order: int) -> str:
    slug = code.replace("_", "-")
    return f"""\
slug: {slug}
code: {code}
name: Sign {slug}
short: {slug}
order: {order}
description: A sign [@editorial].
action: Call 999 now [@editorial].
tier: {("emergency", "urgent", "routine")[order % 3]}
review: {{last: 2026-11-25, by: editor, next_due: 2027-05-25}}
"""


def _estimate() -> str:
    """Words for every code the estimator can answer with, each claim editorial."""
    lines = [
        "slug: estimate",
        "name: Estimate",
        *(
            f"{name}: Words [@editorial]."
            for name in ("measure", "typical", "caveat", "assess", "as_is", "as_is_beyond", "refer")
        ),
        "disclaimer: Not a diagnosis [@editorial].",
        "running:",
        *(
            f'  - {{code: {code}, title: Run, text: ["Run [@editorial]."]}}'
            for code in get_args(Running)
        ),
        "phases:",
        *(
            f"  - {{phase: {code}, name: {code}, what: ['Do it [@editorial].'],"
            " move_on_when: 'Easy [@editorial].', template: start}"
            for code in PHASES
        ),
        "factors:",
    ]
    for factor in FACTORS:
        question = BY_FIELD[factor.name]
        lines.append(f"  - factor: {factor.name}")
        lines.append(f"    label: {factor.name}")
        lines.append("    answers:")
        if question.kind == "number":
            lines.append("      - {at_least: 0, why: 'It has hurt for {duration} [@editorial].'}")
        for value, _ in question.options:
            lines.append(f"      - {{answer: '{answer_text(value)}', why: 'Why [@editorial].'}}")
    lines.append("outlooks:")
    lines += [
        f"  - {{code: {code}, title: Long, text: ['Long [@editorial].']}}"
        for code in get_args(Reason)
    ]
    lines.append("review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}")
    return "\n".join(lines) + "\n"


MINIMAL: dict[str, str] = {
    "condition/runners-knee.yaml": """\
slug: runners-knee
name: Runner's knee
other_names: [PFPS]
summary: Pain around the kneecap [@ref-one].
definition: The kneecap and the thigh bone [@editorial].
where_it_hurts: At the front [@ref-one].
worse_with: ["Stairs [@experience]."]
how_common:
  - low_percent: 13
    high_percent: 30
    of_what: visits to a clinician for a running injury
    reference: ref-one
course: Starts small [@experience].
outlook: ["Many recover in weeks [@ref-one]."]
diagnosis: A physiotherapist confirms it [@editorial].
reassurance: It is common [@ref-one].
today: ["Run less [@editorial]."]
references: [ref-one]
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "symptoms/ache.yaml": """\
slug: ache
name: Ache
order: 1
description: A dull ache [@ref-one].
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "causes/weakness.yaml": """\
slug: weakness
name: Weakness
order: 1
summary: Weak hips [@experience].
explanation: ["The hips let the knee drift [@experience]."]
how_to_address: Strengthen them [@ref-one].
references: [ref-one]
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "recovery-factors/severity.yaml": """\
slug: severity
name: Severity
order: 1
summary: Worse takes longer [@experience].
details: ["Act early [@editorial]."]
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "timelines/average.yaml": """\
slug: average
name: Average
order: 1
situation: The usual case [@experience].
span: 4-6 weeks
low_weeks: 4
high_weeks: 6
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "treatments/strengthening.yaml": """\
slug: strengthening
name: Strengthening
category: exercise
order: 1
summary: Build strength [@ref-one].
details: ["Do the exercises [@ref-one]."]
exercises: [clam-shell]
references: [ref-one]
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
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
  note: No tested dose [@editorial].
cautions: ["Keep the pelvis still [@editorial]."]
causes: [weakness]
references: [ref-one]
move_on_when: It is easy [@editorial].
step_back_when: It hurts [@editorial].
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "program-templates/start.yaml": """\
slug: start
name: Start
order: 1
audience: Sore now?
summary: Begin gently [@editorial].
exercises:
  - exercise: clam-shell
    dose: {sets: 2}
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    **{
        f"red-flags/{code.replace('_', '-')}.yaml": _red_flag(code, order)
        for order, code in enumerate(RED_FLAGS, start=1)
    },
    "estimate/estimate.yaml": _estimate(),
    "psfs/psfs.yaml": """\
slug: psfs
name: PSFS
summary: Three activities [@ref-one].
applies: To the mean [@ref-one].
small: 1.3
medium: 2.3
large: 2.7
reference: ref-one
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "session/session.yaml": """\
slug: session
name: Guided session
start: Start session
intro: Takes you through.
ready: "Get ready: {exercise}"
set: Set {set} of {sets}
side_one: First side
side_two: Other side
switch: Change sides
rep: "{rep} of {reps}"
out: Move
hold: Hold
back: Back
tail: Relax
rest: Rest
seconds: "{seconds} s"
next: "Next: {next}"
wait: Press Skip to go on.
own_pace: Press Done.
pause: Pause
resume: Resume
skip: Skip
done: Done
end: End session
too_painful: Too painful
stopped: Stop for now
triage: Check the warning signs
cues: Cues
sound: Beeps
vibrate: Vibrate
finished: Session finished
saved: "{exercise}: {count} of {sets} sets"
none_saved: Nothing was ticked.
not_saved: Not saved.
close: Back to the program
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "companion/companion.yaml": """\
slug: companion
name: The record on the device
cleared: Cleared.
exported: Exported.
send: Send.
copied: Copied.
import_question: "{count} on {dates}."
psfs_week: "{given}, next {due}."
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "triage/triage.yaml": """\
slug: triage
name: When to get help
scope: For adults [@editorial].
elsewhere: Elsewhere, call your local number [@editorial].
calls: [{number: "999", name: emergency services}]
tiers:
  - {tier: emergency, heading: Call 999 now, summary: "Now [@editorial]."}
  - {tier: urgent, heading: Get help today, summary: "Today [@editorial]."}
  - {tier: routine, heading: Book a visit, summary: "Soon [@editorial]."}
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "pain-rule/rule.yaml": """\
slug: rule
name: The pain rule
max_pain: 2
settle_minutes: 60
high_pain: 6
summary: Some pain is fine [@ref-one].
scale: 0 is none, 10 the worst [@ref-one].
during: Keep it low [@ref-one].
after: It settles [@ref-one].
if_broken: Do less [@editorial].
stop_rule: Stop if it hurts over {max_pain} [@editorial].
advice:
  stop: {title: Stop, text: "{pain} is too much [@editorial]."}
  step_back: {title: Step back, text: "Do less [@editorial]."}
  wait: {title: Wait, text: "Wait {settle_minutes} minutes [@editorial]."}
  stay: {title: Stay, text: "Stay [@editorial]."}
  carry_on: {title: Carry on, text: "Carry on [@editorial]."}
  none: {title: Record, text: "Record it [@editorial]."}
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "running-plan/walk-run.yaml": """\
slug: walk-run
name: Walk-run
summary: Ease back in [@ref-one].
stages:
  - {name: Walk-run, what: "Run and walk [@ref-one]."}
  - {name: Run, what: "Run more [@editorial]."}
tips: ["Slow down [@ref-one]."]
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "topics/scans.yaml": """\
slug: scans
name: Scans
order: 1
summary: Most people need no scan [@ref-one].
sections:
  - heading: When a scan helps
    paragraphs: ["After an injury [@editorial]."]
references: [ref-one]
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "glossary/vmo.yaml": """\
slug: vmo
term: VMO
meaning: the inner thigh muscle above the kneecap
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
    "references/ref-one.yaml": """\
slug: ref-one
number: 1
authors: ["Bump, J. M."]
year: 2023
title: Patellofemoral Syndrome
venue: StatPearls
url: https://www.ncbi.nlm.nih.gov/books/NBK557657/
cited_for: How common it is.
review: {last: 2026-11-25, by: editor, next_due: 2027-05-25}
""",
}


def renamed_clam_shell() -> dict[str, str | None]:
    """Changes to MINIMAL that rename clam-shell to clamshell, keeping the old slug as a former
    one, and update every item that links to it."""
    return {
        "exercises/clam-shell.yaml": MINIMAL["exercises/clam-shell.yaml"].replace(
            "slug: clam-shell", "slug: clamshell\nformer_slugs: [clam-shell]"
        ),
        "treatments/strengthening.yaml": MINIMAL["treatments/strengthening.yaml"].replace(
            "[clam-shell]", "[clamshell]"
        ),
        "program-templates/start.yaml": MINIMAL["program-templates/start.yaml"].replace(
            "clam-shell", "clamshell"
        ),
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
