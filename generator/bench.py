"""Benchmark: options → timings of every pipeline stage on a synthetic corpus (a rerunnable tool, not a test).

``run_bench(BenchOptions)`` → ``BenchResult``; ``format_table`` turns it into the text the CLI prints and
``result_json`` into the ``--json`` file. It measures, on one core and in this process:

1. extraction — ``split_sentences(article.text)`` + ``extract_claims(article, sentences)`` over N
   synthetic ~600-word articles, best of R runs after a warm-up; plus ``furniture.clean_article`` on
   the same articles' raw pages, and ``ingest.read_seeds`` on the real material folders;
2. alignment — one synthetic story of M articles (M sources): extraction, ``vectorise``,
   ``candidate_pairs`` against the all-pairs count, ``align_claims``, ``compare_claims``, ``role_facts``
   and ``agreeing_facts``, called as the pipeline calls them (editor overrides aside); peak memory and
   facts/contradictions found.

The corpus is built deterministically (``random.Random(0)``) from real article text: the cleaned
articles of the material folders (``seeds/`` and ``tests/fixtures/stories/*`` by default) are cut
into paragraphs and sentences, and each synthetic article strings together short runs of sentences
from random paragraphs, with figures multiplied by a random factor (formatting kept) and, in some
articles, dates and weekdays moved. The same options always give the same texts. The story of M
articles starts with the N articles of the extraction corpus (same generator, same seed).

The material holds a few hundred sentences, so a synthetic corpus repeats sentences far more often
than real news does, and the analysis modules memoise some per-sentence work with ``lru_cache``. The
headline extraction figure is therefore *cold*: every ``lru_cache`` of the ``generator`` modules, and
every per-word memo a module lists in ``_MEMOS``, is cleared before each article (outside the timed
region), as if every article brought new sentences and new words.
The *warm* figure (caches cleared once per run) shows what the caches buy on this repetitive corpus.

Times are wall-clock (``time.perf_counter``). Each is paired with the process CPU time
(``time.process_time``) and the machine's load average is recorded: on a busy machine the wall time
includes other processes' share of the core, and the CPU-time figure is the one to compare.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import native
from .align import align_claims, candidate_pairs, role_facts, vectorise
from .claims import extract_claims
from .compare import agreeing_facts, compare_claims
from .furniture import clean_article
from .ingest import read_seeds
from .records import Article, Claim
from .sentences import split_sentences

# The extraction speed the project aims for (articles of ~600 words per second on one core).
TARGET_ARTICLES_PER_S = 200.0
TARGET_WORDS = 600
SEED = 0
# Share of figures that an outlet reports differently, and the factors it may be off by.
FIGURE_CHANGE_RATE = 0.5
FIGURE_FACTORS = (0.5, 0.75, 0.8, 0.9, 1.1, 1.2, 1.25, 1.5, 2.0, 3.0)
# Share of articles whose dates and weekdays are moved, and of the date mentions moved in them.
DATE_ARTICLE_RATE = 0.3
DATE_CHANGE_RATE = 0.5
# Longest run of consecutive sentences taken from one source paragraph.
MAX_RUN = 3

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A number written with digits, not part of a time ("4:17"), a code ("COVID-19", "A1") or a longer
# number; unit suffixes glued to it ("2.41bn", "12km") are allowed, ordinals ("5th") are not.
_NUMBER = re.compile(
    r"(?<![\w.,:/\-])(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<dec>\.[0-9]+)?"
    r"(?=(?:bn|mn|m|k|km|kg|cm|mm|ft|mi)\b|[^\w:/.,]|[.,](?![0-9])|$)"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$")
_MONTH_AFTER = re.compile(rf"^\s+(?:of\s+)?(?:{_MONTHS})\b")
_WEEKDAY = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b")
_BLANK_LINES = re.compile(r"\n\s*\n")


class BenchError(Exception):
    """Options or material the benchmark cannot run with; the message says which."""


def default_material_dirs() -> list[Path]:
    """The repository's real articles: ``seeds/`` and every fixture story, when they are present."""
    root = Path(__file__).resolve().parent.parent
    dirs = [root / "seeds"]
    stories = root / "tests" / "fixtures" / "stories"
    if stories.is_dir():
        dirs += sorted(p for p in stories.iterdir() if p.is_dir())
    return [d for d in dirs if d.is_dir()]


# ---------------------------------------------------------------------------------------------
# Synthetic corpus


@dataclass(frozen=True, slots=True)
class Material:
    """Real article text cut up for sampling: paragraphs as lists of sentence texts."""

    paragraphs: tuple[tuple[str, ...], ...]
    titles: tuple[str, ...]
    dates: tuple[dt.date, ...]
    articles: int


@dataclass(frozen=True, slots=True)
class SynthArticle:
    """One synthetic article: its cleaned form for extraction and a raw page for the cleaner."""

    article: Article
    raw: str
    words: int


def load_material(dirs: Sequence[Path]) -> Material:
    """Read the folders with ``read_seeds`` and cut each cleaned article into paragraphs of sentences."""
    paragraphs: list[tuple[str, ...]] = []
    titles: list[str] = []
    dates: set[dt.date] = set()
    count = 0
    for d in dirs:
        for article in read_seeds(d).articles:
            count += 1
            titles.append(article.title)
            if article.published is not None:
                dates.add(article.published)
            for para in _BLANK_LINES.split(article.text):
                sentences = tuple(s.text for s in split_sentences(para) if s.text.strip())
                if sentences:
                    paragraphs.append(sentences)
    return Material(tuple(paragraphs), tuple(titles), tuple(sorted(dates)), count)


def _format_like(original_int: str, original_dec: str | None, value: float) -> str:
    """``value`` written the way the original figure was: same decimals, thousands commas if it had them."""
    commas = "," in original_int or (len(original_int) <= 3 and value >= 10_000)
    if original_dec:
        places = len(original_dec) - 1
        return f"{value:,.{places}f}" if commas else f"{value:.{places}f}"
    n = max(1, round(value))
    return f"{n:,}" if commas else str(n)


def perturb(text: str, rng: random.Random, *, dates: bool) -> str:
    """``text`` with some figures multiplied by a random factor and, when ``dates``, days and years moved."""
    out: list[str] = []
    pos = 0
    for m in _NUMBER.finditer(text):
        whole, int_part, dec = m.group(), m.group("int"), m.group("dec")
        replacement = whole
        if (len(int_part) > 1 and int_part[0] == "0") or len(int_part) > 15:
            pass  # "0117 GMT", "007": a code, not a figure; a digit string this long is an id
        elif dec is None and "," not in int_part and len(int_part) == 4 and 1900 <= int(int_part) <= 2100:
            if dates and rng.random() < DATE_CHANGE_RATE:
                replacement = str(int(int_part) + rng.choice((-1, 1)))
        elif dec is None and "," not in int_part and int(int_part) <= 31 and (
            _MONTH_BEFORE.search(text, 0, m.start()) or _MONTH_AFTER.match(text[m.end() : m.end() + 16])
        ):
            if dates and rng.random() < DATE_CHANGE_RATE:
                replacement = str(rng.randint(1, 28))
        elif rng.random() < FIGURE_CHANGE_RATE:
            value = float(int_part.replace(",", "") + (dec or ""))
            replacement = _format_like(int_part, dec, value * rng.choice(FIGURE_FACTORS))
        out.append(text[pos : m.start()])
        out.append(replacement)
        pos = m.end()
    out.append(text[pos:])
    result = "".join(out)
    if dates:
        result = _WEEKDAY.sub(
            lambda w: rng.choice(_WEEKDAYS) if rng.random() < DATE_CHANGE_RATE else w.group(), result
        )
    return result


def _word_count(text: str) -> int:
    return len(text.split())


def sample_paragraphs(
    material: Material, rng: random.Random, target_words: int, write: Callable[[list[str]], str]
) -> list[str]:
    """Paragraphs of at least ``target_words`` words in all: each a run of up to MAX_RUN consecutive sentences
    of a random material paragraph, turned into text by ``write`` (which may draw on ``rng`` too)."""
    paragraphs: list[str] = []
    words = 0
    while words < target_words:
        para = rng.choice(material.paragraphs)
        run = rng.randint(1, min(MAX_RUN, len(para)))
        first = rng.randint(0, len(para) - run)
        text = write(list(para[first : first + run]))
        paragraphs.append(text)
        words += _word_count(text)
    return paragraphs


def synth_article(material: Material, rng: random.Random, index: int) -> SynthArticle:
    """One ~600-word article, source ``bench-<index>``: perturbed runs of sentences from random paragraphs."""
    move_dates = rng.random() < DATE_ARTICLE_RATE
    paragraphs = sample_paragraphs(
        material, rng, TARGET_WORDS, lambda sentences: perturb(" ".join(sentences), rng, dates=move_dates)
    )
    title = perturb(rng.choice(material.titles), rng, dates=move_dates)
    published = rng.choice(material.dates) if material.dates else None
    outlet = f"Bench Outlet {index:04d}"
    author = f"Reporter {rng.randint(1, 99)}"
    body = "\n\n".join(paragraphs)
    # A raw page as scraped: masthead, menu, headline, byline, date, share row, body, trailing links.
    raw = "\n\n".join(
        [
            outlet,
            "Home   World   Business   Markets   Sport   Opinion",
            title,
            f"By {author}",
            f"{published:%B} {published.day}, {published.year}" if published else "Updated 2 hours ago",
            "Share on X   Share on Facebook   Email   Copy link",
            body,
            "Source link",
            "Related: More stories from our newsroom",
        ]
    )
    source = f"bench-{index:04d}"
    article = Article(
        id=source,
        path=f"{source}.txt",
        format="txt",
        title=title,
        outlet=outlet,
        author=author,
        url=None,
        published=published,
        dateline=None,
        text=body,
    )
    return SynthArticle(article, raw, _word_count(body))


def synth_corpus(material: Material, n: int, seed: int = SEED) -> list[SynthArticle]:
    """``n`` synthetic articles; the same material, ``n`` and ``seed`` always give the same texts."""
    if not material.paragraphs:
        return []
    rng = random.Random(seed)
    return [synth_article(material, rng, i + 1) for i in range(n)]


# ---------------------------------------------------------------------------------------------
# Measurement


def memo_clears() -> list[Callable[[], None]]:
    """``cache_clear`` of every ``functools.lru_cache`` at module level in the loaded generator modules, and
    ``clear`` of every memo a module lists in its ``_MEMOS`` (dicts of pure per-word functions)."""
    clears: list[Callable[[], None]] = []
    for name, module in sorted(sys.modules.items()):
        if module is None or not (name == "generator" or name.startswith("generator.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and callable(getattr(value, "cache_info", None)):
                clears.append(clear)
        clears.extend(memo.clear for memo in getattr(module, "_MEMOS", ()))
    return clears


def _clear_caches(clears: Iterable[Callable[[], None]]) -> None:
    for clear in clears:
        clear()


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass(frozen=True, slots=True)
class _Pass:
    split: float
    extract: float
    cpu: float  # process CPU time of split + extract: unlike wall time, not inflated by other processes
    sentences: int
    claims: tuple[Claim, ...]


def _extract_pass(articles: Sequence[Article], clears: Sequence[Callable[[], None]], cold: bool) -> _Pass:
    """One timed pass of sentence splitting + claim extraction; cache clearing is not timed."""
    _clear_caches(clears)
    split_s = extract_s = cpu_s = 0.0
    n_sentences = 0
    claims: list[Claim] = []
    clock, cpu_clock = time.perf_counter, time.process_time
    for article in articles:
        if cold:
            _clear_caches(clears)
        c0 = cpu_clock()
        t0 = clock()
        sentences = split_sentences(article.text)
        t1 = clock()
        found = extract_claims(article, sentences)
        t2 = clock()
        cpu_s += cpu_clock() - c0
        split_s += t1 - t0
        extract_s += t2 - t1
        n_sentences += len(sentences)
        claims.extend(found)
    return _Pass(split_s, extract_s, cpu_s, n_sentences, tuple(claims))


@dataclass(frozen=True, slots=True)
class ExtractionResult:
    articles: int
    words: int
    sentences: int
    claims: int
    unique_sentence_share: float  # distinct sentence texts / sentences: how repetitive the corpus is
    runs_seconds: list[float]  # cold runs (split + extract), in order
    seconds: float  # best cold run
    split_seconds: float  # of the best cold run
    extract_seconds: float  # of the best cold run
    articles_per_s: float
    words_per_s: float
    claims_per_article: float
    ms_per_sentence: float
    cpu_seconds: float  # least process CPU time of the cold runs
    cpu_articles_per_s: float  # articles per CPU second: the figure to trust on a busy machine
    warm_seconds: float  # best run with caches cleared once per run
    warm_articles_per_s: float
    target_articles_per_s: float
    meets_target: bool


@dataclass(frozen=True, slots=True)
class CleaningResult:
    articles: int
    runs_seconds: list[float]
    seconds: float
    articles_per_s: float
    ms_per_article: float


@dataclass(frozen=True, slots=True)
class IngestResult:
    folder: str
    files: int
    articles: int
    skipped: int
    seconds: float  # best of the runs, after one warm-up read
    ms_per_file: float


@dataclass(frozen=True, slots=True)
class AlignmentResult:
    articles: int
    words: int
    claims: int
    extract_seconds: float  # one cold pass of split + extract over the story
    vectorise_seconds: float
    candidate_pairs_seconds: float  # also spent again inside align_claims
    align_seconds: float
    compare_seconds: float
    agreeing_facts_seconds: float  # role_facts + agreeing_facts
    total_seconds: float  # vectorise + align + compare + agreeing_facts, as the pipeline runs them
    cpu_seconds: dict[str, float]  # process CPU time of each stage above (extract … agreeing_facts)
    candidate_pairs: int
    all_pairs: int  # pairs of claims from different sources: what comparing everything would cost
    all_pairs_any_source: int
    candidate_share: float
    facts: int  # aligned facts (align_claims)
    agreements: int  # aligned and office facts, less the claims in conflict (agreeing_facts)
    contradictions: int
    conflicts: int
    contradictions_by_kind: dict[str, int]
    peak_rss_mib: float


@dataclass(frozen=True, slots=True)
class Machine:
    platform: str
    python: str
    implementation: str
    cpu_model: str | None
    cpu_count: int | None
    date: str
    load_average: list[float] | None  # 1/5/15-minute load when the bench ended: above 1, timings are shared
    analysis: str  # whether the analysis modules ran compiled (generator/native.py)


@dataclass(frozen=True, slots=True)
class BenchOptions:
    articles: int = 400
    align_articles: int = 1000
    repeat: int = 3
    material: tuple[Path, ...] = ()  # empty: default_material_dirs()
    profile: bool = False


@dataclass(frozen=True, slots=True)
class BenchResult:
    machine: Machine
    options: dict[str, object]
    material: dict[str, object]
    extraction: ExtractionResult
    cleaning: CleaningResult
    ingest: list[IngestResult]
    alignment: AlignmentResult | None
    peak_rss_mib: float
    extraction_peak_rss_mib: float
    profile: str | None = field(default=None)


def _cpu_model() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key.strip() in ("model name", "Model", "Hardware", "cpu model"):
                    return value.strip() or None
    except OSError:
        pass
    return platform.processor() or None


def machine_info() -> Machine:
    return Machine(
        platform=platform.platform(),
        python=sys.version.split()[0],
        implementation=platform.python_implementation(),
        cpu_model=_cpu_model(),
        cpu_count=os.cpu_count(),
        date=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        load_average=_load_average(),
        analysis=native.describe(),
    )


def _load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # not available on this platform
        return None


def _rate(count: float, seconds: float) -> float:
    return count / seconds if seconds > 0 else 0.0


def bench_extraction(corpus: Sequence[SynthArticle], repeat: int) -> ExtractionResult:
    articles = [s.article for s in corpus]
    clears = memo_clears()
    _extract_pass(articles, clears, cold=True)  # warm-up: lazy model loads, imports, allocator
    clears = memo_clears()  # modules imported lazily during the warm-up count too
    cold = []
    for _ in range(repeat):
        gc.collect()
        cold.append(_extract_pass(articles, clears, cold=True))
    warm = []
    for _ in range(repeat):
        gc.collect()
        warm.append(_extract_pass(articles, clears, cold=False))
    best = min(cold, key=lambda p: p.split + p.extract)
    seconds = best.split + best.extract
    warm_seconds = min(p.split + p.extract for p in warm)
    cpu_seconds = min(p.cpu for p in cold)
    words = sum(s.words for s in corpus)
    texts = [s.text for a in articles for s in split_sentences(a.text)]
    n = len(articles)
    return ExtractionResult(
        articles=n,
        words=words,
        sentences=best.sentences,
        claims=len(best.claims),
        unique_sentence_share=round(len(set(texts)) / len(texts), 4) if texts else 0.0,
        runs_seconds=[round(p.split + p.extract, 4) for p in cold],
        seconds=round(seconds, 4),
        split_seconds=round(best.split, 4),
        extract_seconds=round(best.extract, 4),
        articles_per_s=round(_rate(n, seconds), 1),
        words_per_s=round(_rate(words, seconds), 0),
        claims_per_article=round(len(best.claims) / n, 2) if n else 0.0,
        ms_per_sentence=round(1000 * seconds / best.sentences, 4) if best.sentences else 0.0,
        cpu_seconds=round(cpu_seconds, 4),
        cpu_articles_per_s=round(_rate(n, cpu_seconds), 1),
        warm_seconds=round(warm_seconds, 4),
        warm_articles_per_s=round(_rate(n, warm_seconds), 1),
        target_articles_per_s=TARGET_ARTICLES_PER_S,
        meets_target=_rate(n, seconds) >= TARGET_ARTICLES_PER_S,
    )


def profile_extraction(corpus: Sequence[SynthArticle], top: int = 15) -> str:
    """cProfile of one cold extraction pass: the ``top`` functions by cumulative time."""
    articles = [s.article for s in corpus]
    clears = memo_clears()
    profiler = cProfile.Profile()
    profiler.enable()
    _extract_pass(articles, clears, cold=True)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    out.write("\n")
    stats.sort_stats("tottime").print_stats(top)
    return out.getvalue()


def bench_cleaning(corpus: Sequence[SynthArticle], repeat: int) -> CleaningResult:
    raws = [s.raw for s in corpus]
    for raw in raws[:20]:
        clean_article(raw)
    runs: list[float] = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        for raw in raws:
            clean_article(raw)
        runs.append(time.perf_counter() - t0)
    best = min(runs)
    return CleaningResult(
        articles=len(raws),
        runs_seconds=[round(r, 4) for r in runs],
        seconds=round(best, 4),
        articles_per_s=round(_rate(len(raws), best), 1),
        ms_per_article=round(1000 * best / len(raws), 3) if raws else 0.0,
    )


def _display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def bench_ingest(dirs: Sequence[Path], repeat: int) -> list[IngestResult]:
    results: list[IngestResult] = []
    for d in dirs:
        seeds = read_seeds(d)  # warm-up: trafilatura and markdown-it load on first use
        runs: list[float] = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            read_seeds(d)
            runs.append(time.perf_counter() - t0)
        files = len(seeds.articles) + sum(1 for s in seeds.skipped if "sources.yaml" not in s.path)
        best = min(runs)
        results.append(
            IngestResult(
                folder=_display_path(d),
                files=files,
                articles=len(seeds.articles),
                skipped=len(seeds.skipped),
                seconds=round(best, 4),
                ms_per_file=round(1000 * best / files, 2) if files else 0.0,
            )
        )
    return results


def bench_alignment(story: Sequence[SynthArticle], progress: Callable[[str], None]) -> AlignmentResult:
    articles = [s.article for s in story]
    clears = memo_clears()
    progress(f"alignment: extracting claims from {len(articles)} articles")
    gc.collect()
    extracted = _extract_pass(articles, clears, cold=True)
    claims = list(extracted.claims)
    cpu: dict[str, float] = {"extract": extracted.cpu}
    clock, cpu_clock = time.perf_counter, time.process_time

    progress(f"alignment: vectorising {len(claims)} claims")
    c0, t0 = cpu_clock(), clock()
    vectors = vectorise(claims)
    vectorise_s, cpu["vectorise"] = clock() - t0, cpu_clock() - c0

    c0, t0 = cpu_clock(), clock()
    pairs = candidate_pairs(claims, vectors)
    pairs_s, cpu["candidate_pairs"] = clock() - t0, cpu_clock() - c0
    n_pairs = len(pairs)
    del pairs

    progress(f"alignment: align_claims ({n_pairs:,} candidate pairs)")
    c0, t0 = cpu_clock(), clock()
    facts = align_claims(claims, vectors)
    align_s, cpu["align"] = clock() - t0, cpu_clock() - c0

    progress(f"alignment: compare_claims ({len(facts)} facts)")
    c0, t0 = cpu_clock(), clock()
    contradictions = compare_claims(claims, facts, vectors, {a.id: a.published for a in articles})
    compare_s, cpu["compare"] = clock() - t0, cpu_clock() - c0

    c0, t0 = cpu_clock(), clock()
    agreements = agreeing_facts((*facts, *role_facts(claims)), claims, contradictions)
    agree_s, cpu["agreeing_facts"] = clock() - t0, cpu_clock() - c0

    per_source = Counter(c.source for c in claims)
    total = len(claims)
    cross = (total * total - sum(k * k for k in per_source.values())) // 2
    return AlignmentResult(
        articles=len(articles),
        words=sum(s.words for s in story),
        claims=total,
        extract_seconds=round(extracted.split + extracted.extract, 4),
        vectorise_seconds=round(vectorise_s, 4),
        candidate_pairs_seconds=round(pairs_s, 4),
        align_seconds=round(align_s, 4),
        compare_seconds=round(compare_s, 4),
        agreeing_facts_seconds=round(agree_s, 4),
        total_seconds=round(vectorise_s + align_s + compare_s + agree_s, 4),
        cpu_seconds={k: round(v, 4) for k, v in cpu.items()},
        candidate_pairs=n_pairs,
        all_pairs=cross,
        all_pairs_any_source=total * (total - 1) // 2,
        candidate_share=round(n_pairs / cross, 6) if cross else 0.0,
        facts=len(facts),
        agreements=len(agreements),
        contradictions=len(contradictions),
        conflicts=sum(1 for c in contradictions if c.severity == "conflict"),
        contradictions_by_kind=dict(sorted(Counter(c.kind for c in contradictions).items())),
        peak_rss_mib=round(peak_rss_mib(), 1),
    )


def _quiet(_: str) -> None:
    pass


def run_bench(options: BenchOptions, progress: Callable[[str], None] = _quiet) -> BenchResult:
    """Build the corpora and measure every stage (see the module docstring)."""
    if options.articles < 1 or options.align_articles < 0 or options.repeat < 1:
        raise BenchError("articles and repeat must be at least 1, align_articles at least 0")
    dirs = list(options.material) or default_material_dirs()
    progress(f"reading material from {len(dirs)} folders")
    material = load_material(dirs)
    if not material.paragraphs:
        raise BenchError("no article text found in the material folders: " + ", ".join(map(str, dirs)))
    corpus = synth_corpus(material, options.articles)

    runs = options.repeat
    progress(f"extraction: {len(corpus)} articles, warm-up + {runs} cold + {runs} warm runs")
    extraction = bench_extraction(corpus, options.repeat)
    extraction_peak = round(peak_rss_mib(), 1)
    progress("cleaning")
    cleaning = bench_cleaning(corpus, options.repeat)
    progress("ingest of the material folders")
    ingest = bench_ingest(dirs, options.repeat)
    profile = None
    if options.profile:
        progress("profiling one cold extraction pass")
        profile = profile_extraction(corpus)

    alignment = None
    if options.align_articles:
        if options.align_articles <= len(corpus):
            story = corpus[: options.align_articles]
        else:
            story = synth_corpus(material, options.align_articles)
        del corpus
        alignment = bench_alignment(story, progress)

    return BenchResult(
        machine=machine_info(),
        options={
            "articles": options.articles,
            "align_articles": options.align_articles,
            "repeat": options.repeat,
            "seed": SEED,
        },
        material={
            "folders": [_display_path(d) for d in dirs],
            "articles": material.articles,
            "paragraphs": len(material.paragraphs),
            "sentences": sum(len(p) for p in material.paragraphs),
        },
        extraction=extraction,
        cleaning=cleaning,
        ingest=ingest,
        alignment=alignment,
        peak_rss_mib=round(peak_rss_mib(), 1),
        extraction_peak_rss_mib=extraction_peak,
        profile=profile,
    )


def result_json(result: BenchResult) -> str:
    return json.dumps(asdict(result), indent=2, ensure_ascii=False) + "\n"


def _rows(rows: Sequence[tuple[str, str]]) -> list[str]:
    width = max(len(k) for k, _ in rows)
    return [f"  {k.ljust(width)}  {v}" for k, v in rows]


def _stage(wall: float, cpu: float) -> str:
    return f"{wall:9.3f} s  (CPU {cpu:.3f} s)"


def format_table(result: BenchResult) -> str:
    """The figures as aligned text for a terminal."""
    m, e, c = result.machine, result.extraction, result.cleaning
    lines = [
        f"machine     {m.cpu_model or 'unknown CPU'} ({m.cpu_count} cores; one used), {m.platform}",
        f"python      {m.implementation} {m.python}"
        + (f"; load average {' '.join(f'{x:.2f}' for x in m.load_average)}" if m.load_average else ""),
        f"material    {result.material['articles']} real articles, {result.material['sentences']} sentences "
        f"in {result.material['paragraphs']} paragraphs",
        "",
        f"Extraction (split_sentences + extract_claims), {e.articles} synthetic articles, {e.words:,} words, "
        f"best of {len(e.runs_seconds)}",
    ]
    lines += _rows(
        [
            ("articles/s (cold caches)", f"{e.articles_per_s:,.1f}   target {e.target_articles_per_s:.0f}: "
                                         f"{'met' if e.meets_target else 'NOT met'}"),
            ("words/s", f"{e.words_per_s:,.0f}"),
            ("seconds", f"{e.seconds:.3f}  (split {e.split_seconds:.3f}, extract {e.extract_seconds:.3f}); "
                        f"runs {', '.join(f'{r:.3f}' for r in e.runs_seconds)}"),
            ("ms/sentence", f"{e.ms_per_sentence:.3f}  ({e.sentences:,} sentences)"),
            ("claims/article", f"{e.claims_per_article:.2f}  ({e.claims:,} claims)"),
            ("articles/CPU-second", f"{e.cpu_articles_per_s:,.1f}  (CPU {e.cpu_seconds:.3f} s; wall time "
                                    "above counts other processes' share of the core)"),
            ("articles/s (warm caches)", f"{e.warm_articles_per_s:,.1f}  "
                                         f"(distinct sentences {e.unique_sentence_share:.0%} of all)"),
        ]
    )
    lines += ["", f"Cleaning (furniture.clean_article on the raw pages), {c.articles} articles"]
    lines += _rows(
        [
            ("articles/s", f"{c.articles_per_s:,.1f}"),
            ("ms/article", f"{c.ms_per_article:.3f}"),
        ]
    )
    lines += ["", "Ingest (read_seeds on the real folders)"]
    lines += _rows(
        [
            (i.folder, f"{i.seconds * 1000:8.1f} ms  {i.files} files, {i.ms_per_file:.1f} ms/file")
            for i in result.ingest
        ]
    )
    a = result.alignment
    if a is not None:
        cpu = a.cpu_seconds
        lines += ["", f"Alignment and comparison, one story of {a.articles} articles ({a.claims:,} claims)"]
        lines += _rows(
            [
                ("extract claims", _stage(a.extract_seconds, cpu["extract"])),
                ("vectorise", _stage(a.vectorise_seconds, cpu["vectorise"])),
                ("candidate_pairs", _stage(a.candidate_pairs_seconds, cpu["candidate_pairs"])
                                    + "  (repeated inside align_claims)"),
                ("align_claims", _stage(a.align_seconds, cpu["align"])),
                ("compare_claims", _stage(a.compare_seconds, cpu["compare"])),
                ("role_facts+agreeing_facts", _stage(a.agreeing_facts_seconds, cpu["agreeing_facts"])),
                ("vectorise … agreeing_facts", f"{a.total_seconds:9.3f} s"),
                ("candidate pairs", f"{a.candidate_pairs:,} of {a.all_pairs:,} cross-source pairs "
                                    f"({a.candidate_share:.4%})"),
                ("facts", f"{a.facts:,} aligned, {a.agreements:,} agreements"),
                ("contradictions", f"{a.contradictions:,} ({a.conflicts:,} conflicts) "
                                   + ", ".join(f"{k} {v}" for k, v in a.contradictions_by_kind.items())),
            ]
        )
    lines += [
        "",
        f"peak memory {result.peak_rss_mib:,.1f} MiB "
        f"(after extraction: {result.extraction_peak_rss_mib:,.1f} MiB)",
    ]
    if result.profile:
        lines += ["", "Profile of one cold extraction pass", result.profile.rstrip()]
    return "\n".join(lines) + "\n"
