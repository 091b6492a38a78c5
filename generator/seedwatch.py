"""Watching the seeds folder under ``mkdocs serve``: an edited article is noticed within a tenth of a second.

MkDocs finds changes by polling every watched path each 0.5 s (watchdog's PollingObserver; it chose polling
over native file events, which some network and container file systems do not deliver). On a small site
that wait is a third of the time from saving an article to seeing it served. The seeds folder is this
plugin's own input, so it polls it itself: every ``MIN_INTERVAL_S``, or less often when a poll (a walk of
the folder and a stat of each file) costs more than ``MAX_SHARE`` of a core at that pace, but never less
often than MkDocs would (``MAX_INTERVAL_S``). A 100-article folder polls in under a millisecond.

A change is handed to the server as a change under ``docs_dir``, which MkDocs always watches: the
server's own handler then rebuilds the site, once, exactly as for an edited page. The seeds folder is
not watched by MkDocs as well, or every edit would rebuild twice.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileModifiedEvent, FileSystemEvent
from watchdog.utils.dirsnapshot import DirectorySnapshot, DirectorySnapshotDiff, EmptyDirectorySnapshot

log = logging.getLogger("mkdocs.plugins.claims")

MIN_INTERVAL_S = 0.1
MAX_INTERVAL_S = 0.5  # MkDocs' own polling interval
MAX_SHARE = 0.05


def _snapshot(folder: Path) -> DirectorySnapshot:
    try:
        return DirectorySnapshot(str(folder), recursive=True)
    except OSError:  # the folder is missing (being replaced, or not made yet): it holds nothing
        return EmptyDirectorySnapshot()


def changed_paths(before: DirectorySnapshot, after: DirectorySnapshot) -> list[str]:
    """Every file created, deleted, modified or moved (both ends) between two snapshots, sorted."""
    diff = DirectorySnapshotDiff(before, after)
    paths = {*diff.files_created, *diff.files_deleted, *diff.files_modified}
    for src, dest in diff.files_moved:
        paths.update((src, dest))
    if diff.dirs_created or diff.dirs_deleted or diff.dirs_moved:  # a story folder added or removed
        paths.update(diff.dirs_created + diff.dirs_deleted + [dest for _, dest in diff.dirs_moved])
    return sorted(os.fsdecode(p) for p in paths)


class SeedsWatcher:
    """Polls ``folder`` on a daemon thread and calls ``notify`` with one event per changed path."""

    def __init__(self, folder: Path, notify: Callable[[FileSystemEvent], None]) -> None:
        self.folder = folder
        self.notify = notify
        self.interval = MIN_INTERVAL_S
        self._stop = threading.Event()
        self._snapshot = _snapshot(folder)
        self._thread = threading.Thread(target=self._run, name="claims-seeds-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def poll(self) -> list[str]:
        """One poll: the paths changed since the last, each handed to ``notify``."""
        started = time.thread_time()
        current = _snapshot(self.folder)
        # A costly walk waits longer before the next. Its cost is this thread's processor time: the wall
        # time of a walk during a rebuild is mostly waits for the interpreter lock, at every stat call.
        cost = time.thread_time() - started
        self.interval = min(MAX_INTERVAL_S, max(MIN_INTERVAL_S, cost / MAX_SHARE))
        paths = changed_paths(self._snapshot, current)
        self._snapshot = current
        for path in paths:
            self.notify(FileModifiedEvent(path))
        return paths

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.poll()
            except Exception:  # never let the watcher die silently: say why, and keep watching
                log.exception("claims: watching %s failed; trying again", self.folder)
