"""Helpers for the security tests that look at the site the way a browser does.

- ``parse_html`` / ``audit``: a small DOM built with the standard library's HTMLParser, and the
  checks every page must pass (no active element, no event-handler/style/srcdoc attribute, no
  URL other than http(s) or relative, tables with a constant column count, payload markers only
  as inert text).
- ``make_project`` / ``build_site``: a throwaway copy of the repository's MkDocs project whose
  seeds folder is a given directory, built by the real ``mkdocs build`` in a subprocess.
- ``serve`` / ``launch_chromium``: the built site on ``ThreadingHTTPServer(("127.0.0.1", 0))``
  in a thread, and Debian's Chromium driven by Playwright (never a downloaded browser).
- ``tree_snapshot``: names, sizes and mtimes of every file under a directory, to prove that
  nothing was written where it should not be.
- ``RequestLog`` / ``record_requests``: every request of a browser context routed, anything not
  to 127.0.0.1 aborted and recorded, with failed requests and page errors.

Every payload in tests/payloads carries a marker ``PWN-<letter><digits>`` (``MARKER_RE``), so a
test can tell payload text from the page around it and name the payload that got through.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Page,
        Playwright,
        Request,
        Response,
        Route,
    )

ROOT = Path(__file__).resolve().parent.parent
PAYLOADS = ROOT / "tests" / "payloads"
MARKER_RE = re.compile(r"PWN-[A-Z]\d\d")
# Debian's Chromium by default; CHROMIUM_PATH points elsewhere where the runner has it (never a download).
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip

# --- a DOM good enough for auditing ------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Everything that runs code, loads something or can be styled to deface the page.
ACTIVE = {
    "script", "style", "iframe", "object", "embed", "svg", "math", "img", "form", "input", "button",
    "textarea", "select", "link", "meta", "base", "frame", "frameset", "video", "audio", "source", "track",
    "template", "picture", "portal", "applet", "noscript", "canvas", "dialog", "marquee",
}  # fmt: skip
# What the renderer and the site's markdown extensions produce from a generated page.
CONTENT_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "span", "br", "strong", "em", "code", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "div", "details", "summary", "hr", "blockquote", "pre",
}  # fmt: skip
# The renderer draws figure charts as inline SVG (generator/charts.py): inside an <svg> only these
# inert shapes are acceptable (no <a>, <use>, <foreignObject>, <animate>/<set>, <script>).
SVG_SHAPES = {"svg", "g", "rect", "line", "circle", "text", "title"}
# Attributes whose value may hold article text: browsers show them as text, never parse them.
TEXT_ATTRS = {"aria-label", "title", "alt"}
URL_ATTRS = {
    "href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "cite", "ping",
    "srcset", "manifest", "codebase", "longdesc", "usemap", "icon", "lowsrc", "dynsrc",
}  # fmt: skip
_SCHEME_RE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
# An attribute value a payload marker may sit in: a heading id slugified by toc, or a
# percent-encoded http(s) URL. Neither can carry markup or leave the attribute.
_INERT_ATTR_RE = re.compile(r"[\w#./:?=&%~+-]*")


@dataclass
class Node:
    tag: str
    attrs: list[tuple[str, str]] = field(default_factory=list)
    children: list[Node | str] = field(default_factory=list)

    def attr(self, name: str) -> str | None:
        return next((v for k, v in self.attrs if k == name), None)

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, *tags: str) -> list[Node]:
        return [n for n in self.iter() if n.tag in tags]

    def text(self) -> str:
        """Visible text, entities decoded, whitespace collapsed (script/style/template left out)."""
        parts: list[str] = []
        self._text(parts)
        return " ".join("".join(parts).split())

    def _text(self, parts: list[str]) -> None:
        if self.tag in ("script", "style", "template"):
            return
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            else:
                if child.tag in (
                    "br",
                    "p",
                    "td",
                    "th",
                    "li",
                    "div",
                    "tr",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                ):
                    parts.append(" ")
                child._text(parts)
                if child.tag in ("p", "td", "th", "li", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6"):
                    parts.append(" ")


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, [(k.lower(), v or "") for k, v in attrs])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, [(k.lower(), v or "") for k, v in attrs]))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


@dataclass
class Parsed:
    root: Node
    comments: list[str]


def parse_html(html: str) -> Parsed:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return Parsed(builder.root, builder.comments)


def url_ok(value: str) -> bool:
    """http(s) with a host, or a relative reference that is not protocol-relative."""
    v = value.strip()
    m = _SCHEME_RE.match(v)
    if m is None:
        return not v.startswith(("//", "\\\\", "/\\", "\\/"))
    return m.group(1).lower() in ("http", "https") and bool(urlsplit(v).hostname)


def audit(
    root: Node, *, allowed: set[str] | None = None, allowed_styles: frozenset[str] = frozenset()
) -> list[str]:
    """Problems in the subtree under ``root``: an empty list means the HTML is inert.

    ``allowed`` is the set of element names the page may contain outside SVG (None: anything but
    ``ACTIVE``); an ``<svg>`` may hold only ``SVG_SHAPES``. Every element, SVG or not, must be
    free of event handlers, ``srcdoc``, styles other than ``allowed_styles`` and non-http(s) URLs,
    and a payload marker may sit only in text, a text attribute, an id or an inert URL.
    """
    problems: list[str] = []
    _audit(root, allowed, allowed_styles, False, problems)
    for table in root.find_all("table"):
        widths = [
            len([c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")])
            for tr in table.find_all("tr")
        ]
        if len(set(widths)) > 1:
            problems.append(f"table rows with different column counts {widths}")
    return problems


def _audit(
    node: Node, allowed: set[str] | None, styles: frozenset[str], in_svg: bool, problems: list[str]
) -> None:
    if node.tag != "#document":
        if in_svg or node.tag == "svg":
            if node.tag not in SVG_SHAPES:
                problems.append(f"<{node.tag}> inside <svg>")
        elif node.tag in ACTIVE or (allowed is not None and node.tag not in allowed):
            problems.append(f"<{node.tag} {node.attrs}>")
        for name, value in node.attrs:
            if name.startswith("on") or name in ("srcdoc", "formaction"):
                problems.append(f"<{node.tag}> {name}={value[:80]!r}")
            elif name == "style" and (value not in styles or MARKER_RE.search(value)):
                problems.append(f"<{node.tag}> style={value[:80]!r}")
            elif name in URL_ATTRS and not url_ok(value):
                problems.append(f"<{node.tag}> {name}={value[:80]!r}")
            elif MARKER_RE.search(value) and not (
                name in TEXT_ATTRS or (name in ("id", "href") and _INERT_ATTR_RE.fullmatch(value))
            ):
                problems.append(f"payload in attribute <{node.tag}> {name}={value[:80]!r}")
    for child in node.children:
        if isinstance(child, Node):
            _audit(child, allowed, styles, in_svg or node.tag == "svg", problems)


def headings(root: Node) -> list[tuple[int, str]]:
    """(level, text) of every heading, without toc's permalink sign."""
    return [
        (int(h.tag[1]), h.text().removesuffix("¶").strip())
        for h in root.iter()
        if h.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
    ]


# --- building the payload site -----------------------------------------------------------------

CANARY = "CANARY-SECRET-7f3a91"


def mkdocs_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PYTHONUTF8="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    env.update(extra)
    return env


def mkdocs_exe() -> str:
    # Not resolved: in a venv sys.executable is a symlink whose directory holds the venv's scripts.
    found = shutil.which("mkdocs", path=str(Path(sys.executable).parent))
    if found is None:
        raise RuntimeError(f"mkdocs is not installed next to {sys.executable}")
    return found


def make_project(dest: Path, seeds: Path) -> Path:
    """A copy of the repository's MkDocs project in ``dest`` reading its articles from ``seeds``.

    A canary file sits next to mkdocs.yml: a snippet include (``--8<--``) or a template
    expression that reached the build would disclose it.
    """
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", dest / "docs")
    shutil.copytree(seeds, dest / "seeds")
    (dest / "SECRET-canary.txt").write_text(CANARY + "\n", encoding="utf-8")
    return dest


def build_site(
    project: Path, *, strict: bool, env: dict[str, str] | None = None, site: Path | None = None
) -> subprocess.CompletedProcess[str]:
    cmd = [
        mkdocs_exe(),
        "build",
        "--config-file",
        str(project / "mkdocs.yml"),
        "--site-dir",
        str(site or project / "site"),
    ]
    if strict:
        cmd.append("--strict")
    return subprocess.run(
        cmd, cwd=project, env=env or mkdocs_env(), capture_output=True, text=True, timeout=180, check=False
    )


def warnings_of(log: str) -> list[str]:
    """The WARNING lines of an mkdocs build log, without the level prefix."""
    return [m.group(1).strip() for m in re.finditer(r"^WARNING\s+-\s+(.*)$", log, re.M)]


def tree_snapshot(top: Path, *, exclude: tuple[str, ...] = ()) -> dict[str, tuple[int, int]]:
    """Relative path -> (size, mtime_ns) of every file and directory under ``top``."""
    out: dict[str, tuple[int, int]] = {}
    for dirpath, dirnames, filenames in os.walk(top):
        rel_dir = Path(dirpath).relative_to(top)
        dirnames[:] = sorted(d for d in dirnames if (rel_dir / d).as_posix() not in exclude)
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            st = path.lstat()
            out[(rel_dir / name).as_posix()] = (st.st_size if not path.is_dir() else 0, st.st_mtime_ns)
    return out


# --- serving and the browser -------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """``http://127.0.0.1:<port>/`` serving ``site`` until the block ends."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def ensure_chromium() -> Path:
    """Debian's Chromium at /usr/bin/chromium, installed with apt-get when missing.

    Never ``playwright install``: it downloads a browser build, which is not allowed here or on CI.
    """
    if CHROMIUM.exists():
        return CHROMIUM
    prefix: list[str] = []
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        if shutil.which("sudo") is None:
            raise RuntimeError(
                f"{CHROMIUM} is missing and this user cannot run apt-get; "
                "install it with: apt-get update && apt-get install -y chromium"
            )
        prefix = ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
        done = subprocess.run(
            [*prefix, *cmd], env=env, capture_output=True, text=True, timeout=900, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"{' '.join(cmd)} failed ({done.returncode}); the browser tests need {CHROMIUM}:\n"
                f"{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
            )
    if not CHROMIUM.exists():
        raise RuntimeError(f"apt-get installed chromium but {CHROMIUM} does not exist")
    return CHROMIUM


def launch_chromium(pw: Playwright) -> Browser:
    return pw.chromium.launch(executable_path=str(ensure_chromium()), args=CHROMIUM_ARGS, headless=True)


# --- watching what a page asks for -------------------------------------------------------------


@dataclass
class RequestLog:
    """Everything a browser context asked for, and what went wrong, gathered across pages.

    ``external``: URLs outside 127.0.0.1 (aborted, never sent); ``failed``: same-origin requests
    that failed or answered >= 400; ``errors``: uncaught page errors and console errors.
    """

    requests: int = 0
    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        found = {"external requests": self.external, "failed requests": self.failed, "page errors": self.errors}
        return {k: v for k, v in found.items() if v}


def record_requests(context: BrowserContext, log: RequestLog) -> None:
    """Route every request of ``context`` through ``log``: 127.0.0.1 goes through, anything else is
    recorded and aborted; every page of the context (present and future) reports its failures."""

    def route(route: Route) -> None:
        parts = urlsplit(route.request.url)
        log.requests += 1
        if parts.scheme in ("http", "https") and parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            log.external.append(route.request.url)
            route.abort()

    def on_response(response: Response) -> None:
        if response.status >= 400:
            log.failed.append(f"{response.status} {response.url}")

    def on_failed(request: Request) -> None:
        # ERR_ABORTED is a request cancelled by the next navigation (the search worker, mostly).
        if urlsplit(request.url).hostname == "127.0.0.1" and request.failure != "net::ERR_ABORTED":
            log.failed.append(f"{request.failure} {request.url}")

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            log.errors.append(f"console: {msg.text}")

    def on_page(page: Page) -> None:
        page.on("response", on_response)
        page.on("requestfailed", on_failed)
        page.on("console", on_console)
        page.on("pageerror", lambda exc: log.errors.append(f"pageerror: {exc}"))

    context.route("**/*", route)
    for page in context.pages:
        on_page(page)
    context.on("page", on_page)
