"""The payload site in headless Chromium: loading, hovering, clicking and searching runs no payload.

Every page of the built payload site (conftest.py ``payload_site``) is loaded from a local
server; links, table cells, sortable headers and the claim filters are hovered and clicked (a
bounded number per page, going back after any navigation), and payload text is typed into
Material's search box, whose results are inserted with ``innerHTML``. Throughout, every request
is routed: anything not to 127.0.0.1 is aborted and recorded. Each test then asserts that no
dialog fired (every payload calls ``alert``), nothing was requested from outside localhost, no
same-origin request failed (an injected ``<img src=x>`` would ask for ``x``), no console error or
page error mentions a payload marker, and, at the end, that browsing wrote no file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import pytest
from browser import MARKER_RE, tree_snapshot
from conftest import BuiltSite

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, Request, Response, Route

# Bounds keep the module to a few seconds. Every element of every article also gets synthetic
# hover/focus events (and clicks, except links), so the bounds limit only the real, trusted input.
MAX_LINK_HOVERS = 4
MAX_NAVIGATIONS = 6  # link clicks that leave the page, each to a target not visited yet, over the whole site
MAX_ANCHORS = 2  # in-page claim and sentence links clicked per page
MAX_CELLS = 4
MAX_HEADERS = 1
MAX_FILTER_OPTIONS = 4
TIMEOUT_MS = 5000
SEARCH_TERMS = (
    "<img src=x onerror=alert('PWN-S01')>",
    "</title><script>alert('PWN-S02')</script>",
    "PWN-A03",
    "javascript:alert",
    "Footbridge",
)
# The page is set up: Material's header is there, and claims.js has filled the claim filters (if any).
_READY = """() => document.querySelector(".md-search__input") !== null
  && (document.querySelector(".claims-filters") === null
      || document.querySelector(".claims-filters select") !== null)"""
_SYNTHETIC_EVENTS = """() => {
  let n = 0;
  for (const el of document.querySelectorAll("article *")) {
    for (const type of ["mouseover", "mouseenter", "mousemove", "mousedown", "mouseup"])
      el.dispatchEvent(new MouseEvent(type, {bubbles: type !== "mouseenter", cancelable: true}));
    el.dispatchEvent(new FocusEvent("focus"));
    // Links get real clicks below; a synthetic one here would start a navigation mid-loop.
    if (!el.closest("a")) el.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}));
    n++;
  }
  return n;
}"""
# Elements and attributes that must not exist in the live DOM once the theme's scripts have run.
_DOM_AUDIT = """() => {
  const bad = [];
  const urlAttrs = ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset"];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const shown = el.tagName + " " + a.name + "=" + a.value.slice(0, 80);
      if (/^on/i.test(a.name) || a.name === "srcdoc") bad.push(shown);
      if (urlAttrs.includes(a.name) && /^\\s*(javascript|data|vbscript):/i.test(a.value))
        bad.push(shown);
    }
  }
  const active = ["script", "iframe", "object", "embed", "img", "form", "input:not(.claims-filters input)",
    "style", "math", "foreignObject", "use", "animate", "set", "svg:not(.claims-chart)", "a[target]", "meta",
    "link", "base"].map(s => "article " + s).join(", ");
  for (const el of document.querySelectorAll(active)) bad.push(el.outerHTML.slice(0, 120));
  return bad;
}"""


@dataclass
class Watch:
    base: str
    dialogs: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    popups: list[str] = field(default_factory=list)
    requests: int = 0

    def problems(self) -> dict[str, list[str]]:
        marked = [m for m in self.console if MARKER_RE.search(m)]
        found = {
            "dialogs": self.dialogs,
            "external requests": self.external,
            "failed requests": self.failed,
            "console errors naming a payload": marked,
            "popups": self.popups,
        }
        return {k: v for k, v in found.items() if v}


@dataclass
class Browse:
    page: Page
    watch: Watch
    site: Path


def _pages(site: Path) -> list[str]:
    """Site-relative URL of every HTML page."""
    out = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        out.append(rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
    return out


@pytest.fixture(scope="module")
def tree_before(payload_site: BuiltSite) -> dict[str, tuple[int, int]]:
    return tree_snapshot(payload_site.project)


@pytest.fixture
def browse(
    chromium: Browser, payload_url: str, payload_site: BuiltSite, tree_before: dict[str, tuple[int, int]]
) -> Iterator[Browse]:
    watch = Watch(payload_url)
    context = chromium.new_context(accept_downloads=False, service_workers="block", java_script_enabled=True)
    context.set_default_timeout(TIMEOUT_MS)

    def route(route: Route) -> None:
        parts = urlsplit(route.request.url)
        watch.requests += 1
        if parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            watch.external.append(route.request.url)
            route.abort()

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type in ("error", "warning"):
            watch.console.append(f"{msg.type}: {msg.text}")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            watch.failed.append(f"{response.status} {response.url}")

    def on_failed(request: Request) -> None:
        # ERR_ABORTED is a request cancelled by the next navigation (the search worker, mostly).
        if urlsplit(request.url).hostname == "127.0.0.1" and request.failure != "net::ERR_ABORTED":
            watch.failed.append(f"{request.failure} {request.url}")

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", on_dialog)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: watch.console.append(f"pageerror: {exc}"))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)

    def on_page(other: Page) -> None:
        if other is not page:  # a popup or a target=_blank window
            watch.popups.append(other.url)
            other.close()

    context.on("page", on_page)
    try:
        yield Browse(page, watch, payload_site.site)
    finally:
        context.close()


def _open(b: Browse, rel: str) -> None:
    b.page.goto(urljoin(b.watch.base, rel), wait_until="load")
    # Material and claims.js set up the page from the document$ observable after load.
    b.page.wait_for_function(_READY)


def _same_origin(b: Browse, href: str) -> bool:
    parts = urlsplit(urljoin(b.page.url, href))
    return parts.hostname == "127.0.0.1" and parts.scheme in ("http", "https")


def _settle(b: Browse, rel: str) -> None:
    """After a click: back to ``rel`` if the click left the page (a fragment change does not count)."""
    here, home = urlsplit(b.page.url), urlsplit(urljoin(b.watch.base, rel))
    if (here.path, here.query) != (home.path, home.query):
        _open(b, rel)


def _assert_clean(b: Browse) -> None:
    assert b.watch.problems() == {}
    assert b.watch.requests > 0


def test_every_page_loaded_hovered_and_clicked(browse: Browse) -> None:
    page = browse.page
    pages = _pages(browse.site)
    assert len(pages) >= 15
    visited: set[str] = {urljoin(browse.watch.base, rel) for rel in pages}
    navigations = real = synthetic = 0
    for rel in pages:
        _open(browse, rel)
        assert page.evaluate(_DOM_AUDIT) == [], rel
        synthetic += page.evaluate(_SYNTHETIC_EVENTS)
        _settle(browse, rel)
        links = page.locator("article a[href]")
        hrefs = [h or "" for h in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
        for i in range(min(len(hrefs), MAX_LINK_HOVERS)):
            links.nth(i).hover(force=True)
            real += 1
        for selector, limit in (
            ("article table thead th", MAX_HEADERS),
            ("article table tbody td", MAX_CELLS),
        ):
            cells = page.locator(selector)
            for i in range(min(cells.count(), limit)):
                # A cell may hold a link; its top-left corner is the cell itself.
                cells.nth(i).hover(force=True)
                cells.nth(i).click(position={"x": 1, "y": 1}, force=True)
                real += 2
                _settle(browse, rel)
        selects = page.locator(".claims-filters select")
        for i in range(selects.count()):
            values = selects.nth(i).locator("option").evaluate_all("els => els.map(e => e.value)")
            for value in values[1 : 1 + MAX_FILTER_OPTIONS]:
                selects.nth(i).select_option(value=value)
                real += 1
            selects.nth(i).select_option(value="")
        assert page.evaluate(_DOM_AUDIT) == [], rel
        # In-page anchors (claim and sentence links) do not leave the page: click a few of them.
        anchors = [h for h in hrefs if h.startswith("#")][:MAX_ANCHORS]
        for href in anchors:
            page.locator(f"article a[href={_css_string(href)}]").first.click()
            real += 1
            _settle(browse, rel)
        # Links to other pages: only a few new targets, going back after each.
        for href in hrefs:
            target = urljoin(page.url, href).split("#")[0]
            if navigations >= MAX_NAVIGATIONS or not _same_origin(browse, href) or href.startswith("#"):
                continue
            if target in visited and target != urljoin(browse.watch.base, rel):
                visited.discard(target)  # each page is entered by a click once, at most
                page.locator(f"article a[href={_css_string(href)}]").first.click()
                # Material's instant navigation swaps the page in place: wait for the new URL and content.
                page.wait_for_function("url => location.href.split('#')[0] === url", arg=target)
                page.wait_for_function(_READY)
                assert page.evaluate(_DOM_AUDIT) == [], (rel, href)
                navigations += 1
                real += 1
                _settle(browse, rel)
    assert synthetic > 1000 and real > 150 and navigations == MAX_NAVIGATIONS, (synthetic, real, navigations)
    _assert_clean(browse)


def test_search_with_payload_text(browse: Browse) -> None:
    page = browse.page
    results = 0
    for term in SEARCH_TERMS:
        _open(browse, "")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially(term, delay=5)
        page.wait_for_function(
            "() => { const m = document.querySelector('.md-search-result__meta');"
            " return m && !/Initializing|Type to start/i.test(m.textContent); }"
        )
        items = page.locator(".md-search-result__link:visible")
        # Material renders results in steps: wait until the list stops changing before hovering them.
        page.wait_for_function(
            "() => { const n = document.querySelectorAll('.md-search-result__link').length;"
            " const same = window.__results === n; window.__results = n; return same; }",
            polling=150,
        )
        count = items.count()
        for i in range(min(count, 5)):
            items.nth(i).hover()
        assert page.evaluate(_DOM_AUDIT) == [], term
        if count:
            results += 1
            items.first.click()
            page.wait_for_load_state("load")
            assert page.evaluate(_DOM_AUDIT) == [], (term, page.url)
    assert results >= 3, "search found none of the payload texts"
    _assert_clean(browse)


def test_harness_sees_a_payload_that_runs(browse: Browse) -> None:
    """Control: the same watchers catch a page that does run a payload (the tests above are not vacuous)."""
    page = browse.page
    _open(browse, "")
    page.set_content(
        "<p>naive</p><img src=x onerror=\"alert('PWN-Z01')\">"
        "<img src='https://evil.example/PWN-Z02.png'><script>throw new Error('PWN-Z03')</script>"
    )
    expected = {
        "dialogs": "PWN-Z01",
        "external requests": "evil.example",
        "failed requests": "/x",
        "console errors naming a payload": "PWN-Z03",
    }

    def seen() -> bool:
        problems = browse.watch.problems()
        return all(any(needle in p for p in problems.get(kind, [])) for kind, needle in expected.items())

    for _ in range(100):  # events arrive asynchronously; give them up to 5 s
        if seen():
            break
        page.wait_for_timeout(50)
    assert seen(), browse.watch.problems()
    assert any("onerror" in b for b in page.evaluate(_DOM_AUDIT))


def test_browsing_wrote_no_files(payload_site: BuiltSite, tree_before: dict[str, tuple[int, int]]) -> None:
    assert tree_snapshot(payload_site.project) == tree_before


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
