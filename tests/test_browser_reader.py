"""The repository's own report read in headless Chromium, the way a journalist would use it.

The site is built once from this repository's mkdocs.yml and seeds/ (conftest.py ``repo_site``),
served from 127.0.0.1 and opened in Debian's Chromium through Playwright. A reader searches it
(Material search, typed key by key), sorts and filters the claim tables, follows a claim to its
sentence, reads the contradictions side by side and the fact grid's charts, and switches between
the light and dark palettes. What the pages should show is worked out from the site's own
report.json, so the tests follow the analysis when it changes instead of pinning today's output.

Every request of every test goes through one ``RequestLog`` (tests/browser.py): anything not to
127.0.0.1 is aborted and recorded, and the last test asserts that nothing was, that no
same-origin request failed and that no script raised. Full-page screenshots of the summary, a
source page, the contradictions page and the fact grid go to test-artifacts/screenshots/ for a
person to look at.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import pytest
from browser import ROOT, Node, RequestLog, parse_html, record_requests
from conftest import BuiltSite

from generator.render import claim_anchors, source_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page, ViewportSize

TIMEOUT_MS = 5000
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
VIEWPORT: ViewportSize = {"width": 1280, "height": 900}
FIGURE_TERM = "4,000"
# People quoted in the seeds; the test uses whichever of them the analysis names as a speaker.
SPEAKER_TERMS = ("Syrskyi", "Gerasimov")
CLAIM_TABLE_HEADER = "Claim (exact words)"
# The page is set up: Material's header is there, and claims.js has filled the claim filters (if any).
_READY = """() => document.querySelector(".md-search__input") !== null
  && (document.querySelector(".claims-filters") === null
      || document.querySelector(".claims-filters select") !== null)"""
# Rows of the claim table as the reader sees them: number, visibility and every cell's text.
_ROWS = """table => [...table.tBodies[0].rows].map(tr => ({
  id: (tr.querySelector("span[id^='c-']") || {id: ""}).id,
  shown: tr.getClientRects().length > 0,
  cells: [...tr.cells].map(td => td.textContent.trim()),
  sort: [...tr.cells].map(td => td.getAttribute("data-sort")),
}))"""
_STYLE = """el => { const s = getComputedStyle(el);
  return {outline: s.outlineStyle + " " + s.outlineWidth, background: s.backgroundColor}; }"""


@dataclass
class Reader:
    page: Page
    base: str
    site: Path
    report: dict[str, Any]
    _anchors: dict[str, str] = field(default_factory=dict)

    def url(self, rel: str) -> str:
        return urljoin(self.base, rel)

    def open(self, rel: str) -> None:
        self.page.goto(self.url(rel), wait_until="load")
        # Material and claims.js set up the page from the document$ observable after load.
        self.page.wait_for_function(_READY)

    def source_url(self, source_id: str) -> str:
        """Site-relative URL of a source page (``sources/<slug>/``)."""
        return source_page(source_id).removesuffix(".md") + "/"

    def claims_of(self, source_id: str) -> list[dict[str, Any]]:
        return [c for c in self.report["claims"] if c["source"] == source_id]

    def anchor(self, claim_id: str) -> str:
        """The claim's anchor on its source page, named by its words (generator.claimkeys)."""
        if not self._anchors:
            claims = [SimpleNamespace(id=c["id"], source=c["source"], text=c["text"]) for c in self.report["claims"]]
            self._anchors.update(claim_anchors(claims))  # type: ignore[arg-type]
        return self._anchors[claim_id]


@pytest.fixture(scope="module")
def report(repo_site: BuiltSite) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((repo_site.site / "report.json").read_text("utf-8"))
    assert data["claims"] and data["sources"], "the repository's report has no claims"
    return data


@pytest.fixture(scope="module")
def requests_log() -> RequestLog:
    """One log for the whole module; the last test asserts it is clean."""
    return RequestLog()


@pytest.fixture
def reader(
    chromium: Browser, repo_url: str, repo_site: BuiltSite, report: dict[str, Any], requests_log: RequestLog
) -> Iterator[Reader]:
    context = chromium.new_context(
        viewport=VIEWPORT, color_scheme="light", service_workers="block", accept_downloads=False
    )
    context.set_default_timeout(TIMEOUT_MS)
    record_requests(context, requests_log)
    page = context.new_page()
    try:
        yield Reader(page, repo_url, repo_site.site, report)
    finally:
        context.close()


def _claim_table(page: Page) -> Locator:
    return page.locator("article table", has=page.locator("thead th", has_text=CLAIM_TABLE_HEADER)).first


def _headers(table: Locator) -> list[str]:
    return [h.strip() for h in table.locator("thead th").all_text_contents()]


def _rows(table: Locator) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = table.evaluate(_ROWS)
    return rows


def _busiest_source(reader: Reader) -> str:
    """The source with the most claims (ties: the first id), so sorting and filtering have work to do."""
    counts: Counter[str] = Counter(c["source"] for c in reader.report["claims"])
    return min(counts, key=lambda s: (-counts[s], s))


# --- search ------------------------------------------------------------------------------------


def _search(reader: Reader, term: str, wanted: set[str]) -> dict[str, str]:
    """Type ``term`` into Material's search; page path -> text of its visible result item.

    Material answers from a web worker while the query is typed, so the results are polled until
    every page in ``wanted`` is listed (or TIMEOUT_MS passes and the caller's assertion reports).
    """
    page = reader.page
    reader.open("")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(term, delay=20)
    found: dict[str, str] = {}
    for _ in range(TIMEOUT_MS // 100):
        items = page.locator(".md-search-result__item:visible")
        found = {}
        for i in range(items.count()):
            item = items.nth(i)
            href = item.locator("a.md-search-result__link").first.get_attribute("href") or ""
            found[urlsplit(urljoin(page.url, href)).path] = item.text_content() or ""
        if wanted <= found.keys():
            break
        page.wait_for_timeout(100)
    return found


def test_search_for_a_figure_lists_the_casualty_claims(reader: Reader) -> None:
    claims = [c for c in reader.report["claims"] if FIGURE_TERM in c["text"]]
    assert claims, f"no claim in the report quotes {FIGURE_TERM}"
    wanted = {"/" + reader.source_url(c["source"]) for c in claims}
    found = _search(reader, FIGURE_TERM, wanted)
    missing = wanted - found.keys()
    assert not missing, f"search for {FIGURE_TERM!r} lists {sorted(found)}, not the source pages {sorted(missing)}"
    for path in wanted:
        assert FIGURE_TERM in found[path], (path, found[path][:300])
    # Following a source page's result leads to the casualty claim, with the query highlighted there.
    path = min(wanted)
    # The section result (not the bare page title) carries the query in ?h=, for search.highlight.
    reader.page.locator(
        f".md-search-result__item:visible a.md-search-result__link[href*='{path}'][href*='#']"
    ).first.click()
    reader.page.wait_for_function("path => location.pathname === path", arg=path)
    reader.page.wait_for_function(_READY)
    table = _claim_table(reader.page)
    assert FIGURE_TERM in (table.text_content() or "")
    assert table.locator("mark", has_text=FIGURE_TERM).count() >= 1


def test_search_for_a_speaker_lists_their_claims(reader: Reader) -> None:
    page = reader.page
    searched = 0
    for term in SPEAKER_TERMS:
        theirs = [c for c in reader.report["claims"] if term in c["speaker"]]
        if not theirs:
            continue
        searched += 1
        by_source = Counter(c["source"] for c in theirs)
        wanted = {"/" + reader.source_url(s) for s in by_source}
        found = _search(reader, term, wanted)
        missing = wanted - found.keys()
        assert not missing, f"search for {term!r} lists {sorted(found)}, not the source pages {sorted(missing)}"
        for path in wanted:
            assert term in found[path], (term, path, found[path][:300])
        # Follow the result to the source page and filter its claims by the speaker: theirs, and only theirs.
        source = min(by_source)
        path = "/" + reader.source_url(source)
        page.locator(".md-search-result__item:visible").filter(
            has=page.locator(f"a.md-search-result__link[href*='{path}']")
        ).first.locator("a.md-search-result__link").first.click()
        page.wait_for_function("path => location.pathname === path", arg=path)
        page.wait_for_function(_READY)
        speaker = next(c["speaker"] for c in theirs if c["source"] == source)
        page.locator(".claims-filter", has_text="Who says it").locator("select").select_option(value=speaker)
        rows = _rows(_claim_table(page))
        who = _headers(_claim_table(page)).index("Who says it")
        shown = [r for r in rows if r["shown"]]
        expected = {reader.anchor(c["id"]) for c in reader.claims_of(source) if c["speaker"] == speaker}
        assert {r["id"] for r in shown} == expected
        assert all(r["cells"][who] == speaker for r in shown)
    assert searched, f"no claim in the report is attributed to any of {SPEAKER_TERMS}"


# --- claim tables ------------------------------------------------------------------------------


def _sorted_by(table: Locator, header: str, order: str) -> list[dict[str, Any]]:
    """Click a header (until tablesort reports ``order``) and return the rows in their new order."""
    th = table.locator("thead th").filter(has_text=re.compile(rf"^\s*{re.escape(header)}\s*$"))
    for _ in range(2):
        th.click()
        if th.get_attribute("aria-sort") == order:
            return _rows(table)
    raise AssertionError(f"{header}: aria-sort is {th.get_attribute('aria-sort')!r}, never {order!r}")


def test_claim_table_sorts_by_header_click(reader: Reader) -> None:
    source = _busiest_source(reader)
    n = len(reader.claims_of(source))
    assert n >= 10, "the busiest source needs 10 claims for '10' vs '2' to tell numeric from text order"
    reader.open(reader.source_url(source))
    table = _claim_table(reader.page)
    headers = _headers(table)
    before = [r["id"] for r in _rows(table)]
    assert before == [reader.anchor(c["id"]) for c in reader.claims_of(source)], "claims are listed in article order"

    who = headers.index("Who says it")
    rows = _sorted_by(table, "Who says it", "ascending")
    keys = [r["cells"][who].lower() for r in rows]
    assert keys == sorted(keys)
    assert [r["id"] for r in rows] != before, "sorting by speaker left the rows in article order"
    rows = _sorted_by(table, "Who says it", "descending")
    keys = [r["cells"][who].lower() for r in rows]
    assert keys == sorted(keys, reverse=True)

    claim = headers.index(CLAIM_TABLE_HEADER)
    keys = [r["cells"][claim].lower() for r in _sorted_by(table, CLAIM_TABLE_HEADER, "ascending")]
    assert keys == sorted(keys)

    # The number column sorts as numbers: 1, 2, ... 10, not 1, 10, 11, 2.
    numbers = [int(r["cells"][0]) for r in _sorted_by(table, "#", "ascending")]
    assert numbers == list(range(1, n + 1))
    numbers = [int(r["cells"][0]) for r in _sorted_by(table, "#", "descending")]
    assert numbers == list(range(n, 0, -1))


def _figure_sort_page(reader: Reader) -> str:
    """A source whose Figures column holds values that text order puts wrong ("10000" before "4000"),
    read from the built page (the data-sort values the renderer wrote)."""
    sources: set[str] = {c["source"] for c in reader.report["claims"]}
    for source in sorted(sources):
        html = (reader.site / reader.source_url(source) / "index.html").read_text("utf-8")
        table = next(
            t
            for t in parse_html(html).root.find_all("table")
            if CLAIM_TABLE_HEADER in [th.text() for th in t.find_all("th")]
        )
        col = [th.text() for th in table.find_all("th")].index("Figures")
        cells = [[c for c in tr.children if isinstance(c, Node) and c.tag == "td"] for tr in table.find_all("tr")]
        keys = [row[col].attr("data-sort") for row in cells if row]
        values = [float(k) for k in keys if k]
        if len(set(values)) >= 2 and [float(k) for k in sorted(k for k in keys if k)] != sorted(values):
            return source
    pytest.fail("no source has two figures whose text order differs from their numeric order")


def test_figures_column_sorts_by_number(reader: Reader) -> None:
    source = _figure_sort_page(reader)
    reader.open(reader.source_url(source))
    table = _claim_table(reader.page)
    col = _headers(table).index("Figures")
    for order in ("ascending", "descending"):
        values = [float(r["sort"][col]) for r in _sorted_by(table, "Figures", order) if r["sort"][col]]
        assert len(values) >= 2
        assert values == sorted(values, reverse=order == "descending"), (order, values)


def _filter(page: Page, label: str, value: str) -> None:
    page.locator(".claims-filter", has_text=label).locator("select").select_option(value=value)


def _shown(page: Page) -> tuple[set[str], str]:
    rows = _rows(_claim_table(page))
    count = page.locator(".claims-filter-count").first.text_content() or ""
    return {r["id"] for r in rows if r["shown"]}, count.strip()


def test_claim_table_filters_by_kind_and_speaker(reader: Reader) -> None:
    page = reader.page
    source = _busiest_source(reader)
    claims = reader.claims_of(source)
    total = len(claims)
    reader.open(reader.source_url(source))
    options = {
        label: page.locator(".claims-filter", has_text=label).locator("option").all_text_contents()
        for label in ("Kind", "Who says it")
    }
    kinds = Counter(k for c in claims for k in c["kind"])
    speakers = Counter(c["speaker"] for c in claims)
    assert options["Kind"] == ["all", *sorted(kinds)]
    assert options["Who says it"] == ["all", *sorted(speakers)]
    assert _shown(page) == ({reader.anchor(c["id"]) for c in claims}, f"{total} of {total} claims")

    def ids(kind: str | None, speaker: str | None) -> set[str]:
        return {
            reader.anchor(c["id"])
            for c in claims
            if (kind is None or kind in c["kind"]) and (speaker is None or c["speaker"] == speaker)
        }

    # The commonest kind and speaker that do not cover every claim, so each filter hides something.
    kind = next(k for k, n in kinds.most_common() if n < total)
    speaker = next(s for s, n in speakers.most_common() if n < total)
    steps: list[tuple[str | None, str | None]] = [(kind, None), (kind, speaker), (None, speaker), (None, None)]
    for k, s in steps:
        _filter(page, "Kind", k or "")
        _filter(page, "Who says it", s or "")
        expected = ids(k, s)
        assert _shown(page) == (expected, f"{len(expected)} of {total} claims"), (k, s)
    assert 0 < len(ids(kind, None)) < total and len(ids(None, speaker)) < total


# --- from a claim to its sentence ----------------------------------------------------------------


# True once the element has kept the same place for three animation frames, inside the viewport.
_SETTLED = """id => new Promise(done => {
  const el = document.getElementById(id), seen = [];
  const step = () => {
    seen.push(el.getBoundingClientRect().top);
    if (seen.length < 3) return requestAnimationFrame(step);
    const [a, b, c] = seen.slice(-3);
    done(a === b && b === c && c >= 0 && c + 20 <= innerHeight);
  };
  requestAnimationFrame(step);
})"""


def _assert_highlighted(page: Page, anchor: str, shown: Locator, other: Locator) -> None:
    """``#anchor`` is the :target; ``shown`` (it or its row) is outlined and in view, unlike ``other``."""
    # By id, not by element handle: Material may swap the article's nodes while it follows the link.
    page.wait_for_function("id => (document.querySelector(':target') || {}).id === id", arg=anchor)
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # conftest reports a missing playwright

    # The jump may be animated: wait until the anchor sits below the header, its first line on screen.
    try:
        page.wait_for_function(_SETTLED, arg=anchor)
    except PlaywrightTimeout:
        pytest.fail(f"#{anchor} never came to rest in view: {shown.bounding_box()}")
    lit, plain = shown.evaluate(_STYLE), other.evaluate(_STYLE)
    assert lit != plain, (lit, plain)
    assert lit["outline"].startswith("solid"), lit
    assert plain["outline"].startswith("none"), plain
    box = shown.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= VIEWPORT["height"], box


def test_claim_link_lands_on_its_highlighted_sentence(reader: Reader) -> None:
    page = reader.page
    source = _busiest_source(reader)
    claims = reader.claims_of(source)
    claim = claims[len(claims) * 3 // 4]  # far enough down that its sentence starts off-screen
    reader.open(reader.source_url(source))
    anchor = f"s-{claim['sentence']}"
    target = page.locator(f"span.sentence#{anchor}")
    start = target.bounding_box()
    assert start is not None and start["y"] > VIEWPORT["height"], "the sentence is already on screen"

    row = _claim_table(page).locator("tbody tr").filter(has=page.locator(f"span#{reader.anchor(claim['id'])}"))
    # Material's instant navigation makes every href absolute: match the fragment at the end.
    link = row.locator(f"a[href$='#{anchor}']")
    assert " ".join((link.text_content() or "").split()) == " ".join(claim["text"].split())
    link.click()
    page.wait_for_function("hash => location.hash === hash", arg=f"#{anchor}")
    assert claim["text"].split()[0] in (target.text_content() or "")
    other = page.locator(f"span.sentence:not(#{anchor})").first
    _assert_highlighted(page, anchor, target, other)


def test_statement_link_on_another_page_lands_on_its_claim_row(reader: Reader) -> None:
    """From the contradictions page to a source page: the claim's row is scrolled to and outlined."""
    page = reader.page
    reader.open("contradictions/")
    link = page.locator("article table a[href*='sources/'][href*='#c-']").first
    href = link.get_attribute("href") or ""
    target_url = urljoin(page.url, href)
    link.click()
    page.wait_for_function("url => location.href === url", arg=target_url)
    page.wait_for_function(_READY)
    anchor = urlsplit(target_url).fragment
    rows = _claim_table(page).locator("tbody tr")
    row = rows.filter(has=page.locator(f"span#{anchor}"))
    other = rows.filter(has_not=page.locator(f"span#{anchor}")).first
    _assert_highlighted(page, anchor, row, other)


# --- contradictions and the fact grid ------------------------------------------------------------

# Material wraps each table in scroll containers: the table is a following sibling or inside one.
_TABLE_AFTER = """(h, stop) => {
  for (let el = h.nextElementSibling; el && !stop.test(el.tagName); el = el.nextElementSibling) {
    const t = el.tagName === "TABLE" ? el : el.querySelector("table");
    if (t) return t;
  }
  return null;
}"""
_SECTION_TABLE = (
    """h => { const el = ("""
    + _TABLE_AFTER
    + """)(h, /^H[1-3]$/);
  if (!el) return null;
  const cell = td => ({
    box: (r => ({x: r.x, y: r.y, w: r.width, h: r.height}))(td.getBoundingClientRect()),
    links: [...td.querySelectorAll("a[href]")].map(a => ({href: a.href, text: a.textContent.trim()})),
  });
  return {
    header: [...el.tHead.rows[0].cells].map(th => th.textContent.trim()),
    rows: [...el.tBodies[0].rows].map(tr => [...tr.cells].map(cell)),
  };
}"""
)


def _statement_targets(reader: Reader, ids: list[str]) -> set[str]:
    """Where the links to these claims must point: absolute source-page URLs with the claim anchor."""
    return {reader.url(reader.source_url(cid.rsplit("/", 1)[0]) + "#" + reader.anchor(cid)) for cid in ids}


def test_contradictions_side_by_side_with_sources(reader: Reader) -> None:
    page = reader.page
    reader.open("contradictions/")
    shown = list(reader.report["contradictions"])
    shown += [d.get("contradiction", d) for d in reader.report.get("dismissed_contradictions", [])]
    assert shown, "the repository's report finds no contradiction"
    assert page.locator("article h3").count() >= len(shown)
    for c in shown:
        table = page.locator(f"article h3#{c['id']}").evaluate(_SECTION_TABLE)
        assert table is not None, f"{c['id']}: no table under its heading"
        sides: list[list[str]] = c["sides"] if len(c["sides"]) >= 2 else [c["claims"], []]
        if len(sides) > 2:
            # A figure with several values: one row per value, with the statements that give it.
            assert table["header"] == ["Value stated", "Statements"], c["id"]
            assert len(table["rows"]) == len(sides), c["id"]
            cells = [row[1] for row in table["rows"]]
        else:
            assert len(table["header"]) == 2 and len(table["rows"]) == 1, (c["id"], table["header"])
            cells = table["rows"][0]
            left, right = (cell["box"] for cell in cells)
            assert abs(left["y"] - right["y"]) < 1 and right["x"] >= left["x"] + left["w"] - 1, (c["id"], cells)
            assert min(left["w"], right["w"]) > 150, f"{c['id']}: a statement column is squeezed: {cells}"
        for side, cell in zip(sides, cells, strict=True):
            assert cell["links"], f"{c['id']}: a statement cell links to no source"
            assert all(link["text"] for link in cell["links"]), c["id"]
            assert {link["href"] for link in cell["links"]} == _statement_targets(reader, side), c["id"]


def test_fact_grid_draws_a_chart_per_measure(reader: Reader) -> None:
    page = reader.page
    reader.open("grid/")
    figures: list[dict[str, Any]] = page.locator("article h2#figures").evaluate(
        """h => { const el = ("""
        + _TABLE_AFTER
        + """)(h, /^H[12]$/);
          if (!el) return [];
          return [...el.tBodies[0].rows].map(tr => ({
            label: tr.cells[0].textContent.trim(),
            values: [...tr.querySelectorAll("td:not(:first-child) a")].map(a => a.textContent.trim()),
          })); }"""
    )
    assert figures, "the fact grid has no figure row"
    charts: list[dict[str, Any]] = page.locator("article svg.claims-chart").evaluate_all(
        """svgs => svgs.map(svg => { let h = svg.parentElement;
          while (h && !/^H[1-6]$/.test(h.tagName)) h = h.previousElementSibling || h.parentElement;
          const r = svg.getBoundingClientRect();
          return {
            heading: h ? h.textContent.replace("¶", "").trim() : "",
            marks: [...svg.querySelectorAll(".range, .point")].map(m => m.querySelector("title").textContent),
            width: r.width, height: r.height,
          }; })"""
    )
    assert len(charts) == len(figures), ([c["heading"] for c in charts], [f["label"] for f in figures])
    for row, chart in zip(figures, charts, strict=True):
        assert row["label"] == chart["heading"] or row["label"].startswith(chart["heading"] + " ("), (row, chart)
        assert sorted(chart["marks"]) == sorted(row["values"]), (row["label"], chart["marks"], row["values"])
        assert chart["width"] > 300 and chart["height"] > 40, chart


def test_chart_text_fits_inside_the_chart(reader: Reader) -> None:
    reader.open("grid/")
    outside = reader.page.locator("article svg.claims-chart text").evaluate_all(
        """texts => texts.map(t => { const bb = t.getBBox(), vb = t.ownerSVGElement.viewBox.baseVal;
          return {text: t.textContent, left: bb.x, right: bb.x + bb.width, width: vb.width}; })
          .filter(r => r.left < 0 || r.right > r.width)"""
    )
    assert outside == []


# --- palettes, screenshots, requests -----------------------------------------------------------

_SCHEME = """() => ({
  scheme: document.body.getAttribute("data-md-color-scheme"),
  background: getComputedStyle(document.body).backgroundColor,
  chart: (t => t ? getComputedStyle(t).fill : null)(document.querySelector("svg.claims-chart text.label")),
})"""


def _luminance(rgb: str) -> float:
    r, g, b = (int(x) for x in re.findall(r"\d+", rgb)[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


def test_palette_switch_toggles_light_and_dark(reader: Reader) -> None:
    page = reader.page
    reader.open("grid/")
    light = page.evaluate(_SCHEME)
    assert light["scheme"] == "default" and _luminance(light["background"]) > 0.8, light
    page.locator("form[data-md-component='palette'] label:visible").click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark = page.evaluate(_SCHEME)
    assert _luminance(dark["background"]) < 0.3, dark
    # The charts' labels follow the palette, so they stay readable on the dark background.
    assert dark["chart"] != light["chart"] and _luminance(dark["chart"]) > 0.5, (light, dark)
    # The choice holds on the next page.
    reader.open("contradictions/")
    assert page.evaluate(_SCHEME)["scheme"] == "slate"
    page.locator("form[data-md-component='palette'] label:visible").click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert page.evaluate(_SCHEME)["background"] == light["background"]


def test_screenshots_for_a_person(reader: Reader) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = {
        "summary": "",
        "source": reader.source_url(_busiest_source(reader)),
        "contradictions": "contradictions/",
        "grid": "grid/",
    }
    for name, rel in shots.items():
        reader.open(rel)
        path = SCREENSHOTS / f"{name}.png"
        reader.page.screenshot(path=str(path), full_page=True)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000, path


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def test_no_request_leaves_localhost(reader: Reader, requests_log: RequestLog) -> None:
    """Last: every page once more (so this test stands alone), then the log of the whole module."""
    for rel in _pages(reader.site):
        reader.open(rel)
    _search(reader, FIGURE_TERM, set())
    reader.page.wait_for_timeout(300)  # late requests (the search worker, icons) land in the log
    assert requests_log.requests > 50
    assert requests_log.problems() == {}


def test_request_log_catches_an_outside_request(chromium: Browser, repo_url: str) -> None:
    """Control for the test above: a page that does reach out is caught (with its own log, not the module's)."""
    log = RequestLog()
    context = chromium.new_context(service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    record_requests(context, log)
    try:
        page = context.new_page()
        page.goto(repo_url)
        page.set_content("<img src='https://outside.example/pixel.png'><img src='missing.png'>")
        for _ in range(50):
            if log.external and log.failed:
                break
            page.wait_for_timeout(50)
    finally:
        context.close()
    assert log.external == ["https://outside.example/pixel.png"]
    assert any("missing.png" in f for f in log.failed), log.failed
