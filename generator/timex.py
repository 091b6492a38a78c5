"""Find time expressions in one sentence and normalise them against the publication date.

Contract
--------
``find_times(text, published, base=0)`` takes one sentence or clause and the article's
publication date (or ``None``) and returns a tuple of :class:`~generator.records.TimeExpr`,
in text order and non-overlapping, with ``start``/``end`` equal to ``base`` plus the position in
``text``; ``text[start - base:end - base] == expr.text`` always holds. Each expression carries an
inclusive date interval ``[begin, end_date]``. Expressions that need the publication date
(``relative=True``) are returned with ``resolved=False`` and no interval when ``published`` is
``None``; absolute ones ("June 2024", "the 1950s") always resolve. The function is pure and never
raises: a malformed date ("31 April 2025") is simply not returned.

``overlaps(a, b)`` says whether two resolved expressions can refer to the same time (``None``
when either is unresolved); ``describe(t)`` renders the normalisation for the site.

What the span covers
--------------------
The time expression itself plus the words recorded in ``modifier``: "since October",
"early 2023", "the end of 2023", "last fall", "the 1950s". Plain prepositions ("in", "on",
"during") are left out. The interval is always the *date part*: "since October" is October with
``modifier="since"``; ``overlaps`` opens the interval to the right for since/after and to the
left for until/before.

Resolution decisions (news reports mostly look back; these choices are deliberate)
-------------------------------------------------------------------------------------
* Day without a year ("April 28", "Jan. 5"): after a past-tense marker ("began on May 20") the
  most recent one on or before publication; after a future marker the next one; with neither, the
  occurrence nearest the publication date, a past one on a tie ("takes office on August 1" in a
  June article is this August). Future markers are "will", "is due to", "scheduled for"; past
  markers "was", "had", "said", verbs in -ed and common irregular past forms. A weekday written
  with the date ("Monday, April 28") picks the year in which it matches.
* Month without a year ("in October", "since January"): the most recent such month not after the
  publication month (the same month counts); "last October" is the most recent one strictly
  before the publication month, "next March" the first one strictly after, "this March" the one
  in the publication year; a future marker selects the first one on or after publication.
* Weekdays: the most recent such day on or before publication (the same day counts), also for
  "this Monday"; "last Monday" is strictly before, "next Monday" strictly after; a future marker
  ("will vote on Monday") selects the first one on or after publication.
* Seasons are meteorological, northern hemisphere: spring Mar-May, summer Jun-Aug, autumn/fall
  Sep-Nov, winter Dec-Feb. "winter 2024" is Dec 2023-Feb 2024 (named after the year holding its
  January and February); "winter 2023-24" is the same season. "last fall" is the most recent one
  that ended before publication, "next spring" the first that begins after it, "this winter" the
  one containing publication or else the nearest, bare "in the spring" the most recent one that
  began on or before publication (a future marker: the current or next one). "in the fall"
  (with the article) is not read as a season because it too often means an accident.
* Parts: early/mid/late of a year are Jan-Apr, May-Aug, Sep-Dec; of a month days 1-10, 11-20,
  21-end; of a decade years 0-3, 4-6, 7-9; of a season its first, middle, last month; of a
  week Mon-Tue, Wed-Thu, Fri-Sun. "the beginning/end of" count as early/late. "earlier this
  year" is Jan 1-publication, "later this year" / "the rest of the year" publication-Dec 31.
  Quarters and halves ("the first quarter of 2024", "Q3 2024", "H1 2024") have granularity
  "month" because GRANULARITIES has no "quarter".
* "since/until/till/by/through/before/prior to/after/pre-/post-" become the modifier
  (by/till/through → "until", prior to/pre- → "before", post- → "after"); when a part word is
  also present ("since early 2023") the prepositional modifier is kept and the part shapes the
  interval.
* "the previous year", "the year before", "a year earlier" count back from the last explicit
  year or month earlier in the same text (then ``relative`` is that anchor's), else from publication.
  "the following year", "that year", "the same month" need such an anchor and are otherwise
  not returned.
* "N days/weeks/months/years ago" is the calendar day/ISO week/month/year that lies N units
  before publication; "a decade ago" is the year ten years back. "more than … ago" → before,
  "less than … ago" → after. "the past/last N units" is the window ending at publication.
* A four-digit number is a year after a preposition, a determiner or a possessive ("in 2023",
  "the 2023 election", "Russia's 2022 invasion") unless a count noun follows ("in 2000 cases"); with
  none of these it must lie in 1900-2099 and be followed by punctuation, a capitalised word, a verb
  or an event noun ("2023 was", "2024 Olympics"), so "2024 people" stays a count.
* Two-digit decades ("the '90s") take the latest decade starting no later than the
  publication year; without a publication date '00s-'20s are 2000s-2020s, '30s-'90s 1900s.

Not returned: vague words ("recently", "now", "soon", "at the time"), durations ("for two
years", "over a three-month period"), offsets from another event ("two days later", "a year after
the war", "before the war"), vague counts ("a few weeks ago"), clock times, centuries, holidays,
numbers that are counts ("2,024 people", "1500 troops") or codes ("COVID-19", "F-16",
"Resolution 2254"), and the modal "may" or the verb "march".
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from .records import GRANULARITIES, TimeExpr
from .regextrie import alternation
from .textscan import has_ascii_digit, letter_runs

__all__ = ["describe", "find_times", "overlaps"]

_DAY1: Final = dt.timedelta(days=1)
_NEAREST_DAYS: Final = 183  # a year-less day is the occurrence nearest publication, within half a year

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


_MONTHS: Final = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS: Final = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6}
_SEASONS: Final = {"spring": 0, "summer": 1, "autumn": 2, "fall": 2, "winter": 3}
_SEASON_START: Final = (3, 6, 9, 12)
_NUMBER_WORDS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "a couple of": 2, "couple of": 2, "a dozen": 12,
}

# Words after a number that make it a count, not a year or a day ("2024 people", "March 10 troops").
_COUNT_WORDS: Final = _words("""
million millions billion billions thousand thousands hundred hundreds trillion percent per pct more other
people persons men women children kids babies adults girls boys students pupils soldiers troops
civilians fighters militants workers employees staff jobs patients cases deaths dead victims migrants
refugees residents protesters demonstrators voters votes ballots homes houses buildings families households
units vehicles cars trucks km kilometres kilometers miles metres meters feet ft tonnes tons kg pounds
dollars euros acres hectares points times items copies samples participants respondents signatures
members officers animals rounds shells rockets missiles drones arrests incidents lives
injuries wounded tourists passengers visitors fans spectators delegates seats beds doctors nurses
teachers prisoners inmates detainees hostages households businesses companies firms shares barrels
""")

# Words that may follow a bare year with no preposition in front ("2023 was", "2024 Olympics").
_YEAR_FOLLOWERS: Final = _words("""
was is has had have will would could should may might saw sees see marked marks brought brings began
begins ended ends became becomes proved remains remained and or but to through till until when while
after before as with at in on for from by than versus vs compared alone onwards onward forward
respectively also still already there it he she they we which that who where so then
election elections campaign season budget census race vote summit games final finals championship
championships war crisis report survey study data figures levels law act deal agreement treaty
invasion attack attacks earthquake floods flood pandemic outbreak recession midterms primary primaries
referendum edition model results estimates forecast target deadline plan strategy tournament cup
""")

# Capitalised words before a weekday that make it a named day, not a date ("Black Friday").
_NAMED_DAY_PREFIXES: Final = _words("""
super black cyber good holy easter palm ash bloody blue giving shrove maundy whit trinity low fat mad
manic
""")

# Words before a number that make it an identifier, not a year ("Flight 2024", "Resolution 2254").
_ID_WORDS: Final = _words("""
no nos number flight route room page pages p pp article articles section chapter resolution form model
bill highway interstate version code pin zip box unit suite gate platform bus line lot item file vol
volume issue case exhibit rule paragraph clause amendment windows
""")
_APPROX_WORDS: Final = _words("approximately nearly almost roughly estimated least some total")
_YEAR_PREPS: Final = _words("""
in since until till during before after from through throughout between by to of around circa c ca and
or for as than
""")
_DETERMINERS: Final = _words("the a an this that its his her their our your my whose fiscal fy calendar")
_WEEKDAY_BLOCKERS: Final = _words("""
the a an every each any one following previous preceding same that which first second third fourth fifth final
""")

# ---------------------------------------------------------------------------------------------
# Regex building blocks
# ---------------------------------------------------------------------------------------------

# Patterns that begin a regex start with a character class followed by a lookbehind for the word
# boundary ("[ADFJMNOS](?<!\w.)anuary…"): re then skips quickly to candidate characters instead of
# trying every position. The class admits non-words ("Jarch", "Sunday" as "S"+"unday" is fine, "Wall")
# that the handlers reject by dictionary lookup.
_MONTH_FULL: Final = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTHX: Final = rf"(?:{_MONTH_FULL}\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_MONTH_TAILS: Final = r"anuary|ebruary|arch|pril|ay|une|uly|ugust|eptember|ctober|ovember|ecember"
_MONTH_FULL_AT: Final = rf"[ADFJMNOS](?<!\w.)(?:{_MONTH_TAILS})\b"
_MONTH_ABBR_TAILS: Final = r"an|eb|ar|pr|un|ul|ug|ept|ep|ct|ov|ec"
_MONTHX_AT: Final = rf"[ADFJMNOS](?<!\w.)(?:{_MONTH_TAILS}|{_MONTH_ABBR_TAILS})\b\.?"
_FULL_MONTHS: Final = frozenset(["january", "february", "march", "april", "may", "june", "july", "august",
                          "september", "october", "november", "december"])
_WEEKDAY: Final = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY: Final = r"(?:3[01]|[12]\d|0?[1-9])"
_ORD: Final = r"(?:st|nd|rd|th)?"
_YEAR: Final = r"(?:1\d{3}|2[01]\d{2})"
_YEAR_MIN, _YEAR_MAX = 1000, 2199
_YEAR_END: Final = r"(?![\w%]|[.,:]\d|\s?[-\u2013/]\s?\d)"
_DAY_END: Final = r"(?![\w%]|[.,:]\d)"
_NUM: Final = (r"(?:\d{1,3}|(?i:a\s+couple\s+of|couple\s+of|a\s+dozen|an?|one|two|three|four|five|six|seven|eight|"
        r"nine|ten|"
        r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
        r"fifty|few|several))")
_SUB: Final = (
    r"(?<!\w)(?i:(?:early|mid|late)(?:\s*-\s*|\s+)|(?:earlier|later)\s+|the\s+(?:beginning|start|end|middle|close|"
    r"rest|remainder|(?:early|first|last|final|closing)\s+(?:few\s+)?months|(?:early|latter|first|last|final)\s+"
    r"part|(?:first|second)\s+half|(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter)\s+of\s+)"
)

_SUB_KEYS: Final = {
    "early": "early", "beginning": "early", "start": "early", "early months": "early",
    "first months": "early", "early few months": "early", "first few months": "early",
    "early part": "early", "first part": "early",
    "mid": "mid", "middle": "mid",
    "late": "late", "end": "late", "close": "late", "last months": "late", "final months": "late",
    "closing months": "late", "last few months": "late", "final few months": "late",
    "closing few months": "late", "latter part": "late", "last part": "late", "final part": "late",
    "earlier": "earlier", "later": "later", "rest": "rest", "remainder": "rest",
    "first half": "h1", "second half": "h2",
    "first quarter": "q1", "1st quarter": "q1", "second quarter": "q2", "2nd quarter": "q2",
    "third quarter": "q3", "3rd quarter": "q3", "fourth quarter": "q4", "4th quarter": "q4",
    "final quarter": "q4", "last quarter": "q4",
}
_SUB_CLEAN_RE: Final = re.compile(r"^the\s+|\s+of\s*$|\s*-\s*$|\s+$", re.I)
_WS_RE: Final = re.compile(r"\s+")

# Searched in the slice before a position: the lookbehind skips starts inside a word (the leftmost
# match never starts there), which saves re from retrying every suffix of the word.
# The letters are taken possessively: giving some back never helps, as a letter cannot start what follows.
_PREV_RE: Final = re.compile(r"(?<![A-Za-z])([A-Za-z]++)\.?(['\u2019]s?)?[ \t(]*$")
_NEXT_RE: Final = re.compile(r"[ \t]+([A-Za-z]+)")


# Tense markers: "f" future, "p" past. Each list is one trie; no phrase of a list is a prefix of another
# one that ends at a word boundary, so the trie finds what the plain alternation of the phrases finds. The
# lookahead only restates that every marker but "'ll" starts with a word character, which lets re give up
# at once at the end of a word.
_FUTURE_MARKERS: Final = [
    "will", "shall", "won't", "won\u2019t", "upcoming", "forthcoming", "plan to", "plans to", "intend to",
    "intends to", "is to", "are to",
    *(f"{v} {w}" for v in ("is", "are", "am")
      for w in ("due", "set", "scheduled", "expected", "slated", "poised", "going")),
    *(f"{v} {w}" for v in ("scheduled", "slated", "planned", "due", "expected") for w in ("for", "to", "on", "in")),
]
_PAST_AUX: Final = ["was", "were", "had", "did", "said"]
_PAST_VERBS: Final = """began came went took made gave held met fell rose struck sent told left won lost found broke
brought saw led fled fought spent sold paid became ran sank shook hit""".split()
_FUTURE_RE: Final = re.compile(
    rf"\b(?=\w)(?:(?P<f>{alternation(_FUTURE_MARKERS)})|(?P<p>{alternation(_PAST_AUX)}|(?<!be\s)(?<!been\s)"
    rf"(?:{alternation(_PAST_VERBS)}|\w\w+ed)))\b|(?P<f2>['\u2019]ll)\b",
    re.I,
)
# For lower-cased text without the letters that match an ASCII one under IGNORECASE without lower-casing
# to it ("\u0130", "\u0131", "\u017f"): matching case-sensitively there finds the same matches.
_FUTURE_LOW_RE: Final = re.compile(_FUTURE_RE.pattern)
_PREFIX_RE: Final = re.compile(
    r"(?:\b(?P<w>[Ss]ince|[Ee]ver\s+since|[Uu]ntil|[Uu]p\s+until|[Tt]ill|[Bb]y|[Tt]hrough|[Bb]efore|[Pp]rior\s+to|"
    r"[Aa]fter)\s+|\b(?P<h>[Pp]re|[Pp]ost)-)$"
)
_PREFIX_MOD: Final = {"since": "since", "ever since": "since", "until": "until", "up until": "until",
               "till": "until", "by": "until", "through": "until", "before": "before", "prior to": "before",
               "after": "after", "pre": "before", "post": "after"}
# The last word of every _PREFIX_RE match ("ever since", "prior to", "pre-"); see _pre_word.
_PREFIX_LAST: Final = frozenset(w.split()[-1] for w in _PREFIX_MOD)
_RANGE_GAP_RE: Final = re.compile(r"^\s*(?:(?P<dash>[-\u2013\u2014])|(?P<w>to|until|till|through|and))\s*$")
_RANGE_PRE_RE: Final = re.compile(r"\b(?P<w>[Ff]rom|[Bb]etween)\s+$")

# ---------------------------------------------------------------------------------------------
# Internal candidate
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    gran: str
    begin: dt.date | None
    end_date: dt.date | None
    relative: bool
    modifier: str | None = None
    yf: tuple[int, int | None] | None = None  # (month, day) when the year was inferred, for ranges
    ana: tuple[str, int, bool, str | None] | None = None  # anaphor: (unit, delta, may use publication, sub)
    prefixed: bool = False  # the span already holds its prepositional modifier
    blocker: bool = False  # a malformed date: wins the overlap contest so no part of it is read, then dropped


class _M:
    """A core match plus the optional context matched just before it ("in early" + "October").

    Rules anchor their regex on the time word itself, which the regex engine finds fast, and read the
    optional words in front with a second regex anchored at the core's start.
    """

    __slots__ = ("core", "core_names", "pre", "pre_names")

    def __init__(self, core: re.Match[str], pre: re.Match[str] | None, core_names: frozenset[str],
                 pre_names: frozenset[str]) -> None:
        self.core = core
        self.pre = pre
        # The group names of the two patterns, given rather than looked up on every access.
        self.core_names = core_names
        self.pre_names = pre_names if pre is not None else frozenset()

    def __getitem__(self, name: str) -> Any:
        if name in self.pre_names:
            return self.pre[name]  # type: ignore[index]
        return self.core[name] if name in self.core_names else None

    def start(self, name: str | None = None) -> int:
        if name is None:
            return self.pre.start() if self.pre is not None else self.core.start()
        if name in self.pre_names:
            return self.pre.start(name)  # type: ignore[union-attr]
        return self.core.start(name)

    def end(self) -> int:
        return self.core.end()


_Handler = Callable[[_M, str, dt.date | None], _Cand | None]

# ---------------------------------------------------------------------------------------------
# Date arithmetic
# ---------------------------------------------------------------------------------------------


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _month_iv(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, _last(y, m))


def _year_iv(y: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _week_iv(d: dt.date) -> tuple[dt.date, dt.date]:
    monday = d - dt.timedelta(days=d.weekday())
    return monday, monday + dt.timedelta(days=6)


def _season_iv(s: int, y: int) -> tuple[dt.date, dt.date]:
    """Season ``s`` (0 spring … 3 winter) labelled by year ``y``; winter y = Dec y-1 - Feb y."""
    if s == 3:
        return dt.date(y - 1, 12, 1), dt.date(y, 2, _last(y, 2))
    m = _SEASON_START[s]
    return dt.date(y, m, 1), dt.date(y, m + 2, _last(y, m + 2))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_num(raw: str | None) -> int | None:
    """Month number of a matched name; None for non-words and for "March." (full names take no period)."""
    if not raw:
        return None
    name = raw.rstrip(".").lower()
    if raw.endswith(".") and name in _FULL_MONTHS:
        return None
    return _MONTHS.get(name)


def _sub_key(raw: str | None) -> str | None:
    if not raw:
        return None
    key = _WS_RE.sub(" ", _SUB_CLEAN_RE.sub("", raw.strip().lower()))
    key = _SUB_CLEAN_RE.sub("", key)
    return _SUB_KEYS.get(key)


def _apply_sub(key: str | None, b: dt.date, e: dt.date, unit: str,
               p: dt.date | None) -> tuple[dt.date, dt.date, str | None] | None:
    """Narrow [b, e] (one ``unit``) to the part named by ``key``; None when the part makes no sense."""
    if key is None:
        return b, e, None
    if key in ("earlier", "later", "rest"):
        if p is not None and b <= p <= e:
            return (b, p, None) if key == "earlier" else (p, e, None)
        if key == "rest":
            return b, e, None
        key = "early" if key == "earlier" else "late"
    mod = key if key in ("early", "mid", "late") else None
    if unit == "year":
        y = b.year
        if key.startswith("q"):
            q = int(key[1])
            return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, _last(y, 3 * q)), None
        spans = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "h1": (1, 6), "h2": (7, 12)}
        m1, m2 = spans[key]
        return dt.date(y, m1, 1), dt.date(y, m2, _last(y, m2)), mod
    if unit == "month":
        last = _last(b.year, b.month)
        days = {"early": (1, 10), "mid": (11, 20), "late": (21, last), "h1": (1, 15), "h2": (16, last)}
        if key not in days:
            return None
        d1, d2 = days[key]
        return b.replace(day=d1), b.replace(day=d2), mod
    if unit == "season":
        idx = {"early": 0, "mid": 1, "late": 2}.get(key)
        if idx is None:
            return None
        y, m = _shift_month(b.year, b.month, idx)
        mb, me = _month_iv(y, m)
        return mb, me, mod
    if unit == "decade":
        years = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(key)
        if years is None:
            return None
        return dt.date(b.year + years[0], 1, 1), dt.date(b.year + years[1], 12, 31), mod
    if unit == "week":
        offsets = {"early": (0, 1), "mid": (2, 3), "late": (4, 6)}.get(key)
        if offsets is None:
            return None
        return b + dt.timedelta(days=offsets[0]), b + dt.timedelta(days=offsets[1]), mod
    if unit == "day" and key in ("early", "late"):
        return b, e, mod
    return None


def _part_gran(key: str | None, gran: str) -> str:
    """Quarters and halves of a year are months-wide: GRANULARITIES has no "quarter"."""
    return "month" if key is not None and key[0] in "hq" else gran


# ---------------------------------------------------------------------------------------------
# Context helpers
# ---------------------------------------------------------------------------------------------


def _prev_word(text: str, pos: int) -> tuple[str | None, bool]:
    """The word right before ``pos`` (lower-cased) and whether it is a possessive ("Russia's")."""
    m = _PREV_RE.search(text[max(0, pos - 30):pos])
    if m is None:
        return None, False
    return m.group(1).lower(), bool(m.group(2))


def _next_word(text: str, pos: int) -> str | None:
    m = _NEXT_RE.match(text, pos, min(len(text), pos + 40))
    return m.group(1) if m else None


def _is_count_follower(text: str, pos: int) -> bool:
    nxt = _next_word(text, pos)
    if nxt is not None and nxt.lower() in _COUNT_WORDS:
        return True
    return text.startswith("%", pos)


@functools.lru_cache(maxsize=1024)
def _tense(text: str, pos: int) -> str | None:
    """ "future" or "past" from the nearest tense marker before ``pos`` in the clause, else None."""
    tense = None
    lo = max(0, pos - 100)
    find = text.rfind  # the clause starts after the last break: , ; : \u2014 \u2013
    start = max(lo, find(",", lo, pos) + 1, find(";", lo, pos) + 1, find(":", lo, pos) + 1,
                find("\u2014", lo, pos) + 1, find("\u2013", lo, pos) + 1)
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        matches = _FUTURE_RE.finditer(text, start, pos)
    else:
        # The same matches in the lower-cased text (same offsets, as no letter above lower-cases to two),
        # without the slower case-insensitive matching.
        matches = _FUTURE_LOW_RE.finditer(text.lower(), start, pos)
    for m in matches:
        tense = "past" if m.group("p") is not None else "future"
    return tense


def _future(text: str, pos: int) -> bool:
    """True when the nearest tense marker before ``pos`` in the clause points to the future."""
    return _tense(text, pos) == "future"


def _blocker(start: int, end: int) -> _Cand:
    """"31 April 2025" stays text: neither a day nor "April 2025" is read from it."""
    return _Cand(start, end, "unknown", None, None, False, blocker=True)


def _unresolved(start: int, end: int, gran: str, modifier: str | None = None) -> _Cand:
    return _Cand(start, end, gran, None, None, True, modifier)


# ---------------------------------------------------------------------------------------------
# Resolution of year-less dates
# ---------------------------------------------------------------------------------------------


def _resolve_md(month: int, day: int, wd: int | None, p: dt.date, tense: str | None) -> dt.date | None:
    cands = [d for y in range(p.year - 8, p.year + 2) if (d := _safe_date(y, month, day)) is not None]
    if wd is not None:
        # "Sunday, May 18": the weekday pins the year whichever side of publication it falls.
        matching = [c for c in cands if c.weekday() == wd and abs((c - p).days) < 400]
        if matching:
            return min(matching, key=lambda c: abs((c - p).days))
    if tense == "future":
        after = [c for c in cands if c >= p]
        return min(after) if after else None
    before = [c for c in cands if c <= p]
    if tense == "past":
        return max(before) if before else None
    # Without a tense marker the nearer occurrence wins, a past one on a tie: "on August 1" in a June article is weeks
    # away, in a September article weeks ago. A month and a day are precise enough to be read so.
    near = [c for c in cands if abs((c - p).days) <= _NEAREST_DAYS]
    if near:
        return min(near, key=lambda c: (abs((c - p).days), c > p))
    return max(before) if before else None


def _resolve_month(month: int, p: dt.date, mode: str) -> tuple[int, int]:
    """Year of ``month`` for mode past-or-now / last / next / this / future (see module docstring)."""
    y = p.year
    if mode == "this":
        return y, month
    if mode == "last":
        return (y, month) if month < p.month else (y - 1, month)
    if mode == "next":
        return (y, month) if month > p.month else (y + 1, month)
    if mode == "future":
        return (y, month) if month >= p.month else (y + 1, month)
    return (y, month) if month <= p.month else (y - 1, month)


def _resolve_weekday(wd: int, p: dt.date, mode: str) -> dt.date:
    if mode == "last":
        return p - dt.timedelta(days=(p.weekday() - wd - 1) % 7 + 1)
    if mode == "next":
        return p + dt.timedelta(days=(wd - p.weekday() - 1) % 7 + 1)
    if mode == "future":
        return p + dt.timedelta(days=(wd - p.weekday()) % 7)
    return p - dt.timedelta(days=(p.weekday() - wd) % 7)


def _resolve_season(s: int, p: dt.date, mode: str) -> tuple[dt.date, dt.date] | None:
    occ = [_season_iv(s, y) for y in range(p.year - 2, p.year + 3)]
    if mode == "last":
        got = [o for o in occ if o[1] < p]
        return got[-1] if got else None
    if mode == "next":
        got = [o for o in occ if o[0] > p]
        return got[0] if got else None
    if mode == "this":
        return min(occ, key=lambda o: 0 if o[0] <= p <= o[1] else min(abs((o[0] - p).days),
                                                                      abs((o[1] - p).days)))
    if mode == "future":
        got = [o for o in occ if o[1] >= p]
        return got[0] if got else None
    got = [o for o in occ if o[0] <= p]
    return got[-1] if got else None


_REL_MODES: Final = {"last": "last", "past": "last", "this past": "last", "next": "next", "coming": "next",
              "this coming": "next", "this": "this"}


def _rel_mode(raw: str | None) -> str | None:
    return _REL_MODES.get(_WS_RE.sub(" ", raw.strip().lower())) if raw else None


# ---------------------------------------------------------------------------------------------
# Rules: each regex comes with a handler that builds a candidate or rejects the match
# ---------------------------------------------------------------------------------------------

_ISO_RE: Final = re.compile(
    r"(?P<y>[12](?<![\w./:-][12])\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-]|[.,]\d)"
)


def _h_iso(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    if int(m["y"]) > _YEAR_MAX:
        return None
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None if d is None else _Cand(m.start(), m.end(), "day", d, d, False)


_NUMERIC_RE: Final = re.compile(
    r"(?P<a>\d(?<![\w./:-]\d)\d?)(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\w/.:-]?\d)"
)


def _h_numeric(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if not _YEAR_MIN <= y <= _YEAR_MAX:
        return None
    # 04/05/2025 is 4 May in Britain and April 5 in the US: only take the readings that agree.
    if a > 12:
        d = _safe_date(y, b, a)
    elif b > 12 or a == b:
        d = _safe_date(y, a, b)
    else:
        return None
    return None if d is None else _Cand(m.start(), m.end(), "day", d, d, False)


_MD_RE: Final = re.compile(
    rf"(?P<m>{_MONTHX_AT})\s+(?P<d>{_DAY}){_ORD}{_DAY_END}(?:(?:,\s*|\s+)(?P<y>{_YEAR}){_YEAR_END})?"
)
_DM_RE: Final = re.compile(
    rf"(?P<d>\d(?<![\w$£€.,:/-]\d)\d?){_ORD}(?:\s+of)?\s+(?P<m>{_MONTHX})(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?"
)
_DAY_PRE_RE: Final = re.compile(rf"(?:\b(?P<wd>{_WEEKDAY}),?\s+)?(?:\b(?i:the)\s+)?\Z")


def _day_cand(m: _M, text: str, p: dt.date | None, start: int, end: int) -> _Cand | None:
    month = _month_num(m["m"])
    day = int(m["d"])
    if month is None or not 1 <= day <= 31:
        return None
    wd = _WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    if m["y"]:
        year = int(m["y"])
        if _is_count_follower(text, end):
            return None
        d = _safe_date(year, month, day)
        return _blocker(start, end) if d is None else _Cand(start, end, "day", d, d, False)
    if _is_count_follower(text, end):
        return None
    if _safe_date(2000, month, day) is None:
        return _blocker(start, end)
    if p is None:
        c = _unresolved(start, end, "day")
    else:
        got = _resolve_md(month, day, wd, p, _tense(text, start))
        if got is None:
            return None
        c = _Cand(start, end, "day", got, got, True)
    c.yf = (month, day)
    return c


def _h_md(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    return _day_cand(m, text, p, m.start(), m.end())


_MDR_RE: Final = re.compile(
    rf"(?P<m>{_MONTHX_AT})\s+(?P<d1>{_DAY}){_ORD}\s*(?:[-\u2013\u2014]|to|through)\s*(?P<d2>{_DAY}){_ORD}{_DAY_END}"
    rf"(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?"
)
_DMR_RE: Final = re.compile(
    rf"(?P<d1>\d(?<![\w$£€.,:/-]\d)\d?){_ORD}\s*(?:[-\u2013\u2014]|to)\s*(?P<d2>{_DAY}){_ORD}\s+(?P<m>{_MONTHX})"
    rf"(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?"
)


def _h_day_range(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    month = _month_num(m["m"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    if month is None or not 1 <= d1 < d2 or _safe_date(2000, month, d2) is None:
        return None
    if _is_count_follower(text, m.end()):
        return None
    if m["y"]:
        y = int(m["y"])
        b, e = _safe_date(y, month, d1), _safe_date(y, month, d2)
        return None if b is None or e is None else _Cand(m.start(), m.end(), "day", b, e, False)
    if p is None:
        return _unresolved(m.start(), m.end(), "day")
    first = _resolve_md(month, d1, None, p, _tense(text, m.start()))
    if first is None:
        return None
    e = _safe_date(first.year, month, d2)
    return None if e is None else _Cand(m.start(), m.end(), "day", first, e, True, yf=(month, d1))


_MONTH_YEAR_RE: Final = re.compile(rf"(?P<m>{_MONTHX_AT})(?:\s+of|,)?\s+(?P<y>{_YEAR}){_YEAR_END}")
_SUB_PRE_RE: Final = re.compile(rf"(?P<sub>{_SUB})?\Z")


def _h_month_year(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    month = _month_num(m["m"])
    if month is None or _is_count_follower(text, m.end()):
        return None
    b, e = _month_iv(int(m["y"]), month)
    got = _apply_sub(_sub_key(m["sub"]), b, e, "month", p)
    if got is None:
        return None
    return _Cand(m.start(), m.end(), "month", got[0], got[1], False, got[2])


_MONTH_CTX: Final = r"in|on|during|throughout|through|since|until|till|by|from|before|after|of|for|to"
_MONTH_RE: Final = re.compile(rf"(?P<m>{_MONTH_FULL_AT})")
_MONTH_PRE_RE: Final = re.compile(
    rf"(?:(?P<ctx>\b(?i:{_MONTH_CTX})\s+(?:(?i:the\s+month\s+of)\s+)?)|"
    rf"(?P<rel>\b(?i:this\s+past|this\s+coming|last|next|this|past|coming)\s+))?"
    rf"(?P<sub>{_SUB})?\Z"
)
# Prepositions after which a capitalised follower makes the "month" more likely a name ("to April Ryan").
_NAME_CTX: Final = _words("to from for of by on after before")
_MAY_CTX: Final = _words("in since until till during throughout through by before after")


def _h_month(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    ctx = _WS_RE.sub(" ", m["ctx"].strip().lower()).split(" ")[0] if m["ctx"] else None
    if ctx is None and not m["rel"] and not m["sub"]:
        return None
    name = m["m"]
    if name == "May" and ctx is not None and ctx not in _MAY_CTX and not m["sub"]:
        return None  # "told May", "from May": the politician's surname, not the month
    nxt = _next_word(text, m.end())
    if ctx in _NAME_CTX and not m["sub"] and nxt and nxt[0].isupper() \
            and nxt.lower() not in _MONTHS and nxt.lower() not in _WEEKDAYS:
        return None
    month = _month_num(name)
    if month is None:
        return None
    start = m.start("rel") if m["rel"] else m.start("sub") if m["sub"] else m.start("m")
    key = _sub_key(m["sub"])
    if p is None:
        c = _unresolved(start, m.end(), "month", key if key in ("early", "mid", "late") else None)
        c.yf = (month, None)
        return c
    mode = _rel_mode(m["rel"])
    if mode is None:  # the publication month reads the same either way: no need for the tense
        mode = "past" if month == p.month or not _future(text, start) else "future"
    y, mo = _resolve_month(month, p, mode)
    b, e = _month_iv(y, mo)
    got = _apply_sub(key, b, e, "month", p)
    if got is None:
        return None
    c = _Cand(start, m.end(), "month", got[0], got[1], True, got[2])
    if not m["rel"]:
        c.yf = (month, None)
    return c


_MRANGE_RE: Final = re.compile(
    rf"(?P<pre>[FfBb](?<!\w.)(?:rom|etween))\s+(?P<m1>{_MONTH_FULL})\s*(?:-|\u2013|\u2014|to|and|until|till|through)\s*"
    rf"(?P<m2>{_MONTH_FULL})\b(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}){_YEAR_END})?"
)


def _h_month_range(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    if m["pre"].lower() not in ("from", "between"):
        return None
    m1, m2 = _MONTHS[m["m1"].lower()], _MONTHS[m["m2"].lower()]
    if m1 == m2:
        return None
    if m["y"]:
        y2 = int(m["y"])
        y1 = y2 if m1 < m2 else y2 - 1
        relative = False
    elif p is None:
        return _unresolved(m.start(), m.end(), "month")
    else:
        # The period starts at the first month's usual reading and runs forward to the second.
        y1, _ = _resolve_month(m1, p, "future" if _future(text, m.start()) else "past")
        y2 = y1 if m1 < m2 else y1 + 1
        relative = True
    return _Cand(m.start(), m.end(), "month", _month_iv(y1, m1)[0], _month_iv(y2, m2)[1], relative)


_YEAR_RE: Final = re.compile(rf"(?P<y>[12](?<![\w$£€¥#@.,/:'\u2019][12])\d{{3}}){_YEAR_END}")
_YEAR_PRE_RE: Final = re.compile(rf"(?:(?P<pp>\b(?i:pre|post)-)|(?P<sub>{_SUB}))?\Z")


def _year_is_plausible(m: _M, text: str, y: int) -> bool:
    """Tell a year from a count or an identifier using the words around the number."""
    if _is_count_follower(text, m.end()):
        return False
    after_hyphen = m.core.start() > 0 and text[m.core.start() - 1] == "-"
    if after_hyphen and not (m["pp"] or (m["sub"] or "").endswith("-")):
        return False  # "COVID-2019", "A-2024", or the tail of a range we did not read as one
    if not _YEAR_MIN <= y <= _YEAR_MAX:
        return False
    if m["pp"] or m["sub"]:
        return True
    prev, possessive = _prev_word(text, m.start())
    if prev in _ID_WORDS or prev in _APPROX_WORDS:
        return False
    if possessive or prev in _YEAR_PREPS or prev in _DETERMINERS:
        return True
    if not 1900 <= y <= 2099:
        return False
    nxt = _next_word(text, m.end())
    return nxt is None or nxt[0].isupper() or nxt.lower() in _YEAR_FOLLOWERS


def _h_year(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    y = int(m["y"])
    if not _year_is_plausible(m, text, y):
        return None
    b, e = _year_iv(y)
    key = _sub_key(m["sub"])
    got = _apply_sub(key, b, e, "year", p)
    if got is None:
        return None
    c = _Cand(m.start(), m.end(), _part_gran(key, "year"), got[0], got[1], False, got[2])
    if m["pp"]:
        c.modifier = _PREFIX_MOD[m["pp"][:-1].lower()]
        c.prefixed = True
    return c


_YSPAN_RE: Final = re.compile(
    r"(?P<y1>[12](?<![\w$£€¥#@.,/:-][12])\d{3})\s?[-\u2013\u2014/]\s?(?P<y2>\d{4}|\d{2})"
    r"(?![\w%]|[.,:]\d|[-\u2013/]\d)"
)


def _h_year_span(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    y1 = int(m["y1"])
    if not _YEAR_MIN <= y1 <= _YEAR_MAX:
        return None
    raw = m["y2"]
    if len(raw) == 2:
        y2 = y1 // 100 * 100 + int(raw)
        if y2 <= y1:
            y2 += 100
        if y2 - y1 > 10:
            return None
    else:
        y2 = int(raw)
        if not y1 < y2 <= y1 + 100:
            return None
    if _is_count_follower(text, m.end()):
        return None
    return _Cand(m.start(), m.end(), "year", _year_iv(y1)[0], _year_iv(y2)[1], False)


_DECADE_RE: Final = re.compile(r"(?:(?P<d4>[12](?<![\w$£€#.,/:][12])\d\d0)|['\u2019](?P<d2>\d0))s\b")
_DECADE_PRE_RE: Final = re.compile(rf"(?:\b(?i:the)\s+)?(?P<sub>{_SUB})?(?:\b(?i:the)\s+)?\Z")


def _h_decade(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    if m["d4"]:
        y = int(m["d4"])
        if not 1100 <= y <= 2090:
            return None
    else:
        two = int(m["d2"])
        if p is not None:
            y = (p.year // 100) * 100 + two
            if y > p.year:
                y -= 100
        else:
            y = (2000 if two <= 20 else 1900) + two
    key = _sub_key(m["sub"])
    got = _apply_sub(key, dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade", p)
    if got is None:
        return None
    return _Cand(m.start(), m.end(), "decade", got[0], got[1], False, got[2])


_SEASON_RE: Final = re.compile(
    rf"(?P<s>[SsAaFfWwMm](?<!\w.)(?:pring|ummer|utumn|all|inter|id(?:summer|winter)))\b"
    rf"(?:(?:\s+of)?,?\s+(?P<y>{_YEAR})(?:\s?[-\u2013/]\s?(?P<y2>\d{{4}}|\d{{2}}))?{_YEAR_END})?"
)
_SEASON_PRE_RE: Final = re.compile(
    rf"(?:(?P<ctx>\b(?i:in|during|over|through|throughout|since|until|till|by|before|after|for)\s+(?P<the>the\s+)?)|"
    rf"(?P<rel>\b(?i:this\s+past|this\s+coming|last|next|this|past|coming|the\s+past|the\s+coming|the\s+last)\s+))?"
    rf"(?P<sub>{_SUB})?(?:\bthe\s+)?\Z"
)
_OF_RE: Final = re.compile(r"\s+of\b")


def _h_season(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    word = m["s"].lower()
    if word not in _SEASONS and word not in ("midsummer", "midwinter"):
        return None
    key: str | None
    if word.startswith("mid"):
        s, key = _SEASONS[word[3:]], "mid"
    else:
        s, key = _SEASONS[word], _sub_key(m["sub"])
    has_year = m["y"] is not None
    if not has_year:
        if not (m["ctx"] or m["rel"] or m["sub"] or word.startswith("mid")):
            return None
        if _OF_RE.match(text, m.end()):
            return None  # "the fall of Kabul", "the winter of discontent"
        if word == "fall" and m["ctx"] and m["the"] and not m["rel"] and not m["sub"]:
            return None  # "injured in the fall": an accident far more often than autumn
        if m["s"][0].isupper() and m.start("s") > 0:
            nxt = _next_word(text, m.end())
            if nxt and nxt[0].isupper():
                return None  # "the Winter Olympics", "Spring Festival"
    start = m.start("rel") if m["rel"] else m.start("sub") if m["sub"] else m.start("s")
    if has_year:
        y = int(m["y"])
        if m["y2"]:
            y2 = int(m["y2"]) if len(m["y2"]) == 4 else y // 100 * 100 + int(m["y2"])
            if s != 3 or y2 != y + 1:
                return None
            y = y2
        b, e = _season_iv(s, y)
        relative = False
    else:
        if p is None:
            return _unresolved(start, m.end(), "season", key if key in ("early", "mid", "late") else None)
        raw = _WS_RE.sub(" ", m["rel"].strip().lower()) if m["rel"] else None
        if raw in ("the past", "the last"):
            raw = "last"
        elif raw == "the coming":
            raw = "next"
        mode = _rel_mode(raw) or ("future" if _future(text, start) else "past")
        iv = _resolve_season(s, p, mode)
        if iv is None:
            return None
        b, e = iv
        relative = True
    got = _apply_sub(key, b, e, "season", p)
    if got is None:
        return None
    return _Cand(start, m.end(), "season", got[0], got[1], relative, got[2])


_REL_RE: Final = re.compile(
    r"(?P<which>[TtLlNn](?<!\w.)(?:his\s+past|his\s+coming|his|ast|ext|hat|he\s+(?:previous|prior|"
    r"preceding|current|following|same)|he))\s+(?P<unit>year|month|week|weekend)\b(?!-)"
)
_ANA_WHICH: Final = {"the previous": -1, "the prior": -1, "the preceding": -1, "the following": 1, "the same": 0,
              "that": 0, "the": 0}


def _period(unit: str, p: dt.date, shift: int) -> tuple[dt.date, dt.date]:
    if unit == "year":
        return _year_iv(p.year + shift)
    if unit == "month":
        return _month_iv(*_shift_month(p.year, p.month, shift))
    if unit == "week":
        return _week_iv(p + dt.timedelta(days=7 * shift))
    # weekend: Saturday and Sunday of the ISO week
    monday = _week_iv(p + dt.timedelta(days=7 * shift))[0]
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


_REL_WHICH: Final = frozenset(["this past", "this coming", "this", "last", "next", "that", "the previous",
                        "the prior", "the preceding", "the current", "the following", "the same", "the"])
_THE_BEFORE_RE: Final = re.compile(r"\b[Tt]he\s+\Z")


def _h_rel(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    which = _WS_RE.sub(" ", m["which"].lower())
    if which not in _REL_WHICH:
        return None
    if which in ("last", "next") and _THE_BEFORE_RE.search(text, max(0, m.core.start() - 6), m.core.start()):
        return None  # "the last year of his term", "the next year" count from something else
    unit = m["unit"]
    key = _sub_key(m["sub"])
    start = m.start()
    gran = "year" if unit == "year" else "month" if unit == "month" else "week"
    if which in _ANA_WHICH:
        delta = _ANA_WHICH[which]
        if unit not in ("year", "month") or (which == "the" and key is None):
            return None
        # "the end of the year" without an anchor is this year; "the following year" needs one.
        may_use_pub = which in ("the previous", "the prior", "the preceding", "the")
        return _Cand(start, m.end(), gran, None, None, True, ana=(unit, delta, may_use_pub, key))
    if which == "the current":
        which = "this"
    shift = {"this": 0, "last": -1, "next": 1, "this past": -1, "this coming": 1}[which]
    mod_hint = key if key in ("early", "mid", "late") else None
    if p is None:
        return _unresolved(start, m.end(), gran, mod_hint)
    if unit == "weekend":
        if which in ("last", "this past"):
            sunday = p - dt.timedelta(days=(p.weekday() - 6 - 1) % 7 + 1)
            b, e = sunday - _DAY1, sunday
        else:
            b, e = _period(unit, p, shift)
        sub_unit = "day"
    else:
        b, e = _period(unit, p, shift)
        sub_unit = unit
    got = _apply_sub(key, b, e, sub_unit, p)
    if got is None:
        return None
    return _Cand(start, m.end(), _part_gran(key, gran), got[0], got[1], True, got[2])


_ANA2_RE: Final = re.compile(
    r"(?P<a>[AaOoTt](?<!\w.)(?:ne|he)?)\s+(?P<unit>year|month)\s+(?P<dir>earlier|before|prior|later|after)\b(?!\s+(?:to|the|a|an|his|her|"
    r"its|their)\b)"
)


def _h_ana2(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    if m["a"].lower() not in ("a", "one", "the"):
        return None
    nxt = _next_word(text, m.end())
    if m["dir"] in ("before", "after", "prior") and nxt is not None \
            and nxt.lower() not in ("and", "when", "while"):
        return None  # "the year before the war" counts from an event we cannot date
    delta = -1 if m["dir"] in ("earlier", "before", "prior") else 1
    gran = m["unit"]
    return _Cand(m.start(), m.end(), gran, None, None, True, ana=(m["unit"], delta, delta < 0, None))


_WINDOW_RE: Final = re.compile(
    rf"[Tt](?<!\w.)he\s+(?:[Pp]ast|[Ll]ast)\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>hours?|days?|weeks?|months?|years?|decades?)\b"
    r"(?!\s+of\b)"
)


def _count(raw: str | None) -> int | None:
    if raw is None:
        return None
    raw = _WS_RE.sub(" ", raw.lower())
    if raw.isdigit():
        return int(raw)
    return _NUMBER_WORDS.get(raw)


def _back(p: dt.date, unit: str, n: int) -> dt.date:
    """The date ``n`` units before ``p`` (months and years clamp to the month's last day)."""
    if unit == "hour":
        return p - dt.timedelta(days=n // 24)
    if unit == "day":
        return p - dt.timedelta(days=n)
    if unit == "week":
        return p - dt.timedelta(days=7 * n)
    months = n if unit == "month" else 12 * n if unit == "year" else 120 * n
    y, mo = _shift_month(p.year, p.month, -months)
    return dt.date(y, mo, min(p.day, _last(y, mo)))


_UNIT_GRAN: Final = {"hour": "day", "day": "day", "week": "week", "month": "month", "year": "year", "decade": "year"}


def _h_window(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    unit_raw = m["unit"].lower()
    plural = unit_raw.endswith("s")
    unit = unit_raw.rstrip("s")
    n = _count(m["n"]) if m["n"] else 1
    if n is None or n < 1 or (m["n"] is None and plural) or (n > 1 and not plural):
        return None
    gran = _UNIT_GRAN[unit]
    if p is None:
        return _unresolved(m.start(), m.end(), gran)
    return _Cand(m.start(), m.end(), gran, _back(p, unit, n), p, True)


_AGO_RE: Final = re.compile(
    rf"(?<![\w,.])(?:(?P<q>(?i:more\s+than|over|less\s+than|under|fewer\s+than|nearly|almost|about|around|roughly|"
    rf"some|approximately|just|only|barely|exactly))\s+)?(?P<n>{_NUM}|(?i:half\s+a))\s+"
    r"(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b"
)
_AGO_MOD: Final = {"more than": "before", "over": "before", "less than": "after", "under": "after",
            "fewer than": "after"}


def _h_ago(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    n = _count(m["n"])
    if n is None or n < 1:
        return None
    unit = m["unit"].lower().rstrip("s")
    q = _WS_RE.sub(" ", m["q"].lower()) if m["q"] else None
    mod = _AGO_MOD.get(q) if q else None
    start = m.start() if mod else m.start("n")
    gran = _UNIT_GRAN[unit]
    if p is None:
        c = _unresolved(start, m.end(), gran, mod)
    else:
        d = _back(p, unit, n)
        if gran == "day":
            b, e = d, d
        elif gran == "week":
            b, e = _week_iv(d)
        elif gran == "month":
            b, e = _month_iv(d.year, d.month)
        else:
            b, e = _year_iv(d.year)
        c = _Cand(start, m.end(), gran, b, e, True, mod)
    c.prefixed = mod is not None
    return c


_WEEKDAY_RE: Final = re.compile(
    r"(?P<wd>[MTWFS](?<!\w.)(?:onday|uesday|ednesday|hursday|riday|aturday|unday))\b"
    r"(?:\s+(?P<tod>morning|afternoon|evening|night))?"
)
_WEEKDAY_PRE_RE: Final = re.compile(
    r"(?:(?P<rel>\b(?i:this\s+past|this\s+coming|last|next|this|past|coming)\s+)|"
    r"(?P<sub>\b(?i:early|late)\s+(?:on\s+)?))?\Z"
)


def _h_weekday(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    wd = _WEEKDAYS.get(m["wd"].lower())
    if wd is None:
        return None
    start = m.start()
    prev, _ = _prev_word(text, start)
    if prev in _WEEKDAY_BLOCKERS or prev in _NAMED_DAY_PREFIXES:
        return None
    mod = _WS_RE.sub(" ", m["sub"].strip().lower()).split(" ")[0] if m["sub"] else None
    if p is None:
        return _unresolved(start, m.end(), "day", mod)
    mode = _rel_mode(m["rel"])
    if mode is None:  # the publication weekday reads the same either way: no need for the tense
        mode = "past" if wd == p.weekday() or not _future(text, start) else "future"
    if mode == "this" and _future(text, start):
        mode = "future"
    d = _resolve_weekday(wd, p, mode)
    return _Cand(start, m.end(), "day", d, d, True, mod)


_DAYWORD_PRE_RE: Final = re.compile(r"(?P<sub>\b(?i:early|late)\s+)?\Z")
_DAYWORD_RE: Final = re.compile(
    r"(?P<w>[YyTtLl](?<!\w.)(?:esterday|oday|omorrow|onight|ast\s+night|his\s+(?:morning|afternoon|evening)))\b(?:\s+(?:morning|afternoon|evening|night)\b)?"
)
_DAYWORD_SHIFT: Final = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "last night": -1,
                  "this morning": 0, "this afternoon": 0, "this evening": 0}


def _h_dayword(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    shift = _DAYWORD_SHIFT.get(_WS_RE.sub(" ", m["w"].lower()))
    if shift is None:
        return None
    mod = m["sub"].strip().lower() if m["sub"] else None
    if p is None:
        return _unresolved(m.start(), m.end(), "day", mod)
    d = p + dt.timedelta(days=shift)
    return _Cand(m.start(), m.end(), "day", d, d, True, mod)


_QH_RE: Final = re.compile(
    rf"(?P<k>[QH](?<!\w.)[1-4])\s*(?:of\s+)?(?:(?:FY|fiscal)\s*)?(?P<y>{_YEAR}|['\u2019]\d{{2}}){_YEAR_END}"
)


def _h_qh(m: _M, text: str, p: dt.date | None) -> _Cand | None:
    raw = m["y"]
    y = int(raw) if raw[0].isdigit() else 2000 + int(raw[1:])
    k = m["k"]
    if k[0] == "H" and k[1] not in "12":
        return None
    b, e = _year_iv(y)
    got = _apply_sub(("q" if k[0] == "Q" else "h") + k[1], b, e, "year", p)
    if got is None:
        return None
    return _Cand(m.start(), m.end(), "month", got[0], got[1], False)


# Cheap gates: a rule runs only when the sentence holds a word its regex cannot do without. Each
# gate is a loose superset of its words: a pattern that starts with a character class, which re scans
# fast, or plain substring tests, which are faster still.
_DIGIT_GATE: Final = re.compile(r"\d")
_PAST_GATE: Final = re.compile(r"[PpLl]ast")
_WEEKDAY_GATE: Final = re.compile(r"[MTWFS][a-z]{2,5}day")
# A month name or abbreviation as the month patterns other than _MRANGE_RE read it (a capital of the class
# and a tail). _MRANGE_RE can glue its first month to the next word ("Januaryto"), but its second month is
# a month name (_MONTH_NAME_GATE).
_MONTH_TOKEN_GATE: Final = re.compile(
    rf"[ADFJMNOS](?<!\w.)(?:{alternation((_MONTH_TAILS + '|' + _MONTH_ABBR_TAILS).split('|'))})\b"
)
_UNIT_GATE: Final = re.compile(r"\s(?:year|month|weekend|week)\b")  # the unit of _REL_RE and _ANA2_RE
_NUMERIC_GATE: Final = re.compile(r"\d[/.]\d{1,2}[/.]\d")
_SPAN_GATE: Final = re.compile(r"\d\s?[-\u2013\u2014/]\s?\d")
_MONTH_NAME_GATE: Final = re.compile(_MONTH_FULL)
(_DIGIT, _MONTH_TOKEN, _MONTH_RANGE, _SEASON, _UNIT, _PAST, _AGO, _WEEKDAY_G, _DAYWORD, _ISO_G, _NUMERIC_G,
 _SPAN_G, _DAY_RANGE_G, _DECADE_G, _QH_G) = (1 << i for i in range(15))



# Word gates decided from the sentence's runs of ASCII letters, lower-cased (speakers.letter_runs, which the
# attribution finder has already computed for the same sentence). Each rule's regex below needs the word as
# a whole run: it starts at a letter no word character precedes ("(?<!\w.)" after its first letter, or
# whitespace) and ends before a non-word character ("\b", whitespace), and lower-casing keeps those
# boundaries when letter_runs returns a set. So a sentence without the word cannot match the rule.
def _cross(firsts: str, tails: str) -> list[str]:
    return [f + t for f in firsts for t in tails.split("|")]


_WORD_GATES: dict[str, int] = {}
for _bit, _gate_words in (
    # _MD_RE .. _MONTH_RE read a month token with _MONTHX_AT; the case-sensitive _MONTH_TOKEN_GATE confirms it.
    (_MONTH_TOKEN, _cross("adfjmnos", _MONTH_TAILS + "|" + _MONTH_ABBR_TAILS)),
    (_MONTH_RANGE, ["from", "brom", "between", "fetween"]),  # _MRANGE_RE's "[FfBb](?:rom|etween)"
    (_SEASON, _cross("safwm", "pring|ummer|utumn|all|inter|idsummer|idwinter")),  # _SEASON_RE
    (_UNIT, ["year", "month", "week", "weekend"]),  # _REL_RE and _ANA2_RE, after whitespace
    (_PAST, ["past", "last"]),  # _WINDOW_RE's "he\s+(?:[Pp]ast|[Ll]ast)\s+"
    (_AGO, ["ago"]),  # _AGO_RE's "\s+ago\b"
    (_WEEKDAY_G, _cross("mtwfs", "onday|uesday|ednesday|hursday|riday|aturday|unday")),  # _WEEKDAY_RE
    # _DAYWORD_RE: its first word, or the second of "last night" and "this morning|afternoon|evening".
    (_DAYWORD, [*_cross("ytl", "esterday|oday|omorrow|onight"), "night", "morning", "afternoon", "evening"]),
):
    for _w in _gate_words:
        _WORD_GATES[_w] = _WORD_GATES.get(_w, 0) | _bit
_GATE_WORDS: Final = frozenset(_WORD_GATES)


def _gates(text: str) -> int:
    """The bits of the gates ``text`` passes."""
    runs = letter_runs(text)
    if runs is None:
        return _gates_slow(text)
    present = 0
    for w in _GATE_WORDS.intersection(runs):  # one set intersection decides the word gates (see _WORD_GATES)
        present |= _WORD_GATES[w]
    if present & _MONTH_TOKEN and _MONTH_TOKEN_GATE.search(text) is None:
        present &= ~_MONTH_TOKEN  # "may", "man", "sun" in lower case
    if present & _MONTH_RANGE and _MONTH_NAME_GATE.search(text) is None:
        present &= ~_MONTH_RANGE
    if has_ascii_digit(text) if text.isascii() else _DIGIT_GATE.search(text) is not None:
        present |= _digit_gates(text)
    return present


def _digit_gates(text: str) -> int:
    """The bits of the gates of the rules that need a digit, for a text that holds one."""
    present = _DIGIT
    # The substrings are the separators of dates and ranges the rules' patterns need.
    dash = "-" in text or "\u2013" in text or "\u2014" in text
    if "-0" in text or "-1" in text:
        present |= _ISO_G
    if (dash or "/" in text) and _SPAN_GATE.search(text) is not None:
        present |= _SPAN_G
    if "Q" in text or "H" in text:
        present |= _QH_G
    if ("/" in text or text.count(".") >= 2) and _NUMERIC_GATE.search(text) is not None:
        present |= _NUMERIC_G  # the same separator twice
    if dash or "to" in text or "through" in text:
        present |= _DAY_RANGE_G
    if "0s" in text:
        present |= _DECADE_G
    return present


def _gates_slow(text: str) -> int:
    """_gates for a text whose letter runs are unsafe (see textscan.letter_runs): substring tests."""
    present = 0
    # The substrings are those the rules' patterns need: the tails of _SEASON_RE and _DAYWORD_RE's words,
    # the separators of dates and ranges.
    if has_ascii_digit(text) if text.isascii() else _DIGIT_GATE.search(text) is not None:
        present |= _digit_gates(text)
    if _MONTH_TOKEN_GATE.search(text) is not None:
        present |= _MONTH_TOKEN
    if ("rom" in text or "etween" in text) and _MONTH_NAME_GATE.search(text) is not None:
        present |= _MONTH_RANGE
    if "pring" in text or "ummer" in text or "utumn" in text or "all" in text or "inter" in text:
        present |= _SEASON  # "idsummer" and "idwinter" hold "ummer" and "inter"
    if ("year" in text or "month" in text or "week" in text) and _UNIT_GATE.search(text) is not None:
        present |= _UNIT
    if "ast" in text and _PAST_GATE.search(text) is not None:
        present |= _PAST
    if " ago" in text:
        present |= _AGO
    if "day" in text and _WEEKDAY_GATE.search(text) is not None:
        present |= _WEEKDAY_G
    if (("day" in text and ("esterday" in text or "oday" in text)) or "omorrow" in text or "night" in text
            or "morning" in text or "afternoon" in text or "evening" in text):
        present |= _DAYWORD
    return present


# The last words of the context patterns' non-empty matches, each followed by whitespace, a comma or a
# hyphen up to the core ("in early" + "2024", "Monday, " + "May 5", "pre-" + "2020"); see _pre_word.
_SUB_LAST: Final = _words("early mid late earlier later of")
_PRE_LAST: dict[re.Pattern[str], frozenset[str]] = {
    _DAY_PRE_RE: _words("monday tuesday wednesday thursday friday saturday sunday the"),
    _SUB_PRE_RE: _SUB_LAST,
    _MONTH_PRE_RE: _SUB_LAST | _words(_MONTH_CTX.replace("|", " ")) | _words("past coming last next this"),
    _YEAR_PRE_RE: _SUB_LAST | _words("pre post"),
    _DECADE_PRE_RE: _SUB_LAST | _words("the"),
    _SEASON_PRE_RE: _SUB_LAST | _words("in during over through throughout since until till by before after for the "
                                       "past coming last next this"),
    _WEEKDAY_PRE_RE: _words("past coming last next this early late on"),
    _DAYWORD_PRE_RE: _words("early late"),
}
# Last words that are the whole match when they end it ("in" of _MONTH_PRE_RE is never preceded by another
# part): the match, if any, starts at that word, and one attempt there replaces the search of the window.
_PRE_SINGLE: dict[re.Pattern[str], frozenset[str]] = {
    _DAY_PRE_RE: _words("monday tuesday wednesday thursday friday saturday sunday"),
    _SUB_PRE_RE: _words("early mid late earlier later"),
    _MONTH_PRE_RE: _words(_MONTH_CTX.replace("|", " ")) - {"of"} | _words("last next this"),
    _YEAR_PRE_RE: _words("early mid late earlier later pre post"),
    _DECADE_PRE_RE: frozenset(),
    _SEASON_PRE_RE: frozenset(),
    _WEEKDAY_PRE_RE: _words("last next this early late"),
    _DAYWORD_PRE_RE: _words("early late"),
}
# ASCII letters and the four letters that match one under IGNORECASE without lower-casing to it.
_GATE_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\u0130\u0131\u017f\u212a")


# Longest context read before a core match ("throughout the month of", "the first few months of").
_PRE_WIDTH: Final = 64


def _pre_word(text: str, pos: int, seps: str = ",-") -> tuple[str | None, int]:
    """The word a context pattern's non-empty match must end with when it ends at ``pos``, and where the
    word starts.

    Every such match ends with a whole word (it follows a word boundary) and then whitespace or ``seps``.
    "" when there is no such ending, so only the empty match is possible; None when the word holds a
    letter that matches an ASCII one under IGNORECASE without lower-casing to it (the caller then runs the
    pattern)."""
    j = pos
    while j > 0 and (text[j - 1].isspace() or text[j - 1] in seps):
        j -= 1
    if j == pos:
        return "", pos
    k = text.rfind(" ", max(0, j - 24), j) + 1  # mostly a space before the word: all letters up to it
    word = text[k:j]
    if not (word.isascii() and word.isalpha() and (k > 0 or j <= 24)):
        k = j
        while k > 0 and text[k - 1] in _GATE_LETTERS:
            k -= 1
        word = text[k:j]
    return (word.lower() if word.isascii() else None), k


def _context_before(text: str, cs: int, pre_rx: re.Pattern[str]) -> re.Match[str] | None:
    """``pre_rx.search(text, max(0, cs - _PRE_WIDTH), cs)``, None for an empty match.

    The search tries every position of the window and is slow; the last word before ``cs`` tells when
    only the empty match is possible, or where the only possible match starts."""
    lo = max(0, cs - _PRE_WIDTH)
    word, k = _pre_word(text, cs)
    if word is not None:
        if word not in _PRE_LAST[pre_rx]:
            return None
        if word in _PRE_SINGLE[pre_rx]:
            return pre_rx.match(text, k, cs) if k >= lo else None
        if word == "on" and pre_rx is _WEEKDAY_PRE_RE:  # only "early on" and "late on" end with "on"
            prev, k = _pre_word(text, k, "")
            if prev is not None and prev not in ("early", "late"):
                return None
    pre = pre_rx.search(text, lo, cs)
    return None if pre is None or pre.start() == pre.end() else pre


_Rule = tuple[int, re.Pattern[str], re.Pattern[str] | None, _Handler]
_RULES: tuple[_Rule, ...] = (
    (_DIGIT | _ISO_G, _ISO_RE, None, _h_iso),
    (_DIGIT | _NUMERIC_G, _NUMERIC_RE, None, _h_numeric),
    (_DIGIT | _MONTH_TOKEN, _MD_RE, _DAY_PRE_RE, _h_md),
    (_DIGIT | _MONTH_TOKEN, _DM_RE, _DAY_PRE_RE, _h_md),
    (_DIGIT | _MONTH_TOKEN | _DAY_RANGE_G, _MDR_RE, None, _h_day_range),
    (_DIGIT | _MONTH_TOKEN | _DAY_RANGE_G, _DMR_RE, None, _h_day_range),
    (_DIGIT | _MONTH_TOKEN, _MONTH_YEAR_RE, _SUB_PRE_RE, _h_month_year),
    (_MONTH_TOKEN, _MONTH_RE, _MONTH_PRE_RE, _h_month),
    (_MONTH_RANGE, _MRANGE_RE, None, _h_month_range),
    (_DIGIT, _YEAR_RE, _YEAR_PRE_RE, _h_year),
    (_DIGIT | _SPAN_G, _YSPAN_RE, None, _h_year_span),
    (_DIGIT | _DECADE_G, _DECADE_RE, _DECADE_PRE_RE, _h_decade),
    (_SEASON, _SEASON_RE, _SEASON_PRE_RE, _h_season),
    (_UNIT, _REL_RE, _SUB_PRE_RE, _h_rel),
    (_UNIT, _ANA2_RE, None, _h_ana2),
    (_PAST, _WINDOW_RE, None, _h_window),
    (_AGO, _AGO_RE, None, _h_ago),
    (_WEEKDAY_G, _WEEKDAY_RE, _WEEKDAY_PRE_RE, _h_weekday),
    (_DAYWORD, _DAYWORD_RE, _DAYWORD_PRE_RE, _h_dayword),
    (_DIGIT | _QH_G, _QH_RE, None, _h_qh),
)
_Run = tuple[re.Pattern[str], re.Pattern[str] | None, _Handler, frozenset[str], frozenset[str]]
# The rules to run for each combination of gate bits, built on first use (at most one per combination).
_RUNS: dict[int, tuple[_Run, ...]] = {}


def _runs(present: int) -> tuple[_Run, ...]:
    runs = _RUNS.get(present)
    if runs is None:
        runs = tuple((rx, pre_rx, handler, frozenset(rx.groupindex), frozenset(pre_rx.groupindex if pre_rx else ()))
                     for need, rx, pre_rx, handler in _RULES if present & need == need)
        _RUNS[present] = runs
    return runs


# ---------------------------------------------------------------------------------------------
# Passes over the selected candidates
# ---------------------------------------------------------------------------------------------


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest candidates that do not overlap, then order them by position."""
    if len(cands) == 1:
        return list(cands)
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _resolve_anaphora(cands: list[_Cand], p: dt.date | None) -> list[_Cand]:
    if len(cands) == 1 and cands[0].ana is None:
        return cands  # nothing to resolve
    out: list[_Cand] = []
    ref: _Cand | None = None
    for c in cands:
        if c.ana is not None:
            unit, delta, may_use_pub, key = c.ana
            anchor: dt.date | None = None
            relative = True
            if ref is not None and ref.begin is not None and (unit == "year" or ref.gran in ("day", "month")):
                anchor, relative = ref.begin, ref.relative
            elif may_use_pub:
                anchor = p
            else:
                continue  # "the following year" with nothing to count from
            if anchor is None:
                c.ana = None
                out.append(c)
                continue
            if unit == "year":
                b, e = _year_iv(anchor.year + delta)
            else:
                b, e = _month_iv(*_shift_month(anchor.year, anchor.month, delta))
            got = _apply_sub(key, b, e, unit, p if relative else None)
            if got is None:
                continue
            c.begin, c.end_date, c.modifier, c.relative, c.ana = got[0], got[1], got[2], relative, None
            c.gran = _part_gran(key, c.gran)
        if c.begin is not None and c.gran in ("day", "month", "season", "year"):
            ref = c
        out.append(c)
    return out


_GRAN_ORDER: Final = {g: i for i, g in enumerate(GRANULARITIES)}


def _merge_ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "from A to B", "between A and B" and "A-B" into one interval."""
    if len(cands) < 2:
        return cands
    out: list[_Cand] = []
    for c in cands:
        if out:
            a = out[-1]
            gap = _RANGE_GAP_RE.match(text[a.end:c.start])
            pre = _RANGE_PRE_RE.search(text, max(0, a.start - 12), a.start)
            ok = gap is not None and (gap["dash"] or pre is not None) and not (gap["w"] == "and" and (
                pre is None or pre["w"].lower() != "between"))
            if ok and a.modifier is None and c.modifier is None and not a.prefixed and not c.prefixed:
                merged = _merge(a, c, pre.start() if pre is not None else a.start)
                if merged is not None:
                    out[-1] = merged
                    continue
        out.append(c)
    return out


def _merge(a: _Cand, b: _Cand, start: int) -> _Cand | None:
    gran = max(a.gran, b.gran, key=lambda g: _GRAN_ORDER.get(g, 0))
    if a.begin is None or b.begin is None or a.end_date is None or b.end_date is None:
        if a.relative or b.relative:
            return _Cand(start, b.end, gran, None, None, True)
        return None
    begin = a.begin
    if a.yf is not None and b.yf is None:
        # "between January and March 2024": the first end takes the year the second end states.
        month, day = a.yf
        for y in (b.begin.year, b.begin.year - 1):
            got = _safe_date(y, month, day or 1)
            if got is not None and got <= b.begin:
                begin = got
                break
    if begin > b.end_date:
        return None
    return _Cand(start, b.end, gran, begin, b.end_date, a.relative or b.relative)


def _apply_prefixes(text: str, cands: list[_Cand]) -> None:
    floor = 0
    for c in cands:
        if not c.prefixed:
            last = _pre_word(text, c.start)[0]  # the search runs only when a prefix can end there
            m = None
            if last is None or last in _PREFIX_LAST:
                m = _PREFIX_RE.search(text, max(floor, c.start - 16), c.start)
            if m is not None:
                word = _WS_RE.sub(" ", (m["w"] or m["h"]).lower())
                c.modifier = _PREFIX_MOD[word]
                c.start = m.start("w") if m["w"] else m.start("h")
        floor = c.end


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def find_times(text: str, published: dt.date | None, base: int = 0) -> tuple[TimeExpr, ...]:
    """Time expressions in ``text`` with offsets ``base + position``, in text order (see module doc)."""
    if not text:
        return ()
    present = _gates(text)
    if not present:
        return ()
    cands: list[_Cand] = []
    for rx, pre_rx, handler, core_names, pre_names in _RUNS.get(present) or _runs(present):
        for core in rx.finditer(text):
            try:
                pre = _context_before(text, core.start(), pre_rx) if pre_rx is not None else None
                c = handler(_M(core, pre, core_names, pre_names), text, published)
            except (ValueError, OverflowError, KeyError):
                c = None  # dates at the edge of the calendar, or odd input: leave the text alone
            if c is not None and c.end > c.start:
                cands.append(c)
    if not cands:
        return ()
    try:
        chosen = _resolve_anaphora([c for c in _select(cands) if not c.blocker], published)
        chosen = _merge_ranges(text, chosen)
    except (ValueError, OverflowError):
        chosen = [c for c in _select(cands) if c.ana is None and not c.blocker]
    _apply_prefixes(text, chosen)
    out: list[TimeExpr] = []
    for c in chosen:
        resolved = c.begin is not None and c.end_date is not None
        out.append(TimeExpr(  # positional, in field order: keywords cost more in this hot spot
            base + c.start,
            base + c.end,
            text[c.start:c.end],
            c.gran,
            c.begin if resolved else None,
            c.end_date if resolved else None,
            c.relative,
            resolved,
            c.modifier,
        ))
    return tuple(out)


def _effective(t: TimeExpr) -> tuple[dt.date | None, dt.date | None]:
    """The interval the wording allows: "since X" runs on from X, "before X" ends before it."""
    assert t.begin is not None and t.end_date is not None
    if t.modifier == "since":
        return t.begin, None
    if t.modifier == "after":
        return (t.end_date + _DAY1 if t.end_date < dt.date.max else t.end_date), None
    if t.modifier == "until":
        return None, t.end_date
    if t.modifier == "before":
        return None, (t.begin - _DAY1 if t.begin > dt.date.min else t.begin)
    return t.begin, t.end_date


def overlaps(a: TimeExpr, b: TimeExpr) -> bool | None:
    """Whether the two expressions can denote a common day; None when either is unresolved.

    since/after/until/before open the interval on one side, so "since 2020" overlaps "2023".
    """
    if not a.resolved or not b.resolved or None in (a.begin, a.end_date, b.begin, b.end_date):
        return None
    alo, ahi = _effective(a)
    blo, bhi = _effective(b)
    return (alo is None or bhi is None or alo <= bhi) and (blo is None or ahi is None or blo <= ahi)


def describe(t: TimeExpr) -> str:
    """Short normalisation, e.g. "2024-09-01 - 2024-11-30 (season)" or "unresolved (no publication date)"."""
    if not t.resolved or t.begin is None or t.end_date is None:
        return "unresolved (no publication date)" if t.relative else "unresolved"
    span = t.begin.isoformat()
    if t.end_date != t.begin:
        span += f" \u2013 {t.end_date.isoformat()}"
    if t.modifier in ("since", "until", "before", "after"):
        return f"{t.modifier} {span} ({t.granularity})"
    if t.modifier:
        return f"{span} ({t.granularity}, {t.modifier})"
    return f"{span} ({t.granularity})"
