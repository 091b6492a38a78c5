"""The MkDocs adapter: runs the pipeline in ``on_files`` and adds every page with File.generated.

With reuse.py and packing.py, the only modules that import mkdocs. Nothing is written into
``docs/``; under ``mkdocs serve`` the plugin polls the seeds folder itself, faster than MkDocs polls
its own (seedwatch.py). Skipped inputs and warnings are logged as warnings, so ``--strict`` fails on
them and CI does not publish a silently incomplete report.

Under ``mkdocs serve`` the plugin (kept across serve's rebuilds) reuses what the last build made
while its inputs are unchanged (pages' HTML, search entries, compiled templates, themed pages: see
reuse.py) and keeps the extractions of the current articles in memory instead of re-reading them
from the cache folder. ``mkdocs build`` converts every page and reads the cache folder. A build keeps generated pages
compressed while MkDocs holds every page (packing.py); serve packs them faster, at a lower level.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .cache import Extraction, ExtractionCache
from .errors import SeedError
from .escape import clean_text
from .markdownsubset import GeneratedSubset
from .packing import PackedFile, PageStore, ServedFile
from .pipeline import stream_collection, summary_line
from .records import CollectionTotals, GeneratedPage, Story, StoryTotals
from .render import navigation, render_index, render_story
from .report import story_totals
from .reuse import PageOutput, PageReuse, SearchReuse, TemplateCode
from .seedwatch import SeedsWatcher

log = logging.getLogger("mkdocs.plugins.claims")
CSS = "assets/claims.css"
# Scripts in load order: tablesort, its number sort, then ours. Vendored (MIT, see
# generator/assets/vendor/tablesort.LICENCE) so the site makes no request outside itself.
JAVASCRIPT = ("assets/vendor/tablesort.min.js", "assets/vendor/tablesort.number.min.js", "assets/claims.js")
# Seconds serve waits, once a poll has found changes, for more before it rebuilds (MkDocs: 0.1 s).
SETTLE_S = 0.02
# Markdown extensions the generated pages are written for.
MARKDOWN_EXTENSIONS = ("toc", "tables", "attr_list", "md_in_html", "admonition", "pymdownx.details")


class ClaimsConfig(base.Config):
    seeds_dir = c.Type(str, default="seeds")
    """Folder of articles (and sources.yaml), relative to mkdocs.yml. Keep it outside docs_dir.
    Articles directly inside make one story; one subfolder per story makes a collection."""
    cache_dir = c.Type(str, default=".cache/claims")
    """Where each article's extraction is cached, relative to mkdocs.yml; empty to turn caching off."""


@dataclass
class _RememberingCache(ExtractionCache):
    """The extraction cache plus the entries this serve process has already read or written: same keys
    (content, metadata and generator hashes), so a changed article still misses."""

    memory: dict[str, Extraction] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def has(self, key: str) -> bool:
        return key in self.memory or super().has(key)

    def load(self, key: str) -> Extraction | None:
        self.used.add(key)
        found = self.memory.get(key)
        if found is not None:
            self.hits += 1
            return found
        found = super().load(key)
        if found is not None:
            self.memory[key] = found
        return found

    def store(self, key: str, extraction: Extraction) -> None:
        self.used.add(key)
        self.memory[key] = extraction
        super().store(key, extraction)


class ClaimsPlugin(BasePlugin[ClaimsConfig]):
    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[ConfigErrors, ConfigWarnings]:
        # MkDocs only warns about an unknown option, and mkdocs.yml builds without --strict: a typo
        # such as `seed_dir:` would silently build the report from the default folder instead.
        errors, warnings = super().load_config(options, config_file_path)
        known = {name for name, _ in self.config_scheme}
        unknown = sorted(str(key) for key in options if str(key) not in known)
        for key in unknown:
            errors.append((key, ValidationError(f"unknown option {key!r}; the claims plugin takes: "
                                                f"{', '.join(sorted(known))}")))
        return errors, [(key, msg) for key, msg in warnings if key not in unknown]

    _user_nav: list[Any] | None = None
    _serving = False

    def __init__(self) -> None:
        super().__init__()
        # Kept across serve's rebuilds (see reuse.py); a plain build uses none of them.
        self._pages = PageReuse()
        self._search = SearchReuse()
        self._templates = TemplateCode()
        self._outputs = PageOutput(self._templates)
        self._held = PageStore()  # every build: generated pages' HTML, compressed while MkDocs holds all pages
        self._generated: frozenset[str] = frozenset()
        self._files: Files | None = None  # this build's, for the anchor check after the last page
        self._extracted: dict[str, Extraction] = {}
        self._watcher: SeedsWatcher | None = None  # under serve: polls the seeds folder
        self._subset = GeneratedSubset()  # on while MkDocs converts a generated page (markdownsubset.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across serve's rebuilds.
        self._serving = command == "serve"

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        root = Path(config.config_file_path or ".").resolve().parent
        return (root / self.config.cache_dir).resolve()

    def _seeds(self, config: MkDocsConfig) -> Path:
        root = Path(config.config_file_path or ".").resolve().parent
        return (root / self.config.seeds_dir).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        seeds = self._seeds(config)
        docs = Path(config.docs_dir).resolve()
        if seeds == docs or docs in seeds.parents:
            raise PluginError(f"claims: seeds_dir {seeds} is inside docs_dir; MkDocs would publish the raw articles")
        # The hand-written pages listed in mkdocs.yml follow the generated ones in the navigation.
        self._user_nav = list(config.nav) if config.nav is not None else None
        # The generated markdown sets anchors, sort keys and search exclusions with attribute lists and
        # folds long lists into collapsible blocks: without these extensions anchors would dangle.
        for extension in MARKDOWN_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # Last, so that it sees every pattern the others registered. MkDocs types the list as extension
        # names; Python-Markdown (and Material's plugins) take extension instances in it too.
        extensions = cast(list[Any], config.markdown_extensions)
        if self._subset not in extensions:
            extensions.append(self._subset)
        if CSS not in config.extra_css:
            config.extra_css.append(CSS)
        listed = {str(script) for script in config.extra_javascript}
        for script in JAVASCRIPT:
            if script not in listed:
                config.extra_javascript.append(script)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        started = time.perf_counter()
        cache: ExtractionCache | None = None
        if self.config.cache_dir and self._serving:
            cache = _RememberingCache(self._cache_dir(config), memory=self._extracted)
        elif self.config.cache_dir:
            cache = ExtractionCache(self._cache_dir(config))
        try:
            stream = stream_collection(self._seeds(config), cache=cache)
            # Names and messages carry article-derived text: one line each, no control characters, so
            # a file name cannot forge log lines or CI workflow commands.
            for warning in stream.warnings:
                log.warning("claims: %s", clean_text(warning))
            # Each story is rendered and packed as soon as it is analysed, then let go: memory holds
            # one story's report at a time, however many stories the archive has.
            pages: list[File] = []
            stories: list[StoryTotals] = []
            for story in stream.stories:
                _log_problems(story)
                pages += self._packed(config, render_story(story, stream.multi, stream.warnings))
                stories.append(story_totals(story))
        except SeedError as exc:
            raise PluginError(f"claims: {clean_text(str(exc))}") from exc
        totals = CollectionTotals(tuple(stories), stream.multi, stream.warnings)
        assets = resources.files("generator")
        generated = [
            *self._packed(config, render_index(totals)),
            *pages,
            *(self._file_type.generated(config, asset, content=assets.joinpath(asset).read_text("utf-8"))
              for asset in (CSS, *JAVASCRIPT)),
        ]
        for file in generated:
            existing = files.get_file_from_path(file.src_uri)
            if existing is not None and not existing.generated_by:
                raise PluginError(f"claims: docs/{file.src_uri} is hand-written but the report generates that "
                                  "page; rename or remove it")
            files.append(file)
        hand_written = self._user_nav if self._user_nav is not None else [
            f.src_uri for f in files.documentation_pages() if not f.generated_by
        ]
        config.nav = [*navigation(totals), *hand_written]
        if isinstance(cache, _RememberingCache):  # keep only the articles of this build in memory
            self._extracted = {k: v for k, v in cache.memory.items() if k in cache.used}
        self._generated = frozenset(file.src_uri for file in generated)
        self._held.clear()
        if self._serving:
            self._pages.begin(self._generated)
            self._outputs.begin(self._generated)
        log.info("claims: %s", summary_line(totals, time.perf_counter() - started))
        return files

    @property
    def _file_type(self) -> type[PackedFile]:
        return ServedFile if self._serving else PackedFile

    def _packed(self, config: MkDocsConfig, pages: Iterable[GeneratedPage]) -> list[File]:
        return [
            self._file_type.generated(config, page.path, content=page.content,
                                      inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV)
            for page in pages
        ]

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._serving:
            self._search.attach(config.plugins)

    @event_priority(-100)  # after every other plugin has had its say on the markdown
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # page.markdown is still the markdown as read: equal, no plugin has added syntax the generator
        # does not write, and the page can be converted with the generated pages' subset of Markdown.
        self._subset.active = page.file.src_uri in self._generated and markdown == page.markdown
        if self._serving:
            self._pages.wrap(page)  # MkDocs calls page.render next: reuse or record its HTML
        return markdown

    @event_priority(-100)  # after every other plugin has seen the HTML
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._subset.active = False  # the page is converted: whatever is converted next gets every pattern
        # Under serve, PageReuse keeps every generated page's HTML for the next rebuild anyway: a
        # compressed second copy would cost time on every rebuild and save no memory.
        if page.file.src_uri in self._generated and not self._serving:
            return self._held.hold(page, html)
        return html

    @event_priority(100)  # before the search plugin and the theme read the HTML
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        self._held.restore(page)
        return context

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self._held.release(page)
        return output

    @event_priority(100)  # MkDocs has just checked the other pages' anchors; the search index comes next
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._files is not None:
            self._held.check_anchors(self._files, config.validation.links.anchors)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        self._files = files
        if self._serving:
            env.bytecode_cache = self._templates
            env.template_class = self._outputs.template_class  # before MkDocs loads the first template
        return env

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        seeds = self._seeds(config)
        docs = os.path.abspath(config.docs_dir)
        # The watch MkDocs keeps on docs_dir: a change delivered under it makes the server rebuild.
        watch = next((e.watch for e in server.observer.emitters if e.watch.path == docs), None)
        if watch is None:  # not watched after all (a MkDocs that changed its ways): let MkDocs poll the seeds
            server.watch(str(seeds))
        else:
            events = server.observer.event_queue
            self._watcher = SeedsWatcher(seeds, lambda event: events.put((event, watch)))
            self._watcher.start()
        # The changes one poll finds arrive together: waiting a further 0.1 s for more (MkDocs' build_delay)
        # only delays the rebuild. The next poll is due soon after whatever the wait, so a save spread over
        # two polls rebuilds twice either way.
        server.build_delay = min(server.build_delay, SETTLE_S)
        return server

    def on_shutdown(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None


def _log_problems(story: Story) -> None:
    where = f"{story.id}/" if story.id else ""
    for skipped in story.report.skipped:
        log.warning("claims: skipped %s", clean_text(f"{where}{skipped.path}: {skipped.reason}"))
    for warning in story.report.warnings:
        log.warning("claims: %s", clean_text(f"{where}{warning}"))
