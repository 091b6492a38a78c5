"""Typed, immutable records that flow between the pipeline stages.

ingest → Article; claims → Claim (with Quantity, TimeExpr, Entity); align → Fact;
compare → Contradiction; report → Report. Every offset is into ``Article.text`` (the cleaned
article), so ``article.text[claim.start:claim.end] == claim.text`` always holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, TypeVar

_R = TypeVar("_R")


def pickled_by_fields(cls: type[_R]) -> type[_R]:
    """Pickle a frozen slotted record as its class and field values, rebuilt by its constructor.

    Extractions travel from the worker pool's processes back to the caller pickled. The default for a
    slotted dataclass (``dataclasses._dataclass_getstate``, Python code calling ``fields()`` for every
    record) took a third of a millisecond per article to pickle, and unpickling another half: as much
    as cleaning a plain-text article of its furniture. A tuple of the values takes half the time."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    if not all(f.init for f in fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: a field its constructor does not take cannot be rebuilt from the values")
    values: Callable[[Any], tuple[Any, ...]]
    if len(names) == 1:
        (name,) = names
        values = lambda record: (getattr(record, name),)  # noqa: E731
    else:
        values = attrgetter(*names)

    def __reduce__(self: _R) -> tuple[type[_R], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls

SEVERITIES = ("conflict", "divergent")
CONTRADICTION_KINDS = ("numeric", "temporal", "title", "polarity", "quote", "assessment", "attribution", "other")
CLAIM_KINDS = ("figure", "time", "quote", "attributed", "assertion", "assessment")
GRANULARITIES = ("day", "week", "month", "season", "year", "decade", "unknown")


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the cleaned article text, as offsets plus the exact slice."""

    start: int
    end: int
    text: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A line removed from an article as page furniture, with the rule that removed it."""

    line: int  # 1-based line number in the decoded input
    text: str
    reason: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    id: str  # file stem
    path: str  # path relative to the seeds directory
    format: str  # "txt" | "md" | "html"
    title: str
    outlet: str | None
    author: str | None
    url: str | None
    published: dt.date | None
    dateline: str | None
    text: str  # cleaned article body; every claim offset points into it
    dropped: tuple[DroppedLine, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a claim, with what it counts.

    ``low``/``high`` are the interval the wording allows after the qualifier is applied
    ("more than 10,000" → low 10,000, high None meaning unbounded); ``value_low``/``value_high``
    are the literal numbers written.
    """

    start: int
    end: int
    text: str
    value_low: float
    value_high: float
    low: float | None
    high: float | None
    qualifier: str | None  # "about", "more than", "at least", "up to", "nearly", "additional", ...
    unit: str | None  # "%", "$", "km", ... ; None for plain counts
    counted: str | None  # head noun of what is counted: "soldiers", "troops", "people"
    measure: str | None  # counted noun plus the event that was counted: "soldiers killed or injured"
    out_of: float | None = None  # "1,000 out of 11,000" → 11,000


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised to an inclusive date interval when it can be resolved."""

    start: int
    end: int
    text: str
    granularity: str  # one of GRANULARITIES
    begin: dt.date | None
    end_date: dt.date | None
    relative: bool  # depends on the publication date ("last fall", "on Monday")
    resolved: bool  # False when relative and no publication date is known
    modifier: str | None = None  # "early", "mid", "late", "before", "after", "since"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    text: str
    name: str  # canonical name after alias merging ("Kim Jong Un", "North Korea", "United States")
    kind: str  # "person" | "organisation" | "place" | "other"
    role: str | None = None  # "former U.S. President" for "former U.S. President Donald Trump"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Stance:
    """One party's position inside a claim that holds two ("X claimed A, which Y denied")."""

    start: int
    end: int
    text: str
    speaker: str
    polarity: str  # "affirmed" | "denied"


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Claim:
    id: str  # "<source>/<n>", n counting claims in article order from 1
    source: str
    start: int
    end: int
    text: str
    sentence: int  # index of the sentence that holds the claim
    kinds: tuple[str, ...]
    speaker: str  # who asserts it; the outlet (or "the article") when unattributed
    speaker_kind: str  # "named" | "unnamed" | "self"
    polarity: str  # "affirmed" | "denied" | "disputed" (stances of both kinds)
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    entities: tuple[Entity, ...] = ()
    quote: str | None = None  # the quoted words, when the claim is or holds a direct quote
    stances: tuple[Stance, ...] = ()  # set when the sentence holds more than one party's position


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Fact:
    """Claims from two or more sources (or one) that state the same thing."""

    id: str
    topic: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    independent: int  # sources after collapsing near-identical copies of the same text


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Contradiction:
    id: str
    topic: str
    kind: str  # one of CONTRADICTION_KINDS
    severity: str  # one of SEVERITIES
    claims: tuple[str, ...]
    sides: tuple[tuple[str, ...], ...]  # claim ids grouped by the position they take
    explanation: str
    values: tuple[str, ...] = ()  # for figures and dates, the value each side states


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Override:
    """One editor decision from overrides.yaml, with the note that explains it."""

    action: str  # "dismiss" | "same_fact" | "different_facts" | "annotate"
    targets: tuple[str, ...]  # contradiction or claim ids (for annotate, a source id with a quote)
    note: str
    quote: str | None = None  # words the named claims must still contain, so renumbering is caught


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Dismissal:
    contradiction: Contradiction
    note: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be used, with the reason shown on the summary page."""

    path: str
    reason: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Report:
    event: str
    articles: tuple[Article, ...]
    sentences: dict[str, tuple[Sentence, ...]] = field(hash=False)
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    contradictions: tuple[Contradiction, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    dismissed: tuple[Dismissal, ...] = ()
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)  # editor notes by claim id
    from_cache: int = 0  # articles whose extraction came from the cache, not recomputed


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A markdown page (or a static file) the renderer produces, by site-relative path."""

    path: str  # e.g. "index.md", "sources/abc-1234abcd.md", "report.json"
    content: str
    in_nav: bool = True


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Story:
    """One story of a collection: its folder name, a page-path slug and its report."""

    id: str  # folder name under seeds/
    slug: str  # safe path prefix for its pages
    report: Report


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Collection:
    """What a seeds folder holds: one story (articles directly inside) or several (one per subfolder)."""

    stories: tuple[Story, ...]
    multi: bool
    warnings: tuple[str, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class StoryTotals:
    """A story in a few numbers: what the story index, the site's top report.json and the summary line
    need, so a build can let go of each story's report once its pages are rendered."""

    id: str
    slug: str
    event: str
    first_published: dt.date | None
    last_published: dt.date | None
    articles: int
    claims: int
    facts: int
    contradictions: int
    conflicts: int
    skipped: int
    from_cache: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class CollectionTotals:
    stories: tuple[StoryTotals, ...]
    multi: bool
    warnings: tuple[str, ...] = ()
