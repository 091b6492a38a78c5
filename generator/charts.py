"""Charts: a figure row of the grid → an inline SVG of each source's value, drawn at build time.

Ranges ("10,000 to 12,000") are bars, single values marks, on one shared linear axis, one line per
source. Every label is escaped with ``html_text``; the SVG has no script, no event handler and no
link, so it is safe inside a page built from hostile articles.
"""

from __future__ import annotations

from collections.abc import Sequence

from .escape import html_attr, html_text
from .grid import Row
from .numformat import format_number

WIDTH = 720
LABEL_WIDTH = 330
LABEL_CHARS = 48
LINE_HEIGHT = 26
AXIS_HEIGHT = 28
PAD = 12


def _fmt(x: float) -> str:
    if abs(x) >= 1e9:
        return f"{x / 1e9:g}bn"
    if abs(x) >= 1e6:
        return f"{x / 1e6:g}m"
    return format_number(x)


def figure_chart(row: Row, labels: dict[str, str], order: Sequence[str]) -> str:
    """An SVG of the row's values per source; ``labels`` names each source id, ``order`` sorts them."""
    points = [(s, c) for s in order for c in row.cells.get(s, ()) if c.low is not None and c.high is not None]
    if not points:
        return ""
    lows = [min(c.low, c.high) for _, c in points if c.low is not None and c.high is not None]
    highs = [max(c.low, c.high) for _, c in points if c.low is not None and c.high is not None]
    lo, hi = min(0.0, min(lows)), max(highs)
    span = (hi - lo) or 1.0
    plot = WIDTH - LABEL_WIDTH - 2 * PAD

    def x(v: float) -> float:
        return round(LABEL_WIDTH + PAD + (v - lo) / span * plot, 1)

    height = AXIS_HEIGHT + LINE_HEIGHT * len(points) + PAD
    title = f"{row.label}: values per source"
    parts = [
        f'<svg class="claims-chart" role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-label="{html_attr(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{html_text(title)}</title>",
        f'<line class="axis" x1="{x(lo)}" y1="{AXIS_HEIGHT - 8}" x2="{x(hi)}" y2="{AXIS_HEIGHT - 8}"/>',
    ]
    for tick, anchor in ((lo, "start"), (lo + span / 2, "middle"), (hi, "end")):
        # The end ticks align inwards, so the largest value never runs past the chart's edge.
        parts.append(f'<text class="tick" x="{x(tick)}" y="{AXIS_HEIGHT - 14}" text-anchor="{anchor}">'
                     f"{html_text(_fmt(tick))}</text>")
    for i, (source, cell) in enumerate(points):
        assert cell.low is not None and cell.high is not None
        y = AXIS_HEIGHT + i * LINE_HEIGHT + LINE_HEIGHT / 2
        label = f"{labels[source]}: {cell.value}"
        if len(label) > LABEL_CHARS:
            label = label[: LABEL_CHARS - 1] + "…"
        parts.append(f'<text class="label" x="{LABEL_WIDTH}" y="{y + 4}" text-anchor="end">'
                     f"{html_text(label)}</text>")
        a, b = sorted((cell.low, cell.high))
        if b > a:
            parts.append(f'<rect class="range" x="{x(a)}" y="{y - 6}" width="{max(x(b) - x(a), 2)}" height="12">'
                         f"<title>{html_text(cell.value)}</title></rect>")
        else:
            parts.append(f'<circle class="point" cx="{x(a)}" cy="{y}" r="6"><title>{html_text(cell.value)}</title>'
                         "</circle>")
    parts.append("</svg>")
    return "".join(parts)
