"""Tests for generator.assessments: a claim's text → the qualities it judges, with sign and targets.

Sentences are written for these tests across domains (protests, war, company results, elections,
infrastructure, courts). Conflicts between sources are tested in tests/test_compare.py; here the
unit is ``judgements`` itself, plus one pipeline run for a case where the lexicon misfires.
"""

from __future__ import annotations

import datetime as dt
import timeit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.align import align_claims, vectorise
from generator.assessments import LEXICON, TARGET_WINDOW, Judgement, judgements
from generator.claims import extract_claims
from generator.compare import compare_claims
from generator.records import Article
from generator.sentences import split_sentences


def judged(text: str) -> dict[str, int]:
    return {j.quality: j.sign for j in judgements(text)}


# --------------------------------------------------------------------------------------------
# Polarity
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "quality", "sign"), [
    ("The march was peaceful.", "conduct", 1),
    ("Police said the rally was calm and orderly.", "conduct", 1),
    ("The riot police were brutal.", "conduct", -1),
    ("Witnesses said the crowd became unruly after dark.", "conduct", -1),
    ("The recruits were well trained.", "competence", 1),
    ("The army is well-trained and battle-hardened.", "competence", 1),
    ("The recruits were inexperienced.", "competence", -1),
    ("The company posted solid results.", "performance", 1),
    ("Sales were sluggish in Europe.", "performance", -1),
    ("Analysts called the quarter a disappointment.", "performance", -1),
    ("Engineers said the bridge is safe.", "safety", 1),
    ("The bridge is unsafe, engineers warned.", "safety", -1),
    ("The court found the dismissals unlawful.", "legitimacy", -1),
    ("Critics said the trial was unfair.", "legitimacy", -1),
    ("The government said the strike was illegal.", "legitimacy", -1),
])
def test_plain_judgements(sentence: str, quality: str, sign: int) -> None:
    assert judged(sentence) == {quality: sign}


@pytest.mark.parametrize(("sentence", "quality", "sign"), [
    ("The troops were barely trained.", "competence", -1),
    ("The soldiers showed a lack of discipline.", "competence", -1),
    ("The company lacked discipline.", "competence", -1),
    ("The soldiers fought without discipline.", "competence", -1),
    ("The troops were never trained properly.", "competence", -1),
    ("The march was not peaceful.", "conduct", -1),
    ("The march was hardly peaceful.", "conduct", -1),
    ("The protesters were never violent.", "conduct", 1),
    ("The results were not disappointing.", "performance", 1),
    ("The dam is not safe.", "safety", -1),
    ("The new rules are not unlawful, the minister said.", "legitimacy", 1),
])
def test_flips(sentence: str, quality: str, sign: int) -> None:
    assert judged(sentence) == {quality: sign}


def test_case_does_not_matter() -> None:
    assert judged("PEACEFUL MARCH THROUGH OSTRA") == {"conduct": 1}


@pytest.mark.parametrize("sentence", [
    "The soldiers were disciplined, but inexperienced.",
    "The rally was peaceful but the police response was brutal.",
    "Investors called the results strong, but guidance was weak.",
    "The well-trained soldiers were demoralised.",
    "Some stretches of the road are safe and others dangerous.",
])
def test_a_quality_judged_both_ways_is_mixed_and_left_out(sentence: str) -> None:
    assert judgements(sentence) == ()


def test_a_mixed_quality_does_not_hide_another_quality() -> None:
    found = judged("The disciplined but inexperienced soldiers kept the protest peaceful.")
    assert found == {"conduct": 1}


def test_two_qualities_in_one_claim() -> None:
    assert judged("The well-trained unit kept the march peaceful.") == {"competence": 1, "conduct": 1}


@pytest.mark.parametrize("sentence", [
    "",
    "!!!",
    "The ferry sank off the coast of Sella on Sunday night.",
    "Halvorsen Group reported revenue of 3.2 billion euros.",
    "Turnout reached 64% in the presidential election.",
    "It rained heavily across the north.",
])
def test_facts_without_evaluative_words_judge_nothing(sentence: str) -> None:
    assert judgements(sentence) == ()


@pytest.mark.parametrize(("sentence", "quality", "sign"), [
    ("The recruits were poorly equipped and inexperienced.", "competence", -1),
    ("The protest was not violent but chaotic.", "conduct", 0),
    ("The recruits were not trained and undisciplined.", "competence", -1),
])
def test_a_flip_does_not_cross_a_conjunction(sentence: str, quality: str, sign: int) -> None:
    assert judged(sentence).get(quality, 0) == sign


@pytest.mark.parametrize(("sentence", "quality", "sign"), [
    ("The rescue effort was well organised.", "competence", 1),
    ("The troops were poorly equipped.", "competence", -1),
    ("The troops were well equipped.", "competence", 1),
])
def test_unhyphenated_well_and_poorly_compounds(sentence: str, quality: str, sign: int) -> None:
    assert judged(sentence) == {quality: sign}


def test_free_and_fair_is_a_judgement_of_legitimacy() -> None:
    assert judged("Observers said the election was free and fair.") == {"legitimacy": 1}


@pytest.mark.parametrize("sentence", [
    "A strong earthquake struck Harnow on Monday.",
    "Strong winds brought down power lines across the north.",
    "A weak current allowed divers to reach the wreck.",
])
def test_physical_strength_is_not_a_judgement(sentence: str) -> None:
    assert judgements(sentence) == ()


# --------------------------------------------------------------------------------------------
# Targets
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "target"), [
    ("The soldiers were barely trained.", "troop"),
    ("The troops were well trained.", "troop"),
    ("The fighters were inexperienced.", "troop"),
    ("The march was peaceful.", "protest"),
    ("The rally was peaceful.", "protest"),
    ("The demonstration was violent.", "protest"),
    ("The firm posted weak results.", "company"),
    ("The firm posted weak results.", "result"),
    ("Residents said the bridge was dangerous.", "bridge"),
])
def test_targets_name_what_is_judged_with_synonyms_merged(sentence: str, target: str) -> None:
    (j,) = judgements(sentence)
    assert target in j.targets


def test_targets_leave_out_function_words_and_flips() -> None:
    (j,) = judgements("The soldiers were not at all trained.")
    assert not j.targets & {"the", "were", "not", "at", "all"}


def test_targets_stay_within_the_window() -> None:
    far = " ".join(["harbour"] + ["crane"] * (TARGET_WINDOW + 2))
    (j,) = judgements(f"The {far} was safe.")
    assert "crane" in j.targets and "harbour" not in j.targets


def test_the_same_subject_in_different_words_shares_a_target() -> None:
    (a,) = judgements("Union leaders said the march was peaceful.")
    (b,) = judgements("Police said the demonstration was violent.")
    assert a.quality == b.quality and a.sign == -b.sign
    assert a.targets & b.targets == {"protest"}


def test_judgements_are_sorted_by_quality_and_signs_are_units() -> None:
    found = judgements("The well-trained unit kept the march peaceful and the bridge safe.")
    assert [j.quality for j in found] == sorted(j.quality for j in found)
    assert all(isinstance(j, Judgement) and j.sign in (1, -1) for j in found)


def test_lexicon_words_are_lowercase_and_never_on_both_sides() -> None:
    seen: dict[str, str] = {}
    for quality, (positive, negative) in LEXICON.items():
        assert not positive & negative, quality
        for word in positive | negative:
            assert word == word.lower() and " " not in word
            assert seen.setdefault(word, quality) == quality, f"{word} judges two qualities"


# --------------------------------------------------------------------------------------------
# Through the comparison: an intensity word is not an opinion
# --------------------------------------------------------------------------------------------


def _article(source: str, text: str) -> Article:
    return Article(id=source, path=f"{source}.txt", format="txt", title=source, outlet=f"Outlet {source}",
                   author=None, url=None, published=dt.date(2025, 6, 5), dateline=None, text=text)


def test_a_strong_earthquake_does_not_conflict_with_a_weak_response() -> None:
    articles = [_article("a", "A strong earthquake struck Harnow on Monday.\n"),
                _article("b", "Residents criticised the weak government response to the earthquake in Harnow.\n")]
    claims = [c for a in articles for c in extract_claims(a, split_sentences(a.text))]
    vectors = vectorise(claims)
    found = compare_claims(claims, align_claims(claims, vectors), vectors, {a.id: a.published for a in articles})
    assert [c for c in found if c.kind == "assessment"] == []


# --------------------------------------------------------------------------------------------
# Properties and speed
# --------------------------------------------------------------------------------------------

_WORDS = [
    *sorted({w for pos, neg in LEXICON.values() for w in pos | neg}),
    "not", "never", "barely", "lack", "of", "without", "the", "march", "troops", "were", "and", "but", ",", ".",
    "results", "bridge", "-", "well", "poorly", "ill", "Police", "said",
]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200) | st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join))
def test_judgements_never_raise_and_are_well_formed(text: str) -> None:
    found = judgements(text)
    qualities = [j.quality for j in found]
    assert qualities == sorted(set(qualities))
    for j in found:
        assert j.quality in LEXICON
        assert j.sign in (1, -1)
        assert all(t and t == t.lower() for t in j.targets)
    assert judgements(text) == found


def test_judgements_are_fast() -> None:
    sentence = "Union leader Mark Dale said the march through Ostra had been overwhelmingly peaceful and orderly."
    seconds = min(timeit.repeat(lambda: judgements(sentence), number=200, repeat=3)) / 200
    assert seconds < 0.0005
