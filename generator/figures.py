"""Figures: claims → numeric Findings, where two figures for the same measure cannot both be right.

A pair of figures is compared only when it counts the same thing (counted noun and what happened
to it: "person killed", "job cut"; or the same unit of a measurement on strongly related claims),
in the same place, at the same moment. Then:

- the intervals (after qualifiers: "about", "more than", ranges) overlap → they agree;
- the same estimator, or no named estimator, gives incompatible values → conflict;
- different estimators (organisers and police) → divergent;
- different moments (a toll reported on Monday and on Thursday) or a related measure (killed vs
  killed or injured) → divergent, shown only when the claims are aligned or closely similar.

Vague amounts ("tens of thousands", "dozens") and increments ("an additional 3,000") are never
compared with totals.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .align import LINK_THRESHOLD
from .evidence import Finding, Related, bounded_pairs, estimator, is_projection, same_estimator
from .numformat import format_number
from .records import Claim, Quantity, TimeExpr

# Units of a measurement (not a count) that can be compared between strongly related claims.
MEASUREMENT_UNITS = frozenset({"magnitude", "%", "km", "mile", "tonne", "hectare", "degree", "metre", "meter"})
# Events whose counts keep rising after the fact, so reports from different days may both be right.
CUMULATIVE_EVENTS = frozenset(
    """killed injured dead died missing arrested detained displaced evacuated rescued infected hospitalised
    hospitalized affected confirmed""".split()
)
_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_COMPARISON = re.compile(r"\b(?:since|than|compared\s+with|compared\s+to|before|after|until)\b", re.I)
# Things whose count is reported while it is still changing (a vote count, a case count).
CUMULATIVE_COUNTS = frozenset("vote ballot case infection death casualty victim signature".split())
_MORE_AFTER = re.compile(r"\s+(?:more|additional|extra|further|new)\b", re.I)
_VAGUE = re.compile(r"^(?:[a-z ]*\b)?(?:dozens|scores|hundreds|thousands|millions|billions|tens)\b", re.I)


def value_label(q: Quantity) -> str:
    """The number a figure gives, as one label for grouping sources that give the same value."""
    low, high = format_number(q.value_low), format_number(q.value_high)
    value = low if q.value_low == q.value_high else f"{low}–{high}"
    qualifier = f"{q.qualifier} " if q.qualifier else ""
    return f"{qualifier}{value}{' ' + q.unit if q.unit else ''}"


def _interval(q: Quantity) -> tuple[float, float]:
    return (q.low if q.low is not None else float("-inf"), q.high if q.high is not None else float("inf"))


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Whether two figures' intervals (``_interval``) meet."""
    return a[0] <= b[1] and b[0] <= a[1]


def _vague(q: Quantity) -> bool:
    return not any(ch.isdigit() for ch in q.text) and bool(_VAGUE.search(q.text))


def _key(q: Quantity) -> tuple[str, str] | None:
    """What a figure measures, as (kind of key, key); None when it cannot be compared."""
    if q.out_of is not None or _vague(q):
        return None
    unit = q.unit or (q.counted if q.counted in MEASUREMENT_UNITS else None)
    if q.measure and q.counted and q.measure != q.counted and q.counted not in MEASUREMENT_UNITS:
        return ("count", f"{q.measure}|{q.unit or ''}")
    if unit == "%" and not q.measure:
        return None  # a bare percentage: of what, we cannot tell
    if unit in MEASUREMENT_UNITS or (q.counted and q.counted == q.measure and unit):
        what = q.measure if q.measure and q.measure not in MEASUREMENT_UNITS else ""
        return ("measurement", f"{what}|{unit}")
    if q.counted and q.measure == q.counted:
        return ("plain", q.counted)  # "146 ballot boxes": comparable only inside one aligned fact
    return None


def _increment(c: Claim, q: Quantity) -> bool:
    """ "an additional 3,000", "five more people": a change, not a total."""
    return q.qualifier == "additional" or bool(_MORE_AFTER.match(c.text, q.end - c.start))


def _events(measure: str | None, counted: str | None) -> set[str]:
    if not measure or not counted:
        return set()
    return set(measure.removeprefix(counted).strip().split(" or "))


def _scope(c: Claim) -> set[str]:
    """Places a claim is about; figures for disjoint places are about different things."""
    return {e.name for e in c.entities if e.kind in ("place", "other")}


def _reference_date(c: Claim, t: TimeExpr) -> bool:
    """A date a figure is measured against rather than at ("the worst since … 2009", "before the war")."""
    if t.modifier in ("since", "after", "before", "until"):
        return True
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(c.text, 0, t.start - c.start)), default=0)
    return bool(_COMPARISON.search(c.text, clause_start, t.start - c.start))


def _moment(c: Claim, published: dt.date | None, cumulative: bool) -> tuple[dt.date, dt.date] | None:
    """When a figure holds: its claim's dates, else, for a running count, the day the article appeared."""
    spans = [
        (t.begin, t.end_date)
        for t in c.times
        if t.resolved and t.begin and t.end_date and not _reference_date(c, t)
    ]
    if spans:
        return (min(s for s, _ in spans), max(e for _, e in spans))
    return (published, published) if published and cumulative else None


def _cumulative(q: Quantity) -> bool:
    """Counts that keep changing after the event (tolls, arrests, a vote count), unlike a crowd or a
    magnitude: reports of them from different days may both be right."""
    return bool(_events(q.measure, q.counted) & CUMULATIVE_EVENTS) or q.counted in CUMULATIVE_COUNTS


def _same_moment(a: Claim, b: Claim, q: Quantity, related: Related) -> bool | None:
    cumulative = _cumulative(q)
    ma = _moment(a, related.published.get(a.source), cumulative)
    mb = _moment(b, related.published.get(b.source), cumulative)
    if ma is None or mb is None:
        return None
    return ma[0] <= mb[1] and mb[0] <= ma[1]


@dataclass(frozen=True, slots=True)
class _Figure:
    """One figure of a claim with what every comparison of it needs, worked out once per figure
    rather than once per pair it is in."""

    claim: Claim
    quantity: Quantity
    key: tuple[str, str]
    interval: tuple[float, float]
    increment: bool
    projection: bool
    scope: set[str]


def compare_figures(claims: Sequence[Claim], related: Related) -> Iterable[Finding]:
    by_counted: dict[str, list[_Figure]] = defaultdict(list)
    for c in claims:
        scope = _scope(c)
        projection = is_projection(c.text)
        for q in c.quantities:
            key = _key(q)
            if key is not None:
                # Counts are blocked by what is counted, so related measures meet; measurements by unit.
                block = q.counted if key[0] in ("count", "plain") and q.counted else key[1]
                figure = _Figure(c, q, key, _interval(q), _increment(c, q), projection, scope)
                by_counted[f"{key[0]}:{block}"].append(figure)
    for _block, items in sorted(by_counted.items()):
        for i, j in bounded_pairs([f"{related.key(f.claim)}#{f.quantity.start - f.claim.start}" for f in items]):
            finding = _compare_pair(items[i], items[j], related)
            if finding is not None:
                yield finding


def _compare_pair(a: _Figure, b: _Figure, related: Related) -> Finding | None:
    ca, qa, ka, cb, qb, kb = a.claim, a.quantity, a.key, b.claim, b.quantity, b.key
    if ca.id == cb.id or _overlap(a.interval, b.interval):
        return None
    if a.increment != b.increment:
        return None  # an increment is not comparable with a total
    if a.projection != b.projection:
        return None  # a forecast or plan is not comparable with an outcome
    sa, sb = a.scope, b.scope
    if sa and sb and not sa & sb:
        return None  # figures about different places
    strong = related.same_fact(ca, cb) or related.similarity(ca, cb) >= LINK_THRESHOLD
    if ka[0] == "plain" and not related.same_fact(ca, cb):
        return None
    if ka[0] == "measurement" and (not strong or ca.source == cb.source):
        # "magnitude 6.8" of another quake; inside one article, two values of a measurement are
        # usually a comparison ("16.8%, down from 19.1%"), not an inconsistency.
        return None
    if not related(ca, cb):
        return None
    sides = ((ca,), (cb,))
    what = qa.measure or qa.unit or "figure"
    if ka != kb:
        if strong and _events(qa.measure, qa.counted) & _events(qb.measure, qb.counted):
            return Finding("numeric", "divergent", sides, what,
                           f"{qa.text} ({qa.measure}) and {qb.text} ({qb.measure}) count different things, "
                           "so the figures are not comparable as they stand.")
        return None
    if _same_moment(ca, cb, qa, related) is False:
        if not strong:
            return None
        return Finding("numeric", "divergent", sides, what,
                       f"{qa.text} and {qb.text} ({what}) refer to different moments, so both may be right; "
                       "the figure changed in between.")
    same = same_estimator(ca, cb)
    if ka[0] == "measurement" and same is None:
        return None  # a magnitude or a margin with no named source may be another shock's or a forecast
    if same is False:
        return Finding("numeric", "divergent", sides, what,
                       f"{estimator(ca)} puts it at {qa.text}, {estimator(cb)} at {qb.text} ({what}): "
                       "different estimators disagree.")
    return Finding("numeric", "conflict", sides, what,
                   f"{qa.text} and {qb.text} are incompatible values for the same measure ({what}) at the "
                   "same moment.", (value_label(qa), value_label(qb)))
