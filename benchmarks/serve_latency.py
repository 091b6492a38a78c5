"""Serve latency: seconds from saving an edited article to ``mkdocs serve`` serving the change (run by hand).

    .venv/bin/python benchmarks/serve_latency.py --articles 100 --rounds 5

Writes a one-story corpus of ``--articles`` articles (``benchmarks/corpus.py``, single-story layout)
and the project's mkdocs.yml pointing at it into a temporary folder, starts ``mkdocs serve`` on a free
localhost port with its real file watcher (livereload on, as a user runs it), waits for the first
build, then ``--rounds`` times: inserts a new sentence with a distinctive figure into one article (after
its longest paragraph, or with ``--where top`` near its top, which renumbers the claims below) and
polls that article's source page over HTTP every 50 ms until the sentence is served. Reports each
round's seconds from the edit to the served change, the median and the maximum, and the build times
and plugin summary lines from the server's log (each rebuild should take all but one article from
the cache). Target: ≤ 2 s for 100 articles.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.append(str(Path(__file__).resolve().parent.parent))

from benchmarks.corpus import EDIT_PLACES, edit_article, write_corpus
from benchmarks.run import ENV, ROOT, plugin_config, snapshot_generator
from generator.escape import page_slug

TARGET_S = 2.0
POLL_S = 0.05
_BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
_SUMMARY = re.compile(r"claims: (.*\(\d+ from cache\).*)$", re.M)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str, timeout: float = 120.0) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: str, deadline: float) -> float | None:
    """Poll ``url`` until its body contains ``needle``; the time it did, or None at the deadline."""
    while time.perf_counter() < deadline:
        body = fetch(url)
        if body is not None and needle in body:
            return time.perf_counter()
        time.sleep(POLL_S)
    return None


def measure(articles: int, rounds: int, keep: Path | None, timeout: float, where: str = "longest") -> dict[str, object]:
    tmp = Path(tempfile.mkdtemp(prefix="claims-serve-"))
    log_path = tmp / "serve.log"
    proc: subprocess.Popen[bytes] | None = None
    try:
        code = snapshot_generator(tmp / "code")  # the server runs this copy, whatever happens to the tree
        corpus = write_corpus(tmp / "seeds", articles, stories=1, flat=True)
        shutil.copytree(ROOT / "docs", tmp / "docs")
        config = plugin_config(tmp)
        edited = next((a for a in corpus.stories[0].articles if a.format == "txt"), corpus.stories[0].articles[0])
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        page = f"{base}/sources/{page_slug(edited.stem)}/"
        with open(log_path, "wb") as log:
            started = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                cwd=tmp, env=ENV, stdout=log, stderr=subprocess.STDOUT,
            )
            # The first page is served once the first (cold) build is done.
            first = wait_for(page, edited.outlet, time.perf_counter() + timeout)
            if first is None:
                raise RuntimeError(f"mkdocs serve did not serve {page} in {timeout:.0f} s:\n{log_path.read_text()}")
            first_build = first - started
            time.sleep(1.0)
            latencies: list[float] = []
            for k in range(1, rounds + 1):
                figure = f"{4_300 + 17 * k:,}"
                sentence = f"Inspectors said on Tuesday that {figure} damaged footbridges would have to be rebuilt."
                t0 = time.perf_counter()
                edit_article(corpus.path(edited), sentence, where)
                seen = wait_for(page, f"{figure} damaged footbridges", t0 + timeout)
                if seen is None:
                    raise RuntimeError(f"round {k}: the edit was not served within {timeout:.0f} s")
                latencies.append(round(seen - t0, 3))
                print(f"round {k}: {latencies[-1]:.2f} s", file=sys.stderr, flush=True)
                time.sleep(1.0)  # let the watcher settle before the next edit
        log_text = log_path.read_text(encoding="utf-8", errors="replace")
        builds = [float(x) for x in _BUILT.findall(log_text)]
        return {
            "articles": articles,
            "rounds": rounds,
            "edit_place": where,
            "first_build_s": round(first_build, 2),
            "latencies_s": latencies,
            "median_s": round(statistics.median(latencies), 3),
            "max_s": round(max(latencies), 3),
            "target_s": TARGET_S,
            "met": max(latencies) <= TARGET_S,
            "mkdocs_build_s": builds,
            "summaries": _SUMMARY.findall(log_text),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "code": code,
        }
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if keep is not None:
            if keep.exists():
                shutil.rmtree(keep)
            shutil.move(str(tmp), keep)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time mkdocs serve from an edited article to the served change.")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds to wait for a build")
    parser.add_argument("--keep", type=Path, default=None, help="keep the project (and serve.log) here")
    parser.add_argument("--where", choices=EDIT_PLACES, default="longest",
                        help="where the new paragraph goes: after the longest paragraph, or near the top (every "
                             "claim below it renumbered)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    result = measure(args.articles, args.rounds, args.keep, args.timeout, args.where)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    latencies = result["latencies_s"]
    assert isinstance(latencies, list)
    print(f"edit → served: median {result['median_s']} s, max {result['max_s']} s over {len(latencies)} rounds "
          f"({'met' if result['met'] else 'NOT met'}: target ≤ {TARGET_S} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
