"""The content model: one frozen dataclass per kind of YAML item.

A field whose metadata has ``links`` holds slugs of another kind; the catalog checks that each one
exists. Prose may cite references inline as ``[@slug]``.

A field made with ``claim()`` holds statements of medical fact: each of its paragraphs must name
its basis inline, as one or more references (``[@slug]``), the runners' experience the source
article reports (``[@experience]``), or editorial guidance awaiting clinical review
(``[@editorial]``). The catalog enforces it and the page shows which is which.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field, fields
from typing import Any, Literal, get_args

from kneeguide.content.figure import Figure
from kneeguide.content.limits import (
    HOLD_SECONDS,
    LOAD_LENGTH,
    MAX_ITEMS,
    PAIN,
    REPS,
    REST_SECONDS,
    SETS,
    SLUG_PATTERN,
    TIMES_A_DAY,
    TIMES_A_WEEK,
    bounded,
    text,
)
from kneeguide.content.prose import HTTPS_URL
from kneeguide.content.read import Location

SLUG = re.compile(SLUG_PATTERN)
SEARCH_WORD = re.compile(r"[a-z]{2,30}")
DOI = re.compile(r"^10\.\d{4,9}/[^\s\"'<>\\]+$")
"""A DOI with no quote, angle bracket or backslash (write those percent-encoded: %3C for <)."""
URL = re.compile(f"^{HTTPS_URL}$")

Purpose = Literal["strengthen", "stretch", "release"]
TreatmentCategory = Literal["load", "exercise", "relief", "clinician", "support"]
DosageSource = Literal["reference", "editorial", "clinician-reviewed", "not-given"]
Tier = Literal["emergency", "urgent", "routine"]
TIERS: tuple[Tier, ...] = get_args(Tier)
"""The urgencies of warning signs, most urgent first."""

Per = Literal["day", "week"]
Reviewer = Literal["editor", "physiotherapist", "sports medicine doctor", "general practitioner"]

ET_AL = "et al."
"""Written last in a reference's authors when the rest of the list was not seen."""

EXPERIENCE = "experience"
EDITORIAL = "editorial"
BASES = (EXPERIENCE, EDITORIAL)
"""The two bases of a claim that are not references."""


def links(kind: str, default: Any = ()) -> Any:
    """A field of slugs that must name existing items of ``kind``."""
    return field(default=default, metadata={"links": kind})


def claim(default: Any = None) -> Any:
    """A prose field of medical fact: every paragraph names its basis inline."""
    if default is None:
        return field(metadata={"claim": True})
    return field(default=default, metadata={"claim": True})


ClinicalRole = Literal["physiotherapist", "sports medicine doctor", "general practitioner"]


@dataclass(frozen=True, kw_only=True)
class SignOff:
    """A clinician's sign-off of an item's claims, recorded from the review pack
    (``python -m kneeguide review``). ``claims`` is the pack's fingerprint of the claims they
    read: when the claims change, the sign-off no longer counts until they are read again."""

    name: str
    """The clinician's own name, as they signed: never filled in by anyone else."""
    role: ClinicalRole
    date: datetime.date
    claims: str


@dataclass(frozen=True, kw_only=True)
class Review:
    """When the editors last checked an item, and when next; and a clinician's sign-off, once
    one has read its claims."""

    last: datetime.date
    by: Reviewer
    """A role, never a name: ``editor`` until a clinician has reviewed the item."""
    next_due: datetime.date
    signed_off: SignOff | None = None

    def check(self) -> list[tuple[Location, str]]:
        problems: list[tuple[Location, str]] = []
        if self.next_due <= self.last:
            problems.append((("next_due",), "must be after the last review"))
        if self.signed_off is not None and not re.fullmatch(
            r"[0-9a-f]{12}", self.signed_off.claims
        ):
            problems.append(
                (("signed_off", "claims"), "copy the 12-character fingerprint from the review pack")
            )
        return problems


def _slug_problems(slug: str, where: Location = ("slug",)) -> list[tuple[Location, str]]:
    if SLUG.match(slug):
        return []
    return [(where, f'"{slug}" is not a slug: use lowercase letters, digits and single hyphens')]


def _search_word_problems(words: tuple[str, ...]) -> list[tuple[Location, str]]:
    return [
        (("search_words", index), f'"{word}" is not one lowercase word (a-z)')
        for index, word in enumerate(words)
        if not SEARCH_WORD.fullmatch(word)
    ]


@dataclass(frozen=True, kw_only=True)
class Reference:
    """A published source, numbered as the guide cites it; ``cited_for`` says what it supports."""

    slug: str
    number: int
    authors: tuple[str, ...]
    year: int | None
    """``null`` for a web page with no date, shown as "n.d."."""
    title: str
    venue: str
    cited_for: str
    review: Review
    details: str | None = None
    doi: str | None = None
    url: str | None = None

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if self.slug in BASES:
            problems.append((("slug",), f'"{self.slug}" is reserved for a claim\'s basis'))
        if self.number < 1:
            problems.append((("number",), "must be 1 or more"))
        if not self.authors:
            problems.append((("authors",), "list at least one author"))
        if self.doi is None and self.url is None:
            problems.append(((), "give a doi or a url so readers can check the source"))
        if self.doi is not None and not DOI.match(self.doi):
            problems.append(
                (
                    ("doi",),
                    f'"{self.doi}" is not a DOI such as 10.1000/xyz123 (write a quote, < or > '
                    "percent-encoded, such as %3C for <)",
                )
            )
        if self.url is not None and not URL.match(self.url):
            problems.append(
                (
                    ("url",),
                    f'"{self.url}" is not an https:// address (write a quote, < or > '
                    "percent-encoded, such as %22 for a quote)",
                )
            )
        return problems

    @property
    def short_authors(self) -> str:
        """``Bump & Lewis``, or ``Chan et al.`` for three authors or more, or when the list
        itself ends with "et al." (only the first author was seen)."""
        surnames = [author.split(",")[0] for author in self.authors if author != ET_AL]
        if len(surnames) > 2 or ET_AL in self.authors:
            return f"{surnames[0]} et al."
        return " & ".join(surnames)

    @property
    def link(self) -> str:
        """Where a reader checks the source: the DOI resolver when there is a DOI."""
        return f"https://doi.org/{self.doi}" if self.doi else str(self.url)

    @property
    def shown_year(self) -> str:
        return "n.d." if self.year is None else str(self.year)


@dataclass(frozen=True, kw_only=True)
class HowCommon:
    """One published figure for how common the condition is: a share, in percent, of what
    ``of_what`` names (running injuries, clinic visits, people in a year), with its source.

    Such figures are shares of different things; none is the chance that a runner gets it
    unless the source measured that.
    """

    low_percent: float
    high_percent: float
    """The same as ``low_percent`` when the source gives one figure, not a range."""
    of_what: str
    """What the figure is a share of, as the page words it after "of": "running injuries",
    "people in the general population, in a year"."""
    reference: str = field(metadata={"links": "references"})

    def check(self) -> list[tuple[Location, str]]:
        if 0 <= self.low_percent <= self.high_percent <= 100:
            return []
        return [
            (
                ("low_percent",),
                "a share in percent needs 0 <= low_percent <= high_percent <= 100",
            )
        ]

    @property
    def percent(self) -> str:
        """``13-30%``, or ``17%`` for a single figure."""
        low, high = f"{self.low_percent:g}", f"{self.high_percent:g}"
        return f"{low}%" if low == high else f"{low}-{high}%"


@dataclass(frozen=True, kw_only=True)
class Condition:
    """What runner's knee is: names, where it hurts, who gets it, what to expect."""

    slug: str
    name: str
    other_names: tuple[str, ...]
    summary: str = claim()
    definition: str = claim()
    where_it_hurts: str = claim()
    worse_with: tuple[str, ...] = claim()
    how_common: tuple[HowCommon, ...]
    """Published figures for how common it is, each with what it is a share of."""
    course: str = claim()
    outlook: tuple[str, ...] = claim()
    diagnosis: str = claim()
    reassurance: str = claim()
    """What a worried reader needs first: how common it is, and what the pain does and does not
    mean. The home page's opening."""
    today: tuple[str, ...] = claim()
    """What to do today, step by step, each with a link to the page that says more."""
    review: Review
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if not 1 <= len(self.today) <= 4:
            problems.append((("today",), "give one to four steps"))
        return problems


@dataclass(frozen=True, kw_only=True)
class Symptom:
    """One symptom, as a reader would notice it."""

    slug: str
    name: str
    order: int
    description: str = claim()
    review: Review
    references: tuple[str, ...] = links("references")
    search_words: tuple[str, ...] = ()
    """Everyday words a reader may search with for this symptom ("kneeling"), found on the page
    that describes it; written as for an exercise's ``search_words``."""

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug) + _search_word_problems(self.search_words)


@dataclass(frozen=True, kw_only=True)
class Cause:
    """A reason the kneecap ends up irritated, and how it is put right."""

    slug: str
    name: str
    order: int
    summary: str = claim()
    explanation: tuple[str, ...] = claim()
    how_to_address: str = claim()
    review: Review
    references: tuple[str, ...] = links("references")
    related: tuple[str, ...] = links("causes")

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True, kw_only=True)
class Dosage:
    """A starting dose. ``source`` says where the figures come from.

    ``reference`` names the study whose programme the figures come from; ``editorial`` marks the
    editors' suggestion, listed for clinical review. Either is a starting point that a clinician
    may change. ``not-given`` marks an exercise no source doses: no figure is
    invented, and the note says what to do instead.
    """

    source: DosageSource
    note: str = claim()
    sets: int | None = bounded(SETS, None)
    reps: int | None = bounded(REPS, None)
    hold_seconds: int | None = bounded(HOLD_SECONDS, None)
    each_side: bool = False
    frequency: str | None = None
    reference: str | None = field(default=None, metadata={"links": "references"})

    def check(self) -> list[tuple[Location, str]]:
        figures = {"sets": self.sets, "reps": self.reps, "hold_seconds": self.hold_seconds}
        problems: list[tuple[Location, str]] = []
        given = [name for name, value in figures.items() if value is not None]
        if self.source == "not-given" and given:
            problems.append(
                ((given[0],), "source is not-given, so leave the figure out (or cite its source)")
            )
        if self.source != "not-given" and not given:
            problems.append(
                (("source",), "give sets, reps or hold_seconds, or set source: not-given")
            )
        if self.source == "reference" and self.reference is None:
            problems.append((("reference",), "source is reference: name the reference"))
        return problems


@dataclass(frozen=True, kw_only=True)
class Exercise:
    """One exercise, published at ``/exercises/<slug>/`` for good."""

    slug: str
    name: str
    purpose: Purpose
    order: int
    """Where the item comes in its list."""
    summary: str
    targets: tuple[str, ...]
    equipment: tuple[str, ...]
    steps: tuple[str, ...]
    dosage: Dosage
    cautions: tuple[str, ...] = claim()
    move_on_when: str = claim()
    step_back_when: str = claim()
    review: Review
    causes: tuple[str, ...] = links("causes")
    progressions: tuple[str, ...] = links("exercises")
    regressions: tuple[str, ...] = links("exercises")
    references: tuple[str, ...] = links("references")
    former_slugs: tuple[str, ...] = ()
    """Slugs this exercise was published under before: each gets a redirect page."""
    figure: Figure | None = None
    search_words: tuple[str, ...] = ()
    """Everyday words a reader may search with to find this exercise ("stairs", "squatting"),
    each a real word, lowercase, written as readers type it: the search matches what they type
    as the start of a word, so a plural or other form the reader may type is listed too."""

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        for index, former in enumerate(self.former_slugs):
            problems += _slug_problems(former, ("former_slugs", index))
        problems += _search_word_problems(self.search_words)
        if len(self.steps) < 2:
            problems.append((("steps",), "give at least two numbered steps"))
        if not self.references:
            problems.append((("references",), "cite at least one reference"))
        for name in ("progressions", "regressions"):
            for index, slug in enumerate(getattr(self, name)):
                if slug == self.slug:
                    problems.append(((name, index), "an exercise cannot lead to itself"))
        return problems


@dataclass(frozen=True, kw_only=True)
class TemplateDose:
    """Figures that replace the exercise's starting dose in one program template.

    A figure left out keeps the guide's starting dose (``dosage`` of the exercise).
    """

    sets: int | None = bounded(SETS, None)
    reps: int | None = bounded(REPS, None)
    hold_seconds: int | None = bounded(HOLD_SECONDS, None)
    each_side: bool | None = None
    rest_seconds: int | None = bounded(REST_SECONDS, None)
    load: str | None = text(LOAD_LENGTH, None)
    times: int | None = bounded(TIMES_A_WEEK, None)
    """How many times a day (at most 14) or a week (at most 21)."""
    per: Per | None = None

    def check(self) -> list[tuple[Location, str]]:
        bounds = TIMES_A_WEEK if self.per == "week" else TIMES_A_DAY
        if self.times is not None and not bounds.low <= self.times <= bounds.high:
            return [(("times",), f"{bounds.message()} a {self.per or 'day'}, got {self.times}")]
        return []


@dataclass(frozen=True, kw_only=True)
class TemplateExercise:
    """One exercise of a program template, with the figures that differ from its starting dose."""

    exercise: str = field(metadata={"links": "exercises"})
    dose: TemplateDose = field(default_factory=TemplateDose)


@dataclass(frozen=True, kw_only=True)
class ProgramTemplate:
    """A ready-made program the builder applies in one click, then the clinician edits it."""

    slug: str
    name: str
    order: int
    audience: str
    """Who it is for, as a reader would ask: "Sore now?"."""
    summary: str = claim()
    exercises: tuple[TemplateExercise, ...]
    review: Review
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if not 1 <= len(self.exercises) <= MAX_ITEMS:
            problems.append((("exercises",), f"list 1 to {MAX_ITEMS} exercises"))
        slugs = [e.exercise for e in self.exercises]
        for index, slug in enumerate(slugs):
            if slug in slugs[:index]:
                problems.append((("exercises", index, "exercise"), f'"{slug}" is listed twice'))
        return problems


@dataclass(frozen=True, kw_only=True)
class Treatment:
    """A treatment option: what it does, when it fits, and what to watch for."""

    slug: str
    name: str
    category: TreatmentCategory
    order: int
    summary: str = claim()
    details: tuple[str, ...] = claim()
    cautions: tuple[str, ...] = claim(())
    review: Review
    exercises: tuple[str, ...] = links("exercises")
    references: tuple[str, ...] = links("references")
    search_words: tuple[str, ...] = ()
    """Everyday words a reader may search with for the situation this treatment addresses
    ("downhill"), found on the treatment page; written as for an exercise's ``search_words``."""

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug) + _search_word_problems(self.search_words)


@dataclass(frozen=True, kw_only=True)
class RecoveryFactor:
    """Something that makes recovery shorter or longer."""

    slug: str
    name: str
    order: int
    summary: str = claim()
    details: tuple[str, ...] = claim()
    review: Review
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True, kw_only=True)
class Timeline:
    """A typical recovery span for one situation, as runners report it (``span``) and in weeks.

    ``open_ended`` marks a span with no upper limit ("or more"); ``high_weeks`` is then the
    figure named before "or more".
    """

    slug: str
    name: str
    order: int
    situation: str = claim()
    span: str
    """The time as it is worded for readers, such as "4-6 weeks"."""
    low_weeks: float
    high_weeks: float
    open_ended: bool = False
    review: Review
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if self.low_weeks <= 0:
            problems.append((("low_weeks",), "must be more than 0"))
        if self.high_weeks < self.low_weeks:
            problems.append((("high_weeks",), "must not be less than low_weeks"))
        return problems


@dataclass(frozen=True, kw_only=True)
class RedFlag:
    """A sign that needs a clinician rather than self-care, and how urgently (``tier``).

    ``code`` is the calculator's name for it, when the calculator asks about it.
    """

    slug: str
    name: str
    short: str
    """The sign in a few words, for the warning box on every page: "Sudden breathlessness"."""
    tier: Tier
    """How fast to get help: ``emergency`` (now), ``urgent`` (today) or ``routine``."""
    order: int
    description: str = claim()
    action: str = claim()
    code: str | None = None
    """The calculator's name for the sign, when the calculator asks about it."""
    review: Review
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True, kw_only=True)
class Call:
    """A phone number the guide tells readers to call; wherever prose names it, it is a link."""

    number: str
    """Digits only, as dialled: ``999``."""
    name: str
    """What the number reaches, for the link's text: ``NHS 111``."""

    def check(self) -> list[tuple[Location, str]]:
        if re.fullmatch(r"\d{2,15}", self.number):
            return []
        return [(("number",), f'"{self.number}" is not a phone number: digits only')]


@dataclass(frozen=True, kw_only=True)
class TierAdvice:
    """What to do for every sign of one urgency, as the heading of that group of signs."""

    tier: Tier
    heading: str
    """The action, in a few words, NHS style: "Call 999 or go to A&E now"."""
    summary: str = claim()


@dataclass(frozen=True, kw_only=True)
class Triage:
    """Who the guide is for, how fast each group of warning signs needs help, and the numbers."""

    slug: str
    name: str
    scope: str = claim()
    """Who the guide is written for: the signs outside it are what the red flags list."""
    elsewhere: str = claim()
    """What to do outside the country whose numbers the guide gives."""
    calls: tuple[Call, ...]
    tiers: tuple[TierAdvice, ...]
    """One entry per urgency, most urgent first."""
    review: Review
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        tiers = tuple(t.tier for t in self.tiers)
        if tiers != TIERS:
            problems.append(
                (("tiers",), f"give one entry per tier, in this order: {', '.join(TIERS)}")
            )
        return problems

    def advice(self, tier: Tier) -> TierAdvice:
        return next(t for t in self.tiers if t.tier == tier)


@dataclass(frozen=True, kw_only=True)
class AdviceWords:
    """One level of the companion's advice after a session: a title and what to do.

    The text may use ``{pain}``, ``{baseline}``, ``{max_pain}``, ``{high_pain}`` and
    ``{settle_minutes}``; the browser fills them in.
    """

    title: str
    text: str = claim()

    def check(self) -> list[tuple[Location, str]]:
        return _figure_problems(self.text, ("text",))


ADVICE_FIGURES = ("pain", "baseline", "max_pain", "high_pain", "settle_minutes")
"""The figures the companion's advice and the program's stop rule may name."""


def _figure_problems(text: str, where: Location) -> list[tuple[Location, str]]:
    unknown = sorted(set(re.findall(r"\{(\w*)\}", text)) - set(ADVICE_FIGURES))
    if unknown:
        allowed = ", ".join("{" + name + "}" for name in ADVICE_FIGURES)
        return [(where, f"{{{unknown[0]}}} is not a figure the page knows; use {allowed}")]
    return []


@dataclass(frozen=True, kw_only=True)
class SessionAdvice:
    """The companion's advice after a session, from the most to the least serious level."""

    stop: AdviceWords
    """Very high pain after the session, or the knee swelled, locked or gave way."""
    step_back: AdviceWords
    """The rule was broken: the pain had not settled in time, or was worse the next morning."""
    wait: AdviceWords
    """More pain after the session than the rule allows, not yet known to have settled."""
    stay: AdviceWords
    """More pain after the session than the rule allows, but it settled in time."""
    carry_on: AdviceWords
    """Every answer within the rule."""
    none: AdviceWords
    """Nothing recorded yet: what to record and why."""


@dataclass(frozen=True, kw_only=True)
class PainRule:
    """How much pain is acceptable during and after exercise and running: one rule for the guide.

    The figures are used everywhere the guide gives the rule, in words and in the browser.
    """

    slug: str
    name: str
    max_pain: int = bounded(PAIN)
    """The most pain allowed during exercise or a run, from 0 (none) to 10 (the worst)."""
    settle_minutes: int
    """How soon after exercise the pain should be back to how it was before."""
    high_pain: int = bounded(PAIN)
    """A pain score after a session at which the companion says to stop for today and tell the
    clinician, whatever the pain was before."""
    summary: str = claim()
    scale: str = claim()
    """How a pain score is given: what 0 and 10 mean."""
    during: str = claim()
    after: str = claim()
    if_broken: str = claim()
    stop_rule: str = claim()
    """When to stop an exercise, printed first on every program; may name the figures the
    advice names (``{max_pain}``, ``{settle_minutes}``...)."""
    advice: SessionAdvice
    review: Review
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if self.high_pain <= self.max_pain:
            problems.append((("high_pain",), "must be more than max_pain"))
        problems += _figure_problems(self.stop_rule, ("stop_rule",))
        if self.settle_minutes < 1:
            problems.append((("settle_minutes",), "must be 1 or more"))
        return problems


@dataclass(frozen=True, kw_only=True)
class RunningStage:
    """One stage of the way back to running."""

    name: str
    what: str = claim()


@dataclass(frozen=True, kw_only=True)
class RunningPlan:
    """The gradual walk-run way back to running, stage by stage."""

    slug: str
    name: str
    summary: str = claim()
    stages: tuple[RunningStage, ...]
    tips: tuple[str, ...] = claim()
    review: Review
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if len(self.stages) < 2:
            problems.append((("stages",), "give at least two stages"))
        return problems


@dataclass(frozen=True, kw_only=True)
class AnswerWords:
    """Why one answer to a calculator question moves the estimate as it does.

    For a choice, ``answer`` is its value as the form writes it (``mild``, ``true``); for a
    number, ``at_least`` is the lowest value the words are for (the highest band that fits is
    used). The text may name ``{duration}``, the reader's answer in days or weeks.
    """

    answer: str | None = None
    at_least: float | None = None
    why: str = claim()

    def check(self) -> list[tuple[Location, str]]:
        if (self.answer is None) == (self.at_least is None):
            return [((), "give either answer (a choice) or at_least (a number), not both")]
        unknown = sorted(set(re.findall(r"\{(\w*)\}", self.why)) - {"duration"})
        if unknown:
            return [
                (("why",), f"{{{unknown[0]}}} is not a figure the page knows; use {{duration}}")
            ]
        return []


@dataclass(frozen=True, kw_only=True)
class FactorWords:
    """One factor of the estimate (``factor``: the estimator's code), in the reader's words."""

    factor: str
    label: str
    answers: tuple[AnswerWords, ...]
    references: tuple[str, ...] = links("references")
    """Sources for the direction of the factor's effect (its size is the editors' judgement)."""
    timeline: str | None = field(default=None, metadata={"links": "timelines"})
    """The typical recovery time that anchors the factor's size."""


@dataclass(frozen=True, kw_only=True)
class PhaseWords:
    """One phase of the way back to running (``phase``: the estimator's code)."""

    phase: str
    name: str
    what: tuple[str, ...] = claim()
    start_when: str | None = field(default=None, metadata={"claim": True})
    """What shows the knee is ready for the phase, when that is more than the end of the last."""
    move_on_when: str | None = field(default=None, metadata={"claim": True})
    ongoing: str | None = field(default=None, metadata={"claim": True})
    """For a phase that goes on past its planned end: how to keep it going."""
    template: str = field(metadata={"links": "program-templates"})
    """The program template whose exercises the phase uses."""


@dataclass(frozen=True, kw_only=True)
class CodeWords:
    """Words for one of the estimator's codes (a running advice, an outlook's reason)."""

    code: str
    title: str
    text: tuple[str, ...] = claim()


@dataclass(frozen=True, kw_only=True)
class EstimateWords:
    """Every word the recovery calculator shows about an estimate. The estimator answers in
    codes and numbers; these say what they mean, each claim with its basis."""

    slug: str
    name: str
    measure: str = claim()
    """What the number measures."""
    typical: str = claim()
    """Where the typical case shown before the reader answers comes from."""
    caveat: str = claim()
    """Shown with every estimate: how far studies found people's recovery can run past it."""
    assess: str = claim()
    """For severe pain: get it assessed."""
    as_is: str = claim()
    """Beside the estimate, when the reader's habits differ from the guide's plan."""
    as_is_beyond: str = claim()
    """The same, when nothing changing would take the time past the model's range."""
    refer: str = claim()
    """Beside a referral: why the calculator gives no number."""
    disclaimer: str = claim()
    running: tuple[CodeWords, ...]
    phases: tuple[PhaseWords, ...]
    factors: tuple[FactorWords, ...]
    outlooks: tuple[CodeWords, ...]
    review: Review
    references: tuple[str, ...] = links("references")

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True, kw_only=True)
class CompanionWords:
    """Sentences the patient's companion shows about the record kept on the device. They are
    interface words and state no medical fact (the pain rule's advice is in the pain rule); the
    browser fills in the names in braces."""

    slug: str
    name: str
    cleared: str
    """A changed program is opened on a device that holds no record of the earlier one."""
    exported: str
    """After the record is exported."""
    send: str
    """Above "Send my progress to my physio": what the link holds, and who sees it."""
    copied: str
    """After the progress link is copied."""
    import_question: str
    """An import whose days differ from the device's: ``{count}`` days, on ``{dates}``."""
    psfs_week: str
    """A second PSFS within the week updated it: given on ``{given}``, the next due on ``{due}``."""
    review: Review

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)


@dataclass(frozen=True, kw_only=True)
class Psfs:
    """The Patient-Specific Functional Scale as the companion uses it: three activities, each
    scored 0 (cannot do it) to 10 (as before), and the smallest change in the score that
    matters, with its source."""

    slug: str
    name: str
    summary: str = claim()
    applies: str = claim()
    """What the smallest change that matters applies to, and the group it was measured in."""
    small: float
    medium: float
    large: float
    reference: str = field(metadata={"links": "references"})
    review: Review

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        if not 0 < self.small <= self.medium <= self.large <= PAIN.high:
            problems.append((("small",), "needs 0 < small <= medium <= large <= 10"))
        return problems


SESSION_FIGURES = ("exercise", "set", "sets", "rep", "reps", "seconds", "next", "count")
"""The figures the guided session's words may name; the browser fills them in."""


@dataclass(frozen=True, kw_only=True)
class SessionWords:
    """Every word the guided session on a patient's program shows: its buttons, what each step
    says and announces, and the end. Words may name the figures in ``SESSION_FIGURES`` in
    braces (``Set {set} of {sets}``). They state no medical fact: when it is too painful, the
    session shows the pain rule's stop rule and the link to the warning signs."""

    slug: str
    name: str
    """The session's heading."""
    start: str
    """The button on the program that starts the session."""
    intro: str
    """Beside that button: what the session does."""
    ready: str
    """Before each exercise: ``{exercise}``."""
    set: str
    """Which set: ``{set}``, ``{sets}``."""
    side_one: str
    side_two: str
    switch: str
    """Between the two sides of a set."""
    rep: str
    """The count: ``{rep}``, ``{reps}``."""
    out: str
    """A repetition's parts: moving to the end position, holding it, back to the start, the
    pause before the next."""
    hold: str
    back: str
    tail: str
    rest: str
    seconds: str
    """The time left of a step or a hold: ``{seconds}``."""
    next: str
    """What comes after this step: ``{next}``."""
    wait: str
    """A rest the dose does not time."""
    own_pace: str
    """An exercise the dose gives no repetitions or hold for."""
    pause: str
    resume: str
    skip: str
    done: str
    end: str
    too_painful: str
    stopped: str
    """The heading over the pain rule's stop rule, after "too painful"."""
    triage: str
    """The link to the warning signs."""
    cues: str
    """The heading over the sound and vibration switches."""
    sound: str
    vibrate: str
    finished: str
    saved: str
    """One line per exercise at the end: ``{exercise}``, ``{count}`` sets of ``{sets}``."""
    none_saved: str
    not_saved: str
    """Under the sets finished, when this device did not keep them (storage blocked or full)."""
    close: str
    review: Review

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug)
        allowed = ", ".join("{" + name + "}" for name in SESSION_FIGURES)
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, str):
                continue
            unknown = sorted(set(re.findall(r"\{(\w*)\}", value)) - set(SESSION_FIGURES))
            if unknown:
                problems.append(
                    (
                        (f.name,),
                        f"{{{unknown[0]}}} is not a figure the session knows; use {allowed}",
                    )
                )
        return problems


@dataclass(frozen=True, kw_only=True)
class TopicSection:
    """One part of a topic page: a heading, and paragraphs that each name their basis."""

    heading: str
    """A short heading, as a reader would ask it: "When a scan helps"."""
    paragraphs: tuple[str, ...] = claim()


@dataclass(frozen=True, kw_only=True)
class Topic:
    """Something a clinician expects a runner to ask about (scans, surgery, flare-ups, children),
    published at ``/topics/<slug>/`` and listed on the topics page."""

    slug: str
    name: str
    order: int
    summary: str = claim()
    """What the page says, in one or two sentences: the topics page lists it."""
    sections: tuple[TopicSection, ...]
    review: Review
    references: tuple[str, ...] = links("references")
    search_words: tuple[str, ...] = ()
    """Everyday words a reader may search with for the situation this topic addresses
    ("hiking"), written as for an exercise's ``search_words``."""

    def check(self) -> list[tuple[Location, str]]:
        problems = _slug_problems(self.slug) + _search_word_problems(self.search_words)
        if not self.sections:
            problems.append((("sections",), "give at least one section"))
        headings = [section.heading for section in self.sections]
        for index, heading in enumerate(headings):
            if heading in headings[:index]:
                problems.append(
                    (("sections", index, "heading"), f'"{heading}" is already a heading here')
                )
        return problems


@dataclass(frozen=True, kw_only=True)
class GlossaryTerm:
    """A technical word and its plain meaning, shown as a tooltip wherever the word appears."""

    slug: str
    term: str
    meaning: str
    review: Review

    def check(self) -> list[tuple[Location, str]]:
        return _slug_problems(self.slug)
