"""The command line adapter, run as a user runs it: `python -m generator ...` in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.ingest import read_seeds
from generator.records import CONTRADICTION_KINDS, SEVERITIES

ROOT = Path(__file__).resolve().parent.parent
SHARED_SCORE = ROOT.parent / "shared" / "eval" / "score.py"
SHARED_GOLD = ROOT.parent / "shared" / "eval" / "seeds-gold.yaml"
VENDORED_SCORE = ROOT / "tests" / "gold" / "score.py"
VENDORED_GOLD = ROOT / "tests" / "gold" / "seeds-gold.yaml"


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONUTF8="1")
    cmd = [sys.executable, *args]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two runs of `analyze seeds --json F`, for the schema checks and the determinism check."""
    out = tmp_path_factory.mktemp("analyze")
    first, second = out / "first.json", out / "second.json"
    for target in (first, second):
        done = _run("-m", "generator", "analyze", "seeds", "--json", str(target))
        assert done.returncode == 0, done.stderr
        assert "articles" in done.stderr and "claims" in done.stderr  # the one-line summary
        assert done.stdout == ""
    return first, second


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ((), ("analyze", "render", "news outlets")),
        (("analyze",), ("SEEDS_DIR", "--json", "report.json")),
        (("render",), ("SEEDS_DIR", "--out", "markdown pages")),
    ],
)
def test_help(args: tuple[str, ...], words: tuple[str, ...]) -> None:
    done = _run("-m", "generator", *args, "--help")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m generator")
    for word in words:
        assert word in done.stdout


def test_no_command_is_a_usage_error() -> None:
    done = _run("-m", "generator")
    assert done.returncode == 2
    assert "usage:" in done.stderr


def test_analyze_writes_schema_1(analyzed: tuple[Path, Path]) -> None:
    data: dict[str, Any] = json.loads(analyzed[0].read_text(encoding="utf-8"))
    assert data["schema"] == 1
    for key in ("sources", "claims", "agreements", "contradictions"):
        assert isinstance(data[key], list) and data[key], key

    seeds = read_seeds(ROOT / "seeds")
    texts = {a.id: a.text for a in seeds.articles}
    assert [s["id"] for s in data["sources"]] == [a.id for a in seeds.articles]
    for source in data["sources"]:
        assert {"id", "title", "outlet", "author", "published", "url"} <= source.keys()

    claim_source: dict[str, str] = {}
    for claim in data["claims"]:
        assert {"id", "source", "text", "start", "end", "kind", "speaker"} <= claim.keys()
        assert texts[claim["source"]][claim["start"]:claim["end"]] == claim["text"], claim["id"]
        assert claim["id"] not in claim_source, f"duplicate claim id {claim['id']}"
        claim_source[claim["id"]] = claim["source"]

    for fact in data["agreements"]:
        assert fact["claims"] and all(cid in claim_source for cid in fact["claims"]), fact["id"]
        stated_by = {claim_source[cid] for cid in fact["claims"]}
        assert sorted(set(fact["sources"])) == sorted(stated_by), fact["id"]
    for con in data["contradictions"]:
        assert len(con["claims"]) >= 2 and all(cid in claim_source for cid in con["claims"]), con["id"]
        assert con["severity"] in SEVERITIES and con["kind"] in CONTRADICTION_KINDS


def test_analyze_is_deterministic(analyzed: tuple[Path, Path]) -> None:
    assert analyzed[0].read_bytes() == analyzed[1].read_bytes()


def test_analyze_to_stdout_matches_the_file(analyzed: tuple[Path, Path]) -> None:
    done = _run("-m", "generator", "analyze", "seeds", "--json", "-")
    assert done.returncode == 0, done.stderr
    assert done.stdout.encode("utf-8") == analyzed[0].read_bytes()


def _score(score: Path, report: Path, gold: Path) -> None:
    done = _run(str(score), str(report), str(gold))
    assert done.returncode == 0, done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("SUMMARY "), done.stdout
    for metric in ("contradiction_recall=", "agreement_recall=", "claim_recall=", "boilerplate_leaks="):
        assert metric in last


def test_vendored_score_runs(analyzed: tuple[Path, Path]) -> None:
    _score(VENDORED_SCORE, analyzed[0], VENDORED_GOLD)


@pytest.mark.skipif(not SHARED_SCORE.is_file(),
                    reason=f"{SHARED_SCORE} is absent (../shared is not checked out)")
def test_shared_score_runs(analyzed: tuple[Path, Path]) -> None:
    _score(SHARED_SCORE, analyzed[0], SHARED_GOLD)


def test_render_writes_the_pages(tmp_path: Path, analyzed: tuple[Path, Path]) -> None:
    out = tmp_path / "pages"
    done = _run("-m", "generator", "render", "seeds", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stderr
    for name in ("index.md", "contradictions.md", "sources/index.md", "report.json"):
        assert (out / name).is_file(), name
    n_sources = len(read_seeds(ROOT / "seeds").articles)
    assert len([p for p in (out / "sources").glob("*.md") if p.name != "index.md"]) == n_sources
    assert (out / "report.json").read_bytes() == analyzed[0].read_bytes()


@pytest.mark.parametrize("command", ["analyze", "render"])
def test_missing_seeds_dir_exits_2(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "no-such-seeds"
    flag = ("--json", str(tmp_path / "r.json")) if command == "analyze" else ("--out", str(tmp_path / "out"))
    done = _run("-m", "generator", command, str(missing), *flag)
    assert done.returncode == 2
    assert done.stderr.startswith("error:")
    assert str(missing) in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "r.json").exists() and not (tmp_path / "out").exists()


def test_dask_without_the_optional_extra_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator import cli

    monkeypatch.setitem(sys.modules, "generator.cluster", None)  # as if distributed were not installed
    assert cli.main(["analyze", str(ROOT / "seeds"), "--dask", "local", "--json", "-"]) == 2
    err = capsys.readouterr().err
    assert "--dask needs the optional extra" in err and ".[dask]" in err


def test_render_writes_each_story_before_analysing_the_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A collection is rendered story by story (memory holds one story's report), and the pages are those
    of the whole collection rendered at once."""
    from generator import cli, pipeline
    from generator.pipeline import analyze_collection
    from generator.render import render_collection

    seeds = tmp_path / "seeds"
    for name in ("ferry-capsize", "quake-toll", "protest-crowd"):
        (seeds / name).mkdir(parents=True)
        for f in (ROOT / "tests" / "fixtures" / "stories" / name).iterdir():
            (seeds / name / f.name).write_bytes(f.read_bytes())
    events: list[str] = []
    analyse, write = pipeline.build_report, cli._write

    def recording_analyse(folder: Path, *args: Any, **kwargs: Any) -> Any:
        events.append(f"analyse {folder.name}")
        return analyse(folder, *args, **kwargs)

    def recording_write(out: Path, pages: Any) -> None:
        pages = list(pages)
        # A story's pages sit in its folder's slug, "<name>-<16 hex>"; the collection's own at the top.
        events.append("write " + " ".join(sorted({p.path.split("/")[0].rsplit("-", 1)[0] if "/" in p.path else p.path
                                                   for p in pages})))
        write(out, pages)

    monkeypatch.setattr(pipeline, "build_report", recording_analyse)
    monkeypatch.setattr(cli, "_write", recording_write)
    assert cli.main(["render", str(seeds), "--workers", "1", "--out", str(tmp_path / "out")]) == 0
    assert events == ["analyse ferry-capsize", "write ferry-capsize", "analyse protest-crowd", "write protest-crowd",
                      "analyse quake-toll", "write quake-toll", "write index.md report.json"]
    monkeypatch.undo()
    expected = render_collection(analyze_collection(seeds, workers=1))
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == sorted(p.path for p in expected)
    for page in expected:
        assert (tmp_path / "out" / page.path).read_text(encoding="utf-8") == page.content, page.path
