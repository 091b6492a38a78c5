"""The payload corpus built into a real MkDocs + Material site, checked file by file.

tests/payloads holds unusable files and stale editor ids on purpose, so its build must warn, and
``--strict`` would refuse it: it is built leniently (conftest.py ``payload_site``) and the log
must hold exactly the planted warnings. A second project keeps only the payloads that must NOT
warn (the planted problems removed) and has to pass ``mkdocs build --strict``. Both sites are
checked as built HTML: page bodies, ``<title>``, meta tags, the nav, the sitemap and
``search/search_index.json``, which Material's search UI inserts with ``innerHTML``.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser import (
    CANARY,
    CONTENT_TAGS,
    MARKER_RE,
    PAYLOADS,
    Node,
    audit,
    build_site,
    make_project,
    mkdocs_env,
    parse_html,
    url_ok,
    warnings_of,
)
from conftest import BuiltSite

from generator.escape import clean_text, page_slug

SITE_NAME = "Claims report"
# The planted problems. Each build warning must start with exactly one of these, and each must
# occur: a warning that is missing means the problem went unnoticed, an extra one is a regression.
EXPECTED_WARNINGS = (
    "claims: skipped binary.txt: looks like a binary file",
    "claims: skipped dup.txt: same source id 'dup' as dup.md",
    "claims: skipped empty.txt: is empty",
    "claims: skipped latin1.txt: is not valid UTF-8",
    "claims: skipped no_body.html: HTML page has no article body",
    "claims: skipped payload.js: unsupported file type '.js'",
    "claims: skipped yaml_tag.md: front matter is not valid YAML",
    "claims: sources.yaml: unknown key 'template'",
    "claims: sources.yaml: articles.late_nul: unknown field 'onclick'",
    "claims: sources.yaml: entry '../../x' names no article file",
    "claims: sources.yaml: entry '/abs' names no article file",
    "claims: overrides.yaml: dismiss names contradiction \"javascript:alert('PWN-N04')\", which no longer "
    "exists",
    "claims: overrides.yaml: annotate names claim '../../etc/passwd', which no longer exists",
    "claims: overrides.yaml: annotate names claim \"<img src=x onerror=alert('PWN-N03')>\", which no longer "
    "exists",
)
# What the strict variant leaves out to be warning-free.
WARNING_FILES = (
    "binary.txt",
    "dup.txt",
    "empty.txt",
    "latin1.txt",
    "no_body.html",
    "payload.js",
    "yaml_tag.md",
)
WARNING_SOURCE_KEYS = ("template",)
WARNING_SOURCE_ENTRIES = ("../../x", "/abs")
WARNING_SOURCE_FIELDS = (("late_nul", "onclick"),)
WARNING_TARGETS = ("../../etc/passwd", "<img src=x onerror=alert('PWN-N03')>", "javascript:alert('PWN-N04')")

TOP_LEVEL = {
    "404.html",
    "about",
    "assets",
    "contradictions",
    "grid",
    "index.html",
    "method",
    "report.json",
    "search",
    "sitemap.xml",
    "sitemap.xml.gz",
    "sources",
}
META_NAMES = {"viewport", "description", "generator"}
# The tags the search indexer keeps in a document's text; anything else would reach innerHTML.
INDEX_TAGS = {
    "p",
    "code",
    "pre",
    "li",
    "ol",
    "ul",
    "sub",
    "sup",
    "br",
    "strong",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "a",
    "span",
    "div",
    "details",
    "summary",
}
_SCRIPT_BODY_RE = re.compile(r"(<script\b[^>]*>).*?(</script>)", re.S | re.I)
_ON_ATTR_RE = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.I)
_ARTICLE_RE = re.compile(r"<article\b.*?</article>", re.S)


def _strict_seeds(dest: Path) -> Path:
    """tests/payloads without the planted problems: every payload that must build silently."""
    shutil.copytree(PAYLOADS, dest)
    for name in WARNING_FILES:
        (dest / name).unlink()
    sources = yaml.safe_load((dest / "sources.yaml").read_text(encoding="utf-8"))
    for key in WARNING_SOURCE_KEYS:
        del sources[key]
    for stem in WARNING_SOURCE_ENTRIES:
        del sources["articles"][stem]
    for stem, fieldname in WARNING_SOURCE_FIELDS:
        del sources["articles"][stem][fieldname]
    (dest / "sources.yaml").write_text(yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8")
    overrides = yaml.safe_load((dest / "overrides.yaml").read_text(encoding="utf-8"))
    for section, entries in overrides.items():
        overrides[section] = [e for e in entries if not {str(t) for t in _targets(e)} & set(WARNING_TARGETS)]
    (dest / "overrides.yaml").write_text(yaml.safe_dump(overrides, allow_unicode=True), encoding="utf-8")
    return dest


def _targets(entry: dict[str, Any]) -> list[Any]:
    for key in ("claim", "contradiction", "claims"):
        if key in entry:
            value = entry[key]
            return value if isinstance(value, list) else [value]
    return []


@pytest.fixture(scope="module")
def strict_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("strict-payloads")
    project = make_project(base / "project", _strict_seeds(base / "seeds"))
    done = build_site(project, strict=True)
    assert done.returncode == 0, (
        f"--strict build of the warning-free payloads failed:\n{done.stdout}{done.stderr}"
    )
    assert warnings_of(done.stdout + done.stderr) == []
    return project / "site"


def _report(site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site / "report.json").read_text(encoding="utf-8"))
    return data


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# --- the build ----------------------------------------------------------------------------------


def test_build_log_warns_exactly_about_the_planted_problems(payload_site: BuiltSite) -> None:
    warnings = warnings_of(payload_site.log)
    unexpected = [w for w in warnings if sum(w.startswith(e) for e in EXPECTED_WARNINGS) != 1]
    assert unexpected == [], unexpected
    missing = [e for e in EXPECTED_WARNINGS if sum(w.startswith(e) for w in warnings) != 1]
    assert missing == [], missing


def test_strict_build_passes_without_the_planted_problems(strict_site: Path) -> None:
    report = _report(strict_site)
    ids = {s["id"] for s in report["sources"]}
    # Every hostile name and payload article is still there; only the unusable inputs are gone.
    stems = {p.stem for p in PAYLOADS.iterdir() if p.suffix in (".txt", ".md", ".html")}
    assert ids == stems - {"binary", "empty", "latin1", "no_body", "yaml_tag"}
    _check_site(strict_site)


def test_strict_build_refuses_the_full_corpus(payload_site: BuiltSite, tmp_path: Path) -> None:
    done = build_site(payload_site.project, strict=True, site=tmp_path / "site")
    assert done.returncode != 0
    assert "Aborted with" in done.stdout + done.stderr


# The plugin's extraction cache (plugin option cache_dir, default .cache/claims next to mkdocs.yml):
# entries are named by a sha256 key, never by anything an article or its file name says.
_CACHE_ENTRY_RE = re.compile(r"\.cache(?:/claims(?:/[0-9a-f]{2}(?:/[0-9a-f]{64}\.json)?)?)?")


def test_build_writes_only_into_site(payload_site: BuiltSite) -> None:
    changed = sorted(k for k in payload_site.after if payload_site.before.get(k) != payload_site.after[k])
    removed = sorted(set(payload_site.before) - set(payload_site.after))
    outside = [k for k in changed if not _CACHE_ENTRY_RE.fullmatch(k)]
    assert outside == [] and removed == [], f"the build changed files outside site/: {outside + removed}"
    site = payload_site.site.resolve()
    assert {p.name for p in site.iterdir()} == TOP_LEVEL
    for path in site.rglob("*"):
        assert path.resolve().is_relative_to(site), path
    leftovers = [p for p in payload_site.project.parent.rglob("PWNED*")] + list(Path.cwd().glob("PWNED*"))
    assert leftovers == [], "a payload ran a command at build time"


def test_secrets_next_to_the_project_are_not_disclosed(payload_site: BuiltSite) -> None:
    for path in payload_site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt", ".js", ".css"):
            assert CANARY not in path.read_text(encoding="utf-8", errors="replace"), path


def test_one_page_per_article_at_its_slug(payload_site: BuiltSite) -> None:
    site = payload_site.site
    report = _report(site)
    expected = {page_slug(s["id"]) for s in report["sources"]}
    assert {p.name for p in (site / "sources").iterdir() if p.is_dir()} == expected
    # The articles named "index" and "search_index" did not take the reserved pages.
    search = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert set(search) == {"config", "docs"} and search["docs"]
    home = parse_html((site / "index.html").read_text(encoding="utf-8")).root
    h1 = home.find_all("h1")[0].text().removesuffix("¶").strip()
    assert h1 == clean_text(report["event"])
    assert sorted(p.name for p in (site / "sources").iterdir() if p.is_file()) == ["index.html"]


# --- every built page ------------------------------------------------------------------------------


def _check_page(site: Path, path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    rel = path.relative_to(site).as_posix()
    root = parse_html(raw).root
    # The whole page: no handler, srcdoc, stray style or unsafe URL anywhere, theme included.
    problems = [p for p in audit(root) if not p.startswith("<")]
    assert problems == [], (rel, problems[:5])
    # The content: only what the renderer and the markdown extensions make.
    for article in root.find_all("article"):
        problems = audit(article, allowed=CONTENT_TAGS | {"article"})
        assert problems == [], (rel, problems[:5])
    without_scripts = _SCRIPT_BODY_RE.sub(r"\1\2", raw)
    assert not _ON_ATTR_RE.search(without_scripts), rel
    for chunk in _ARTICLE_RE.findall(raw):
        assert not re.search(r"<(script|img|iframe|object|embed|style|form|input|math)\b", chunk, re.I), rel
        assert not re.search(r"<svg\b(?![^>]*class=\"claims-chart\")", chunk), rel
    for node in root.iter():
        for name, value in node.attrs:
            assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), (
                rel,
                node.tag,
                name,
                value[:80],
            )
    for script in root.find_all("script"):
        src = script.attr("src")
        if src is not None:
            assert url_ok(src) and not re.match(r"https?:", src), (rel, src)
            # 404.html links from the site root, since it is served at any depth.
            base = site if src.startswith("/") else path.parent
            target = (base / src.split("?")[0].lstrip("/")).resolve()
            assert target.is_relative_to(site.resolve() / "assets"), (rel, src)
        body = "".join(c for c in script.children if isinstance(c, str))
        assert not MARKER_RE.search(body), (rel, body[:200])
    _check_head(rel, raw, root)


def _check_head(rel: str, raw: str, root: Node) -> None:
    head = raw[: raw.index("</head>")]
    titles = re.findall(r"<title>(.*?)</title>", head, re.S)
    assert len(titles) == 1, rel
    assert "<" not in titles[0], (rel, titles[0])
    title = html.unescape(titles[0])
    assert title.endswith(f" - {SITE_NAME}") or title == SITE_NAME, (rel, title)
    for meta in root.find_all("meta"):
        name = meta.attr("name") or meta.attr("property")
        if meta.attr("charset") is not None:
            continue
        assert name in META_NAMES, (rel, meta.attrs)
        assert not MARKER_RE.search(meta.attr("content") or ""), (rel, meta.attrs)
    for link in root.find_all("link"):
        assert url_ok(link.attr("href") or ""), (rel, link.attrs)
    # The nav: links to hand-made pages only; source pages (titled with article text) are not in it.
    # (The header and the page's own table of contents do show article text, escaped like the body.)
    for nav in root.find_all("nav"):
        primary = "md-nav--primary" in (nav.attr("class") or "")
        for a in nav.find_all("a"):
            href = a.attr("href") or ""
            assert url_ok(href), (rel, a.attrs)
            if primary and not href.startswith("#"):
                assert not MARKER_RE.search(a.text()), (rel, href, a.text())


def _check_search_index(site: Path) -> None:
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    # Article text is in the index HTML-escaped ("&lt;img src=x onerror=..."): as text, inert.
    for needle in ("<script", "<img", "<svg", "<iframe", "<style", "<form", "<math", "<object", "</title"):
        assert needle not in raw.lower(), needle
    index = json.loads(raw)
    for doc in index["docs"]:
        assert url_ok(doc["location"]) and not doc["location"].startswith(("http:", "https:")), doc[
            "location"
        ]
        for key in ("title", "text"):
            value = doc[key]
            tags = {t.lower() for t in re.findall(r"<\s*/?\s*([A-Za-z][A-Za-z0-9]*)", value)}
            assert tags <= INDEX_TAGS, (doc["location"], key, tags - INDEX_TAGS)
            fragment = parse_html(value).root
            assert audit(fragment, allowed=INDEX_TAGS) == [], (doc["location"], key)
            assert "&#" not in value, "search indexer left a numeric entity undecoded"


def _check_sitemap(site: Path) -> None:
    raw = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<script" not in raw.lower() and "javascript:" not in raw.lower()
    for loc in re.findall(r"<loc>(.*?)</loc>", raw):
        assert re.fullmatch(r"http://127\.0\.0\.1:8000/[a-z0-9/_.-]*", loc), loc


def _check_site(site: Path) -> None:
    pages = _html_files(site)
    assert len(pages) >= 8
    for path in pages:
        _check_page(site, path)
    _check_search_index(site)
    _check_sitemap(site)


def test_built_pages_are_inert(payload_site: BuiltSite) -> None:
    _check_site(payload_site.site)


def test_titles_are_the_escaped_article_titles(payload_site: BuiltSite) -> None:
    site = payload_site.site
    for source in _report(site)["sources"]:
        page = site / "sources" / page_slug(source["id"]) / "index.html"
        raw = page.read_text(encoding="utf-8")
        (title,) = re.findall(r"<title>(.*?)</title>", raw[: raw.index("</head>")], re.S)
        assert html.unescape(title) == f"{clean_text(source['title'])} - {SITE_NAME}", source["id"]
        root = parse_html(raw).root
        h1 = root.find_all("h1")[0].text().removesuffix("¶").strip()
        assert h1 == clean_text(source["title"])


def test_payload_text_is_visible_on_the_built_pages(payload_site: BuiltSite) -> None:
    site = payload_site.site
    report = _report(site)
    visible = " ".join(parse_html(p.read_text(encoding="utf-8")).root.text() for p in _html_files(site))
    for claim in report["claims"]:
        assert clean_text(claim["text"]) in visible, claim["id"]
    markers = set(MARKER_RE.findall(json.dumps(report, ensure_ascii=False)))
    assert len(markers) >= 40
    assert markers <= set(MARKER_RE.findall(visible)), sorted(markers - set(MARKER_RE.findall(visible)))


def test_search_index_finds_payload_text_as_text(payload_site: BuiltSite) -> None:
    index = json.loads((payload_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(html.unescape(d["text"]) for d in index["docs"])
    assert "<img src=x onerror=alert('PWN-A03')>" in texts
    assert "javascript:alert('PWN-A06')" in texts


# --- log injection ---------------------------------------------------------------------------------

_LOG_PAYLOAD = "evil\nWARNING -  forged PWN-G01\n::error title=PWN-G02::forged\n\x1b]0;PWN-G03\x07\x1b[2J"


@pytest.fixture(scope="module")
def log_injection_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file name and an override id with newlines, a GitHub Actions workflow command and
    terminal escapes: names a file system allows but no log line should carry as they are."""
    seeds = tmp_path_factory.mktemp("log-injection")
    (seeds / "a.txt").write_text(
        "Bridge collapse\n\nPolice said about 2,000 people were on the riverbank when "
        "the bridge fell, according to the county police.\n",
        encoding="utf-8",
    )
    (seeds / f"{_LOG_PAYLOAD}.js").write_text("x", encoding="utf-8")
    (seeds / "overrides.yaml").write_text(
        yaml.safe_dump({"same_fact": [{"claims": ["a/1", _LOG_PAYLOAD.replace("G0", "H0")], "note": "n"}]}),
        encoding="utf-8",
    )
    return seeds


def _assert_no_forged_lines(output: str) -> None:
    assert "\x1b" not in output, "terminal escape sequence copied into the log"
    # Each payload must stay on the line the program started for it, after the program's prefix.
    for line in output.splitlines():
        if "PWN-" in line:
            assert re.match(r"(WARNING\s+-\s+claims: |skipped |warning: )", line), (
                f"forged log line: {line!r}"
            )


_PLUGIN_LOG_BUG = (
    "plugin.py logs skipped paths and warnings as they are: a file name or an overrides.yaml id with a "
    "newline forges log lines (and GitHub Actions '::' workflow commands), and ESC sequences reach the "
    "terminal. Fix: log clean_text(...) of every article-derived string."
)
_CLI_LOG_BUG = (
    "cli.py prints skipped paths and warnings as they are (see test_build_log_cannot_be_forged). "
    "Fix: print clean_text(...) of every article-derived string."
)


def test_build_log_cannot_be_forged(log_injection_seeds: Path, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", log_injection_seeds)
    done = build_site(project, strict=False)
    if done.returncode != 0:  # not the expected failure: pytest.fail is not an AssertionError
        pytest.fail(f"build failed:\n{done.stderr}")
    _assert_no_forged_lines(done.stdout + done.stderr)


def test_cli_output_cannot_be_forged(log_injection_seeds: Path, tmp_path: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "generator",
        "analyze",
        str(log_injection_seeds),
        "--json",
        str(tmp_path / "r.json"),
    ]
    done = subprocess.run(cmd, env=mkdocs_env(), capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        pytest.fail(f"analyze failed:\n{done.stderr}")
    _assert_no_forged_lines(done.stdout + done.stderr)


def test_log_injection_payloads_stay_inert_on_the_summary(log_injection_seeds: Path, tmp_path: Path) -> None:
    """Whatever the log does, the page shows the hostile name as one line of text."""
    from generator.pipeline import analyze
    from generator.render import render_pages

    report = analyze(log_injection_seeds)
    assert any("PWN-G01" in s.path for s in report.skipped)
    summary = next(p for p in render_pages(report) if p.path == "index.md").content
    assert "\x1b" not in summary
    for line in summary.splitlines():
        if "PWN-G01" in line:
            assert "PWN-G02" in line and "PWN-G03" in line, "the hostile name was split over lines"
