# The test data is news text: curly quotes and apostrophes are the point of many cases.
"""Tests for generator.align: Claims of several sources → Facts.

Claims are extracted from small articles written for these tests (``split_sentences`` then
``extract_claims``), then vectorised and aligned exactly as ``generator.pipeline.analyze`` does.
A synthetic 200-article story, built by filling sentence templates from many domains with
different places, people and numbers, checks the blocking and the one-claim-per-source rule.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from generator.align import (
    COPY_OVERLAP,
    DISTINCT_RATIO,
    LINK_THRESHOLD,
    MIN_LINK,
    Vectors,
    _topic,
    _trigrams,
    _UnionFind,
    align_claims,
    candidate_pairs,
    claim_features,
    content_words,
    cosine,
    fact_id,
    independent_sources,
    similarities,
    stem,
    vectorise,
)
from generator.claimkeys import stable_keys
from generator.claims import extract_claims
from generator.records import Article, Claim, Fact
from generator.sentences import split_sentences

PUBLISHED = dt.date(2025, 6, 5)
STORIES = Path(__file__).parent / "fixtures" / "stories"
# Unrelated filler, so a story is never just the two sentences under test.
FILLER = [
    "The weather stayed mild across the south of the country.",
    "Shops in the capital reopened after the holiday weekend.",
    "A new bus line will open in the western suburbs next spring.",
    "The national museum extended its opening hours for the summer.",
]


def article(source: str, text: str, published: dt.date | None = PUBLISHED) -> Article:
    return Article(id=source, path=f"{source}.txt", format="txt", title=source, outlet=f"Outlet {source}",
                   author=None, url=None, published=published, dateline=None, text=text)


def extract(articles: Sequence[Article]) -> list[Claim]:
    return [c for a in articles for c in extract_claims(a, split_sentences(a.text))]


def align(texts: dict[str, str]) -> tuple[list[Claim], tuple[Fact, ...]]:
    claims = extract([article(s, t) for s, t in texts.items()])
    return claims, align_claims(claims, vectorise(claims))


def fact_holding(facts: Sequence[Fact], claim_id: str) -> Fact | None:
    return next((f for f in facts if claim_id in f.claims), None)


def with_filler(sentence: str, k: int) -> str:
    return f"{sentence}\n{FILLER[k % len(FILLER)]}\n"


# --------------------------------------------------------------------------------------------
# Wire copy
# --------------------------------------------------------------------------------------------

WIRE = "Heavy rain caused a landslide that buried 14 homes in the village of Kerrow on Wednesday."


def test_near_identical_wire_copies_count_once() -> None:
    _claims, facts = align({
        "a": with_filler(WIRE, 0),
        "b": with_filler(WIRE.replace("on Wednesday.", "on Wednesday, officials said."), 1),
        "c": with_filler("Fourteen homes in Kerrow were buried on Wednesday when heavy rain set off a landslide.", 2),
    })
    fact = fact_holding(facts, "a/1")
    assert fact is not None
    assert fact.sources == ("a", "b", "c")
    assert fact.independent == 2


def test_two_identical_copies_are_one_independent_source() -> None:
    _claims, facts = align({"a": with_filler(WIRE, 0), "b": with_filler(WIRE, 1)})
    fact = fact_holding(facts, "a/1")
    assert fact is not None and fact.claims == ("a/1", "b/1")
    assert (len(fact.sources), fact.independent) == (2, 1)


def test_independent_sources_directly() -> None:
    claims = extract([
        article("a", WIRE),
        article("b", WIRE),
        article("c", "Fourteen homes in Kerrow were buried on Wednesday when heavy rain set off a landslide."),
        article("d", "Rescue teams reached Kerrow on Thursday morning."),
    ])
    assert independent_sources(claims) == 3
    assert independent_sources(claims[:2]) == 1
    assert independent_sources([]) == 0


def test_a_short_shared_phrase_is_not_a_copy() -> None:
    claims = extract([
        article("a", "The death toll rose to 42 on Tuesday after rescuers reached the flooded villages in the north."),
        article("b", "The death toll rose to 61 by Thursday evening, according to the governor, who blamed the dam."),
    ])
    assert independent_sources(claims) == 2


# --------------------------------------------------------------------------------------------
# What aligns, what stays apart
# --------------------------------------------------------------------------------------------

SAME_FACT_REWORDED = [
    ("Police arrested 35 people after the derby in Dornby.",
     "In Dornby, 35 people were arrested following the match, police confirmed."),
    ("The outbreak has infected 1,240 people in Lusaka province.",
     "Health officials say 1,240 people in Lusaka province have been infected so far."),
    ("Halvorsen Group reported revenue of 3.2 billion euros for the quarter.",
     "Quarterly revenue at Halvorsen came to €3.2 billion."),
    ("A mudslide destroyed fourteen houses in Kerrow after torrential downpours.",
     "Heavy rain caused a landslide that buried 14 homes in the village of Kerrow on Wednesday."),
    ("Rovers beat United 3-1 on Saturday.", "United lost 3-1 to Rovers in Saturday’s semi-final."),
    ("A court in Brenna sentenced Victor Hale to 12 years in prison.",
     "Victor Hale was jailed for 12 years by a Brenna court."),
]


@pytest.mark.parametrize(("first", "second"), SAME_FACT_REWORDED)
def test_the_same_figure_and_measure_in_different_words_aligns(first: str, second: str) -> None:
    _claims, facts = align({"a": with_filler(first, 0), "b": with_filler(second, 1)})
    fact = fact_holding(facts, "a/1")
    assert fact is not None and fact.claims == ("a/1", "b/1")


UNRELATED = [
    ("The flood in Marvale killed 42 people, the governor said.",
     "Halvorsen Group reported revenue of 3.2 billion euros for the quarter."),
    ("Rovers beat United 3-1 on Saturday.", "The outbreak has infected 1,240 people in Lusaka province."),
    ("A court in Brenna sentenced Victor Hale to 12 years in prison.",
     "Turnout in the presidential election reached 64%."),
    ("Police used tear gas to disperse protesters near City Hall.",
     "The army said it had sent 2,000 troops to the northern border."),
]


@pytest.mark.parametrize(("first", "second"), UNRELATED)
def test_unrelated_claims_of_two_sources_stay_apart(first: str, second: str) -> None:
    _claims, facts = align({"a": with_filler(first, 0), "b": with_filler(second, 1)})
    assert fact_holding(facts, "a/1") is None


def test_the_same_kind_of_event_in_two_places_stays_apart() -> None:
    _claims, facts = align({
        "a": "The flood in Marvale killed 42 people.\nRoads into the valley remain closed.\n",
        "b": "Wildfires near Ferrin destroyed 300 homes.\nRoads into the valley remain closed.\n",
    })
    assert fact_holding(facts, "a/1") is None
    assert fact_holding(facts, "a/2") is not None  # the identical filler does align


def test_two_different_statements_by_one_speaker_stay_apart() -> None:
    _claims, facts = align({
        "a": "Omar Haddad said the ferry had been overloaded.\nDivers recovered two bodies from the harbour.\n",
        "b": "Omar Haddad said the coastguard had arrived too late.\nThe company suspended all crossings.\n",
    })
    assert fact_holding(facts, "a/1") is None


def test_a_fact_never_holds_two_claims_of_one_source() -> None:
    claims, facts = align({
        "a": "The flood in Marvale killed 42 people.\nThe governor said the flood in Marvale had killed 42 people.\n",
        "b": "Floodwater in Marvale killed 42 people on Tuesday.\n",
    })
    source = {c.id: c.source for c in claims}
    assert facts
    for f in facts:
        assert len({source[c] for c in f.claims}) == len(f.claims)


def test_facts_span_two_sources_and_name_them() -> None:
    claims, facts = align({
        "a": with_filler(SAME_FACT_REWORDED[0][0], 0),
        "b": with_filler(SAME_FACT_REWORDED[0][1], 1),
        "c": "Rovers beat United 3-1 on Saturday.\n",
    })
    source = {c.id: c.source for c in claims}
    for f in facts:
        assert len(f.sources) >= 2
        assert f.sources == tuple(sorted({source[c] for c in f.claims}))
        assert 1 <= f.independent <= len(f.sources)
        assert f.topic


def test_alignment_is_deterministic_and_ids_are_stable() -> None:
    texts = {s: "".join(with_filler(p[i % 2], i) for i, p in enumerate(SAME_FACT_REWORDED)) for s in ("a", "b", "c")}
    first = align(texts)[1]
    second = align(texts)[1]
    assert first == second
    assert len({f.id for f in first}) == len(first)


def test_alignment_does_not_depend_on_the_order_of_articles() -> None:
    texts = {"a": with_filler(SAME_FACT_REWORDED[1][0], 0), "b": with_filler(SAME_FACT_REWORDED[1][1], 1),
             "c": with_filler(SAME_FACT_REWORDED[1][0].replace("1,240", "1,240 residents"), 2)}
    forward = extract([article(s, t) for s, t in texts.items()])
    backward = extract([article(s, t) for s, t in reversed(texts.items())])
    as_sets = [{frozenset(f.claims) for f in align_claims(c, vectorise(c))} for c in (forward, backward)]
    assert as_sets[0] == as_sets[1]


# --------------------------------------------------------------------------------------------
# Features, vectors, ids
# --------------------------------------------------------------------------------------------


def test_stem_matches_inflections() -> None:
    assert stem("deployed") == stem("deployment") == stem("deploys")
    assert stem("arrested") == stem("arrests")
    assert stem("Reuters’s") == stem("reuters")
    assert stem("gas") == "gas"  # too short to strip


def test_content_words_skip_stopwords_and_reporting_verbs() -> None:
    words = content_words("The police said that they had arrested 35 people.")
    assert words == [stem("police"), stem("arrested"), stem("people")]


def test_claim_features_have_slots() -> None:
    (c,) = extract([article("a", "Police said 35 people were arrested in Dornby on Saturday.")])
    feats = claim_features(c)
    assert "e:dornby" in feats
    assert "n:35" in feats
    assert any(f.startswith("m:") and "arrest" in f for f in feats)
    assert "t:2025-05" in feats  # Saturday 31 May 2025


def test_the_speaker_is_not_an_entity_feature() -> None:
    (c,) = extract([article("a", "The World Health Organization said 1,240 people had been infected.")])
    assert c.speaker == "World Health Organization"
    assert not any(f.startswith("e:") and "world health" in f for f in claim_features(c))


def test_vectors_are_unit_length_and_cosine_is_symmetric() -> None:
    claims = extract([article(s, t) for s, t in (("a", SAME_FACT_REWORDED[0][0]), ("b", SAME_FACT_REWORDED[0][1]))])
    v = vectorise(claims)
    for vec in v.by_claim.values():
        assert math.isclose(math.sqrt(sum(x * x for x in vec.values())), 1.0)
    a, b = (v.by_claim[c.id] for c in claims)
    assert math.isclose(cosine(a, b), cosine(b, a))
    assert math.isclose(cosine(a, a), 1.0)
    assert cosine(a, b) >= LINK_THRESHOLD


def test_idf_is_lower_for_common_features() -> None:
    claims = extract([article("a", "".join(f"{s}\n" for s in FILLER)), article("b", FILLER[0] + "\n")])
    v = vectorise(claims)
    assert v.idf("w:weather") < v.idf("w:museum") < v.idf("w:never-seen")


def test_fact_id_is_a_slug_with_a_digest_of_the_topic_and_the_first_member() -> None:
    fid = fact_id("Kerrow, buried, homes", ["a/1f", "b/2e"])
    assert re.fullmatch(r"kerrow-buried-homes-[0-9a-f]{6}", fid)
    assert fact_id("Kerrow, buried, homes", ["b/2e", "a/1f"]) == fid  # whatever the order
    # Another source joining or leaving keeps the id (and every link to the fact) ...
    assert fact_id("Kerrow, buried, homes", ["a/1f", "b/2e", "c/3d"]) == fid
    assert fact_id("Kerrow, buried, homes", ["a/1f"]) == fid
    # ... the first member or the topic changing does not.
    assert fact_id("Kerrow, buried, homes", ["a/0a", "b/2e"]) != fid
    assert fact_id("Kerrow, buried, houses", ["a/1f", "b/2e"]) != fid
    assert fact_id("!!!", ["a/1"]).startswith("fact-")


# --------------------------------------------------------------------------------------------
# Blocking on a synthetic 200-article story
# --------------------------------------------------------------------------------------------

TEMPLATES = [
    "The flood in {place} killed {n} people, the governor said.",
    "Rescuers pulled {n} survivors from the rubble in {place} overnight.",
    "Police said {n} people were arrested after the march through {place}.",
    "Organisers put the crowd in {place} at {n} people.",
    "{company} reported revenue of {n} million euros for the quarter.",
    "{company} said it would cut {n} jobs at its plant in {place}.",
    "Turnout in the {place} election reached {p}%, the commission said.",
    "Rovers beat United {g}-1 in {place} on Saturday.",
    "A court in {place} sentenced {person} to {y} years in prison.",
    "The outbreak has infected {n} people in {place} province.",
    "The army said it had sent {n} troops to the border near {place}.",
    "Shares in {company} fell {p}% in early trading.",
    "The health ministry said {n} patients were in hospital in {place}.",
    "The storm cut power to {n} homes in {place} on Tuesday.",
    "Engineers said the dam near {place} had not been damaged.",
    "Schools in {place} will remain closed until Monday.",
    "The central bank raised interest rates to {p}%.",
    "The opposition claimed the count in {place} had been rigged, a claim which the commission has denied.",
    "Firefighters fought the blaze in {place} for {y} hours.",
    "The league fined {company} {n} thousand pounds.",
    "Prosecutors said the bribes paid in {place} totalled {n} thousand dollars.",
    "Doctors at the central hospital in {place} said they were overwhelmed.",
    "The ceasefire near {place} collapsed within {y} hours.",
    "Voters in {place} went to the polls on {day} June.",
]
PLACES = ["Marvale", "Ostra", "Kerrow", "Dornby", "Harnow", "Velsk", "Brenna", "Lusaka", "Tarsk", "Sella", "Kalmet"]
PEOPLE = ["Anna Pelko", "Omar Haddad", "Lena Morvik", "Victor Hale", "Maria Lund", "Tomas Ek", "Jo Kline"]
COMPANIES = ["Halvorsen Group", "Vellmark", "Norrland Steel", "Aster Bank"]


def synthetic_story(n_articles: int, per_article: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for i in range(n_articles):
        lines = [
            t.format(place=rng.choice(PLACES), person=rng.choice(PEOPLE), company=rng.choice(COMPANIES),
                     n=rng.choice([12, 35, 42, 61, 120, 400, 800, 1200, 3500, 20000]), p=rng.choice([4, 12, 18, 64]),
                     g=rng.choice([2, 3, 4]), y=rng.choice([3, 12, 15]), day=rng.choice([3, 10, 17]))
            for t in rng.sample(TEMPLATES, per_article)
        ]
        articles.append(article(f"s{i:03d}", "\n".join(lines) + "\n"))
    return articles


@pytest.fixture(scope="module")
def big_story() -> tuple[list[Claim], set[tuple[str, str]]]:
    claims = extract(synthetic_story(200, 12, seed=7))
    return claims, candidate_pairs(claims, vectorise(claims))


def test_blocking_never_pairs_claims_of_one_source(big_story: tuple[list[Claim], set[tuple[str, str]]]) -> None:
    claims, pairs = big_story
    source = {c.id: c.source for c in claims}
    assert pairs
    for a, b in pairs:
        assert a < b
        assert source[a] != source[b]


def test_blocking_returns_far_fewer_pairs_than_all_pairs(big_story: tuple[list[Claim], set[tuple[str, str]]]) -> None:
    claims, pairs = big_story
    per_source = Counter(c.source for c in claims)
    n = len(claims)
    all_cross_source = (n * n - sum(k * k for k in per_source.values())) // 2
    assert len(per_source) == 200
    assert len(pairs) < 0.25 * all_cross_source


def test_blocking_keeps_the_pairs_that_state_the_same_thing() -> None:
    claims = extract([article(s, t) for s, t in (("a", with_filler(SAME_FACT_REWORDED[0][0], 0)),
                                                ("b", with_filler(SAME_FACT_REWORDED[0][1], 1)))])
    assert ("a/1", "b/1") in candidate_pairs(claims, vectorise(claims))


def test_similarities_cover_candidate_pairs_only() -> None:
    claims = extract(synthetic_story(20, 8, seed=1))
    v = vectorise(claims)
    sims = similarities(claims, v)
    assert set(sims) == candidate_pairs(claims, v)
    assert all(-1e-9 <= s <= 1 + 1e-9 for s in sims.values())


def test_a_fact_holds_one_claim_per_source_on_a_large_story() -> None:
    claims = extract(synthetic_story(60, 10, seed=3))
    source = {c.id: c.source for c in claims}
    facts = align_claims(claims, vectorise(claims))
    assert facts
    seen: set[str] = set()
    for f in facts:
        sources = [source[c] for c in f.claims]
        assert len(sources) == len(set(sources))
        assert not seen & set(f.claims)  # a claim is in at most one fact
        seen |= set(f.claims)


def test_the_office_a_person_holds_is_a_fact_when_two_sources_state_it() -> None:
    from generator.align import role_facts

    claims, _facts = align({
        "a": "“We are devastated,” company president Dario Quintel told reporters in the port.",
        "b": "Orunda Seaways president Dario Quintel said 368 people were on board.",
        "c": "Former president Dario Quintel was not at the port on Sunday.",
    })
    facts = role_facts(claims)
    assert [f.sources for f in facts] == [("a", "b")]  # the former president is another office-holding
    assert facts[0].topic.startswith("Dario Quintel: president")


# The straightforward forms of the alignment's fast paths: every candidate pair ranked, every claim
# pair of a group compared. The fast paths must give exactly their results.
def _reference_align(claims: Sequence[Claim], vectors: Vectors) -> tuple[Fact, ...]:
    sims = similarities(claims, vectors)
    keys = stable_keys(claims)  # equal scores are ordered by the claims' stable keys
    source = {c.id: c.source for c in claims}
    ranked: dict[str, dict[str, list[tuple[float, str]]]] = {}
    for (a, b), s in sims.items():
        for x, y in ((a, b), (b, a)):
            ranked.setdefault(x, {}).setdefault(source[y], []).append((s, y))
    for by_source in ranked.values():
        for top in by_source.values():
            top.sort(key=lambda e: (-e[0], keys[e[1]]))

    def clear_winner(x: str, other: str) -> str | None:
        top = ranked[x][other]
        score, y = top[0]
        runner_up = top[1][0] if len(top) > 1 else 0.0
        ok = score >= LINK_THRESHOLD or (score >= MIN_LINK and score >= DISTINCT_RATIO * runner_up)
        return y if ok else None

    links = sorted(
        (-sims[(x, y)], *sorted((keys[x], keys[y])), x, y)
        for x in ranked
        for other in ranked[x]
        if (y := clear_winner(x, other)) is not None and x < y and clear_winner(y, source[x]) == x
    )
    uf = _UnionFind(c.id for c in claims)
    group_sources = {c.id: {c.source} for c in claims}
    sums = {c.id: dict(vectors.by_claim[c.id]) for c in claims}
    sizes = {c.id: 1 for c in claims}
    for *_order, x, y in links:
        rx, ry = uf.find(x), uf.find(y)
        if rx == ry or group_sources[rx] & group_sources[ry]:
            continue
        if cosine(sums[rx], sums[ry]) / (sizes[rx] * sizes[ry]) < MIN_LINK:
            continue
        uf.union(x, y)
        root = uf.find(x)
        other = ry if root == rx else rx
        group_sources[root] = group_sources[rx] | group_sources[ry]
        for feature, value in sums.pop(other).items():
            sums[root][feature] = sums[root].get(feature, 0.0) + value
        sizes[root] += sizes.pop(other)
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        groups.setdefault(uf.find(c.id), []).append(c)
    facts = []
    for members in groups.values():
        sources = tuple(sorted({c.source for c in members}))
        if len(sources) >= 2:
            ids = tuple(c.id for c in members)
            topic = _topic(members)
            facts.append(Fact(fact_id(topic, [keys[i] for i in ids]), topic, ids, sources,
                              _reference_independent(members)))
    at = {c.id: (c.source, c.start) for c in claims}
    facts.sort(key=lambda f: (-len(f.sources), at[f.claims[0]]))
    return tuple(facts)


def _reference_independent(claims: Sequence[Claim]) -> int:
    uf = _UnionFind(sorted({c.source for c in claims}))
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            ga, gb = _trigrams(a.text), _trigrams(b.text)
            if ga and gb and a.source != b.source and len(ga & gb) / min(len(ga), len(gb)) >= COPY_OVERLAP:
                uf.union(a.source, b.source)
    return len({uf.find(s) for s in uf.parent})


def test_weak_scores_are_left_out_of_the_ranking_only_because_they_cannot_matter() -> None:
    # align_claims drops scores s with DISTINCT_RATIO * s < MIN_LINK; that is exact only when such a
    # score is below MIN_LINK itself.
    assert DISTINCT_RATIO >= 1
    assert MIN_LINK <= LINK_THRESHOLD


@pytest.mark.parametrize("seed", [3, 11])
def test_alignment_equals_ranking_every_candidate_pair(seed: int) -> None:
    articles = synthetic_story(40, 10, seed=seed)
    # Republished copies (the same sentences under other source ids) exercise the scoring of copies;
    # reworded and unrelated statements, the weak matches and runner-ups.
    articles += [article(f"copy{i}", a.text) for i, a in enumerate(articles[:8])]
    pairs = [*SAME_FACT_REWORDED, *UNRELATED]
    for k in range(2):
        lines = [pair[k] for pair in pairs] + FILLER
        random.Random(seed + k).shuffle(lines)
        articles.append(article(f"reworded{k}", "\n".join(lines) + "\n"))
    claims = extract(articles)
    vectors = vectorise(claims)
    facts = align_claims(claims, vectors)
    assert facts
    assert facts == _reference_align(claims, vectors)


def test_independent_sources_equals_comparing_every_pair() -> None:
    rng = random.Random(5)
    texts = [
        "Rescuers pulled 42 people from the water near the harbour on Sunday night.",
        "Rescuers pulled 61 people from the water near the harbour on Sunday night.",
        "The company said quarterly revenue rose 12% to 4.1 billion euros.",
        "Police said about 18,000 people marched through the city centre.",
        "Ok.",
    ]
    for _ in range(200):
        claims = extract([article(f"s{k}", rng.choice(texts)) for k in range(rng.randint(1, 7))])
        claims += extract([article(f"s{rng.randint(0, 3)}x", rng.choice(texts))])
        assert independent_sources(claims) == _reference_independent(claims)


@pytest.mark.parametrize("story", sorted(p.name for p in STORIES.iterdir() if p.is_dir()))
def test_alignment_equals_ranking_every_candidate_pair_on_fixture_stories(story: str) -> None:
    from generator.cache import Extraction
    from generator.ingest import list_seeds
    from generator.pipeline import extract_all

    folder = STORIES / story
    extracted = extract_all(list_seeds(folder).files, folder)
    claims = sorted((c for e in extracted if isinstance(e, Extraction) for c in e.claims),
                    key=lambda c: (c.source, int(c.id.rsplit("/", 1)[1])))
    vectors = vectorise(claims)
    assert align_claims(claims, vectors) == _reference_align(claims, vectors)


@pytest.mark.parametrize(("seed", "articles", "per_article", "copies", "shift"), [
    (3, 40, 10, 8, 7),
    (11, 40, 10, 8, 7),
    # Features shared by more than MAX_POSTINGS claims, paired through hub claims: the hubs must be
    # chosen by stable keys too (chosen by ids, this story's facts changed when renumbered).
    (9, 120, 8, 40, 3),
    (11, 120, 8, 40, 3),
])
def test_alignment_does_not_depend_on_how_claims_are_numbered(
    seed: int, articles: int, per_article: int, copies: int, shift: int
) -> None:
    """A paragraph added above renumbers an article's claims: the same claims must make the same facts,
    with the same ids, in the same order (ties are broken by stable keys and places in the text)."""
    story = synthetic_story(articles, per_article, seed=seed)
    story += [article(f"copy{i}", a.text) for i, a in enumerate(story[:copies])]  # tied scores
    claims = extract(story)
    # Every claim number grows by `shift`: with 7, "a/3" sorted before "a/10"-"a/19"; "a/10" now sorts
    # before "a/3"-"a/9".
    renumber = {c.id: f"{c.source}/{int(c.id.rpartition('/')[2]) + shift}" for c in claims}
    moved = [replace(c, id=renumber[c.id]) for c in claims]
    facts = align_claims(claims, vectorise(claims))
    moved_facts = align_claims(moved, vectorise(moved))
    assert len(facts) > 5
    assert [(f.id, tuple(renumber[c] for c in f.claims), f.sources) for f in facts] == [
        (f.id, f.claims, f.sources) for f in moved_facts
    ]
