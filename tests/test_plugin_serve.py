"""The plugin under ``mkdocs serve``: rebuilds reuse the HTML of generated pages whose markdown did not
change and the extractions already in memory; a plain build converts and reads everything.

MkDocs keeps one instance of a plugin that defines ``on_startup`` for the whole process (that is how
serve's rebuilds share it), so each test puts the instance back into build mode when it ends.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import pytest
from material.plugins.search.plugin import SearchIndex
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from generator.cache import ExtractionCache
from generator.packing import PageStore, ServedFile
from generator.plugin import SETTLE_S, ClaimsPlugin

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "fixtures" / "golden-story"
# The project's own theme and search plugin (Material's), and MkDocs' plain theme without search.
THEMES = {"mkdocs": {}, "material": {"theme": "material", "plugins": "  - search\n"}}
SENTENCE = "The harbour master said on Monday that 41 boats had been moved out of the bay."


def _project(tmp_path: Path, theme: str = "mkdocs", plugins: str = "") -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n\nHand-written.\n", encoding="utf-8")
    shutil.copytree(STORY, tmp_path / "seeds")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Test\ntheme: {theme}\nplugins:\n{plugins}  - claims:\n      seeds_dir: seeds\n"
                      "      cache_dir: cache\n", encoding="utf-8")
    return config


def _config(config_file: Path) -> MkDocsConfig:
    return load_config(config_file=str(config_file), site_dir=str(config_file.parent / "site"))


def _plugin(config: MkDocsConfig) -> ClaimsPlugin:
    plugin = config.plugins["claims"]
    assert isinstance(plugin, ClaimsPlugin)
    return plugin


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """src_uri of every real markdown conversion (Page.render running in full)."""
    done: list[str] = []
    real = Page.render

    def counting(self: Page, config: MkDocsConfig, files: Files) -> None:
        done.append(self.file.src_uri)
        real(self, config, files)

    monkeypatch.setattr(Page, "render", counting)
    return done


@pytest.fixture(params=["mkdocs"])
def serving(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # the theme prints the build date
    config_file = _project(tmp_path, **THEMES[request.param])
    plugin = _plugin(_config(config_file))
    _forget(plugin)
    plugin.on_startup(command="serve", dirty=False)
    yield config_file
    plugin.on_startup(command="build", dirty=False)
    _forget(plugin)


def _forget(plugin: ClaimsPlugin) -> None:
    """Start from an empty memory: another test's identical pages would otherwise be reused."""
    plugin._pages.clear()
    plugin._search.clear()
    plugin._outputs.clear()
    plugin._extracted.clear()


def _site(config_file: Path) -> dict[str, bytes]:
    site = config_file.parent / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and not p.name.startswith("sitemap")}


def _edit(config_file: Path) -> Path:
    article = sorted((config_file.parent / "seeds").glob("*.txt"))[0]
    text = article.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    longest = max(range(len(text)), key=lambda i: len(text[i]))
    text.insert(longest + 1, SENTENCE)
    article.write_text("\n\n".join(text) + "\n", encoding="utf-8")
    return article


def test_serve_rebuild_reuses_unchanged_pages(serving: Path, renders: list[str]) -> None:
    build(_config(serving))
    first_site, first_renders = _site(serving), list(renders)
    generated = [uri for uri in first_renders if uri != "about.md"]
    assert len(generated) >= 5 and "about.md" in first_renders
    renders.clear()
    build(_config(serving))
    assert renders == ["about.md"]  # only the hand-written page is converted again
    assert _site(serving) == first_site  # and the site is byte-identical

    renders.clear()
    _edit(serving)
    build(_config(serving))
    site = _site(serving)
    assert any(SENTENCE.split(" that ")[1][:20] in html.decode() for name, html in site.items()
               if name.startswith("sources/"))
    assert 0 < len(renders) - 1 < len(generated)  # the edited story's changed pages, not all of them


def test_serve_rebuild_keeps_extractions_in_memory(serving: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(_config(serving))
    folder: list[tuple[str, str]] = []  # every look into the cache folder
    real_has, real_load = ExtractionCache.has, ExtractionCache.load

    def has(self: ExtractionCache, key: str) -> bool:
        folder.append(("has", key))
        return real_has(self, key)

    def load(self: ExtractionCache, key: str) -> Any:
        folder.append(("load", key))
        return real_load(self, key)

    monkeypatch.setattr(ExtractionCache, "has", has)
    monkeypatch.setattr(ExtractionCache, "load", load)
    build(_config(serving))
    assert folder == []  # every article came from memory
    _edit(serving)
    build(_config(serving))
    # the edited article: looked for in the cache folder, not there, so extracted (and not read back)
    assert [kind for kind, _ in folder] == ["has"]


def test_serve_packs_fast_and_keeps_no_second_copy_of_the_html(
    serving: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under serve the generated files pack at level 1, and the pages' HTML is not compressed again
    between conversion and rendering: the page reuse holds it for the next rebuild anyway."""
    held: list[str] = []

    def hold(self: PageStore, page: Page, html: str) -> str:
        held.append(page.file.src_uri)
        return ""

    monkeypatch.setattr(PageStore, "hold", hold)
    config = _config(serving)
    build(config)
    generated = [f for f in _plugin(config)._files or () if f.generated_by]
    assert len(generated) >= 5 and all(isinstance(f, ServedFile) for f in generated)
    assert held == []
    assert "Marrow Bay" in (serving.parent / "site" / "index.html").read_text(encoding="utf-8")


def test_plain_build_converts_every_page(tmp_path: Path, renders: list[str]) -> None:
    config_file = _project(tmp_path)
    build(_config(config_file))
    first = sorted(renders)
    renders.clear()
    build(_config(config_file))
    assert sorted(renders) == first


def test_a_page_that_warned_is_converted_again(serving: Path, renders: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    real = Page.render  # the counting wrapper
    warned: list[str] = []

    def warning_once(self: Page, config: MkDocsConfig, files: Files) -> None:
        real(self, config, files)
        if self.file.src_uri == "grid.md" and not warned:
            warned.append(self.file.src_uri)
            logging.getLogger("mkdocs.structure.pages").warning("a link that does not resolve")

    monkeypatch.setattr(Page, "render", warning_once)
    build(_config(serving))
    renders.clear()
    build(_config(serving))
    assert sorted(renders) == ["about.md", "grid.md"]


@pytest.mark.parametrize("serving", ["mkdocs", "material"], indirect=True)
def test_serve_rebuild_after_an_edit_equals_a_clean_build(serving: Path) -> None:
    build(_config(serving))
    _edit(serving)
    build(_config(serving))  # reuses what it can from the first build
    served = _site(serving)
    plugin = _plugin(_config(serving))
    plugin.on_startup(command="build", dirty=False)
    _forget(plugin)
    shutil.rmtree(serving.parent / "site")
    build(_config(serving))  # converts and extracts everything afresh
    assert _site(serving) == served


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """URL of every page Material's search plugin parses into index entries."""
    done: list[str] = []
    real = SearchIndex.add_entry_from_context

    def counting(self: SearchIndex, page: Page) -> None:
        done.append(page.url)
        real(self, page)

    monkeypatch.setattr(SearchIndex, "add_entry_from_context", counting)
    return done


@pytest.mark.parametrize("serving", ["material"], indirect=True)
def test_serve_rebuild_reuses_search_entries_of_unchanged_pages(serving: Path, parses: list[str]) -> None:
    build(_config(serving))
    index = (serving.parent / "site" / "search" / "search_index.json").read_bytes()
    pages = len(parses)
    assert pages >= 6
    parses.clear()
    build(_config(serving))
    assert parses == []  # nothing changed: every page's entries are reused
    assert (serving.parent / "site" / "search" / "search_index.json").read_bytes() == index
    _edit(serving)
    build(_config(serving))
    assert 0 < len(parses) < pages  # the pages the edit changed
    assert SENTENCE.split(" that ")[1][:20].encode() in (
        serving.parent / "site" / "search" / "search_index.json").read_bytes()


def test_plain_build_parses_every_page_for_search(tmp_path: Path, parses: list[str]) -> None:
    config_file = _project(tmp_path, **THEMES["material"])
    build(_config(config_file))
    first = sorted(parses)
    parses.clear()
    build(_config(config_file))
    assert sorted(parses) == first


@pytest.fixture
def themed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """src_uri of every page whose theme template really renders (not reused)."""
    done: list[str] = []
    real = jinja2.Template.render

    def counting(self: jinja2.Template, *args: Any, **kwargs: Any) -> str:
        page = args[0].get("page") if args and isinstance(args[0], dict) else None
        if isinstance(page, Page):
            done.append(page.file.src_uri)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", counting)
    return done


@pytest.mark.parametrize("serving", ["mkdocs", "material"], indirect=True)
def test_serve_rebuild_reuses_themed_pages_whose_inputs_are_unchanged(serving: Path, themed: list[str]) -> None:
    build(_config(serving))
    first = _site(serving)
    generated = [uri for uri in themed if uri != "about.md"]
    assert len(generated) >= 5
    themed.clear()
    build(_config(serving))
    assert themed == ["about.md"]  # nothing changed: only the hand-written page is themed again
    assert _site(serving) == first
    themed.clear()
    _edit(serving)
    build(_config(serving))
    assert "about.md" in themed and 0 < len(themed) - 1 < len(generated)  # the pages the edit changed


def test_serve_themes_every_page_again_when_the_site_or_a_template_changes(tmp_path: Path, themed: list[str]) -> None:
    """A changed site name, or a theme override edited under serve (even one only generated pages use,
    such as the table of contents), reaches every page instead of leaving reused ones stale."""
    config_file = _project(tmp_path)
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    config_file.write_text(config_file.read_text(encoding="utf-8").replace(
        "theme: mkdocs\n", "theme:\n  name: mkdocs\n  custom_dir: overrides\n"), encoding="utf-8")
    toc = Path(next(iter(_config(config_file).theme.dirs[1:]))) / "toc.html"
    (overrides / "toc.html").write_text(toc.read_text(encoding="utf-8") + "<!-- toc one -->\n", encoding="utf-8")
    plugin = _plugin(_config(config_file))
    _forget(plugin)
    plugin.on_startup(command="serve", dirty=False)
    try:
        build(_config(config_file))
        pages = [p for p in (tmp_path / "site").rglob("index.html") if "<!-- toc one -->" in p.read_text("utf-8")]
        assert len(pages) >= 5
        themed.clear()
        (overrides / "toc.html").write_text(toc.read_text(encoding="utf-8") + "<!-- toc two -->\n", "utf-8")
        build(_config(config_file))
        assert len(themed) >= len(pages)
        assert all("<!-- toc two -->" in p.read_text("utf-8") for p in pages)
        themed.clear()
        config_file.write_text(config_file.read_text(encoding="utf-8").replace("site_name: Test", "site_name: Renamed"),
                               encoding="utf-8")
        build(_config(config_file))
        assert len(themed) >= len(pages)
        assert all("Renamed" in p.read_text("utf-8") for p in pages)
    finally:
        plugin.on_startup(command="build", dirty=False)
        _forget(plugin)


def test_serve_rebuilds_as_soon_as_a_poll_finds_changes(tmp_path: Path) -> None:
    config = _config(_project(tmp_path))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    try:
        assert server.build_delay == 0.1  # MkDocs' own wait for further changes
        assert _plugin(config).on_serve(server, config=config, builder=lambda: None) is server
        assert server.build_delay == SETTLE_S < 0.1
    finally:
        server.server_close()


def test_mkdocs_serve_shows_each_edit_of_an_article() -> None:
    """The real thing: ``mkdocs serve`` in its own process with its own file watcher, an article edited
    twice, the source page fetched over HTTP until it shows each edit (the serve-latency benchmark's
    procedure on 8 articles; the time taken is measured by the benchmark, not asserted here)."""
    from benchmarks import serve_latency

    result = serve_latency.measure(8, 2, None, 180.0)
    latencies = result["latencies_s"]
    assert isinstance(latencies, list) and len(latencies) == 2
    summaries = result["summaries"]
    assert isinstance(summaries, list) and len(summaries) >= 3, summaries
    assert all("8 articles (7 from cache)" in line for line in summaries[1:]), "\n".join(summaries)
