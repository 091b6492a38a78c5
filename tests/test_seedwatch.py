"""The seeds watcher under ``mkdocs serve``: what a poll reports, how often it polls, and how the plugin
hands a change to the server (as a change under docs_dir, the seeds folder not watched twice)."""

from __future__ import annotations

import os
import queue
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent

import generator.seedwatch as seedwatch
from generator.plugin import ClaimsPlugin
from generator.seedwatch import MAX_INTERVAL_S, MIN_INTERVAL_S, SeedsWatcher

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "tests" / "fixtures" / "golden-story"


def _bump(path: Path, text: str) -> None:
    """Write ``text`` with an mtime no filesystem could confuse with the previous one."""
    mtime = path.stat().st_mtime_ns if path.exists() else time.time_ns()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(mtime + 2_000_000_000, mtime + 2_000_000_000))


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text("First article.", encoding="utf-8")
    (folder / "b.txt").write_text("Second article.", encoding="utf-8")
    return folder


def _watcher(folder: Path) -> tuple[SeedsWatcher, list[FileSystemEvent]]:
    events: list[FileSystemEvent] = []
    return SeedsWatcher(folder, events.append), events


def test_a_poll_reports_each_created_modified_deleted_and_moved_file(seeds: Path) -> None:
    watcher, events = _watcher(seeds)
    assert watcher.poll() == [] and events == []
    _bump(seeds / "a.txt", "First article, edited.")
    (seeds / "c.txt").write_text("Third article.", encoding="utf-8")
    (seeds / "b.txt").rename(seeds / "b2.txt")
    changed = watcher.poll()
    assert changed == sorted(str(seeds / n) for n in ("a.txt", "b.txt", "b2.txt", "c.txt"))
    assert [e.src_path for e in events] == changed and not any(e.is_directory for e in events)
    (seeds / "c.txt").unlink()
    assert watcher.poll() == [str(seeds / "c.txt")]
    assert watcher.poll() == []  # nothing changed since


def test_a_new_story_folder_and_a_missing_seeds_folder_are_changes(seeds: Path) -> None:
    watcher, _ = _watcher(seeds)
    story = seeds / "quake"
    story.mkdir()
    (story / "x.txt").write_text("An article.", encoding="utf-8")
    assert watcher.poll() == [str(story), str(story / "x.txt")]
    shutil.rmtree(seeds)  # a folder replaced by a sync tool: gone for a moment, then back
    assert str(seeds / "a.txt") in watcher.poll()
    seeds.mkdir()
    (seeds / "a.txt").write_text("Back again.", encoding="utf-8")
    assert watcher.poll() == [str(seeds), str(seeds / "a.txt")]


def test_polling_slows_down_only_when_a_walk_costs_more_than_its_share(seeds: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    watcher, _ = _watcher(seeds)
    watcher.poll()
    assert watcher.interval == MIN_INTERVAL_S  # a small folder: a walk costs well under 5 ms of processor time
    clock = iter([0.0, 0.01, 1.0, 1.1])  # walks costing 10 ms, then 100 ms of this thread's processor time
    monkeypatch.setattr(seedwatch.time, "thread_time", lambda: next(clock))
    watcher.poll()
    assert watcher.interval == pytest.approx(0.2)  # 10 ms is 5% of 0.2 s
    watcher.poll()
    assert watcher.interval == MAX_INTERVAL_S  # never slower than MkDocs' own polling


def test_the_watcher_thread_notifies_and_stops(seeds: Path) -> None:
    events: queue.Queue[FileSystemEvent] = queue.Queue()
    watcher = SeedsWatcher(seeds, events.put)
    watcher.start()
    try:
        _bump(seeds / "a.txt", "Edited while watched.")
        assert events.get(timeout=10).src_path == str(seeds / "a.txt")
    finally:
        watcher.stop()
    assert not watcher._thread.is_alive()


def test_serve_hands_seed_changes_to_the_docs_watch_and_does_not_poll_the_seeds_twice(tmp_path: Path) -> None:
    shutil.copytree(STORY, tmp_path / "seeds")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nplugins:\n  - claims\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["claims"]
    assert isinstance(plugin, ClaimsPlugin)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    try:
        server.watch(config.docs_dir)  # as `mkdocs serve` does before on_serve
        plugin.on_serve(server, config=config, builder=lambda: None)
        watched = {e.watch.path for e in server.observer.emitters}
        assert watched == {os.path.abspath(config.docs_dir)}  # the seeds are polled by the plugin alone
        assert plugin._watcher is not None
        article = next((tmp_path / "seeds").glob("*.txt"))
        _bump(article, article.read_text(encoding="utf-8") + "\n\nOfficials said 12 roads were closed.\n")
        assert plugin._watcher.poll() == [str(article)]
        event, watch = server.observer.event_queue.get(timeout=10)
        assert event.src_path == str(article) and watch.path == os.path.abspath(config.docs_dir)
    finally:
        plugin.on_shutdown()
        server.server_close()
    assert plugin._watcher is None
