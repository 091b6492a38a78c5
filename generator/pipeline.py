"""The one orchestrator: seeds folder → Report. Both adapters (MkDocs plugin, CLI) call it."""

from __future__ import annotations

from pathlib import Path

from .align import align_claims, vectorise
from .claims import extract_claims
from .compare import agreeing_facts, compare_claims
from .ingest import read_seeds
from .records import Article, Claim, Report, Sentence
from .sentences import split_sentences


def analyze(seeds_dir: Path) -> Report:
    """Read, extract, align and compare every article of one story."""
    seeds = read_seeds(seeds_dir)
    sentences: dict[str, tuple[Sentence, ...]] = {}
    claims: list[Claim] = []
    warnings = list(seeds.warnings)
    for article in seeds.articles:
        sentences[article.id] = split_sentences(article.text)
        found = extract_claims(article, sentences[article.id])
        if not found:
            warnings.append(f"{article.path}: no checkable claims found in the article text")
        claims.extend(found)
    vectors = vectorise(claims)
    facts = align_claims(claims, vectors)
    contradictions = compare_claims(claims, facts, vectors, {a.id: a.published for a in seeds.articles})
    facts = agreeing_facts(facts, claims, contradictions)
    event = seeds.event or _event_line(seeds.articles)
    return Report(
        event=event,
        articles=seeds.articles,
        sentences=sentences,
        claims=tuple(claims),
        facts=facts,
        contradictions=contradictions,
        skipped=seeds.skipped,
        warnings=tuple(warnings),
    )


def _event_line(articles: tuple[Article, ...]) -> str:
    """Without an ``event`` in sources.yaml, the shortest article title stands for the event."""
    titles = [a.title for a in articles]
    return min(titles, key=lambda t: (len(t), t)) if titles else "No articles could be read"
