"""The pipeline on a local Dask cluster (two worker processes) gives the collection one machine gives:
one story, a collection of stories with unreadable files among them, and through the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")  # the optional extra `dask` (the test extra installs it)

from distributed import Client

from generator.cluster import analyze_on_cluster, connect
from generator.pipeline import analyze_collection

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "tests" / "fixtures" / "stories"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with connect("local", workers=2) as c:
        yield c


def test_one_story_on_the_cluster_equals_one_machine(client: Client) -> None:
    on_cluster = analyze_on_cluster(ROOT / "seeds", client)
    assert not on_cluster.multi
    assert on_cluster == analyze_collection(ROOT / "seeds", workers=1)
    assert on_cluster.stories[0].report.claims


def test_a_collection_on_the_cluster_equals_one_machine(client: Client, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    for name in ("ferry-capsize", "quake-toll", "election-count"):
        (seeds / name).mkdir(parents=True)
        for f in (STORIES / name).iterdir():
            (seeds / name / f.name).write_bytes(f.read_bytes())
    (seeds / "quake-toll" / "broken.txt").write_bytes(b"\x00\x01 not text \xff\xfe")  # reported, not lost
    (seeds / "stray").symlink_to(seeds / "ferry-capsize")  # a collection warning
    on_cluster = analyze_on_cluster(seeds, client)
    assert on_cluster == analyze_collection(seeds, workers=1)
    assert [s.id for s in on_cluster.stories] == ["election-count", "ferry-capsize", "quake-toll"]
    assert [k.path for k in on_cluster.stories[2].report.skipped] == ["broken.txt"]
    assert on_cluster.warnings


def test_the_cli_runs_on_a_local_cluster(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    one = subprocess.run([sys.executable, "-m", "generator", "analyze", str(ROOT / "seeds"), "--json",
                          str(tmp_path / "one.json")], env=env, capture_output=True, text=True, check=True)
    cluster = subprocess.run([sys.executable, "-m", "generator", "analyze", str(ROOT / "seeds"), "--dask", "local",
                              "--workers", "2", "--json", str(tmp_path / "cluster.json")],
                             env=env, capture_output=True, text=True, check=True)
    assert (tmp_path / "cluster.json").read_bytes() == (tmp_path / "one.json").read_bytes()
    assert "articles" in cluster.stderr.splitlines()[-1] and "articles" in one.stderr.splitlines()[-1]


def test_the_cli_takes_a_cache_or_a_cluster_not_both(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "analyze", str(ROOT / "seeds"), "--dask", "local",
                             "--cache", str(tmp_path / "cache"), "--json", "-"],
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr
