"""The one orchestrator: seeds folder → Report. Both adapters (MkDocs plugin, CLI) call it."""

from __future__ import annotations

from pathlib import Path

from .align import align_claims, role_facts, vectorise
from .claims import extract_claims
from .compare import agreeing_facts, compare_claims
from .errors import SeedError
from .ingest import read_seeds
from .overrides import Overrides, apply_dismissals, apply_fact_overrides, claim_notes, load_overrides
from .records import Article, Claim, Report, Sentence, Skipped
from .sentences import split_sentences


def analyze(seeds_dir: Path) -> Report:
    """Read, extract, align and compare every article of one story."""
    seeds = read_seeds(seeds_dir)
    sentences: dict[str, tuple[Sentence, ...]] = {}
    claims: list[Claim] = []
    warnings = list(seeds.warnings)
    for article in seeds.articles:
        sentences[article.id] = split_sentences(article.text)
        extracted = extract_claims(article, sentences[article.id])
        if not extracted:
            warnings.append(f"{article.path}: no checkable claims found in the article text")
        claims.extend(extracted)
    skipped = list(seeds.skipped)
    try:
        overrides = load_overrides(seeds_dir)
    except SeedError as exc:
        skipped.append(Skipped(exc.path, f"{exc.reason}; the report was built without editor overrides"))
        overrides = Overrides((), ())
    warnings.extend(overrides.warnings)
    vectors = vectorise(claims)
    facts, problems = apply_fact_overrides(align_claims(claims, vectors), claims, overrides)
    warnings.extend(problems)
    found = compare_claims(claims, facts, vectors, {a.id: a.published for a in seeds.articles})
    contradictions, dismissed, problems = apply_dismissals(found, overrides)
    warnings.extend(problems)
    notes, problems = claim_notes(claims, overrides)
    warnings.extend(problems)
    facts = agreeing_facts((*facts, *role_facts(claims)), claims, contradictions)
    event = seeds.event or _event_line(seeds.articles)
    return Report(
        event=event,
        articles=seeds.articles,
        sentences=sentences,
        claims=tuple(claims),
        facts=facts,
        contradictions=contradictions,
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        warnings=tuple(warnings),
        overrides=overrides.items,
        dismissed=dismissed,
        notes=notes,
    )


def _event_line(articles: tuple[Article, ...]) -> str:
    """Without an ``event`` in sources.yaml, the shortest article title stands for the event."""
    titles = [a.title for a in articles]
    return min(titles, key=lambda t: (len(t), t)) if titles else "No articles could be read"
