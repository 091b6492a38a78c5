"""Report → report.json (schema 1 of ../shared/eval/README.md), produced here and nowhere else.

The JSON holds the same data the site shows. Output is deterministic: records are already in a
stable order, keys keep their declared order, and nothing depends on time or the machine.

A collection of stories has one report.json per story (the contract above) and, at the top of the
site, an index of the stories that points to them: one merged file would repeat every story and
grow with the whole archive. ``analyze --json`` on a collection writes everything merged, once.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from . import __version__
from .records import (
    Claim,
    Collection,
    CollectionTotals,
    Entity,
    Quantity,
    Report,
    Stance,
    Story,
    StoryTotals,
    TimeExpr,
)

SCHEMA = 1
REPORT_JSON = "report.json"


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


def document_json(data: dict[str, Any]) -> str:
    """JSON text with one line per top-level field and per element of a top-level list: readable and
    diffable line by line, and fast, because json's C encoder writes each line (``indent=`` falls
    back to the pure-Python encoder, three times slower on a large story). Deterministic."""
    fields = []
    for key, value in data.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            items = ",\n".join(json.dumps(item, ensure_ascii=False) for item in value)
            fields.append(f"{name}: [\n{items}\n]")
        else:
            fields.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def report_json(report: Report) -> str:
    """The report as UTF-8 JSON text, byte-identical for identical input."""
    return document_json(report_data(report))


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


def story_totals(story: Story) -> StoryTotals:
    """What the story index and the summary line need of a story."""
    r = story.report
    dates = sorted(a.published for a in r.articles if a.published)
    return StoryTotals(
        story.id,
        story.slug,
        r.event,
        dates[0] if dates else None,
        dates[-1] if dates else None,
        len(r.articles),
        len(r.claims),
        len(r.facts),
        len(r.contradictions),
        sum(1 for c in r.contradictions if c.severity == "conflict"),
        len(r.skipped),
        r.from_cache,
    )


def collection_totals(collection: Collection) -> CollectionTotals:
    return CollectionTotals(tuple(map(story_totals, collection.stories)), collection.multi, collection.warnings)


def story_entry(story: StoryTotals) -> dict[str, Any]:
    """One story of a collection in a few numbers, and where its own report.json is in the site."""
    return {
        "id": story.id,
        "event": story.event,
        "report": f"{story.slug}/{REPORT_JSON}",
        "first_published": _date(story.first_published),
        "last_published": _date(story.last_published),
        "sources": story.articles,
        "claims": story.claims,
        "agreements": story.facts,
        "contradictions": story.contradictions,
        "conflicts": story.conflicts,
        "skipped": story.skipped,
    }


def collection_data(collection: Collection) -> dict[str, Any]:
    """One story: exactly its report. Several: the stories (``story_entry``) and every story's lists
    merged, every id prefixed with the story's folder so ids stay unique."""
    if not collection.multi:
        data = report_data(collection.stories[0].report)
        data["warnings"] = [*collection.warnings, *data["warnings"]]
        return data
    merged: dict[str, list[Any]] = {
        k: [] for k in ("sources", "claims", "agreements", "contradictions", "skipped", "warnings")
    }
    for story in collection.stories:
        for key, values in _prefixed(story.id, report_data(story.report)).items():
            merged[key].extend(values)
    merged["warnings"] = [*collection.warnings, *merged["warnings"]]
    stories = [story_entry(story_totals(s)) for s in collection.stories]
    return {"schema": SCHEMA, "generator": f"claims-report {__version__}", "stories": stories, **merged}


def collection_json(collection: Collection) -> str:
    return document_json(collection_data(collection))


def collection_index_json(totals: CollectionTotals) -> str:
    """The site's report.json for several stories: the stories and the collection's warnings; each
    story's data is in its own report.json."""
    return document_json({
        "schema": SCHEMA,
        "generator": f"claims-report {__version__}",
        "stories": [story_entry(s) for s in totals.stories],
        "warnings": list(totals.warnings),
    })
