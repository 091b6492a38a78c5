"""The real site: `mkdocs build --strict` of the repository's mkdocs.yml and seeds, checked as HTML.

The repository build runs once per module into a temporary --site-dir. A second pair of builds
uses a copied project whose seeds folder holds unusable files, to show that --strict refuses to
publish an incomplete report and that a lenient build lists what was skipped on the summary page.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from generator.render import source_page

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
_ANCHOR = re.compile(r"^[cs]-\d+$")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PYTHONUTF8="1")
    return env


def _mkdocs() -> str:
    # Not resolved: in a venv sys.executable is a symlink whose directory holds the venv's scripts.
    found = shutil.which("mkdocs", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"mkdocs is not installed next to {sys.executable}")
    return found


def _build(config: Path, site: Path, *, strict: bool) -> subprocess.CompletedProcess[str]:
    cmd = [_mkdocs(), "build", "--config-file", str(config), "--site-dir", str(site)]
    if strict:
        cmd.append("--strict")
    return subprocess.run(cmd, cwd=config.parent, env=_env(), capture_output=True, text=True, timeout=120)


class _Page(HTMLParser):
    """Ids, links, primary-nav links and visible text of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.nav_links: list[str] = []
        self.text_parts: list[str] = []
        self._nav_depth = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "nav":
            classes = (a.get("class") or "").split()
            if self._nav_depth or "md-nav--primary" in classes:
                self._nav_depth += 1
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "a" and a.get("href"):
            href = a["href"] or ""
            self.links.append(href)
            if self._nav_depth:
                self.nav_links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _html_of(md_path: str) -> str:
    """Site path of the HTML a markdown page becomes with use_directory_urls (the default)."""
    stem = md_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def _resolve(site: Path, page_html: str, href: str) -> tuple[Path, str] | None:
    """The target file and fragment of an internal link; None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = posixpath.dirname(page_html)
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path))) if parts.path else page_html
    path = site / target
    if path.is_dir() or not parts.path or parts.path.endswith("/"):
        path = path / "index.html" if parts.path else site / page_html
    return path, parts.fragment


@dataclass(frozen=True)
class Built:
    site: Path
    log: str
    report: dict[str, Any]
    docs_before: tuple[object, ...]
    git_before: str | None


def _docs_snapshot() -> tuple[object, ...]:
    return tuple(sorted((str(p.relative_to(ROOT)), p.stat().st_size, p.stat().st_mtime_ns)
                        for p in (ROOT / "docs").rglob("*")))


def _git_status() -> str | None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        return None
    done = subprocess.run(["git", "status", "--porcelain", "--", "docs/"], cwd=ROOT, capture_output=True,
                          text=True, timeout=30)
    return done.stdout if done.returncode == 0 else None


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    site = tmp_path_factory.mktemp("site")
    docs_before, git_before = _docs_snapshot(), _git_status()
    done = _build(ROOT / "mkdocs.yml", site, strict=True)
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stdout}\n{done.stderr}"
    report = json.loads((site / "report.json").read_text(encoding="utf-8"))
    return Built(site, done.stdout + done.stderr, report, docs_before, git_before)


def _source_ids(built: Built) -> list[str]:
    return [str(s["id"]) for s in built.report["sources"]]


def _source_htmls(built: Built) -> list[str]:
    return [_html_of(source_page(sid)) for sid in _source_ids(built)]


def test_summary_is_the_home_page(built: Built) -> None:
    event = yaml.safe_load((SEEDS / "sources.yaml").read_text(encoding="utf-8"))["event"]
    home = _parse(built.site / "index.html")
    assert event in home.text
    assert "What the sources agree on" in home.text
    assert "Disputed points" in home.text


def test_one_page_per_source_linked_from_index_and_summary(built: Built) -> None:
    articles = sorted(p.stem for p in SEEDS.iterdir() if p.suffix in (".txt", ".md", ".html"))
    assert sorted(_source_ids(built)) == articles
    assert len(articles) == 5
    pages = _source_htmls(built)
    for html in pages:
        assert (built.site / html).is_file(), html
    for listing in ("sources/index.html", "index.html"):
        targets = {str(r[0].relative_to(built.site)) for href in _parse(built.site / listing).links
                   if (r := _resolve(built.site, listing, href)) is not None}
        missing = [p for p in pages if p not in targets]
        assert not missing, f"{listing} does not link to {missing}"


def test_source_pages_are_not_in_the_nav(built: Built) -> None:
    home = _parse(built.site / "index.html")
    nav_targets = {str(r[0].relative_to(built.site)) for href in home.nav_links
                   if (r := _resolve(built.site, "index.html", href)) is not None}
    # The nav is there (so the check below is not vacuous) and holds the hand-written pages.
    hand_made = ("sources/index.html", "contradictions/index.html", "about/index.html", "method/index.html")
    for expected in hand_made:
        assert expected in nav_targets
    assert not nav_targets & set(_source_htmls(built))


def test_claim_and_sentence_anchors_resolve(built: Built) -> None:
    """Every #c-N / #s-N link on a generated page points at an id that exists in its target page."""
    checked = {"c": 0, "s": 0}
    pages = ["index.html", "contradictions/index.html", "sources/index.html", *_source_htmls(built)]
    ids: dict[Path, set[str]] = {}
    for page in pages:
        for href in _parse(built.site / page).links:
            resolved = _resolve(built.site, page, href)
            if resolved is None or not _ANCHOR.match(resolved[1]):
                continue
            target, fragment = resolved
            assert target.is_file(), f"{page}: {href} points at a missing page"
            if target not in ids:
                ids[target] = _parse(target).ids
            assert fragment in ids[target], f"{page}: {href} points at a missing anchor"
            checked[fragment[0]] += 1
    assert checked["s"] >= len(built.report["claims"])
    assert checked["c"] > 0


def test_contradictions_page_links_to_source_claims(built: Built) -> None:
    page = "contradictions/index.html"
    assert (built.site / page).is_file()
    sources = set(_source_htmls(built))
    claim_links = [r for href in _parse(built.site / page).links
                   if (r := _resolve(built.site, page, href)) is not None and r[1].startswith("c-")]
    contradictions = built.report["contradictions"]
    assert isinstance(contradictions, list) and contradictions
    assert claim_links
    for target, fragment in claim_links:
        assert str(target.relative_to(built.site)) in sources
        assert fragment in _parse(target).ids


def test_report_json_matches_the_cli(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    cmd = [sys.executable, "-m", "generator", "analyze", "seeds", "--json", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (built.site / "report.json").read_bytes() == out.read_bytes()


def test_search_index_holds_the_figures(built: Built) -> None:
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d["location"] for d in index["docs"] if "4,000" in d["text"]]
    assert any(loc.startswith("sources/") or loc == "" or loc.startswith("#") for loc in hits), hits


def test_search_indexes_claims_not_the_whole_text_again_nor_the_furniture(built: Built) -> None:
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    generated = [d for d in index["docs"] if not d["location"].startswith(("about/", "method/"))]
    texts = " ".join(d["text"] for d in generated)
    assert not [d["location"] for d in generated if d["location"].endswith("#article-text")]
    assert not [d["location"] for d in generated if d["location"].startswith("grid/#")]  # restates the claims
    # Lists of other sources stay out of a claim row's indexed text: the row is found by its own words.
    rows = " ".join(d["text"] for d in generated if "#claims" in d["location"])
    assert "conflict:" not in rows
    claims = [c for c in built.report["claims"]]
    assert all(c["text"][:40] in texts for c in claims[:20])  # every claim is found through its table row
    # Furniture lines, leaving out those that are also the page's metadata (its title, its author).
    furniture = [d["text"] for s in built.report["sources"] for d in s["dropped"]
                 if d["text"] not in (s["title"], s["author"]) and len(d["text"]) >= 10]
    assert "Source link" in furniture
    assert [t for t in furniture if t in texts] == []
    source_page_html = (built.site / _html_of(source_page(_source_ids(built)[0]))).read_text(encoding="utf-8")
    assert '<h2 data-search-exclude id="article-text">' in source_page_html  # shown, not indexed


def test_hand_written_pages_exist(built: Built) -> None:
    for page in ("about/index.html", "method/index.html"):
        assert (built.site / page).is_file()


def test_build_writes_nothing_into_docs(built: Built) -> None:
    assert _docs_snapshot() == built.docs_before
    if built.git_before is not None:
        assert _git_status() == built.git_before


# --- a copied project with unusable seeds ---------------------------------------------------------

BAD_SEEDS = {
    "binary.txt": "looks like a binary file",
    "latin1.txt": "is not valid UTF-8",
    "empty.md": "is empty",
}


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("bad-project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    seeds = project / "seeds"
    seeds.mkdir()
    good = sorted(SEEDS.glob("*.txt"))[:2]
    for path in good:
        shutil.copy(path, seeds / path.name)
    (seeds / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (seeds / "latin1.txt").write_bytes("Le caf\u00e9 a ferm\u00e9 ses portes lundi.\n".encode("latin-1"))
    (seeds / "empty.md").write_bytes(b"")
    entries = {p.stem: {"published": "2025-04-28"} for p in good}
    entries["ghost_article"] = {"title": "An article that was never saved"}
    (seeds / "sources.yaml").write_text(yaml.safe_dump({"event": "A test event", "articles": entries}),
                                        encoding="utf-8")
    return project


def test_strict_build_fails_on_unusable_seeds(bad_project: Path, tmp_path: Path) -> None:
    done = _build(bad_project / "mkdocs.yml", tmp_path / "site", strict=True)
    log = done.stdout + done.stderr
    assert done.returncode != 0, log
    for name, reason in BAD_SEEDS.items():
        assert re.search(rf"{re.escape(name)}: {re.escape(reason)}", log), f"{name} / {reason} not in:\n{log}"
    assert "ghost_article" in log and "sources.yaml" in log


def test_lenient_build_lists_skipped_files_on_summary(bad_project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    done = _build(bad_project / "mkdocs.yml", site, strict=False)
    assert done.returncode == 0, done.stdout + done.stderr
    home = _parse(site / "index.html").text
    assert "Skipped inputs and warnings" in home
    for name, reason in BAD_SEEDS.items():
        assert f"Skipped {name}: {reason}" in home, name
    assert "ghost_article" in home
    assert len(list((site / "sources").glob("*/index.html"))) == 2
