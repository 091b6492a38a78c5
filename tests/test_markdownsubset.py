"""The generated pages convert to the same HTML with the subset of Markdown they are written in as with
all of Markdown, and the plugin uses the subset only for a generated page no other plugin has changed."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest

from generator.markdownsubset import UNUSED_INLINE_PATTERNS, GeneratedSubset
from generator.pipeline import analyze, analyze_collection
from generator.plugin import MARKDOWN_EXTENSIONS, ClaimsPlugin
from generator.render import render_collection, render_pages

ROOT = Path(__file__).resolve().parent.parent
STORIES = [ROOT / "seeds", ROOT / "tests" / "payloads", *sorted((ROOT / "tests" / "fixtures" / "stories").iterdir())]


def _convert(text: str, subset: bool) -> str:
    extension = GeneratedSubset()
    extension.active = subset
    # The project's mkdocs.yml setup: the plugin's extensions, superfences and permalinks.
    md = markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, "pymdownx.superfences", extension],
        extension_configs={"toc": {"permalink": True}},
    )
    return md.convert(text)


def _pages(story: Path) -> list[tuple[str, str]]:
    pages = render_pages(analyze(story, workers=1))
    return [(p.path, p.content) for p in pages if p.path.endswith(".md")]


@pytest.mark.parametrize("story", [s for s in STORIES if s.is_dir()], ids=lambda s: s.name)
def test_generated_pages_convert_the_same_with_the_subset(story: Path) -> None:
    pages = _pages(story)
    assert len(pages) >= 4
    for path, text in pages:
        assert _convert(text, subset=True) == _convert(text, subset=False), path


def test_a_collection_s_pages_convert_the_same_with_the_subset(tmp_path: Path) -> None:
    for name in ("ferry-capsize", "quake-toll"):
        target = tmp_path / name
        target.mkdir()
        for f in (ROOT / "tests" / "fixtures" / "stories" / name).iterdir():
            (target / f.name).write_bytes(f.read_bytes())
    pages = [p for p in render_collection(analyze_collection(tmp_path, workers=1)) if p.path.endswith(".md")]
    assert any(p.path == "index.md" for p in pages)
    for page in pages:
        assert _convert(page.content, subset=True) == _convert(page.content, subset=False), page.path


def test_the_subset_would_change_text_that_uses_what_it_leaves_out() -> None:
    """The comparison above can fail: markdown using the left-out syntax converts differently."""
    for text in ("<https://example.org>", "a\\*b", "![x](y.png)", "line  \nbreak", "[a][b]\n\n[b]: c"):
        assert _convert(text, subset=True) != _convert(text, subset=False), text


def test_the_extension_removes_only_while_active() -> None:
    extension = GeneratedSubset()
    assert all(name in markdown.Markdown(extensions=[extension]).inlinePatterns for name in UNUSED_INLINE_PATTERNS)
    extension.active = True
    patterns = markdown.Markdown(extensions=[extension]).inlinePatterns
    assert not any(name in patterns for name in UNUSED_INLINE_PATTERNS)
    assert all(name in patterns for name in ("backtick", "link", "html", "entity", "em_strong"))
    assert repr(extension) == "GeneratedSubset()"  # no memory address in what reuse.py hashes


def _page(uri: str, as_read: str) -> Any:
    return SimpleNamespace(file=SimpleNamespace(src_uri=uri), markdown=as_read)


def test_the_plugin_uses_the_subset_only_for_generated_pages_as_generated() -> None:
    plugin = ClaimsPlugin()
    plugin._serving = True  # a build would also hold the converted page (packing.py): not what is tested here
    plugin._generated = frozenset({"index.md"})
    hook: Any = plugin.on_page_markdown
    content: Any = plugin.on_page_content
    hook("# Summary", page=_page("index.md", "# Summary"), config=None, files=None)
    assert plugin._subset.active
    content("<h1>Summary</h1>", page=_page("index.md", "# Summary"), config=None, files=None)
    assert not plugin._subset.active  # converted: the next page starts with every pattern
    # Another plugin added to the generated markdown: it may use any syntax.
    hook("# Summary\n\n<https://example.org>", page=_page("index.md", "# Summary"), config=None, files=None)
    assert not plugin._subset.active
    hook("# About", page=_page("about.md", "# About"), config=None, files=None)  # hand-written
    assert not plugin._subset.active
