"""Fixtures shared by the browser and site tests: built sites, servers for them and Chromium.

The payload site (tests/payloads built as a copy of this repository's MkDocs project) is built
once per session and shared by tests/test_security_site.py and tests/test_browser_security.py;
each module that needs it over HTTP gets its own server. The build is lenient: the corpus
contains unusable files on purpose, and a --strict build would refuse it.

The repository's own site (mkdocs.yml + seeds/, built from a throwaway copy of the project so
nothing lands in the working tree) is built once per session for tests/test_browser_reader.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser import PAYLOADS, ROOT, build_site, launch_chromium, make_project, serve, tree_snapshot

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@dataclass(frozen=True)
class BuiltSite:
    project: Path  # mkdocs.yml, docs/, seeds/, SECRET-canary.txt and site/
    site: Path
    log: str
    returncode: int
    before: dict[str, tuple[int, int]]  # tree_snapshot of the project (without site/) before the build
    after: dict[str, tuple[int, int]]  # ... and after it


def _build(project: Path, what: str) -> BuiltSite:
    """Build ``project`` once, recording the files outside ``site/`` before and after."""
    before = tree_snapshot(project, exclude=("site",))
    done = build_site(project, strict=False)
    after = tree_snapshot(project, exclude=("site",))
    log = done.stdout + done.stderr
    if done.returncode != 0:
        pytest.fail(f"mkdocs build of {what} failed ({done.returncode}):\n{log[-5000:]}")
    return BuiltSite(project, project / "site", log, done.returncode, before, after)


@pytest.fixture(scope="session")
def payload_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return _build(make_project(tmp_path_factory.mktemp("payload-project"), PAYLOADS), "the payload site")


@pytest.fixture(scope="module")
def payload_url(payload_site: BuiltSite) -> Iterator[str]:
    with serve(payload_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's report (its mkdocs.yml, docs/ and seeds/) built once, in a temporary copy."""
    return _build(make_project(tmp_path_factory.mktemp("repo-project"), ROOT / "seeds"), "the repository site")


@pytest.fixture(scope="module")
def repo_url(repo_site: BuiltSite) -> Iterator[str]:
    with serve(repo_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium through Playwright; installed with apt-get if missing, never downloaded."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install -e '.[test]' (it pins playwright==1.65.2)")
    try:
        manager = sync_playwright().start()
    except Exception as exc:
        pytest.fail(f"playwright could not start: {exc}")
    try:
        try:
            browser = launch_chromium(manager)
        except RuntimeError as exc:
            pytest.fail(str(exc))
        yield browser
        browser.close()
    finally:
        manager.stop()
