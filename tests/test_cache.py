"""The extraction cache: reused while nothing changed, rebuilt when anything did, never trusted blindly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.cache import ExtractionCache
from generator.ingest import list_seeds
from generator.pipeline import analyze, analyze_collection, extract_all
from generator.report import report_json

ROOT = Path(__file__).resolve().parents[1]


def _copy_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    return seeds


def test_second_run_comes_from_the_cache_and_is_identical(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    first = ExtractionCache(tmp_path / "cache")
    cold = analyze(seeds, first)
    warm_cache = ExtractionCache(tmp_path / "cache")
    warm = analyze(seeds, warm_cache)
    assert (cold.from_cache, warm.from_cache) == (0, len(cold.articles))
    assert report_json(cold) == report_json(warm) == report_json(analyze(seeds))


def test_editing_one_article_re_extracts_only_that_one(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    analyze(seeds, ExtractionCache(tmp_path / "cache"))
    edited = sorted(seeds.glob("*.txt"))[4]
    lines = edited.read_text(encoding="utf-8").split("\n")
    lines.insert(1, "Officials said 12 more soldiers were killed near the border on Sunday, the ministry added.")
    edited.write_text("\n".join(lines), encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache")
    report = analyze(seeds, cache)
    assert (cache.hits, cache.misses) == (len(report.articles) - 1, 1)
    assert any("12 more soldiers" in c.text for c in report.claims)


def test_metadata_change_misses_the_cache(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    analyze(seeds, ExtractionCache(tmp_path / "cache"))
    sources = seeds / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("2025-04-28", "2025-04-29", 1), encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache")
    analyze(seeds, cache)
    assert cache.misses == 1


def test_corrupt_or_tampered_entries_are_rebuilt_not_trusted(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    expected = report_json(analyze(seeds, ExtractionCache(tmp_path / "cache")))
    entries = sorted((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 5
    entries[0].write_text("{not json", encoding="utf-8")  # corrupt
    data = json.loads(entries[1].read_text(encoding="utf-8"))
    data["extraction"]["claims"][0]["text"] = "Words the article never said."  # tampered: span no longer matches
    entries[1].write_text(json.dumps(data), encoding="utf-8")
    data = json.loads(entries[2].read_text(encoding="utf-8"))
    data["code"] = "an older generator"  # stale
    entries[2].write_text(json.dumps(data), encoding="utf-8")
    cache = ExtractionCache(tmp_path / "cache")
    report = analyze(seeds, cache)
    assert (cache.hits, cache.rejected) == (2, 3)
    assert report_json(report).replace('"from_cache"', "") == expected.replace('"from_cache"', "")
    assert all(c.text == next(a for a in report.articles if a.id == c.source).text[c.start : c.end]
               for c in report.claims)


def test_unwritable_cache_costs_speed_not_the_build(tmp_path: Path) -> None:
    seeds = _copy_seeds(tmp_path)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    cache = ExtractionCache(blocker)
    report = analyze(seeds, cache)
    assert len(report.articles) == 5 and cache.errors
    assert any("cache entry not written" in w for w in report.warnings)


def test_process_pool_gives_the_same_extractions(tmp_path: Path) -> None:
    seeds = tmp_path / "many"
    seeds.mkdir()
    texts = sorted((ROOT / "seeds").glob("*.txt"))
    for i in range(70):  # above the size where extraction moves to worker processes
        src = texts[i % len(texts)]
        (seeds / f"a{i:03d}.txt").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    files = list_seeds(seeds).files
    assert extract_all(files, seeds, workers=2) == extract_all(files, seeds, workers=1)


def test_an_unwritable_cache_is_reported_once_per_story_that_met_it(tmp_path: Path) -> None:
    root = tmp_path / "stories"
    for name in ("one", "two"):
        shutil.copytree(ROOT / "seeds", root / name)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    collection = analyze_collection(root, ExtractionCache(blocker), workers=1)
    for story in collection.stories:
        found = [w for w in story.report.warnings if "cache entry not written" in w]
        assert len(found) == 1 and found[0].endswith(f"(and {len(story.report.articles) - 1} more)"), found
