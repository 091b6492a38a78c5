"""The benchmark command runs end to end and reports its figures; its synthetic corpus is deterministic.

No speed is asserted here: timings depend on the machine. ``python -m generator bench`` is the tool.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.bench import (
    TARGET_WORDS,
    Material,
    default_material_dirs,
    load_material,
    perturb,
    synth_corpus,
)
from generator.cli import main

TINY = ["bench", "--articles", "10", "--align-articles", "20", "--repeat", "1"]


@pytest.fixture(scope="module")
def material() -> Material:
    return load_material(default_material_dirs())


def test_bench_cli_writes_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bench.json"
    assert main([*TINY, "--json", str(out)]) == 0
    table = capsys.readouterr().out
    for heading in ("Extraction", "articles/s", "words/s", "claims/article", "Cleaning", "Ingest",
                    "Alignment and comparison", "align_claims", "compare_claims", "candidate pairs",
                    "peak memory"):
        assert heading in table
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["options"] == {"articles": 10, "align_articles": 20, "repeat": 1, "seed": 0}
    machine = data["machine"]
    assert machine["python"] and machine["platform"] and machine["cpu_count"] >= 1
    assert "cpu_model" in machine and "load_average" in machine
    ex = data["extraction"]
    assert ex["articles"] == 10 and len(ex["runs_seconds"]) == 1
    for key in ("words", "sentences", "claims", "seconds", "articles_per_s", "words_per_s",
                "claims_per_article", "ms_per_sentence", "warm_articles_per_s", "cpu_seconds",
                "cpu_articles_per_s"):
        assert ex[key] > 0, key
    assert isinstance(ex["meets_target"], bool)
    assert ex["words"] >= 10 * TARGET_WORDS
    assert data["cleaning"]["articles"] == 10 and data["cleaning"]["articles_per_s"] > 0
    assert data["ingest"] and all(i["seconds"] > 0 and i["articles"] > 0 for i in data["ingest"])
    al = data["alignment"]
    assert al["articles"] == 20
    for key in ("claims", "extract_seconds", "vectorise_seconds", "align_seconds", "compare_seconds",
                "candidate_pairs", "all_pairs", "peak_rss_mib"):
        assert al[key] > 0, key
    # Blocking never proposes more pairs than comparing every cross-source pair would.
    assert al["candidate_pairs"] <= al["all_pairs"] <= al["all_pairs_any_source"]
    assert al["facts"] >= 0 and al["agreements"] >= 0 and al["contradictions"] >= al["conflicts"] >= 0
    assert "agreeing_facts" in table
    stages = {"extract", "vectorise", "candidate_pairs", "align", "compare", "agreeing_facts"}
    assert set(al["cpu_seconds"]) == stages
    assert al["cpu_seconds"]["extract"] > 0
    assert data["peak_rss_mib"] >= data["extraction_peak_rss_mib"] > 0
    assert data["profile"] is None


def test_bench_without_alignment_and_with_profile(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    assert main(["bench", "--articles", "3", "--align-articles", "0", "--repeat", "1", "--profile",
                 "--json", str(out)]) == 0
    table = capsys.readouterr().out
    assert "Alignment and comparison" not in table
    assert "cumulative" in table and "extract_claims" in table
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["alignment"] is None and "extract_claims" in data["profile"]


@pytest.mark.parametrize("bad", [["--articles", "0"], ["--repeat", "0"], ["--align-articles", "-1"],
                                 ["--articles", "many"]])
def test_bench_rejects_bad_sizes(bad: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["bench", *bad])
    assert exc.value.code == 2
    assert "bench" in capsys.readouterr().err


def test_bench_reports_empty_material(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*TINY, "--material", str(tmp_path)]) == 2
    assert "no article text" in capsys.readouterr().err


def test_material_comes_from_real_articles(material: Material) -> None:
    assert material.articles >= 5  # at least the seeds
    assert material.paragraphs and all(all(s.strip() for s in p) for p in material.paragraphs)


def test_corpus_is_deterministic(material: Material) -> None:
    first = synth_corpus(material, 12)
    second = synth_corpus(material, 12)
    assert [s.raw for s in first] == [s.raw for s in second]
    assert [s.article for s in first] == [s.article for s in second]
    # A longer corpus starts with the shorter one, so the alignment story extends the extraction corpus.
    assert [s.article.text for s in synth_corpus(material, 15)[:12]] == [s.article.text for s in first]
    assert len({s.article.text for s in first}) == 12
    assert len({s.article.id for s in first}) == 12


def test_synthetic_articles_are_usable(material: Material) -> None:
    for s in synth_corpus(material, 20):
        a = s.article
        assert a.text.strip() and a.title.strip()
        assert s.words >= TARGET_WORDS and s.words == len(a.text.split())
        assert a.text in s.raw  # the raw page holds the body plus furniture for the cleaner
        assert "\n\n" in a.text


def test_perturbation_keeps_formatting() -> None:
    rng = random.Random(3)
    text = "About 11,000 troops and 4.75% of 300 people, at 4:17 a.m. (0117 GMT), in COVID-19 on the 5th."
    changed = 0
    for _ in range(50):
        out = perturb(text, rng, dates=False)
        assert out.strip()
        # Times, codes and ordinals stay as written.
        assert "4:17 a.m. (0117 GMT)" in out and "COVID-19" in out and "5th" in out
        m = re.match(r"About (\S+) troops and (\S+)% of (\S+) people", out)
        assert m is not None
        assert re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{1,4}", m.group(1))
        assert re.fullmatch(r"\d+\.\d\d", m.group(2))
        assert re.fullmatch(r"\d+", m.group(3))
        changed += out != text
    assert changed > 0


def test_perturbation_moves_dates_only_when_asked() -> None:
    text = "On Monday, March 9, 2026, the agency said 112 people had died since 9 March."
    rng = random.Random(1)
    for _ in range(30):
        out = perturb(text, rng, dates=False)
        assert out.startswith("On Monday, March 9, 2026,") and out.endswith("since 9 March.")
    moved = {perturb(text, rng, dates=True) for _ in range(30)}
    assert any("2026" not in t or "Monday" not in t or "March 9," not in t for t in moved)
    # Days stay plausible days of a month.
    for t in moved:
        day = re.search(r"March (\d+),", t)
        assert day is not None and 1 <= int(day.group(1)) <= 31


@pytest.mark.parametrize("text", ["", "   ", "no numbers at all", "1,2,3", "99999999999999999999", "0.5.6",
                                  "Jan. 31 and 31 Dec", "$,000", "1e10", "٣٤ Arabic digits"])
def test_perturbation_never_fails_on_odd_text(text: str) -> None:
    rng = random.Random(0)
    for dates in (False, True):
        out = perturb(text, rng, dates=dates)
        assert isinstance(out, str)
        assert len(out.split()) == len(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.:/-% $€ abcMnthJanuryMody\n")), max_size=80)
       | st.text(max_size=80), st.integers(0, 2**32), st.booleans())
def test_perturbation_property(text: str, seed: int, dates: bool) -> None:
    out = perturb(text, random.Random(seed), dates=dates)
    # Only digit runs and weekday names are replaced, never with whitespace: the words line up.
    assert len(out.split()) == len(text.split())
    assert re.sub(r"[0-9]", "", out.replace(",", "")) == re.sub(r"[0-9]", "", text.replace(",", "")) or dates


def test_cold_figure_clears_per_word_memos_too() -> None:
    from generator import bench, quantities

    quantities._normalise_counted("soldiers")
    assert quantities._COUNTED
    for clear in bench.memo_clears():
        clear()
    assert not quantities._COUNTED and not quantities._WORD_INFO
