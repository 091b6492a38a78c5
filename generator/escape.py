"""The only way untrusted article strings enter generated markdown, HTML and front matter.

Contract (see shared/design/security.md, rules 1-4):

- ``clean_text(s)``: drop control, surrogate and bidi-control characters, NFC-normalise, collapse
  every run of whitespace (newlines included) to one space and strip the ends. Plain text out.
- ``md_text(s)`` / ``md_cell(s)``: ``clean_text`` and then every ASCII punctuation character except
  space and comma becomes an HTML entity (``&amp; &lt; &gt; &quot; &#39;``, the rest numeric, e.g.
  ``|`` -> ``&#124;``). The result is inert in a paragraph, a table cell, a list item, a heading
  and a link label under every markdown extension the site uses: no ASCII markdown or HTML
  syntax survives, and browsers and the search indexer decode the entities back to the
  literal characters. ``md_cell`` never returns an empty string (``"—"`` instead).
  Never put the result inside backticks: code spans show entities literally.
- ``html_text(s)`` / ``html_attr(s)``: the same encoding, for text written inside raw HTML or a
  double-quoted attribute value. Plain ``html.escape`` is not enough here: Python-Markdown still
  runs inline markdown inside inline raw HTML (``<span>*x* [a](javascript:…)</span>`` gets an
  ``<em>`` and a link), so the markdown punctuation is entity-encoded too.
- ``md_link(label_md, url)``: ``[label](url)`` only for an http(s) URL with a valid host and no
  userinfo, rebuilt and percent-encoded so it cannot leave ``(...)`` or add a title; otherwise
  just the label.
- ``internal_link(label_md, path, anchor)``: link between generated pages; ``path`` and
  ``anchor`` are validated against small allowlists and a ``ValueError`` is raised otherwise
  (they are produced by our code, so a bad one is a bug, not hostile input).
- ``page_slug(source_id)``: ``[a-z0-9-]{1,39}`` base plus ``-`` and 16 hex of sha256 of the id,
  at most 56 characters; never empty, never a reserved name.
- ``front_matter(title, **controlled)``: a ``---`` block serialised by ``yaml.safe_dump`` with
  the HTML-escaped, cleaned title first and only the caller's controlled keys after it.

Functions taking article strings never raise on odd input.
"""

from __future__ import annotations

import hashlib
import html
import ipaddress
import re
import string
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import quote, urlsplit

import yaml

__all__ = [
    "EMPTY_CELL",
    "UNTITLED",
    "clean_text",
    "front_matter",
    "html_attr",
    "html_text",
    "internal_link",
    "md_cell",
    "md_link",
    "md_text",
    "page_slug",
]

EMPTY_CELL = "—"
UNTITLED = "Untitled"

# Control characters that are whitespace (tab, newlines, FS..US, NEL) are left for the whitespace
# collapse so that "a\nb" reads "a b" rather than "ab"; every other C0/C1 control is dropped.
_CONTROLS = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if not chr(c).isspace())
# Bidi embeddings/overrides/isolates reorder what a reader sees without changing what the text
# says (a "Trojan source" risk in a fact-checking report); the implicit marks LRM, RLM and ALM are
# dropped too because in English news they are only scraping debris. BOM/ZWNBSP is invisible noise.
# ZWJ/ZWNJ are kept: emoji sequences and several scripts need them. Lone surrogates are dropped
# because they cannot be encoded to UTF-8 and would crash the build when the page is written.
_DROP_RE = re.compile(
    "[" + re.escape(_CONTROLS) + "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)

# Every ASCII punctuation character except comma becomes an entity: this neutralises all current
# and future ASCII-based markdown syntax at once instead of chasing extensions one by one.
_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_ENTITIES = {c: _NAMED.get(c, f"&#{ord(c)};") for c in string.punctuation if c != ","}
# A regex with a dict lookup per match is ~10x faster than str.translate here: news text is
# mostly letters, and translate pays a dict lookup for every character.
_PUNCT_RE = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")

# Characters kept literally in a rebuilt URL path/query/fragment: RFC 3986 unreserved plus the
# reserved characters that cannot end a markdown link destination or start a title or an
# attribute list. Left out, and so percent-encoded: space " ' ( ) * < > [ ] \ ^ ` { | } and
# non-ASCII. "%" is kept only as the start of an existing %XX escape.
_URL_SAFE_PATH = "-._~/:@!$&+,;=%"
_URL_SAFE_QUERY = _URL_SAFE_PATH + "?"
_STRAY_PERCENT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST_RE = re.compile(
    r"(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.?"
)
# A label that is "already-escaped markdown" cannot contain these raw; any of them could close
# the label, escape the closing bracket, start raw HTML or split a table cell.
_BAD_LABEL_RE = re.compile(r"[\[\]<>\\`|\n\r]")

_INTERNAL_PATH_RE = re.compile(r"[a-z0-9/_.-]*")
_ANCHOR_RE = re.compile(r"[a-z0-9_-]+")
_FM_KEY_RE = re.compile(r"[a-z][a-z0-9_]*")

_SLUG_MAX = 56
_HASH_LEN = 16  # 64 bits: no file name can be searched for that collides with another's
_SLUG_BASE_MAX = _SLUG_MAX - _HASH_LEN - 1
_SLUG_JUNK_RE = re.compile(r"[^a-z0-9]+")

FrontMatterValue = str | bool | int | Sequence[str]


def clean_text(s: str) -> str:
    """Drop control/bidi/surrogate characters, NFC-normalise and collapse whitespace."""
    s = _DROP_RE.sub("", s)
    # NFC after dropping, so a combining mark separated from its base by a control still composes;
    # before escaping, because NFC can create ASCII punctuation (U+037E -> ";", U+1FEF -> "`").
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    # str.split() splits on exactly the characters str.isspace() accepts (NBSP, U+2028, NEL, ...)
    # and is ~4x faster than re.sub(r"\s+", " ", s).strip().
    return " ".join(s.split())


# Pages repeat their texts (a source's name in every row that cites it) and a served site's rebuild
# renders the same claims again: the escaping of recent texts is remembered.
@lru_cache(maxsize=1 << 14)
def _encode(s: str) -> str:
    return _PUNCT_RE.sub(_entity, clean_text(s))


def _entity(m: re.Match[str]) -> str:
    return _ENTITIES[m.group()]


def md_text(s: str) -> str:
    """Article text -> markdown that renders as exactly ``clean_text(s)`` and nothing else."""
    return _encode(s)


def md_cell(s: str) -> str:
    """Article text -> one table cell; ``EMPTY_CELL`` when there is nothing to show."""
    return _encode(s) or EMPTY_CELL


def html_text(s: str) -> str:
    """Article text -> content for raw HTML (block or inline) inside a markdown page."""
    return _encode(s)


def html_attr(s: str) -> str:
    """Article text -> the inside of a double- or single-quoted HTML attribute value."""
    return _encode(s)


def _safe_http_url(url: str) -> str | None:
    """Rebuild ``url`` as a percent-encoded http(s) URL, or None when it is not one."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or parts.username is not None or parts.password is not None:
        return None
    host = parts.hostname
    if not host:
        return None
    if ":" in host:
        try:
            host = f"[{ipaddress.IPv6Address(host).compressed}]"
        except ValueError:
            return None
    else:
        if not host.isascii():
            try:
                host = host.encode("idna").decode("ascii").lower()
            except UnicodeError:
                return None
        if not _HOST_RE.fullmatch(host):
            return None
    netloc = host if port is None else f"{host}:{port}"

    def enc(part: str, safe: str) -> str:
        return quote(_STRAY_PERCENT_RE.sub("%25", part), safe=safe, errors="surrogatepass")

    rebuilt = f"{parts.scheme}://{netloc}{enc(parts.path, _URL_SAFE_PATH)}"
    if parts.query:
        rebuilt += "?" + enc(parts.query, _URL_SAFE_QUERY)
    if parts.fragment:
        rebuilt += "#" + enc(parts.fragment, _URL_SAFE_QUERY)
    # Written as &amp; so the browser decodes it back to "&": Python-Markdown leaves complete
    # entities in an href alone, so a raw "&quot;" in a scraped URL would otherwise turn into '"'.
    return rebuilt.replace("&", "&amp;")


def _check_label(label_md: str) -> str:
    if _BAD_LABEL_RE.search(label_md):
        raise ValueError(f"link label is not escaped markdown: {label_md[:80]!r}")
    return label_md


def md_link(label_md: str, url: str | None) -> str:
    """``[label](url)`` for a safe http(s) URL, else the label alone.

    ``label_md`` must already be escaped markdown (from ``md_text``); an empty label falls back
    to the escaped URL. Raises ValueError only for a label that was clearly not escaped.
    """
    _check_label(label_md)
    safe = _safe_http_url(url) if url else None
    label = label_md or md_cell(url or "")
    if safe is None:
        return label
    return f"[{label}]({safe})"


def internal_link(label_md: str, path: str, anchor: str | None = None) -> str:
    """``[label](path#anchor)`` between generated pages; ValueError on a malformed path/anchor."""
    _check_label(label_md)
    if not label_md:
        raise ValueError("internal link needs a label")
    # Leading "/" is rejected as well as the charset: "//evil.example/x" is a protocol-relative URL.
    if not _INTERNAL_PATH_RE.fullmatch(path) or path.startswith("/"):
        raise ValueError(f"invalid internal link path: {path!r}")
    target = path
    if anchor is not None:
        if not _ANCHOR_RE.fullmatch(anchor):
            raise ValueError(f"invalid anchor: {anchor!r}")
        target += "#" + anchor
    if not target:
        raise ValueError("internal link needs a path or an anchor")
    return f"[{label_md}]({target})"


def page_slug(source_id: str) -> str:
    """Source id -> ``[a-z0-9-]`` file stem, ≤ 56 chars, ending in ``-`` + 16 hex of sha256(id).

    The hash makes slugs unique (ids that differ only by case or punctuation get different
    suffixes) and keeps every slug away from reserved names such as ``index``, ``search`` or
    ``con``.
    """
    digest = hashlib.sha256(source_id.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_LEN]
    ascii_form = unicodedata.normalize("NFKD", source_id.casefold()).encode("ascii", "ignore").decode()
    base = _SLUG_JUNK_RE.sub("-", ascii_form).strip("-")[:_SLUG_BASE_MAX].rstrip("-")
    return f"{base or 'source'}-{digest}"


def _controlled_value(key: str, value: object) -> str | bool | int | list[str]:
    # Material prints description/tags unescaped, so even our own strings are cleaned and escaped.
    if isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        return html.escape(clean_text(value), quote=True)
    if (
        isinstance(value, Sequence)
        and not isinstance(value, bytes | bytearray)
        and all(isinstance(v, str) for v in value)
    ):
        return [html.escape(clean_text(v), quote=True) for v in value]
    raise TypeError(f"front matter {key!r}: unsupported value type {type(value).__name__}")


def front_matter(title: str, /, **controlled: FrontMatterValue) -> str:
    """Front matter block ``---\\n…---\\n`` with ``title`` first.

    The title is cleaned and HTML-escaped, because Material prints ``page.meta.title`` unescaped
    in ``<title>``, the header and the nav and copies it into the search index. ``controlled``
    keys must be ``[a-z][a-z0-9_]*`` and not ``title``; values are bool, int, str or a sequence
    of str (TypeError/ValueError otherwise: they come from our code, never from an article).
    """
    data: dict[str, str | bool | int | list[str]] = {
        "title": html.escape(clean_text(title), quote=True) or UNTITLED
    }
    for key, value in controlled.items():
        if key == "title" or not _FM_KEY_RE.fullmatch(key):
            raise ValueError(f"front matter key not allowed: {key!r}")
        data[key] = _controlled_value(key, value)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1 << 30, default_flow_style=False)
    return f"---\n{body}---\n"
