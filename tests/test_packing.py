"""Generated pages stay compressed while MkDocs builds (packing.py): the site is the same, the memory is not."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator import plugin
from generator.packing import PackedFile, ServedFile
from generator.records import GeneratedPage

ROOT = Path(__file__).resolve().parent.parent


def _config(tmp_path: Path) -> MkDocsConfig:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = None  # set by MkDocs while a plugin event runs
    return config


@pytest.mark.parametrize("content", ["plain", "Seoul’s “quoted” text — 4,000\n" * 200, b"\x00\xffbytes" * 50, ""])
def test_packed_file_gives_back_what_it_was_given(tmp_path: Path, content: str | bytes) -> None:
    config = _config(tmp_path)
    packed = PackedFile.generated(config, "sources/a.md", content=content)
    assert isinstance(packed, PackedFile)
    plain = File.generated(config, "sources/a.md", content=content)
    assert packed.content_bytes == plain.content_bytes
    if isinstance(content, str):
        assert packed.content_string == plain.content_string == content
    packed.copy_file()
    assert Path(packed.abs_dest_path).read_bytes() == plain.content_bytes
    if len(content) > 1000:
        assert packed.packed_size < len(plain.content_bytes) / 5


def test_served_file_packs_faster_and_gives_back_the_same(tmp_path: Path) -> None:
    config = _config(tmp_path)
    content = "".join(f"| [Outlet {i}](sources/{i}.md#c-{i % 7}) | {i * 37 % 1000:,} troops |\n" for i in range(500))
    built = PackedFile.generated(config, "index.md", content=content)
    served = ServedFile.generated(config, "index.md", content=content)
    assert isinstance(built, PackedFile) and isinstance(served, ServedFile)
    assert served.content_string == built.content_string == content
    assert (served.level, built.level) == (1, 6)
    assert built.packed_size < served.packed_size < len(content) / 3  # level 1 still packs


def test_packed_file_content_can_be_replaced(tmp_path: Path) -> None:
    config = _config(tmp_path)
    packed = PackedFile.generated(config, "report.json", content="{}")
    packed.content_string = '{"a": 1}'
    assert packed.content_string == '{"a": 1}' and packed.content_bytes == b'{"a": 1}'


def test_generated_pages_hold_no_html_or_markdown_between_conversion_and_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n\nHand-written.\n", encoding="utf-8")
    shutil.copytree(ROOT / "tests" / "fixtures" / "golden-story", tmp_path / "seeds")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Test\ntheme: material\nplugins:\n  - search\n  - claims:\n"
                           "      seeds_dir: seeds\n      cache_dir: ''\n", encoding="utf-8")
    seen: dict[str, tuple[Any, ...]] = {}
    real = mkdocs_build._build_page

    def watching(page: Page, *args: Any, **kwargs: Any) -> None:
        before = (page.content, page.markdown, getattr(page.file, "packed_size", None))
        real(page, *args, **kwargs)
        seen[page.file.src_uri] = (*before, page.content)

    monkeypatch.setattr(mkdocs_build, "_build_page", watching)
    mkdocs_build.build(load_config(config_file=str(config_file), site_dir=str(tmp_path / "site")))
    generated = {uri: state for uri, state in seen.items() if uri != "about.md"}
    assert len(generated) >= 5
    # no HTML, no markdown and no source held; the HTML is let go again once the page is written
    assert all(state == ("", "", 0, None) for state in generated.values()), generated
    assert seen["about.md"][0] and seen["about.md"][3]  # hand-written pages are left as MkDocs keeps them
    summary = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Marrow Bay" in summary  # the HTML came back for the theme
    index = (tmp_path / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Marrow Bay" in index  # and for the search plugin


def test_generated_pages_keep_their_titles_in_a_theme_that_prints_page_title(tmp_path: Path) -> None:
    """MkDocs' own theme prints ``page.title``, which MkDocs makes None once a page has no markdown."""
    (tmp_path / "docs").mkdir()
    shutil.copytree(ROOT / "tests" / "fixtures" / "golden-story", tmp_path / "seeds")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Test\ntheme: mkdocs\nplugins:\n  - claims:\n"
                           "      seeds_dir: seeds\n      cache_dir: ''\n", encoding="utf-8")
    mkdocs_build.build(load_config(config_file=str(config_file), site_dir=str(tmp_path / "site")))
    titles = {p.parent.name: re.findall(r"<title>(.*?)</title>", p.read_text(encoding="utf-8"))
              for p in (tmp_path / "site").glob("*/**/index.html")}
    assert titles["contradictions"] == ["Contradictions - Test"]
    sources = {k: v for k, v in titles.items() if k not in ("contradictions", "grid", "sources")}
    assert len(sources) >= 2 and all(len(v) == 1 and v[0] != "Test" and v[0].endswith(" - Test")
                                     for v in sources.values()), sources


def test_links_to_missing_anchors_are_reported_as_mkdocs_reports_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The generated pages' links to anchors are checked from their compressed copy, once every page is
    built: a broken one logs MkDocs' own message at the configured level, as a hand-written page's does."""
    (tmp_path / "docs").mkdir()
    broken = "[gone](contradictions.md#no-such-anchor) and [here](#nowhere-here)\n"
    (tmp_path / "docs" / "about.md").write_text(f"# About\n\n{broken}", encoding="utf-8")
    shutil.copytree(ROOT / "tests" / "fixtures" / "golden-story", tmp_path / "seeds")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: Test\ntheme: mkdocs\nvalidation:\n  anchors: warn\nplugins:\n  - claims:\n"
                           "      seeds_dir: seeds\n      cache_dir: ''\n", encoding="utf-8")
    real = plugin.render_story  # type: ignore[attr-defined]

    def with_broken_links(*args: Any, **kwargs: Any) -> tuple[GeneratedPage, ...]:
        pages = real(*args, **kwargs)
        return tuple(GeneratedPage(p.path, p.content + "\n" + broken, p.in_nav) if p.path == "grid.md" else p
                     for p in pages)

    monkeypatch.setattr(plugin, "render_story", with_broken_links)
    caplog.set_level(logging.INFO)
    mkdocs_build.build(load_config(config_file=str(config_file), site_dir=str(tmp_path / "site")))
    messages = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and "anchor" in r.getMessage()]
    for page in ("about.md", "grid.md"):
        assert (f"Doc file '{page}' contains a link 'contradictions.md#no-such-anchor', but the doc "
                "'contradictions.md' does not contain an anchor '#no-such-anchor'.") in messages
        here = f"Doc file '{page}' contains a link '#nowhere-here', but there is no such anchor on this page."
        assert here in messages
    assert len(messages) == 4, "\n".join(messages)  # and the generated pages' own anchors all resolve, although
    # mkdocs.yml here lists no markdown extension: the plugin adds those its pages need


def test_a_released_file_says_so_instead_of_giving_nothing(tmp_path: Path) -> None:
    packed = PackedFile.generated(_config(tmp_path), "sources/a.md", content="# A\n")
    assert isinstance(packed, PackedFile)
    packed.release()
    assert packed.packed_size == 0
    with pytest.raises(RuntimeError, match="let go"):
        packed.content_string  # noqa: B018
