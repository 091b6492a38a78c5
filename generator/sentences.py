"""Sentences: cleaned article text → Sentence spans with exact offsets.

Lines are split first (a headline or a one-line paragraph never merges with the next), then each
line is segmented with nupunkt, which keeps "U.S.", "Col.", "Gen." and "Jan." inside a sentence
and never rewrites the text. A direct quote that runs over several sentences is kept as one
unit, so the speaker named after the closing quote stays with every quoted sentence.
"""

from __future__ import annotations

import re
from typing import Final

import nupunkt

from .records import Sentence

_LINE: Final = re.compile(r"[^\n]+")
# A quote left open for longer than this many sentences is more likely a stray mark than a quote.
MAX_QUOTE_SENTENCES: Final = 5


def _open_quote(text: str) -> bool:
    """Whether ``text`` leaves a double quote open (curly marks counted by side, straight by parity)."""
    opened = text.count("\u201c") - text.count("\u201d")
    if opened > 0:
        return True
    if opened == 0 and "\u201c" not in text:
        return text.count('"') % 2 == 1
    return False


# nupunkt only ever ends a sentence at one of these characters.
_END_CHARS: Final = (".", "!", "?", "\u2026")
_CLOSERS: Final = "\"'\u201d\u2019)]"


def _segment_line(line: str) -> list[tuple[int, int]]:
    stripped = line.rstrip()
    ends = line.count(".") + line.count("!") + line.count("?") + line.count("\u2026")
    if ends == 0 or (ends == 1 and stripped.rstrip(_CLOSERS)[-1:] in _END_CHARS):
        # No place to end a sentence before the end of the line: one sentence, without asking nupunkt.
        return [(len(line) - len(line.lstrip()), len(stripped))] if stripped else []
    spans: list[tuple[int, int]] = []
    for start, end in nupunkt.sent_spans(line):
        piece = line[start:end]
        stripped_end = start + len(piece.rstrip())
        stripped_start = start + (len(piece) - len(piece.lstrip()))
        if stripped_end > stripped_start:
            spans.append((stripped_start, stripped_end))
    return spans


def _merge_quotes(line: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if len(spans) < 2 or ('"' not in line and "\u201c" not in line):
        return spans  # nothing to merge, or no double quote to leave open (most lines)
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        start, end = spans[i]
        j = i
        while _open_quote(line[start:end]) and j + 1 < len(spans) and j - i + 1 < MAX_QUOTE_SENTENCES:
            j += 1
            end = spans[j][1]
        if _open_quote(line[start:end]) and j > i:
            # Never closed: a stray mark. Keep the sentences as nupunkt split them.
            merged.append(spans[i])
            i += 1
            continue
        merged.append((start, end))
        i = j + 1
    return merged


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Segment ``text`` into sentences; ``text[s.start:s.end] == s.text`` for every one."""
    sentences: list[Sentence] = []
    for line_match in _LINE.finditer(text):
        line = line_match.group()
        if not line.strip():
            continue
        base = line_match.start()
        for start, end in _merge_quotes(line, _segment_line(line)):
            sentences.append(Sentence(len(sentences), base + start, base + end, text[base + start:base + end]))
    return tuple(sentences)
