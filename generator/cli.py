"""The command line adapter: ``python -m generator analyze|render`` on the same pipeline as the site."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm

from . import __version__
from .cache import ExtractionCache
from .errors import SeedError
from .escape import clean_text
from .pipeline import StoryStream, stream_collection, summary_line
from .records import Collection, CollectionTotals, GeneratedPage, Story, StoryTotals
from .render import render_index, render_story
from .report import collection_json, collection_totals, story_totals


def _warnings(warnings: Sequence[str]) -> None:
    # One line per problem, control characters removed: file names cannot forge output lines.
    for w in warnings:
        print(f"warning: {clean_text(w)}", file=sys.stderr)


def _problems(story: Story) -> None:
    where = f"{story.id}/" if story.id else ""
    for s in story.report.skipped:
        print(f"skipped {clean_text(f'{where}{s.path}: {s.reason}')}", file=sys.stderr)
    _warnings([f"{where}{w}" for w in story.report.warnings])


@contextmanager
def _stories(args: argparse.Namespace) -> Iterator[StoryStream]:
    """The folder's stories, analysed as they are taken (on a cluster: all at once), with a progress bar
    on long runs (hidden when stderr is not a terminal)."""
    if args.dask is not None:
        collection = _run_on_cluster(args)
        yield StoryStream(iter(collection.stories), collection.multi, collection.warnings)
        return
    cache = ExtractionCache(Path(args.cache)) if args.cache else None
    with tqdm(total=0, unit="article", desc="extracting", file=sys.stderr, disable=not sys.stderr.isatty(),
              leave=False) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        yield stream_collection(Path(args.seeds_dir), cache=cache, workers=args.workers, progress=progress)


class _NoDask(Exception):
    pass


def _run_on_cluster(args: argparse.Namespace) -> Collection:
    try:
        from .cluster import analyze_on_cluster, connect
    except ImportError as exc:  # the optional extra is not installed
        raise _NoDask(f"--dask needs the optional extra: pip install -e '.[dask]' ({exc})") from exc
    with connect(args.dask, args.workers) as client:
        return analyze_on_cluster(Path(args.seeds_dir), client)


def _analyze(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with _stories(args) as stream:
        collection = Collection(tuple(stream.stories), stream.multi, stream.warnings)  # one JSON of them all
    _warnings(collection.warnings)
    for story in collection.stories:
        _problems(story)
    data = collection_json(collection)
    if args.json == "-":
        sys.stdout.write(data)
    else:
        Path(args.json).write_text(data, encoding="utf-8")
    print(summary_line(collection_totals(collection), time.perf_counter() - started), file=sys.stderr)
    return 0


def _write(out: Path, pages: Iterable[GeneratedPage]) -> None:
    for page in pages:
        target = (out / page.path).resolve()
        if out not in target.parents:  # page paths are slugs; this guards against a renderer bug
            raise SeedError(page.path, "generated path escapes the output folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")


def _render(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    out = Path(args.out).resolve()
    totals: list[StoryTotals] = []
    with _stories(args) as stream:
        _warnings(stream.warnings)
        # Each story is written as soon as it is analysed, then let go (as the MkDocs plugin does): memory
        # holds one story's report at a time, however many stories the archive has.
        for story in stream.stories:
            _problems(story)
            _write(out, render_story(story, stream.multi, stream.warnings))
            totals.append(story_totals(story))
    collection = CollectionTotals(tuple(totals), stream.multi, stream.warnings)
    _write(out, render_index(collection))
    print(f"{summary_line(collection, time.perf_counter() - started)}; pages written to {out}", file=sys.stderr)
    return 0


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("seeds_dir", metavar="SEEDS_DIR",
                        help="folder of articles about one event, or one subfolder of articles per story")
    parser.add_argument("--workers", type=_positive, default=None, metavar="N",
                        help="processes for extraction on large folders (default: one per CPU core)")
    run = parser.add_mutually_exclusive_group()
    run.add_argument("--cache", metavar="DIR", default=None,
                     help="cache each article's extraction in DIR (reused while the file and the generator "
                          "are unchanged)")
    run.add_argument("--dask", metavar="ADDRESS", default=None,
                     help="extract and analyse on the Dask cluster whose scheduler is at ADDRESS, or on one of "
                          "--workers processes started here with 'local' (optional extra: .[dask]; the seeds "
                          "folder must be at the same path on every worker; no cache)")


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def _non_negative(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, not {n}")
    return n


def _bench(args: argparse.Namespace) -> int:
    from .bench import BenchError, BenchOptions, format_table, result_json, run_bench

    options = BenchOptions(
        articles=args.articles,
        align_articles=args.align_articles,
        repeat=args.repeat,
        material=tuple(Path(d) for d in args.material or ()),
        profile=args.profile,
    )
    try:
        result = run_bench(options, progress=lambda msg: print(f"bench: {msg}", file=sys.stderr, flush=True))
    except BenchError as exc:
        print(f"error: {clean_text(str(exc))}", file=sys.stderr)
        return 2
    sys.stdout.write(format_table(result))
    if args.json:
        Path(args.json).write_text(result_json(result), encoding="utf-8")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Compare how news outlets report one event: extract each article's claims, line them up "
                    "across sources and report agreements and contradictions.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("analyze", help="write the report data (report.json, schema 1) for a folder of articles",
                       description="Read SEEDS_DIR (articles as .txt/.md/.html plus an optional sources.yaml) and "
                                   "write the claims, agreements and contradictions as JSON. With one subfolder "
                                   "per story, each story is analysed on its own and the file lists them all.")
    _add_run_options(p)
    p.add_argument("--json", required=True, metavar="FILE", help="where to write report.json ('-' for stdout)")
    p.set_defaults(func=_analyze)
    r = sub.add_parser("render", help="write the report's markdown pages to a folder (for other site engines)",
                       description="Render the same pages the MkDocs plugin generates into DIR.")
    _add_run_options(r)
    r.add_argument("--out", required=True, metavar="DIR", help="output folder for the markdown pages")
    r.set_defaults(func=_render)
    b = sub.add_parser("bench", help="measure the speed of every stage on a synthetic corpus (one core)",
                       description="Build a deterministic corpus of synthetic ~600-word articles from the "
                                   "real sample articles and time extraction, cleaning, ingest, alignment "
                                   "and comparison in this process, on one core.")
    b.add_argument("--articles", type=_positive, default=400, metavar="N",
                   help="synthetic articles in the extraction corpus (default 400)")
    b.add_argument("--align-articles", type=_non_negative, default=1000, metavar="M",
                   help="articles (sources) in the synthetic story for alignment; 0 skips it (default 1000)")
    b.add_argument("--repeat", type=_positive, default=3, metavar="R",
                   help="timed runs per extraction/cleaning/ingest measure; the best is reported (default 3)")
    b.add_argument("--material", action="append", default=None, metavar="DIR",
                   help="folder of real articles to sample sentences from (repeatable; default: seeds/ "
                        "and tests/fixtures/stories/*)")
    b.add_argument("--json", metavar="FILE", help="also write the figures and machine info as JSON")
    b.add_argument("--profile", action="store_true",
                   help="add a cProfile of one extraction pass (top 15 functions by cumulative and own time)")
    b.set_defaults(func=_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except SeedError as exc:
        print(f"error: {clean_text(str(exc))}", file=sys.stderr)
        return 2
    except _NoDask as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return code
