"""Serve-time reuse helpers on their own (the plugin's use of them: test_plugin_serve.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.reuse import TemplateCode


def _env(folder: Path, code: TemplateCode) -> jinja2.Environment:
    # MkDocs makes a new environment for every build; the compiled code outlives it.
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=code, auto_reload=False)


class _Counting(TemplateCode):
    def __init__(self) -> None:
        super().__init__()
        self.compiled = 0

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:  # called only after a compilation
        self.compiled += 1
        super().dump_bytecode(bucket)


def test_template_code_is_reused_until_the_template_changes(tmp_path: Path) -> None:
    code = _Counting()
    (tmp_path / "page.html").write_text("one {{ x }}", encoding="utf-8")
    assert _env(tmp_path, code).get_template("page.html").render(x=1) == "one 1"
    assert code.compiled == 1
    assert _env(tmp_path, code).get_template("page.html").render(x=2) == "one 2"
    assert code.compiled == 1  # the next build's environment loaded the code
    (tmp_path / "page.html").write_text("two {{ x }}", encoding="utf-8")  # edited under serve
    assert _env(tmp_path, code).get_template("page.html").render(x=3) == "two 3"
    assert code.compiled == 2
