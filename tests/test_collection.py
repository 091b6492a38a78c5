"""Several stories in one seeds folder: a story index, each story on its own pages, no cross-story facts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import analyze, analyze_collection
from generator.render import render_collection
from generator.report import collection_data

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "fixtures" / "stories"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@pytest.fixture(scope="module")
def collection_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("collection")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(STORIES, project / "seeds")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(project / "site")], cwd=project, env=ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "5 stories, 18 articles" in result.stderr
    return project / "site"


def test_story_folders_become_stories() -> None:
    collection = analyze_collection(STORIES)
    assert collection.multi
    assert [s.id for s in collection.stories] == sorted(p.name for p in STORIES.iterdir() if p.is_dir())


def test_claims_are_aligned_only_within_a_story() -> None:
    collection = analyze_collection(STORIES)
    for story in collection.stories:
        sources = {a.id for a in story.report.articles}
        for fact in story.report.facts:
            assert set(fact.sources) <= sources
    # each story's analysis equals analysing its folder on its own
    quake = next(s for s in collection.stories if s.id == "quake-toll")
    assert quake.report.facts == analyze(STORIES / "quake-toll").facts


def test_collection_json_lists_stories_and_prefixes_ids() -> None:
    data = collection_data(analyze_collection(STORIES))
    assert [s["id"] for s in data["stories"]] == sorted(p.name for p in STORIES.iterdir() if p.is_dir())
    claim_ids = {c["id"] for c in data["claims"]}
    assert len(claim_ids) == len(data["claims"])
    assert all(cid.split("/", 1)[0] in {s["id"] for s in data["stories"]} for cid in claim_ids)
    for con in data["contradictions"]:
        assert set(con["claims"]) <= claim_ids


def test_single_story_folder_is_unchanged() -> None:
    collection = analyze_collection(ROOT / "seeds")
    assert not collection.multi
    assert "stories" not in collection_data(collection)


def test_pages_live_under_each_story(collection_site: Path) -> None:
    index = (collection_site / "index.html").read_text(encoding="utf-8")
    pages = render_collection(analyze_collection(STORIES))
    slugs = sorted({p.path.split("/", 1)[0] for p in pages if "/" in p.path})
    assert len(slugs) == 5
    for slug in slugs:
        assert f'href="{slug}/"' in index
        for page in ("index.html", "contradictions/index.html", "grid/index.html", "sources/index.html",
                     "report.json"):
            assert (collection_site / slug / page).exists(), (slug, page)
    report = json.loads((collection_site / "report.json").read_text(encoding="utf-8"))
    assert len(report["stories"]) == 5


def test_site_report_json_indexes_each_storys_own(collection_site: Path) -> None:
    """At the top of a collection's site, report.json lists the stories and points to each story's own
    report.json (the schema-1 contract); it does not repeat their data."""
    index = json.loads((collection_site / "report.json").read_text(encoding="utf-8"))
    assert set(index) == {"schema", "generator", "stories", "warnings"}
    collection = analyze_collection(STORIES)
    for entry, story in zip(index["stories"], collection.stories, strict=True):
        own = json.loads((collection_site / entry["report"]).read_text(encoding="utf-8"))
        assert own["schema"] == 1 and own["event"] == entry["event"]
        assert (entry["sources"], entry["claims"], entry["contradictions"]) == (
            len(own["sources"]), len(own["claims"]), len(own["contradictions"]))
        assert entry["conflicts"] == sum(c["severity"] == "conflict" for c in own["contradictions"])
        assert entry["id"] == story.id
        assert entry["first_published"] <= entry["last_published"]


def test_cli_collection_json_merges_every_story_once() -> None:
    data = collection_data(analyze_collection(STORIES))
    assert sum(s["claims"] for s in data["stories"]) == len(data["claims"])
    assert sum(s["sources"] for s in data["stories"]) == len(data["sources"])
    assert all(isinstance(s["sources"], int) for s in data["stories"])  # counts, not the stories' data again
