"""The part of Markdown the generated pages are written in, and an extension that converts only that part.

Python-Markdown tries every inline pattern on every piece of text, and a source page's claim table is
thousands of short pieces (cells, link labels, entities). The generated pages use links, inline HTML
(``<span>``, ``<br>``), entities, bold and code spans, and nothing else inline: every character of an
article's text that Markdown could read as syntax is written as an entity (escape.py), and the page
templates in render.py use no backslash escapes, images, reference links, autolinks or hard line breaks.
The patterns for those can never match there, yet cost about a quarter of a generated page's conversion.

``GeneratedSubset`` drops them from the converter of one page at a time: the plugin turns it on just
before MkDocs converts a page whose markdown is exactly what the generator wrote (no other plugin has
added to it), and off once the page is converted. Every other page is converted with all patterns.
tests/test_markdownsubset.py converts every generated page of several stories (the hostile payloads
among them) both ways and compares the HTML byte for byte.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension

# Python-Markdown's own inline patterns that the generated markdown never uses (names as registered).
UNUSED_INLINE_PATTERNS = (
    "escape",
    "reference",
    "image_link",
    "image_reference",
    "short_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "linebreak",
)


class GeneratedSubset(Extension):
    """Drops ``UNUSED_INLINE_PATTERNS`` from the converters built while ``active``."""

    def __init__(self) -> None:
        super().__init__()
        self.active = False

    def extendMarkdown(self, md: Markdown) -> None:
        if not self.active:
            return
        for name in UNUSED_INLINE_PATTERNS:
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)

    def __repr__(self) -> str:
        # Part of what reuse.py hashes to tell whether a page's HTML can be reused: no memory address.
        return f"{type(self).__name__}()"
