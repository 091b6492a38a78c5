"""Editor overrides: applied, shown, recorded, and reported when they name what no longer exists."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from generator.errors import SeedError
from generator.overrides import load_overrides
from generator.pipeline import analyze
from generator.render import render_pages
from generator.report import report_data

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", target)
    (target / "overrides.yaml").unlink(missing_ok=True)
    return target


def _write(seeds: Path, text: str) -> None:
    (seeds / "overrides.yaml").write_text(text, encoding="utf-8")


def test_dismissed_contradiction_leaves_the_list_and_is_shown_with_its_note(seeds: Path) -> None:
    target = analyze(seeds).contradictions[0]
    _write(seeds, f"dismiss:\n  - contradiction: {target.id}\n    note: Checked with the outlet; a typo.\n")
    report = analyze(seeds)
    assert target.id not in {c.id for c in report.contradictions}
    assert [(d.contradiction.id, d.note) for d in report.dismissed] == [(target.id, "Checked with the outlet; a typo.")]
    data = report_data(report)
    assert data["dismissed_contradictions"][0]["note"] == "Checked with the outlet; a typo."
    page = next(p for p in render_pages(report) if p.path == "contradictions.md").content
    assert "Dismissed by an editor" in page and "Checked with the outlet; a typo." in html.unescape(page)


def test_same_fact_merges_and_different_facts_splits(seeds: Path) -> None:
    base = analyze(seeds)
    fact = next(f for f in base.facts if len(f.claims) >= 3)
    a, b = fact.claims[0], fact.claims[1]
    _write(seeds, f"different_facts:\n  - claims: [{a}, {b}]\n    note: Different periods.\n")
    split = analyze(seeds)
    assert not any(a in f.claims and b in f.claims for f in split.facts)
    lone = [c.id for c in base.claims if not any(c.id in f.claims for f in base.facts)]
    x = next(c for c in lone if not c.startswith(a.split("/")[0]))
    _write(seeds, f"same_fact:\n  - claims: [{a}, {x}]\n    note: The same deployment.\n")
    merged = analyze(seeds)
    assert any(a in f.claims and x in f.claims for f in merged.facts)


def test_annotation_by_quote_survives_renumbering_and_stale_ids_are_reported(seeds: Path) -> None:
    _write(seeds, "annotate:\n"
                  "  - claim: 004_7dc4cde0666e8d48\n    quote: early 2023\n    note: Likely 2025.\n"
                  "  - claim: 004_7dc4cde0666e8d48/999\n    note: Gone.\n"
                  "  - claim: 000_f436cf13442c594e/1\n    quote: words nobody wrote\n    note: Moved.\n"
                  "dismiss:\n  - contradiction: numeric-00000000\n    note: Old.\n")
    report = analyze(seeds)
    noted = [cid for cid, notes in report.notes.items() if "Likely 2025." in notes]
    assert len(noted) == 1 and "early 2023" in next(c.text for c in report.claims if c.id == noted[0])
    text = "\n".join(report.warnings)
    assert "'004_7dc4cde0666e8d48/999', which no longer exists" in text
    assert "no longer says 'words nobody wrote'" in text
    assert "'numeric-00000000', which no longer exists" in text
    source = next(p for p in render_pages(report) if p.path.startswith("sources/004")).content
    assert "Editor's note:** Likely 2025." in html.unescape(source)


@pytest.mark.parametrize(("text", "message"), [
    ("dismiss:\n  - contradiction: x\n", "a note saying why is required"),
    ("annotate:\n  - claim: a/1\n    note: n\n    colour: red\n", "unknown field 'colour'"),
    ("typo_section: []\n", "unknown section 'typo_section'"),
    ("same_fact:\n  - claims: [a/1]\n    note: n\n", "needs at least two claim ids"),
])
def test_malformed_entries_are_warnings_naming_the_file(tmp_path: Path, text: str, message: str) -> None:
    _write(tmp_path, text)
    warnings = load_overrides(tmp_path).warnings
    assert any(message in w and w.startswith("overrides.yaml") for w in warnings), warnings


def test_unparseable_overrides_are_an_error_and_the_report_still_builds(seeds: Path) -> None:
    _write(seeds, "dismiss: [unclosed\n")
    with pytest.raises(SeedError):
        load_overrides(seeds)
    report = analyze(seeds)
    assert report.claims and any(s.path == "overrides.yaml" for s in report.skipped)
