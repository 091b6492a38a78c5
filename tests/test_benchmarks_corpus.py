"""The benchmark corpus generator (benchmarks/corpus.py): deterministic, one folder per story, and seeds
the pipeline reads without skipping anything. The benchmark itself is run by hand, never here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from generator.metadata import load_sources
from generator.pipeline import analyze, analyze_collection

ROOT = Path(__file__).resolve().parents[1]


def _load() -> ModuleType:
    # benchmarks/ is not an installed package: load it from the repository by path.
    spec = importlib.util.spec_from_file_location("benchmarks.corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("benchmarks.corpus", module)
    spec.loader.exec_module(module)
    return module


corpus = _load()


@pytest.fixture(scope="module")
def bases() -> list[object]:
    return list(corpus.load_bases())


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_arguments_give_byte_identical_files(tmp_path: Path, bases: list[object]) -> None:
    a = corpus.write_corpus(tmp_path / "a", 45, bases=bases)
    b = corpus.write_corpus(tmp_path / "b", 45, bases=bases)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert a.bytes == b.bytes == sum(len(v) for v in _tree(tmp_path / "a").values())
    other_seed = corpus.write_corpus(tmp_path / "c", 45, seed=1, bases=bases)
    assert _tree(tmp_path / "c") != _tree(tmp_path / "a")
    assert other_seed.articles == 45


def test_stories_get_their_own_folders_and_valid_seeds(tmp_path: Path, bases: list[object]) -> None:
    root = tmp_path / "seeds"
    info = corpus.write_corpus(root, 60, bases=bases)
    assert corpus.story_count(60) == 3 == len(info.stories)
    folders = sorted(p.name for p in root.iterdir())
    assert folders == [s.name for s in info.stories] and len(set(s.base for s in info.stories)) == 3
    for story in info.stories:
        names = sorted(p.name for p in (root / story.name).iterdir())
        assert "sources.yaml" in names and "overrides.yaml" in names
        assert len(names) == 20 + 2
        sources = load_sources(root / story.name)
        assert sources.warnings == () and sources.event
        assert all(e.outlet and e.published for e in sources.entries.values())
    assert set(info.formats) == {"txt", "md", "html"}

    collection = analyze_collection(root, workers=1)
    assert collection.multi and [s.id for s in collection.stories] == folders
    for story in collection.stories:
        report = story.report
        assert report.skipped == () and report.warnings == ()
        assert len(report.articles) == 20 and len(report.claims) > 20 * 5
        assert all(a.outlet and a.published and a.title for a in report.articles)
        assert report.facts, "articles of one story share facts"


def test_one_story_is_written_flat(tmp_path: Path, bases: list[object]) -> None:
    info = corpus.write_corpus(tmp_path / "one", 12, bases=bases)
    assert info.flat and len(info.stories) == 1 and info.stories[0].name == ""
    assert (tmp_path / "one" / "sources.yaml").is_file()
    assert not analyze_collection(tmp_path / "one", workers=1).multi


@pytest.mark.parametrize("where", corpus.EDIT_PLACES)
def test_edit_article_inserts_a_kept_sentence_in_every_format(tmp_path: Path, bases: list[object], where: str) -> None:
    info = corpus.write_corpus(tmp_path / "s", 40, stories=1, bases=bases)
    before = analyze(tmp_path / "s", workers=1)
    sentence = "Inspectors said on Tuesday that 4,321 damaged footbridges would have to be rebuilt."
    edited = {}
    for article in info.stories[0].articles:
        if article.format not in edited:
            corpus.edit_article(info.path(article), sentence, where)
            edited[article.format] = article.stem
    assert set(edited) == {"txt", "md", "html"}
    report = analyze(tmp_path / "s", workers=1)
    for stem in edited.values():
        article = next(a for a in report.articles if a.id == stem)
        assert sentence in article.text, stem
        claims = [c for c in report.claims if c.source == stem]
        new = next(n for n, c in enumerate(claims) if sentence in c.text)
        if where == "top":  # near the top: most of the article's claims come after it
            old = [c for c in before.claims if c.source == stem]
            assert len(claims) - new > len(old) // 2, (stem, new, len(claims))


def test_edit_article_refuses_an_unknown_place(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x " * 200, encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match="edit place"):
        corpus.edit_article(tmp_path / "a.txt", "New.", "bottom")


def test_refuses_a_folder_that_is_not_empty_and_bad_counts(tmp_path: Path, bases: list[object]) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match="not an empty folder"):
        corpus.write_corpus(tmp_path / "full", 10, bases=bases)
    with pytest.raises(corpus.CorpusError):
        corpus.write_corpus(tmp_path / "zero", 0, bases=bases)
    with pytest.raises(corpus.CorpusError):
        corpus.write_corpus(tmp_path / "many", 5, stories=6, bases=bases)


def test_reword_swaps_only_table_words_and_keeps_capitals() -> None:
    import random

    rng = random.Random(3)
    outs = {corpus.reword("Officials said more than 40 people were hurt.", rng) for _ in range(50)}
    assert "Officials said more than 40 people were hurt." in outs
    assert any(o.startswith("Authorities") for o in outs) and any(" over 40 " in o for o in outs)
    assert all(o.endswith("40 people were hurt.") for o in outs)
    assert corpus.reword("Nothing to change here.", rng) == "Nothing to change here."
