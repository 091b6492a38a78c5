"""Compare: Claims (with their Facts and vectors) → typed Contradictions with a severity and a reason.

Only claims that plausibly speak of the same thing are compared, and the pairs come from slot
indexes (same measure, same person, same speaker), never from all pairs:

- numeric: the same measure (what is counted and what happened to it) with intervals, after
  qualifiers, that cannot overlap → conflict; the same count under a related measure, at
  different times, or by different named estimators → divergent, with the reason;
- temporal: the same event (same action words, same actors) dated in disjoint intervals;
- title: one person given incompatible offices (former vs sitting);
- polarity: one party asserts, another denies; a dispute with both sides;
- quote: one speaker's words quoted differently → divergent, with a word diff;
- assessment: opposite evaluations of the same subject by different speakers.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .align import LINK_THRESHOLD, Vectors, content_words, cosine
from .assessments import judged_qualities
from .entities import canonical_name, roles_conflict
from .records import Claim, Contradiction, Fact, Quantity, TimeExpr
from .timex import overlaps

# Similarity two claims need before a difference between them is worth showing at all.
RELATED_THRESHOLD = 0.15
# Similarity above which two denials are taken to be about the same matter.
DISPUTE_THRESHOLD = 0.2
# Share of content words two clauses must have in common to be taken as the same event.
SAME_EVENT_OVERLAP = 0.3
_SUBJECT_SYNONYMS = {
    "soldier": "troop",
    "troop": "troop",
    "fighter": "troop",
    "people": "person",
    "resident": "person",
    "firm": "company",
    "compan": "company",
}
_SEGMENT = re.compile(r";|,\s+(?:with|while|whereas|and then|after|before|as)\s+|\s+—\s+")


@dataclass(frozen=True, slots=True)
class _Finding:
    kind: str
    severity: str
    sides: tuple[tuple[Claim, ...], ...]
    topic: str
    explanation: str


def _fmt(q: Quantity) -> str:
    return q.text


def _interval(q: Quantity) -> tuple[float, float]:
    low = q.low if q.low is not None else float("-inf")
    high = q.high if q.high is not None else float("inf")
    return low, high


def _intervals_overlap(a: Quantity, b: Quantity) -> bool:
    alo, ahi = _interval(a)
    blo, bhi = _interval(b)
    return alo <= bhi and blo <= ahi


def _comparable_measure(q: Quantity) -> bool:
    """A count is comparable only when we know both what is counted and what happened to it."""
    return q.measure is not None and q.counted is not None and q.measure != q.counted


def _times_disjoint(a: Sequence[TimeExpr], b: Sequence[TimeExpr]) -> bool:
    """True when both claims are dated and no date of one overlaps any date of the other."""
    ra = [t for t in a if t.resolved and t.begin is not None]
    rb = [t for t in b if t.resolved and t.begin is not None]
    if not ra or not rb:
        return False
    return all(overlaps(x, y) is False for x in ra for y in rb)


def _places(c: Claim) -> set[str]:
    return {e.name for e in c.entities if e.kind == "place"}


def speaker_key(c: Claim) -> str:
    """The speaker compared across sources, where spellings and titles differ."""
    return canonical_name(c.speaker) if c.speaker_kind == "named" else c.speaker


def _estimators_differ(a: Claim, b: Claim) -> bool:
    """Both figures are attributed, to different sources: organisers and police may both be quoted right."""
    return a.speaker_kind != "self" and b.speaker_kind != "self" and speaker_key(a) != speaker_key(b)


def _numeric(claims: Sequence[Claim], related: _Related) -> Iterable[_Finding]:
    by_counted: dict[tuple[str, str], list[tuple[Claim, Quantity]]] = defaultdict(list)
    for c in claims:
        for q in c.quantities:
            if _comparable_measure(q) and q.out_of is None:
                assert q.counted is not None
                by_counted[(q.counted, q.unit or "")].append((c, q))
    for (_counted, _unit), items in sorted(by_counted.items()):
        for i, (ca, qa) in enumerate(items):
            for cb, qb in items[i + 1 :]:
                if ca.id == cb.id or not related(ca, cb):
                    continue
                if (qa.qualifier == "additional") != (qb.qualifier == "additional"):
                    continue  # an increment is not comparable with a total
                if _intervals_overlap(qa, qb):
                    continue
                pa, pb = _places(ca), _places(cb)
                if pa and pb and not pa & pb:
                    continue  # figures about different places
                topic = qa.measure or ""
                if qa.measure != qb.measure:
                    yield _Finding(
                        "numeric",
                        "divergent",
                        ((ca,), (cb,)),
                        topic,
                        f"{_fmt(qa)} ({qa.measure}) and {_fmt(qb)} ({qb.measure}) count different "
                        "things, so the figures are not comparable as they stand.",
                    )
                elif _times_disjoint(ca.times, cb.times):
                    yield _Finding(
                        "numeric",
                        "divergent",
                        ((ca,), (cb,)),
                        topic,
                        f"{_fmt(qa)} and {_fmt(qb)} {qa.measure} refer to different times, so the "
                        "figures may both be right.",
                    )
                elif _estimators_differ(ca, cb):
                    yield _Finding(
                        "numeric",
                        "divergent",
                        ((ca,), (cb,)),
                        topic,
                        f"{ca.speaker} puts the {qa.measure} figure at {_fmt(qa)}, {cb.speaker} at "
                        f"{_fmt(qb)}: different estimators disagree.",
                    )
                else:
                    yield _Finding(
                        "numeric",
                        "conflict",
                        ((ca,), (cb,)),
                        topic,
                        f"{_fmt(qa)} and {_fmt(qb)} give incompatible values for the same measure ({qa.measure}).",
                    )


def _segments(c: Claim) -> list[tuple[int, int]]:
    """Clause-like pieces of a claim (relative offsets), so a date is paired with its own verb."""
    cuts = [0]
    for m in _SEGMENT.finditer(c.text):
        cuts.extend((m.start(), m.end()))
    cuts.append(len(c.text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i + 1] > cuts[i]]


def _dated_events(c: Claim) -> list[tuple[TimeExpr, set[str]]]:
    events: list[tuple[TimeExpr, set[str]]] = []
    for s, e in _segments(c):
        times = [t for t in c.times if c.start + s <= t.start and t.end <= c.start + e]
        if len(times) != 1 or not times[0].resolved or times[0].begin is None:
            continue
        t = times[0]
        seg = c.text[s : t.start - c.start] + " " + c.text[t.end - c.start : e]
        words = set(content_words(seg))
        if words:
            events.append((t, words))
    return events


def _temporal(claims: Sequence[Claim], related: _Related) -> Iterable[_Finding]:
    dated = [(c, ev) for c in claims for ev in _dated_events(c)]
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, (_c, (_t, words)) in enumerate(dated):
        for w in words:
            by_word[w].append(i)
    seen: set[tuple[int, int]] = set()
    for postings in by_word.values():
        for x, i in enumerate(postings):
            for j in postings[x + 1 :]:
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                (ca, (ta, wa)), (cb, (tb, wb)) = dated[i], dated[j]
                if ca.id == cb.id or not related(ca, cb):
                    continue
                shared = wa & wb
                if len(shared) < 2 or len(shared) / len(wa | wb) < SAME_EVENT_OVERLAP:
                    continue
                if overlaps(ta, tb) is not False:
                    continue
                yield _Finding(
                    "temporal",
                    "conflict",
                    ((ca,), (cb,)),
                    ", ".join(sorted(shared)[:4]),
                    f"The same event is dated “{ta.text}” ({_describe(ta)}) in one source and "
                    f"“{tb.text}” ({_describe(tb)}) in the other; the two periods do not overlap.",
                )


def _describe(t: TimeExpr) -> str:
    if t.begin is None or t.end_date is None:
        return "unresolved"
    return f"{t.begin:%Y-%m-%d}" if t.begin == t.end_date else f"{t.begin:%Y-%m-%d} to {t.end_date:%Y-%m-%d}"


def _titles(claims: Sequence[Claim]) -> Iterable[_Finding]:
    roles: dict[str, list[tuple[Claim, str]]] = defaultdict(list)
    for c in claims:
        for e in c.entities:
            if e.kind == "person" and e.role:
                roles[e.name].append((c, e.role))
    for person, items in sorted(roles.items()):
        for i, (ca, ra) in enumerate(items):
            for cb, rb in items[i + 1 :]:
                if ca.id != cb.id and roles_conflict(ra, rb):
                    yield _Finding(
                        "title",
                        "conflict",
                        ((ca,), (cb,)),
                        f"{person}'s office",
                        f"{person} is called “{ra}” in one statement and “{rb}” in the other; "
                        "both cannot be true at the same time.",
                    )


def _polarity(claims: Sequence[Claim], related: _Related) -> Iterable[_Finding]:
    """One dispute per matter: claims that deny, and the claims they deny, grouped by similarity."""
    denying = [c for c in claims if c.polarity in ("denied", "disputed")]
    affirmed = [c for c in claims if c.polarity == "affirmed"]
    parent = {c.id: c.id for c in denying}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, a in enumerate(denying):
        for b in denying[i + 1 :]:
            if related(a, b, DISPUTE_THRESHOLD):
                ra, rb = find(a.id), find(b.id)
                parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[str, list[Claim]] = defaultdict(list)
    for c in denying:
        clusters[find(c.id)].append(c)
    for members in clusters.values():
        says = [c for c in members if c.polarity == "disputed"]
        says += [a for a in affirmed if any(related(a, d, LINK_THRESHOLD) for d in members if d.polarity == "denied")]
        if not says:
            continue  # a denial of something no source asserts is not a dispute between sources
        against = list(members)
        asserters = sorted(
            {s.speaker for c in members for s in c.stances if s.polarity == "affirmed"}
            | {c.speaker for c in says if c.polarity == "affirmed"}
        )
        deniers = sorted(
            {s.speaker for c in members for s in c.stances if s.polarity == "denied"}
            | {c.speaker for c in members if c.polarity == "denied"}
        )
        yield _Finding(
            "polarity",
            "conflict",
            (tuple(says), tuple(against)),
            _topic_words(members),
            f"Asserted by {_names(asserters)}; denied or contested by {_names(deniers)}.",
        )


def _names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return names[0] if names else "a source"
    return ", ".join(names[:-1]) + " and " + names[-1]


def _topic_words(members: Sequence[Claim]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for c in members:
        for e in {e.name for e in c.entities}:
            counts[e] += 1
    shared = sorted((n for n, k in counts.items() if k >= 2), key=lambda n: (-counts[n], n))
    return ", ".join(shared[:3]) or "disputed claim"


def _quotes(claims: Sequence[Claim], related: _Related) -> Iterable[_Finding]:
    by_speaker: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quote and c.speaker_kind == "named":
            by_speaker[speaker_key(c)].append(c)
    for speaker, items in sorted(by_speaker.items()):
        for i, ca in enumerate(items):
            for cb in items[i + 1 :]:
                if ca.source == cb.source or not ca.quote or not cb.quote:
                    continue
                wa, wb = ca.quote.split(), cb.quote.split()
                ratio = difflib.SequenceMatcher(None, wa, wb).ratio()
                if ratio >= 1.0 or not related(ca, cb, LINK_THRESHOLD):
                    continue
                yield _Finding(
                    "quote",
                    "divergent",
                    ((ca,), (cb,)),
                    f"{speaker}'s words",
                    f"{speaker} is quoted differently: {word_diff(ca.quote, cb.quote)}.",
                )


def word_diff(a: str, b: str) -> str:
    """A compact word diff: [-removed-] {+added+}."""
    wa, wb = a.split(), b.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb).get_opcodes():
        if op == "equal":
            out.append(" ".join(wa[i1:i2]))
            continue
        if i2 > i1:
            out.append("[-" + " ".join(wa[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(wb[j1:j2]) + "+}")
    return " ".join(out)


def _subject_words(c: Claim) -> set[str]:
    """What a claim talks about, with the usual synonyms for people and troops folded together."""
    words = {_SUBJECT_SYNONYMS.get(w, w) for w in content_words(c.text)}
    words |= {q.counted for q in c.quantities if q.counted}
    words |= {e.name for e in c.entities}
    return words


def _assessments(claims: Sequence[Claim], related: _Related) -> Iterable[_Finding]:
    """Opposite judgements of the same quality of the same subject, by different speakers."""
    rated = [(c, judged_qualities(c.text), _subject_words(c)) for c in claims]
    rated = [r for r in rated if r[1]]
    for i, (ca, qa, sa) in enumerate(rated):
        for cb, qb, sb in rated[i + 1 :]:
            if speaker_key(ca) == speaker_key(cb) or not (sa & sb):
                continue
            opposed = sorted(q for q, sign in qa if (q, -sign) in qb)
            if not opposed:
                continue
            quality = opposed[0]
            pos, neg = (ca, cb) if (quality, 1) in qa else (cb, ca)
            yield _Finding(
                "assessment",
                "conflict",
                ((pos,), (neg,)),
                quality,
                f"Opposite judgements of {quality}: {pos.speaker} is favourable, {neg.speaker} "
                "unfavourable. A difference of opinion between attributed assessments.",
            )


class _Related:
    """Whether two claims speak of the same thing: aligned into one fact, or similar enough."""

    def __init__(self, facts: Sequence[Fact], vectors: Vectors) -> None:
        self.fact_of: dict[str, set[str]] = defaultdict(set)
        for f in facts:
            for cid in f.claims:
                self.fact_of[cid].add(f.id)
        self.vectors = vectors

    def similarity(self, a: Claim, b: Claim) -> float:
        return cosine(self.vectors.by_claim[a.id], self.vectors.by_claim[b.id])

    def __call__(self, a: Claim, b: Claim, threshold: float = RELATED_THRESHOLD) -> bool:
        if self.fact_of[a.id] & self.fact_of[b.id]:
            return True
        return self.similarity(a, b) >= threshold


def _merge(findings: Iterable[_Finding]) -> list[_Finding]:
    """One contradiction per kind and topic cluster: findings sharing a claim are merged."""
    merged: list[_Finding] = []
    index: dict[tuple[str, str, str], int] = {}
    for f in findings:
        key_claims = [c.id for side in f.sides for c in side]
        hit = next((index[(f.kind, f.severity, cid)] for cid in key_claims if (f.kind, f.severity, cid) in index), None)
        if hit is None or f.kind not in ("polarity", "assessment"):
            merged.append(f)
            pos = len(merged) - 1
        else:
            old = merged[hit]
            sides = tuple(tuple(dict.fromkeys([*old.sides[k], *f.sides[k]])) for k in range(2))
            merged[hit] = _Finding(old.kind, old.severity, sides, old.topic, old.explanation)
            pos = hit
        for cid in key_claims:
            index.setdefault((f.kind, f.severity, cid), pos)
    return merged


def compare_claims(claims: Sequence[Claim], facts: Sequence[Fact], vectors: Vectors) -> tuple[Contradiction, ...]:
    """Every disagreement between (or inside) sources, conflicts first."""
    related = _Related(facts, vectors)
    findings: list[_Finding] = []
    findings += _polarity(claims, related)
    findings += _numeric(claims, related)
    findings += _temporal(claims, related)
    findings += _titles(claims)
    findings += _quotes(claims, related)
    findings += _assessments(claims, related)
    out: list[Contradiction] = []
    for f in _merge(findings):
        ids = tuple(dict.fromkeys(c.id for side in f.sides for c in side))
        sides = tuple(tuple(c.id for c in side) for side in f.sides)
        digest = hashlib.sha256(f"{f.kind}\n{'|'.join(ids)}".encode()).hexdigest()[:8]
        out.append(Contradiction(f"{f.kind}-{digest}", f.topic, f.kind, f.severity, ids, sides, f.explanation))
    out.sort(key=lambda c: (c.severity != "conflict", c.kind, c.claims))
    return tuple(out)
