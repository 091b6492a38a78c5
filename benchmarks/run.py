"""Benchmark runner: corpus sizes → a markdown table and a JSON file of build costs (run by hand).

    .venv/bin/python benchmarks/run.py --sizes 10 100 1000 10000 --json benchmarks/results.json

For each size N it writes the corpus of ``benchmarks/corpus.py`` (N articles, S = max(1, N // 20)
stories) into a temporary folder and runs, each step in its own subprocess:

1. ``stages``: extraction of every article (``pipeline.extract_all``: read, clean, split, find claims)
   through one process pool of ``--workers`` processes, then alignment and comparison of each story
   (``pipeline.build_report``), in one process. Extraction is reported per core (articles per CPU
   second, summed over the pool) and overall (articles per wall second), with the CPU utilisation
   (CPU seconds / wall seconds: 2.0 means both cores busy all the time). Then the claims stage alone
   (split + claims) on up to 1,000 of the articles in one process, with the generator's memos cleared
   before each article (cold, as on new coverage) and kept (warm): the corpus repeats sentences.
2. ``build``: ``mkdocs build`` with the claims plugin and a cold extraction cache, on a mkdocs.yml
   that is the project's with ``seeds_dir`` pointing at the corpus.
3. ``rebuild``: one article edited, the same build again (warm cache); the plugin's summary line
   must say N-1 articles came from the cache.
4. ``render``: ``python -m generator render <corpus> --out <docs>`` (warm cache), the pre-rendered pages.
5. ``floor``: ``mkdocs build`` of those pages with the plugin removed but the same theme,
   extensions, navigation, CSS and JavaScript: the static floor, what MkDocs alone costs.

Every step records wall time, CPU time (user + system of the process and all its descendants, from
``wait4``), the largest resident set of any one process in it (``ru_maxrss``), the peak of the whole
process tree's proportional set size (PSS, summed over the tree, sampled every 0.2 s: workers share
pages with their parent, so summing RSS would count those twice) and the load average before it. The
machine is shared: where other processes take CPU, wall times stretch and CPU times do not, so
the ratios are given for both.

Targets checked: extraction ≥ 200 articles/s per core (the claims stage, cold; the whole per-article step
through the pool is reported against it too); the pool keeps the cores busy; the 1,000-article
build within 1.5× the floor; 10× articles ≤ 11× time between consecutive sizes; peak memory under
1 GiB at 10,000 articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable, after PYTHONPATH (see snapshot)
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import CorpusInfo, edit_article, story_count, write_corpus
from generator.bench import machine_info, memo_clears
from generator.claims import extract_claims
from generator.ingest import list_seeds
from generator.pipeline import PARALLEL_MIN, build_report, extract_all, story_folders
from generator.plugin import CSS, JAVASCRIPT
from generator.records import Article, Collection
from generator.render import navigation
from generator.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
TARGET_PER_CORE = 200.0
TARGET_FLOOR_RATIO = 1.5
TARGET_GROWTH = 11.0
TARGET_MEMORY_MIB = 1024.0
MEMORY_TARGET_SIZE = 10_000
CLAIMS_SAMPLE = 1_000  # articles the claims stage is timed on alone, evenly spread over the corpus
FLOOR_TARGET_SIZE = 1_000
SAMPLE_SECONDS = 0.2
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
    "SOURCE_DATE_EPOCH": "1767225600",
    "PYTHONUNBUFFERED": "1",
}
SNAPSHOT_ENV = "CLAIMS_BENCH_SNAPSHOT"
_SUMMARY = re.compile(r"claims: (.*? articles \((\d+) from cache\).*)$", re.M)
MIB = 1024 * 1024


# ---------------------------------------------------------------------------------------------
# A frozen copy of the code


def snapshot_generator(dest: Path) -> dict[str, str]:
    """Copy ``generator/`` into ``dest`` and make every step's subprocess import that copy.

    The extraction cache is keyed by a hash of the generator's source, and the working tree may change
    while a long run goes on (someone editing the analysis): without a copy, a build and its warm
    rebuild could run different code and the rebuild would find nothing in the cache. PYTHONPATH comes
    before the editable install's finder, so the copy wins. Returns what identifies the code.
    """
    shutil.copytree(ROOT / "generator", dest / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    ENV["PYTHONPATH"] = str(dest)
    ENV[SNAPSHOT_ENV] = str(dest)
    probe = subprocess.run([sys.executable, "-c", "import generator, generator.cache as c; print(generator.__file__); "
                            "print(c.code_fingerprint()); print(generator.native.describe())"],
                           env=ENV, cwd=dest, capture_output=True, text=True, check=True)
    where, fingerprint, analysis = probe.stdout.splitlines()
    if not where.startswith(str(dest)):
        raise RuntimeError(f"the snapshot is not imported first: generator comes from {where}")
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "generator"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    return {"commit": commit, "generator_modified": "yes" if dirty else "no", "code_fingerprint": fingerprint,
            "analysis": analysis}


# ---------------------------------------------------------------------------------------------
# Measuring one subprocess


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_pss_kib(root: int) -> int:
    """Proportional set size of ``root`` and every descendant, in KiB (Linux; 0 elsewhere)."""
    if not os.path.isdir("/proc"):
        return 0
    tree = _children()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss_kib(pid)
        todo.extend(tree.get(pid, ()))
    return total


@dataclass
class Step:
    name: str
    argv: list[str]
    wall_s: float
    cpu_s: float  # user + system, the process and its descendants
    max_rss_mib: float  # the largest single process
    tree_pss_mib: float  # peak of the whole tree, sampled
    load_before: list[float]
    returncode: int
    stdout: str = field(repr=False)
    stderr: str = field(repr=False)


def run_step(name: str, argv: Sequence[str], cwd: Path, sample: bool = True) -> Step:
    """Run one step in its own process tree, timing it; with ``sample``, its peak memory is sampled too
    (from a thread of this process, which then competes with the step for the cores)."""
    load = [round(x, 2) for x in os.getloadavg()]
    out_path, err_path = cwd / f".{name}.stdout", cwd / f".{name}.stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(list(argv), cwd=cwd, env=ENV, stdout=out, stderr=err)
        peak = [0]
        done = threading.Event()

        def sampling() -> None:
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], tree_pss_kib(proc.pid))

        sampler = threading.Thread(target=sampling, daemon=True) if sample else None
        if sampler is not None:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        if sampler is not None:
            sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    out_path.unlink()
    err_path.unlink()
    step = Step(
        name=name,
        argv=list(argv),
        wall_s=round(wall, 3),
        cpu_s=round(usage.ru_utime + usage.ru_stime, 3),
        max_rss_mib=round(usage.ru_maxrss / 1024, 1),
        tree_pss_mib=round(peak[0] / 1024, 1),
        load_before=load,
        returncode=proc.returncode,
        stdout=stdout,
        stderr=stderr,
    )
    if step.returncode != 0:
        raise RuntimeError(f"step {name} failed ({step.returncode}): {' '.join(argv)}\n{stderr[-4000:]}")
    return step


# ---------------------------------------------------------------------------------------------
# The in-process stage measurement (run in a subprocess: ``run.py --stages SEEDS``)


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def stages(seeds: Path, workers: int) -> dict[str, Any]:
    """Extraction through one pool, then alignment and comparison per story, timed separately."""
    folders = story_folders(seeds) or [seeds]
    listings = [list_seeds(f) for f in folders]
    files = [seed for listing in listings for seed in listing.files]
    dirs = [f for f, listing in zip(folders, listings, strict=True) for _ in listing.files]
    gc.collect()
    self0, kids0, t0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
    extracted = extract_all(files, dirs, workers=workers)
    wall = time.perf_counter() - t0
    self_cpu = _cpu(resource.RUSAGE_SELF) - self0
    kids_cpu = _cpu(resource.RUSAGE_CHILDREN) - kids0  # the pool's workers, reaped at its shutdown
    cpu = self_cpu + kids_cpu
    n = len(files)
    words = sum(len(r.article.text.split()) for r in extracted if hasattr(r, "article"))
    gc.collect()
    t1, c1 = time.perf_counter(), time.process_time()
    claims = facts = conflicts = skipped = 0
    start = 0
    for folder, listing in zip(folders, listings, strict=True):
        end = start + len(listing.files)
        report = build_report(folder, listing, extracted[start:end])
        start = end
        claims += len(report.claims)
        facts += len(report.facts)
        conflicts += sum(1 for c in report.contradictions if c.severity == "conflict")
        skipped += len(report.skipped)
    align_wall, align_cpu = time.perf_counter() - t1, time.process_time() - c1
    return {
        **claims_stage([r.article for r in extracted if hasattr(r, "article")]),
        "articles": n,
        "stories": len(folders),
        "words": words,
        "workers": workers if workers > 1 and n >= PARALLEL_MIN else 1,
        "extract_wall_s": round(wall, 3),
        "extract_cpu_s": round(cpu, 3),
        "extract_cpu_parent_s": round(self_cpu, 3),
        "extract_per_core": round(n / cpu, 1) if cpu else 0.0,
        "extract_overall": round(n / wall, 1) if wall else 0.0,
        "extract_utilisation": round(cpu / wall, 2) if wall else 0.0,
        "align_compare_wall_s": round(align_wall, 3),
        "align_compare_cpu_s": round(align_cpu, 3),
        "claims": claims,
        "facts": facts,
        "conflicts": conflicts,
        "skipped": skipped,
    }


def claims_stage(articles: Sequence[Article]) -> dict[str, Any]:
    """The claims stage alone (split + claims, the architecture's ``claims`` stage after ``ingest``),
    in this process, over up to ``CLAIMS_SAMPLE`` of the articles: first with every memo of the
    generator cleared before each article, then with the memos kept. The corpus repeats the real
    articles' sentences (about six times each), so kept memos answer far more often than they would on
    new coverage: the cold figure is the one the target is held to. The pooled figure above includes
    the same memos kept, per worker."""
    step = max(1, len(articles) // CLAIMS_SAMPLE)
    sample = list(articles[::step][:CLAIMS_SAMPLE])
    clears = memo_clears()

    def cpu(cold: bool) -> float:
        total = 0.0
        for article in sample:
            if cold:
                for clear in clears:
                    clear()
            started = time.process_time()
            extract_claims(article, split_sentences(article.text))
            total += time.process_time() - started
        return total

    cold, warm = cpu(cold=True), cpu(cold=False)
    return {
        "claims_stage_articles": len(sample),
        "claims_stage_cold_per_core": round(len(sample) / cold, 1) if cold else 0.0,
        "claims_stage_warm_per_core": round(len(sample) / warm, 1) if warm else 0.0,
    }


# ---------------------------------------------------------------------------------------------
# Projects


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise RuntimeError(f"mkdocs.yml no longer has exactly one {old!r}; update benchmarks/run.py")
    return text.replace(old, new)


def plugin_config(project: Path) -> Path:
    """The project's mkdocs.yml, reading the corpus in ``seeds/`` with a cache in ``cache/``."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = _replace_once(text, "      seeds_dir: seeds\n", "      seeds_dir: seeds\n      cache_dir: cache\n")
    path = project / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def floor_config(project: Path, multi: bool) -> Path:
    """The same site over pre-rendered pages in ``floor_docs/``: no plugin, but the plugin's navigation,
    its source pages kept out of the navigation, and its CSS and JavaScript."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = _replace_once(text, "docs_dir: docs\n", "docs_dir: floor_docs\n")
    text = _replace_once(text, "site_dir: site\n", "site_dir: floor_site\n")
    text = _replace_once(text, "  - claims:\n      seeds_dir: seeds\n", "")
    nav = "".join(f"  - {title}: {page}\n" for entry in navigation(Collection((), multi, ())) for title, page in
                  entry.items())
    text = _replace_once(text, "\nnav:\n", f"\nnav:\n{nav}")
    # Pages the plugin generates with InclusionLevel.NOT_IN_NAV: every story page of a collection, and a
    # single story's source pages (their slugs end in "-<16 hex>"; sources/index.md is in the nav).
    hidden = "  /*/\n" if multi else "  /sources/*-*.md\n"
    text += f"\nnot_in_nav: |\n{hidden}extra_css:\n  - {CSS}\nextra_javascript:\n"
    text += "".join(f"  - {script}\n" for script in JAVASCRIPT)
    path = project / "floor.yml"
    path.write_text(text, encoding="utf-8")
    assets = resources.files("generator")
    for asset in (CSS, *JAVASCRIPT):
        target = project / "floor_docs" / asset
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(assets.joinpath(asset).read_text("utf-8"), encoding="utf-8")
    for page in (ROOT / "docs").glob("*.md"):
        shutil.copy(page, project / "floor_docs" / page.name)
    return path


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


# ---------------------------------------------------------------------------------------------
# One size


@dataclass
class SizeResult:
    articles: int
    stories: int
    corpus_bytes: int
    corpus_formats: dict[str, int]
    corpus_seconds: float
    stages: dict[str, Any]
    steps: dict[str, Step]
    summary_cold: str
    summary_warm: str
    warm_from_cache: int
    site_bytes: int
    search_index_bytes: int
    floor_site_bytes: int
    floor_search_index_bytes: int

    def ratio(self, attr: str = "wall_s") -> float:
        floor = getattr(self.steps["floor"], attr)
        return round(getattr(self.steps["build"], attr) / floor, 3) if floor else 0.0

    @property
    def peak_mib(self) -> float:
        """The build's peak: the larger of the sampled tree PSS and the largest process's max RSS."""
        return max(self.steps["build"].tree_pss_mib, self.steps["build"].max_rss_mib)

    @property
    def floor_peak_mib(self) -> float:
        return max(self.steps["floor"].tree_pss_mib, self.steps["floor"].max_rss_mib)


def _mkdocs(config: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "-f", str(config)]


def _summary(step: Step) -> tuple[str, int]:
    found = _SUMMARY.findall(step.stderr)
    if not found:
        raise RuntimeError(f"no claims summary line in the {step.name} log:\n{step.stderr[-2000:]}")
    line, cached = found[-1]
    return line, int(cached)


def run_size(n: int, workers: int, seed: int, keep: Path | None, progress: bool = True) -> SizeResult:
    def say(msg: str) -> None:
        if progress:
            print(f"[{n}] {msg}", file=sys.stderr, flush=True)

    tmp = Path(tempfile.mkdtemp(prefix=f"claims-bench-{n}-"))
    try:
        project = tmp
        say(f"writing the corpus into {project / 'seeds'}")
        t0 = time.perf_counter()
        corpus: CorpusInfo = write_corpus(project / "seeds", n, seed=seed)
        corpus_s = time.perf_counter() - t0
        shutil.copytree(ROOT / "docs", project / "docs")
        config = plugin_config(project)
        steps: dict[str, Step] = {}

        say("stages: extraction (pool) and alignment + comparison")
        # CPU throughput, and no memory figure is reported for it: the sampler (reading /proc every 0.2 s)
        # would only take CPU from the two workers (193 articles per core at 1,000 with it, 201-214 without).
        steps["stages"] = run_step("stages", [sys.executable, str(Path(__file__).resolve()), "--stages",
                                              str(project / "seeds"), "--workers", str(workers)], project,
                                   sample=False)
        stage = json.loads(steps["stages"].stdout)

        say("mkdocs build with the plugin, cold cache")
        steps["build"] = run_step("build", _mkdocs(config), project)
        summary_cold, _ = _summary(steps["build"])
        site_bytes = folder_bytes(project / "site")
        search_bytes = (project / "site" / "search" / "search_index.json").stat().st_size

        edited = next((a for s in corpus.stories for a in s.articles if a.format == "txt"),
                      corpus.stories[0].articles[0])
        edit_article(corpus.path(edited),
                     "Inspectors said on Tuesday that 4,321 damaged footbridges would have to be rebuilt.")
        say(f"rebuild after editing {corpus.path(edited).relative_to(project)}")
        steps["rebuild"] = run_step("rebuild", _mkdocs(config), project)
        summary_warm, from_cache = _summary(steps["rebuild"])

        say("render the pages (warm cache)")
        steps["render"] = run_step("render", [sys.executable, "-m", "generator", "render", "seeds", "--out",
                                              "floor_docs", "--cache", "cache", "--workers", str(workers)], project)
        floor = floor_config(project, multi=not corpus.flat)
        say("mkdocs build of the pre-rendered pages (the floor)")
        steps["floor"] = run_step("floor", _mkdocs(floor), project)
        return SizeResult(
            articles=corpus.articles,
            stories=len(corpus.stories),
            corpus_bytes=corpus.bytes,
            corpus_formats=corpus.formats,
            corpus_seconds=round(corpus_s, 3),
            stages=stage,
            steps=steps,
            summary_cold=summary_cold,
            summary_warm=summary_warm,
            warm_from_cache=from_cache,
            site_bytes=site_bytes,
            search_index_bytes=search_bytes,
            floor_site_bytes=folder_bytes(project / "floor_site"),
            floor_search_index_bytes=(project / "floor_site" / "search" / "search_index.json").stat().st_size,
        )
    finally:
        if keep is not None:
            target = keep / f"n{n}"
            if target.exists():
                shutil.rmtree(target)
            shutil.move(str(tmp), target)
            say(f"kept in {target}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Reporting


def machine() -> dict[str, Any]:
    info = asdict(machine_info())
    info["memory_gib"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1)
    return info


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f}"


def table(results: Sequence[SizeResult]) -> str:
    header = [
        "articles (stories)", "extraction art/s per core (CPU)", "extraction art/s overall (workers, CPU use)",
        "claims stage art/s per core, cold (warm)",
        "align + compare s (CPU)", "build s (CPU)", "floor s (CPU)", "build / floor wall (CPU)",
        "rebuild, 1 edited s", "site MB", "search index MB", "peak memory MiB build / floor", "load avg",
    ]
    rows = []
    for r in results:
        s, b, f, w = r.stages, r.steps["build"], r.steps["floor"], r.steps["rebuild"]
        rows.append([
            f"{r.articles:,} ({r.stories})",
            f"{s['extract_per_core']:,.1f}",
            f"{s['extract_overall']:,.1f} ({s['workers']}, {s['extract_utilisation']:.2f})",
            f"{s.get('claims_stage_cold_per_core', 0.0):,.1f} ({s.get('claims_stage_warm_per_core', 0.0):,.1f})",
            f"{s['align_compare_wall_s']:,.2f} ({s['align_compare_cpu_s']:,.2f})",
            f"{b.wall_s:,.1f} ({b.cpu_s:,.1f})",
            f"{f.wall_s:,.1f} ({f.cpu_s:,.1f})",
            f"{r.ratio():.2f} ({r.ratio('cpu_s'):.2f})",
            f"{w.wall_s:,.1f}",
            _mb(r.site_bytes),
            _mb(r.search_index_bytes),
            f"{r.peak_mib:,.0f} / {r.floor_peak_mib:,.0f}",
            " ".join(f"{x:.1f}" for x in b.load_before),
        ])
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def growth(results: Sequence[SizeResult]) -> list[dict[str, Any]]:
    """Cost ratios between consecutive sizes, against the ratio of their article counts."""
    out = []
    for a, b in pairwise(results):
        scale = b.articles / a.articles
        entry: dict[str, Any] = {"from": a.articles, "to": b.articles, "articles_ratio": round(scale, 2)}
        for name in ("build", "floor", "rebuild", "render"):
            for attr in ("wall_s", "cpu_s"):
                before, after = getattr(a.steps[name], attr), getattr(b.steps[name], attr)
                entry[f"{name}_{attr}"] = round(after / before, 2) if before else None
        for key in ("extract_cpu_s", "align_compare_cpu_s"):
            before, after = a.stages[key], b.stages[key]
            entry[key] = round(after / before, 2) if before else None
        entry["build_peak_memory"] = round(b.peak_mib / a.peak_mib, 2) if a.peak_mib else None
        out.append(entry)
    return out


def verdicts(results: Sequence[SizeResult], grow: Sequence[dict[str, Any]]) -> list[str]:
    lines = []
    if results:
        # The largest corpus: worker start-up and first imports are spread over the most articles.
        largest = max(results, key=lambda r: r.articles)
        rate = largest.stages["extract_per_core"]
        stage = largest.stages.get("claims_stage_cold_per_core")
        if stage is not None:
            lines.append(f"extraction ≥ {TARGET_PER_CORE:.0f} articles/s per core, the claims stage (split + claims, "
                         f"memos cleared before each article): {'met' if stage >= TARGET_PER_CORE else 'NOT met'} "
                         f"({stage:,.1f} at {largest.articles:,})")
        lines.append(f"extraction ≥ {TARGET_PER_CORE:.0f} articles/s per core, the whole per-article step through the "
                     f"pool (read, HTML extraction, furniture, split, claims): "
                     f"{'met' if rate >= TARGET_PER_CORE else 'NOT met'} ({rate:,.1f} at {largest.articles:,})")
    pooled = [r for r in results if r.stages["workers"] > 1]
    if pooled:
        big = max(pooled, key=lambda r: r.articles)
        use = big.stages["extract_utilisation"]
        each = ", ".join(f"{r.stages['extract_utilisation']:.2f} at {r.articles:,}" for r in pooled)
        lines.append(f"cores used by extraction: CPU / wall = {use:.2f} with {big.stages['workers']} workers at "
                     f"{big.articles:,} articles ({each}; other processes on the machine lower it)")
    at = next((r for r in results if r.articles == FLOOR_TARGET_SIZE), None)
    if at is not None:
        lines.append(f"{FLOOR_TARGET_SIZE:,}-article build ≤ {TARGET_FLOOR_RATIO}× floor: "
                     f"{'met' if at.ratio() <= TARGET_FLOOR_RATIO else 'NOT met'} (wall {at.ratio():.2f}×, "
                     f"CPU {at.ratio('cpu_s'):.2f}×)")
    for g in grow:
        if g["articles_ratio"] >= 9.99:
            def verdict(ratio: float | None) -> str:
                return "met" if ratio is not None and ratio <= TARGET_GROWTH else "NOT met"

            lines.append(f"linear growth (≤ ×11) {g['from']:,} → {g['to']:,}: build ×{g['build_wall_s']} wall "
                         f"({verdict(g['build_wall_s'])}), ×{g['build_cpu_s']} CPU ({verdict(g['build_cpu_s'])}); "
                         f"the floor ×{g['floor_wall_s']} wall, ×{g['floor_cpu_s']} CPU")
    mem = next((r for r in results if r.articles == MEMORY_TARGET_SIZE), None)
    if mem is not None:
        lines.append(f"peak memory < {TARGET_MEMORY_MIB:,.0f} MiB at {MEMORY_TARGET_SIZE:,}: "
                     f"{'met' if mem.peak_mib < TARGET_MEMORY_MIB else 'NOT met'} (build {mem.peak_mib:,.0f} MiB; "
                     f"the floor alone {mem.floor_peak_mib:,.0f} MiB)")
    for r in results:
        ok = r.warm_from_cache == r.articles - 1
        lines.append(f"rebuild of {r.articles:,} after one edit: {r.warm_from_cache:,} from cache "
                     f"({'as expected' if ok else 'NOT N-1'}): {r.summary_warm}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], metavar="N")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=None, help="write every figure here")
    parser.add_argument("--keep", type=Path, default=None, help="keep each size's project under this folder")
    parser.add_argument("--from-json", type=Path, default=None, metavar="FILE",
                        help="print the table and verdicts of an earlier run's JSON instead of running")
    parser.add_argument("--stages", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stages is not None:
        print(json.dumps(stages(args.stages, args.workers)))
        return 0
    if args.from_json is not None:
        _report(load_results(args.from_json))
        return 0
    results: list[SizeResult] = []
    info = machine()
    code_dir = Path(tempfile.mkdtemp(prefix="claims-bench-code-"))
    try:
        info["code"] = snapshot_generator(code_dir)
        return _run(args, info, results)
    finally:
        shutil.rmtree(code_dir, ignore_errors=True)


def _run(args: argparse.Namespace, info: dict[str, Any], results: list[SizeResult]) -> int:
    print(f"machine: {info['cpu_model']}, {info['cpu_count']} cores, {info['memory_gib']} GiB, "
          f"{info['platform']}, Python {info['python']}, analysis {info['analysis']}", file=sys.stderr)
    print(f"stories: S = max(1, N // 20) -> {[story_count(n) for n in args.sizes]}", file=sys.stderr)
    for n in sorted(args.sizes):
        results.append(run_size(n, args.workers, args.seed, args.keep))
        if args.json:  # after every size, so a long run that is stopped keeps what it measured
            _write_json(args.json, info, args, results)
    _report(results)
    if args.json:
        _write_json(args.json, info, args, results)
    return 0


def load_results(path: Path) -> list[SizeResult]:
    """The sizes of a JSON file written by this runner, as SizeResults (without the step logs)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    names = {f for f in SizeResult.__dataclass_fields__ if f != "steps"}
    return [
        SizeResult(**{k: v for k, v in size.items() if k in names},
                   steps={name: Step(**step, stdout="", stderr="") for name, step in size["steps"].items()})
        for size in data["sizes"]
    ]


def _report(results: Sequence[SizeResult]) -> None:
    grow = growth(results)
    print(table(results))
    for g in grow:
        print(f"growth {g['from']:,} → {g['to']:,} (×{g['articles_ratio']} articles): " +
              ", ".join(f"{k} ×{v}" for k, v in g.items() if k not in ("from", "to", "articles_ratio")))
    print()
    for line in verdicts(results, grow):
        print(f"- {line}")


def _write_json(path: Path, info: dict[str, Any], args: argparse.Namespace, results: Sequence[SizeResult]) -> None:
    grow = growth(results)
    data = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": info,
        "python": platform.python_version(),
        "workers": args.workers,
        "seed": args.seed,
        "sizes": [
            {
                **{k: v for k, v in asdict(r).items() if k != "steps"},
                "steps": {name: {k: v for k, v in asdict(s).items() if k not in ("stdout", "stderr")}
                          for name, s in r.steps.items()},
                "build_over_floor_wall": r.ratio(),
                "build_over_floor_cpu": r.ratio("cpu_s"),
                "peak_memory_mib": r.peak_mib,
                "floor_peak_memory_mib": r.floor_peak_mib,
            }
            for r in results
        ],
        "growth": grow,
        "verdicts": verdicts(results, grow),
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
