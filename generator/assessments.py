"""Assessments: a claim's text → the qualities it judges, each with a direction and a subject.

Two evaluations conflict only when they judge the same quality in opposite directions
("barely trained" against "well-prepared" both judge competence; "vulnerable" and "heroic" are
not opposites). The lexicon is general evaluative vocabulary grouped by the quality judged; a
quality judged both ways inside one claim ("disciplined, but inexperienced") is mixed and left
out, since the claim itself already holds both views.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .speakers import PHYSICAL_NOUNS

# quality → (positive words, negative words); matched on whole lowercased words or hyphenated forms.
LEXICON: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "competence": (
        frozenset(
            [
                "trained",
                "well-trained",
                "highly-trained",
                "prepared",
                "well-prepared",
                "skilled",
                "highly-skilled",
                "disciplined",
                "discipline",
                "experienced",
                "professional",
                "professionalism",
                "capable",
                "competent",
                "elite",
                "seasoned",
                "battle-hardened",
                "proficient",
                "motivated",
                "highly-motivated",
                "effective",
                "well-equipped",
                "qualified",
                "efficient",
                "well-organised",
                "well-organized",
                "well-run",
                "adept",
                "equipped",
                "organised",
                "organized",
            ]
        ),
        frozenset(
            [
                "untrained",
                "ill-trained",
                "undertrained",
                "unprepared",
                "ill-prepared",
                "underprepared",
                "inexperienced",
                "inexperience",
                "incompetent",
                "incompetence",
                "inept",
                "amateurish",
                "unfit",
                "demoralised",
                "demoralized",
                "unmotivated",
                "ineffective",
                "ill-equipped",
                "under-equipped",
                "unqualified",
                "disorganised",
                "disorganized",
                "undisciplined",
                "clumsy",
                "sloppy",
            ]
        ),
    ),
    "conduct": (
        frozenset(
            ["peaceful", "peacefully", "orderly", "calm", "restrained", "nonviolent", "non-violent", "good-natured"]
        ),
        frozenset(["violent", "violence", "chaotic", "brutal", "aggressive", "riotous", "unruly", "rowdy", "savage"]),
    ),
    "performance": (
        frozenset(
            [
                "strong",
                "robust",
                "solid",
                "successful",
                "success",
                "impressive",
                "stellar",
                "healthy",
                "buoyant",
                "thriving",
                "resilient",
                "outstanding",
                "excellent",
            ]
        ),
        frozenset(
            [
                "weak",
                "disappointing",
                "disappointment",
                "failure",
                "failed",
                "sluggish",
                "lacklustre",
                "lackluster",
                "dismal",
                "mediocre",
                "abysmal",
                "underwhelming",
            ]
        ),
    ),
    "safety": (
        frozenset(["safe", "secure", "intact"]),
        frozenset(["dangerous", "unsafe", "unstable", "fragile", "insecure", "hazardous"]),
    ),
    "legitimacy": (
        frozenset(["legitimate", "justified", "lawful", "fair"]),
        frozenset(["illegitimate", "unjustified", "unjust", "unlawful", "illegal", "unfair", "corrupt"]),
    ),
}
# Words that flip the judgement of the word they precede ("barely trained", "lack of experience").
_FLIP = frozenset(
    "not never no barely hardly poorly badly insufficiently inadequately lack lacking lacked without".split()
)
_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)*|,")
# A flip does not reach across these.
_CLAUSE_STOP = frozenset({",", "and", "but", "or", "while", "although", "though", "yet"})
# "well organised", "poorly equipped": the first word joins the second, as in the hyphenated forms.
_COMPOUND_FIRST = frozenset("well ill poorly badly highly under over".split())
_FAIR_NOT_JUDGED = frozenset("share weather amount number bit trade ground skin hair".split())
# Force words before a physical noun describe the thing, not a judgement of it.
_INTENSITY = frozenset("strong weak powerful mild".split())
# How many words either side of an evaluative word may name what it judges.
TARGET_WINDOW = 5
# Nouns news uses interchangeably for the same subject of a judgement.
_TARGET_SYNONYMS = {
    "soldier": "troop", "soldiers": "troop", "troops": "troop", "fighters": "troop", "forces": "troop",
    "people": "person", "residents": "person", "march": "protest", "marches": "protest", "rally": "protest",
    "demonstration": "protest", "protests": "protest", "firm": "company", "results": "result",
    "voting": "election", "vote": "election", "votes": "election", "polls": "election", "ballot": "election",
    "count": "election", "elections": "election",
}
_NOT_TARGETS = frozenset(
    """the a an and or but of to in on at for with by from as is are was were be been being has have had it its
    their they them this that these those who which what very highly most more less one some all any such
    been known seen said says called described say also than""".split()
)


@dataclass(frozen=True, slots=True)
class Judgement:
    quality: str
    sign: int  # +1 favourable, -1 unfavourable
    targets: frozenset[str]  # words near the evaluative word: what is being judged


def _flipped(words: list[str], i: int) -> bool:
    """A flip word up to three words back, not across a comma or a conjunction ("not violent but chaotic")."""
    for w in reversed(words[max(0, i - 3) : i]):
        if w in _CLAUSE_STOP:
            return False
        if w in _FLIP:
            return True
    return False


def _lookup(words: list[str], i: int) -> tuple[str, int] | None:
    """(quality, sign) of the evaluative word at ``i``, reading "well organised" as "well-organised"."""
    word = words[i]
    prev = words[i - 1] if i else ""
    for quality, (positive, negative) in LEXICON.items():
        joined = f"{prev}-{word}"
        if prev in _COMPOUND_FIRST and (joined in positive or joined in negative):
            return quality, 1 if joined in positive else -1
        if word in positive:
            return quality, 1
        if word in negative:
            return quality, -1
    return None


def judgements(text: str) -> tuple[Judgement, ...]:
    """The qualities ``text`` judges in one direction only, each with the words it is about."""
    words = _TOKEN.findall(text.lower())
    content = [i for i, w in enumerate(words) if w not in _NOT_TARGETS and w not in _CLAUSE_STOP and len(w) > 2]
    signs: dict[str, set[int]] = {}
    targets: dict[str, set[str]] = {}
    for i, word in enumerate(words):
        found = _lookup(words, i)
        if found is None:
            continue
        quality, sign = found
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if word in _INTENSITY and nxt in PHYSICAL_NOUNS:
            continue  # "a strong earthquake" measures force, it does not praise
        if word == "fair" and nxt in _FAIR_NOT_JUDGED:
            continue  # "a fair share", "fair weather"
        if _flipped(words, i):
            sign = -sign
        signs.setdefault(quality, set()).add(sign)
        # The subject is among the nearest content words either side (function words do not count).
        k = next((j for j, idx in enumerate(content) if idx >= i), len(content))
        near = [words[idx] for idx in content[max(0, k - TARGET_WINDOW) : k + TARGET_WINDOW + 1] if idx != i]
        targets.setdefault(quality, set()).update(_TARGET_SYNONYMS.get(w, w) for w in near if w not in _FLIP)
    return tuple(
        Judgement(q, next(iter(s)), frozenset(targets[q])) for q, s in sorted(signs.items()) if len(s) == 1
    )
