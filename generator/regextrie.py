"""Phrase lists as regex tries: lower-case literal phrases → one regex alternation (a pattern string).

re tries the alternatives of a group one by one, so a flat list of a hundred phrases costs a hundred
failed attempts at every position; written as a trie ("kill(?:ed|ing|s|)") it costs a few. Used by the
finders whose patterns hold long word lists (figures, dates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of lower-case literal phrases, longest first; a space matches any run of whitespace.

    It prefers the same phrase as the flat list sorted longest first: the phrases that match at one
    position are prefixes of each other (two different characters of lower-case phrases never match the
    same character, a space never matches what a letter matches), and at every node the longer
    continuations come before the end of a phrase."""
    root: dict[str, dict[str, Any]] = {}
    for phrase in phrases:
        if phrase != phrase.lower():
            raise ValueError(f"phrase not in lower case: {phrase!r}")
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict[str, Any]) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in sorted(node) if ch]
        if "" in node:
            alts.append("")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)
