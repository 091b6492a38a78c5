"""The pipeline on a Dask cluster, for an archive that outgrows one machine (optional extra ``dask``).

Extraction is a map: one task per article file (``pipeline.extract_file``, a pure function of the file
and its metadata). Alignment, comparison and the editor's overrides are a group-by on the story: one
task per story (``pipeline.build_report``) that depends on that story's extraction tasks only, so a
story is analysed as soon as its own files are done, on whichever worker is free. The result is the
Collection ``pipeline.analyze_collection`` returns, equal field for field (tests/test_cluster.py runs
both on a local cluster of two worker processes).

The workers read the articles themselves: the seeds folder must be at the same path on every worker
(one machine, or a shared file system). Not done here, and what a newsroom's archive would need next
(see the README's "Beyond one machine"): the extraction cache, which stays with ``mkdocs build`` on one
machine, would become an object store keyed by the same hash; and the site would be built from reports
the cluster writes, story by story, instead of by the MkDocs plugin running the pipeline.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from distributed import Client, LocalCluster

from .ingest import list_seeds
from .pipeline import build_report, extract_file, layout, story_of
from .records import Collection

LOCAL = "local"


def analyze_on_cluster(seeds_dir: Path, client: Client) -> Collection:
    """Every story of the seeds folder, extracted and analysed by the cluster's workers."""
    plan = layout(seeds_dir)
    reports = []
    for folder in plan.folders:
        listing = list_seeds(folder)
        # pure=False: a task's name must not stand for its result, since the files it reads can change
        # between two runs on one long-lived cluster.
        extractions = client.map(extract_file, listing.files, [folder] * len(listing.files), pure=False)
        reports.append(client.submit(build_report, folder, listing, extractions, pure=False))
    stories = (story_of(folder, plan.multi, report) for folder, report in zip(plan.folders, client.gather(reports),
                                                                                 strict=True))
    return Collection(tuple(stories), plan.multi, plan.warnings)


@contextmanager
def connect(address: str, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a cluster of ``workers`` processes started on this
    machine (one per core by default) when ``address`` is ``"local"``; closed (and the local cluster shut
    down) on leaving."""
    if address != LOCAL:
        with Client(address) as client:
            yield client
        return
    # One thread per worker process: extraction is pure Python, and threads would share one interpreter
    # lock. No dashboard: it needs packages the extra does not install, and nothing here would read it.
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client
