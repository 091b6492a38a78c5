"""Tests for generator/escape.py: hostile article strings must stay inert text on the built site.

Every payload is rendered through the real Python-Markdown with the site's extensions in each
context the renderer uses (paragraph, line start inside a paragraph, list item, heading, table
cell, link label, admonition, inline and block raw HTML). The HTML is parsed and checked for
active elements, event/style attributes, non-http(s) URLs, table shape and exact visible text.
A control test shows the same checker rejects naive interpolation, and an integration test
builds a throwaway MkDocs + Material site with --strict and inspects <title>, nav, meta tags and
search_index.json.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.escape import (
    EMPTY_CELL,
    UNTITLED,
    clean_text,
    front_matter,
    html_attr,
    html_text,
    internal_link,
    md_cell,
    md_link,
    md_text,
    page_slug,
)

ROOT = Path(__file__).resolve().parent.parent

EXTENSIONS = [
    "tables",
    "attr_list",
    "md_in_html",
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    "toc",
]
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {"toc": {"permalink": True}}

_LONG = (
    "<img src=x onerror=alert(1)> | [a](javascript:b) *e* _u_ `c` {: .x onclick=y } # h &amp; \n" * 1200
)[:100_000]

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<style>body{display:none}</style>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<form action=javascript:alert(1)><input type=submit></form>",
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    'text { onclick="alert(1)" }',
    "{: .x onclick=alert(1) }",
    "a | b | c",
    "a\n| x | y |\n|---|---|",
    "# heading",
    "heading\n=======",
    "<!-- hidden -->",
    '<div markdown="1">**x**</div>',
    '--8<-- "/etc/passwd"',
    "{{ config }}",
    "{% include x %}",
    "\u202eevil",
    "\x00\x07ctrl",
    "</title><script>alert(1)</script>",
    "*emph* _u_ ~~s~~ ==m==",
    "    indented code",
    "> quote",
    "1. list",
    "- list",
    "\\escaped",
    '!!! danger "pwned"\n    body',
    '??? note "x"\n    body',
    "```html\n<script>alert(1)</script>\n```",
    "[TOC]",
    "&lt;script&gt; &#60;b&#62; &amp;",
    "Line one\r\nLine two\u2028three\u00a0four\tfive",
    "combining e\u0301 and greek question mark \u037e and varia \u1fef",
    "https://evil.example/<script>",
    "a  \nhard break",
    _LONG,
]
PAYLOAD_IDS = [repr(p[:24]) for p in PAYLOADS]

# ---------------------------------------------------------------------------------------------
# Rendering and auditing helpers
# ---------------------------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_FORBIDDEN_TAGS = {
    "script", "style", "iframe", "object", "embed", "svg", "math", "img", "form", "input", "button",
    "textarea", "select", "link", "meta", "base", "frame", "frameset", "video", "audio", "source",
    "template", "picture", "portal",
}  # fmt: skip
_URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "background", "cite"}
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):")
_WS = re.compile(r"\s+")


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list[Node | str] = field(default_factory=list)

    def elements(self) -> list[Node]:
        out: list[Node] = []
        for child in self.children:
            if isinstance(child, Node):
                out.append(child)
                out.extend(child.elements())
        return out

    def find(self, tag: str) -> list[Node]:
        return [e for e in self.elements() if e.tag == tag]

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.attrs.get("class") != "headerlink":
                parts.append(child.text())
        return "".join(parts)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.stack[-1].children.append(Node("#comment", {}, [data]))


def parse(html_out: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html_out)
    builder.close()
    return builder.root


def render(src: str, extensions: list[str] | None = None, configs: dict[str, Any] | None = None) -> str:
    return markdown.markdown(
        src, extensions=extensions or EXTENSIONS, extension_configs=configs or EXTENSION_CONFIGS
    )


def visible(s: str) -> str:
    return _WS.sub(" ", s).strip()


def url_ok(value: str) -> bool:
    # Browsers ignore surrounding whitespace/controls and tabs/newlines inside a scheme.
    probe = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
    m = _SCHEME_RE.match(probe)
    if m is None:
        return not probe.startswith("//")
    return m.group(1) in ("http", "https") and probe.startswith(m.group(1) + "://")


def assert_inert(root: Node, *, headings: int = 0) -> None:
    """No active element, handler, style, comment or non-http(s) URL; only `headings` h1-h6."""
    for el in root.elements():
        assert el.tag not in _FORBIDDEN_TAGS, f"active element <{el.tag}>"
        assert el.tag != "#comment", "comment hides text"
        for name, value in el.attrs.items():
            assert not name.startswith("on"), f"event handler {name}"
            assert name not in ("style", "srcdoc"), f"attribute {name}"
            if name in _URL_ATTRS or name == "srcset":
                assert value is not None and url_ok(value), f"{name}={value!r}"
    found = [e for e in root.elements() if re.fullmatch(r"h[1-6]", e.tag)]
    assert len(found) == headings, f"{len(found)} headings, expected {headings}"


def only_child(root: Node, tag: str) -> Node:
    tops = [c for c in root.children if isinstance(c, Node)]
    assert [t.tag for t in tops] == [tag], [t.tag for t in tops]
    return tops[0]


# Each context turns one article string into markdown, renders it and checks shape and text.
Escaper = Callable[[str], str]


def check_paragraph(p: str, esc: Escaper) -> None:
    root = parse(render(esc(p)))
    assert_inert(root)
    para = only_child(root, "p")
    assert visible(para.text()) == clean_text(p)


def check_line_start(p: str, esc: Escaper) -> None:
    root = parse(render("Intro\n" + esc(p) + "\n\nEnd."))
    assert_inert(root)
    paras = [c for c in root.children if isinstance(c, Node)]
    assert [n.tag for n in paras] == ["p", "p"]
    assert visible(paras[0].text()) == visible("Intro " + clean_text(p))


def check_list_item(p: str, esc: Escaper) -> None:
    root = parse(render("- " + esc(p) + "\n- second"))
    assert_inert(root)
    items = only_child(root, "ul").find("li")
    assert len(items) == 2
    assert visible(items[0].text()) == clean_text(p)


def check_heading(p: str, esc: Escaper) -> None:
    root = parse(render("## " + esc(p)))
    assert_inert(root, headings=1)
    assert visible(only_child(root, "h2").text()) == clean_text(p)


def check_table(p: str, esc: Escaper) -> None:
    cell = esc(p)
    root = parse(render(f"| A | B | C |\n|---|---|---|\n| {cell} | {cell} | {cell} |\n\nAfter."))
    assert_inert(root)
    tables = root.find("table")
    assert len(tables) == 1
    assert len(tables[0].find("thead")[0].find("th")) == 3
    rows = tables[0].find("tbody")[0].find("tr")
    assert len(rows) == 1
    cells = rows[0].find("td")
    assert len(cells) == 3
    for td in cells:
        assert visible(td.text()) == (clean_text(p) or EMPTY_CELL)


def check_link_label(p: str, esc: Escaper) -> None:
    root = parse(render("See " + md_link(esc(p) or "x", "https://ok.example/x") + " now."))
    assert_inert(root)
    links = root.find("a")
    assert len(links) == 1
    assert links[0].attrs["href"] == "https://ok.example/x"
    assert visible(links[0].text()) == (clean_text(p) or "x")


def check_admonition(p: str, esc: Escaper) -> None:
    root = parse(render('!!! note "Source"\n    ' + esc(p)))
    assert_inert(root)
    div = only_child(root, "div")
    assert visible(div.text()) == visible("Source " + clean_text(p))


def check_inline_html(p: str, esc: Escaper) -> None:
    root = parse(render(f'x <span id="s-3" data-sort="{html_attr(p)}">{esc(p)}</span> y'))
    assert_inert(root)
    spans = root.find("span")
    assert len(spans) == 1
    assert spans[0].attrs == {"id": "s-3", "data-sort": clean_text(p)}
    assert visible(spans[0].text()) == clean_text(p)


def check_block_html(p: str, esc: Escaper) -> None:
    root = parse(render(f"<details><summary>{esc(p)}</summary>\n<p>{esc(p)}</p>\n</details>\n\nAfter."))
    assert_inert(root)
    details = root.find("details")
    assert len(details) == 1
    assert visible(details[0].find("summary")[0].text()) == clean_text(p)
    assert visible(details[0].find("p")[0].text()) == clean_text(p)


MD_CONTEXTS = [
    check_paragraph,
    check_line_start,
    check_list_item,
    check_heading,
    check_table,
    check_link_label,
    check_admonition,
]
HTML_CONTEXTS = [check_inline_html, check_block_html]


# ---------------------------------------------------------------------------------------------
# Payload x context
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
@pytest.mark.parametrize("context", MD_CONTEXTS, ids=lambda f: f.__name__)
def test_md_text_payload_is_inert(payload: str, context: Callable[[str, Escaper], None]) -> None:
    context(payload, md_cell if context is check_table else md_text)


@pytest.mark.parametrize("payload", PAYLOADS, ids=PAYLOAD_IDS)
@pytest.mark.parametrize("context", HTML_CONTEXTS, ids=lambda f: f.__name__)
def test_html_text_payload_is_inert(payload: str, context: Callable[[str, Escaper], None]) -> None:
    context(payload, html_text)


# Naive interpolation must fail the same checks, otherwise the checks prove nothing.
NAIVE_FAILURES = [
    ("<script>alert(1)</script>", check_paragraph),
    ("<img src=x onerror=alert(1)>", check_paragraph),
    ("<svg onload=alert(1)>", check_paragraph),
    ("<style>body{display:none}</style>", check_paragraph),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', check_paragraph),
    ("[x](javascript:alert(1))", check_paragraph),
    ("<javascript:alert(1)>", check_paragraph),
    ("[x][r]\n\n[r]: javascript:alert(1)", check_paragraph),
    ("![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", check_paragraph),
    ("{: .x onclick=alert(1) }", check_line_start),
    ("a | b | c", check_table),
    ("a\n| x | y |\n|---|---|", check_table),
    ("# heading", check_paragraph),
    ("<!-- hidden -->", check_paragraph),
    ('<div markdown="1">**x**</div>', check_paragraph),
    ("*emph* _u_ ~~s~~ ==m==", check_paragraph),
    ("    indented code", check_paragraph),
    ("> quote", check_paragraph),
    ("1. list", check_paragraph),
    ("\u202eevil", check_paragraph),
    ("[x](javascript:alert(1))", check_inline_html),
]


@pytest.mark.parametrize(
    ("payload", "context"), NAIVE_FAILURES, ids=[repr(p[:20]) for p, _ in NAIVE_FAILURES]
)
def test_checks_reject_naive_interpolation(payload: str, context: Callable[[str, Escaper], None]) -> None:
    with pytest.raises(AssertionError):
        context(payload, html.escape if context is check_inline_html else (lambda s: s))


def test_snippets_would_stay_inert_if_ever_enabled(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("TOP-SECRET-CONTENT\n")
    configs = {**EXTENSION_CONFIGS, "pymdownx.snippets": {"base_path": [str(tmp_path)]}}
    exts = [*EXTENSIONS, "pymdownx.snippets"]
    payload = '--8<-- "secret.txt"'
    assert "TOP-SECRET-CONTENT" in render(payload, exts, configs)  # the sink is real
    out = render(md_text(payload), exts, configs)
    assert "TOP-SECRET-CONTENT" not in out
    assert visible(parse(out).text()) == payload


def test_extension_list_matches_site_config() -> None:
    # Only the markdown_extensions block is parsed, so this drift check does not depend on the
    # rest of mkdocs.yml (custom tags such as !ENV) loading.
    text = (ROOT / "mkdocs.yml").read_text()
    block = re.search(r"^markdown_extensions:\n(?:[ \t]+.*\n|\n)*", text, re.M)
    assert block is not None
    names: list[str] = []
    configured: dict[str, Any] = {}
    for entry in yaml.safe_load(block.group(0))["markdown_extensions"]:
        if isinstance(entry, str):
            names.append(entry)
        else:
            ((name, conf),) = entry.items()
            names.append(name)
            configured[name] = conf
    assert names == EXTENSIONS
    assert configured == EXTENSION_CONFIGS


# ---------------------------------------------------------------------------------------------
# clean_text / md_text specifics
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("a\nb", "a b"),
        ("  a \t\r\n  b  ", "a b"),
        ("\x00\x07ctrl", "ctrl"),
        ("x\x1fy", "x y"),  # unit separator counts as whitespace
        ("x\x85y\u2028z\u2029w", "x y z w"),
        ("10\u00a0km", "10 km"),
        ("\u202eevil\u202c", "evil"),
        ("\u2066iso\u2069 \u200emark\u200f \u061calm", "iso mark alm"),
        ("\ufeffbom", "bom"),
        ("e\u0301", "\u00e9"),
        ("e\x00\u0301", "\u00e9"),  # control dropped before NFC so the mark still composes
        ("\ud800lone", "lone"),
        ("zwj 👩\u200d💻 kept", "zwj 👩\u200d💻 kept"),
        ("", ""),
        (" \n\t ", ""),
    ],
)
def test_clean_text(raw: str, cleaned: str) -> None:
    assert clean_text(raw) == cleaned


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", "a &#124; b"),
        ("[x]{y}", "&#91;x&#93;&#123;y&#125;"),
        ("# 1. -x", "&#35; 1&#46; &#45;x"),
        ("<a href='x'>&", "&lt;a href&#61;&#39;x&#39;&gt;&amp;"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("*_`~\\", "&#42;&#95;&#96;&#126;&#92;"),
        ("a, b", "a, b"),  # comma and space stay literal
        ("Café 3,5 €", "Café 3,5 €"),  # non-ASCII is not markdown syntax
        ("greek ;", "greek &#59;"),
        ("greek \u037e", "greek &#59;"),  # NFC turns U+037E into ";" before escaping
    ],
)
def test_md_text_examples(raw: str, escaped: str) -> None:
    assert md_text(raw) == escaped


def test_md_cell_never_empty() -> None:
    assert md_cell("") == EMPTY_CELL
    assert md_cell("\x00 \u202e\n") == EMPTY_CELL
    assert md_cell("x|y") == "x&#124;y"


def test_html_helpers_escape_quotes_for_attributes() -> None:
    title = html_attr('a" onmouseover="x')
    data_x = html_attr("b' onclick='y")
    root = parse(f"<span title=\"{title}\" data-x='{data_x}'>t</span>")
    span = root.find("span")[0]
    assert span.attrs == {"title": 'a" onmouseover="x', "data-x": "b' onclick='y"}
    assert html_text("<b>x</b> & y") == "&lt;b&gt;x&lt;&#47;b&gt; &amp; y"


_PUNCT_OUT = re.compile(r"[!-/:-@\[-`{-~]")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#[0-9]+);")


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_md_text_property_any_text(s: str) -> None:
    out = md_text(s)
    assert not _PUNCT_OUT.search(_ENTITY.sub("", out).replace(",", ""))
    assert html.unescape(out) == clean_text(s)
    cleaned = clean_text(s)
    assert clean_text(cleaned) == cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]|\s\s|^\s|\s$", cleaned)


_SYNTAXY = st.text(
    alphabet=st.sampled_from(list("<>[](){}|*_`~#!?-+=.:;\"'\\/&@%^$ \n\taAz01é\u202e\x00\u037e")),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(_SYNTAXY)
def test_render_property_paragraph_and_table(s: str) -> None:
    if clean_text(s):
        check_paragraph(s, md_text)
    check_table(s, md_cell)
    check_inline_html(s, html_text)


# ---------------------------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        'http://x" onmouseover="alert(1)',
        "http://",
        "https:///path-only",
        "//evil.example/x",
        "/relative/path",
        "evil.example",
        "https://user:pw@bank.example@evil.example/",
        "https://bank.example@evil.example/",
        "http://x:99999/",
        "http://[::1",
        "http://ex ample.com/",
        "http://a..b/",
        "http://\ud800.com/",
        "",
    ],
)
def test_md_link_rejects_unsafe_urls(url: str) -> None:
    assert md_link("Label", url) == "Label"


def test_md_link_none_and_empty_label() -> None:
    assert md_link("L", None) == "L"
    assert md_link("", "javascript:alert(1)") == "javascript&#58;alert&#40;1&#41;"
    assert (
        md_link("", "https://ok.example/") == "[https&#58;&#47;&#47;ok&#46;example&#47;](https://ok.example/)"
    )


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://ok.example/a b(c)", "https://ok.example/a%20b%28c%29"),
        ("HTTPS://OK.Example:8443/p?q=1&r=2#frag", "https://ok.example:8443/p?q=1&r=2#frag"),
        ('http://ok.example/"onmouseover="x', "http://ok.example/%22onmouseover=%22x"),
        ("https://ok.example/<script>", "https://ok.example/%3Cscript%3E"),
        ("https://ok.example/a\\b'c*d", "https://ok.example/a%5Cb%27c%2Ad"),
        ("https://ok.example/ünï", "https://ok.example/%C3%BCn%C3%AF"),
        ("https://exämple.com/", "https://xn--exmple-cua.com/"),
        ("https://ok.example/?q=&quot;x", "https://ok.example/?q=&quot;x"),
        ("https://ok.example/100%/%41", "https://ok.example/100%25/%41"),
        ("https://ok.example/a#b#c", "https://ok.example/a#b%23c"),
        ("http://[::1]:8000/x", "http://[::1]:8000/x"),
        ("https://ok.example/x) {onclick=alert(1)}", "https://ok.example/x%29%20%7Bonclick=alert%281%29%7D"),
        ('https://ok.example/x "title"', "https://ok.example/x%20%22title%22"),
    ],
)
def test_md_link_encodes_safe_urls(url: str, href: str) -> None:
    out = md_link("Label", url)
    root = parse(render(f"See {out} now."))
    assert_inert(root)
    links = root.find("a")
    assert len(links) == 1
    assert links[0].attrs == {"href": href}
    assert visible(links[0].text()) == "Label"
    assert visible(root.text()) == "See Label now."


@pytest.mark.parametrize("label", ["[x]", "a]b", "<b>", "a|b", "a\nb", "a\\", "`x`"])
def test_md_link_rejects_unescaped_label(label: str) -> None:
    with pytest.raises(ValueError):
        md_link(label, "https://ok.example/")


_URLISH = st.one_of(
    st.text(max_size=40),
    st.builds(
        lambda scheme, rest: scheme + rest,
        st.sampled_from(["http://", "https://", "HTTP://", "javascript:", "data:", "//", "http:"]),
        st.text(alphabet=st.sampled_from(list("ab.c:/?#@[]()<>\"' \\%&;=\n\t\x00é\u202e-_1")), max_size=30),
    ),
)
_LINK_RE = re.compile(r"\[L\]\((https?://[!#$%&*+,\-./0-9:;=?@A-Z\[\]_a-z~]+)\)")


@settings(max_examples=400, deadline=None)
@given(_URLISH)
def test_md_link_property(url: str) -> None:
    out = md_link("L", url)
    if out == "L":
        return
    m = _LINK_RE.fullmatch(out)
    assert m, out
    root = parse(render(out))
    assert_inert(root)
    links = root.find("a")
    assert len(links) == 1 and links[0].text() == "L"
    assert url_ok(links[0].attrs["href"] or "")
    assert not re.search(r"[\s\"'()<>\\`{}|^]", links[0].attrs["href"] or "")


def test_internal_link() -> None:
    assert internal_link("Sources", "sources/x-1a2b3c4d.md") == "[Sources](sources/x-1a2b3c4d.md)"
    assert internal_link("S", "../index.md", "c-12") == "[S](../index.md#c-12)"
    assert internal_link("S", "", "claims") == "[S](#claims)"
    assert internal_link(md_text("a|b"), "x.md") == "[a&#124;b](x.md)"


@pytest.mark.parametrize(
    ("path", "anchor"),
    [
        ("//evil.example/x", None),
        ("/abs.md", None),
        ("javascript:alert(1)", None),
        ("X.md", None),
        ("a b.md", None),
        ("a.md)", None),
        ("a.md", "x y"),
        ("a.md", "X"),
        ("a.md", ""),
        ("a.md", "x)"),
        ("", None),
    ],
)
def test_internal_link_rejects(path: str, anchor: str | None) -> None:
    with pytest.raises(ValueError):
        internal_link("L", path, anchor)


def test_internal_link_rejects_bad_label() -> None:
    with pytest.raises(ValueError):
        internal_link("[x](javascript:y)", "a.md")
    with pytest.raises(ValueError):
        internal_link("", "a.md")


# ---------------------------------------------------------------------------------------------
# Slugs
# ---------------------------------------------------------------------------------------------

_SLUG_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-[0-9a-f]{16}")
_RESERVED = {
    "index", "search", "assets", "404", "sitemap", "con", "nul", "aux", "prn",
    *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
}  # fmt: skip


@pytest.mark.parametrize(
    "source_id",
    ["../../x", "/abs", "index", "search/search_index", "CON", "", "日本語の記事", "Ünïcödé", "x" * 1000,
     "a" * 39 + "-" * 20 + "b", "..", ".", "nul.txt", "404", "sitemap.xml", "assets/x", "\x00\ud800"],
)  # fmt: skip
def test_page_slug_shape(source_id: str) -> None:
    slug = page_slug(source_id)
    assert _SLUG_RE.fullmatch(slug), slug
    assert len(slug) <= 56
    assert slug == page_slug(source_id)
    assert slug not in _RESERVED and slug.split(".")[0] not in _RESERVED
    assert "/" not in slug and ".." not in slug


def test_page_slug_examples() -> None:
    assert page_slug("../../x").startswith("x-")
    assert page_slug("Café Report").startswith("cafe-report-")
    assert page_slug("").startswith("source-")
    assert page_slug("日本語").startswith("source-")
    assert page_slug("search/search_index").startswith("search-search-index-")
    assert len(page_slug("x" * 1000)) == 56


def test_page_slug_case_and_punctuation_collisions() -> None:
    ids = ["Report", "report", "REPORT", "re-port", "re port", "re_port", "index", "Index"]
    slugs = [page_slug(i) for i in ids]
    assert len({s.casefold() for s in slugs}) == len(ids)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_page_slug_property(source_id: str) -> None:
    slug = page_slug(source_id)
    assert _SLUG_RE.fullmatch(slug) and len(slug) <= 56


# ---------------------------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------------------------


def test_front_matter_escapes_title_and_cannot_forge_keys() -> None:
    fm = front_matter("</title><script>alert(1)</script>\ntemplate: evil.html\n---\nx")
    assert fm.startswith("---\n") and fm.endswith("---\n")
    body, meta = get_data(fm + "Body\n")
    assert body == "Body\n"
    assert meta == {"title": "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; template: evil.html --- x"}


def test_front_matter_controlled_values() -> None:
    fm = front_matter("T", description='a "b" <c>', hide=["navigation", "toc"], weight=3, draft=False)
    _, meta = get_data(fm + "x\n")
    assert meta == {
        "title": "T",
        "description": "a &quot;b&quot; &lt;c&gt;",
        "hide": ["navigation", "toc"],
        "weight": 3,
        "draft": False,
    }
    assert list(meta) == ["title", "description", "hide", "weight", "draft"]


@pytest.mark.parametrize("title", ["", " \n", "\x00\u202e"])
def test_front_matter_empty_title(title: str) -> None:
    assert get_data(front_matter(title) + "x\n")[1] == {"title": UNTITLED}


@pytest.mark.parametrize(
    ("kwargs", "exc"),
    [
        ({"title": "x"}, ValueError),
        ({"Bad": "x"}, ValueError),
        ({"a_b": 1.5}, TypeError),
        ({"a": None}, TypeError),
        ({"a": [1, 2]}, TypeError),
        ({"a": {"k": "v"}}, TypeError),
    ],
)
def test_front_matter_rejects_uncontrolled(kwargs: dict[str, Any], exc: type[Exception]) -> None:
    with pytest.raises(exc):
        front_matter("T", **kwargs)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_front_matter_round_trip(title: str) -> None:
    fm = front_matter(title)
    body, meta = get_data(fm + "Body\n")
    assert body == "Body\n"
    assert meta == {"title": html.escape(clean_text(title), quote=True) or UNTITLED}
    assert yaml.safe_load(fm[len("---\n") : -len("---\n")]) == meta


# ---------------------------------------------------------------------------------------------
# Integration: a real MkDocs + Material build
# ---------------------------------------------------------------------------------------------

_MKDOCS_YML = """\
site_name: Payload site
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions:
  - tables
  - attr_list
  - md_in_html
  - admonition
  - pymdownx.details
  - pymdownx.superfences
  - toc:
      permalink: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
"""

TITLE_PAYLOAD = "</title><script>alert(1)</script>"
HOSTILE_URLS = [
    "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    'http://x" onmouseover="alert(1)',
]
_INDEX_TAGS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}


def _page_body(other_slug: str) -> str:
    parts = [f"## {md_text(TITLE_PAYLOAD)}", "", "| Claim | Outlet | Note |", "|---|---|---|"]
    parts += [f"| {md_cell(p)} | {md_cell('Outlet ' + p[:40])} | {md_cell('')} |" for p in PAYLOADS[:-1]]
    parts.append("")
    for p in PAYLOADS:
        parts += [md_text(p), ""]
        parts += [f'Quote <span id="q" data-sort="{html_attr(p[:80])}">{html_text(p[:80])}</span> end.', ""]
    for url in [*HOSTILE_URLS, "https://ok.example/a b(c)"]:
        parts += [md_link(md_text("Source " + url), url), ""]
    parts += [internal_link(md_text("Other <page>"), f"{other_slug}.md"), ""]
    return "\n".join(parts)


class _SiteAudit(HTMLParser):
    """Collects what the integration test checks in a built Material page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.in_script = False
        self.script_text: list[str] = []
        self.problems: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if self.in_article and tag in _FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> in content")
        if tag == "script":
            self.in_script = True
        if tag == "meta" and a.get("name"):
            self.meta[a["name"] or ""] = a.get("content") or ""
        for name, value in a.items():
            if name.startswith("on") or name == "srcdoc" or (self.in_article and name == "style"):
                self.problems.append(f"{tag} {name}={value!r}")
            if name in _URL_ATTRS and not url_ok(value or ""):
                self.problems.append(f"{tag} {name}={value!r}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.script_text.append(data)


def test_material_build_keeps_payloads_inert(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text(_MKDOCS_YML)
    other = page_slug("../../<img src=x onerror=alert(1)>")
    reserved = page_slug("index")
    (docs / "index.md").write_text(
        front_matter(TITLE_PAYLOAD, description='"><script>alert(1)</script>') + "\n" + _page_body(other)
    )
    (docs / f"{other}.md").write_text(
        front_matter("<img src=x onerror=alert(1)>") + "\n" + md_text("Back <script>alert(1)</script>") + "\n"
    )
    (docs / f"{reserved}.md").write_text(front_matter("index") + "\nPlain.\n")

    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    proc = subprocess.run(
        [str(mkdocs), "build", "--strict", "-q", "-f", str(tmp_path / "mkdocs.yml")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr + proc.stdout

    site = tmp_path / "site"
    pages = {
        "index": site / "index.html",
        "other": site / other / "index.html",
        "reserved": site / reserved / "index.html",
    }
    for path in pages.values():
        assert path.is_file(), path

    for name, path in pages.items():
        page = path.read_text()
        titles = re.findall(r"<title>(.*?)</title>", page, re.S)
        assert len(titles) == 1
        assert "<" not in titles[0] and "<script" not in titles[0].lower(), (name, titles[0])
        assert not re.search(r"<script>\s*alert", page, re.I), name
        assert not re.search(r"<img[^>]*onerror", page, re.I), name
        audit = _SiteAudit()
        audit.feed(page)
        assert audit.problems == [], (name, audit.problems[:5])
        assert "alert(" not in "".join(audit.script_text), name

    index = pages["index"].read_text()
    assert re.search(
        r"<title>&lt;/title&gt;&lt;script&gt;alert\(1\)&lt;/script&gt; - Payload site</title>", index
    )
    audit = _SiteAudit()
    audit.feed(index)
    assert audit.meta["description"] == '"><script>alert(1)</script>'  # decoded by the parser: inert
    # The nav on every page shows the other page's escaped title as text.
    assert "&lt;img src=x onerror=alert(1)&gt;" in index

    search = json.loads((site / "search" / "search_index.json").read_text())
    blob = json.dumps(search)
    assert "<script" not in blob.lower() and "<img" not in blob.lower() and "<svg" not in blob.lower()
    for doc in search["docs"]:
        for key in ("title", "text"):
            tags = {t.lower() for t in re.findall(r"</?\s*([A-Za-z][A-Za-z0-9]*)", doc[key])}
            assert tags <= _INDEX_TAGS, (doc["location"], tags - _INDEX_TAGS)
            assert "&#" not in doc[key], "search indexer left a numeric entity undecoded"
    texts = " ".join(d["text"] for d in search["docs"])
    assert "a | b | c" in texts and "# heading" in texts and "1. list" in texts
