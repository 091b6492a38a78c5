"""The command line adapter: ``python -m generator analyze|render`` on the same pipeline as the site."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import SeedError
from .pipeline import analyze
from .records import Report
from .render import render_pages
from .report import report_json


def _summary(report: Report) -> str:
    conflicts = sum(1 for c in report.contradictions if c.severity == "conflict")
    return (f"{len(report.articles)} articles, {len(report.claims)} claims, {len(report.facts)} facts, "
            f"{conflicts} conflicts, {len(report.skipped)} skipped")


def _problems(report: Report) -> None:
    for s in report.skipped:
        print(f"skipped {s.path}: {s.reason}", file=sys.stderr)
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)


def _analyze(args: argparse.Namespace) -> int:
    report = analyze(Path(args.seeds_dir))
    _problems(report)
    data = report_json(report)
    if args.json == "-":
        sys.stdout.write(data)
    else:
        Path(args.json).write_text(data, encoding="utf-8")
    print(_summary(report), file=sys.stderr)
    return 0


def _render(args: argparse.Namespace) -> int:
    report = analyze(Path(args.seeds_dir))
    _problems(report)
    out = Path(args.out).resolve()
    for page in render_pages(report):
        target = (out / page.path).resolve()
        if out not in target.parents:  # page paths are slugs; this guards against a renderer bug
            raise SeedError(page.path, "generated path escapes the output folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    print(f"{_summary(report)}; pages written to {out}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Compare how news outlets report one event: extract each article's claims, line them up "
                    "across sources and report agreements and contradictions.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("analyze", help="write the report data (report.json, schema 1) for a folder of articles",
                       description="Read SEEDS_DIR (articles as .txt/.md/.html plus an optional sources.yaml) and "
                                   "write the claims, agreements and contradictions as JSON.")
    p.add_argument("seeds_dir", metavar="SEEDS_DIR", help="folder of articles about one event")
    p.add_argument("--json", required=True, metavar="FILE", help="where to write report.json ('-' for stdout)")
    p.set_defaults(func=_analyze)
    r = sub.add_parser("render", help="write the report's markdown pages to a folder (for other site engines)",
                       description="Render the same pages the MkDocs plugin generates into DIR.")
    r.add_argument("seeds_dir", metavar="SEEDS_DIR", help="folder of articles about one event")
    r.add_argument("--out", required=True, metavar="DIR", help="output folder for the markdown pages")
    r.set_defaults(func=_render)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except SeedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return code
