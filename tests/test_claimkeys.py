"""Stable claim keys: a claim keeps its anchor, and its facts and contradictions keep their ids, when a
paragraph is added above it; so every page that does not show the new words stays byte-identical."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.claimkeys import key_part, stable_keys
from generator.pipeline import analyze
from generator.records import Claim
from generator.render import claim_anchors, render_pages, source_page

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "tests" / "fixtures" / "golden-story"
NEW = "A spokeswoman for the harbour authority said the ferry timetable was unchanged."


def _claim(cid: str, text: str) -> Claim:
    source = cid.rpartition("/")[0]
    return Claim(cid, source, 0, len(text), text, 0, ("assertion",), "x", "self", "affirmed", (), (), (), None, ())


def test_a_key_names_the_source_and_the_words_and_numbers_repeats() -> None:
    claims = [_claim("a/1", "Ten homes burned."), _claim("a/2", "Ten homes burned."), _claim("a/3", "It rained."),
              _claim("b/1", "Ten homes burned.")]
    keys = stable_keys(claims)
    assert keys["a/1"].startswith("a/") and len(key_part(keys["a/1"])) == 8
    assert keys["a/2"] == keys["a/1"] + "-2"  # the same words twice in one source: told apart by order
    assert key_part(keys["b/1"]) == key_part(keys["a/1"]) and keys["b/1"] != keys["a/1"]
    assert len(set(keys.values())) == len(claims)
    renumbered = [_claim("a/1", "A new first sentence."), *(_claim(c.source + f"/{n + 2}", c.text)
                                                             for n, c in enumerate(claims[:3]))]
    moved = stable_keys(renumbered)
    assert [moved[c.id] for c in renumbered[1:]] == [keys[c.id] for c in claims[:3]]


@given(st.lists(st.tuples(st.sampled_from("ab"), st.sampled_from(["x", "y", "z", "x y", "\ud800", ""])),
                max_size=30))
def test_keys_and_anchors_are_unique_and_safe(items: list[tuple[str, str]]) -> None:
    claims = [_claim(f"{source}/{n + 1}", text) for n, (source, text) in enumerate(items)]
    keys = stable_keys(claims)
    assert len(set(keys.values())) == len(claims)
    for anchor in claim_anchors(claims).values():
        assert anchor.startswith("c-") and all(ch.isalnum() or ch == "-" for ch in anchor)


def test_an_edit_at_the_top_of_an_article_changes_only_the_pages_that_show_it(tmp_path: Path) -> None:
    shutil.copytree(STORY, tmp_path / "story")
    before_report = analyze(tmp_path / "story", workers=1)
    before = {p.path: p.content for p in render_pages(before_report)}
    article = tmp_path / "story" / "b_wire.txt"
    lines = article.read_text(encoding="utf-8").split("\n")
    lines.insert(3, f"\n{NEW}\n")  # after the dateline's sentence: every claim below it is renumbered
    article.write_text("\n".join(lines), encoding="utf-8")
    after_report = analyze(tmp_path / "story", workers=1)
    after = {p.path: p.content for p in render_pages(after_report)}

    old_ids = {c.text: c.id for c in before_report.claims if c.source == "b_wire"}
    new_ids = {c.text: c.id for c in after_report.claims if c.source == "b_wire"}
    assert NEW in new_ids and set(new_ids) - {NEW} == set(old_ids)
    assert sum(new_ids[t] != i for t, i in old_ids.items()) >= 4, "the claims below the edit were renumbered"
    old_anchors, new_anchors = claim_anchors(before_report.claims), claim_anchors(after_report.claims)
    assert all(old_anchors[i] == new_anchors[new_ids[t]] for t, i in old_ids.items())
    assert {f.id for f in before_report.facts} == {f.id for f in after_report.facts}
    assert {c.id for c in before_report.contradictions} == {c.id for c in after_report.contradictions}

    changed = {path for path in before if before[path] != after.get(path)}
    # The edited source's page and report.json show the new claim; the summary and the sources index
    # count it. The other source's page, the contradictions and the fact grid link into the edited
    # article below the edit, and are unchanged.
    assert changed == {source_page("b_wire"), "index.md", "sources/index.md", "report.json"}, changed
