"""Ingest: a seeds folder → Seeds (cleaned Articles, skipped inputs with reasons, warnings).

Reads ``.txt``, ``.md`` (optional YAML front matter; markdown turned into text with markdown-it-py)
and ``.html`` (main text and metadata by trafilatura), removes page furniture, and merges metadata
with precedence sources.yaml > the file's own metadata (front matter, HTML meta) > what cleaning
found (headline, byline, an outlet the byline names, a publication date stated by the dropped
timestamp, byline or dateline lines) > fallbacks (file name as title). A date is never taken
from the story text. A file that cannot be used becomes a ``Skipped`` entry naming the file and
the reason; the other articles still go through.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .errors import SeedError
from .furniture import Paragraphs, clean_article, is_story_paragraph
from .metadata import SOURCES_FILE, SourceMeta, SourcesFile, load_sources
from .records import Article, DroppedLine, Skipped
from .safefiles import read_limited
from .timex import find_times

ARTICLE_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
EDITOR_FILES = {SOURCES_FILE, "overrides.yaml"}


def is_article_file(path: Path) -> bool:
    """Article files: .txt/.md/.html, not hidden, not an editor file, not a README (documentation)."""
    name = path.name
    return (
        (path.is_file() or path.is_symlink())  # a symlink is listed so that its refusal is reported
        and not name.startswith(".")
        and name not in EDITOR_FILES
        and not name.lower().startswith("readme.")
        and path.suffix.lower() in ARTICLE_SUFFIXES
    )
MAX_ARTICLE_BYTES = 5_000_000
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_MD = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True, slots=True)
class Seeds:
    event: str | None
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Body:
    """An input file turned into plain text lines, with any metadata the file itself carries."""

    text: str
    meta: SourceMeta
    notes: tuple[DroppedLine, ...] = ()  # removed before cleaning (markdown notes outside the story)
    seen: Paragraphs | None = None  # what the markdown reader already found out about its paragraphs


def _decode(raw: bytes, name: str) -> str:
    if not raw.strip():
        raise SeedError(name, "is empty")
    if b"\x00" in raw[:8192]:
        raise SeedError(name, "looks like a binary file (NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeedError(name, f"is not valid UTF-8 (invalid byte at offset {exc.start})") from exc
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise SeedError(name, "is empty")
    return text


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _str(value: object) -> str | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = " ".join(str(value).split())
        return text[:2000] or None
    return None


_EMPHASISED = re.compile(r"^(\*{1,3}|_{1,3})(?!\s).+?(?<!\s)\1$", re.S)


@dataclass(frozen=True, slots=True)
class _MdBlock:
    line: int  # 0-based line of the block in the markdown source
    text: str
    emphasised: bool  # the whole paragraph is italic or bold: a tagline, a note, a bio
    paragraph: bool


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts).strip()


def _md_blocks(source: str) -> list[_MdBlock]:
    blocks: list[_MdBlock] = []
    tokens = _MD.parse(source)
    row: list[str] = []
    row_line = 0
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            row, row_line = [], token.map[0] if token.map else 0
        elif token.type == "tr_close":
            if any(row):
                blocks.append(_MdBlock(row_line, " | ".join(row), False, False))
        elif token.type == "inline":
            text = _inline_text(token)
            parent = tokens[i - 1].type if i else ""
            if parent in ("th_open", "td_open"):
                row.append(text)
            elif text:
                line = token.map[0] if token.map else 0
                emphasised = bool(_EMPHASISED.match(token.content.strip()))
                blocks.append(_MdBlock(line, text, emphasised, parent == "paragraph_open"))
        elif token.type in ("fence", "code_block") and token.map:
            for k, code_line in enumerate(token.content.splitlines()):
                if code_line.strip():
                    blocks.append(_MdBlock(token.map[0] + 1 + k, code_line, False, False))
    return blocks


def _markdown_text(
    source: str, line_offset: int, seen: Paragraphs | None = None
) -> tuple[str, tuple[DroppedLine, ...]]:
    """Plain text of a markdown document, each block on its source line so dropped lines keep
    their line numbers; italic or bold-only paragraphs before the first or after the last story
    paragraph are set aside as notes (taglines, author bios, editor's notes).

    A story paragraph is a plain paragraph that reads as prose and is not page furniture, so a
    closing "Thanks for reading! Subscribe ..." or "Next week: ..." after a bio does not make the
    bio part of the story."""
    blocks = _md_blocks(source)
    body = [i for i, b in enumerate(blocks) if b.paragraph and not b.emphasised and is_story_paragraph(b.text, seen)]
    notes: list[DroppedLine] = []
    kept: list[_MdBlock] = []
    for i, b in enumerate(blocks):
        if b.emphasised and body and (i < body[0] or i > body[-1]):
            notes.append(DroppedLine(line_offset + b.line + 1, b.text, "note outside the story"))
        else:
            kept.append(b)
    lines = [""] * (line_offset + max((b.line for b in kept), default=0) + 1)
    for b in kept:
        where = line_offset + b.line
        lines[where] = f"{lines[where]} {b.text}".strip()
    return "\n".join(lines), tuple(notes)


def _read_md(text: str, name: str) -> _Body:
    meta = SourceMeta()
    match = _FRONT_MATTER.match(text)
    if match:
        import yaml

        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            data = yaml.load(match.group(1), Loader=loader)
        except yaml.YAMLError as exc:
            raise SeedError(name, f"front matter is not valid YAML ({str(exc).splitlines()[0]})") from exc
        if isinstance(data, dict):
            meta = SourceMeta(
                title=_str(data.get("title")),
                outlet=_str(data.get("outlet") or data.get("source") or data.get("publisher")),
                author=_str(data.get("author") or data.get("authors") or data.get("byline")),
                url=_str(data.get("url") or data.get("link")),
                published=_date(data.get("date") or data.get("published")),
            )
        offset = text[: match.end()].count("\n")
        text = text[match.end() :]
    else:
        offset = 0
    seen = Paragraphs()  # is_story_paragraph's work, reused when the article is cleaned
    body, notes = _markdown_text(text, offset, seen)
    return _Body(body, meta, notes, seen)


@cache
def _html_options() -> Any:
    """trafilatura's options for every page, made once: building them reads its configuration again
    each time (0.1 ms a page). trafilatura copies them before the one change it makes for a page
    (its recall retry), so sharing them is safe."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="python",
        with_metadata=True,
        comments=False,
        tables=False,
        images=False,
        links=False,
    )


def warm_up_readers(seeds: Sequence[SeedFile]) -> None:
    """Load once, in this process, what reading ``seeds`` will need: trafilatura and its options when
    there are HTML pages (0.1 s), which workers forked from it then share instead of loading each."""
    if any(ARTICLE_SUFFIXES.get(seed.path.suffix.lower()) == "html" for seed in seeds):
        import trafilatura  # noqa: F401  (its import is the cost)

        _html_options()


def _read_html(text: str, name: str) -> _Body:
    import trafilatura

    found = trafilatura.bare_extraction(text, options=_html_options())
    # as_dict=True is deprecated in trafilatura 2 (a warning per page); the Document converts itself.
    doc = found.as_dict() if found is not None and hasattr(found, "as_dict") else found
    body = doc.get("text") if isinstance(doc, dict) else None
    if not isinstance(body, str) or not body.strip():
        raise SeedError(name, "HTML page has no article body that could be extracted")
    assert isinstance(doc, dict)
    return _Body(
        body,
        SourceMeta(
            title=_str(doc.get("title")),
            outlet=_str(doc.get("sitename")),
            author=_str(doc.get("author")),
            url=_str(doc.get("url")),
            published=_date(doc.get("date")),
        ),
    )


# Dropped lines that state when the page was published, read first; then other page furniture.
# Never the story itself, nor sections about other pages (comments, related links, notes).
_DATE_REASONS = ("timestamp", "byline", "repeated byline", "dateline")
_PAGE_REASONS = frozenset({"counter", "interface", "short line", "navigation", "tag list"})
_YEAR_REASONS = frozenset(_DATE_REASONS) | _PAGE_REASONS | {"copyright"}
_UPDATED = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.I)
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.I)


def _page_date(dropped: tuple[DroppedLine, ...]) -> dt.date | None:
    """The publication date a page states in its furniture ("Published Thursday, August 6, 2026",
    "By X | Aug 6, 2026", "KESSA, Aug. 6 (NewsNine) —"): the first date of day granularity in page
    order, timestamp, byline and dateline lines first (an "Updated ..." stamp after the others), then
    counters, labels and short lines. A day and month without a year ("Aug. 6") count only when
    another dropped line carries a year, which then supplies it."""
    # An "Updated ..." stamp is later than publication: it counts only when no other date does.
    stated = [d for d in dropped if d.reason in _DATE_REASONS]
    ordered = (
        [d for d in stated if not _UPDATED.search(d.text)]
        + [d for d in stated if _UPDATED.search(d.text)]
        + [d for d in dropped if d.reason in _PAGE_REASONS]
    )
    for d in ordered:
        for t in find_times(d.text, None):
            if t.granularity != "day":
                continue
            if t.resolved and not t.relative and t.begin is not None:
                return t.begin
            if _MONTH_WORD.search(t.text) and any(c.isdigit() for c in t.text):
                year = _page_year(dropped)
                if year is None:
                    continue
                # Midyear as the reference makes the nearest such day fall inside that year.
                again = find_times(t.text, dt.date(year, 7, 2))
                if again and again[0].begin is not None and again[0].begin.year == year:
                    return again[0].begin
    return None


def _page_year(dropped: tuple[DroppedLine, ...]) -> int | None:
    """The year of the first explicit date in the page's furniture ("© 2026 NewsNine")."""
    for d in dropped:
        if d.reason in _YEAR_REASONS:
            for t in find_times(d.text, None):
                if t.resolved and t.begin is not None and not t.relative:
                    return t.begin.year
    return None


# A title made from the article's first line keeps at most this many words.
FALLBACK_TITLE_WORDS = 10


def _fallback_title(text: str, stem: str) -> str:
    """Without a headline: the article's first line, cut short; else the file name."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = first.split()
    if not words:
        return re.sub(r"[_-]+", " ", stem).strip() or stem
    return " ".join(words[:FALLBACK_TITLE_WORDS]).rstrip(",;:") + ("…" if len(words) > FALLBACK_TITLE_WORDS else "")


def read_article(path: Path, seeds_dir: Path, meta: SourceMeta | None) -> Article:
    """Read one article file into a cleaned Article; raises SeedError when it cannot be used."""
    name = path.relative_to(seeds_dir).as_posix()
    raw = read_limited(path, seeds_dir, MAX_ARTICLE_BYTES, name)
    fmt = ARTICLE_SUFFIXES[path.suffix.lower()]
    text = _decode(raw, name)
    body = (
        _read_html(text, name) if fmt == "html" else _read_md(text, name) if fmt == "md" else _Body(text, SourceMeta())
    )
    given = meta or SourceMeta()
    own = body.meta
    cleaned = clean_article(
        body.text, known_title=given.title or own.title, known_author=given.author or own.author, seen=body.seen
    )
    if not cleaned.text.strip():
        raise SeedError(name, "has no article text left after removing page furniture")
    return Article(
        id=path.stem,
        path=name,
        format=fmt,
        title=given.title or own.title or cleaned.title or _fallback_title(cleaned.text, path.stem),
        outlet=given.outlet or own.outlet or cleaned.outlet,
        author=given.author or own.author or cleaned.author,
        url=given.url or own.url,
        published=given.published or own.published or _page_date(cleaned.dropped),
        dateline=cleaned.dateline,
        text=cleaned.text,
        dropped=tuple(sorted((*body.notes, *cleaned.dropped), key=lambda d: d.line)),
    )


@dataclass(frozen=True, slots=True)
class SeedFile:
    path: Path
    meta: SourceMeta | None  # the article's sources.yaml entry, if any


@dataclass(frozen=True, slots=True)
class SeedFiles:
    """What a seeds folder holds before any article is read: files, metadata and problems so far."""

    event: str | None
    files: tuple[SeedFile, ...]
    skipped: tuple[Skipped, ...]
    warnings: tuple[str, ...]


def list_seeds(seeds_dir: Path) -> SeedFiles:
    """The article files of one story (articles directly inside ``seeds_dir``) with their metadata."""
    if not seeds_dir.is_dir():
        raise SeedError(str(seeds_dir), "seeds directory does not exist")
    skipped: list[Skipped] = []
    warnings: list[str] = []
    try:
        sources = load_sources(seeds_dir)
    except SeedError as exc:
        skipped.append(Skipped(exc.path, f"{exc.reason}; articles were read without this metadata"))
        sources = SourcesFile(None, {}, ())
    warnings.extend(sources.warnings)

    by_stem: dict[str, list[Path]] = {}
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or path.name in EDITOR_FILES or path.is_dir():
            continue
        if path.name.lower().startswith("readme."):
            continue  # the folder's own documentation
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            skipped.append(
                Skipped(
                    path.name, f"unsupported file type {path.suffix or '(none)'!r}; articles are .txt, .md or .html"
                )
            )
            continue
        by_stem.setdefault(path.stem, []).append(path)

    for stem in sorted(set(sources.entries) - set(by_stem)):
        warnings.append(f"{SOURCES_FILE}: entry {stem[:60]!r} names no article file in the seeds folder")
    files = tuple(
        SeedFile(path, sources.entries.get(stem)) for stem, paths in sorted(by_stem.items()) for path in paths
    )
    return SeedFiles(sources.event, files, tuple(skipped), tuple(warnings))


def keep_one_per_stem(read: list[tuple[SeedFile, Article | SeedError]]) -> tuple[list[Article], list[Skipped]]:
    """Articles by source id: of two files with one stem ("a.txt", "a.html") the first that could be
    read is used and the other is skipped, naming both, so a broken file never hides a good one."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    used: dict[str, str] = {}
    for seed, result in read:
        name = seed.path.name
        if isinstance(result, SeedError):
            skipped.append(Skipped(result.path, result.reason))
        elif result.id in used:
            skipped.append(Skipped(name, f"same source id {result.id!r} as {used[result.id]}, which was used "
                                         "instead; rename one of them"))
        else:
            used[result.id] = name
            articles.append(result)
    return articles, skipped


def read_file(seed: SeedFile, seeds_dir: Path) -> Article | SeedError:
    """One article, or the error that says why it cannot be used."""
    try:
        return read_article(seed.path, seeds_dir, seed.meta)
    except SeedError as exc:
        return exc
    except (OSError, ValueError) as exc:  # an extractor failing on hostile markup
        return SeedError(seed.path.name, f"could not be read ({type(exc).__name__}: {exc})")


def read_seeds(seeds_dir: Path) -> Seeds:
    """Read every article in ``seeds_dir`` (one story: articles directly inside)."""
    listing = list_seeds(seeds_dir)
    articles, skipped = keep_one_per_stem([(seed, read_file(seed, seeds_dir)) for seed in listing.files])
    skipped = sorted([*listing.skipped, *skipped], key=lambda s: s.path)
    return Seeds(listing.event, tuple(articles), tuple(skipped), listing.warnings)
