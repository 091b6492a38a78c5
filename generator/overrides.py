"""Editor overrides: ``seeds/overrides.yaml`` → decisions applied to facts, contradictions and claims.

An editor can dismiss a reported contradiction, mark claims as stating the same fact or different
facts, and annotate a claim — each with a note that the site shows and report.json records::

    dismiss:
      - contradiction: numeric-1a2b3c4d
        note: The outlet corrected its figure the next day.
    same_fact:
      - claims: [a1_wire/4, b2_local/7]
        note: Both describe the main shock.
    different_facts:
      - claims: [a1_wire/9, b2_local/3]
        note: One is the town, the other the province.
    annotate:
      - claim: a1_wire/12
        quote: 112 people            # optional: the claim must still say this
        note: Figure later revised by the agency.
      - claim: b2_local              # a source id and a quote name that source's claim saying it
        quote: more than 900 injured
        note: The agency's count, not the hospital's.

Ids come from the current report. An override that names a claim or contradiction that no longer
exists (an article was edited, a claim renumbered) is reported as a warning, never silently ignored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .align import independent_sources
from .errors import SeedError
from .records import Claim, Contradiction, Dismissal, Fact, Override
from .yamlfile import load_yaml

OVERRIDES_FILE = "overrides.yaml"
SECTIONS = {"dismiss": "contradiction", "same_fact": "claims", "different_facts": "claims", "annotate": "claim"}
MAX_NOTE_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class Overrides:
    items: tuple[Override, ...]
    warnings: tuple[str, ...]

    def of(self, action: str) -> list[Override]:
        return [o for o in self.items if o.action == action]


def load_overrides(seeds_dir: Path) -> Overrides:
    """Read and type-check overrides.yaml; a missing file means no overrides."""
    path = seeds_dir / OVERRIDES_FILE
    if not path.exists() and not path.is_symlink():
        return Overrides((), ())
    data = load_yaml(path, OVERRIDES_FILE)
    if data is None:
        return Overrides((), ())
    if not isinstance(data, dict):
        raise SeedError(OVERRIDES_FILE, f"expected a mapping of {', '.join(SECTIONS)}, got {type(data).__name__}")
    items: list[Override] = []
    warnings: list[str] = []
    for section in sorted(map(str, data)):
        if section not in SECTIONS:
            warnings.append(f"{OVERRIDES_FILE}: unknown section {section[:60]!r} (expected {', '.join(SECTIONS)})")
            continue
        entries = data[section] or []
        if not isinstance(entries, list):
            warnings.append(f"{OVERRIDES_FILE}: {section} must be a list of entries")
            continue
        for n, entry in enumerate(entries, 1):
            where = f"{OVERRIDES_FILE}: {section} entry {n}"
            if not isinstance(entry, dict):
                warnings.append(f"{where}: expected a mapping, got {type(entry).__name__}")
                continue
            key = SECTIONS[section]
            raw_target = entry.get(key)
            targets = raw_target if isinstance(raw_target, list) else [raw_target]
            if not targets or not all(isinstance(t, str) and t for t in targets):
                warnings.append(f"{where}: '{key}' must name {'claim ids' if key == 'claims' else 'an id'}")
                continue
            if key == "claims" and len(targets) < 2:
                warnings.append(f"{where}: 'claims' needs at least two claim ids")
                continue
            note = entry.get("note")
            if not isinstance(note, str) or not note.strip():
                warnings.append(f"{where}: a note saying why is required")
                continue
            quote = entry.get("quote")
            if quote is not None and (not isinstance(quote, str) or not quote.strip() or section == "dismiss"):
                warnings.append(f"{where}: 'quote' must be words from the claim (not used with dismiss)")
                continue
            for extra in sorted(set(map(str, entry)) - {key, "note", "quote"}):
                warnings.append(f"{where}: unknown field {extra[:60]!r}")
            items.append(Override(section, tuple(str(t) for t in targets), " ".join(note.split())[:MAX_NOTE_CHARS],
                                  " ".join(quote.split()) if quote else None))
    return Overrides(tuple(items), tuple(warnings))


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def resolve_claims(o: Override, claims: Sequence[Claim]) -> tuple[list[str], list[str]]:
    """(claim ids, problems) for an override's targets. A claim id must exist and, when the entry
    gives a ``quote``, still contain it; a bare source id with a quote names that source's claim
    containing the quote, so an editor's note survives renumbering."""
    by_id = {c.id: c for c in claims}
    found: list[str] = []
    problems: list[str] = []
    quote = _fold(o.quote) if o.quote else None
    for target in o.targets:
        claim = by_id.get(target)
        if claim is None and quote is not None:
            claim = next((c for c in claims if c.source == target and quote in _fold(c.text)), None)
        if claim is None:
            problems.append(f"{OVERRIDES_FILE}: {o.action} names claim {target!r}, which no longer exists")
        elif quote is not None and quote not in _fold(claim.text):
            problems.append(f"{OVERRIDES_FILE}: {o.action} names claim {target!r}, which no longer says {o.quote!r}")
        else:
            found.append(claim.id)
    return found, problems


def apply_fact_overrides(
    facts: Sequence[Fact], claims: Sequence[Claim], overrides: Overrides
) -> tuple[tuple[Fact, ...], tuple[str, ...]]:
    """Facts after "same fact" merges and "different facts" splits, and problems with stale ids."""
    by_id = {c.id: c for c in claims}
    problems: list[str] = []
    groups = [list(f.claims) for f in facts]
    topics = [f.topic for f in facts]
    ids = [f.id for f in facts]
    for o in overrides.of("same_fact"):
        targets, stale = resolve_claims(o, claims)
        if stale:
            problems.extend(stale)
            continue
        holding = [i for i, g in enumerate(groups) if set(g) & set(targets)]
        merged = list(dict.fromkeys([*(cid for i in holding for cid in groups[i]), *targets]))
        keep = holding[0] if holding else None
        for i in sorted(holding[1:], reverse=True):
            del groups[i], topics[i], ids[i]
        if keep is None:
            groups.append(merged)
            topics.append("marked the same by an editor")
            ids.append("editor-" + "-".join(t.replace("/", "-") for t in targets)[:60])
        else:
            groups[keep] = merged
    for o in overrides.of("different_facts"):
        targets, stale = resolve_claims(o, claims)
        if stale:
            problems.extend(stale)
            continue
        for i, g in enumerate(groups):
            inside = [t for t in targets if t in g]
            # Keep the first named claim where it is; every other named claim leaves the fact.
            groups[i] = [cid for cid in g if cid not in inside[1:]]
    out: list[Fact] = []
    for fid, topic, group in zip(ids, topics, groups, strict=True):
        members = [by_id[cid] for cid in group]
        sources = tuple(sorted({c.source for c in members}))
        if len(sources) >= 2:
            out.append(Fact(fid, topic, tuple(group), sources, independent_sources(members)))
    return tuple(out), tuple(problems)


def apply_dismissals(
    contradictions: Sequence[Contradiction], overrides: Overrides
) -> tuple[tuple[Contradiction, ...], tuple[Dismissal, ...], tuple[str, ...]]:
    """(kept contradictions, dismissed ones with the editor's note, problems with stale ids)."""
    notes: dict[str, str] = {}
    problems: list[str] = []
    known = {c.id for c in contradictions}
    for o in overrides.of("dismiss"):
        for target in o.targets:
            if target in known:
                notes[target] = o.note
            else:
                problems.append(f"{OVERRIDES_FILE}: dismiss names contradiction {target!r}, which no longer exists")
    kept = tuple(c for c in contradictions if c.id not in notes)
    dismissed = tuple(Dismissal(c, notes[c.id]) for c in contradictions if c.id in notes)
    return kept, dismissed, tuple(problems)


def claim_notes(claims: Sequence[Claim], overrides: Overrides) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Editor notes by claim id, and problems with stale ids."""
    notes: dict[str, list[str]] = defaultdict(list)
    problems: list[str] = []
    for o in overrides.of("annotate"):
        targets, stale = resolve_claims(o, claims)
        problems.extend(stale)
        for target in targets:
            notes[target].append(o.note)
    return {cid: tuple(n) for cid, n in sorted(notes.items())}, tuple(problems)
