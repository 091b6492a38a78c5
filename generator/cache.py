"""Extraction cache: one article file → its cleaned Article, Sentences and Claims, stored as JSON.

Extraction is a pure function of the file's bytes, its sources.yaml entry and the generator's code,
so the entry is keyed by a hash of all three; a change to any of them misses. An entry is read
back only when its key, its code fingerprint and every exact-span invariant check out
(``article.text[start:end] == text`` for every sentence and claim): a corrupt or stale entry is
rebuilt, never trusted. JSON, not pickle, so a tampered cache file cannot run code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import tempfile
import types
import typing
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .records import Article, Claim, Sentence, pickled_by_fields

CACHE_SCHEMA = 1


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Extraction:
    article: Article
    sentences: tuple[Sentence, ...]
    claims: tuple[Claim, ...]


@cache
def code_fingerprint() -> str:
    """A hash of the generator's own source: any change to the rules invalidates every entry."""
    digest = hashlib.sha256(f"{__version__}\n{CACHE_SCHEMA}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def entry_key(raw: bytes, relative_path: str, metadata: object) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(relative_path.encode("utf-8", "surrogatepass"))
    digest.update(json.dumps(_encode(metadata), sort_keys=True).encode())
    digest.update(raw)
    return digest.hexdigest()


def _encode(value: object) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    return value


def _decode(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a record class, tuple[...], X | None, date or scalar)."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        return _decode(next(o for o in options if o is not type(None)), data)
    if origin is tuple:
        (item, *_rest) = typing.get_args(kind)
        if not isinstance(data, list):
            raise ValueError("expected a list")
        return tuple(_decode(item, v) for v in data)
    if kind is dt.date:
        return dt.date.fromisoformat(data)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise ValueError(f"expected a mapping for {kind.__name__}")
        hints = _hints(kind)
        record: Any = kind
        return record(**{f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(kind)})
    if kind is float and isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    if kind in (str, int, bool) and type(data) is kind:
        return data
    raise ValueError(f"expected {kind}, got {type(data).__name__}")


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _valid(extraction: Extraction) -> bool:
    text = extraction.article.text
    spans: tuple[Sentence | Claim, ...] = (*extraction.sentences, *extraction.claims)
    return all(0 <= s.start <= s.end <= len(text) and text[s.start : s.end] == s.text for s in spans)


@dataclass
class ExtractionCache:
    """Entries under ``directory`` (created on first write); counts what it served and rebuilt."""

    directory: Path
    hits: int = 0
    misses: int = 0
    rejected: int = 0  # entries found corrupt or stale, and rebuilt
    errors: list[str] = field(default_factory=list)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """Whether an entry exists (``load`` still checks that it is sound); a miss when it does not."""
        found = self._path(key).is_file()
        if not found:
            self.misses += 1
        return found

    def load(self, key: str) -> Extraction | None:
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError):
            self.rejected += 1
            return None
        try:
            if data.get("schema") != CACHE_SCHEMA or data.get("key") != key or data.get("code") != code_fingerprint():
                raise ValueError("stale entry")
            extraction = _decode(Extraction, data["extraction"])
            if not _valid(extraction):
                raise ValueError("spans do not match the text")
        except (ValueError, KeyError, TypeError, AttributeError, StopIteration):
            self.rejected += 1
            return None
        self.hits += 1
        assert isinstance(extraction, Extraction)
        return extraction

    def store(self, key: str, extraction: Extraction) -> None:
        path = self._path(key)
        payload = {"schema": CACHE_SCHEMA, "key": key, "code": code_fingerprint(), "extraction": _encode(extraction)}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write then rename, so a build killed halfway never leaves a half-written entry behind.
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(payload, out, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as exc:  # a read-only or full disk costs speed, never the build
            self.errors.append(f"cache entry not written ({exc.strerror or exc})")
