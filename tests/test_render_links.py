"""Links between generated pages: the fast relative path agrees with posixpath.relpath, a story's page map
is built once per story, and a claim-table cell or a fact's row on the summary names at most a few other
sources (then "and N more", linked to the fact's row in the fact grid, which lists every statement), so
neither the work nor the pages grow with the square of a story's sources."""

from __future__ import annotations

import posixpath
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import generator.render as render
from generator.bench import perturb
from generator.pipeline import analyze
from generator.records import Report
from generator.render import MAX_CELL_LINKS, _rel, fact_anchor, render_pages

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "tests" / "fixtures" / "golden-story"

# Page paths as the renderer makes them: slug folders, then a file name with an extension.
_FOLDER = st.sampled_from(["a", "b", "sources", "s0001-quake-toll-1a2b"])
_FILE = st.sampled_from(["index.md", "x.md", "grid.md", "report.json"])
_PAGE = st.tuples(st.lists(_FOLDER, max_size=3), _FILE).map(lambda p: "/".join([*p[0], p[1]]))


@given(_PAGE, _PAGE)
def test_rel_agrees_with_relpath(from_page: str, to_page: str) -> None:
    expected = "" if from_page == to_page else posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    assert _rel(from_page, to_page) == expected


def test_rel_examples() -> None:
    assert _rel("index.md", "sources/a-1.md") == "sources/a-1.md"
    assert _rel("sources/a-1.md", "contradictions.md") == "../contradictions.md"
    assert _rel("s1/sources/a-1.md", "s1/sources/b-2.md") == "b-2.md"
    assert _rel("s1/sources/a-1.md", "s1/index.md") == "../index.md"
    assert _rel("s1/grid.md", "s1/grid.md") == ""
    assert _rel("s1/index.md", "index.md") == "../index.md"


def test_source_page_map_is_built_once_per_story(monkeypatch: pytest.MonkeyPatch) -> None:
    report = analyze(STORY, workers=1)
    expected = render_pages(report)
    calls: list[int] = []
    real = render.source_pages

    def counting(articles: object) -> dict[str, str]:
        calls.append(1)
        return real(articles)  # type: ignore[arg-type]

    monkeypatch.setattr(render, "source_pages", counting)
    assert render_pages(report) == expected
    assert len(report.articles) > 1 and len(calls) == 1


@pytest.fixture(scope="module")
def crowded_story(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """Twelve outlets with the same article, half of them with every other figure changed: each fact has
    twelve sources and each figure contradiction six on a side."""
    folder = tmp_path_factory.mktemp("crowded")
    text = (ROOT / "seeds" / "000_f436cf13442c594e.txt").read_text(encoding="utf-8")
    rng = random.Random(1)
    for i in range(12):
        body = text if i < 6 else perturb(text, rng, dates=False)
        (folder / f"outlet{i:02d}.txt").write_text(body, encoding="utf-8")
    return analyze(folder, workers=1)


def _cells(page: str, column: int) -> list[str]:
    return [row.split(" | ")[column] for row in page.splitlines() if row.startswith('| <span id="c-')]


def test_claim_table_cells_list_a_bounded_number_of_links(crowded_story: Report) -> None:
    pages = {p.path: p.content for p in render_pages(crowded_story)}
    grid = pages["grid.md"]
    sources = [page for path, page in pages.items() if path.startswith("sources/outlet")]
    assert len(sources) == 12
    corroborated = [c for page in sources for c in _cells(page, 7)]
    contradicted = [c for page in sources for c in _cells(page, 8)]
    assert any("conflict" in c or "divergent" in c for c in contradicted)
    for cell in corroborated + contradicted:
        assert cell.count("](") <= MAX_CELL_LINKS + 1, cell
    more = [c for c in corroborated if "and 6 more" in c]
    assert more, "a claim with eleven corroborating sources names five and says how many more"
    for cell in more:
        anchor = cell.rsplit("](../grid.md#", 1)[1].split(")", 1)[0]
        assert f'<span id="{anchor}"></span>' in grid
    # one entry per contradiction and source, never the same source twice for one contradiction
    for cell in contradicted:
        entries = [e for e in cell.split(", ") if not e.startswith("[and ")]
        assert len(entries) == len(set(entries)), cell


def _fact_rows(page: str) -> dict[str, str]:
    """Each fact's table row on a page, by its anchor."""
    return {row.split('"', 2)[1]: row for row in page.splitlines() if row.startswith('| <span id="fact-')}


def test_summary_lists_a_few_statements_of_a_fact_and_the_grid_all_of_them(crowded_story: Report) -> None:
    pages = {p.path: p.content for p in render_pages(crowded_story)}
    summary, grid = _fact_rows(pages["index.md"]), _fact_rows(pages["grid.md"])
    anchors = render.claim_anchors(crowded_story.claims)
    crowded = [f for f in crowded_story.facts if len(f.claims) > MAX_CELL_LINKS]
    assert crowded and len(summary) == len(crowded_story.facts)
    for f in crowded_story.facts:
        anchor = fact_anchor(f.id)
        statements = summary[anchor].rsplit(" | ", 1)[1]
        shown = min(len(f.claims), MAX_CELL_LINKS)
        assert statements.count("](sources/") == shown, statements
        if len(f.claims) > MAX_CELL_LINKS:
            assert f"[and {len(f.claims) - MAX_CELL_LINKS} more](grid.md#{anchor})" in statements
        else:
            assert "more" not in statements
        row = grid[anchor]  # every statement of the fact, each linked to its claim
        for cid in f.claims:
            assert f"{render.page_slug(cid.rpartition('/')[0])}.md#{anchors[cid]})" in row, cid
        assert len(f.claims) == row.count("](sources/"), row


def test_fact_anchor_is_a_safe_fragment() -> None:
    assert fact_anchor("fire-night-paint-cd197f") == "fact-fire-night-paint-cd197f"
    assert fact_anchor('x"><script>') == "fact-x---script-"


def test_and_more_leads_to_a_fact_that_holds_the_first_claim_left_out(crowded_story: Report) -> None:
    from generator.render import _Index

    index = _Index(crowded_story)
    facts = {f.id: f for f in crowded_story.facts}
    checked = 0
    for cid in {c for f in crowded_story.facts for c in f.claims}:
        others, total = index.corroborating(cid, MAX_CELL_LINKS + 1)
        if total > MAX_CELL_LINKS:
            hidden = others[MAX_CELL_LINKS]
            fact = facts[index.fact_with(cid, hidden)]
            assert cid in fact.claims and hidden in fact.claims
            checked += 1
    assert checked
