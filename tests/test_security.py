"""Hostile articles through the real pipeline: every generated page must render as inert text.

``analyze(tests/payloads)`` reads a corpus of articles and metadata full of script tags,
event-handler attributes, ``javascript:``/``data:`` links, attr_list braces, table-forging pipes
and newlines, headings, HTML comments, md_in_html blocks, snippet includes, Jinja, bidi and
control characters, ``</title>`` break-outs, front-matter injection, very long strings and
hostile file names (see tests/payloads/sources.yaml). Each page of ``render_pages`` is then
converted by Python-Markdown with exactly the extensions MkDocs uses for this site (read from
mkdocs.yml through MkDocs' own config loader, so its built-in extensions are included), and the
HTML is parsed and audited: no active element, no ``on*``/``style``/``srcdoc`` attribute, no
URL other than http(s) or relative, tables keep their column count, the only headings are the
renderer's own, and the payloads show up as literal visible text.
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import shutil
import threading
from functools import cache
from pathlib import Path
from typing import Any

import markdown  # type: ignore[import-untyped]
import pytest
from browser import (
    CANARY,
    CONTENT_TAGS,
    MARKER_RE,
    PAYLOADS,
    ROOT,
    SVG_SHAPES,
    Node,
    audit,
    headings,
    parse_html,
)
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from generator.escape import clean_text, page_slug
from generator.pipeline import analyze, analyze_collection
from generator.records import Article, GeneratedPage, Report
from generator.render import (
    CONTRADICTIONS,
    GRID,
    SOURCES_INDEX,
    SUMMARY,
    render_collection,
    render_pages,
    source_label,
    source_page,
)

# The only raw HTML the renderer writes into markdown (anchored spans, line breaks and the inline SVG
# figure charts); everything else is entity-encoded text.
RENDERER_TAGS = {"span", "br", "div", *SVG_SHAPES} | {f"/{t}" for t in ("span", "div", *SVG_SHAPES)}
_RAW_TAG_RE = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*)")
_ATX_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+\{[ \t]*#[a-z0-9_-]+[ \t]*\})?[ \t]*$")
_PAGE_PATH_RE = re.compile(
    r"(?:index|contradictions|grid|sources/index|sources/[a-z0-9-]{1,39}-[0-9a-f]{16}(?:-[0-9]+)?)\.md"
)


@cache
def site_markdown() -> tuple[tuple[str, ...], dict[str, Any]]:
    """The extension names and configs MkDocs passes to Python-Markdown for this site."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    return tuple(config.markdown_extensions), dict(config.mdx_configs)


def to_html(md_text: str) -> str:
    extensions, configs = site_markdown()
    return str(markdown.Markdown(extensions=list(extensions), extension_configs=configs).convert(md_text))


@dataclasses.dataclass(frozen=True)
class Converted:
    page: GeneratedPage
    meta: dict[str, Any]
    body: str  # markdown after the front matter
    root: Node


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze(PAYLOADS)


@pytest.fixture(scope="module")
def pages(report: Report) -> dict[str, Converted]:
    out: dict[str, Converted] = {}
    for page in render_pages(report):
        if not page.path.endswith(".md"):
            continue
        body, meta = get_data(page.content)
        out[page.path] = Converted(page, meta, body, parse_html(to_html(body)).root)
    return out


def _article(report: Report, stem: str) -> Article:
    return next(a for a in report.articles if a.id == stem)


# --- the corpus reaches every sink -------------------------------------------------------------


def test_corpus_reaches_every_sink(report: Report, pages: dict[str, Converted]) -> None:
    """If the analysis changes so that payloads stop reaching a page, these tests would pass
    vacuously; this one fails instead and says which sink the corpus no longer reaches."""
    ids = {a.id for a in report.articles}
    assert {"a_wire", "b_daily", "c_page", "index", "search_index", "CON", "v1.2.final", "late_nul"} <= ids
    assert {"yaml_tag.md", "binary.txt", "dup.txt", "payload.js"} <= {s.path for s in report.skipped}
    assert any(MARKER_RE.search(c.text) for c in report.claims if c.source == "a_wire")
    assert any(MARKER_RE.search(c.speaker) for c in report.claims), (
        "an outlet payload should speak for a claim"
    )
    assert report.notes, "overrides.yaml annotates a_wire/1; update it if claims were renumbered"
    assert report.dismissed, (
        "overrides.yaml dismisses a real contradiction; update its id if the analysis changed"
    )
    assert report.contradictions and report.facts
    for path in (SUMMARY, CONTRADICTIONS, GRID, SOURCES_INDEX, source_page("a_wire"), source_page("b_daily")):
        visible = pages[path].root.text()
        assert MARKER_RE.search(visible), f"no payload reaches {path}"
    contradicted = {cid for c in report.contradictions for cid in c.claims}
    assert any(MARKER_RE.search(c.text) for c in report.claims if c.id in contradicted)


# --- the markdown the renderer writes ------------------------------------------------------------


def test_markdown_holds_no_raw_syntax_from_articles(pages: dict[str, Converted]) -> None:
    for path, conv in pages.items():
        tags = set(_RAW_TAG_RE.findall(conv.body))
        assert tags <= RENDERER_TAGS, (path, tags - RENDERER_TAGS)
        for needle in ("<!--", "{{", "{%", "--8<--", "javascript:", "data:text", "](javas"):
            assert needle not in conv.body, (path, needle)


def test_front_matter_is_only_an_escaped_title(report: Report, pages: dict[str, Converted]) -> None:
    """An article's own front matter (tags, description, template, hide) never reaches a page."""
    for path, conv in pages.items():
        assert set(conv.meta) == {"title"}, (path, conv.meta)
        title = conv.meta["title"]
        assert isinstance(title, str) and title
        assert not re.search(r"[<>\"'\n\r]", title), (path, title)
    b_daily = pages[source_page("b_daily")].meta["title"]
    assert html.unescape(b_daily) == clean_text(_article(report, "b_daily").title)


def test_page_paths_are_allowlisted_slugs(pages: dict[str, Converted], report: Report) -> None:
    paths = [p.path for p in render_pages(report)]
    assert len({p.casefold() for p in paths}) == len(paths)
    for path in paths:
        assert path == "report.json" or _PAGE_PATH_RE.fullmatch(path), path
    # The articles called "index" and "search_index" get their own pages, not the reserved ones.
    assert source_page("index") != SOURCES_INDEX and source_page("index").startswith("sources/index-")
    assert source_page("search_index").startswith("sources/search-index-")


@pytest.mark.parametrize("source_id", [
    "../../x", "/abs", "..", ".", "", "search/search_index", "search_index", "index", "sources/index", "CON",
    "con", "404", "sitemap.xml", "assets/javascripts/bundle", "C:\\Windows\\win.ini", "..\\..\\x", "\x00",
    "\u202eexe.txt", "ünïcödé 東京", "A" * 500, "<script>alert('PWN-P01')</script>",
])  # fmt: skip
def test_path_traversal_through_ids_stays_in_sources(source_id: str) -> None:
    page = source_page(source_id)
    assert _PAGE_PATH_RE.fullmatch(page), page
    assert page.startswith("sources/") and page != SOURCES_INDEX
    assert page_slug(source_id) == page.removeprefix("sources/").removesuffix(".md")


def test_render_of_hostile_ids_writes_only_allowlisted_paths() -> None:
    """Ids that no file name can carry ('/', '..') can still come from code: render them anyway."""
    ids = ["../../x", "/abs", "..", "search/search_index", "index", "Index", "INDEX", "sources/index"]
    articles = tuple(
        Article(
            id=i,
            path=f"{i}.txt",
            format="txt",
            title=i,
            outlet=None,
            author=None,
            url=None,
            published=None,
            dateline=None,
            text="Officials said 3 people were hurt.",
        )
        for i in ids
    )
    report = Report(
        event="e", articles=articles, sentences={}, claims=(), facts=(), contradictions=(), skipped=()
    )
    paths = [p.path for p in render_pages(report)]
    assert len({p.casefold() for p in paths}) == len(paths)
    for path in paths:
        assert path == "report.json" or _PAGE_PATH_RE.fullmatch(path), path


_SLUG_COLLISION_BUG = (
    "page_slug's 8-hex suffix is 32 bits of sha256: a file name whose characters vanish from the ASCII "
    "base (e.g. 'a_wire' + CJK or combining marks) can be brute-forced in ~2^32 hashes to the slug of "
    "another source, and render_pages then emits two pages with one path; the plugin's Files.append "
    "silently keeps the last, so one article replaces another source's page. Fix: assign all source slugs "
    "up front in render and refuse or disambiguate a casefolded duplicate, and lengthen the hash (16 hex) "
    "in escape.page_slug."
)


def test_a_slug_collision_never_makes_two_pages_with_one_path(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.render as render

    collide = page_slug("a_wire")
    monkeypatch.setattr(
        render, "page_slug", lambda i: collide if i in ("a_wire", "b_daily") else page_slug(i)
    )
    paths = [p.path for p in render.render_pages(report)]
    assert len(paths) == len(set(paths)), "two articles were given the same page"


def test_a_collection_with_hostile_folder_names_stays_inert(tmp_path: Path) -> None:
    """One story per subfolder: folder names and story events reach paths, the story index and titles."""
    folders = {
        "<svg onload=alert('PWN-D01')> {{ config }}": ("a_wire.txt", "b_daily.md", "sources.yaml"),
        "index": ("c_page.html", "index.txt"),
        "search": ("CON.txt", "v1.2.final.txt"),
        "x..y": ("search_index.txt",),
    }
    for folder, names in folders.items():
        (tmp_path / folder).mkdir()
        for name in names:
            shutil.copy(PAYLOADS / name, tmp_path / folder / name)
    collection = analyze_collection(tmp_path)
    assert collection.multi and len(collection.stories) == len(folders)
    slugs = {story.slug for story in collection.stories}
    assert all(re.fullmatch(r"[a-z0-9-]{1,39}-[0-9a-f]{16}", slug) for slug in slugs), slugs
    pages = render_collection(collection)
    paths = [p.path for p in pages]
    assert len({p.casefold() for p in paths}) == len(paths)
    for page in pages:
        if page.path in ("index.md", "report.json"):
            continue
        prefix, _, rest = page.path.partition("/")
        assert prefix in slugs and (rest == "report.json" or _PAGE_PATH_RE.fullmatch(rest)), page.path
    for page in pages:
        if page.path.endswith(".md"):
            body, meta = get_data(page.content)
            assert set(meta) == {"title"} and not re.search(r"[<>\"'\n]", meta["title"]), page.path
            root = parse_html(to_html(body)).root
            assert audit(root, allowed=CONTENT_TAGS) == [], page.path
            assert headings(root) == _expected_headings(body), page.path
    index = parse_html(to_html(get_data(pages[0].content)[0])).root.text()
    for story in collection.stories:
        assert clean_text(story.report.event) in index


# --- the HTML Python-Markdown makes of it --------------------------------------------------------


def test_no_active_content_on_any_page(pages: dict[str, Converted]) -> None:
    for path, conv in pages.items():
        problems = audit(conv.root, allowed=CONTENT_TAGS)
        assert problems == [], (path, problems[:10])


def test_tables_keep_their_columns(pages: dict[str, Converted], report: Report) -> None:
    tables = 0
    for path, conv in pages.items():
        for table in conv.root.find_all("table"):
            tables += 1
            rows = table.find_all("tr")
            header = rows[0].find_all("th")
            assert header, path
            for tr in rows[1:]:
                cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
                assert len(cells) == len(header), (path, [c.text()[:60] for c in cells])
    assert tables >= len(pages)
    # One claim table row per claim: a newline or pipe in an article never forges a row.
    for a in report.articles:
        claim_table = pages[source_page(a.id)].root.find_all("table")[1]
        n_claims = sum(1 for c in report.claims if c.source == a.id)
        assert len(claim_table.find_all("tr")) == n_claims + 1, a.id


def _expected_headings(body: str) -> list[tuple[int, str]]:
    out = []
    for line in body.splitlines():
        m = _ATX_RE.match(line.removesuffix(" { data-search-exclude }"))  # the renderer's own attribute list
        if m:
            out.append((len(m.group(1)), " ".join(html.unescape(m.group(2)).split())))
    return out


def test_only_the_renderer_makes_headings(pages: dict[str, Converted]) -> None:
    for path, conv in pages.items():
        assert headings(conv.root) == _expected_headings(conv.body), path
    # Article text with "# " or a setext underline stays inside its paragraph.
    for path, conv in pages.items():
        for level, text in headings(conv.root):
            assert "Forged heading" not in text, (path, level, text)


def test_payloads_are_visible_as_literal_text(report: Report, pages: dict[str, Converted]) -> None:
    notes = {cid: n for cid, n in report.notes.items()}
    for a in report.articles:
        conv = pages[source_page(a.id)]
        visible = conv.root.text()
        assert headings(conv.root)[0] == (1, clean_text(a.title)), a.id
        for value in (a.outlet, a.author, a.url, a.path):
            if value:
                assert clean_text(value) in visible, (a.id, value)
        for c in report.claims:
            if c.source == a.id:
                assert clean_text(c.text) in visible, (c.id, c.text[:80])
                for note in notes.get(c.id, ()):
                    assert clean_text(note) in visible, (c.id, note)
        for sentence in report.sentences[a.id]:
            assert clean_text(sentence.text) in visible, (a.id, sentence.index)
        for d in a.dropped:
            assert clean_text(d.text) in visible, (a.id, d.line)
    summary = pages[SUMMARY].root
    assert headings(summary)[0] == (1, clean_text(report.event))
    for s in report.skipped:
        assert clean_text(f"Skipped {s.path}: {s.reason}") in summary.text(), s
    for w in report.warnings:
        assert clean_text(w) in summary.text(), w
    for o in report.overrides:
        assert clean_text(o.note) in summary.text(), o
    contradictions = pages[CONTRADICTIONS].root.text()
    for con in report.contradictions:
        assert clean_text(con.explanation) in contradictions, con.id
    for dismissal in report.dismissed:
        assert clean_text(dismissal.note) in contradictions, dismissal.contradiction.id
    grid = pages[GRID].root
    header = " ".join(th.text() for th in grid.find_all("th"))
    for a in report.articles:
        assert clean_text(source_label(a)) in header, a.id


def test_every_payload_marker_that_is_rendered_is_visible(
    report: Report, pages: dict[str, Converted]
) -> None:
    """Nothing is swallowed: a payload hidden in a comment or a tag still reads as text."""
    rendered: list[str] = [report.event, *report.warnings]
    rendered += [f"{s.path} {s.reason}" for s in report.skipped]
    rendered += [o.note for o in report.overrides] + [" ".join(o.targets) for o in report.overrides]
    for a in report.articles:
        rendered += [a.title, a.outlet or "", a.author or "", a.url or "", a.path]
        rendered += [s.text for s in report.sentences[a.id]] + [d.text for d in a.dropped]
    wanted = set(MARKER_RE.findall(" ".join(rendered)))
    visible = set(MARKER_RE.findall(" ".join(conv.root.text() for conv in pages.values())))
    assert len(wanted) >= 40, sorted(wanted)
    assert wanted <= visible, sorted(wanted - visible)


def test_report_json_round_trips_payloads(report: Report) -> None:
    data = next(p for p in render_pages(report) if p.path == "report.json").content
    parsed = json.loads(data)
    texts = {c["id"]: c["text"] for c in parsed["claims"]}
    for c in report.claims:
        assert texts[c.id] == c.text


# --- the checks are not vacuous --------------------------------------------------------------------


def test_audit_catches_naive_rendering(report: Report) -> None:
    """The same checks reject pages that interpolate article text as it is."""
    a_wire = [c.text for c in report.claims if c.source == "a_wire"]
    b_daily = [c.text for c in report.claims if c.source == "b_daily"]
    naive = "\n\n".join(a_wire + b_daily)
    naive += "\n\n| Claim | Kind |\n|---|---|\n" + "\n".join(f"| {t} | x |" for t in a_wire)
    naive += "\n\n" + _article(report, "a_wire").text
    root = parse_html(to_html(naive)).root
    problems = " ".join(audit(root, allowed=CONTENT_TAGS))
    for expected in (
        "<script",
        "<iframe",
        "srcdoc=",
        "<td> onclick=",
        "href='javascript:",
        "href='data:text/html",
        "<style",
        "<input",
    ):
        assert expected in problems, expected
    assert any("Forged heading" in text for _, text in headings(root))
    # Python-Markdown drops the cells past the header's width: the pipes swallow the payload.
    table = root.find_all("table")[0]
    assert "PWN-A10" not in table.text() and "PWN-A10" in naive


def test_builtin_extensions_are_the_real_ones() -> None:
    extensions, configs = site_markdown()
    # MkDocs adds toc, tables and fenced_code to whatever mkdocs.yml lists; the audit must see them all.
    assert {"toc", "tables", "fenced_code", "attr_list", "md_in_html"} <= set(extensions)
    assert "pymdownx.snippets" not in extensions and "macros" not in extensions
    assert configs.get("toc", {}).get("permalink") is True


def test_article_ids_are_not_rewritten(report: Report) -> None:
    """Hostile names are ids as written; only their page path is a slug."""
    stems = {p.stem for p in PAYLOADS.iterdir() if p.suffix in (".txt", ".md", ".html")}
    for a in report.articles:
        assert a.id in stems
        assert (PAYLOADS / a.path).is_file()
    assert Path(PAYLOADS / "x\u202eTXT.exe.txt").is_file()


# --- the seeds folder as a file system ------------------------------------------------------------


def test_html_entities_are_not_expanded(report: Report) -> None:
    """An external entity (XXE) reads no local file; internal entities do not expand (billion laughs)."""
    xxe = _article(report, "xxe")
    blob = json.dumps([a.text for a in report.articles])
    assert "root:" not in blob and "/bin/" not in blob
    assert "PWN-X01" not in xxe.text and len(xxe.text) < 1000


_SYMLINK_BUG = (
    "ingest.read_seeds follows symlinks: a seeds/leak.txt -> ../../secret (or ~/.netrc, .git/config, a CI "
    "credentials file) is published as an article. Fix: skip (with a reason) entries that are not regular "
    "files inside the seeds folder: path.is_symlink() or not "
    "path.resolve().is_relative_to(seeds_dir.resolve()) or not stat.S_ISREG(path.stat().st_mode). The same "
    "for sources.yaml/overrides.yaml in yamlfile.load_yaml."
)
_FIFO_BUG = (
    "ingest.read_article checks st_size and then read_bytes(): a FIFO (or a symlink to /dev/zero, st_size 0) "
    "in seeds/ blocks the build forever or reads without bound. Fix: skip non-regular files and read at most "
    "MAX_ARTICLE_BYTES + 1 bytes (with path.open('rb') as f: raw = f.read(MAX_ARTICLE_BYTES + 1)); same in "
    "yamlfile.load_yaml."
)


def _seeds_with_one_article(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(PAYLOADS / "index.txt", seeds / "a.txt")
    return seeds


def test_a_symlink_out_of_the_seeds_folder_is_not_published(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text(
        f"{CANARY} The council said 3 people were hurt in the fire on Monday.\n", encoding="utf-8"
    )
    seeds = _seeds_with_one_article(tmp_path)
    (seeds / "leak.txt").symlink_to(Path("..") / "secret.txt")
    report = analyze(seeds)
    if not any(a.id == "a" for a in report.articles):
        pytest.fail("the ordinary article was not read")
    published = "".join(p.content for p in render_pages(report))
    assert CANARY not in published, "a file outside seeds/ was published through a symlink"
    assert any(s.path == "leak.txt" for s in report.skipped)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
def test_a_fifo_in_the_seeds_folder_does_not_hang_the_build(tmp_path: Path) -> None:
    seeds = _seeds_with_one_article(tmp_path)
    fifo = seeds / "pipe.txt"
    os.mkfifo(fifo)
    done: list[Report] = []
    worker = threading.Thread(target=lambda: done.append(analyze(seeds)), daemon=True)
    worker.start()
    worker.join(2.0)
    hung = worker.is_alive()
    if hung:  # release the reader blocked in open(), so the thread ends and the test can report
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(10)
    assert not hung, "analyze() blocked reading a FIFO in the seeds folder"
    assert any(s.path == "pipe.txt" for s in done[0].skipped)
