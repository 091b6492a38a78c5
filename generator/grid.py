"""Grid: Report → rows of one fact or measure each, with every source's value in its own column.

Three kinds of row, all pointing at claims so every cell links to its sentence:

- *figures*: one row per measure (what is counted and what happened to it) that two or more
  sources give a number for — the key figures side by side, agreeing or not;
- *facts*: one row per fact stated by two or more sources, each cell that source's words for it
  (its figure or date when it has one);
- *disagreements*: one row per contradiction, each cell that source's side.

A source that is silent on a row has an empty cell.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .records import Claim, Contradiction, Quantity, Report


@dataclass(frozen=True, slots=True)
class Cell:
    claim: str  # claim id the value comes from
    value: str  # what to show: the figure or date as written, or a short form of the claim
    low: float | None = None  # the number(s) written, for figure cells: a point when low == high
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    kind: str  # "figure" | "fact" | "conflict" | "divergent"
    cells: dict[str, tuple[Cell, ...]]  # by source id
    contradiction: str | None = None  # id, for disagreement rows
    fact: str | None = None  # id, for fact rows: the row lists every statement of the fact


def _measure_label(q: Quantity) -> str | None:
    if q.measure and q.counted and q.measure != q.counted:
        return q.measure + (f" ({q.unit})" if q.unit else "")
    return None


def figure_rows(report: Report) -> list[Row]:
    """Measures that at least two sources give a figure for."""
    cells: dict[str, dict[str, list[Cell]]] = defaultdict(lambda: defaultdict(list))
    for c in report.claims:
        for q in c.quantities:
            label = _measure_label(q)
            if label is not None and q.out_of is None:
                cells[label][c.source].append(Cell(c.id, q.text, q.value_low, q.value_high))
    rows = [
        Row(label, "figure", {s: tuple(v) for s, v in by_source.items()})
        for label, by_source in cells.items()
        if len(by_source) >= 2
    ]
    rows.sort(key=lambda r: (-len(r.cells), r.label))
    return rows


def _value(c: Claim) -> str:
    """A claim's value in a grid cell: its figures, else its opening words."""
    if c.quantities:
        return "; ".join(q.text for q in c.quantities)
    words = c.text.split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def fact_rows(report: Report) -> list[Row]:
    claims = {c.id: c for c in report.claims}
    rows: list[Row] = []
    for f in report.facts:
        by_source: dict[str, list[Cell]] = defaultdict(list)
        for cid in f.claims:
            by_source[claims[cid].source].append(Cell(cid, _value(claims[cid])))
        rows.append(Row(f.topic, "fact", {s: tuple(v) for s, v in by_source.items()}, fact=f.id))
    return rows


def _side_value(c: Claim, con: Contradiction, side: int) -> str:
    if con.values:
        return con.values[side]
    if c.stances:
        wanted = "affirmed" if side == 0 else "denied"
        return next((s.text for s in c.stances if s.polarity == wanted), c.text)
    if con.kind == "title":
        return "; ".join(f"{e.role} {e.name}" for e in c.entities if e.role) or _value(c)
    if con.kind == "temporal" and c.times:
        return "; ".join(t.text for t in c.times)
    return _value(c)


def disagreement_rows(report: Report) -> list[Row]:
    claims = {c.id: c for c in report.claims}
    rows: list[Row] = []
    for con in report.contradictions:
        by_source: dict[str, list[Cell]] = defaultdict(list)
        for side, ids in enumerate(con.sides):
            for cid in ids:
                cell = Cell(cid, _side_value(claims[cid], con, side))
                if cell not in by_source[claims[cid].source]:
                    by_source[claims[cid].source].append(cell)
        rows.append(Row(con.topic, con.severity, {s: tuple(v) for s, v in by_source.items()}, con.id))
    return rows
