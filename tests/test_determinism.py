"""Same seeds, same site: two builds of the repository's own seeds give byte-identical files.

Each build runs in its own copy of the project (so each computes the extraction afresh instead of
reading the other's ``.cache/claims`` entries, and the repository is not written to) and in its
own process with its own PYTHONHASHSEED, so any output that depends on set iteration order, on
object ids or on the build directory shows up as a difference. A third build reuses the first
copy's warm extraction cache and must give the same bytes as the cold build.

Time-dependent output, found by reading mkdocs 1.6.1 and confirmed by the tests below: only the
sitemap. ``sitemap.xml`` gives every page ``<lastmod>`` = the build date (UTC), and
``sitemap.xml.gz`` stores that date as the gzip header's mtime (mkdocs/commands/build.py). Both
honour ``SOURCE_DATE_EPOCH``. To prove that nothing else depends on the clock, the second build
is pinned to a date long past: then the sitemap pair must differ exactly in those dates, and
every other file must still be identical byte for byte. (Material 9.8.1 writes no build date;
the search index is deterministic.) A deployment that wants a byte-reproducible site sets
SOURCE_DATE_EPOCH, e.g. to the last commit's time.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import ROOT, build_site, make_project, mkdocs_env

from generator.pipeline import analyze
from generator.report import report_json

PINNED = 1_000_000_000  # 2001-09-09T01:46:40Z
PINNED_DATE = "2001-09-09"
TIME_DEPENDENT = {"sitemap.xml", "sitemap.xml.gz"}
_LASTMOD_RE = re.compile(r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@dataclass(frozen=True)
class Builds:
    cold: dict[str, bytes]  # a fresh copy, built now
    pinned: dict[str, bytes]  # another fresh copy, built with SOURCE_DATE_EPOCH = PINNED
    warm: dict[str, bytes]  # the first copy again, now with its extraction cache filled
    days: set[str]  # the UTC dates the unpinned builds ran on


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    base = tmp_path_factory.mktemp("determinism")
    one, two = make_project(base / "one", ROOT / "seeds"), make_project(base / "two", ROOT / "seeds")
    days = {dt.datetime.now(dt.UTC).date().isoformat()}
    cold = build_site(one, strict=True, site=base / "cold", env=mkdocs_env(PYTHONHASHSEED="1"))
    pinned_env = mkdocs_env(PYTHONHASHSEED="2", SOURCE_DATE_EPOCH=str(PINNED))
    pinned = build_site(two, strict=True, site=base / "pinned", env=pinned_env)
    warm = build_site(one, strict=True, site=base / "warm", env=mkdocs_env(PYTHONHASHSEED="3"))
    days.add(dt.datetime.now(dt.UTC).date().isoformat())
    for done in (cold, pinned, warm):
        assert done.returncode == 0, done.stdout + done.stderr
    # The cold builds computed everything; the warm one took its extractions from the cache.
    assert _from_cache(cold.stderr) == _from_cache(pinned.stderr) == 0
    assert _from_cache(warm.stderr) > 0, warm.stderr
    return Builds(_files(base / "cold"), _files(base / "pinned"), _files(base / "warm"), days)


def _from_cache(log: str) -> int:
    m = re.search(r"\((\d+) from cache\)", log)
    assert m is not None, f"the build log no longer says how many articles came from the cache:\n{log}"
    return int(m.group(1))


def _differ(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    assert sorted(a) == sorted(b)
    return sorted(name for name in a if a[name] != b[name])


def test_two_builds_are_byte_identical_except_the_sitemap_dates(builds: Builds) -> None:
    assert len(builds.cold) > 20
    assert "report.json" in builds.cold and "search/search_index.json" in builds.cold
    differ = _differ(builds.cold, builds.pinned)
    assert set(differ) <= TIME_DEPENDENT, f"non-deterministic output: {differ}"


def test_a_build_from_the_warm_cache_is_identical(builds: Builds) -> None:
    differ = _differ(builds.cold, builds.warm)
    assert set(differ) <= TIME_DEPENDENT, f"the cached build differs: {differ}"
    if len(builds.days) == 1:  # not across midnight: then even the sitemap is the same
        assert differ == []


def test_the_sitemap_differs_only_by_the_build_date(builds: Builds) -> None:
    a, b = builds.cold, builds.pinned
    xml_a, xml_b = a["sitemap.xml"].decode(), b["sitemap.xml"].decode()
    assert set(_LASTMOD_RE.findall(xml_b)) == {PINNED_DATE}
    assert set(_LASTMOD_RE.findall(xml_a)) <= builds.days
    assert _LASTMOD_RE.sub("<lastmod/>", xml_a) == _LASTMOD_RE.sub("<lastmod/>", xml_b)
    for files, day in ((a, next(iter(_LASTMOD_RE.findall(xml_a)))), (b, PINNED_DATE)):
        gz = files["sitemap.xml.gz"]
        assert gzip.decompress(gz) == files["sitemap.xml"]
        mtime = int.from_bytes(gz[4:8], "little")  # RFC 1952: MTIME, bytes 4-7 of the header
        assert dt.datetime.fromtimestamp(mtime, dt.UTC).date().isoformat() == day


def test_two_analyze_runs_give_identical_report_json(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"report-{seed}.json"
        cmd = [sys.executable, "-m", "generator", "analyze", str(ROOT / "seeds"), "--json", str(out)]
        done = subprocess.run(
            cmd,
            cwd=ROOT,
            env=mkdocs_env(PYTHONHASHSEED=seed),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    # And in-process, the same again (caches and module state do not leak between runs).
    in_process = [report_json(analyze(ROOT / "seeds")).encode("utf-8") for _ in range(2)]
    assert in_process[0] == in_process[1] == outputs[0], hashlib.sha256(outputs[0]).hexdigest()
