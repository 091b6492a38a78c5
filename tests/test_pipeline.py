"""The orchestrator on a collection: every story's files go through one worker pool, results and cache
counts stay per story."""

from __future__ import annotations

import gc
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import generator.pipeline as pipeline
from generator.cache import ExtractionCache
from generator.errors import SeedError
from generator.ingest import list_seeds
from generator.pipeline import PARALLEL_MIN, analyze, analyze_collection, extract_all, stream_collection

ROOT = Path(__file__).resolve().parents[1]
PER_STORY = 24  # below PARALLEL_MIN: a story this size on its own is extracted in-process


def _collection(tmp_path: Path, stories: int = 3) -> Path:
    texts = sorted((ROOT / "seeds").glob("*.txt"))
    root = tmp_path / "seeds"
    for s in range(stories):
        folder = root / f"story-{s}"
        folder.mkdir(parents=True)
        for i in range(PER_STORY):
            src = texts[(i + s) % len(texts)]
            (folder / f"a{i:02d}.txt").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def _recording_pool(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    started: list[int | None] = []

    class Recording(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            started.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", Recording)
    return started


def test_small_stories_share_one_worker_pool(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert PER_STORY < PARALLEL_MIN <= 3 * PER_STORY
    root = _collection(tmp_path)
    started = _recording_pool(monkeypatch)
    pooled = analyze_collection(root, workers=2)
    assert started == [2]  # one pool for the whole collection, not one per story (nor none)
    assert pooled == analyze_collection(root, workers=1)
    assert [len(s.report.articles) for s in pooled.stories] == [PER_STORY] * 3


def test_files_that_cannot_be_read_are_reported_from_the_worker_pool(tmp_path: Path) -> None:
    """A worker returns a SeedError for a bad file; it must come back whole (it failed to unpickle)."""
    root = _collection(tmp_path)
    (root / "story-1" / "broken.txt").write_bytes(b"\x00\x01 not text \xff\xfe")
    (root / "story-2" / "empty.md").write_text("", encoding="utf-8")
    pooled = analyze_collection(root, workers=2)
    assert pooled == analyze_collection(root, workers=1)
    skipped = {(s.id, k.path): k.reason for s in pooled.stories for k in s.report.skipped}
    assert set(skipped) == {("story-1", "broken.txt"), ("story-2", "empty.md")}
    assert all(skipped.values())


def test_a_collection_report_equals_each_story_analysed_alone(tmp_path: Path) -> None:
    root = _collection(tmp_path, stories=2)
    collection = analyze_collection(root, workers=1)
    for story in collection.stories:
        assert story.report == analyze(root / story.id, workers=1)


def test_cache_counts_stay_per_story(tmp_path: Path) -> None:
    root = _collection(tmp_path)
    cold = analyze_collection(root, ExtractionCache(tmp_path / "cache"), workers=1)
    assert [s.report.from_cache for s in cold.stories] == [0, 0, 0]
    edited = root / "story-1" / "a03.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nThe ministry said 14 more people were hurt.\n",
                      encoding="utf-8")
    warm = analyze_collection(root, ExtractionCache(tmp_path / "cache"), workers=1)
    assert [s.report.from_cache for s in warm.stories] == [PER_STORY, PER_STORY - 1, PER_STORY]


def test_extract_all_takes_one_folder_per_file(tmp_path: Path) -> None:
    root = _collection(tmp_path, stories=2)
    folders = [root / "story-0", root / "story-1"]
    files = [seed for f in folders for seed in list_seeds(f).files]
    dirs = [f for f in folders for _ in list_seeds(f).files]
    together = extract_all(files, dirs, workers=1)
    apart = [r for f in folders for r in extract_all(list_seeds(f).files, f, workers=1)]
    assert together == apart
    with pytest.raises(ValueError, match="folders"):
        extract_all(files, dirs[:-1])


def test_stories_are_analysed_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build renders each story and lets it go: the stream extracts a story's files only when that
    story is asked for, so one story's extractions are held at a time."""
    root = _collection(tmp_path, stories=3)
    extracted: list[str] = []
    real = pipeline.extract_file

    def recording(seed: Any, folder: Path) -> Any:
        extracted.append(folder.name)
        return real(seed, folder)

    monkeypatch.setattr(pipeline, "extract_file", recording)
    stream = stream_collection(root, workers=1)
    assert extracted == []
    first = next(stream.stories)
    assert extracted == ["story-0"] * PER_STORY
    rest = list(stream.stories)
    assert (first, *rest) == analyze_collection(root, workers=1).stories


def test_a_small_pool_window_gives_the_same_collection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _collection(tmp_path)
    serial = analyze_collection(root, workers=1)
    monkeypatch.setattr(pipeline, "POOL_WINDOW", 5)  # 10 files in flight with 2 workers: many windows
    started = _recording_pool(monkeypatch)
    assert analyze_collection(root, workers=2) == serial
    assert started == [2]


@pytest.mark.parametrize("batch", [1, 5, 64])
def test_files_go_to_the_workers_in_batches_and_come_back_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch: int
) -> None:
    """Batches of several files, the last one short, a bad file inside one: the same extractions in
    the same order as one file at a time in this process."""
    root = _collection(tmp_path)
    (root / "story-1" / "a05.txt").write_bytes(b"\x00\x01 not text \xff\xfe")
    (root / "story-2" / "a23.txt").unlink()  # 71 files: no batch size above 1 divides them
    folders = sorted(p for p in root.iterdir())
    files = [seed for f in folders for seed in list_seeds(f).files]
    dirs = [f for f in folders for _ in list_seeds(f).files]
    monkeypatch.setattr(pipeline, "POOL_BATCH", batch)
    monkeypatch.setattr(pipeline, "POOL_WINDOW", 3)  # a few batches in flight: many refills
    sent: list[int] = []
    real = ProcessPoolExecutor.submit

    def recording(self: ProcessPoolExecutor, fn: Any, *args: Any) -> Any:
        sent.append(len(args[0]))
        return real(self, fn, *args)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", recording)
    def comparable(results: list[Any]) -> list[Any]:  # exceptions compare by identity
        return [(r.path, r.reason) if isinstance(r, SeedError) else r for r in results]

    pooled = comparable(extract_all(files, dirs, workers=2))
    assert pooled == comparable(extract_all(files, dirs, workers=1))
    assert sum(sent) == len(files) == 71
    assert max(sent) == min(batch, len(files) // 16)  # every worker still gets eight batches or more
    assert pooled.count(("a05.txt", "looks like a binary file (NUL bytes), not text")) == 1


def test_an_entry_that_goes_bad_after_the_lookup_is_extracted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = ROOT / "seeds"
    cache = ExtractionCache(tmp_path / "cache")
    expected = analyze(seeds, cache, workers=1)
    monkeypatch.setattr(ExtractionCache, "load", lambda self, key: None)  # found by has(), unreadable by load()
    again = ExtractionCache(tmp_path / "cache")
    report = analyze(seeds, again, workers=1)
    assert report.claims == expected.claims and report.from_cache == 0


def test_a_pool_started_outside_the_main_thread_spawns_its_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """mkdocs serve rebuilds in a thread beside others; forking there could copy a held lock."""
    root = _collection(tmp_path)
    contexts: list[str | None] = []

    class Recording(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            context = kwargs.get("mp_context")
            contexts.append(context.get_start_method() if context is not None else None)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", Recording)
    found: list[Any] = []
    worker = threading.Thread(target=lambda: found.append(analyze_collection(root, workers=2)))
    worker.start()
    worker.join()
    assert contexts == ["spawn"]
    assert found == [analyze_collection(root, workers=1)]
    analyze_collection(root, workers=2)  # from the main thread: the platform's default start method
    assert contexts == ["spawn", None]


def test_the_pool_leaves_no_object_frozen_however_it_ends(tmp_path: Path) -> None:
    """The caller's objects are frozen out of the collector only while the workers fork, and its young
    generation collected less often only while the pool runs."""
    root = _collection(tmp_path)
    folders = sorted(p for p in root.iterdir())
    files = [seed for f in folders for seed in list_seeds(f).files]
    dirs = [f for f in folders for _ in list_seeds(f).files]
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    assert len(extract_all(files, dirs, workers=2)) == len(files)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
    early = pipeline._extract_many(files, dirs, 2)
    next(early)  # the consumer stops after one article: the pool shuts down when it is closed
    assert gc.get_threshold()[0] == max(pipeline.POOL_GC_THRESHOLD, before[0])
    early.close()
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_readers_are_warmed_up_only_for_the_formats_present(tmp_path: Path) -> None:
    """trafilatura is loaded before the workers fork only when an HTML page is to be read."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from generator.ingest import SeedFile, warm_up_readers\n"
        "warm_up_readers([SeedFile(Path('a.txt'), None), SeedFile(Path('b.md'), None)])\n"
        "print('trafilatura' in sys.modules)\n"
        "warm_up_readers([SeedFile(Path('a.txt'), None), SeedFile(Path('c.HTML'), None)])\n"
        "print('trafilatura' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert done.stdout.split() == ["False", "True"]
