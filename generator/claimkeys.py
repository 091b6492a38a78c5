"""Stable names for claims: Claims → {claim id: key}, where a claim keeps its key while its words do.

A claim's id (``<source>/<n>``) numbers it by its place in the article, so a paragraph added near the top
renumbers every claim below it. Whatever must survive such an edit is named by the key instead: the
anchor a link to the claim points at (a reader's bookmark, every other source page that cites it), and
the ids of the facts and contradictions it belongs to (an editor's dismissal names one). The key is
``<source>/<8 hex of BLAKE2b of the claim's words>``, with ``-2``, ``-3``… for the second and later
claims of one source whose words (or hashes) are the same, in text order. Under ``mkdocs serve`` this
also means an edit converts only the pages whose content it changed, not every page that links into
the edited article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .records import Claim

_DIGEST_BYTES = 4


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=_DIGEST_BYTES).hexdigest()


def stable_keys(claims: Iterable[Claim]) -> dict[str, str]:
    """Every claim's key (see module docstring); ``claims`` in text order within each source."""
    keys: dict[str, str] = {}
    seen: dict[str, int] = {}
    for c in claims:
        base = f"{c.source}/{_digest(c.text)}"
        n = seen[base] = seen.get(base, 0) + 1
        keys[c.id] = base if n == 1 else f"{base}-{n}"
    return keys


def key_part(key: str) -> str:
    """The part of a key after its source: what names the claim within its source's page."""
    return key.rpartition("/")[2]
