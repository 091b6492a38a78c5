"""Render: Report → GeneratedPages (markdown for MkDocs, plus report.json). Escaping lives here.

Every string that comes from an article or its metadata passes through ``escape`` before it
enters markdown, front matter or a path. Pages link to each other with relative ``.md`` paths
so MkDocs validates every link and anchor in a ``--strict`` build.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from .charts import figure_chart
from .claimkeys import key_part, stable_keys
from .escape import EMPTY_CELL, front_matter, html_attr, internal_link, md_cell, md_link, md_text, page_slug
from .grid import Row, disagreement_rows, fact_rows, figure_rows
from .numformat import format_number
from .records import (
    Article,
    Claim,
    Collection,
    CollectionTotals,
    Contradiction,
    Fact,
    GeneratedPage,
    Quantity,
    Report,
    Story,
    TimeExpr,
)
from .report import REPORT_JSON, collection_index_json, collection_json, collection_totals, report_json

SUMMARY = "index.md"
SOURCES_INDEX = "sources/index.md"
CONTRADICTIONS = "contradictions.md"
GRID = "grid.md"
# Links listed in one cell of a claim table before "and N more": the cell would otherwise name every
# other source of a fact, and a story's source pages would grow with the square of its sources.
MAX_CELL_LINKS = 5
_ANCHOR_JUNK = re.compile(r"[^a-z0-9-]")
KIND_LABELS = {
    "numeric": "Figures", "temporal": "Dates", "title": "Title or office", "polarity": "Asserted and denied",
    "quote": "Quote wording", "assessment": "Opposing assessments", "attribution": "Attribution", "other": "Other",
}


def source_pages(articles: Sequence[Article]) -> dict[str, str]:
    """Page path of every source, unique even if two ids ever had one slug (a "-2" suffix, in id order)."""
    pages: dict[str, str] = {}
    taken: set[str] = set()
    for a in sorted(articles, key=lambda a: a.id):
        path = source_page(a.id)
        n = 2
        while path.casefold() in taken:
            path = source_page(a.id).removesuffix(".md") + f"-{n}.md"
            n += 1
        taken.add(path.casefold())
        pages[a.id] = path
    return pages


def source_page(article_id: str) -> str:
    return f"sources/{page_slug(article_id)}.md"


def claim_anchors(claims: Sequence[Claim]) -> dict[str, str]:
    """The anchor of every claim on its source page: named by its words, not its number (claimkeys.py),
    so a link to a claim survives an edit elsewhere in its article. ``claims``: all of a report's."""
    return {cid: f"c-{key_part(key)}" for cid, key in stable_keys(claims).items()}


def sentence_anchor(index: int) -> str:
    return f"s-{index}"


def fact_anchor(fact_id: str) -> str:
    # Fact ids are slugs already ("fire-night-paint-2c3d4e"); the substitution only guarantees it.
    return "fact-" + _ANCHOR_JUNK.sub("-", fact_id.lower())


def _rel(from_page: str, to_page: str) -> str:
    """``posixpath.relpath(to_page, dirname(from_page))`` for the generator's own page paths (relative,
    no ``.`` or ``..`` parts), without relpath's two ``abspath`` calls: a site has a link per cell."""
    if from_page == to_page:
        return ""
    src = from_page.split("/")[:-1]
    dst = to_page.split("/")
    common = 0
    while common < len(src) and common < len(dst) - 1 and src[common] == dst[common]:
        common += 1
    return "/".join([".."] * (len(src) - common) + dst[common:])


class _Links:
    """Links from one page to claims, sources and contradictions elsewhere in the site."""

    def __init__(self, report: Report, page: str, index: _Index | None = None) -> None:
        self.page = page
        # A story's source pages share one index: building these maps per page would be quadratic.
        self.articles = index.articles if index else {a.id: a for a in report.articles}
        self.pages = index.pages if index else source_pages(report.articles)
        # Links already built from this page's folder (see ``claim``), shared by the pages of one index.
        self._built: dict[tuple[str, ...], str] = index.links if index else {}
        self.anchors = index.anchors if index else claim_anchors(report.claims)
        self._folder = page.rpartition("/")[0]

    def _to(self, label_md: str, target: str, anchor: str | None) -> str:
        path = _rel(self.page, target)
        if not path:
            return f"[{label_md}](#{anchor})" if anchor else label_md
        return internal_link(label_md, path, anchor)

    def source(self, article_id: str, label: str | None = None) -> str:
        a = self.articles[article_id]
        return self._to(md_text(label or a.title), self.pages[article_id], None)

    def claim(self, claim: Claim, label_md: str | None = None) -> str:
        target = self.pages[claim.source]
        if label_md is None and target != self.page:
            # A link to another page depends only on this page's folder and the claim: every source
            # page links to the same claims of a fact, so each link is built once per folder.
            key = ("claim", self._folder, claim.id)
            link = self._built.get(key)
            if link is None:
                link = self._built[key] = self.claim(claim, md_text(source_label(self.articles[claim.source])))
            return link
        label = label_md or md_text(source_label(self.articles[claim.source]))
        return self._to(label, target, self.anchors[claim.id])

    def claim_id(self, claim_id: str, label_md: str) -> str:
        source = claim_id.rpartition("/")[0]
        return self._to(label_md, self.pages[source], self.anchors[claim_id])

    def contradiction(self, c: Contradiction, label_md: str) -> str:
        return self._to(label_md, CONTRADICTIONS, c.id)

    def contradiction_with(self, c: Contradiction, source: str) -> str:
        """To a contradiction, labelled with its severity and the source on the other side; built once
        per folder, like ``claim``: many claims of many source pages meet the same contradictions."""
        key = ("against", self._folder, c.id, c.severity, source)
        link = self._built.get(key) if self.page != CONTRADICTIONS else None
        if link is None:
            link = self._built[key] = self.contradiction(c, md_text(f"{c.severity}: {source}"))
        return link

    def fact(self, fact_id: str, label_md: str) -> str:
        """To the fact's row in the fact grid, which lists every statement of it, source by source."""
        return self._to(label_md, GRID, fact_anchor(fact_id))


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """``1 conflict``, ``2 conflicts``: counts on the pages read as English."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def source_label(a: Article) -> str:
    """A column-sized name for a source: its outlet, else its title cut short."""
    if a.outlet:
        return _short(a.outlet, 32)
    return _short(a.title, 32)


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _quantity_cell(q: Quantity) -> str:
    """The figure as written, then what it was read as: value or range, qualifier, measure."""
    low, high = format_number(q.value_low), format_number(q.value_high)
    value = low if q.value_low == q.value_high else f"{low}–{high}"
    details = [f"{value}{' ' + q.unit if q.unit else ''}"]
    if q.qualifier:
        details.append(q.qualifier)
    if q.out_of is not None:
        details.append(f"out of {format_number(q.out_of)}")
    if q.measure:
        details.append(q.measure)
    return md_text(f"{q.text} ({'; '.join(details)})")


def _entities_cell(c: Claim) -> str:
    seen: dict[str, str] = {}
    for e in c.entities:
        label = f"{e.name} ({e.role})" if e.role else e.name
        if e.name not in seen or e.role:
            seen[e.name] = label
    return "<br>".join(md_text(label) for label in seen.values())


def _time_cell(t: TimeExpr) -> str:
    if not t.resolved:
        return md_text(f"{t.text} → unresolved (no publication date)")
    if t.begin is None or t.end_date is None:
        return md_text(t.text)
    span = f"{t.begin:%Y-%m-%d}" if t.begin == t.end_date else f"{t.begin:%Y-%m-%d} – {t.end_date:%Y-%m-%d}"
    return md_text(f"{t.text} → {span} ({t.granularity})")


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or EMPTY_CELL for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _date(a: Article) -> str:
    return a.published.isoformat() if a.published else "date unknown"


class _Index:
    """Who corroborates and who contradicts each claim.

    A claim table's cells list the first few others and count the rest, so each claim's lists are
    found from tables per fact and per side of a contradiction, without writing them out: written out,
    a contradiction or fact of n claims held n² entries (a 1,000-article story: 9 million, 0.65 GB)."""

    def __init__(self, report: Report) -> None:
        self.articles = {a.id: a for a in report.articles}
        self.pages = source_pages(report.articles)
        self.claims = {c.id: c for c in report.claims}
        self.anchors = claim_anchors(report.claims)
        self.by_source: dict[str, list[Claim]] = defaultdict(list)
        for claim in report.claims:
            self.by_source[claim.source].append(claim)
        self.source = {c.id: c.source for c in report.claims}
        self.facts_of: dict[str, list[Fact]] = defaultdict(list)
        # Per fact: its claims of each source (in fact order), and whether it names each claim once.
        self._fact_by_source: dict[str, dict[str, list[str]]] = {}
        self._no_repeats: set[str] = set()
        for f in report.facts:
            by_source: dict[str, list[str]] = defaultdict(list)
            for cid in f.claims:
                self.facts_of[cid].append(f)
                by_source[self.source[cid]].append(cid)
            self._fact_by_source[f.id] = by_source
            if len(set(f.claims)) == len(f.claims):
                self._no_repeats.add(f.id)
        # Each contradiction with a small key standing for it (equal ones share one): a claim's cell lists
        # each contradiction once, and hashing the whole record for every claim is slow. Per claim, the
        # (key, contradiction, side) of each side it is on, in the report's order.
        keys: dict[Contradiction, int] = {}
        self.sides_of: dict[str, list[tuple[int, Contradiction, int]]] = defaultdict(list)
        for c in report.contradictions:
            key = keys.setdefault(c, len(keys))
            for i, side in enumerate(c.sides):
                for cid in side:
                    self.sides_of[cid].append((key, c, i))
        self._opposite: dict[tuple[int, int], dict[str, list[str]]] = {}
        self.links: dict[tuple[str, ...], str] = {}

    def corroborating(self, claim_id: str, limit: int) -> tuple[list[str], int]:
        """The first ``limit`` claims of other sources that share a fact with this one (each once, in the
        order of its facts and their claims), and how many there are in all."""
        facts = self.facts_of[claim_id]
        mine = self.source[claim_id]
        first: list[str] = []
        if len(facts) == 1 and facts[0].id in self._no_repeats:  # the common case: no claim comes twice
            fact = facts[0]
            total = len(fact.claims) - len(self._fact_by_source[fact.id].get(mine, ()))
            for cid in fact.claims:
                if len(first) == limit:
                    break
                if self.source[cid] != mine:
                    first.append(cid)
            return first, total
        seen: set[str] = set()
        for fact in facts:
            for cid in fact.claims:
                if len(first) == limit:
                    break
                if self.source[cid] != mine and cid not in seen:
                    seen.add(cid)
                    first.append(cid)
        everyone = set().union(*(f.claims for f in facts))
        own = set().union(*(self._fact_by_source[f.id].get(mine, ()) for f in facts))
        return first, len(everyone) - len(own)

    def _opposite_sources(self, key: int, contradiction: Contradiction, side: int) -> dict[str, list[str]]:
        """The claims on the contradiction's other sides, by source (sources in order of first claim)."""
        found = self._opposite.get((key, side))
        if found is None:
            found = self._opposite[(key, side)] = defaultdict(list)
            for i, other in enumerate(contradiction.sides):
                if i != side:
                    for cid in other:
                        found[self.source[cid]].append(cid)
        return found

    def contradicting(self, claim_id: str, limit: int) -> tuple[list[tuple[Contradiction, str]], int]:
        """The first ``limit`` (contradiction, other source) pairs of this claim, each once, in the order of
        the contradictions, their sides and claims; and how many there are in all."""
        memberships = self.sides_of[claim_id]
        on_sides = Counter(key for key, _c, _side in memberships)
        first: list[tuple[Contradiction, str]] = []
        total = 0
        seen: set[tuple[int, str]] = set()
        for key, contradiction, side in memberships:
            opposite = self._opposite_sources(key, contradiction, side)
            if on_sides[key] == 1:  # on one side only: every other claim is another, no pair comes twice
                total += len(opposite)
                for source in opposite:
                    if len(first) == limit:
                        break
                    first.append((contradiction, source))
                continue
            # On two sides of it (or of two equal contradictions): the other sides' claims one by one, this
            # one left out, each source once. Rare, and linear in the contradiction's size.
            for i, other in enumerate(contradiction.sides):
                for cid in other if i != side else ():
                    source = self.source[cid]
                    if cid == claim_id or (key, source) in seen:
                        continue
                    seen.add((key, source))
                    total += 1
                    if len(first) < limit:
                        first.append((contradiction, source))
        return first, total

    def fact_with(self, claim_id: str, other: str) -> str:
        """The first fact in which a claim meets another: where "and N more" sends the reader to see it."""
        return next(f.id for f in self.facts_of[claim_id] if other in f.claims)


def _unindexed(cell: str) -> str:
    """A cell shown but kept out of the search index: lists of other sources would make a search for an
    outlet's name find every claim it corroborates or contradicts."""
    return f"<span data-search-exclude>{cell}</span>" if cell else cell


def _claim_table(report: Report, article: Article, page: str, index: _Index) -> str:
    links = _Links(report, page, index)
    rows = []
    for c in index.by_source.get(article.id, ()):
        number = c.id.rpartition("/")[2]
        others, n_others = index.corroborating(c.id, MAX_CELL_LINKS + 1)
        corroborated = ", ".join(links.claim(index.claims[o]) for o in others[:MAX_CELL_LINKS])
        if n_others > MAX_CELL_LINKS:
            more = md_text(f"and {n_others - MAX_CELL_LINKS} more")
            # The row of the fact that holds the first claim left out (a claim may sit in a content fact and
            # a role fact).
            corroborated += ", " + links.fact(index.fact_with(c.id, others[MAX_CELL_LINKS]), more)
        # One entry per contradiction and source, however many of that source's claims it involves.
        against, n_against = index.contradicting(c.id, MAX_CELL_LINKS + 1)
        contradicted = ", ".join(
            links.contradiction_with(con, source) for con, source in against[:MAX_CELL_LINKS]
        )
        if n_against > MAX_CELL_LINKS:
            more = md_text(f"and {n_against - MAX_CELL_LINKS} more")
            contradicted += ", " + links.contradiction(against[MAX_CELL_LINKS][0], more)
        claim_cell = f"[{md_text(c.text)}](#{sentence_anchor(c.sentence)})"
        for note in report.notes.get(c.id, ()):
            claim_cell += f"<br>**Editor's note:** {md_text(note)}"
        figures = "<br>".join(_quantity_cell(q) for q in c.quantities)
        if c.quantities:  # sort by the number, not by the words around it
            figures += f' {{ data-sort="{c.quantities[0].value_low:g}" }}'
        dates = "<br>".join(_time_cell(t) for t in c.times)
        begins = [t.begin for t in c.times if t.begin is not None]
        if begins:
            dates += f' {{ data-sort="{min(begins).isoformat()}" }}'
        rows.append([
            f'<span id="{index.anchors[c.id]}"></span>{number}',
            claim_cell,
            md_cell(", ".join(c.kinds)),
            md_cell(c.speaker),
            figures,
            dates,
            _entities_cell(c),
            _unindexed(corroborated),
            _unindexed(contradicted),
        ])
    # Numbers sort as numbers even when the first cells of a column are empty ("—").
    header = ["# { data-sort-method=\"number\" }", "Claim (exact words)", "Kind", "Who says it",
              "Figures { data-sort-method=\"number\" }", "Dates", "People, places, bodies",
              "Corroborated by", "Contradicted by"]
    return _table(header, rows)


def _article_text(report: Report, article: Article) -> str:
    """The cleaned text, one paragraph per line, every sentence wrapped in an anchored span."""
    sentences = report.sentences.get(article.id, ())
    text = article.text
    paragraphs: list[str] = []
    current: list[str] = []
    last = 0
    for s in sentences:
        gap = text[last:s.start]
        if "\n" in gap and current:
            paragraphs.append(" ".join(current))
            current = []
        current.append(f'<span class="sentence" id="{sentence_anchor(s.index)}">{md_text(s.text)}</span>')
        last = s.end
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"


def _dropped(article: Article) -> str:
    if not article.dropped:
        return ""
    removed = _count(len(article.dropped), "line")
    lines = [f'??? note "Removed as page furniture ({removed})"', ""]
    for d in article.dropped:
        lines.append(f"    - line {d.line}: {md_text(d.text)} — {md_text(d.reason)}")
    return "\n".join(lines) + "\n"


def render_source(report: Report, article: Article, index: _Index) -> GeneratedPage:
    page = index.pages[article.id]
    meta_rows = [
        ["Outlet", md_cell(article.outlet or "unknown")],
        ["Author", md_cell(article.author or "unknown")],
        ["Published", md_cell(_date(article))],
        ["URL", md_link(md_text(article.url), article.url) if article.url else EMPTY_CELL],
        ["File", md_cell(article.path)],
    ]
    if article.dateline:
        meta_rows.append(["Dateline", md_cell(article.dateline)])
    n_claims = len(index.by_source.get(article.id, ()))
    parts = [
        front_matter(article.title),
        f"# {md_text(article.title)}\n",
        _table(["Source", ""], meta_rows),
        f"## Claims ({n_claims})\n",
        "Each claim is quoted in the article's exact words and links to its sentence below. Click a column "
        "heading to sort; choose a kind or a speaker to filter.\n",
        '<div class="claims-filters"></div>\n',
        _claim_table(report, article, page, index),
        # Out of the search index (Material skips a heading's section marked so): every checkable sentence
        # is already indexed in the claim table, and indexing the whole text again, with the removed
        # furniture, would make the index half as large again and let "Subscribe" find every source.
        "## Article text { data-search-exclude }\n",
        "The cleaned article; every sentence has its own anchor.\n",
        _article_text(report, article),
        _dropped(article),
    ]
    return GeneratedPage(page, "\n".join(p for p in parts if p), in_nav=False)


def _side_cell(report: Report, links: _Links, ids: Sequence[str], claims: dict[str, Claim], side: int) -> str:
    out = []
    for cid in ids:
        c = claims[cid]
        words, speaker = c.text, c.speaker
        if c.stances:
            # The side's own clause and who took that position, not the sentence's main speaker.
            wanted = "affirmed" if side == 0 else "denied"
            stance = next((s for s in c.stances if s.polarity == wanted), None)
            if stance is not None:
                words, speaker = stance.text, stance.speaker
        quoted = words.startswith(("“", '"')) and words.endswith(("”", '"'))
        shown = md_text(_short(words, 400))
        out.append(f"{links.claim(c)} ({md_text(speaker)}): {shown if quoted else f'“{shown}”'}")
    return "<br><br>".join(out)


def render_contradictions(report: Report, index: _Index | None = None) -> GeneratedPage:
    links = _Links(report, CONTRADICTIONS, index)
    claims = {c.id: c for c in report.claims}
    conflicts = [c for c in report.contradictions if c.severity == "conflict"]
    divergent = [c for c in report.contradictions if c.severity == "divergent"]
    parts = [front_matter("Contradictions"), "# Contradictions\n",
             f"{_count(len(conflicts), 'conflict')} (the statements cannot both be true) and "
             f"{_count(len(divergent), 'divergent point')} (they differ, but measure different things, at different "
             "times or by different estimators).\n"]
    for title, group in (("Conflicts", conflicts), ("Divergent", divergent)):
        parts.append(f"## {title}\n")
        if not group:
            parts.append("None found.\n")
        for c in group:
            parts.append(_contradiction_section(report, links, claims, c))
    if report.dismissed:
        parts.append("## Dismissed by an editor\n")
        parts.append("Reported by the analysis, then dismissed in `overrides.yaml`; the editor's note says why.\n")
        for d in report.dismissed:
            parts.append(_contradiction_section(report, links, claims, d.contradiction, note=d.note))
    return GeneratedPage(CONTRADICTIONS, "\n".join(parts))


def _contradiction_section(
    report: Report, links: _Links, claims: dict[str, Claim], c: Contradiction, note: str | None = None
) -> str:
    parts = [f"### {KIND_LABELS[c.kind]}: {md_text(c.topic)} {{ #{c.id} }}\n",
             f"**{c.severity.capitalize()}** · {md_text(c.kind)} — {md_text(c.explanation)}\n"]
    if note is not None:
        parts.append(f"**Dismissed by an editor:** {md_text(note)}\n")
    if len(c.sides) > 2:
        # Several values: one row per value stated, with every statement that states it.
        rows = [[md_text(c.values[k]) if k < len(c.values) else str(k + 1), _side_cell(report, links, side, claims, 0)]
                for k, side in enumerate(c.sides)]
        parts.append(_table(["Wording" if c.kind == "quote" else "Value stated", "Statements"], rows))
    else:
        sides = list(c.sides) if len(c.sides) >= 2 else [c.claims, ()]
        header = ["Says", "Against"] if c.kind == "polarity" else ["One side", "Other side"]
        if len(c.values) == 2 and c.kind in ("numeric", "temporal"):
            header = [f"States {md_text(c.values[0])}", f"States {md_text(c.values[1])}"]
        parts.append(_table(header, [[_side_cell(report, links, sides[0], claims, 0),
                                      _side_cell(report, links, sides[1], claims, 1)]]))
    return "\n".join(parts)


def render_sources_index(report: Report, index: _Index | None = None) -> GeneratedPage:
    links = _Links(report, SOURCES_INDEX, index)
    counts: dict[str, int] = defaultdict(int)
    for c in report.claims:
        counts[c.source] += 1
    rows = [[links.source(a.id), md_cell(a.outlet or "unknown"), md_cell(a.author or "unknown"), md_cell(_date(a)),
             str(counts[a.id])] for a in report.articles]
    body = _table(["Source", "Outlet", "Author", "Published", "Claims"], rows)
    return GeneratedPage(SOURCES_INDEX, f"{front_matter('Sources')}\n# Sources\n\n{body}")


def render_summary(report: Report, in_collection: bool = False, index: _Index | None = None) -> GeneratedPage:
    links = _Links(report, SUMMARY, index)
    claims = {c.id: c for c in report.claims}
    parts = [front_matter("Summary" if not in_collection else report.event), f"# {md_text(report.event)}\n"]
    if in_collection:
        parts.append("[All stories](../index.md) · [Sources](sources/index.md) · "
                     f"[Contradictions]({CONTRADICTIONS}) · [Fact grid]({GRID})\n")
    n_conf = sum(1 for c in report.contradictions if c.severity == "conflict")
    parts.append(f"{_count(len(report.articles), 'source')}, {_count(len(report.claims), 'claim')}, "
                 f"{_count(len(report.facts), 'fact')} stated by more than one source, {_count(n_conf, 'conflict')}. "
                 f"Download the data as {REPORT_JSON} "
                 f"([report.json]({REPORT_JSON})).\n")
    parts.append("## Sources covered\n")
    parts.append(_table(["Source", "Outlet", "Published"],
                        [[links.source(a.id), md_cell(a.outlet or "unknown"), md_cell(_date(a))]
                         for a in report.articles]))
    parts.append("## What the sources agree on\n")
    rows = []
    for f in report.facts:
        # A few statements, the rest in the fact grid: a fact a hundred outlets state would fill the cell
        # (and make the summary grow with the number of claims rather than of facts).
        statements = ", ".join(links.claim(claims[cid]) for cid in f.claims[:MAX_CELL_LINKS])
        if len(f.claims) > MAX_CELL_LINKS:
            statements += ", " + links.fact(f.id, md_text(f"and {len(f.claims) - MAX_CELL_LINKS} more"))
        count = f"{_count(len(f.sources), 'source')} ({f.independent} independent)"
        topic = f'<span id="{fact_anchor(f.id)}"></span>{md_cell(f.topic)}'
        rows.append([topic, md_cell(count), md_text(_short(claims[f.claims[0]].text)), statements])
    parts.append(_table(["Fact", "Stated by", "For example", "Statements"], rows) if rows else "None found.\n")
    parts.append("## Key figures side by side\n")
    figures = figure_rows(report)
    parts.append(_grid_table(report, links, figures, "Measure") if figures else "No figure is given by two sources.\n")
    parts.append(f"The [fact grid]({GRID}) lines up every fact and disagreement the same way.\n")
    parts.append("## Disputed points\n")
    items = [f"- {links.contradiction(c, md_text(f'{KIND_LABELS[c.kind]}: {c.topic}'))} — {c.severity}"
             for c in report.contradictions]
    parts.append("\n".join(items) + "\n" if items else "No disagreements found.\n")
    parts.append("## Claims only one source makes\n")
    in_fact = {cid for f in report.facts for cid in f.claims}
    singles_of: dict[str, list[Claim]] = defaultdict(list)
    for c in report.claims:
        if c.id not in in_fact:
            singles_of[c.source].append(c)
    for a in report.articles:
        singles = singles_of.get(a.id, [])
        if not singles:
            continue
        parts.append(f'??? info "{html_attr(a.title)} ({len(singles)})"\n')
        parts.append("\n".join(f"    - {links.claim(c, md_text(_short(c.text)))}" for c in singles) + "\n")
    if report.overrides:
        parts.append("## Editor overrides\n")
        parts.append("Decisions from `overrides.yaml`, applied to this report:\n")
        parts.append("\n".join(f"- {md_text(o.action.replace('_', ' '))} {md_text(', '.join(o.targets))}: "
                               f"{md_text(o.note)}" for o in report.overrides) + "\n")
    if report.skipped or report.warnings:
        parts.append("## Skipped inputs and warnings\n")
        lines = [f"- Skipped {md_text(s.path)}: {md_text(s.reason)}" for s in report.skipped]
        lines += [f"- Warning: {md_text(w)}" for w in report.warnings]
        parts.append("\n".join(lines) + "\n")
    return GeneratedPage(SUMMARY, "\n".join(parts))


def _grid_table(report: Report, links: _Links, rows: list[Row], first: str) -> str:
    articles = report.articles
    header = [first] + [md_text(source_label(a)) for a in articles]
    body = []
    for row in rows:
        label = md_text(row.label)
        if row.fact is not None:
            label = f'<span id="{fact_anchor(row.fact)}"></span>{label}'
        if row.contradiction is not None:
            label = links.contradiction(next(c for c in report.contradictions if c.id == row.contradiction),
                                        md_text(f"{row.label} ({row.kind})"))
        cells = ["<br>".join(links.claim_id(cell.claim, md_text(cell.value)) for cell in row.cells.get(a.id, ()))
                 for a in articles]
        body.append([label, *cells])
    return _table(header, body)


def render_grid(report: Report, index: _Index | None = None) -> GeneratedPage:
    links = _Links(report, GRID, index)
    parts = [front_matter("Fact grid"), "# Fact grid\n",
             "One row per fact or measure, one column per source; each cell is that source's value, linked to "
             "the sentence it comes from. An empty cell means the source does not say.\n"]
    sections = (("Figures", figure_rows(report), "Measure"),
                ("Disagreements", disagreement_rows(report), "Disputed point"),
                ("Facts stated by several sources", fact_rows(report), "Fact"))
    labels = {a.id: source_label(a) for a in report.articles}
    order = [a.id for a in report.articles]
    # The grid restates, source by source, claims that are indexed on their source pages: out of the
    # search index (Material skips the section of a heading marked so), or every search hits it twice.
    for title, rows, first in sections:
        parts.append(f"## {title} {{ data-search-exclude }}\n")
        parts.append(_grid_table(report, links, rows, first) if rows else "None.\n")
        if title == "Figures":
            for row in rows:
                if chart := figure_chart(row, labels, order):
                    parts.append(f"### {md_text(row.label)} {{ data-search-exclude }}\n\n{chart}\n")
    return GeneratedPage(GRID, "\n".join(parts))


def render_pages(report: Report, prefix: str = "", data: str | None = None) -> tuple[GeneratedPage, ...]:
    """Every generated page of one story, plus its report.json (``data`` when given), in a stable order.
    With a ``prefix`` (a story of a collection) every path moves under it; links are relative, so they
    still hold."""
    index = _Index(report)
    pages = [render_summary(report, in_collection=bool(prefix), index=index), render_sources_index(report, index),
             render_contradictions(report, index), render_grid(report, index)]
    pages += [render_source(report, a, index) for a in report.articles]
    pages.append(GeneratedPage(REPORT_JSON, report_json(report) if data is None else data, in_nav=False))
    if not prefix:
        return tuple(pages)
    return tuple(GeneratedPage(f"{prefix}/{p.path}", p.content, in_nav=False) for p in pages)


def _span(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return "dates unknown"
    return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def render_story_index(totals: CollectionTotals) -> GeneratedPage:
    rows = []
    for story in totals.stories:
        link = internal_link(md_text(story.event), f"{story.slug}/{SUMMARY}")
        dates = md_cell(_span(story.first_published, story.last_published))
        rows.append([link, dates, str(story.articles), str(story.conflicts), str(story.skipped)])
    parts = [front_matter("Stories"), "# Stories\n",
             f"{_count(len(totals.stories), 'story', 'stories')}; claims are lined up and compared only "
             "within a story.\n",
             _table(["Story", "Dates", "Sources", "Conflicts", "Skipped"], rows)]
    if totals.warnings:
        parts.append("## Warnings\n")
        parts.append("\n".join(f"- {md_text(w)}" for w in totals.warnings) + "\n")
    parts.append(f"The data: [report.json]({REPORT_JSON}) lists the stories; each story's report.json holds its "
                 "sources, claims, agreements and contradictions.\n")
    return GeneratedPage(SUMMARY, "\n".join(parts))


def render_index(totals: CollectionTotals) -> tuple[GeneratedPage, ...]:
    """A collection's own pages, the story index and its report.json; none for a single story."""
    if not totals.multi:
        return ()
    return render_story_index(totals), GeneratedPage(REPORT_JSON, collection_index_json(totals), in_nav=False)


def render_story(story: Story, multi: bool, warnings: tuple[str, ...] = ()) -> tuple[GeneratedPage, ...]:
    """One story's pages: at the top of the site for a single story (its report.json then carries the
    collection's ``warnings`` too), under the story's folder in a collection."""
    if not multi:
        return render_pages(story.report, data=collection_json(Collection((story,), False, warnings)))
    return render_pages(story.report, prefix=story.slug)


def render_collection(collection: Collection) -> tuple[GeneratedPage, ...]:
    """The whole site: one story's pages, or a story index with each story's pages in its folder."""
    pages = list(render_index(collection_totals(collection)))
    for story in collection.stories:
        pages.extend(render_story(story, collection.multi, collection.warnings))
    return tuple(pages)


def navigation(collection: Collection | CollectionTotals) -> list[dict[str, str]]:
    """The generated part of the site navigation; source pages stay out of it (listed on index pages)."""
    if collection.multi:
        return [{"Stories": SUMMARY}]
    return [{"Summary": SUMMARY}, {"Sources": SOURCES_INDEX}, {"Contradictions": CONTRADICTIONS}, {"Fact grid": GRID}]
