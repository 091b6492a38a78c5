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

import datetime as dt
import difflib
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from .align import STOPWORDS, TEXT_MEMO, Vectors, independent_sources, stem
from .assessments import Judgement, judgements
from .claimkeys import stable_keys
from .claims import denied_words
from .entities import roles_conflict as _roles_conflict
from .events import compare_dates
from .evidence import Finding, Related, bounded_pairs, same_name, speaker_key
from .figures import compare_figures
from .records import Claim, Contradiction, Fact

# Similarity above which two denials are taken to be about the same matter.
DISPUTE_THRESHOLD = 0.2
# Word-order similarity, or share of the shorter quote's words, above which two quotes are one statement.
SAME_QUOTE_RATIO = 0.6
SAME_QUOTE_SHARE = 0.5
# Words of the denied statement an asserting claim must repeat ("tear gas … used").
MIN_DENIED_OVERLAP = 2
# A word in at most this many claims (or this share of them) is distinctive of one matter.
RARE_WORD_CLAIMS = 3
RARE_WORD_SHARE = 0.1
_LOWER = re.compile(r"\b[a-z][a-z'’-]+")
# Denial verbs, and prepositions or fillers that say where or when, not what: neither makes two
# claims the same proposition ("… near City Hall").
_DENIAL_WORDS = frozenset(
    """denied denies deny denying rejected rejects disputed disputes contested contests near outside inside
    across around within along behind beyond among toward towards onto point time day""".split()
)
_QUOTE_WORD = re.compile(r"[a-z][a-z'’-]+")


# Roles repeat across a story's claims; the comparison of two role phrases is pure.
roles_conflict = cache(_roles_conflict)
# A story's texts repeat (copies of one sentence) and come back on every rebuild of a served site;
# reading a text's judgements is pure and returns immutable records, so it is memoised (bounded).
_judgements = lru_cache(maxsize=TEXT_MEMO)(judgements)


def _titles(claims: Sequence[Claim]) -> Iterable[Finding]:
    roles: dict[str, list[tuple[Claim, str]]] = defaultdict(list)
    for c in claims:
        for e in c.entities:
            if e.kind == "person" and e.role:
                roles[e.name].append((c, e.role))
    for person, items in sorted(roles.items()):
        for i, (ca, ra) in enumerate(items):
            for cb, rb in items[i + 1 :]:
                if ca.id != cb.id and roles_conflict(ra, rb):
                    yield Finding(
                        "title",
                        "conflict",
                        ((ca,), (cb,)),
                        f"{person}'s office",
                        f"{person} is called “{ra}” in one statement and “{rb}” in the other; "
                        "both cannot be true at the same time.",
                    )


def _polarity(claims: Sequence[Claim], related: Related) -> Iterable[Finding]:
    """One dispute per matter: claims that deny, and the claims they deny, grouped by similarity."""
    denying = [c for c in claims if c.polarity in ("denied", "disputed")]
    affirmed = [c for c in claims if c.polarity == "affirmed"]
    parent = {c.id: c.id for c in denying}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, j in bounded_pairs([related.key(c) for c in denying]):
        a, b = denying[i], denying[j]
        if related(a, b, DISPUTE_THRESHOLD):
            ra, rb = find(a.id), find(b.id)
            parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[str, list[Claim]] = defaultdict(list)
    for c in denying:
        clusters[find(c.id)].append(c)
    # Which affirmed claims use each word, so a denial is checked only against claims that repeat it.
    stems_of = {a.id: _stems(a.text) for a in affirmed}
    using: dict[str, list[Claim]] = defaultdict(list)
    for a in affirmed:
        for w in stems_of[a.id]:
            using[w].append(a)
    for members in clusters.values():
        says = [c for c in members if c.polarity == "disputed"]
        for d in (m for m in members if m.polarity == "denied"):
            words = _stems(denied_words(d.text))
            candidates = {a.id: a for w in sorted(words) for a in using.get(w, ())}
            says += [a for _id, a in sorted(candidates.items()) if _asserts(a, d, words, related, stems_of[a.id])]
        says = list(dict.fromkeys(says))
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
        yield Finding(
            "polarity",
            "conflict",
            (tuple(says), tuple(against)),
            _topic_words(members),
            f"Asserted by {_names(asserters)}; denied or contested by {_names(deniers)}.",
        )


@lru_cache(maxsize=TEXT_MEMO)  # pure, and a story's texts repeat (copies, rebuilds of a served site)
def _stems(text: str) -> frozenset[str]:
    """Lower-case content words: what is said to have happened, without the names it happened to."""
    return frozenset(
        stem(w) for w in _LOWER.findall(text) if w not in STOPWORDS and w not in _DENIAL_WORDS and len(w) > 2
    )


def _asserts(a: Claim, d: Claim, denied: frozenset[str], related: Related, a_stems: frozenset[str]) -> bool:
    """Whether claim ``a`` states what ``d`` denies: it repeats two of the denied words ("tear gas …
    used"), or one of them and a name the denial is about ("cleared" … "Pelagia Dawn")."""
    if a.source == d.source and a.sentence == d.sentence:
        return False
    shared = denied & a_stems
    if not shared:
        return False
    names = {e.name for e in a.entities} & {e.name for e in d.entities}
    if len(shared) < MIN_DENIED_OVERLAP and not names:
        return False
    vectors = related.vectors
    rare = [w for w in shared if vectors.df[f"w:{w}"] <= max(RARE_WORD_CLAIMS, RARE_WORD_SHARE * vectors.n)]
    return bool(rare) or related(a, d)


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


def _quote_words(quote: str) -> set[str]:
    return {stem(w) for w in _QUOTE_WORD.findall(quote.lower()) if len(w) > 3 and w not in STOPWORDS}


def _same_statement(a: str, b: str) -> bool:
    """Two quotes that render one statement: most words in the same order, or most of the shorter
    quote's words shared. Two different things said by one speaker share a word or two at most."""
    wa, wb = a.lower().split(), b.lower().split()
    if difflib.SequenceMatcher(None, wa, wb).ratio() >= SAME_QUOTE_RATIO:
        return True
    qa, qb = _quote_words(a), _quote_words(b)
    return bool(qa and qb) and len(qa & qb) >= SAME_QUOTE_SHARE * min(len(qa), len(qb))


def _quotes(claims: Sequence[Claim], related: Related) -> Iterable[Finding]:
    """The same speaker's same statement in different words (shared words, related claims)."""
    by_name: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.quote and c.speaker_kind == "named":
            # Bucketed by the speaker's last name word, so only plausible namesakes are compared.
            words = speaker_key(c).lower().split()
            by_name[words[-1] if words else ""].append(c)
    for _name, quoted in sorted(by_name.items()):
        for i, j in bounded_pairs([related.key(c) for c in quoted]):
            ca, cb = quoted[i], quoted[j]
            if ca.source == cb.source or not ca.quote or not cb.quote or ca.quote == cb.quote:
                continue
            if not same_name(speaker_key(ca), speaker_key(cb)):
                continue
            if not _same_statement(ca.quote, cb.quote) or not related(ca, cb):
                continue  # two different things the speaker said
            yield Finding(
                "quote",
                "divergent",
                ((ca,), (cb,)),
                f"{ca.speaker}'s words",
                f"{ca.speaker} is quoted in different words: {word_diff(ca.quote, cb.quote)}.",
                (ca.quote, cb.quote),
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


def _assessments(claims: Sequence[Claim], related: Related) -> Iterable[Finding]:
    """Opposite judgements of one quality of one subject, by different speakers or outlets."""
    by_quality: dict[str, list[tuple[Claim, Judgement]]] = defaultdict(list)
    for c in claims:
        for judgement in _judgements(c.text):
            by_quality[judgement.quality].append((c, judgement))
    for quality, items in sorted(by_quality.items()):
        for x, y in bounded_pairs([related.key(c) for c, _j in items]):
            (ca, ja), (cb, jb) = items[x], items[y]
            if ja.sign == jb.sign or not (ja.targets & jb.targets):
                continue
            if ca.source == cb.source and same_name(speaker_key(ca), speaker_key(cb)):
                continue  # one voice weighing both sides in one article
            pos, neg = (ca, cb) if ja.sign > 0 else (cb, ca)
            yield Finding("assessment", "conflict", ((pos,), (neg,)), quality, "")


def _assessment_explanation(f: Finding) -> str:
    favourable = sorted({c.speaker for c in f.sides[0]})
    unfavourable = sorted({c.speaker for c in f.sides[1]})
    return (
        f"Opposite judgements of {f.topic}: favourable by {_names(favourable)}, unfavourable by "
        f"{_names(unfavourable)}. A difference of opinion, shown with who holds each view."
    )


_MERGED_KINDS = ("polarity", "assessment", "title", "numeric", "temporal", "quote")


def _combine(group: list[Finding]) -> Finding:
    """Findings about one matter as one: for figures and dates one side per value stated, however many
    sources state it; otherwise the first finding's sides, extended."""
    first = group[0]
    if len(group) == 1:
        return first
    if all(f.values for f in group):
        by_value: dict[str, dict[str, Claim]] = {}
        for f in group:
            for side, value in zip(f.sides, f.values, strict=True):
                bucket = by_value.setdefault(value, {})
                for c in side:
                    bucket.setdefault(c.id, c)
        ranked = sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        return Finding(first.kind, first.severity, tuple(tuple(v.values()) for _k, v in ranked), first.topic,
                       first.explanation, tuple(k for k, _v in ranked))
    sides: list[dict[str, Claim]] = [{}, {}]
    for f in group:
        for k in range(2):
            for c in f.sides[k] if k < len(f.sides) else ():
                sides[k].setdefault(c.id, c)
    return Finding(first.kind, first.severity, tuple(tuple(side.values()) for side in sides), first.topic,
                   first.explanation)


def _merge(findings: Iterable[Finding]) -> list[Finding]:
    """One contradiction per matter: findings of one kind (and, for values, one topic) that share a
    claim are merged, transitively."""
    items = list(findings)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str, str, str], int] = {}
    for i, f in enumerate(items):
        if f.kind not in _MERGED_KINDS:
            continue
        for c in (c for side in f.sides for c in side):
            key = (f.kind, f.severity, f.topic if f.values else "", c.id)
            if key in first:
                a, b = find(i), find(first[key])
                parent[max(a, b)] = min(a, b)
            else:
                first[key] = i
    groups: dict[int, list[Finding]] = defaultdict(list)
    for i, f in enumerate(items):
        groups[find(i)].append(f)
    return [_combine(groups[root]) for root in sorted(groups)]


def _values_explanation(f: Finding) -> str:
    stated = "; ".join(f"{v} ({_count_statements(len(side))})" for v, side in zip(f.values, f.sides, strict=True))
    if f.kind == "temporal":
        return f"The same event is dated in periods that do not overlap: {stated}."
    if f.kind == "quote":
        speaker = f.topic.removesuffix("'s words")
        return f"{speaker} is quoted in {len(f.values)} different wordings of one statement."
    if f.severity == "conflict":
        return f"Incompatible values for the same measure ({f.topic}) at the same moment: {stated}."
    return f.explanation


def _count_statements(n: int) -> str:
    return f"{n} statement" if n == 1 else f"{n} statements"


def compare_claims(
    claims: Sequence[Claim], facts: Sequence[Fact], vectors: Vectors, published: dict[str, dt.date | None]
) -> tuple[Contradiction, ...]:
    """Every disagreement between (or inside) sources, conflicts first."""
    keys = stable_keys(claims)
    related = Related(facts, vectors, published, keys)
    findings: list[Finding] = []
    findings += _polarity(claims, related)
    findings += compare_figures(claims, related)
    findings += compare_dates(claims, related)
    findings += _titles(claims)
    findings += _quotes(claims, related)
    findings += _assessments(claims, related)
    out: list[Contradiction] = []
    for f in _merge(findings):
        if f.kind == "assessment":
            f = Finding(f.kind, f.severity, f.sides, f.topic, _assessment_explanation(f))
        elif f.values and len(f.sides) > 2:
            f = Finding(f.kind, f.severity, f.sides, f.topic, _values_explanation(f), f.values)
        ids = tuple(dict.fromkeys(c.id for side in f.sides for c in side))
        sides = tuple(tuple(c.id for c in side) for side in f.sides)
        # Named by the claims' stable keys, not their ids: an editor's dismissal of it survives an edit
        # elsewhere in the articles (which renumbers their claims).
        digest = hashlib.sha256(f"{f.kind}\n{'|'.join(keys[i] for i in ids)}".encode()).hexdigest()[:8]
        out.append(
            Contradiction(f"{f.kind}-{digest}", f.topic, f.kind, f.severity, ids, sides, f.explanation, f.values)
        )
    out.sort(key=lambda c: (c.severity != "conflict", c.kind, c.claims))
    return tuple(out)


def agreeing_facts(
    facts: Sequence[Fact], claims: Sequence[Claim], contradictions: Sequence[Contradiction]
) -> tuple[Fact, ...]:
    """Facts without the claims that conflict inside them: an agreement never holds its own conflict.

    Within each fact, the claim in most conflicts is set aside until none is left; a fact left with
    fewer than two sources is no agreement.
    """
    by_id = {c.id: c for c in claims}
    against: dict[str, set[str]] = defaultdict(set)
    for con in contradictions:
        # Only incompatible values split a fact; sources that agree on who asserts and who denies agree.
        if con.severity != "conflict" or con.kind not in ("numeric", "temporal", "title") or len(con.sides) < 2:
            continue
        for a in con.sides[0]:
            for b in con.sides[1]:
                if a != b:
                    against[a].add(b)
                    against[b].add(a)
    out: list[Fact] = []
    for fact in facts:
        members = list(fact.claims)
        present = set(members)
        # Conflicts of each member with the others left, kept up to date as members are set aside.
        counts = {cid: len(against[cid] & present) for cid in members}
        while True:
            worst = max(members, key=lambda cid: (counts[cid], cid), default=None)
            if worst is None or counts[worst] == 0:
                break
            members.remove(worst)
            present.discard(worst)
            for other in against[worst] & present:
                counts[other] -= 1
        sources = tuple(sorted({by_id[cid].source for cid in members}))
        if len(sources) < 2:
            continue
        if len(members) == len(fact.claims):
            out.append(fact)
        else:
            kept = [by_id[cid] for cid in members]
            out.append(Fact(fact.id, fact.topic, tuple(members), sources, independent_sources(kept)))
    return tuple(out)
