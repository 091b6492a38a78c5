"""The MkDocs adapter: runs the pipeline in ``on_files`` and adds every page with File.generated.

The only module that imports mkdocs. Nothing is written into ``docs/``; ``mkdocs serve`` watches
the seeds folder. Skipped inputs and warnings are logged as warnings, so ``--strict`` fails on
them and CI does not publish a silently incomplete report.

Under ``mkdocs serve`` every change rebuilds the whole site, and turning the generated markdown into
HTML is most of a build. An edited article changes a few pages of its story, so the plugin (kept
across serve's rebuilds) remembers each generated page's HTML and reuses it while the page's
markdown, the site's file list and the markdown configuration are unchanged. A page whose
conversion logged a warning is never reused, so the warning shows on every build. It also keeps the
extractions of the current articles in memory instead of re-reading them from the cache folder.
``mkdocs build`` converts every page and reads the cache folder, as before.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs import __version__ as mkdocs_version
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ConfigErrors, ConfigWarnings, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .cache import Extraction, ExtractionCache
from .errors import SeedError
from .escape import clean_text
from .pipeline import analyze_collection, summary_line
from .render import navigation, render_collection

log = logging.getLogger("mkdocs.plugins.claims")
CSS = "assets/claims.css"
# Scripts in load order: tablesort, its number sort, then ours. Vendored (MIT, see
# generator/assets/vendor/tablesort.LICENCE) so the site makes no request outside itself.
JAVASCRIPT = ("assets/vendor/tablesort.min.js", "assets/vendor/tablesort.number.min.js", "assets/claims.js")


class ClaimsConfig(base.Config):
    seeds_dir = c.Type(str, default="seeds")
    """Folder of articles (and sources.yaml), relative to mkdocs.yml. Keep it outside docs_dir.
    Articles directly inside make one story; one subfolder per story makes a collection."""
    cache_dir = c.Type(str, default=".cache/claims")
    """Where each article's extraction is cached, relative to mkdocs.yml; empty to turn caching off."""


@dataclass(frozen=True, slots=True)
class _Converted:
    """What ``Page.render`` sets, for one page's markdown in one site context."""

    key: str
    content: str | None
    toc: Any
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by target src_uri: File objects are per build


@dataclass
class _RememberingCache(ExtractionCache):
    """The extraction cache plus the entries this serve process has already read or written: same keys
    (content, metadata and generator hashes), so a changed article still misses."""

    memory: dict[str, Extraction] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

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


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


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
    _generated: frozenset[str] = frozenset()
    _context: str | None = None

    def __init__(self) -> None:
        super().__init__()
        self._converted: dict[str, _Converted] = {}
        self._extracted: dict[str, Extraction] = {}

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
            collection = analyze_collection(self._seeds(config), cache=cache)
        except SeedError as exc:
            raise PluginError(f"claims: {clean_text(str(exc))}") from exc
        # Names and messages carry article-derived text: one line each, no control characters, so a
        # file name cannot forge log lines or CI workflow commands.
        for warning in collection.warnings:
            log.warning("claims: %s", clean_text(warning))
        for story in collection.stories:
            where = f"{story.id}/" if story.id else ""
            for skipped in story.report.skipped:
                log.warning("claims: skipped %s", clean_text(f"{where}{skipped.path}: {skipped.reason}"))
            for warning in story.report.warnings:
                log.warning("claims: %s", clean_text(f"{where}{warning}"))
        generated = [
            (page.path, page.content, InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV)
            for page in render_collection(collection)
        ]
        assets = resources.files("generator")
        for asset in (CSS, *JAVASCRIPT):
            generated.append((asset, assets.joinpath(asset).read_text("utf-8"), InclusionLevel.UNDEFINED))
        for path, content, inclusion in generated:
            existing = files.get_file_from_path(path)
            if existing is not None and not existing.generated_by:
                raise PluginError(f"claims: docs/{path} is hand-written but the report generates that page; "
                                  "rename or remove it")
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        hand_written = self._user_nav if self._user_nav is not None else [
            f.src_uri for f in files.documentation_pages() if not f.generated_by
        ]
        config.nav = [*navigation(collection), *hand_written]
        if isinstance(cache, _RememberingCache):  # keep only the articles of this build in memory
            self._extracted = {k: v for k, v in cache.memory.items() if k in cache.used}
        if self._serving:
            self._generated = frozenset(path for path, _, _ in generated)
            self._context = None  # computed from the final file list when the first page renders
            self._converted = {k: v for k, v in self._converted.items() if k in self._generated}
        log.info("claims: %s", summary_line(collection, time.perf_counter() - started))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # The reuse writes what MkDocs 1.6's Page.render sets; any other version converts every page.
        if self._serving and page.file.src_uri in self._generated and mkdocs_version.startswith("1.6."):
            # MkDocs calls page.render(config, files) next; this instance's render reuses or records.
            page.render = partial(self._render, page)  # type: ignore[method-assign]
        return markdown

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        uri = page.file.src_uri
        if self._context is None:
            # Here, not in on_files: later plugins and MkDocs' exclusions have settled every file's URL.
            self._context = _site_context(files, config)
        # The markdown as it is converted, after every plugin's on_page_markdown, not only ours.
        text = f"{self._context}\n{uri}\n{page.markdown}"
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        hit = self._converted.get(uri)
        if hit is not None and hit.key == key:
            page.content, page.toc, page._title_from_render = hit.content, hit.toc, hit.title
            page.present_anchor_ids = set(hit.anchors) if hit.anchors is not None else None
            if hit.links_to_anchors is not None:
                page.links_to_anchors = {
                    target: links
                    for to, links in hit.links_to_anchors.items()
                    if (target := files.get_file_from_path(to)) is not None
                }
            return
        watcher = _Warnings()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(watcher)
        try:
            Page.render(page, config, files)
        finally:
            mkdocs_log.removeHandler(watcher)
        if watcher.count:
            self._converted.pop(uri, None)
            return
        links = page.links_to_anchors
        self._converted[uri] = _Converted(
            key,
            page.content,
            page.toc,
            page._title_from_render,
            set(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
            {f.src_uri: dict(v) for f, v in links.items()} if links is not None else None,
        )

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self._seeds(config)))
        return server


def _site_context(files: Files, config: MkDocsConfig) -> str:
    """What a page's HTML depends on besides its markdown: the markdown setup and every file's URL
    (links are resolved against them)."""
    digest = hashlib.sha256()
    setup = [config.markdown_extensions, config.mdx_configs, config.use_directory_urls, config.validation]
    digest.update(json.dumps(setup, sort_keys=True, default=repr).encode())
    for f in sorted(files, key=lambda f: f.src_uri):
        digest.update(f"{f.src_uri}\0{f.url}\0{f.inclusion.name}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
