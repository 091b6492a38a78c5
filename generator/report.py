"""Report → report.json (schema 1 of ../shared/eval/README.md), produced here and nowhere else.

The JSON holds the same data the site shows. Output is deterministic: records are already in a
stable order, keys keep their declared order, and nothing depends on time or the machine.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from . import __version__
from .records import Claim, Collection, Entity, Quantity, Report, Stance, TimeExpr

SCHEMA = 1


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _quantity(q: Quantity) -> dict[str, Any]:
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "value": [q.value_low, q.value_high],
        "interval": [q.low, q.high],
        "qualifier": q.qualifier,
        "unit": q.unit,
        "counted": q.counted,
        "measure": q.measure,
        "out_of": q.out_of,
    }


def _time(t: TimeExpr) -> dict[str, Any]:
    return {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "granularity": t.granularity,
        "begin": _date(t.begin),
        "end_date": _date(t.end_date),
        "relative": t.relative,
        "resolved": t.resolved,
        "modifier": t.modifier,
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {"text": e.text, "start": e.start, "end": e.end, "name": e.name, "kind": e.kind, "role": e.role}


def _stance(s: Stance) -> dict[str, Any]:
    return {"text": s.text, "start": s.start, "end": s.end, "speaker": s.speaker, "polarity": s.polarity}


def _claim(c: Claim, notes: tuple[str, ...]) -> dict[str, Any]:
    return {
        "id": c.id,
        "source": c.source,
        "text": c.text,
        "start": c.start,
        "end": c.end,
        "kind": list(c.kinds),
        "speaker": c.speaker,
        "speaker_kind": c.speaker_kind,
        "polarity": c.polarity,
        "sentence": c.sentence,
        "quote": c.quote,
        "quantities": [_quantity(q) for q in c.quantities],
        "times": [_time(t) for t in c.times],
        "entities": [_entity(e) for e in c.entities],
        "stances": [_stance(s) for s in c.stances],
        "editor_notes": list(notes),
    }


def report_data(report: Report) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "generator": f"claims-report {__version__}",
        "event": report.event,
        "sources": [
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "author": a.author,
                "published": _date(a.published),
                "url": a.url,
                "path": a.path,
                "format": a.format,
                "dateline": a.dateline,
                "dropped": [{"line": d.line, "text": d.text, "reason": d.reason} for d in a.dropped],
            }
            for a in report.articles
        ],
        "claims": [_claim(c, report.notes.get(c.id, ())) for c in report.claims],
        "agreements": [
            {
                "id": f.id,
                "topic": f.topic,
                "claims": list(f.claims),
                "sources": list(f.sources),
                "independent_sources": f.independent,
            }
            for f in report.facts
        ],
        "contradictions": [
            {
                "id": c.id,
                "topic": c.topic,
                "kind": c.kind,
                "severity": c.severity,
                "claims": list(c.claims),
                "sides": [list(s) for s in c.sides],
                "values": list(c.values),
                "explanation": c.explanation,
            }
            for c in report.contradictions
        ],
        "dismissed_contradictions": [
            {
                "id": d.contradiction.id,
                "topic": d.contradiction.topic,
                "kind": d.contradiction.kind,
                "severity": d.contradiction.severity,
                "claims": list(d.contradiction.claims),
                "explanation": d.contradiction.explanation,
                "note": d.note,
            }
            for d in report.dismissed
        ],
        "overrides": [{"action": o.action, "targets": list(o.targets), "note": o.note} for o in report.overrides],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "warnings": list(report.warnings),
    }


def report_json(report: Report) -> str:
    """The report as UTF-8 JSON text, byte-identical for identical input."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


def _prefixed(story: str, data: dict[str, Any]) -> dict[str, list[Any]]:
    """A story's lists with every source, claim, fact and contradiction id prefixed by its folder."""

    def p(value: str) -> str:
        return f"{story}/{value}"

    return {
        "sources": [{**s, "id": p(s["id"]), "story": story} for s in data["sources"]],
        "claims": [{**c, "id": p(c["id"]), "source": p(c["source"]), "story": story} for c in data["claims"]],
        "agreements": [
            {**a, "id": p(a["id"]), "claims": [p(x) for x in a["claims"]], "sources": [p(x) for x in a["sources"]]}
            for a in data["agreements"]
        ],
        "contradictions": [
            {
                **c,
                "id": p(c["id"]),
                "claims": [p(x) for x in c["claims"]],
                "sides": [[p(x) for x in side] for side in c["sides"]],
            }
            for c in data["contradictions"]
        ],
        "skipped": [{**s, "path": p(s["path"])} for s in data["skipped"]],
        "warnings": [f"{story}/{w}" for w in data["warnings"]],
    }


def collection_data(collection: Collection) -> dict[str, Any]:
    """One story: exactly its report. Several: each story's report under ``stories``, and at the top the
    same lists merged, every id prefixed with the story's folder so ids stay unique."""
    if not collection.multi:
        data = report_data(collection.stories[0].report)
        data["warnings"] = [*collection.warnings, *data["warnings"]]
        return data
    stories = [{"id": s.id, **report_data(s.report)} for s in collection.stories]
    merged: dict[str, list[Any]] = {
        k: [] for k in ("sources", "claims", "agreements", "contradictions", "skipped", "warnings")
    }
    for story in stories:
        for key, values in _prefixed(story["id"], story).items():
            merged[key].extend(values)
    merged["warnings"] = [*collection.warnings, *merged["warnings"]]
    return {"schema": SCHEMA, "generator": f"claims-report {__version__}", "stories": stories, **merged}


def collection_json(collection: Collection) -> str:
    return json.dumps(collection_data(collection), ensure_ascii=False, indent=2) + "\n"
