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
        frozenset(["legitimate", "justified", "lawful"]),
        frozenset(["illegitimate", "unjustified", "unjust", "unlawful", "illegal", "unfair", "corrupt"]),
    ),
}
# Words that flip the judgement of the word they precede ("barely trained", "lack of experience").
_FLIP = frozenset(
    "not never no barely hardly poorly badly insufficiently inadequately lack lacking lacked without".split()
)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
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


def judgements(text: str) -> tuple[Judgement, ...]:
    """The qualities ``text`` judges in one direction only, each with the words it is about."""
    words = _WORD.findall(text.lower())
    signs: dict[str, set[int]] = {}
    targets: dict[str, set[str]] = {}
    for i, word in enumerate(words):
        for quality, (positive, negative) in LEXICON.items():
            if word in positive:
                sign = 1
            elif word in negative:
                sign = -1
            else:
                continue
            if any(w in _FLIP for w in words[max(0, i - 3) : i]):
                sign = -sign
            signs.setdefault(quality, set()).add(sign)
            near = words[max(0, i - TARGET_WINDOW) : i] + words[i + 1 : i + 1 + TARGET_WINDOW]
            targets.setdefault(quality, set()).update(
                _TARGET_SYNONYMS.get(w, w) for w in near if w not in _NOT_TARGETS and w not in _FLIP and len(w) > 2
            )
    return tuple(
        Judgement(q, next(iter(s)), frozenset(targets[q])) for q, s in sorted(signs.items()) if len(s) == 1
    )
