"""render_pages: golden pages for a small two-source story, and invariants every page must keep.

The golden files under tests/golden/ are the exact pages rendered from tests/fixtures/golden-story/.
When a change to extraction or rendering is intended, regenerate them and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from generator.pipeline import analyze
from generator.records import GeneratedPage, Report
from generator.render import (
    CONTRADICTIONS,
    GRID,
    REPORT_JSON,
    SOURCES_INDEX,
    SUMMARY,
    claim_anchors,
    render_pages,
    source_page,
)

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "fixtures" / "golden-story"
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze(STORY)


@pytest.fixture(scope="module")
def pages(report: Report) -> tuple[GeneratedPage, ...]:
    return render_pages(report)


def _diff(expected: str, actual: str, name: str) -> str:
    lines = difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                 fromfile=f"tests/golden/{name}", tofile=f"rendered {name}")
    return "".join(lines)


def test_pages_match_golden(pages: tuple[GeneratedPage, ...]) -> None:
    problems: list[str] = []
    for page in pages:
        golden = GOLDEN / page.path
        if UPDATE:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(page.content.encode("utf-8"))
            continue
        if not golden.is_file():
            problems.append(f"missing golden file tests/golden/{page.path}")
            continue
        expected = golden.read_bytes().decode("utf-8")
        if expected != page.content:
            problems.append(_diff(expected, page.content, page.path))
    hint = "\n(if the change is intended: UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py)"
    assert not problems, "\n".join(problems) + hint


def test_no_stale_golden_files(pages: tuple[GeneratedPage, ...]) -> None:
    rendered = {page.path for page in pages}
    stale = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    stale = [p for p in stale if p not in rendered]
    if UPDATE:
        for name in stale:
            (GOLDEN / name).unlink()
        return
    assert not stale, f"golden files for pages no longer rendered: {stale}"


def _claim_with(report: Report, source: str, words: str) -> str:
    return next(c.id for c in report.claims if c.source == source and words in c.text)


def test_the_story_exercises_every_section(report: Report) -> None:
    """The fixture is only useful as a golden if the pages have something in every section."""
    assert len(report.articles) == 2 and report.skipped == () and report.warnings == ()
    shared = {_claim_with(report, "a_daily", "evacuation of 300"), _claim_with(report, "b_wire", "About 300")}
    assert any(shared <= set(f.claims) for f in report.facts), "the shared figure is not an agreement"
    injured = {_claim_with(report, "a_daily", "Two firefighters"),
               _claim_with(report, "b_wire", "Four firefighters")}
    assert any(c.severity == "conflict" and injured <= set(c.claims) for c in report.contradictions)


def test_destroyed_homes_conflict(report: Report) -> None:
    homes = {_claim_with(report, "a_daily", "14 homes"), _claim_with(report, "b_wire", "22 homes")}
    assert any(c.severity == "conflict" and homes <= set(c.claims) for c in report.contradictions)
    assert not any(homes <= set(f.claims) for f in report.facts)


# --- invariants -----------------------------------------------------------------------------------


def _front_matter(page: GeneratedPage) -> dict[str, object]:
    match = _FRONT_MATTER.match(page.content)
    assert match, f"{page.path}: no front matter"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict), page.path
    return data


def _check_pages(pages: tuple[GeneratedPage, ...]) -> None:
    paths = [page.path for page in pages]
    assert len(paths) == len(set(paths)), "two pages with the same path"
    for page in pages:
        assert page.path and not page.path.startswith("/") and "\\" not in page.path, page.path
        assert ".." not in page.path.split("/"), page.path
        assert posixpath.normpath(page.path) == page.path, page.path
        if page.path.endswith(".md"):
            title = _front_matter(page).get("title")
            assert isinstance(title, str) and title.strip(), page.path


def test_front_matter_and_paths(pages: tuple[GeneratedPage, ...]) -> None:
    _check_pages(pages)
    assert {p.path for p in pages} >= {SUMMARY, SOURCES_INDEX, CONTRADICTIONS, REPORT_JSON}


def test_nav_membership(report: Report, pages: tuple[GeneratedPage, ...]) -> None:
    by_path = {p.path: p for p in pages}
    for article in report.articles:
        assert by_path[source_page(article.id)].in_nav is False
    for path in (SUMMARY, SOURCES_INDEX, CONTRADICTIONS, GRID):
        assert by_path[path].in_nav is True
    assert by_path[REPORT_JSON].in_nav is False
    assert len(pages) == 5 + len(report.articles)


def test_source_pages_anchor_every_claim_and_sentence(report: Report,
                                                      pages: tuple[GeneratedPage, ...]) -> None:
    by_path = {p.path: p.content for p in pages}
    for article in report.articles:
        content = by_path[source_page(article.id)]
        ids = set(re.findall(r'id="([^"]+)"', content))
        anchors = claim_anchors(report.claims)
        for claim in (c for c in report.claims if c.source == article.id):
            assert anchors[claim.id] in ids, claim.id
            assert f"s-{claim.sentence}" in ids, claim.id
        for sentence in report.sentences[article.id]:
            assert f"s-{sentence.index}" in ids


HOSTILE_TEXT = """\
Storm closes ports <script>alert(1)</script> | and more

The storm closed 3 ports on Monday, the coastguard said | not a table cell.

Officials said 1,200 people were moved to shelters [as a precaution](javascript:alert(1)).

*Forecasters* expect winds of 90 km/h on Tuesday, according to the weather service.
"""


def test_hostile_names_and_metadata_stay_inside(tmp_path: Path) -> None:
    """Odd file stems and metadata full of markup still give safe paths and parseable front matter."""
    stems = ["a..b", "Ünïcode Name", "x y#z", "index", "CON"]
    for stem in stems:
        (tmp_path / f"{stem}.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    title = "Key: value # not a comment\n--- \"quoted\" 'single' [a] {b} <b>bold</b> & more"
    sources = {"event": "Storm: \"ports\" --- <i>closed</i>",
               "articles": {stem: {"title": title, "author": "*Name* | [x](y)"} for stem in stems}}
    (tmp_path / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8")
    report = analyze(tmp_path)
    assert len(report.articles) == len(stems) and report.skipped == ()
    pages = render_pages(report)
    _check_pages(pages)
    sources_pages = [p for p in pages if p.path.startswith("sources/") and p.path != SOURCES_INDEX]
    assert len(sources_pages) == len(stems)
    for page in sources_pages:
        assert posixpath.dirname(page.path) == "sources"
        assert "Key: value # not a comment" in str(_front_matter(page)["title"])
    for page in pages:
        if page.path.endswith(".md"):
            assert "<script" not in page.content and "javascript:" not in page.content, page.path
