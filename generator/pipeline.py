"""The one orchestrator: seeds folder → Report. Both adapters (MkDocs plugin, CLI) call it.

Extraction (read, clean, split, find claims) is a pure function of one article file, so it is
cached per file and, for large folders, spread over a process pool; alignment and comparison run
once per story on all its claims.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from .align import align_claims, role_facts, vectorise
from .cache import Extraction, ExtractionCache, entry_key
from .claims import extract_claims
from .compare import agreeing_facts, compare_claims
from .errors import SeedError
from .escape import page_slug
from .ingest import SeedFile, is_article_file, keep_one_per_stem, list_seeds, read_file
from .overrides import Overrides, apply_dismissals, apply_fact_overrides, claim_notes, load_overrides
from .records import Article, Claim, Collection, Report, Sentence, Skipped, Story
from .sentences import split_sentences

# Below this many articles to extract, starting worker processes costs more than it saves.
PARALLEL_MIN = 64
# Articles extracted between two progress reports.
PROGRESS_STEP = 32
Progress = Callable[[int, int], None]


def extract_file(seed: SeedFile, seeds_dir: Path) -> Extraction | SeedError:
    """Read, clean and extract one article file: the unit that is cached and run in parallel."""
    article = read_file(seed, seeds_dir)
    if isinstance(article, SeedError):
        return article
    sentences = split_sentences(article.text)
    return Extraction(article, sentences, extract_claims(article, sentences))


def _extract_many(seeds: Sequence[SeedFile], seeds_dir: Path, workers: int) -> Iterator[Extraction | SeedError]:
    """Extractions in the order of ``seeds``, from one worker pool when the folder is large."""
    if workers > 1 and len(seeds) >= PARALLEL_MIN:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(extract_file, seeds, repeat(seeds_dir), chunksize=16)
    else:
        for seed in seeds:
            yield extract_file(seed, seeds_dir)


def extract_all(
    files: Sequence[SeedFile],
    seeds_dir: Path,
    cache: ExtractionCache | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[Extraction | SeedError]:
    """Every file's extraction, from the cache where a valid entry exists, in the order given."""
    results: list[Extraction | SeedError | None] = [None] * len(files)
    keys: dict[int, str] = {}
    for i, seed in enumerate(files):
        if cache is None:
            continue
        try:
            raw = seed.path.read_bytes()
        except OSError:
            continue  # extraction reports the unreadable file
        keys[i] = entry_key(raw, seed.path.name, seed.meta)
        results[i] = cache.load(keys[i])
    todo = [i for i, r in enumerate(results) if r is None]
    done = len(files) - len(todo)
    if progress:
        progress(done, len(files))
    for n, (i, result) in enumerate(
        zip(todo, _extract_many([files[i] for i in todo], seeds_dir, workers or 1), strict=True), 1
    ):
        results[i] = result
        if cache is not None and i in keys and isinstance(result, Extraction):
            cache.store(keys[i], result)
        if progress and (n % PROGRESS_STEP == 0 or n == len(todo)):
            progress(done + n, len(files))
    return [r for r in results if r is not None]


def analyze(
    seeds_dir: Path,
    cache: ExtractionCache | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read, extract, align and compare every article of one story."""
    listing = list_seeds(seeds_dir)
    hits_before = cache.hits if cache else 0
    extracted = extract_all(
        listing.files, seeds_dir, cache, workers if workers is not None else os.cpu_count(), progress
    )
    by_file = [
        (seed, r.article if isinstance(r, Extraction) else r) for seed, r in zip(listing.files, extracted, strict=True)
    ]
    articles, unusable = keep_one_per_stem(by_file)
    kept = {a.id for a in articles}
    sentences: dict[str, tuple[Sentence, ...]] = {}
    claims: list[Claim] = []
    warnings = list(listing.warnings)
    for result in extracted:
        if not isinstance(result, Extraction) or result.article.id not in kept or result.article.id in sentences:
            continue
        sentences[result.article.id] = result.sentences
        if not result.claims:
            warnings.append(f"{result.article.path}: no checkable claims found in the article text")
        claims.extend(result.claims)
    articles.sort(key=lambda a: a.id)
    claims.sort(key=lambda c: (c.source, int(c.id.rsplit("/", 1)[1])))
    skipped = [*listing.skipped, *unusable]
    try:
        overrides = load_overrides(seeds_dir)
    except SeedError as exc:
        skipped.append(Skipped(exc.path, f"{exc.reason}; the report was built without editor overrides"))
        overrides = Overrides((), ())
    warnings.extend(overrides.warnings)
    if cache is not None:
        warnings.extend(cache.errors[:1])
    vectors = vectorise(claims)
    facts, problems = apply_fact_overrides(align_claims(claims, vectors), claims, overrides)
    warnings.extend(problems)
    found = compare_claims(claims, facts, vectors, {a.id: a.published for a in articles})
    contradictions, dismissed, problems = apply_dismissals(found, overrides)
    warnings.extend(problems)
    notes, problems = claim_notes(claims, overrides)
    warnings.extend(problems)
    facts = agreeing_facts((*facts, *role_facts(claims)), claims, contradictions)
    return Report(
        event=listing.event or _event_line(articles),
        articles=tuple(articles),
        sentences=sentences,
        claims=tuple(claims),
        facts=facts,
        contradictions=contradictions,
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
        warnings=tuple(warnings),
        overrides=overrides.items,
        dismissed=dismissed,
        notes=notes,
        from_cache=(cache.hits - hits_before) if cache else 0,
    )


def story_folders(seeds_dir: Path) -> list[Path]:
    """Subfolders of ``seeds_dir`` that hold articles; empty when articles sit directly inside."""
    if not seeds_dir.is_dir():
        raise SeedError(str(seeds_dir), "seeds directory does not exist")
    entries = sorted(seeds_dir.iterdir(), key=lambda p: p.name)
    if any(is_article_file(p) for p in entries):
        return []
    return [
        d
        for d in entries
        if d.is_dir() and not d.is_symlink() and not d.name.startswith(".") and any(map(is_article_file, d.iterdir()))
    ]


def analyze_collection(
    seeds_dir: Path,
    cache: ExtractionCache | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Collection:
    """One story, or one per subfolder; claims are aligned and compared only within a story."""
    folders = story_folders(seeds_dir)
    linked = tuple(
        f"{d.name}/: a symbolic link to a folder; only real subfolders are read as stories"
        for d in sorted(seeds_dir.iterdir())
        if d.is_symlink() and d.is_dir()
    )
    if not folders:
        ignored = [d.name for d in sorted(seeds_dir.iterdir()) if d.is_dir() and not d.name.startswith(".")]
        warnings = tuple(
            f"{name}/: subfolder ignored, because articles sit directly in the seeds folder"
            for name in ignored
            if any(map(is_article_file, (seeds_dir / name).iterdir()))
        )
        report = analyze(seeds_dir, cache, workers, progress)
        return Collection((Story("", "", report),), multi=False, warnings=(*linked, *warnings))
    stories = []
    for folder in folders:
        report = analyze(folder, cache, workers, progress)
        stories.append(Story(folder.name, page_slug(folder.name), report))
    return Collection(tuple(stories), multi=True, warnings=linked)


def summary_line(collection: Collection, seconds: float) -> str:
    """The one line a run ends with: articles (and how many from cache), claims, facts, conflicts,
    skipped inputs and time."""
    reports = [s.report for s in collection.stories]
    articles = sum(len(r.articles) for r in reports)
    cached = sum(r.from_cache for r in reports)
    conflicts = sum(1 for r in reports for c in r.contradictions if c.severity == "conflict")
    stories = f"{len(reports)} stories, " if collection.multi else ""
    return (
        f"{stories}{articles} articles ({cached} from cache), {sum(len(r.claims) for r in reports)} claims, "
        f"{sum(len(r.facts) for r in reports)} facts, {conflicts} conflicts, "
        f"{sum(len(r.skipped) for r in reports)} skipped in {seconds:.2f} s"
    )


def _event_line(articles: Sequence[Article]) -> str:
    """Without an ``event`` in sources.yaml, the shortest article title stands for the event."""
    titles = [a.title for a in articles]
    return min(titles, key=lambda t: (len(t), t)) if titles else "No articles could be read"
