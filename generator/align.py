"""Align: Claims of several sources → Facts, groups of claims that state the same thing.

Each claim becomes a sparse TF-IDF vector over its content words plus slot features (entities,
measures, figures, normalised times), so two claims about the same entity, measure and moment
score high even when worded differently. Candidate pairs come from blocking on each claim's
rarest features, never from comparing every claim with every other. Two claims of different
sources are linked when each is the other's best match in that source and their similarity
clears ``LINK_THRESHOLD``; facts are the connected groups. Near-identical texts (wire copy
republished) are counted once in ``Fact.independent``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import mul

from .claimkeys import stable_keys
from .entities import role_offices
from .records import Claim, Fact

# Cosine similarity between two claims' weighted feature vectors above which they may state the
# same fact. Chosen from the score distribution of unrelated cross-source pairs (they rarely pass
# 0.2) rather than tuned to any one story; see tests/test_align.py for the properties it holds.
LINK_THRESHOLD = 0.28
# A weaker match still links two claims when it is the only plausible one in that source: at least
# MIN_LINK, and DISTINCT_RATIO times the runner-up. Long sentences dilute cosine scores; a clear
# winner is better evidence than the absolute score.
MIN_LINK = 0.15
DISTINCT_RATIO = 2.0
# Entries of each per-text memo of the analysis (trigrams, topic words, stems, judgements): every
# distinct claim text of a 150-article story, so a served story's rebuild finds them all, while a
# build of a whole archive holds a bounded number (unbounded, they grew by 250 MB at 10,000 articles).
TEXT_MEMO = 1 << 12
# How many of a claim's rarest features are used as blocking keys.
BLOCK_KEYS = 8
# A blocking key shared by more claims than this is too common to narrow anything down.
MAX_POSTINGS = 60
# Claims sharing a more common key are paired with this many hub claims only.
HUBS = 4
# Word-trigram overlap above which two texts are copies of one another (wire copy).
COPY_OVERLAP = 0.6
SLOT_WEIGHT = {"e": 1.5, "m": 2.0, "n": 1.2, "t": 1.0, "w": 1.0, "h": 1.2}
_TOKEN = re.compile(r"\w+")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "although",
        "am",
        "among",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "either",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "may",
        "me",
        "might",
        "more",
        "most",
        "must",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "said",
        "says",
        "say",
        "told",
        "stated",
        "according",
        "reported",
        "reports",
        "reportedly",
        "also",
        "despite",
        "amid",
        "since",
        "yet",
        "still",
        "s",
        "t",
        "don’t",
        "’s",
    ]
)


@cache
def stem(word: str) -> str:
    """A light suffix stripper: enough to match "deployed"/"deployment"/"deploys" for similarity."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ments", "ment", "ings", "ing", "ations", "ation", "ies", "ied", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


def content_words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 1]


def speaker_features(claim: Claim) -> set[str]:
    """Word features that name who says the claim."""
    return {f"w:{w}" for w in content_words(claim.speaker)} if claim.speaker_kind != "self" else set()


def claim_features(claim: Claim) -> Counter[str]:
    """The raw feature counts of a claim: words and slots, each slot kind with its own prefix."""
    feats: Counter[str] = Counter(f"w:{w}" for w in content_words(claim.text))
    feats.update(f"h:{m}" for m in _CLOCK.findall(claim.text))
    speaker = claim.speaker.lower()
    for e in claim.entities:
        name = e.name.lower()
        if name in speaker or e.text.lower() in speaker:
            continue
        feats[f"e:{name}"] += 1
    for q in claim.quantities:
        if q.measure:
            feats[f"m:{q.measure}"] += 1
        feats[f"n:{q.unit or ''}{q.value_low:g}"] += 1
    for t in claim.times:
        if t.resolved and t.begin is not None and t.granularity in ("day", "week", "month"):
            feats[f"t:{t.begin:%Y-%m}"] += 1
        elif t.resolved and t.begin is not None and t.granularity in ("season", "year"):
            feats[f"t:{t.begin:%Y}"] += 1
    return feats


@dataclass(frozen=True, slots=True)
class Vectors:
    """Unit-length TF-IDF vectors of claims, and the document frequency of each feature."""

    by_claim: dict[str, dict[str, float]]
    df: Counter[str]
    n: int

    def idf(self, feature: str) -> float:
        return math.log((self.n + 1) / (self.df[feature] + 1)) + 1.0


# A claim's features are a pure function of the claim, and a served site's rebuild meets the same claims
# again (all but the edited article's): remembered per claim, bounded like the text memos.
@lru_cache(maxsize=TEXT_MEMO)
def _feature_counts(claim: Claim) -> tuple[tuple[str, int], ...]:
    return tuple(claim_features(claim).items())


def vectorise(claims: Sequence[Claim]) -> Vectors:
    raw = {c.id: _feature_counts(c) for c in claims}
    df: Counter[str] = Counter()
    for feats in raw.values():
        df.update(f for f, _ in feats)
    n = len(claims)
    by_claim: dict[str, dict[str, float]] = {}
    for c in claims:
        feats = raw[c.id]
        vec = {
            f: (1 + math.log(k)) * (math.log((n + 1) / (df[f] + 1)) + 1.0) * SLOT_WEIGHT[f[0]] for f, k in feats
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        by_claim[c.id] = {f: v / norm for f, v in vec.items()}
    return Vectors(by_claim, df, n)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit vectors (sparse, as dicts); the key intersection runs in C. Set order
    varies between processes, so the sum is fsum: exactly rounded whatever the order, so every run
    decides the same at a threshold. The products are multiplied by ``map`` rather than a Python
    comprehension: the same floats, summed the same way, at a fraction of the per-feature cost."""
    shared = a.keys() & b.keys()
    return math.fsum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def _partners(claims: Sequence[Claim], vectors: Vectors, keys: dict[str, str]) -> dict[str, set[str]]:
    """Every claim's candidate partners: claims of other sources that share one of its rarest
    features (both ways: ``b in partners[a]`` exactly when ``a in partners[b]``). ``keys``: the claims'
    stable keys (claimkeys.py)."""
    postings: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        shared = [f for f in vectors.by_claim[c.id] if vectors.df[f] > 1]  # a feature no other claim has pairs nothing
        for f in sorted(shared, key=lambda f: (vectors.df[f], f))[:BLOCK_KEYS]:
            postings[f].append(c.id)
    partners: dict[str, set[str]] = {c.id: set() for c in claims}
    for f, ids in postings.items():
        # Set updates pair a posting list's claims in C rather than one pair at a time in Python.
        if len(ids) <= MAX_POSTINGS:
            for a in ids:
                partners[a].update(ids)
        else:
            # A feature many claims share (a fact a thousand outlets repeat) would pair all of them:
            # instead each is paired with a few hub claims, the same for all, chosen by a hash of their
            # stable keys (of their ids, a paragraph added above would pick other hubs and move claims
            # between facts). The fact still forms, through the hubs, at a cost linear in the number of claims.
            hubs = sorted(ids, key=lambda cid: hashlib.blake2b(f"{f}|{keys[cid]}".encode(), digest_size=8).digest())[
                :HUBS
            ]
            for a in ids:
                partners[a].update(hubs)
            for h in hubs:
                partners[h].update(ids)
    of_source: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        of_source[c.source].add(c.id)
    # Claims of one source (the claim itself included) are never partners.
    return {c.id: partners[c.id] - of_source[c.source] for c in claims}


def candidate_pairs(claims: Sequence[Claim], vectors: Vectors) -> set[tuple[str, str]]:
    """Pairs of claims from different sources that share one of their rarest features (a < b)."""
    pairs: set[tuple[str, str]] = set()
    for a, others in _partners(claims, vectors, stable_keys(claims)).items():
        pairs.update((a, b) for b in others if a < b)
    return pairs


def _loud(claims: Sequence[Claim], vectors: Vectors) -> dict[str, set[str]]:
    """Each claim's features other than the words naming its speaker. Two claims whose shared
    features are all speaker words of one or the other share exactly nothing of these."""
    return {c.id: vectors.by_claim[c.id].keys() - speaker_features(c) for c in claims}


def similarities(claims: Sequence[Claim], vectors: Vectors) -> dict[tuple[str, str], float]:
    """Cosine similarity of every candidate pair (keys ordered a < b); 0 for two claims that share
    nothing but who said them ("X said the ferry was overloaded", "X said help came late")."""
    loud = _loud(claims, vectors)
    by_claim = vectors.by_claim
    return {
        (a, b): cosine(by_claim[a], by_claim[b]) if not loud[a].isdisjoint(loud[b]) else 0.0
        for a, b in sorted(candidate_pairs(claims, vectors))
    }


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


# Trigram sets and topic words are pure functions of a claim's text; a story's texts come back on
# every rebuild of a served site (and copies of one text within it), so both are memoised (bounded).
@lru_cache(maxsize=TEXT_MEMO)
def _trigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = [w.lower() for w in _TOKEN.findall(text)]  # figures included: "42 dead" and "61 dead" differ
    return frozenset(tuple(words[i : i + 3]) for i in range(max(len(words) - 2, 0)))


def independent_sources(claims: Sequence[Claim]) -> int:
    """Sources left after merging those whose claims are near-identical copies of each other."""
    uf = _UnionFind(sorted({c.source for c in claims}))
    sources_of: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        sources_of[c.text].append(c.source)
    # Copies of one text are identical (overlap 1 >= COPY_OVERLAP): their sources merge at once, and
    # the text is compared with the other texts once, through its first source.
    texts: list[tuple[str, frozenset[tuple[str, ...]]]] = []
    for text, sources in sources_of.items():
        grams = _trigrams(text)
        if not grams:
            continue
        for other in sources[1:]:
            uf.union(sources[0], other)
        texts.append((sources[0], grams))
    for i, (a, ga) in enumerate(texts):
        for b, gb in texts[i + 1 :]:
            # Sources already merged need no second look: many copies of one wire story are common.
            if uf.find(a) != uf.find(b) and len(ga & gb) / min(len(ga), len(gb)) >= COPY_OVERLAP:
                uf.union(a, b)
    return len({uf.find(s) for s in uf.parent})


@lru_cache(maxsize=TEXT_MEMO)
def _topic_words(text: str) -> tuple[tuple[str, str], ...]:
    """(feature key, surface form) of each topic word of a text, in order, repeats included."""
    return tuple((f"w:{stem(w)}", w.lower()) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) >= 3)


def _topic(members: Sequence[Claim]) -> str:
    """A few words the group's claims share, most distinctive first (entities before words)."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for c in members:
        seen: set[str] = set()
        for e in c.entities:
            key = f"e:{e.name.lower()}"
            if key not in seen:
                seen.add(key)
                counts[key] += 1
                surface.setdefault(key, e.name)
        for key, word in _topic_words(c.text):
            if key not in seen:
                seen.add(key)
                counts[key] += 1
                surface.setdefault(key, word)
    shared = [k for k, n in counts.items() if n >= 2] or list(counts)
    shared.sort(key=lambda k: (-counts[k], not k.startswith("e:"), k))
    words: list[str] = []
    for k in shared:
        s = surface[k]
        if not any(s.lower() in w.lower() or w.lower() in s.lower() for w in words):
            words.append(s)
        if len(words) == 4:
            break
    return ", ".join(words) or "statement"


def fact_id(topic: str, claim_keys: Sequence[str]) -> str:
    """The topic's slug and a hash of the topic and the first of the members' stable keys (claimkeys.py).
    A fact keeps its id, and every link to it, while that claim keeps its words and the topic its words,
    whatever happens elsewhere in the articles, and when another source's claim joins or leaves it: a
    fact a hundred sources state would otherwise change id, and every source page linking to it, with
    each edit near it. Content facts share no claim, and role facts no topic, so ids are unique."""
    slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-")[:40].strip("-") or "fact"
    digest = hashlib.sha256(f"{topic}\n{min(claim_keys, default='')}".encode()).hexdigest()[:6]
    return f"{slug}-{digest}"


def align_claims(claims: Sequence[Claim], vectors: Vectors) -> tuple[Fact, ...]:
    """Group claims that state the same fact; only groups spanning two or more sources are returned.

    Equal scores are ordered by the claims' stable keys (claimkeys.py), not their ids: ids renumber when a
    paragraph is added above them, and the same claims must make the same facts whatever their numbers."""
    source = {c.id: c.source for c in claims}
    keys = stable_keys(claims)
    by_claim = vectors.by_claim
    loud = _loud(claims, vectors)
    partners = _partners(claims, vectors, keys)
    # Each claim's scored partners as (-score, key, id): sorted, the best comes first, ties to the smaller
    # stable key. Only scores s with DISTINCT_RATIO * s >= MIN_LINK are kept: a lower score can never win (it
    # is below MIN_LINK, as DISTINCT_RATIO >= 1), and as a runner-up it cannot stop a winner (which
    # scores at least MIN_LINK > DISTINCT_RATIO * s), exactly like no runner-up at all.
    scored: dict[str, list[tuple[float, str, str]]] = {c.id: [] for c in claims}
    # Copies of one sentence (wire copy, a story republished) have the same vector and speaker words,
    # so the same score with every partner: a pair of such groups is scored once.
    group: dict[str, int] = {}
    copies: Counter[int] = Counter()
    numbers: dict[tuple[tuple[tuple[str, float], ...], frozenset[str]], int] = {}
    for c in claims:
        g = group[c.id] = numbers.setdefault((tuple(by_claim[c.id].items()), frozenset(loud[c.id])), len(numbers))
        copies[g] += 1
    known: dict[tuple[int, int], float] = {}
    done: set[str] = set()
    for a, others in partners.items():
        done.add(a)
        va, loud_a, scored_a, ga, ka = by_claim[a], loud[a], scored[a], group[a], keys[a]
        repeated = copies[ga] > 1
        for b in others - done:  # each pair once
            gb = group[b]
            key = (ga, gb) if ga < gb else (gb, ga)
            s = known.get(key) if repeated or copies[gb] > 1 else None
            if s is None:
                # 0 for claims that share nothing but who said them
                s = known[key] = cosine(va, by_claim[b]) if not loud_a.isdisjoint(loud[b]) else 0.0
            if DISTINCT_RATIO * s < MIN_LINK:
                continue
            scored_a.append((-s, keys[b], b))
            scored[b].append((-s, ka, a))
    # A claim's clear winner in another source: the closest claim there, if it scores LINK_THRESHOLD,
    # or at least MIN_LINK and DISTINCT_RATIO times the runner-up (the second closest there).
    winners: dict[str, dict[str, tuple[float, str]]] = {}
    for x, ranked in scored.items():
        ranked.sort()
        best: dict[str, tuple[float, str]] = {}
        runner_up: dict[str, float] = {}
        for negated, _key, y in ranked:
            sy = source[y]
            if sy not in best:
                best[sy] = (-negated, y)
            elif sy not in runner_up:
                runner_up[sy] = -negated
        winners[x] = {
            sy: (score, y)
            for sy, (score, y) in best.items()
            if score >= LINK_THRESHOLD or (score >= MIN_LINK and score >= DISTINCT_RATIO * runner_up.get(sy, 0.0))
        }
    links: list[tuple[float, str, str, str, str]] = []  # (-score, keys, ids of x and y): sorted, strongest first
    for x, won in winners.items():
        for score, y in won.values():
            back = winners[y].get(source[x])
            if x < y and back is not None and back[1] == x:  # each mutual pair once, from its smaller id
                kx, ky = keys[x], keys[y]
                links.append((-score, min(kx, ky), max(kx, ky), x, y))
    # Strongest links first; a fact holds at most one claim per source, so chains cannot wander
    # from one statement to another through a source that makes both.
    uf = _UnionFind(c.id for c in claims)
    group_sources: dict[str, set[str]] = {c.id: {c.source} for c in claims}
    # Unit vectors: the mean pairwise cosine of two groups is the dot product of their vector sums
    # divided by both sizes, so merging costs the size of the sums, not of all member pairs.
    # A lone claim's sum is its own vector (not to be changed), copied only when its group first grows.
    sums: dict[str, dict[str, float]] = {c.id: by_claim[c.id] for c in claims}
    copied: set[str] = set()
    sizes: dict[str, int] = {c.id: 1 for c in claims}
    links.sort()
    for *_order, x, y in links:
        rx, ry = uf.find(x), uf.find(y)
        if rx == ry:
            continue
        # Average linkage: the two groups must be alike as wholes, not only through x and y, so a
        # chain of pairwise matches cannot drift from one statement to another.
        average = cosine(sums[rx], sums[ry]) / (sizes[rx] * sizes[ry])
        if group_sources[rx] & group_sources[ry] or average < MIN_LINK:
            continue
        uf.union(x, y)
        root = uf.find(x)
        group_sources[root] = group_sources[rx] | group_sources[ry]
        other = ry if root == rx else rx
        if root not in copied:
            sums[root] = dict(sums[root])
            copied.add(root)
        merged = sums[root]
        for feature, value in sums.pop(other).items():
            merged[feature] = merged.get(feature, 0.0) + value
        sizes[root] += sizes.pop(other)
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        groups[uf.find(c.id)].append(c)
    facts: list[Fact] = []
    for members in groups.values():
        sources = tuple(sorted({c.source for c in members}))
        if len(sources) < 2:
            continue
        ids = tuple(c.id for c in members)
        topic = _topic(members)
        facts.append(Fact(fact_id(topic, [keys[i] for i in ids]), topic, ids, sources, independent_sources(members)))
    # Most sources first, then in the order of the first claim's place in its article: the story's order,
    # which a paragraph added above leaves as it was (ids would not: "a/10" sorts before "a/9").
    at = {c.id: (c.source, c.start) for c in claims}
    facts.sort(key=lambda f: (-len(f.sources), at[f.claims[0]]))
    return tuple(facts)


# Words that say what kind of body an office belongs to, not which office it is.
_GENERIC_OFFICE_WORDS = frozenset("company firm group organisation organization agency".split())


def role_facts(claims: Sequence[Claim]) -> tuple[Fact, ...]:
    """The office a person holds, as stated by two or more sources ("Orunda Seaways president Dario
    Quintel", "company president Dario Quintel"): one fact per person, office and status, whatever
    else each sentence says."""
    by_role: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    qualifiers: dict[tuple[str, str, str], str] = {}
    for c in claims:
        for e in c.entities:
            if e.kind != "person":
                continue
            for status, office, qualifier in role_offices(e.role):
                words = [w for w in office.split() if w not in _GENERIC_OFFICE_WORDS]
                if status == "neutral" or not words:
                    continue
                key = (e.name, status, " ".join(words))
                if c not in by_role[key]:
                    by_role[key].append(c)
                if qualifier:
                    qualifiers.setdefault(key, qualifier)
    keys = stable_keys(claims)
    facts: list[Fact] = []
    for key, members in sorted(by_role.items()):
        first_by_source: dict[str, Claim] = {}
        for c in members:
            first_by_source.setdefault(c.source, c)
        if len(first_by_source) < 2:
            continue
        person, status, office = key
        chosen = list(first_by_source.values())
        parts = ("former" if status == "former" else "", office, f"({qualifiers[key]})" if key in qualifiers else "")
        topic = f"{person}: {' '.join(p for p in parts if p)}"
        ids = tuple(c.id for c in chosen)
        facts.append(Fact(fact_id(topic, [keys[i] for i in ids]), topic, ids, tuple(sorted(first_by_source)),
                          independent_sources(chosen)))
    return tuple(facts)
