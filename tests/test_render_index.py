"""The claim table's "Corroborated by" and "Contradicted by" lists, found from per-fact and per-side tables,
equal the lists written out claim by claim (the way render.py found them before: n² entries for a fact or
contradiction of n claims), for any facts and contradictions: claims in several facts, on two sides of one
contradiction, equal contradictions, sources with many claims."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pipeline import analyze
from generator.records import Contradiction, Fact, Report
from generator.render import _Index

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cache
def _base() -> Report:
    return analyze(SEEDS, workers=1)


def _corroborating(report: Report, claim_id: str) -> list[str]:
    source = {c.id: c.source for c in report.claims}
    others: list[str] = []
    for f in report.facts:
        if claim_id in f.claims:
            others += [o for o in f.claims if source[o] != source[claim_id]]
    return list(dict.fromkeys(others))


def _contradicting(report: Report, claim_id: str) -> list[tuple[Contradiction, str]]:
    source = {c.id: c.source for c in report.claims}
    keys: dict[Contradiction, int] = {}
    firsts: dict[tuple[int, str], Contradiction] = {}
    for c in report.contradictions:
        key = keys.setdefault(c, len(keys))
        for side in c.sides:
            if claim_id not in side:
                continue
            for other in (s2 for s2 in c.sides if s2 is not side):
                for o in other:
                    if o != claim_id:
                        firsts.setdefault((key, source[o]), c)
    return [(con, s) for (_key, s), con in firsts.items()]


@st.composite
def _reports(draw: st.DrawFn) -> Report:
    base = _base()
    ids = [c.id for c in base.claims]
    # A few sources' claims only, so that facts and sides often hold several claims of one source.
    pool = draw(st.lists(st.sampled_from(ids), min_size=2, max_size=30, unique=True))
    members = st.lists(st.sampled_from(pool), min_size=1, max_size=12)
    facts = tuple(
        Fact(f"fact-{i}", "topic", tuple(claims), (), 1)
        for i, claims in enumerate(draw(st.lists(members, max_size=5)))
    )
    contradictions: list[Contradiction] = []
    for i, sides in enumerate(draw(st.lists(st.lists(members, min_size=2, max_size=3), max_size=5))):
        c = Contradiction(f"c-{i}", "topic", "numeric", "conflict", (), tuple(tuple(s) for s in sides), "why")
        contradictions.append(c)
        if draw(st.booleans()):
            contradictions.append(replace(c))  # an equal record: listed once
    return replace(base, facts=facts, contradictions=tuple(contradictions))


@settings(max_examples=300, deadline=None)
@given(_reports(), st.integers(min_value=0, max_value=7))
def test_the_lists_equal_the_lists_written_out(report: Report, limit: int) -> None:
    index = _Index(report)
    for claim in report.claims:
        corroborating = _corroborating(report, claim.id)
        assert index.corroborating(claim.id, limit) == (corroborating[:limit], len(corroborating))
        contradicting = _contradicting(report, claim.id)
        assert index.contradicting(claim.id, limit) == (contradicting[:limit], len(contradicting))


def test_the_seeds_lists_equal_the_lists_written_out() -> None:
    report = _base()
    index = _Index(report)
    assert any(_corroborating(report, c.id) for c in report.claims)
    assert any(_contradicting(report, c.id) for c in report.claims)
    for claim in report.claims:
        for limit in (0, 6):
            corroborating = _corroborating(report, claim.id)
            assert index.corroborating(claim.id, limit) == (corroborating[:limit], len(corroborating))
            contradicting = _contradicting(report, claim.id)
            assert index.contradicting(claim.id, limit) == (contradicting[:limit], len(contradicting))
