"""Events: claims → temporal Findings, where one event is dated in periods that cannot overlap.

Each resolved date in a claim is attached to the word it dates: the noun of a possessive
("Monday's earthquake"), else the nearest content word before it in its clause ("struck
yesterday afternoon", "joined … in early 2023"), else the first one after it ("On Monday,
Putin expressed …"). Dates of saying ("said on Thursday") are the reporting time, not the
event's, and are left out. Two dates conflict when their anchors name the same action (same
stem or a common synonym), the claims share what the action is about, the claims are related,
and the periods are disjoint.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .align import STOPWORDS, TEXT_MEMO, stem
from .evidence import Finding, Related, bounded_pairs, is_projection
from .records import Claim, TimeExpr
from .timex import describe, overlaps

# Clause breaks; a comma only when followed by a space, so "3,000" stays whole.
_CHUNK_BREAK = re.compile(r",(?=\s)|[;:()\[\]“”\"—–]+|\s-\s")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*")
# Any word, for what a dated event is about: names count ("Rovers beat United"), lower-cased.
_ANY_WORD = re.compile(r"\b[A-Za-z][A-Za-z'’-]*")
# Names of days and months are dates, not what happened.
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)
_POSSESSIVE = re.compile(r"^['’]s\s+(?:[a-z-]+\s+){0,2}?([a-z][a-z-]+)")
# Function words skipped when looking for the word a date belongs to.
_GLUE = frozenset(
    """on in at by during since until till from last this next early late earlier later the of a an before after
    as was were had has have been be is are and or its their his her it they that which who whom when then
    also only just about around some more than""".split()
)
# How many words back from a date its anchor may be.
MAX_ANCHOR_DISTANCE = 6
# Reporting verbs: a date next to one is when something was said, not when it happened.
_REPORTING = frozenset(
    "say said says told tell stated state announced announce added add reported report noted note denied deny".split()
)
# Changes of a level recur ("the toll rose to 187 … rose to 240"); a date of one is not a date of the other.
_CHANGES = frozenset(
    stem(w) for w in "rise fall increase decrease climb grow reach stand remain continue drop jump slip".split()
)
# Actions news reports with interchangeable verbs, each listed with its forms; a date of one is a
# date of the other. Forms are stemmed when the table is built, so any inflection finds its action.
_ACTION_FORMS = {
    "send": "send sent sends sending dispatch dispatched dispatches dispatching deploy deployed deploys deploying",
    "join": "join joined joins joining arrive arrived arrives arriving reinforce reinforced reinforcing",
    "kill": "kill killed kills killing die died dies dying",
    "strike": "strike struck strikes striking hit hits hitting jolt jolted jolts jolting rock rocked rocks "
    "rocking shake shook shakes shaking",
    "arrest": "arrest arrested arrests arresting detain detained detains detaining",
    "begin": "begin began begun begins beginning start started starts starting launch launched launches",
    "sign": "sign signed signs signing conclude concluded concludes",
    "capture": "capture captured captures capturing seize seized seizes seizing occupy occupied occupies "
    "occupying take took taken takes",
    "say": "say said says saying tell told tells telling",
    "rise": "rise rose risen rises rising",
    "fall": "fall fell fallen falls falling",
    "hold": "hold held holds holding",
    "meet": "meet met meets meeting",
    "leave": "leave left leaves leaving",
    "win": "win won wins winning",
    "lose": "lose lost loses losing",
    "come": "come came comes coming",
    "go": "go went gone goes going",
    "make": "make made makes making",
    "give": "give gave given gives giving",
    "find": "find found finds finding",
    "break": "break broke broken breaks breaking",
    "bring": "bring brought brings bringing",
    "fight": "fight fought fights fighting",
    "build": "build built builds building",
    "lead": "lead led leads leading",
    "flee": "flee fled flees fleeing",
    "spend": "spend spent spends spending",
    "sell": "sell sold sells selling",
    "pay": "pay paid pays paying",
}
_ACTIONS = {stem(form): stem(action) for action, forms in _ACTION_FORMS.items() for form in forms.split()}
_IRREGULAR_PAST = frozenset(
    form for forms in _ACTION_FORMS.values() for form in forms.split() if not form.endswith(("s", "ing"))
)


@dataclass(frozen=True, slots=True)
class _Dated:
    claim: Claim
    time: TimeExpr
    action: str
    about: frozenset[str]


def _chunks(text: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _CHUNK_BREAK.finditer(text):
        cuts.extend((m.start(), m.end()))
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2) if cuts[i + 1] > cuts[i]]


def _action(word: str) -> str:
    s = stem(word.lower().replace("’", "'"))
    return _ACTIONS.get(s, s)


# Dates of saying and of changes of a level are not dates of a one-off event.
_NOT_EVENTS = frozenset(_action(w) for w in _REPORTING) | _CHANGES


def _content(words: Iterable[str]) -> list[str]:
    # Reporting verbs stay (they are in STOPWORDS for similarity): a date next to one is a date of saying.
    return [w for w in words if w not in _GLUE and (w not in STOPWORDS or w in _REPORTING) and len(w) > 2]


def _verbish(word: str) -> bool:
    w = word.lower()
    return w in _IRREGULAR_PAST or (len(w) > 4 and w.endswith(("ed", "ing")))


def _anchor(text: str, rel_start: int, rel_end: int, chunk: tuple[int, int], nxt: tuple[int, int] | None) -> str | None:
    """The word a date belongs to: a possessive's noun, the nearest verb before it, else a nearby word."""
    after = text[rel_end:]
    m = _POSSESSIVE.match(after)
    if m:
        return m.group(1)
    before = _LOWER_WORD.findall(text[chunk[0] : rel_start])[-MAX_ANCHOR_DISTANCE:]
    candidates = _content(reversed(before))
    verbs = [w for w in candidates if _verbish(w)]
    if verbs:
        return verbs[0]
    if candidates:
        return candidates[0]
    rest = text[rel_end : chunk[1]]
    following = _content(_LOWER_WORD.findall(rest))
    if not following and nxt is not None:
        following = _content(_LOWER_WORD.findall(text[nxt[0] : nxt[1]]))
    # "On Monday, the rebels seized …": the date belongs to the verb, not to its subject.
    verbs_after = [w for w in following if _verbish(w)]
    if verbs_after:
        return verbs_after[0]
    return following[0] if following else None


@lru_cache(maxsize=TEXT_MEMO)  # pure, and a served site's rebuild meets the same claims again
def dated_events(c: Claim) -> tuple[_Dated, ...]:
    """Each resolved date of a claim with the action it dates and the words around it."""
    chunks = _chunks(c.text)
    subject = set(_content(_LOWER_WORD.findall(c.text[chunks[0][0] : chunks[0][1]]))) if chunks else set()
    out: list[_Dated] = []
    for t in c.times:
        if not t.resolved or t.begin is None:
            continue
        rel_start, rel_end = t.start - c.start, t.end - c.start
        k = next((i for i, (s, e) in enumerate(chunks) if s <= rel_start < e), None)
        if k is None:
            continue
        word = _anchor(c.text, rel_start, rel_end, chunks[k], chunks[k + 1] if k + 1 < len(chunks) else None)
        if word is None or _action(word) in _NOT_EVENTS:
            continue
        s, e = chunks[k]
        words = (w.lower() for w in _ANY_WORD.findall(c.text[s:rel_start] + " " + c.text[rel_end:e]))
        around = set(_content(w for w in words if w not in _CALENDAR)) | subject
        about = {stem(w) for w in around} - {stem(word)}
        # Who the event happened to counts too ("Rovers beat United"), but not who reported it.
        about |= {e.name for e in c.entities if e.name.lower() not in c.speaker.lower()}
        out.append(_Dated(c, t, _action(word), frozenset(about)))
    return tuple(out)


def compare_dates(claims: Sequence[Claim], related: Related) -> Iterable[Finding]:
    by_action: dict[str, list[_Dated]] = defaultdict(list)
    for c in claims:
        for d in dated_events(c):
            by_action[d.action].append(d)
    for action, items in sorted(by_action.items()):
        for i, j in bounded_pairs([f"{related.key(d.claim)}#{d.time.start - d.claim.start}" for d in items]):
            a, b = items[i], items[j]
            if a.claim.id == b.claim.id or overlaps(a.time, b.time) is not False:
                continue
            if not (a.about & b.about) or not related(a.claim, b.claim):
                continue
            if is_projection(a.claim.text) != is_projection(b.claim.text):
                continue  # a plan dated next year and an outcome this year are two events
            yield Finding(
                "temporal",
                "conflict",
                ((a.claim,), (b.claim,)),
                f"when it happened ({action})",
                f"The same event is dated “{a.time.text}” ({describe(a.time)}) in one statement and "
                f"“{b.time.text}” ({describe(b.time)}) in the other; the two periods do not overlap.",
                (describe(a.time), describe(b.time)),
            )
