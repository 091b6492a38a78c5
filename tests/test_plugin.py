"""The MkDocs adapter: its options, and the builds it refuses (overwriting docs, publishing seeds, no seeds).

Builds here run in-process on small projects in tmp_path with MkDocs' own theme, so they are fast;
the real site is built by test_site.py.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.plugin import ClaimsPlugin

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "fixtures" / "golden-story"


def _project(tmp_path: Path, *, seeds_dir: str = "seeds", copy_seeds: bool = True,
             extra_plugin: str = "") -> Path:
    """A minimal MkDocs project: mkdocs.yml, docs/about.md and (unless told not to) seeds/."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n\nHand-written.\n", encoding="utf-8")
    if copy_seeds:
        shutil.copytree(STORY, tmp_path / "seeds")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\n"
        "theme: mkdocs\n"
        "plugins:\n"
        "  - claims:\n"
        f"      seeds_dir: {seeds_dir}\n"
        f"{extra_plugin}",
        encoding="utf-8",
    )
    return tmp_path / "mkdocs.yml"


def _build(config_file: Path) -> Path:
    site = config_file.parent / "site"
    build(load_config(config_file=str(config_file), site_dir=str(site)))
    return site


def _build_error(config_file: Path, caplog: pytest.LogCaptureFixture) -> str:
    """The message of the PluginError that stops the build (MkDocs logs it and raises Abort)."""
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="mkdocs"), pytest.raises(Abort, match="BuildError"):
        _build(config_file)
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1, errors
    assert errors[0].startswith("claims: ")
    return errors[0]


def test_defaults() -> None:
    plugin = ClaimsPlugin()
    errors, warnings = plugin.load_config({})
    assert (errors, warnings) == ([], [])
    assert plugin.config.seeds_dir == "seeds"


def test_unknown_option_is_an_error() -> None:
    errors, warnings = ClaimsPlugin().load_config({"seed_dir": "articles"})
    assert [key for key, _ in errors] == ["seed_dir"]
    assert "seeds_dir" in str(errors[0][1])  # the message names the option that exists
    assert warnings == []


def test_wrong_type_is_an_error() -> None:
    errors, _ = ClaimsPlugin().load_config({"seeds_dir": 3})
    assert [key for key, _ in errors] == ["seeds_dir"]


def test_unknown_option_aborts_loading_mkdocs_yml(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_file = _project(tmp_path, extra_plugin="      seed_dir: articles\n")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        load_config(config_file=str(config_file))
    assert "seed_dir" in caplog.text


def test_build_generates_pages_and_leaves_docs_alone(tmp_path: Path) -> None:
    config_file = _project(tmp_path)
    site = _build(config_file)
    for page in ("index.html", "contradictions/index.html", "sources/index.html", "report.json",
                 "about/index.html", "assets/claims.css"):
        assert (site / page).is_file(), page
    assert len(list((site / "sources").glob("*/index.html"))) == 2
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["about.md"]


def test_hand_written_page_is_not_overwritten(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_file = _project(tmp_path)
    (tmp_path / "docs" / "index.md").write_text("# My own home page\n", encoding="utf-8")
    message = _build_error(config_file, caplog)
    assert re.search(r"docs/index\.md is hand-written.*rename or remove it", message), message
    assert (tmp_path / "docs" / "index.md").read_text(encoding="utf-8") == "# My own home page\n"


@pytest.mark.parametrize("seeds_dir", ["docs/seeds", "docs"])
def test_seeds_inside_docs_is_refused(tmp_path: Path, seeds_dir: str,
                                      caplog: pytest.LogCaptureFixture) -> None:
    config_file = _project(tmp_path, seeds_dir=seeds_dir, copy_seeds=False)
    shutil.copytree(STORY, tmp_path / "docs" / "seeds", dirs_exist_ok=True)
    message = _build_error(config_file, caplog)
    assert "inside docs_dir" in message and str((tmp_path / seeds_dir).resolve()) in message
    assert not (tmp_path / "site").exists() or not list((tmp_path / "site").rglob("*.txt"))


def test_missing_seeds_dir_names_the_path(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config_file = _project(tmp_path, seeds_dir="no-such-folder", copy_seeds=False)
    message = _build_error(config_file, caplog)
    assert str((tmp_path / "no-such-folder").resolve()) in message
    assert "does not exist" in message
