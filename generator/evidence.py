"""What the comparisons share: a Finding, whether two claims are related, and who a claim's source is.

``Related`` answers "do these two claims speak of the same thing?" from alignment (same fact) or
vector similarity. ``same_source_of_claim`` decides whether two figures come from the same
estimator — the speaker when the claim is attributed, else the body doing the counting
("Police put the crowd at 18,000").
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .align import TEXT_MEMO, Vectors, cosine
from .entities import canonical_name, same_entity
from .records import Claim, Fact

# Similarity two claims need before a difference between them is worth examining at all.
RELATED_THRESHOLD = 0.15
# Words that name who counted when a sentence opens with them ("Police put the crowd at …").
_SOURCE_NOUNS = frozenset(
    """police organisers organizers officials authorities researchers analysts experts government ministry
    agency company union army military spokesperson spokesman spokeswoman regulators prosecutors investigators
    scientists economists doctors hospital hospitals officers rescuers firefighters""".split()
)
# Corporate and generic words left out when comparing two names of one organisation.
# "Council officials" speak for the council, "police sources" for the police.
_GENERIC_NAME_WORDS = frozenset(
    """ag inc inc. corp corp. ltd ltd. plc sa se group the company co co. llc (unnamed) official officials
    spokesperson spokesman spokeswoman source sources staff representative representatives""".split()
)
_FIRST_WORD = re.compile(r"[A-Za-z]+")
# Words that make a statement a forecast, target or plan rather than an outcome.
_PROJECTION = re.compile(
    r"\b(?:will|would|forecasts?|forecasted|expects?|expected|targets?|targeted|aims?|outlook|guidance|"
    r"projected|projections?|plans?|planned|intends?|by the end of)\b",
    re.I,
)


@lru_cache(maxsize=TEXT_MEMO)
def is_projection(text: str) -> bool:
    """Whether a statement is about what is planned or expected, not what happened."""
    return _PROJECTION.search(text) is not None


@dataclass(frozen=True, slots=True)
class Finding:
    """One disagreement before ids are assigned: claims on each side, a topic and a reason."""

    kind: str
    severity: str
    sides: tuple[tuple[Claim, ...], ...]
    topic: str
    explanation: str
    values: tuple[str, ...] = ()  # what each side states ("4,000", "2025-01-01 – 2025-04-30"), if a value


class Related:
    """Whether two claims speak of the same thing: aligned into one fact, or similar enough."""

    def __init__(
        self,
        facts: Sequence[Fact],
        vectors: Vectors,
        published: dict[str, dt.date | None],
        keys: Mapping[str, str] | None = None,
    ) -> None:
        self.keys = keys or {}  # claims' stable keys (claimkeys.py); a claim without one goes by its id
        self.fact_of: dict[str, set[str]] = defaultdict(set)
        for f in facts:
            for cid in f.claims:
                self.fact_of[cid].add(f.id)
        self.vectors = vectors
        self.published = published

    def key(self, c: Claim) -> str:
        """A name for the claim that a paragraph added above it leaves as it was (its id would not)."""
        return self.keys.get(c.id, c.id)

    def similarity(self, a: Claim, b: Claim) -> float:
        return cosine(self.vectors.by_claim[a.id], self.vectors.by_claim[b.id])

    def same_fact(self, a: Claim, b: Claim) -> bool:
        return bool(self.fact_of[a.id] & self.fact_of[b.id])

    def __call__(self, a: Claim, b: Claim, threshold: float = RELATED_THRESHOLD) -> bool:
        return self.same_fact(a, b) or self.similarity(a, b) >= threshold


def speaker_key(c: Claim) -> str:
    """The speaker compared across sources, where spellings and titles differ."""
    return canonical_name(c.speaker) if c.speaker_kind == "named" else c.speaker


def _name_words(name: str) -> set[str]:
    return {w for w in canonical_name(name).lower().split() if w not in _GENERIC_NAME_WORDS}


@lru_cache(maxsize=4 * TEXT_MEMO)
def same_name(a: str, b: str) -> bool:
    """Two names of one person or body ("Vellmark" and "German industrial group Vellmark AG")."""
    if a == b or same_entity(a, b):
        return True
    wa, wb = _name_words(a), _name_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def estimator(c: Claim) -> str | None:
    """Who stands behind a claim's figures: its speaker, or the counting body it opens with."""
    if c.speaker_kind != "self":
        return speaker_key(c)
    first = _FIRST_WORD.match(c.text)
    if first and first.group().lower() in _SOURCE_NOUNS:
        return first.group().lower()
    for e in c.entities:
        if e.kind in ("organisation", "person") and e.start - c.start < 40:
            return e.name
    return None


def same_estimator(a: Claim, b: Claim) -> bool | None:
    """True or False when both claims name who counted; None when either does not."""
    ea, eb = estimator(a), estimator(b)
    if ea is None or eb is None:
        return None
    return same_name(ea, eb)


# Within one group (claims giving one measure, dating one action …) all pairs are compared up to
# this size; a larger group is compared against this many hub members only, chosen by a stable
# hash, so cost stays linear while every finding still reaches the merged contradiction.
MAX_ALL_PAIRS = 200


def bounded_pairs(keys: Sequence[str]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) to compare among items with stable ``keys``: names that survive an edit elsewhere
    in the articles (claims' stable keys, not their ids), so that the same items pick the same hubs."""
    n = len(keys)
    if n <= MAX_ALL_PAIRS:
        for i in range(n):
            for j in range(i + 1, n):
                yield i, j
        return
    hubs = sorted(range(n), key=lambda i: hashlib.blake2b(keys[i].encode(), digest_size=8).digest())[:MAX_ALL_PAIRS]
    hub_set = set(hubs)
    for h_pos, h in enumerate(hubs):
        for other in hubs[h_pos + 1 :]:
            yield min(h, other), max(h, other)
        for i in range(n):
            if i not in hub_set:
                yield min(h, i), max(h, i)
