"""The one orchestrator: seeds folder → Report. Both adapters (MkDocs plugin, CLI) call it.

Extraction (read, clean, split, find claims) is a pure function of one article file, so it is
cached per file and, for large folders, spread over a process pool (one pool for all the stories of
a collection, so many small stories keep every core busy too); alignment and comparison run once
per story on all its claims.
"""

from __future__ import annotations

import gc
import os
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import NamedTuple

from . import native
from .align import align_claims, role_facts, vectorise
from .cache import Extraction, ExtractionCache, entry_key
from .claims import extract_claims
from .compare import agreeing_facts, compare_claims
from .errors import SeedError
from .escape import page_slug
from .ingest import (
    SeedFile,
    SeedFiles,
    is_article_file,
    keep_one_per_stem,
    list_seeds,
    read_file,
    warm_up_readers,
)
from .overrides import Overrides, apply_dismissals, apply_fact_overrides, claim_notes, load_overrides
from .records import (
    Article,
    Claim,
    Collection,
    CollectionTotals,
    Report,
    Sentence,
    Skipped,
    Story,
)
from .sentences import split_sentences

# Below this many articles to extract, starting worker processes costs more than it saves.
PARALLEL_MIN = 64
# Files in flight per worker, ahead of the caller: enough to keep every worker busy.
POOL_WINDOW = 256
# Files per task sent to a worker, at most: one task per file spent about 1 ms of the caller's time and
# 0.5 ms of the worker's on each (futures, pickling the call, the pipes), a sixth of the extraction.
POOL_BATCH = 16
# Allocations between two collections of the youngest generation while the pool runs, in the caller and
# in the workers it forks (CPython's default is 700). Unpickling the workers' results makes millions of
# small containers, none in a reference cycle, and at the default the caller's collections walked its
# growing heap again and again: 0.15 of its 0.52 CPU-seconds for 1,000 articles.
POOL_GC_THRESHOLD = 20_000
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


def _extract_batch(jobs: Sequence[tuple[SeedFile, Path]]) -> list[Extraction | SeedError]:
    return [extract_file(seed, folder) for seed, folder in jobs]


def _extract_many(
    seeds: Sequence[SeedFile], dirs: Sequence[Path], workers: int
) -> Iterator[Extraction | SeedError]:
    """Extractions in the order of ``seeds`` (each read from its story folder in ``dirs``), from one
    worker pool when there are many. The workers keep ``POOL_WINDOW`` files per worker in flight ahead
    of the caller: they extract the next stories while the caller aligns this one, and results it has
    not taken yet do not pile up in memory."""
    if workers > 1 and len(seeds) >= PARALLEL_MIN:
        # Batches small enough that every worker gets several: the last ones finish close together.
        size = max(1, min(POOL_BATCH, len(seeds) // (8 * workers)))
        jobs = list(zip(seeds, dirs, strict=True))
        batches = (jobs[i : i + size] for i in range(0, len(jobs), size))
        # Forking copies only the calling thread: from another thread (mkdocs serve rebuilds in one, next
        # to its HTTP and file-watching threads) a lock held elsewhere could stay locked in the workers
        # for ever. Spawned workers start clean, at the cost of importing the generator again.
        context = None if threading.current_thread() is threading.main_thread() else get_context("spawn")
        # The caller's own work between two results (aligning a story) runs under this threshold too.
        threshold = gc.get_threshold()
        frozen = False
        try:
            gc.set_threshold(max(POOL_GC_THRESHOLD, threshold[0]), *threshold[1:])
            if context is None:
                warm_up_readers(seeds)  # loaded once here, not once per worker
                # Forked workers share the caller's objects (the analysis' tables, the imported libraries)
                # until they write to them, and the collector writes to every object it visits: frozen,
                # they are left out of the workers' collections, which neither copy their pages nor walk them.
                gc.freeze()
                frozen = True
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                window = max(1, POOL_WINDOW * workers // size)
                pending = deque(pool.submit(_extract_batch, batch) for batch in islice(batches, window))
                if frozen:  # every worker forked at the first submission
                    gc.unfreeze()
                    frozen = False
                while pending:
                    results = pending.popleft().result()
                    batch = next(batches, None)
                    if batch is not None:
                        pending.append(pool.submit(_extract_batch, batch))
                    yield from results
        finally:
            if frozen:
                gc.unfreeze()
            gc.set_threshold(*threshold)
    else:
        for seed, folder in zip(seeds, dirs, strict=True):
            yield extract_file(seed, folder)


def _extractions(
    files: Sequence[SeedFile],
    dirs: Sequence[Path],
    cache: ExtractionCache | None,
    workers: int,
    progress: Progress | None,
) -> Iterator[tuple[Extraction | SeedError, bool]]:
    """Every file's extraction in the order given, and whether it came from the cache; lazily, so a
    caller that consumes them story by story holds one story's at a time."""
    keys: list[str | None] = [None] * len(files)
    hits: list[bool] = [False] * len(files)
    for i, seed in enumerate(files):
        if cache is None:
            continue
        try:
            raw = seed.path.read_bytes()
        except OSError:
            continue  # extraction reports the unreadable file
        keys[i] = found_key = entry_key(raw, seed.path.name, seed.meta)
        hits[i] = cache.has(found_key)
    todo = [i for i in range(len(files)) if not hits[i]]
    fresh = _extract_many([files[i] for i in todo], [dirs[i] for i in todo], workers)
    if progress:
        progress(len(files) - len(todo), len(files))
    extracted = len(files) - len(todo)
    for i, seed in enumerate(files):
        key = keys[i]
        if hits[i] and key is not None and cache is not None:
            found = cache.load(key)
            if found is not None:
                yield found, True
                continue
            result: Extraction | SeedError = extract_file(seed, dirs[i])  # the entry went bad since has()
        else:
            result = next(fresh)
        if cache is not None and key is not None and isinstance(result, Extraction):
            cache.store(key, result)
        extracted += 1
        if progress and (extracted % PROGRESS_STEP == 0 or extracted == len(files)):
            progress(extracted, len(files))
        yield result, False


def extract_all(
    files: Sequence[SeedFile],
    seeds_dir: Path | Sequence[Path],
    cache: ExtractionCache | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> list[Extraction | SeedError]:
    """Every file's extraction, from the cache where a valid entry exists, in the order given.

    ``seeds_dir`` is the folder the files belong to, or one folder per file: the files of several
    stories go through one worker pool, so small stories still keep every core busy."""
    dirs = [seeds_dir] * len(files) if isinstance(seeds_dir, Path) else list(seeds_dir)
    if len(dirs) != len(files):
        raise ValueError(f"{len(files)} files but {len(dirs)} folders")
    return [r for r, _ in _extractions(files, dirs, cache, workers or 1, progress)]


def analyze(
    seeds_dir: Path,
    cache: ExtractionCache | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read, extract, align and compare every article of one story."""
    (report,) = _reports([seeds_dir], cache, _workers(workers), progress)  # runs to the end: the pool closes
    return report


def _workers(workers: int | None) -> int:
    return workers if workers is not None else os.cpu_count() or 1


def build_report(
    seeds_dir: Path,
    listing: SeedFiles,
    extracted: Sequence[Extraction | SeedError],
    cache_errors: Sequence[str] = (),
    from_cache: int = 0,
) -> Report:
    """One story's report from its listing and its files' extractions (in listing order): alignment,
    comparison and editor overrides. ``cache_errors``: the cache entries of this story's files that
    could not be written, reported as one warning."""
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
    if cache_errors:
        more = f" (and {len(cache_errors) - 1} more)" if len(cache_errors) > 1 else ""
        warnings.append(cache_errors[0] + more)
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
        from_cache=from_cache,
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


class StoryStream(NamedTuple):
    """A collection whose stories are analysed one at a time, as ``stories`` is iterated."""

    stories: Iterator[Story]
    multi: bool
    warnings: tuple[str, ...]


class Layout(NamedTuple):
    """How a seeds folder is laid out: its story folders (the seeds folder itself for one story)."""

    folders: list[Path]
    multi: bool
    warnings: tuple[str, ...]


def layout(seeds_dir: Path) -> Layout:
    """One story (articles directly inside), or one per subfolder holding articles."""
    folders = story_folders(seeds_dir)
    linked = tuple(
        f"{d.name}/: a symbolic link to a folder; only real subfolders are read as stories"
        for d in sorted(seeds_dir.iterdir())
        if d.is_symlink() and d.is_dir()
    )
    if folders:
        return Layout(folders, multi=True, warnings=linked)
    ignored = [d.name for d in sorted(seeds_dir.iterdir()) if d.is_dir() and not d.name.startswith(".")]
    warnings = tuple(
        f"{name}/: subfolder ignored, because articles sit directly in the seeds folder"
        for name in ignored
        if any(map(is_article_file, (seeds_dir / name).iterdir()))
    )
    return Layout([seeds_dir], multi=False, warnings=(*linked, *warnings))


def story_of(folder: Path, multi: bool, report: Report) -> Story:
    """A story of a collection (named by its folder), or the one story of a single-story folder."""
    return Story(folder.name, page_slug(folder.name), report) if multi else Story("", "", report)


def stream_collection(
    seeds_dir: Path,
    cache: ExtractionCache | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> StoryStream:
    """One story, or one per subfolder; claims are aligned and compared only within a story. Every
    story's files go through one extraction pass (one worker pool), and each story is aligned as soon
    as its files are extracted: a caller that renders each story and lets it go holds one at a time."""
    plan = layout(seeds_dir)
    if not plan.multi:
        return StoryStream(_single(seeds_dir, cache, workers, progress), multi=False, warnings=plan.warnings)
    return StoryStream(_stories(plan.folders, cache, _workers(workers), progress), multi=True, warnings=plan.warnings)


def _single(
    seeds_dir: Path, cache: ExtractionCache | None, workers: int | None, progress: Progress | None
) -> Iterator[Story]:
    yield story_of(seeds_dir, False, analyze(seeds_dir, cache, workers, progress))


def _stories(
    folders: Sequence[Path], cache: ExtractionCache | None, workers: int, progress: Progress | None
) -> Iterator[Story]:
    for folder, report in zip(folders, _reports(folders, cache, workers, progress), strict=True):
        yield story_of(folder, True, report)


def _reports(
    folders: Sequence[Path], cache: ExtractionCache | None, workers: int, progress: Progress | None
) -> Iterator[Report]:
    """Each folder's report, in order; the files of all of them go through one extraction pass."""
    listings = [list_seeds(folder) for folder in folders]
    files = [seed for listing in listings for seed in listing.files]
    dirs = [folder for folder, listing in zip(folders, listings, strict=True) for _ in listing.files]
    extractions = _extractions(files, dirs, cache, workers, progress)
    for folder, listing in zip(folders, listings, strict=True):
        before = len(cache.errors) if cache is not None else 0
        pairs = [next(extractions) for _ in listing.files]
        errors = cache.errors[before:] if cache is not None else []  # those of this story's files
        yield build_report(folder, listing, [r for r, _ in pairs], errors, from_cache=sum(c for _, c in pairs))


def analyze_collection(
    seeds_dir: Path,
    cache: ExtractionCache | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Collection:
    """Every story of ``stream_collection``, held together."""
    stream = stream_collection(seeds_dir, cache, workers, progress)
    return Collection(tuple(stream.stories), stream.multi, stream.warnings)


def summary_line(totals: CollectionTotals, seconds: float) -> str:
    """The one line a run ends with: articles (and how many from cache), claims, facts, conflicts,
    skipped inputs, time, and whether the analysis ran compiled (see native.py)."""
    t = totals.stories
    stories = f"{len(t)} stories, " if totals.multi else ""
    return (
        f"{stories}{sum(s.articles for s in t)} articles ({sum(s.from_cache for s in t)} from cache), "
        f"{sum(s.claims for s in t)} claims, {sum(s.facts for s in t)} facts, {sum(s.conflicts for s in t)} conflicts, "
        f"{sum(s.skipped for s in t)} skipped in {seconds:.2f} s; analysis {native.describe()}"
    )


def _event_line(articles: Sequence[Article]) -> str:
    """Without an ``event`` in sources.yaml, the shortest article title stands for the event."""
    titles = [a.title for a in articles]
    return min(titles, key=lambda t: (len(t), t)) if titles else "No articles could be read"
