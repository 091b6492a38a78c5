"""Assessments: a claim's text → the qualities it judges, each with a direction (+1 or -1).

Two evaluations conflict only when they judge the same quality in opposite directions
("barely trained" against "well-prepared" both judge competence; "vulnerable" and "heroic" are
not opposites). The lexicon is general evaluative vocabulary grouped by the quality judged; a
quality judged both ways inside one claim ("disciplined, but inexperienced") is mixed and left
out, since the claim itself already holds both views.
"""

from __future__ import annotations

import re

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
    [
        "not",
        "never",
        "no",
        "barely",
        "hardly",
        "poorly",
        "badly",
        "insufficiently",
        "inadequately",
        "lack",
        "lacking",
        "lacked",
        "without",
    ]
)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def judged_qualities(text: str) -> frozenset[tuple[str, int]]:
    """(quality, +1/-1) for each quality ``text`` judges in one direction only."""
    words = _WORD.findall(text.lower())
    found: dict[str, set[int]] = {}
    for i, word in enumerate(words):
        for quality, (positive, negative) in LEXICON.items():
            if word in positive:
                sign = 1
            elif word in negative:
                sign = -1
            else:
                continue
            window = words[max(0, i - 3) : i]
            if any(w in _FLIP for w in window):
                sign = -sign
            found.setdefault(quality, set()).add(sign)
    return frozenset((q, next(iter(signs))) for q, signs in found.items() if len(signs) == 1)
