"""ingest.read_seeds on folders made in tmp_path: every format, every unusable input, metadata precedence.

An unusable file never stops the others: it becomes a Skipped entry whose path is the file and
whose reason says what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import SeedError
from generator.ingest import MAX_ARTICLE_BYTES, _page_date, read_seeds
from generator.records import Article, DroppedLine

TXT = """\
Flood waters force hundreds from riverside homes

By Maria Lopez

The river crested at 7.2 metres on Tuesday, the highest level since 1998, the regional water agency said.

About 1,500 residents were evacuated from low-lying streets overnight, according to the fire service.

The mayor said schools would stay closed until Friday.
"""

MD = """\
---
title: "Council approves a record budget"
author: Jo Writer
date: 2026-03-02
outlet: The Civic Ledger
url: https://example.org/budget
---

# Council approves a record budget

The council approved a budget of 12 million pounds on Monday, officials said.

Opposition members said the **tax rise** of 4 per cent was *too steep* for families.
"""

HTML = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour workers strike over pay – The Bay Gazette</title>
<meta name="author" content="Sam Reyes">
<meta name="description" content="Loading halted at four terminals.">
<meta property="og:title" content="Harbour workers strike over pay">
<meta property="og:site_name" content="The Bay Gazette">
<meta property="og:url" content="https://baygazette.example/news/harbour-strike">
<meta property="article:published_time" content="2026-02-10T08:00:00Z">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article>
<h1>Harbour workers strike over pay</h1>
<p class="byline">By Sam Reyes</p>
<p>About 2,300 harbour workers walked out on Monday after talks over a new pay deal collapsed,
the dockworkers' union said.</p>
<p>The port authority said the strike had halted loading at four of its six terminals and that it
remained open to further talks.</p>
<p>Union leader Amal Haddad told reporters the workers were asking for a raise of 6 per cent, not the
3 per cent on offer.</p>
<p>Shipping companies warned that delays could cost the regional economy millions of pounds a week if
the dispute continues.</p>
</article>
</main>
<footer><p>© 2026 The Bay Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

NO_BODY_HTML = """\
<!doctype html>
<html><head><title>Loading…</title><script>window.location = "/app";</script></head>
<body><script>render();</script></body></html>
"""

NAV_ONLY_HTML = """\
<!doctype html>
<html><head><title>Home – The Bay Gazette</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><footer>© 2026</footer></body></html>
"""


def _seeds(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    for name, content in files.items():
        path = seeds / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return seeds


def _one(tmp_path: Path, name: str, content: str | bytes, sources: str | None = None) -> Article:
    files: dict[str, str | bytes] = {name: content}
    if sources is not None:
        files["sources.yaml"] = sources
    result = read_seeds(_seeds(tmp_path, files))
    assert result.skipped == () and len(result.articles) == 1, result.skipped
    return result.articles[0]


def _skip_reason(tmp_path: Path, name: str, content: str | bytes) -> str:
    """Read a folder with one good article and one bad file; the bad one is skipped, the good one kept."""
    result = read_seeds(_seeds(tmp_path, {"good.txt": TXT, name: content}))
    assert [a.id for a in result.articles] == ["good"]
    assert [s.path for s in result.skipped] == [name]
    return result.skipped[0].reason


# --- the three formats ----------------------------------------------------------------------------


def test_txt_title_from_first_line_and_byline(tmp_path: Path) -> None:
    a = _one(tmp_path, "flood.txt", TXT)
    assert (a.id, a.path, a.format) == ("flood", "flood.txt", "txt")
    assert a.title == "Flood waters force hundreds from riverside homes"
    assert a.author == "Maria Lopez"
    assert a.published is None and a.outlet is None and a.url is None
    assert a.text.startswith("The river crested at 7.2 metres")
    assert "By Maria Lopez" not in a.text and a.title not in a.text
    assert "About 1,500 residents" in a.text


def test_md_front_matter_is_read(tmp_path: Path) -> None:
    a = _one(tmp_path, "budget.md", MD)
    assert a.format == "md"
    assert a.title == "Council approves a record budget"
    assert a.author == "Jo Writer"
    assert a.published == dt.date(2026, 3, 2)
    assert a.outlet == "The Civic Ledger"
    assert a.url == "https://example.org/budget"
    assert "title:" not in a.text and "---" not in a.text
    # Inline markup is dropped; the words stay.
    assert "the tax rise of 4 per cent was too steep for families" in a.text


def test_md_malformed_front_matter_is_skipped(tmp_path: Path) -> None:
    bad = "---\ntitle: [unclosed\nauthor: x\n---\n\nThe council met on Monday to approve the budget.\n"
    reason = _skip_reason(tmp_path, "broken.md", bad)
    assert "front matter" in reason and "YAML" in reason


def test_html_text_and_metadata(tmp_path: Path) -> None:
    a = _one(tmp_path, "strike.html", HTML)
    assert a.format == "html"
    assert a.title == "Harbour workers strike over pay"
    assert a.author == "Sam Reyes"
    assert a.outlet == "The Bay Gazette"
    assert a.published == dt.date(2026, 2, 10)
    assert a.url == "https://baygazette.example/news/harbour-strike"
    assert "About 2,300 harbour workers walked out on Monday" in a.text
    assert "3 per cent on offer." in a.text
    for furniture in ("Home", "Sport", "All rights reserved", "Privacy", "<p>"):
        assert furniture not in a.text


def test_html_without_article_body_is_skipped(tmp_path: Path) -> None:
    assert "no article body" in _skip_reason(tmp_path, "app.html", NO_BODY_HTML)


def test_html_with_only_page_furniture_is_skipped(tmp_path: Path) -> None:
    assert "no article" in _skip_reason(tmp_path, "home.html", NAV_ONLY_HTML)


# --- unusable files -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.md", b"  \n\n\t \r\n", "is empty"),
        ("bom-only.txt", b"\xef\xbb\xbf\n", "is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("latin1.txt", "Le café a fermé lundi.".encode("latin-1"), "not valid UTF-8"),
        ("report.pdf", b"%PDF-1.7\n", "unsupported file type '.pdf'"),
        ("notes", b"The council met on Monday.", "unsupported file type '(none)'"),
    ],
)
def test_unusable_file_is_skipped(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    assert expected in _skip_reason(tmp_path, name, content)


def test_oversized_file_is_skipped_before_reading(tmp_path: Path) -> None:
    big = b"The council met on Monday. " * (MAX_ARTICLE_BYTES // 27 + 1)
    assert len(big) > MAX_ARTICLE_BYTES
    reason = _skip_reason(tmp_path, "huge.txt", big)
    assert f"{len(big):,} bytes" in reason and f"{MAX_ARTICLE_BYTES:,}" in reason


def test_same_stem_keeps_one_and_names_both(tmp_path: Path) -> None:
    result = read_seeds(_seeds(tmp_path, {"story.txt": TXT, "story.html": HTML}))
    assert len(result.articles) == 1
    kept = result.articles[0]
    assert len(result.skipped) == 1
    skipped = result.skipped[0]
    assert {kept.path, skipped.path} == {"story.txt", "story.html"}
    assert kept.path in skipped.reason and "'story'" in skipped.reason


def test_every_skip_names_its_file(tmp_path: Path) -> None:
    bad: dict[str, str | bytes] = {
        "a-empty.txt": b"",
        "b-binary.txt": b"\x00\x01\x02",
        "c-latin.txt": b"caf\xe9",
        "d-doc.pdf": b"%PDF",
        "e-broken.md": "---\ntitle: [x\n---\nBody.\n",
        "f-app.html": NO_BODY_HTML,
    }
    result = read_seeds(_seeds(tmp_path, {"good.txt": TXT, **bad}))
    assert [a.id for a in result.articles] == ["good"]
    assert [s.path for s in result.skipped] == sorted(bad)
    assert all(s.reason.strip() for s in result.skipped)


def test_hidden_files_folders_and_editor_files_are_not_articles(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, {"good.txt": TXT, ".DS_Store": b"\x00\x00", "overrides.yaml": "{}\n"})
    (seeds / "drafts").mkdir()
    (seeds / "drafts" / "other.txt").write_text(TXT, encoding="utf-8")
    result = read_seeds(seeds)
    assert [a.id for a in result.articles] == ["good"]
    assert result.skipped == () and result.warnings == ()


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    a = _one(tmp_path, "crlf.txt", b"\xef\xbb\xbf" + TXT.replace("\n", "\r\n").encode("utf-8"))
    assert "\r" not in a.text and "\ufeff" not in a.text
    assert a.title == "Flood waters force hundreds from riverside homes"


def test_missing_seeds_dir_raises_with_the_path(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="does not exist") as info:
        read_seeds(tmp_path / "nowhere")
    assert info.value.path == str(tmp_path / "nowhere")


# --- sources.yaml ---------------------------------------------------------------------------------


def test_sources_entry_without_file_is_a_warning(tmp_path: Path) -> None:
    sources = "event: River flood\narticles:\n  flood:\n    outlet: Daily\n  ghost_story:\n    title: Lost\n"
    result = read_seeds(_seeds(tmp_path, {"flood.txt": TXT, "sources.yaml": sources}))
    assert result.event == "River flood"
    assert [a.outlet for a in result.articles] == ["Daily"]
    assert result.skipped == ()
    assert len(result.warnings) == 1
    assert "sources.yaml" in result.warnings[0] and "ghost_story" in result.warnings[0]


def test_malformed_sources_yaml_is_skipped_and_articles_still_read(tmp_path: Path) -> None:
    sources = "event: River flood\narticles:\n  flood:\n    title: [unclosed\n    outlet: Daily\n"
    result = read_seeds(_seeds(tmp_path, {"flood.txt": TXT, "budget.md": MD, "sources.yaml": sources}))
    assert [a.id for a in result.articles] == ["budget", "flood"]
    assert [s.path for s in result.skipped] == ["sources.yaml"]
    assert "line 5" in result.skipped[0].reason
    assert result.event is None
    assert result.articles[1].title == "Flood waters force hundreds from riverside homes"


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ("- just\n- a list\n", "expected a mapping"),
        ("articles: [a, b]\n", "'articles' must map"),
        ("base: &b {title: x}\narticles: {flood: *b}\n", "aliases are not allowed"),
        (b"event: caf\xe9\n", "not valid UTF-8"),
    ],
)
def test_unusable_sources_yaml_shapes(tmp_path: Path, sources: str | bytes, expected: str) -> None:
    result = read_seeds(_seeds(tmp_path, {"flood.txt": TXT, "sources.yaml": sources}))
    assert [a.id for a in result.articles] == ["flood"]
    assert [s.path for s in result.skipped] == ["sources.yaml"]
    assert expected in result.skipped[0].reason


def test_bad_fields_in_sources_yaml_are_warnings(tmp_path: Path) -> None:
    sources = ("articles:\n  flood:\n    published: last Tuesday\n    colour: blue\n"
               "    title: [a, list]\nsurprise: 1\n")
    result = read_seeds(_seeds(tmp_path, {"flood.txt": TXT, "sources.yaml": sources}))
    assert result.skipped == ()
    text = "\n".join(result.warnings)
    assert "articles.flood.published" in text and "last Tuesday" in text
    assert "'colour'" in text and "articles.flood.title" in text and "'surprise'" in text
    a = result.articles[0]
    assert a.published is None and a.title == "Flood waters force hundreds from riverside homes"


# --- metadata precedence: sources.yaml > the file's own metadata > what cleaning found > file name ---

PRECEDENCE_MD = """\
---
title: Front matter title
author: Front Matter Author
date: 2026-03-02
---

# Headline in the body

By Body Byline

The council approved a budget of 12 million pounds on Monday, officials said.

Opposition members said the tax rise of 4 per cent was too steep for families.
"""


def test_sources_yaml_beats_front_matter(tmp_path: Path) -> None:
    sources = "articles:\n  p:\n    title: Sources title\n    published: 2026-03-05\n"
    a = _one(tmp_path, "p.md", PRECEDENCE_MD, sources)
    assert a.title == "Sources title"
    assert a.published == dt.date(2026, 3, 5)
    assert a.author == "Front Matter Author"  # not given in sources.yaml, so the front matter's


def test_front_matter_beats_cleaning(tmp_path: Path) -> None:
    a = _one(tmp_path, "p.md", PRECEDENCE_MD)
    assert a.title == "Front matter title"
    assert a.author == "Front Matter Author"
    assert a.published == dt.date(2026, 3, 2)


def test_cleaning_beats_the_file_name(tmp_path: Path) -> None:
    body = PRECEDENCE_MD.split("---\n", 2)[2]
    a = _one(tmp_path, "p.md", body)
    assert a.title == "Headline in the body"
    assert a.author == "Body Byline"
    assert a.published is None


def test_sources_yaml_beats_html_meta(tmp_path: Path) -> None:
    sources = "articles:\n  strike:\n    outlet: Gazette Online\n    author: Desk\n"
    a = _one(tmp_path, "strike.html", HTML, sources)
    assert (a.outlet, a.author, a.title) == ("Gazette Online", "Desk", "Harbour workers strike over pay")


# --- never raises ---------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    suffix=st.sampled_from([".txt", ".md", ".html"]),
    raw=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda s: s.encode("utf-8"))),
)
def test_arbitrary_bytes_are_read_or_skipped(tmp_path_factory: pytest.TempPathFactory, suffix: str,
                                             raw: bytes) -> None:
    seeds = tmp_path_factory.mktemp("fuzz")
    (seeds / f"x{suffix}").write_bytes(raw)
    result = read_seeds(seeds)
    assert len(result.articles) + len(result.skipped) == 1
    for s in result.skipped:
        assert s.path == f"x{suffix}" and s.reason
    for a in result.articles:
        assert a.text.strip() and a.title


def test_markdown_notes_outside_the_story_are_set_aside(tmp_path: Path) -> None:
    (tmp_path / "blog.md").write_text(
        "---\ntitle: What I saw\nauthor: Jo Ambrose\n---\n\n# What I saw\n\n*The Harbour Line — notes on the city*\n\n"
        "The march from the park to City Hall was the biggest I have seen in twenty years.\n\n"
        "*An italic aside in the middle of the story stays where it is.*\n\n"
        "Police said 12,000 people took part, and organisers said many more had joined later.\n\n"
        "*Jo Ambrose writes The Harbour Line, a newsletter.*\n",
        encoding="utf-8",
    )
    article = read_seeds(tmp_path).articles[0]
    notes = {(d.line, d.text) for d in article.dropped if d.reason == "note outside the story"}
    assert (8, "The Harbour Line — notes on the city") in notes
    assert (16, "Jo Ambrose writes The Harbour Line, a newsletter.") in notes
    assert "An italic aside in the middle of the story stays where it is." in article.text


def test_markdown_table_rows_become_lines(tmp_path: Path) -> None:
    (tmp_path / "results.md").write_text(
        "# Results\n\nThe company published its first-quarter results on Tuesday morning in Frankfurt.\n\n"
        "| | Q1 2026 | Q1 2025 |\n|---|---|---|\n| Revenue | €2.41bn | €2.27bn |\n\n"
        "Revenue rose by 6% from the same quarter of last year, the company said.\n",
        encoding="utf-8",
    )
    article = read_seeds(tmp_path).articles[0]
    assert "Revenue | €2.41bn | €2.27bn" in article.text.splitlines()


# --- publication date, outlet and notes read from the page itself ------------------------------------

STORY = (
    "Rescue teams reached the flooded villages on Tuesday after the river burst its banks.\n\n"
    "Officials said the clean-up would take several months and cost millions of dollars.\n"
)
HEAD = "River floods villages in the north\n\n"


@pytest.mark.parametrize(
    "page",
    [
        f"{HEAD}Published Thursday, August 6, 2026\n\n{STORY}",
        f"{HEAD}Updated: 6 Aug 2026 09:14\n\n{STORY}",
        f"{HEAD}By Jane Roe\nAugust 6, 2026 at 4:12 PM\n\n{STORY}",
        f"{HEAD}By Jane Roe | Aug 6, 2026\n\n{STORY}",
        f"{HEAD}Posted 2026-08-06T09:14:00Z\n\n{STORY}",
        f"{HEAD}Thu, August 6, 2026 at 4:12 PM GMT+8 \u00b7 4 min read\n\n{STORY}",
        # a dateline without a year, with the year from the copyright line
        f"{HEAD}KESSA, Philippines, Aug. 6 (NewsNine) \u2014 {STORY}\n\u00a9 2026 NewsNine Media\n",
        f"{HEAD}NAIROBI, Dec. 31 (Newswire) \u2014 {STORY}\n\u00a9 2026 Newswire Ltd\n",
    ],
)
def test_publication_date_from_the_page_when_metadata_has_none(tmp_path: Path, page: str) -> None:
    expected = dt.date(2026, 12, 31) if "Dec. 31" in page else dt.date(2026, 8, 6)
    assert _one(tmp_path, "story.txt", page).published == expected


@pytest.mark.parametrize(
    "page",
    [
        # a day and month with no year anywhere on the page
        f"{HEAD}KESSA, Philippines, Aug. 6 (NewsNine) \u2014 {STORY}",
        # a date in the story itself
        f"{HEAD}The river rose to a record on August 6, 2026, officials said in a statement on Friday.\n\n{STORY}",
        # the date of a comment, and of a linked story
        f"{HEAD}{STORY}\nComments\n\nriverfan\nAugust 9, 2026 at 1:02 PM\nGreat reporting, thank you for this.\n",
        f"{HEAD}{STORY}\nRelated stories\nDam failure blamed on years of neglect\nMarch 3, 2025\n",
        # ages and weekdays are relative to a date the page does not give
        f"{HEAD}By Jane Roe\n2 hours ago\nPublished Thursday 6:45 PM\n\n{STORY}",
    ],
)
def test_no_publication_date_from_the_story_other_pages_or_partial_dates(tmp_path: Path, page: str) -> None:
    assert _one(tmp_path, "story.txt", page).published is None


def test_published_stamp_beats_an_earlier_updated_stamp(tmp_path: Path) -> None:
    page = f"{HEAD}Updated August 7, 2026 10:02\nPublished August 6, 2026 18:45\n\n{STORY}"
    assert _one(tmp_path, "story.txt", page).published == dt.date(2026, 8, 6)


def test_metadata_date_beats_the_page_date(tmp_path: Path) -> None:
    page = f"{HEAD}Published Thursday, August 6, 2026\n\n{STORY}"
    article = _one(tmp_path, "story.txt", page, sources="articles:\n  story:\n    published: 2026-08-07\n")
    assert article.published == dt.date(2026, 8, 7)
    md = f"---\ndate: 2026-08-05\n---\n\n# River floods villages in the north\n\n*Published August 6, 2026*\n\n{STORY}"
    (tmp_path / "md").mkdir()
    assert _one(tmp_path / "md", "story.md", md).published == dt.date(2026, 8, 5)


def test_outlet_from_a_byline_the_page_names_again(tmp_path: Path) -> None:
    page = f"{HEAD}By Jane Roe, Valley Courier\n\n{STORY}\n\u00a9 2026 Valley Courier Media Group\n"
    article = _one(tmp_path, "story.txt", page)
    assert (article.outlet, article.author) == ("Valley Courier", "Jane Roe")
    article = _one(tmp_path, "story.txt", page, sources="articles:\n  story:\n    outlet: The Courier\n")
    assert article.outlet == "The Courier"


def test_markdown_bio_followed_by_plain_furniture_is_a_note(tmp_path: Path) -> None:
    (tmp_path / "letter.md").write_text(
        "# Council passes the budget\n\n"
        "The council passed a budget of 12 million pounds on Monday after a long debate, officials said.\n\n"
        "*An italic aside inside the story stays where it is, between two paragraphs.*\n\n"
        "Opposition members said the tax rise of 4 per cent was too steep for families in the town.\n\n"
        "---\n\n"
        "*Town Hall Letter is written by Priya Natarajan, a former council reporter.*\n\n"
        "Thanks for reading Town Hall Letter! Subscribe for free to receive new posts and support my work.\n\n"
        "14 comments \u00b7 Share\n\n"
        "Next week: what the budget means for the libraries\n",
        encoding="utf-8",
    )
    article = read_seeds(tmp_path).articles[0]
    notes = [d.text for d in article.dropped if d.reason == "note outside the story"]
    assert notes == ["Town Hall Letter is written by Priya Natarajan, a former council reporter."]
    assert "An italic aside inside the story stays where it is, between two paragraphs." in article.text
    assert article.text.endswith("too steep for families in the town.")


def test_markdown_italic_paragraph_between_story_paragraphs_stays(tmp_path: Path) -> None:
    (tmp_path / "letter.md").write_text(
        "# Council passes the budget\n\n"
        "The council passed a budget of 12 million pounds on Monday after a long debate, officials said.\n\n"
        "*The mayor did not attend the meeting, her office said, because she was unwell.*\n\n"
        "Opposition members said the tax rise of 4 per cent was too steep for families in the town.\n\n"
        "Thanks for reading! Subscribe for free to receive new posts.\n",
        encoding="utf-8",
    )
    article = read_seeds(tmp_path).articles[0]
    assert "The mayor did not attend the meeting, her office said, because she was unwell." in article.text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=60), st.sampled_from(["timestamp", "byline", "dateline", "counter",
                                                                  "copyright", "comment section"])), max_size=8))
def test_page_date_never_raises(lines: list[tuple[str, str]]) -> None:
    dropped = tuple(DroppedLine(n, text, reason) for n, (text, reason) in enumerate(lines, 1))
    found = _page_date(dropped)
    assert found is None or isinstance(found, dt.date)


def _comparable(document: dict[str, object]) -> dict[str, object]:
    from lxml import etree  # type: ignore[import-untyped]  # trafilatura's parser; its elements compare by identity

    return {k: etree.tostring(v) if isinstance(v, etree._Element) else v for k, v in document.items()}


def test_html_pages_share_one_set_of_extraction_options() -> None:
    """The options made once equal trafilatura's own from the same arguments: every page, including
    those it retries in recall mode, extracts as it would with a fresh set each time."""
    import trafilatura

    from generator.ingest import _html_options, _read_html

    pages = sorted((Path(__file__).parent / "fixtures").rglob("*.html")) + sorted(
        (Path(__file__).parent / "payloads").glob("*.html")
    )
    assert len(pages) >= 8
    for page in pages:
        html = page.read_text(encoding="utf-8")
        fresh = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            include_links=False,
        )
        shared = trafilatura.bare_extraction(html, options=_html_options())
        if fresh is None:
            assert shared is None
            with pytest.raises(SeedError):
                _read_html(html, page.name)
            continue
        assert shared is not None
        assert _comparable(shared.as_dict()) == _comparable(fresh.as_dict())  # type: ignore[union-attr]
    assert _html_options() is _html_options()
