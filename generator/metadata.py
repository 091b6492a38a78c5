"""Per-article metadata from ``seeds/sources.yaml``: file → (event line, entries by source id, warnings).

Shape (every field optional)::

    event: "One-line description of the event"
    articles:
      <file stem>:
        title: ...
        outlet: ...
        author: ...
        url: https://...
        published: 2025-04-28

Problems that leave the rest usable (an unknown key, a bad date, an entry with no article) are
returned as warnings naming the file and line; a file that cannot be parsed raises SeedError.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .errors import SeedError
from .yamlfile import load_yaml

SOURCES_FILE = "sources.yaml"
TEXT_FIELDS = ("title", "outlet", "author", "url")
MAX_FIELD_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class SourceMeta:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class SourcesFile:
    event: str | None
    entries: dict[str, SourceMeta]
    warnings: tuple[str, ...]


def _date(value: object, where: str, warnings: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    warnings.append(f"{where}: published must be a date like 2025-04-28, got {str(value)[:40]!r}")
    return None


def _text(value: object, where: str, warnings: list[str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        warnings.append(f"{where}: expected text, got {type(value).__name__}")
        return None
    text = " ".join(str(value).split())
    if len(text) > MAX_FIELD_CHARS:
        warnings.append(f"{where}: longer than {MAX_FIELD_CHARS} characters; cut")
        text = text[:MAX_FIELD_CHARS]
    return text or None


def load_sources(seeds_dir: Path) -> SourcesFile:
    """Read ``sources.yaml`` in ``seeds_dir``; a missing file means no metadata at all."""
    path = seeds_dir / SOURCES_FILE
    if not path.exists() and not path.is_symlink():
        return SourcesFile(None, {}, ())
    data = load_yaml(path, SOURCES_FILE)
    warnings: list[str] = []
    if data is None:
        return SourcesFile(None, {}, ())
    if not isinstance(data, dict):
        raise SeedError(SOURCES_FILE, f"expected a mapping with 'event' and 'articles', got {type(data).__name__}")
    for key in sorted(map(str, data)):
        if key not in ("event", "articles"):
            warnings.append(f"{SOURCES_FILE}: unknown key {key[:60]!r} (expected 'event' or 'articles')")
    event = _text(data.get("event"), f"{SOURCES_FILE}: event", warnings)
    articles = data.get("articles") or {}
    if not isinstance(articles, dict):
        raise SeedError(SOURCES_FILE, "'articles' must map file stems to metadata")
    entries: dict[str, SourceMeta] = {}
    for stem, raw in articles.items():
        where = f"{SOURCES_FILE}: articles.{str(stem)[:60]}"
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            warnings.append(f"{where}: expected a mapping of fields, got {type(raw).__name__}")
            continue
        for key in sorted(map(str, raw)):
            if key not in (*TEXT_FIELDS, "published"):
                warnings.append(f"{where}: unknown field {key[:60]!r}")
        fields = {name: _text(raw.get(name), f"{where}.{name}", warnings) for name in TEXT_FIELDS}
        entries[str(stem)] = SourceMeta(
            title=fields["title"],
            outlet=fields["outlet"],
            author=fields["author"],
            url=fields["url"],
            published=_date(raw.get("published"), f"{where}.published", warnings),
        )
    return SourcesFile(event, entries, tuple(warnings))
