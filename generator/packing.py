"""Generated pages kept compressed while MkDocs builds, so memory does not grow with every page held twice.

MkDocs converts every page's markdown to HTML first and only then renders the theme around each
page, so for the whole build it holds every page's markdown (in its File and in ``page.markdown``)
and every page's HTML (``page.content``): at 10,000 articles several gigabytes. Generated text is
repetitive markup and compresses about tenfold, so:

- ``PackedFile`` is a generated File whose content is stored zlib-compressed and unpacked only
  when MkDocs reads or copies it; a page's is let go once the page is converted;
- ``PageStore`` holds a generated page's HTML compressed from the end of its conversion until the
  theme renders it, and drops the markdown once it is converted: the plugin calls ``hold`` last in
  ``on_page_content``, ``restore`` first in ``on_page_context`` (before the search plugin reads the
  HTML), and ``release`` last in ``on_post_page``, after the page is written. It also keeps the
  page's links to anchors compressed (MkDocs keeps every one, with its text, for the whole build, to
  check after the last page that each anchor exists: 30 KB a source page) and ``check_anchors``
  makes MkDocs' check on them, with the same message at the same level, once every page is built.

Compression level 6 (zlib's default) for a build: a fifth smaller than level 1 on generated pages,
for a few seconds over a 10,000-article build. ``mkdocs serve`` rebuilds the site after every edit
and waits on each one, so there ``ServedFile`` packs at level 1, twice as fast.
"""

from __future__ import annotations

import logging
import zlib

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

LEVEL = 6
# Where MkDocs logs a missing anchor, so the message reads and counts (``--strict``) the same.
_pages_log = logging.getLogger("mkdocs.structure.pages")


class PackedFile(File):
    """A generated file whose content lives compressed. MkDocs reads ``_content`` directly (when it
    copies a file), so the compression sits behind that attribute itself."""

    level = LEVEL
    _packed: bytes | None = None
    _text = False

    _released = False

    @property
    def _content(self) -> str | bytes | None:
        if self._released:
            raise RuntimeError(f"{self.src_uri}: the page's markdown was let go once it was converted")
        if self._packed is None:
            return None
        raw = zlib.decompress(self._packed)
        return raw.decode("utf-8", "surrogatepass") if self._text else raw

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        if value is None:
            self._packed = None
            return
        self._text = isinstance(value, str)
        raw = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        self._packed = zlib.compress(raw, self.level)

    def release(self) -> None:
        """Let go of the content: a page's markdown is read once, before it is converted."""
        self._packed = None
        self._released = True

    @property
    def packed_size(self) -> int:
        return len(self._packed) if self._packed is not None else 0


class ServedFile(PackedFile):
    """A PackedFile for ``mkdocs serve``: faster to pack, a little larger."""

    level = 1


class PageStore:
    """HTML and links to anchors of generated pages, compressed while MkDocs holds every page."""

    def __init__(self) -> None:
        self._held: dict[str, bytes] = {}
        self._restored: set[str] = set()
        self._links: dict[str, bytes] = {}

    def hold(self, page: Page, html: str) -> str:
        """What ``page.content`` becomes until ``restore``: nothing, the HTML is kept compressed."""
        uri = page.file.src_uri
        self._held[uri] = zlib.compress(html.encode("utf-8", "surrogatepass"), LEVEL)
        # Converted: nothing reads the markdown again. Empty, not None: Page.title is None without markdown,
        # and a theme that prints page.title (MkDocs' own) would lose every generated page's title.
        page.markdown = ""
        if isinstance(page.file, PackedFile):
            page.file.release()
        if page.links_to_anchors:
            lines = (
                f"{target.src_uri}\0{anchor}\0{link}"
                for target, links in page.links_to_anchors.items()
                for anchor, link in links.items()
            )
            self._links[uri] = zlib.compress("\n".join(lines).encode("utf-8", "surrogatepass"), LEVEL)
            page.links_to_anchors = {}  # checked by check_anchors instead
        return ""

    def restore(self, page: Page) -> None:
        packed = self._held.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8", "surrogatepass")
            self._restored.add(page.file.src_uri)

    def release(self, page: Page) -> None:
        if page.file.src_uri in self._restored:
            self._restored.discard(page.file.src_uri)
            page.content = None  # written to the site: the theme and search are done with it

    def check_anchors(self, files: Files, level: int) -> None:
        """MkDocs' ``Page.validate_anchor_links`` over the links ``hold`` took from the pages."""
        pages: dict[str, Page | None] = {}  # get_file_from_path normalises a path each call: once per target
        for uri, packed in sorted(self._links.items()):
            for line in zlib.decompress(packed).decode("utf-8", "surrogatepass").split("\n"):
                target_uri, anchor, link = line.split("\0", 2)
                if target_uri not in pages:
                    target = files.get_file_from_path(target_uri)
                    pages[target_uri] = target.page if target is not None else None
                page = pages[target_uri]
                if page is None or page.present_anchor_ids is None or anchor in page.present_anchor_ids:
                    continue
                if target_uri == uri:
                    problem = "there is no such anchor on this page"
                else:
                    problem = f"the doc '{target_uri}' does not contain an anchor '#{anchor}'"
                _pages_log.log(level, f"Doc file '{uri}' contains a link '{link}', but {problem}.")
        self._links.clear()

    def clear(self) -> None:
        self._held.clear()
        self._restored.clear()
        self._links.clear()
