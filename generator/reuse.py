"""Serve-time reuse: what a ``mkdocs serve`` rebuild can take from the build before it.

Under serve every change rebuilds the whole site. An edited article changes a few pages of its
story, yet three costs are paid for every page on every rebuild: converting the generated markdown
to HTML, Material's search plugin parsing each page's HTML into index entries, and compiling the
theme's templates. Each is a pure function of inputs we can fingerprint, so the plugin (kept across
serve's rebuilds) remembers the results and reuses them while the inputs are unchanged:

- ``PageReuse``: a generated page's HTML while its markdown, the site's file list (links resolve
  against it) and the markdown configuration are unchanged; a page whose conversion logged a
  warning is always converted again, so the warning shows on every build;
- ``SearchReuse``: a page's search entries while its HTML, table of contents, URL, title and
  metadata are unchanged;
- ``TemplateCode``: the templates' compiled code while their source is unchanged (Jinja checks a
  checksum of the source itself);
- ``PageOutput``: a generated page's whole themed HTML while everything the theme's template is
  given for it is unchanged: the page (its HTML, table of contents, title, metadata, URLs and every
  other attribute), the site's configuration and navigation, and the source of every template
  loaded. The build time MkDocs passes as ``build_date_utc`` is left out of that comparison: neither
  Material nor MkDocs' theme prints it on a page (a custom theme that did would show the time of the
  build that last rendered an unchanged page, under serve only).

Each memory holds only the pages of the last build. ``mkdocs build`` uses none of this.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2
from mkdocs import __version__ as mkdocs_version
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class _Converted:
    """What ``Page.render`` sets, for one page's markdown in one site context."""

    key: str
    content: str | None
    toc: Any
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by target src_uri: File objects are per build


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PageReuse:
    """The HTML of generated pages, reused across serve's rebuilds."""

    # The reuse writes what MkDocs 1.6's Page.render sets; any other version converts every page.
    supported = mkdocs_version.startswith("1.6.")

    def __init__(self) -> None:
        self._converted: dict[str, _Converted] = {}
        self._pages: frozenset[str] = frozenset()
        self._context: str | None = None

    def begin(self, pages: frozenset[str]) -> None:
        """A new build whose reusable pages are ``pages`` (src_uri); forget every other page."""
        self._pages = pages
        self._context = None  # computed from the final file list when the first page renders
        self._converted = {k: v for k, v in self._converted.items() if k in pages}

    def clear(self) -> None:
        self._converted.clear()

    def wrap(self, page: Page) -> None:
        """Make ``page.render`` (MkDocs calls it next) reuse or record this page's conversion."""
        if self.supported and page.file.src_uri in self._pages:
            page.render = lambda config, files: self._render(page, config, files)  # type: ignore[method-assign]

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        uri = page.file.src_uri
        if self._context is None:
            # Here, not when the files are added: later plugins and MkDocs' exclusions have settled
            # every file's URL by the time the first page renders.
            self._context = _site_context(files, config)
        # The markdown as it is converted, after every plugin's on_page_markdown, not only ours.
        key = _digest(self._context, uri, page.markdown or "")
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


def _site_context(files: Files, config: MkDocsConfig) -> str:
    """What a page's HTML depends on besides its markdown: the markdown setup and every file's URL
    (links are resolved against them)."""
    digest = hashlib.sha256()
    setup = [config.markdown_extensions, config.mdx_configs, config.use_directory_urls, config.validation]
    digest.update(json.dumps(setup, sort_keys=True, default=repr).encode())
    for f in sorted(files, key=lambda f: f.src_uri):
        digest.update(f"{f.src_uri}\0{f.url}\0{f.inclusion.name}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _toc_outline(toc: TableOfContents | list[Any]) -> list[Any]:
    return [[item.id, item.url, item.title, item.level, _toc_outline(item.children)] for item in toc]


class SearchReuse:
    """Material's search entries of every page, reused across serve's rebuilds.

    Material's ``SearchIndex.add_entry_from_context(page)`` parses ``page.content`` and appends one
    entry (a dict of strings) per section to ``entries``, using nothing of the page but its HTML,
    table of contents, URL, title and metadata; the plugin's own settings do not change the entries.
    Material builds a new index in every build's ``on_config``, so ``attach`` wraps the new one."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[str, list[dict[str, Any]]]] = {}
        self._now: dict[str, tuple[str, list[dict[str, Any]]]] = {}

    def clear(self) -> None:
        self._last.clear()
        self._now.clear()

    def attach(self, plugins: PluginCollection) -> bool:
        """Wrap this build's Material search index; False when there is none to wrap."""
        index = _material_search_index(plugins)
        if index is None:
            return False
        if self._now:  # else the last build failed before its pages: keep the one before
            self._last, self._now = self._now, {}
        index.add_entry_from_context = self._wrap(index, index.add_entry_from_context)
        return True

    def _wrap(self, index: Any, add: Callable[[Page], None]) -> Callable[[Page], None]:
        def add_entries(page: Page) -> None:
            key = _digest(
                page.url, str(page.title), page.content or "",
                json.dumps([page.meta, _toc_outline(page.toc)], sort_keys=True, default=repr),
            )
            hit = self._last.get(page.url)
            if hit is not None and hit[0] == key:
                entries = hit[1]
                index.entries.extend(copy.deepcopy(entries))  # copies: another plugin may change them
            else:
                before = len(index.entries)
                add(page)
                entries = copy.deepcopy(index.entries[before:])
            self._now[page.url] = (key, entries)

        return add_entries


def _material_search_index(plugins: PluginCollection) -> Any | None:
    try:
        from material.plugins.search.plugin import SearchIndex, SearchPlugin
    except ImportError:  # another theme: nothing to reuse
        return None
    for plugin in plugins.values():
        if isinstance(plugin, SearchPlugin) and plugin.config.enabled:
            index = getattr(plugin, "search_index", None)
            if isinstance(index, SearchIndex) and isinstance(getattr(index, "entries", None), list):
                return index
    return None


class TemplateCode(jinja2.BytecodeCache):
    """Compiled templates in memory. Jinja stores a checksum of each template's source with its
    code and recompiles when the source changed, so an edited template is never served stale.
    ``loaded`` holds the source checksum of each template (by name) the current build has loaded."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self.loaded: dict[str, str] = {}

    def begin(self) -> None:
        """A new build: its environment loads every template afresh."""
        self.loaded = {}

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        bucket = super().get_bucket(environment, name, filename, source)
        self.loaded[name] = bucket.checksum
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


# Context entries compared separately (page, config, nav, pages) or not at all (build_date_utc).
_CONTEXT_APART = frozenset({"page", "config", "nav", "pages", "build_date_utc"})
# Page attributes compared separately (HTML, table of contents) or that no template reads.
_PAGE_APART = frozenset({"content", "toc", "markdown", "links_to_anchors", "present_anchor_ids", "render"})


def _nav_outline(items: Any) -> list[Any]:
    return [
        [type(item).__name__, item.title, getattr(item, "url", None), item.active, _nav_outline(item.children or [])]
        for item in items
    ]


class PageOutput:
    """The themed HTML of generated pages, reused across serve's rebuilds (see the module docstring).

    ``template_class`` goes into the build's Jinja environment (``env.template_class``, before any
    template is loaded): MkDocs calls ``render(context)`` on it for every page, and for a generated
    page whose inputs all match the last build's it returns that build's output. Each output is kept
    with the templates loaded when it was rendered (those it used among them) and their checksums; at
    the start of each build the templates the last build loaded are loaded again, so a template
    edited since (a theme override under --watch-theme) is seen even if only reused pages use it."""

    # The comparison reads what MkDocs 1.6 passes to a page's template; any other version renders all.
    supported = mkdocs_version.startswith("1.6.")

    def __init__(self, templates: TemplateCode) -> None:
        self._templates = templates
        self._outputs: dict[str, _Output] = {}
        self._pages: frozenset[str] = frozenset()
        self._site: str | None = None
        self._templates_before: list[str] = []
        self._sources: dict[frozenset[str], str] = {}
        reuse = self

        class ReusingTemplate(jinja2.Template):
            def render(self, *args: Any, **kwargs: Any) -> str:
                context = args[0] if len(args) == 1 and not kwargs and isinstance(args[0], dict) else None
                page = context.get("page") if context is not None else None
                if context is None or not isinstance(page, Page) or page.file.src_uri not in reuse._pages:
                    return super().render(*args, **kwargs)
                return reuse._render(self, context, page, lambda: super(ReusingTemplate, self).render(*args, **kwargs))

        self.template_class: type[jinja2.Template] = ReusingTemplate

    def begin(self, pages: frozenset[str]) -> None:
        """A new build whose reusable pages are ``pages`` (src_uri); forget every other page."""
        self._pages = pages if self.supported else frozenset()
        self._site = None  # computed when the first page renders, once every plugin has had its say
        self._outputs = {k: v for k, v in self._outputs.items() if k in pages}
        self._templates_before = sorted(self._templates.loaded)
        self._templates.begin()
        self._sources = {}

    def clear(self) -> None:
        self._outputs.clear()

    def _render(self, template: jinja2.Template, context: dict[str, Any], page: Page,
                render: Callable[[], str]) -> str:
        if self._site is None:
            self._site = self._site_key(template, context)
        key = _digest(
            self._site,
            str(template.name),
            json.dumps({k: v for k, v in context.items() if k not in _CONTEXT_APART}, sort_keys=True, default=repr),
            json.dumps({k: v for k, v in vars(page).items() if k not in _PAGE_APART}, sort_keys=True, default=repr),
            json.dumps(_toc_outline(page.toc)),
            page.content or "",
        )
        uri = page.file.src_uri
        hit = self._outputs.get(uri)
        if hit is not None and hit.key == key and self._source_key(hit.templates) == hit.sources:
            return hit.output
        output = render()
        used = frozenset(self._templates.loaded)
        self._outputs[uri] = _Output(key, used, self._source_key(used), output)
        return output

    def _site_key(self, template: jinja2.Template, context: dict[str, Any]) -> str:
        # The templates the last build loaded are loaded again now, so that the checksums of those the
        # reused pages were rendered with are known (the bytecode cache records them as they load).
        for name in self._templates_before:
            try:
                template.environment.get_template(name)
            except Exception:  # gone or broken: its pages are rendered again, and MkDocs reports it
                continue
        return _digest(
            json.dumps(context.get("config"), sort_keys=True, default=repr),
            json.dumps(_nav_outline(context.get("nav") or []), default=repr),
            json.dumps([repr(f) for f in context.get("pages") or []]),
        )

    def _source_key(self, names: frozenset[str]) -> str:
        """The current source checksums of ``names`` (None for a template this build has not loaded)."""
        found = self._sources.get(names)
        if found is None:
            loaded = self._templates.loaded
            found = self._sources[names] = _digest(json.dumps(sorted((n, loaded.get(n)) for n in names)))
        return found


@dataclass(frozen=True, slots=True)
class _Output:
    key: str
    templates: frozenset[str]  # loaded when the page was rendered: the ones it used among them
    sources: str  # their checksums then
    output: str
