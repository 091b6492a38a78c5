"""Find the figures in one sentence or clause of news text.

Contract: ``find_quantities(text, base=0)`` takes one sentence (or clause) of cleaned article text and
returns a tuple of :class:`generator.records.Quantity`, one per figure, in text order and never
overlapping. Every offset is ``base + i`` where ``i`` indexes ``text``, so
``text[q.start - base:q.end - base] == q.text`` always holds. The function is pure and deterministic,
never raises, and leaves malformed or non-count numbers alone (they are simply not returned).

Span. A figure's span runs from a leading qualifier ("about", "more than", "an additional") or range
opener ("between", "from") through the number, its scale ("1.2 million", "$4.5bn", "10k"), its unit
("12%", "12 per cent", "50 km", "magnitude 7.8"), a range's second end ("10,000-12,000", "5 to 7 per
cent"), an "out of" total ("1,000 out of 11,000") and a trailing qualifier ("100 or more", "40-odd").
The counted noun is not part of the span; it is reported in ``counted``.

Normalisation (general English news conventions, not tuned to any sample article):

* ``unit``: "%" for %, percent, per cent, pc; "pp" for percentage points; "bp" for basis points;
  currencies as ISO codes when the text names the country ("US$", "USD", "US dollars" -> "USD"; "€",
  "euros" -> "EUR"; "£", "sterling" -> "GBP") and "$" for a bare dollar sign or bare "dollars" (the
  country is not stated, so downstream "$" must be read as compatible with USD, AUD, CAD ...). Physical
  units are short symbols ("km", "km2", "mile", "m", "tonne", "kg", "ha", "°C", "MW", "magnitude");
  durations are singular words ("second" ... "year", "decade"); ``None`` for plain counts.
* ``qualifier`` is one of "about", "nearly", "more than", "at least", "up to", "less than",
  "additional", "exactly" or ``None``; ``low``/``high`` apply it. "about" widens the written interval
  by ``ABOUT_TOLERANCE`` (10%) on each side; "nearly" is ``[NEARLY_FLOOR * value, value]``; "more
  than" and "at least" are ``[value, None]``; "up to" and "less than" are ``[0, value]``; plain,
  "exactly" and "additional" are exact.
* Vague plurals ("dozens", "hundreds of", "thousands", "tens of thousands", "several hundred") get
  qualifier "at least" with value twice the unit (24, 200, 2,000, 20,000) and no upper bound, so that
  "hundreds" never conflicts with "more than 500" but does conflict with "50". "a dozen" and "two
  dozen" are exact (12, 24).
* ``counted`` is the head noun the number counts, lowercased and singularised, after skipping up to
  ``MAX_MODIFIERS`` adjectives, nationalities or capitalised modifiers ("4,000 North Korean soldiers"
  -> "troop"). Near-synonyms news uses interchangeably are merged: soldier/troop/serviceman/fighter ->
  "troop", people/person/individual -> "person"; subgroups stay distinct ("civilian", "child",
  "officer"). Protesters, demonstrators and a crowd count as "person" who "attended"; workers,
  employees and staff who are cut or hired count as "job".
* ``measure`` is ``f"{counted} {event}"``, the event being what happened to the counted things, read
  from the verb or participle around the figure in the same clause: passive ("had been killed or
  wounded"), active ("the quake killed 112 people"), nominal ("a death toll of 240", "240 deaths").
  Events: killed, injured, killed or injured, missing, captured, taken hostage, arrested, evacuated,
  displaced, sent, on board, rescued, attended, cut, hired, infected, vaccinated, sold, and "rise" /
  "fall" for a change ("revenue rose 12%" -> "revenue rise"; "rose ... to 5%" is a level, no event).
  Without an event the measure is the counted noun alone. Money words (revenue, profit, sales, loss,
  ...) are measures themselves and keep an accounting modifier ("net profit", "operating profit").
* Ages ("a 34-year-old man", "aged 34", "34 years old", "Smith, 34,") have unit "year" and measure
  ``f"{counted} age"``; prison terms ("sentenced to five years") have counted and measure "sentence".
* Never returned: years ("in 2024", "June 2024", "the 1950s", "2023-24", "from 2020 to 2024"), dates
  ("28 April", "April 28"), times ("10:30", "3 p.m."), ordinals ("21st"), labels ("Article 4", "section
  2", "No. 10", "Boeing 737", "Flight 370", "day 5"), codes glued to letters ("COVID-19", "G7", "F-16",
  "Su-57", "5G"), version numbers, phone-like digit runs and ISO dates, runs of 7+ digits without
  separators, scores and vote tallies written with a hyphen ("won 3-1", "a 6-3 ruling": the record has
  no field for a pair), fractions ("two-thirds"), the pronoun or idiom "one" ("one of the", "no one",
  "one day"), small number words used as a definite reference ("the two nations"), number words
  capitalised inside a sentence ("Formula One") and durations that locate an event in time ("five
  years ago").
* A bare four-digit number from 1000 to 2100 is a year unless a counted plural noun follows ("1500
  troops") or a qualifier or currency makes it an amount ("about 1500", "$2000").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from generator.records import Quantity
from generator.regextrie import alternation
from generator.textscan import has_ascii_digit, letter_runs

__all__ = ["ABOUT_TOLERANCE", "MAX_MODIFIERS", "NEARLY_FLOOR", "find_quantities"]

ABOUT_TOLERANCE: Final = 0.10  # "about 4,000" is read as 3,600-4,400; news estimates rarely claim more precision
NEARLY_FLOOR: Final = 0.90  # "nearly 4,000" is read as 3,600-4,000
MAX_MODIFIERS: Final = 4  # words allowed between a number and the noun it counts
_EVENT_WINDOW: Final = 12  # tokens searched after the counted noun for what happened to it
_LOOK_BEHIND: Final = 90  # characters searched before a number for labels, verbs and linked nouns
_TAIL_REACH: Final = 20  # characters tokenised before a number when only the last few tokens matter
_QUALIFIER_REACH: Final = 40  # characters searched before a number for a qualifier
_WORD_CACHE_MAX: Final = 50_000  # words the per-word caches hold before they start afresh (bounds their memory)

# Typographic characters, named so that patterns stay readable and ASCII-clean.
_DASHES: Final = "\u2010\u2011\u2012\u2013\u2014\u2212-"  # dashes and minus; the ASCII hyphen last for [...]
_APOS: Final = "'\u2019"
_QUOTES: Final = "\"'\u2018\u2019\u201c\u201d"
_NBSP: Final = "\u00a0\u202f\u2009"  # no-break, narrow no-break and thin spaces used as thousands separators


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


def _groups(spec: dict[str, str]) -> dict[str, str]:
    """Invert {"normalised": "phrase|other phrase"} into {"phrase": "normalised", ...}."""
    return {p.strip(): key for key, phrases in spec.items() for p in phrases.split("|") if p.strip()}


# ----------------------------------------------------------------------------------------------------------
# Number words

_SMALL_WORDS: Final = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
)
_TEEN_WORDS: Final = ("twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS_WORDS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SMALL: Final = {w: i for i, w in enumerate(_SMALL_WORDS + _TEEN_WORDS)}
_TENS: Final = {w: 20 + 10 * i for i, w in enumerate(_TENS_WORDS)}
_BIG: Final = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_STARTERS: Final = sorted([*_SMALL, *_TENS], key=len, reverse=True)
_CONTINUERS: Final = [*_STARTERS, "hundred", *_BIG, "dozen"]
# Vague plurals: the value is twice the unit ("hundreds" ≥ 200), with no upper bound.
_VAGUE_BASE: Final = {
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "tens of thousands": 1e4,
    "tens of millions": 1e7,
    "hundreds of thousands": 1e5,
    "hundreds of millions": 1e8,
    "dozens of thousands": 1.2e4,
}
_FEW_BASE: Final = {"dozen": 12.0, "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}

_CORE_RE: Final = re.compile(
    rf"(?P<digits>(?<![\w.])(?<!\d,)(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,3}}(?:[{_NBSP}]\d{{3}})+(?!\d)|\d+)"
    r"(?:\.\d+(?![\d.]\d))?)"
    r"|(?P<vague>\b(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands"
    r"|millions|billions)\b)"
    r"|(?P<few>\b(?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million|billion)\b)"
    r"|(?P<aword>\b(?:half\s+a\s+(?:dozen|hundred|thousand|million|billion)|a\s+(?:dozen|hundred|thousand|million"
    rf"|billion|trillion)(?:(?:\s+and\s+|\s+|-)(?:{'|'.join(_CONTINUERS)}))*)\b)"
    rf"|(?P<words>\b(?:{'|'.join(_STARTERS)})(?:(?:\s+and\s+|\s+|-)(?:{'|'.join(_CONTINUERS)}))*\b)",
    re.IGNORECASE,
)
_WORD_PIECE_RE: Final = re.compile(r"[A-Za-z]+")
_DIGIT_RE: Final = re.compile(r"\d")
_NUMBER_WORDS: Final = frozenset([*_CONTINUERS, "a", "half"])
_HAS_WORD_NUMBER_RE: Final = re.compile(
    rf"\b(?:{'|'.join(_STARTERS)}|dozens?|scores|hundreds?|thousands?|millions?|billions?)\b", re.IGNORECASE
)
# The words _HAS_WORD_NUMBER_RE looks for.
_HAS_WORD_NUMBER_SET: Final = frozenset(
    [*_STARTERS, "dozen", "dozens", "scores", "hundred", "hundreds", "thousand", "thousands", "million",
     "millions", "billion", "billions"]
)
# Whether lower-cased text, after a space put in front, holds one of _HAS_WORD_NUMBER_SET as a whole run of
# ASCII letters (it does whenever _HAS_WORD_NUMBER_RE matches text without _odd_letters): a search is faster
# than listing the words, and starting with the character before the word lets re skip the letters fast.
_HAS_WORD_NUMBER_LOW_RE: Final = re.compile(rf"[^a-z]{alternation(_HAS_WORD_NUMBER_SET)}(?![a-z])")
# The digits branch of _CORE_RE alone: at a digit no other branch can match (see find_quantities). It starts
# with the first digit and checks the characters before it afterwards, so that re finds the digits fast
# instead of trying the lookbehinds at every position.
_CORE_DIGITS_RE: Final = re.compile(
    rf"(?P<digits>\d(?<![\w.]\d)(?<!\d,\d)(?:\d{{0,2}}(?:,\d{{3}})+(?!\d)|\d{{0,2}}(?:[{_NBSP}]\d{{3}})+(?!\d)|\d*)"
    r"(?:\.\d+(?![\d.]\d))?)"
)
# The same matches in ASCII text, found faster.
_DIGIT_ASCII_RE: Final = re.compile(_DIGIT_RE.pattern, re.ASCII)  # what textscan.has_ascii_digit decides, faster
_CORE_DIGITS_ASCII_RE: Final = re.compile(_CORE_DIGITS_RE.pattern, re.ASCII)
# First words of the non-digit _CORE_RE branches ("tens of thousands", "several hundred", "a dozen", ...).
_CORE_FIRST_WORDS: Final = frozenset(
    [*_STARTERS, "tens", "hundreds", "dozens", "scores", "thousands", "millions", "billions", "several", "a",
     "many", "half"]
)


# First words that start a _CORE_RE match only together with one of these words ("a dozen", "half a million",
# "several hundred", "tens of thousands"): without any of them in the text they are not tried.
_SCALE_WORDS: Final = frozenset(["dozen", "hundred", "thousand", "million", "billion"])
_CORE_FIRST_NEEDS: Final = {
    "a": _SCALE_WORDS | {"few", "trillion"},
    "half": _SCALE_WORDS,
    "several": _SCALE_WORDS,
    "many": _SCALE_WORDS,
    "tens": frozenset(["thousands", "millions"]),
}
# The first words but "a" and the words they need, each as a whole run of ASCII letters in lower-cased text
# with a space put in front (the pattern starts with the character before the word, which lets re skip the
# letters fast). The article "a" is everywhere, and it starts a figure only before a few words.
_CORE_SCAN_RE: Final = re.compile(
    rf"[^a-z](?P<w>{alternation((_CORE_FIRST_WORDS - {'a'}).union(*_CORE_FIRST_NEEDS.values()))})(?![a-z])"
)
_A_RE: Final = re.compile("[^a-z]a(?![a-z])")
# The words _CORE_SCAN_RE looks for: it matches only where one is a whole run of letters.
_CORE_SCAN_WORDS: Final = (_CORE_FIRST_WORDS - {"a"}).union(*_CORE_FIRST_NEEDS.values())


def _word_starts(spaced: str) -> list[int]:
    """Every place a non-digit _CORE_RE branch can match, in order, in a text whose lower-cased form with a
    space put in front is ``spaced`` (the text has no _odd_letters, so lower-casing keeps every offset).

    Each such branch starts at a word boundary with one of _CORE_FIRST_WORDS, which is then a whole run of
    ASCII letters, and some need another word in the text (_CORE_FIRST_NEEDS); the digits branch is
    searched for on its own (see find_quantities)."""
    # m.start() is the offset of the word in the text: the character before it, after the space in front
    hits = [(m.start(), m.group("w")) for m in _CORE_SCAN_RE.finditer(spaced)]
    if not hits:
        return []  # no figure in words, or only "a" without the words it needs
    present = {w for _, w in hits}
    starts = [
        pos for pos, w in hits
        if w in _CORE_FIRST_WORDS and ((need := _CORE_FIRST_NEEDS.get(w)) is None or not need.isdisjoint(present))
    ]
    if not _CORE_FIRST_NEEDS["a"].isdisjoint(present):
        starts += [m.start() for m in _A_RE.finditer(spaced)]
        starts.sort()
    return starts



def _odd_letters(text: str) -> bool:
    """Whether ``text`` holds a letter that matches an ASCII letter under IGNORECASE without lower-casing to
    it ("\u0130", "\u0131", "\u017f"): tests on the lower-cased text then differ from the patterns."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text


def _plain_ascii(text: str) -> bool:
    """Whether patterns compiled with re.ASCII match ``text`` exactly as without: ASCII text, where only the
    four separators "\x1c" to "\x1f" are whitespace to Unicode matching alone."""
    return text.isascii() and not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)


# ----------------------------------------------------------------------------------------------------------
# Currency, scale, units

_CUR_SYMBOLS: Final = _groups(
    {
        "USD": "us$|u.s.$|usd",
        "AUD": "a$|au$|aud",
        "CAD": "c$|ca$|cad",
        "NZD": "nz$",
        "HKD": "hk$",
        "SGD": "s$",
        "BRL": "r$",
        "$": "$",
        "EUR": "\u20ac|eur",
        "GBP": "\u00a3|gbp",
        "JPY": "\u00a5|jpy",
        "CNY": "cny|rmb",
        "INR": "\u20b9|inr|rs|rs.",
        "KRW": "\u20a9",
        "RUB": "\u20bd",
        "CHF": "chf",
    }
)
_CUR_SYM_ALT: Final = (
    r"US\s?\$|U\.S\.\s?\$|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|S\$|R\$|\$|\u20ac|\u00a3|\u00a5|\u20b9|\u20a9|\u20bd"
)
_CUR_CODE_ALT: Final = r"USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|CHF|Rs\.?"
_CUR_BEFORE_RE: Final = re.compile(
    rf"(?:(?<![A-Za-z])(?P<sym>{_CUR_SYM_ALT})|(?<![A-Za-z])(?P<code>{_CUR_CODE_ALT})[ \u00a0]?)$"
)
_CUR_LAST: Final = frozenset("$\u20ac\u00a3\u00a5\u20b9\u20a9\u20bdDRPYBFs.")  # see _first_operand
_CUR_AFTER_SEP_RE: Final = re.compile(rf"(?P<sym>{_CUR_SYM_ALT})|(?P<code>{_CUR_CODE_ALT})[ \u00a0]?")
_CUR_WORDS: Final = _groups(
    {
        "$": "dollars|dollar",
        "USD": "us dollars|u.s. dollars",
        "AUD": "australian dollars",
        "CAD": "canadian dollars",
        "HKD": "hong kong dollars",
        "NZD": "new zealand dollars",
        "SGD": "singapore dollars",
        "EUR": "euros|euro",
        "GBP": "pounds sterling|sterling|pounds",
        "JPY": "yen",
        "CNY": "yuan|renminbi",
        "INR": "rupees|rupee",
        "RUB": "roubles|rubles",
        "CHF": "swiss francs",
        "KRW": "won",
        "UAH": "hryvnias|hryvnia",
        "NGN": "naira",
        "ZAR": "rand",
        "ILS": "shekels",
        "TRY": "lira",
        "SAR": "riyals",
        "AED": "dirhams",
        "PLN": "zlotys|zloty",
        "peso": "pesos",
        "franc": "francs",
    }
)
# "won" and "pounds" are money only after a scale word ("5 billion won", "2 million pounds").
_CUR_NEEDS_SCALE: Final = _words("won pounds")
_CUR_WORD_RE: Final = re.compile(rf"[ \u00a0]+(?P<c>{alternation(_CUR_WORDS)})(?![A-Za-z])", re.IGNORECASE)

_UNIT_NAMES: Final = _groups(
    {
        "%": "%|percent|per cent|pc|pct",
        "pp": "percentage points|percentage point|percentage-points|pp|ppt|ppts",
        "bp": "basis points|basis point|bps",
        "km": "km|kms|kilometres|kilometre|kilometers|kilometer",
        "km2": "square kilometres|square kilometers|square kilometre|square kilometer|sq km|square km|km2"
        "|km\u00b2",
        "mile": "miles|mile",
        "sq mile": "square miles|square mile",
        "m": "m|metres|metre|meters|meter",
        "m2": "square metres|square meters|sq m|m2|m\u00b2",
        "m3": "cubic metres|cubic meters|m3|m\u00b3",
        "cu ft": "cubic feet",
        "cm": "cm|centimetres|centimeters",
        "mm": "mm|millimetres|millimeters",
        "ft": "feet|foot|ft",
        "inch": "inches|inch",
        "tonne": "tonnes|tonne|tons|ton|metric tons|metric tonnes",
        "kg": "kg|kilograms|kilogram|kilogrammes|kilos",
        "g": "grams|gram",
        "lb": "lb|lbs|pounds|pound",
        "ha": "hectares|hectare|ha",
        "acre": "acres|acre",
        "l": "litres|litre|liters|liter",
        "gallon": "gallons|gallon",
        "mph": "mph",
        "km/h": "km/h|kph|kmh",
        "knot": "knots",
        "\u00b0C": "\u00b0c|\u00bac|degrees celsius|degrees centigrade",
        "\u00b0F": "\u00b0f|degrees fahrenheit",
        "degree": "degrees|degree|\u00b0",
        "MW": "mw|megawatts",
        "GW": "gw|gigawatts",
        "kW": "kw|kilowatts",
        "kWh": "kwh",
        "MWh": "mwh",
        "GWh": "gwh",
        "TWh": "twh",
        "magnitude": "magnitude|on the richter scale",
        "second": "seconds|second|secs",
        "minute": "minutes|minute|mins|min",
        "hour": "hours|hour|hrs",
        "day": "days|day",
        "week": "weeks|week",
        "month": "months|month",
        "year": "years|year|yrs",
        "decade": "decades|decade",
        "century": "centuries|century",
        "times": "times",
    }
)
_DURATIONS: Final = _words("second minute hour day week month year decade century")
_GLUED_ONLY_UNITS: Final = _words(
    "pc pct pp ppt ppts m \u00b0"
)  # "12 pc" may be "12 pieces": only "12pc" is certain
_UNIT_RE: Final = re.compile(rf"[ \u00a0]?(?P<u>{alternation(_UNIT_NAMES)})(?![A-Za-z0-9\u00b2])", re.IGNORECASE)
# Both in one pattern, so that the common text with neither needs one call.
_CUR_OR_UNIT_RE: Final = re.compile(f"{_CUR_WORD_RE.pattern}|{_UNIT_RE.pattern}", re.IGNORECASE)
_SCALE_RE: Final = re.compile(
    r"(?:[ \u00a0]?(?P<w>million|billion|trillion|thousand|hundred|mn|bn|tn|mln|bln|crore|lakh)|(?P<g>[mbk]))"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_SCALES: Final = {
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "thousand": 1e3,
    "hundred": 100.0,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
    "m": 1e6,
    "b": 1e9,
    "k": 1e3,
}
# Athletics distances ("100m hurdles") are metres although a plural follows.
_METRE_EVENTS: Final = _words("hurdles freestyle backstroke breaststroke butterfly medley relay dash")
# Letters that may be glued to digits ("12%", "50km", "$4.5bn", "10k").
_GLUED_OK: Final = _words(
    "bn m k mn tn b km kg mm cm m2 km2 mph kph ft lb lbs gw mw kw kwh mwh gwh twh ha pc pct pp bps mln bln "
    "kmh kms secs mins hrs yrs x"
)

# ----------------------------------------------------------------------------------------------------------
# Qualifiers

_QUALIFIER_PHRASES: Final = _groups(
    {
        "about": "about|around|approximately|approx.|approx|roughly|some|an estimated|estimated|circa|ca.|c."
        "|in the region of|in the order of|on the order of|something like|an approximate|~",
        "nearly": "nearly|almost|close to|just under|just shy of|nigh on|approaching|not quite",
        "more than": "more than|over|above|in excess of|upwards of|upward of|north of|just over|well over"
        "|well above|greater than|just above|slightly more than|a little over|a little more than"
        "|well in excess of",
        "at least": "at least|a minimum of|no fewer than|no less than|not less than|not fewer than|as few as"
        "|as little as|as low as",
        "up to": "up to|as many as|as much as|as high as|at most|no more than|not more than|a maximum of"
        "|at the most",
        "less than": "fewer than|less than|under|below|well under|well below|just below",
        "additional": "an additional|additional|another|a further|further|an extra|extra",
        "exactly": "exactly|precisely",
    }
)
_QUAL_BEFORE_RE: Final = re.compile(
    rf"(?<![\w.])(?P<q>{alternation(_QUALIFIER_PHRASES)})[ \u00a0]*$", re.IGNORECASE
)
# The last word of every qualifier phrase ending in a letter; see _word_before.
_QUAL_LAST_WORDS: Final = frozenset(p.split()[-1] for p in _QUALIFIER_PHRASES if p[-1].isalpha())
# Words that may sit between a qualifier and its number ("more than a total of 300").
_FILLER_BEFORE_RE: Final = re.compile(r"(?<![\w])(?:a\s+total\s+of|only|just|a\s+mere)\s+$", re.IGNORECASE)
_FILLER_LAST: Final = frozenset(["of", "only", "just", "mere"])  # the words _FILLER_BEFORE_RE can end with
_OPENER_RE: Final = re.compile(r"(?<![\w])(?P<o>between|from)\s+$", re.IGNORECASE)
# Qualifiers that show a four-digit number is an amount rather than a year ("about 1500"; not "over 2020").
_YEAR_BREAKING_QUALIFIERS: Final = frozenset(
    {"about", "nearly", "at least", "up to", "less than", "additional", "exactly"}
)
_POST_QUAL: Final = {
    "or more": "at least",
    "or over": "at least",
    "or so": "about",
    "+": "more than",
    "odd": "about",
}
_POST_QUAL_RE: Final = re.compile(r"(?P<m>\s+or\s+more\b|\s+or\s+so\b|\s+or\s+over\b|\s*\+(?![\d\w])|\s+odd\b)")
_RANGE_SEP_RE: Final = re.compile(rf"(?P<s>[ \u00a0]*[{_DASHES}][ \u00a0]*|\s+(?:to|and|or)\s+)", re.IGNORECASE)
_OUT_OF_RE: Final = re.compile(
    r"\s+(?P<o>out\s+of|of\s+an?\s+total\s+of|of(?:\s+(?:the|its|their|his|her|our))?(?:\s+(?:last|first|past"
    r"|previous|next|latest|final))?|in)\s+",
    re.IGNORECASE,
)
_HYPHEN_WORD_RE: Final = re.compile(r"[-\u2011](?P<w>[A-Za-z]+(?:[-\u2011][A-Za-z]+)?)\b")
_FRACTION_WORDS: Final = _words("third thirds quarter quarters fifth fifths half halves tenth tenths eighths sixths")

# ----------------------------------------------------------------------------------------------------------
# Things that look like numbers but are not counts

_MONTHS: Final = _words(
    "January February March April May June July August September October November December Jan Feb Mar Apr "
    "Jun Jul Aug Sep Sept Oct Nov Dec Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec."
)
# Words after which a bare four-digit number is a year even if a plural follows ("In 2023 people ...").
_BEFORE_YEAR: Final = _words("in since by until till during from before after of")
# Plural nouns that commonly follow a year ("the 2024 elections") and so do not make it a count.
_YEAR_PLURALS: Final = _words(
    "elections midterms polls games olympics finals championships playoffs primaries results figures "
    "accounts budgets accords protests riots talks negotiations levels prices rates numbers estimates "
    "standards rules regulations sanctions guidelines targets goals plans forecasts"
)
# Words before a number that make it a label: "Article 4", "section 2", "No. 10", "Flight 370", "day 5".
_LABEL_WORDS: Final = _words(
    "article articles art. section sections sec. chapter ch. clause paragraph para para. no no. nos nos. "
    "number flight room page p. pp. pg. route highway interstate platform gate terminal category cat level "
    "stage phase round game episode season part figure fig. table item rule amendment resolution bill act "
    "box exit pier ward block unit apartment apt apt. suite floor lot row seat bus train track lane grade "
    "class tier type model version v. vol. volume issue district precinct zone sector division hole day week "
    "match leg heat pool group court channel # \u00a7 proposition prop prop. question appendix annex "
    "schedule step year bay berth line reactor code"
)
_TIME_AFTER_RE: Final = re.compile(
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b|o['\u2019]clock|gmt\b|utc\b|bst\b|cet\b|cest\b|est\b|edt\b"
    r"|pst\b|pdt\b|jst\b|kst\b|local\s+time\b)",
    re.IGNORECASE,
)
_CLOCK_DECIMAL_RE: Final = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?)(?![A-Za-z])", re.IGNORECASE)  # "10.30am"
_PHONE_RE: Final = re.compile(r"\+?\(?\d{2,5}\)?(?:[ .\-/]\d{2,5}){2,}(?!\d)")
_GLUED_LETTERS_RE: Final = re.compile(r"[A-Za-z]+")
_SLASH_RUN_RE: Final = re.compile(r"[\d/]+")
_DOTTED_RUN_RE: Final = re.compile(r"[\d:.]+")
# Words around a hyphenated pair that make it a score or tally ("won 3-1", "a 6-3 ruling").
_SPORT_PREV: Final = _words(
    "won lost beat drew led trailed leading trailing ruled voted defeated edged score scored tied"
)
_SPORT_NEXT: Final = _words(
    "win victory defeat loss draw lead vote ruling decision majority verdict scoreline tie home away "
    "thrashing drubbing series aggregate split margin result"
)
_AGO_RE: Final = re.compile(r"\s+(?:ago|later|earlier|hence|from\s+now|prior)\b", re.IGNORECASE)
_YEARS_OLD_RE: Final = re.compile(r"\s+old\b", re.IGNORECASE)
_QUAKE_NOUNS: Final = _words("quake quakes earthquake earthquakes aftershock aftershocks tremor tremors temblor")
_QUAKE_RE: Final = re.compile(r"\b(?:earth)?quakes?\b|\baftershocks?\b|\btremors?\b|\btemblors?\b", re.IGNORECASE)
_MEASURED: Final = _words("measured measuring registered registering of at")
_MAGNITUDE_BEFORE_RE: Final = re.compile(rf"magnitude[\s{_DASHES}]*$", re.IGNORECASE)

# ----------------------------------------------------------------------------------------------------------
# Counted nouns

# Function words and common irregular verbs: none of them can be the noun a number counts.
_STOP: Final = _words(
    "the a an of in on at to from by for with without into onto over under during since until after before "
    "across against among amid amongst between through throughout per via near around about as than like "
    "including included and or but nor so yet that which who whom whose where when while this these those it "
    "its their his her our my your they them he she we you i is are was were be been being am has have had "
    "having do does did will would shall should may might can could must not no also each every all both "
    "some any more most less least fewer only just even still already now then there here last next ago "
    "later earlier said says say told according went took came fell rose left lost won made gave got ran saw "
    "met became began paid sold spent held kept brought bought thought fought struck hit put set let drew "
    "grew flew knew threw wore stood sat found heard felt meant built led read remain remained remains get "
    "gets apiece versus vs vs. if because although though whether unless within beyond toward towards upon "
    "along alongside outside inside off out up down away back too very again once twice today tonight "
    "yesterday tomorrow overnight annually daily weekly monthly yearly respectively total altogether "
    "year-on-year month-on-month quarter-on-quarter year-over-year week-on-week "
    "combined overall other others another such what how why own same year month week day monday tuesday "
    "wednesday thursday friday saturday sunday"
)
_IRREGULAR_PLURALS: Final = {
    "people": "person",
    "persons": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "servicemen": "serviceman",
    "servicewomen": "servicewoman",
    "policemen": "policeman",
    "policewomen": "policewoman",
    "firemen": "fireman",
    "fishermen": "fisherman",
    "gunmen": "gunman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "thieves": "thief",
    "leaves": "leaf",
    "halves": "half",
    "shelves": "shelf",
    "wolves": "wolf",
    "calves": "calf",
    "crises": "crisis",
    "analyses": "analysis",
    "criteria": "criterion",
    "phenomena": "phenomenon",
    "businesses": "business",
}
# Nouns that read the same in singular and plural; the last five also count as plural heads.
_SAME_PLURAL: Final = _words(
    "cattle sheep fish deer aircraft livestock data media militia police staff personnel crew"
)
_PLURAL_COLLECTIVES: Final = _words("police staff personnel cattle crew")
# Words ending in "s" that are singular or plural-only; kept as written.
_INVARIANT: Final = _words(
    "sales earnings news series species means headquarters savings proceeds damages remains riches thanks "
    "outskirts premises congress press process status virus census bonus campus surplus consensus focus bus "
    "gas plus basis crisis analysis always perhaps its this his hers yes us less unless across chaos ethos"
)
_IS_SINGULARS: Final = _words("tennis iris penis chassis metropolis trellis pelvis ibis")
_E_PLURALS: Final = _words("headaches moustaches niches caches avalanches")  # plurals of words ending in -che
_PLURAL_ONLY: Final = _words("sales earnings savings proceeds damages")
# Near-synonyms news uses interchangeably for the same figure; subgroups (civilian, child) stay distinct.
_SYNONYMS: Final = _groups(
    {
        "troop": "soldier|troop|serviceman|servicewoman|servicemember|fighter",
        "person": "person|people|individual",
        "revenue": "revenues",
        "profit": "profits",
    }
)
_MONEY_NOUNS: Final = _words(
    "revenue sales turnover profit earnings income loss ebitda ebit dividend debt deficit surplus budget "
    "spending investment funding valuation fine cost price bill payout bonus salary wage pay compensation "
    "damages bail aid loan bailout deal contract subsidy tax capitalisation capitalization cash reserves "
    "sale output gdp"
)
# Modifiers kept in the measure because they change what is measured ("net profit", "unemployment rate").
_MEASURE_ADJECTIVES: Final = _words(
    "net operating pre-tax pretax gross underlying adjusted core annual quarterly full-year half-year "
    "first-half second-half trading retail online recurring diluted unemployment inflation interest jobless "
    "growth death birth approval exchange tax mortality vacancy occupancy poverty literacy infection "
    "vaccination participation employment savings base policy"
)
_ADJ_STOP: Final = _words(
    "new more other further additional total confirmed reported estimated daily weekly recent possible "
    "potential known official major minor serious severe fatal military many several few first last such "
    "direct indirect overall combined suspected probable excess extra civil violent annual net"
)
_ONE_IDIOM_NEXT: Final = _words(
    "day time point way thing side hand another other more less kind sort moment night morning evening "
    "afternoon year week month stage ones or by after on and such who that too which"
)
_DEFINITE: Final = _words(
    "the these those its their his her our my your whose both this that which every each any no"
)
# Capitalised words that may stand right before a count without making it a label ("Some 300", "The 12").
_FUNCTION_CAPS: Final = _words(
    "The A An And But Or Of In On At By For From With To Only Just All Another Those These Its Their His Her "
    "Our My Your Since Until After Before During Between Among As When While If Although Because Most Many "
    "Up Yet So Then Now Still Also Even Some Nearly About Around Almost Over Under Roughly Approximately "
    "Exactly Estimated Additional Extra Further Total Than Including Where Whereas Today Yesterday Overall "
    "Altogether Meanwhile Elsewhere Here There Officials Police Authorities Reports Every Each Both I We "
    "They He She It Killing Leaving Injuring Aged Ages Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday"
)
_TIME_NOUNS: Final = _words(
    "quarter quarters year years month months week weeks day days period half term session time season "
    "decade century hour hours minute morning afternoon evening night weekend past future run interim"
)
_LY_NOUNS: Final = _words(
    "family ally rally assembly supply belly bully reply july italy anomaly monopoly folly jelly fly"
)
_ED_NOUNS: Final = _words("hundred speed breed creed seed need feed greed steed shred sled")
_ING_NOUNS: Final = _words(
    "building meeting shooting bombing killing wedding ceiling offering setting morning evening string "
    "spring earnings savings housing funding spending hearing landing crossing opening painting recording "
    "warning sibling stabbing filing listing ruling outing rating posting holding dwelling clothing training "
    "booking uprising gathering swing thing offspring lightning pudding duckling seedling"
)

# ----------------------------------------------------------------------------------------------------------
# Events: what happened to the counted things (general news vocabulary)

_EVENT_PHRASES: Final = _groups(
    {
        "killed or injured": "killed or injured|killed or wounded|killed and injured|killed and wounded"
        "|killed or hurt|dead or injured|dead or wounded|dead and injured|dead and wounded|casualties"
        "|casualty",
        "killed or missing": "dead or missing|killed or missing",
        "killed or captured": "killed or captured",
        "killed": "killed|dead|died|die|dies|dying|deaths|death|fatalities|fatality|perished|lost their lives"
        "|lost his life|lost her life|slain|shot dead|killing|drowned",
        "injured": "injured|wounded|hurt|injuries|injuring|wounding|hospitalised|hospitalized",
        "missing": "missing|unaccounted for",
        "captured": "captured|taken prisoner|taken captive|prisoners of war|capturing",
        "taken hostage": "taken hostage|held hostage|kidnapped|abducted",
        "arrested": "arrested|detained|arrests|detentions|arresting|taken into custody",
        "evacuated": "evacuated|evacuations|evacuating",
        "displaced": "displaced|fled|forced from their homes|forced to flee|left homeless|made homeless"
        "|homeless",
        "sent": "sent|dispatched|deployed|sending|dispatching|deploying",
        "on board": "on board|aboard|onboard",
        "rescued": "rescued|rescuing|pulled alive",
        "attended": "attended|attending|marched|took part|taking part|participated|rallied|gathered"
        "|demonstrated"
        "|protested|turned out|took to the streets|joined the march|joined the protest|joined the protests"
        "|joined the rally|joined the demonstration|joined the demonstrations|joined the strike",
        "cut": "cut|cuts|laid off|lay off|layoffs|lay-offs|axed|axing|shed|shedding|slashed|slashing"
        "|eliminated"
        "|eliminating|redundancies|made redundant|cutting|lose their jobs|lost their jobs",
        "hired": "hired|hiring|recruited|created",
        "infected": "infected|tested positive|infections",
        "vaccinated": "vaccinated",
        "sold": "sold",
        "destroyed": "destroyed|razed|flattened|burned down|burnt down|gutted|collapsed",
        "damaged": "damaged",
    }
)
_EVENT_RE: Final = re.compile(rf"(?P<e>{alternation(_EVENT_PHRASES)})(?![\w-])", re.IGNORECASE)
# The leading letters of every event phrase ("killed", "laid" of "laid off", "lay" of "lay-offs"); see _WORD_INFO.
_EVENT_FIRST_WORDS: Final = frozenset(re.match(r"[a-z]+", p).group() for p in _EVENT_PHRASES)  # type: ignore[union-attr]
_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _words_by_first(phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """The other words of each phrase by its first word ("on board" -> {"on": [("board",)]}); words are
    the runs of ASCII letters. See _any_phrase_whole."""
    got: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = re.findall("[a-z]+", phrase)
        got.setdefault(words[0], []).append(tuple(words[1:]))
    return got


def _any_phrase_whole(runs: tuple[str, ...], firsts: frozenset[str], index: dict[str, list[tuple[str, ...]]]) -> bool:
    """Whether every word of one of the phrases of ``index`` (_words_by_first, with the keys ``firsts``)
    is in ``runs``."""
    return any(all(w in runs for w in rest) for first in firsts.intersection(runs) for rest in index[first])


_EVENT_WORDS_BY_FIRST: Final = _words_by_first(_EVENT_PHRASES)
assert frozenset(_EVENT_WORDS_BY_FIRST) == _EVENT_FIRST_WORDS  # the keys _any_phrase_whole is given
# Verbs that take the count as object ("the quake killed 112 people") and nouns followed by "of" + count.
_ACTIVE_EVENTS: Final = _groups(
    {
        "killed": "killed|killing|kills|kill|claimed the lives of|deaths of|death of",
        "injured": "injured|injuring|wounded|wounding|injures",
        "evacuated": "evacuated|evacuating|evacuation of",
        "displaced": "displaced|displacing",
        "arrested": "arrested|arresting|detained|detaining|arrest of|detention of",
        "rescued": "rescued|rescuing|rescue of",
        "sent": "sent|sending|dispatched|dispatching|deployed|deploying|deployment of|dispatch of|send"
        "|deploy",
        "captured": "captured|capturing|capture of",
        "taken hostage": "kidnapped|abducted",
        "cut": "cut|cutting|cuts|slashed|slashing|axed|axing|shed|shedding|laid off|lay off|laying off"
        "|eliminate"
        "|eliminated|eliminating",
        "hired": "hired|hiring|hire|recruited|recruit|create|created|creating",
        "on board": "carrying",
        "attended": "drew|attracted|draw|attract",
        "infected": "infected|infecting",
        "vaccinated": "vaccinated",
        "sold": "sold|selling|sells",
        "destroyed": "destroyed|destroying|razed|flattened|gutted",
        "damaged": "damaged|damaging",
    }
)
_ACTIVE_RE: Final = re.compile(
    rf"(?<![\w-])(?P<e>{alternation(_ACTIVE_EVENTS)})\s+(?:(?:a\s+total\s+of|an?|some|the)\s+)?$",
    re.IGNORECASE,
)
_ACTIVE_WORDS_BY_FIRST: Final = _words_by_first(_ACTIVE_EVENTS)
_ACTIVE_FIRST_WORDS: Final = frozenset(_ACTIVE_WORDS_BY_FIRST)
# The words an _ACTIVE_RE match can end with, before its trailing space; see _word_before.
_ACTIVE_LAST_WORDS: Final = frozenset([*(p.split()[-1] for p in _ACTIVE_EVENTS), "of", "a", "an", "some", "the"])
# Head nouns that are themselves the event ("240 deaths", "1,200 job cuts", "40 dead").
_EVENT_NOUNS: Final = _groups(
    {
        "killed": "deaths|death|fatalities|fatality|dead",
        "killed or injured": "casualties|casualty",
        "injured": "injuries|injury|wounded|injured",
        "arrested": "arrests|arrest|detentions",
        "evacuated": "evacuations",
        "cut": "layoffs|lay-offs|redundancies|cuts",
        "infected": "infections|infection",
        "missing": "missing",
    }
)
_ADJECTIVE_EVENTS: Final = _words("dead injured wounded missing")
# Role nouns imply an event only when nothing else happened to them ("50,000 protesters" attended).
_ROLE_NOUNS: Final = _groups(
    {
        "attended": "protester|protestor|demonstrator|marcher|participant|attendee|crowd",
        "evacuated": "evacuee",
        "taken hostage": "hostage",
    }
)
_EVENT_DEFAULT_COUNTED: Final = {
    **dict.fromkeys(
        [
            "killed",
            "injured",
            "killed or injured",
            "killed or missing",
            "killed or captured",
            "missing",
            "arrested",
            "evacuated",
            "displaced",
            "rescued",
            "attended",
            "captured",
            "taken hostage",
            "infected",
            "vaccinated",
            "on board",
        ],
        "person",
    ),
    "cut": "job",
    "hired": "job",
}
_JOB_NOUNS: Final = _words("employee worker staff staffer position role post workforce")
# Words allowed between a counted noun and its event verb ("might have been", "reportedly", "who were").
_AUX: Final = _words(
    "were was are is had have has been be being may might could would will should must can reportedly "
    "allegedly likely probably possibly also already all now still feared believed thought reported said "
    "estimated understood known confirmed presumed to got get who that which later subsequently eventually "
    "then since ever so far yet either initially officially expected set due not never remain remained "
    "remains stayed more"
)
_WINDOW_BREAK: Final = _words(
    "where when while whereas but because although though after before as if and or whom whose"
)
_CLAUSE_PUNCT: Final = frozenset(",;:()[]" + "\u2013\u2014" + _QUOTES + "?!.")
_ASIDE_RE: Final = re.compile(
    r",\s*(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them|some\s+of\s+them|mostly|mainly|many|most"
    r"|the\s+majority|according\s+to|officials\s+said|police\s+said|it\s+said|they\s+said)\b[^,;:.]*,",
    re.IGNORECASE,
)
# Link words between a noun and a following figure ("revenue of $4.5bn", "the death toll reached 240").
_LINK_VERBS: Final = _words(
    "is was were are stood stands stand reached reach reaches hit hits totalled totaled totals total topped "
    "tops exceeded exceeds surpassed passed amounted amounts came comes put estimated pegged seen forecast "
    "expected remained remains be been now became becomes hovered hovers registered recorded reported posted "
    "booked announced generated brought made worth valued priced"
)
_RISE_VERBS: Final = _words(
    "rose risen rise rises climbed climbs jumped jumps increased increases grew grown grows surged surges "
    "soared soars gained gains up rising climbing jumping increasing growing surging advanced rebounded "
    "spiked swelled"
)
_FALL_VERBS: Final = _words(
    "fell fallen falls fall dropped drops declined declines decreased decreases slipped slips plunged "
    "plunges tumbled tumbles slumped slumps down falling dropping declining shrank shrunk contracted sank "
    "slid eased dipped lost"
)
_CHANGE_PREV: Final = (
    _RISE_VERBS | _FALL_VERBS | _words("by cut raised lowered revised moved went changed increase from")
)
_CHANGE_NOUNS: Final = _groups(
    {
        "rise": "rise|increase|jump|gain|growth|surge|hike|climb",
        "fall": "fall|drop|decline|decrease|slump|slide|dip|cut|reduction|plunge|loss",
    }
)
_ESTIMATE_VERBS: Final = _words("put puts estimated estimates estimate pegged placed set numbered")
_AUX_BEFORE_VERB: Final = _words(
    "has have had is was were are been will would could may might now already also reportedly further "
    "sharply slightly just stood stands"
)
_LOOKBACK_SKIP: Final = _words(
    "% percent per cent pc bn m billion million by points percentage point $ \u20ac \u00a3 about around some "
    "nearly almost more than over from a an"
)
_LOOKBACK_NOUN_STOP: Final = _words("number total figure tally count level amount estimate rate")
_SENTENCE_PREV: Final = _words(
    "sentenced jailed imprisoned sentence term jail prison served serve serving face faces given"
)
_PRISON_AFTER_RE: Final = re.compile(
    r"\s+(?:in\s+(?:prison|jail)|behind\s+bars|imprisonment|jail\s+term|prison\s+(?:term|sentence))\b",
    re.IGNORECASE,
)
# A second figure coordinated with the first: "and 500 civilians", "or 12 police officers".
_COORD_FIGURE_RE: Final = re.compile(
    r"\s+(?:an?\s+)?[\d,.]+\s*%?(?:\s+[A-Za-z][\w-]*){0,3}?(?=\s+(?:were|was|are|is|have|had|has)\b)"
)
_OF_WHOM_RE: Final = re.compile(r"\s+of\s+(?:whom|them|those|these|which)\b", re.IGNORECASE)
_IN_OF_RE: Final = re.compile(r"\s+(?:in|of|worth\s+of)\s+(?:the\s+|its\s+|their\s+|all\s+)?", re.IGNORECASE)
_OF_NP_RE: Final = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+|these\s+|those\s+)?", re.IGNORECASE)
_OF_RE: Final = re.compile(r"\s+of\b", re.IGNORECASE)

_ABBREV: Final = (
    r"(?:Nos?|nos?|pp?|pg|[Aa]rt|[Ss]ec|[Vv]ol|[Ff]ig|[Cc]h|[Pp]ara|[Aa]pt|approx|ca|c|Jan|Feb|Mar|Apr|Jun|Jul"
    r"|Aug|Sept?|Oct|Nov|Dec)\.(?=\s|\d)"
)
_LETTER: Final = r"A-Za-z\u00c0-\u024f"
# The lookahead before the abbreviations only restates what they need (up to six letters, a full stop, then a
# space or a digit); it fails at once for almost every token, where trying the abbreviations one by one is slow.
_TOKEN_RE: Final = re.compile(
    rf"(?=[A-Za-z]{{1,6}}\.[\s\d])\b{_ABBREV}|[{_LETTER}][\w{_APOS}\u00c0-\u024f]*(?:[-\u2011][{_LETTER}][\w{_APOS}\u00c0-\u024f]*)*"
    r"|\d[\d,.]*\d|\d|[^\s\w]"
)
# The same tokens for ASCII text without the separators "\x1c" to "\x1f" (whitespace only to Unicode
# matching); there re.ASCII matching is a third faster. See _plain_ascii.
_TOKEN_ASCII_RE: Final = re.compile(_TOKEN_RE.pattern, re.ASCII)
_TITLE_WORD_RE: Final = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")


@dataclass(slots=True)
class _Operand:
    """One written number with its currency, scale and unit (internal; mutable while a range is resolved)."""

    start: int  # includes a currency symbol written before the number
    end: int  # after scale and unit
    core_end: int  # end of the number itself
    raw: float  # the number as written, before the scale
    value: float
    scale: float
    currency: str | None
    unit: str | None
    kind: str  # "digits" | "words" | "aword" | "vague" | "few"
    digits: str  # literal digits without separators, "" for words
    core_text: str

    @property
    def plain_int(self) -> bool:
        return (
            self.kind == "digits"
            and self.digits.isdigit()
            and self.scale == 1.0
            and self.currency is None
            and self.unit is None
        )


@dataclass(slots=True)
class _Draft:
    """A figure being assembled: the operands plus what surrounds them."""

    first: _Operand
    start: int
    end: int
    second: _Operand | None = None
    opener: re.Match[str] | None = None
    qualifier: str | None = None
    post_qualifier: str | None = None
    unit: str | None = None
    out_of: float | None = None
    age: bool = False
    strong: bool = False
    hyphen_counted: str | None = None


@dataclass(slots=True)
class _Context:
    text: str
    base: int  # added to every offset of the Quantity records
    consumed: int
    found: list[Quantity]
    # Filled on first use: most sentences never ask, and the same position is asked about repeatedly.
    _title_case: bool | None = None
    tokens: re.Pattern[str] = _TOKEN_RE  # _TOKEN_RE, or _TOKEN_ASCII_RE where it tokenises the same
    _before: dict[int, list[str]] = field(default_factory=dict)
    _tail: dict[int, tuple[list[str], bool]] = field(default_factory=dict)
    _events: bool | None = None
    _active: bool | None = None

    def events_possible(self) -> bool:
        """False when _EVENT_RE cannot match at any token _event_after reads from a start that follows no
        ASCII letter, so that it returns None.

        Such a match is an event phrase (case aside) followed by no word character or hyphen, and
        starts at a letter token. A token that starts with a letter follows the start of the read, or a
        character that is no ASCII letter: letter tokens take all word characters after them, the other
        tokens end with a digit, a full stop or a character that is no word character, and an ASCII
        letter always starts a token. The read restarts only after a comma, before whitespace or after
        an event match. So each word of the phrase, which is separated by whitespace or a hyphen, is then
        a whole run of ASCII letters of the lower-cased text (letter_runs; None when letters could match
        ASCII ones under IGNORECASE without lower-casing to them). Most sentences hold no phrase whole
        ("on" is common, "on board" is not)."""
        if self._events is None:
            runs = letter_runs(self.text)
            if runs is None:
                self._events = True
            else:
                self._events = _any_phrase_whole(runs, _EVENT_FIRST_WORDS, _EVENT_WORDS_BY_FIRST)
        return self._events

    def active_possible(self) -> bool:
        """False when _ACTIVE_RE matches nowhere in the text: a match is a phrase of _ACTIVE_EVENTS (case
        aside) after a character that is no word character, its words separated and followed by
        whitespace, so each is a whole run of ASCII letters of the lower-cased text (see events_possible).
        Most sentences hold none."""
        if self._active is None:
            runs = letter_runs(self.text)
            self._active = runs is None or _any_phrase_whole(runs, _ACTIVE_FIRST_WORDS, _ACTIVE_WORDS_BY_FIRST)
        return self._active

    @property
    def title_case(self) -> bool:
        if self._title_case is None:
            self._title_case = _is_title_case(self.text)
        return self._title_case

    def tokens_before(self, pos: int) -> list[str]:
        """The tokens in the _LOOK_BEHIND characters before ``pos`` (the caller must not change the list)."""
        got = self._before.get(pos)
        if got is None:
            got = self.tokens.findall(self.text, max(0, pos - _LOOK_BEHIND), pos) if pos > 0 else []
            self._before[pos] = got
        return got

    def tail_before(self, pos: int) -> tuple[list[str], bool]:
        """The end of ``tokens_before(pos)``, holding its last three tokens at least, and whether it is all
        of it (the caller must not change the list).

        Most callers look at the last token or two, and tokenising _LOOK_BEHIND characters is slow. A token
        never holds whitespace, so the tokens after a space are the same wherever the tokeniser started
        before it: those after a space _TAIL_REACH characters or more before ``pos`` end the full list."""
        got = self._tail.get(pos)
        if got is None:
            full = self._before.get(pos)
            lo = max(0, pos - _LOOK_BEHIND)
            cut = self.text.rfind(" ", lo, pos - _TAIL_REACH) if full is None and pos - _TAIL_REACH > lo else -1
            tail = self.tokens.findall(self.text, cut + 1, pos) if cut >= 0 else []
            got = (tail, False) if len(tail) >= 3 else (self.tokens_before(pos), True)
            self._tail[pos] = got
        return got

    def next_word(self, pos: int) -> str:
        tok = self.tokens.search(self.text, pos, min(len(self.text), pos + 40))
        if tok is None or tok.start() - pos > 2:
            return ""
        return tok.group()


@dataclass(slots=True)
class _NP:
    head: str | None
    modifier: str | None
    end: int
    event: str | None  # event named by the noun phrase itself ("240 deaths", "40 dead")


# ----------------------------------------------------------------------------------------------------------
# Word helpers


def _words_value(text: str, start: int, end: int, leading_a: bool = False) -> tuple[float, int] | None:
    """Value of a run of number words and where its valid part ends ("twenty-five" → 25)."""
    total = 0.0
    current = 0.0
    last = ""
    last_end = start
    big_cap = float("inf")
    for piece in _WORD_PIECE_RE.finditer(text, start, end):
        w = piece.group().lower()
        if leading_a and w == "a" and last == "":
            current, last = 1.0, "unit"
            continue
        if w == "and":
            if last not in ("hundred", "big"):
                break
            continue
        if w in _TENS or (w in _SMALL and _SMALL[w] >= 10):
            if last not in ("", "hundred", "big"):
                break
            current += _TENS.get(w, _SMALL.get(w, 0))
            last = "tens" if w in _TENS else "unit"
        elif w in _SMALL:
            if last not in ("", "tens", "hundred", "big"):
                break
            current += _SMALL[w]
            last = "unit"
        elif w == "hundred":
            if last not in ("unit", "tens"):
                break
            current *= 100
            last = "hundred"
        elif w in _BIG:
            if last not in ("unit", "tens", "hundred") or _BIG[w] >= big_cap:
                break
            total += current * _BIG[w]
            current = 0.0
            big_cap = _BIG[w]
            last = "big"
        elif w == "dozen":
            if last not in ("unit", "tens"):
                break
            current *= 12
            last_end = piece.end()
            break
        else:
            break
        last_end = piece.end()
    if last == "":
        return None
    return total + current, last_end


def _singular(word: str) -> str:
    w = word.lower().strip("'\u2019.")
    if w.endswith(("'s", "\u2019s")):
        w = w[:-2]
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if w in _INVARIANT or w in _SAME_PLURAL or len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ses") and w[:-2] in _INVARIANT:
        return w[:-2]  # "buses", "viruses", "bonuses"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")) and w not in _E_PLURALS:
        return w[:-2]
    if w.endswith(("ss", "us", "sis", "xis")) or w in _IS_SINGULARS:
        return w
    if w.endswith("s"):
        return w[:-1]
    return w


def _is_plural(word: str) -> bool:
    w = word.lower()
    if w in _IRREGULAR_PLURALS or w in _PLURAL_COLLECTIVES or w in _PLURAL_ONLY:
        return True
    if w in _INVARIANT or w in _SAME_PLURAL:
        return False
    return (
        len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "sis", "xis", "'s", "\u2019s"))
        and w not in _IS_SINGULARS
    )


def _is_adverb(w: str) -> bool:
    return len(w) > 4 and w.endswith("ly") and w not in _LY_NOUNS


def _is_participle(w: str) -> bool:
    if w.endswith("ed") and len(w) > 4:
        return w not in _ED_NOUNS
    if w.endswith("ing") and len(w) > 5:
        return w not in _ING_NOUNS
    return False


def _is_adjectivish(w: str) -> bool:
    return w in _ADJ_STOP or w.endswith(
        ("al", "ive", "ous", "ful", "ic", "able", "ible", "ary", "less", "ish")
    )


# _normalise_counted by word: a pure function of one word, so kept across sentences (see _WORD_CACHE_MAX).
_COUNTED: dict[str, str] = {}


def _normalise_counted(noun: str) -> str:
    got = _COUNTED.get(noun)
    if got is None:
        s = _singular(noun)
        got = _SYNONYMS.get(s, s)
        if len(_COUNTED) >= _WORD_CACHE_MAX:
            _COUNTED.clear()
        _COUNTED[noun] = got
    return got


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _interval(qualifier: str | None, lo: float, hi: float) -> tuple[float | None, float | None]:
    if qualifier == "about":
        a, b = lo * (1 - ABOUT_TOLERANCE), hi * (1 + ABOUT_TOLERANCE)
        if lo < 0:
            a = lo * (1 + ABOUT_TOLERANCE)
        if hi < 0:
            b = hi * (1 - ABOUT_TOLERANCE)
        return a, b
    if qualifier == "nearly":
        return (lo * NEARLY_FLOOR if lo >= 0 else lo), hi
    if qualifier in ("more than", "at least"):
        return lo, None
    if qualifier in ("up to", "less than"):
        return (0.0 if hi >= 0 else None), hi
    return lo, hi


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\n\u00a0\"\u201c\u2018'(*-\u2014\u2013":
        i -= 1
    return i < 0 or text[i] in ".!?:;"


def _alpha_tail(seg: str) -> str | None:
    """The letters (``str.isalpha``) at the end of ``seg``, lower-cased; None when they hold a letter that
    matches an ASCII letter under IGNORECASE without lower-casing to it; "" when there are none."""
    if not seg or not seg[-1].isalpha():
        return ""
    word = seg.rsplit(None, 1)[-1]  # the letters are the end of the last run without whitespace
    if not word.isalpha():
        k = len(word) - 1
        while word[k - 1].isalpha():
            k -= 1
        word = word[k:]
    if "\u0130" in word or "\u0131" in word or "\u017f" in word:
        return None
    return word.lower()


def _word_before(text: str, lo: int, end: int, spaces: str | None) -> str | None:
    """The letters right before ``end`` (after skipping the characters of ``spaces``, or any whitespace
    when it is None), lower-cased, within ``text[lo:end]``. A pattern of the form ``...word[spaces]*$``
    searched in that window can only match when this is its last word, which lets the callers skip the
    slow window searches. None when the letters hold one that matches an ASCII letter under IGNORECASE
    without lower-casing to it (the caller then runs the pattern); "" when there are none."""
    seg = text[lo:end]
    return _alpha_tail(seg.rstrip() if spaces is None else seg.rstrip(spaces) if spaces else seg)


def _qualifier_may_end(text: str, lo: int, end: int) -> bool:
    """Whether _QUAL_BEFORE_RE can match in ``text[lo:end]``: a qualifier phrase, then only spaces up to
    the end (``$`` also matches before a final newline)."""
    for e in (end, end - 1) if end > lo and text[end - 1] == "\n" else (end,):
        seg = text[lo:e].rstrip(" \u00a0")
        if seg[-1:] in ("~", "."):
            return True  # "~", "approx.", "ca.", "c.": let the pattern decide
        word = _alpha_tail(seg)
        if word is None or word in _QUAL_LAST_WORDS:
            return True
    return False


def _qualifier_gates(text: str, lo: int, end: int) -> tuple[bool, bool]:
    """Whether _QUAL_BEFORE_RE and whether _FILLER_BEFORE_RE can match in ``text[lo:end]``.

    Both end with a word and then whitespace, and run only when that word can end one of them: the first
    as _qualifier_may_end tells, the second needs whitespace after one of _FILLER_LAST. Mostly one look at
    the window's end answers both."""
    seg = text[lo:end]
    tail = seg.rstrip(" \u00a0")
    simple = seg[-1:] != "\n" and tail[-1:] not in ("~", ".")
    if simple:
        word = _alpha_tail(tail)
        qual_may = word is None or word in _QUAL_LAST_WORDS
    else:
        qual_may = _qualifier_may_end(text, lo, end)
    if not seg[-1:].isspace():
        return qual_may, False
    if not simple or tail[-1:].isspace():
        word = _alpha_tail(seg.rstrip())  # the word before all the whitespace
    return qual_may, word is None or word in _FILLER_LAST


def _active_may_end(text: str, lo: int, end: int) -> bool:
    """Whether _ACTIVE_RE can match in ``text[lo:end]``: its last word, then whitespace up to the end."""
    if end <= lo or not text[end - 1].isspace():
        return False
    word = _word_before(text, lo, end, None)
    return word is None or word in _ACTIVE_LAST_WORDS


def _is_title_case(text: str) -> bool:
    words = [w for w in _TITLE_WORD_RE.findall(text) if len(w) > 3]
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.7


def _clause_tail(tokens: list[str]) -> list[str]:
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in _CLAUSE_PUNCT or tokens[i] == ".":
            return tokens[i + 1 :]
    return tokens


def _first_after_space(text: str, pos: int) -> str:
    """The first character at or after ``pos`` that is not whitespace ("" at the end of the text).

    The patterns read after a number mostly begin with optional whitespace and then a known character; this
    lets the callers skip the call when that character cannot start them."""
    c = text[pos : pos + 1]
    if not c.isspace():  # also "" at the end
        return c
    c = text[pos + 1 : pos + 2]
    if not c.isspace():  # the common single space
        return c
    n = len(text)
    pos += 2
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos : pos + 1]


# The characters that can follow the leading whitespace of _RANGE_SEP_RE, _OUT_OF_RE, _POST_QUAL_RE,
# _OF_WHOM_RE and the two clock patterns (cased letters in both cases, and the letters that match them
# under IGNORECASE without lower-casing to them).
_RANGE_SEP_FIRST: Final = frozenset(_DASHES + "tToOaA")
_OUT_OF_FIRST: Final = frozenset("oOiI\u0130\u0131")
_POST_QUAL_FIRST: Final = frozenset("o+")
_OF_WHOM_FIRST: Final = frozenset("oO")
_CLOCK_FIRST: Final = frozenset("aApPoOgGuUbBcCeEjJkKlL\u212a")
# The first letters of _SCALE_RE's words and suffixes.
_SCALE_FIRST: Final = frozenset("mMbBtThHcClLkK\u212a")


# ----------------------------------------------------------------------------------------------------------
# Number parsing


def _scale_after(text: str, pos: int, currency: str | None, digits: str) -> tuple[float, int]:
    """Scale word or suffix after ``digits`` at ``pos`` as (multiplier, end); (1, pos) when there is none."""
    decimal = "." in digits
    first = text[pos + 1 : pos + 2] if text[pos : pos + 1] in (" ", "\u00a0") else text[pos : pos + 1]
    m = _SCALE_RE.match(text, pos) if first in _SCALE_FIRST else None
    if m is None:
        return 1.0, pos
    glued = m.group("g")
    if glued is None:
        return _SCALES[m.group("w").lower()], m.end()
    g = glued.lower()
    if g == "b" and currency is None:
        return 1.0, pos  # "5b" is not money
    if g == "m" and currency is None and not decimal:
        # "5m people" is five million; "the 100m sprint" or "a 20m wall" is metres
        nxt = _TOKEN_RE.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        word = nxt.group().lower() if nxt else ""
        if not (word and word[0].isalpha() and word not in _METRE_EVENTS and _is_plural(word)):
            return 1.0, pos
    return _SCALES[g], m.end()


def _unit_after(text: str, pos: int, scaled: bool) -> tuple[str | None, str | None, int]:
    """Unit or currency word right after a number, as (unit, currency, end)."""
    if (
        text[pos : pos + 1] in ("C", "F")
        and text[pos - 1 : pos].isdigit()
        and not text[pos + 1 : pos + 2].isalpha()
    ):
        return f"\u00b0{text[pos]}", None, pos + 1
    m = _CUR_OR_UNIT_RE.match(text, pos)  # a match of _CUR_WORD_RE, else of _UNIT_RE
    if m is not None and m.group("c") is not None:
        key = _key(m.group("c"))
        if key not in _CUR_NEEDS_SCALE or scaled:
            return None, _CUR_WORDS[key], m.end()
        m = _UNIT_RE.match(text, pos)
    if m is None:
        return None, None, pos
    key = _key(m.group("u"))
    if key in ("pounds", "pound") and scaled:
        return None, "GBP", m.end()
    if m.start("u") != pos and key in _GLUED_ONLY_UNITS:
        return None, None, pos  # "12 pc" may be "12 pieces"; only the glued form is certain
    return _UNIT_NAMES[key], None, m.end()


def _operand_at(text: str, core: re.Match[str], currency: str | None, start: int) -> _Operand | None:
    kind = core.lastgroup or ""
    cs, ce = core.span()
    digits = ""
    scale = 1.0
    end = ce
    if kind == "digits":
        digits = core.group()
        if not digits.isdigit():  # separators to drop ("1,200"), or a decimal point
            for sep in (",", "\u00a0", "\u202f", "\u2009"):
                digits = digits.replace(sep, "")
        raw = float(digits)
        scale, end = _scale_after(text, ce, currency, digits)
    elif kind == "words":
        parsed = _words_value(text, cs, ce)
        if parsed is None:
            return None
        raw, ce = parsed
        end = ce
    elif kind == "aword" and core.group()[:1] in "hH":  # "half a million"
        pieces = core.group().lower().split()
        raw = 0.5 * (_BIG.get(pieces[-1]) or (100.0 if pieces[-1] == "hundred" else 12.0))
    elif kind == "aword":  # "a hundred and fifty": "a" stands for one
        parsed = _words_value(text, cs, ce, leading_a=True)
        if parsed is None:
            return None
        raw, ce = parsed
        end = ce
    elif kind == "vague":
        raw = 2 * _VAGUE_BASE[_key(core.group())]
    else:  # "few": "several hundred"
        raw = 2 * _FEW_BASE[core.group().lower().split()[-1]]
    unit: str | None = None
    if kind in ("digits", "words", "aword"):
        big_words = kind == "aword" or (kind == "words" and raw >= 1e3)
        u, cur_word, uend = _unit_after(text, end, scale != 1.0 or big_words)
        if cur_word is not None and currency is None:
            currency, end = cur_word, uend
        elif u is not None:
            unit, end = u, uend
    return _Operand(start, end, ce, raw, raw * scale, scale, currency, unit, kind, digits, text[cs:ce])


def _second_operand(text: str, pos: int) -> _Operand | None:
    currency = None
    p = pos
    cm = _CUR_AFTER_SEP_RE.match(text, p)
    if cm is not None:
        currency = _CUR_SYMBOLS.get(re.sub(r"\s", "", (cm.group("sym") or cm.group("code") or "").lower()))
        p = cm.end()
    core = _CORE_RE.match(text, p)
    if core is None or core.lastgroup not in ("digits", "words", "aword"):
        return None
    if core.lastgroup == "digits" and _reject_code(text, core) is not None:
        return None
    return _operand_at(text, core, currency, pos)


# ----------------------------------------------------------------------------------------------------------
# Steps of the analysis of one number


def _reject_code(text: str, core: re.Match[str]) -> int | None:
    """Where to skip to when the digits are a code, ordinal, time, phone number or decade; None otherwise."""
    cs, ce = core.span()
    n = len(text)
    prev_char = text[cs - 1] if cs > 0 else " "
    next_char = text[ce] if ce < n else " "
    literal = core.group()
    if prev_char in "-\u2011" and cs >= 2 and text[cs - 2].isalpha():
        return ce  # "COVID-19", "F-16", "Su-57", "mid-2024"
    if prev_char in "'\u2019" and next_char in "sS":
        return ce + 1  # "'90s"
    if prev_char in "/#§" or (next_char == "/" and text[ce + 1 : ce + 2].isdigit()):
        m = _SLASH_RUN_RE.match(text, cs)
        return m.end() if m else ce
    if next_char in ":." and text[ce + 1 : ce + 2].isdigit():  # "10:30", "1.2.3"
        m = _DOTTED_RUN_RE.match(text, cs)
        return m.end() if m else ce
    if prev_char == "+" or (len(literal) > 1 and literal[0] == "0" and literal[1].isdigit()):
        pm = _PHONE_RE.match(text, cs)
        return pm.end() if pm else ce
    # _PHONE_RE starts here with two to five digits and then a separator, or it cannot match.
    run = 1
    while run < len(literal) and literal[run].isdecimal():
        run += 1
    after = literal[run] if run < len(literal) else next_char
    pm = _PHONE_RE.match(text, cs) if 2 <= run <= 5 and after in ") .-/" else None
    if pm is not None and "," not in pm.group() and sum(c.isdigit() for c in pm.group()) >= 7:
        return pm.end()
    if literal.isdigit() and len(literal) >= 7:
        return ce
    if next_char.isalpha():
        gl = _GLUED_LETTERS_RE.match(text, ce)
        letters = gl.group().lower() if gl else ""
        if letters in ("st", "nd", "rd", "th", "s"):
            return ce + len(letters)  # ordinals and decades: "21st", "1950s"
        if letters in ("am", "pm"):
            return ce + 2
        if letters in ("c", "f") and next_char in "CF":
            return None  # "40.3C": degrees, as the British press writes them
        if letters not in _GLUED_OK or (letters == "k" and next_char == "K" and len(literal) == 1):
            return ce + len(letters)  # "5G", "4K", "H5N1"
    if _first_after_space(text, ce) not in _CLOCK_FIRST:
        return None
    if _TIME_AFTER_RE.match(text, ce) or ("." in literal and _CLOCK_DECIMAL_RE.match(text, ce)):
        tm = _TIME_AFTER_RE.match(text, ce) or _CLOCK_DECIMAL_RE.match(text, ce)
        return tm.end() if tm else ce
    return None


def _first_operand(ctx: _Context, core: re.Match[str]) -> _Operand | None:
    text = ctx.text
    cs = core.start()
    currency = None
    start = cs
    if core.lastgroup == "digits":
        lo = max(ctx.consumed, cs - 6)
        # Every match ends, up to a space or a final newline, with a symbol or a code's last character.
        cb = _CUR_BEFORE_RE.search(text, lo, cs) if not _CUR_LAST.isdisjoint(text[max(lo, cs - 3) : cs]) else None
        if cb is not None:
            currency = _CUR_SYMBOLS.get(
                re.sub(r"\s", "", (cb.group("sym") or cb.group("code") or "").lower())
            )
            if currency is not None:
                start = cb.start()
    op = _operand_at(text, core, currency, start)
    if op is None:
        return None
    if (
        op.kind == "digits"
        and start > ctx.consumed
        and text[start - 1] in "-\u2212"
        and (start < 2 or text[start - 2] in " (\t\n")
    ):
        op.start -= 1  # a minus sign: "-0.5%"
        op.raw, op.value = -op.raw, -op.value
    return op


def _hyphen_compound(text: str, d: _Draft) -> int | None:
    """Read "three-month", "34-year-old", "10,000-strong", "40-odd", "200-bed"; a skip point rejects."""
    first = d.first
    if first.unit is not None or first.currency is not None or first.kind not in ("digits", "words", "aword"):
        return None
    hm = _HYPHEN_WORD_RE.match(text, first.end) if text[first.end : first.end + 1] in ("-", "\u2011") else None
    if hm is None:
        return None
    parts = hm.group("w").replace("\u2011", "-").split("-")
    word = parts[0].lower()
    word_end = hm.start() + 1 + len(parts[0])
    if word in _FRACTION_WORDS:
        return hm.end()  # "two-thirds": a fraction, not a count
    if len(parts) == 2 and parts[1].lower() == "old" and word in ("year", "years", "month", "week", "day"):
        d.unit, d.age, d.end = _UNIT_NAMES[word], True, hm.end()
    elif word == "strong":
        d.strong, d.end = True, word_end
    elif word in ("plus", "odd"):
        d.post_qualifier, d.end = _POST_QUAL[word], word_end
    elif word in _UNIT_NAMES and word not in ("times", "pound", "pounds"):
        d.unit, d.end = _UNIT_NAMES[word], word_end
    elif (
        first.kind == "digits"
        and parts[0].islower()
        and len(parts) == 1
        and word not in _STOP | _NUMBER_WORDS
    ):
        d.hyphen_counted, d.end = _normalise_counted(word), hm.end()  # "a 200-bed hospital"
    else:
        return hm.end()  # "one-off", "two-way", "3-D"
    return None


def _range(ctx: _Context, d: _Draft) -> int | None:
    """Attach a second end ("10,000-12,000", "between 5 and 7", "10 to 12 per cent"); a skip point rejects."""
    text = ctx.text
    first = d.first
    if d.unit is not None or d.strong or d.post_qualifier or d.hyphen_counted:
        return None
    if _first_after_space(text, first.end) not in _RANGE_SEP_FIRST:
        return None
    rsep = _RANGE_SEP_RE.match(text, first.end)
    if rsep is None:
        return None
    second = _second_operand(text, rsep.end())
    if second is None:
        return None
    sep = rsep.group("s").strip().lower()
    spaced = rsep.group("s") != sep
    if sep == "\u2014" and spaced:
        return None  # "killed 12 \u2014 five of them children": a parenthetical dash
    is_dash = sep in ("-", "\u2013", "\u2014", "\u2011")
    opener_m = _OPENER_RE.search(text, max(ctx.consumed, first.start - 10), first.start)
    opener = opener_m.group("o").lower() if opener_m else None
    prev, _ = ctx.tail_before(opener_m.start() if opener_m else first.start)
    pw = prev[-1].lower() if prev else ""
    if _year_like(first) and is_dash and second.plain_int and len(second.core_text) == 2:
        return second.end  # "2023-24"
    if (
        is_dash
        and not spaced
        and first.plain_int
        and second.plain_int
        and first.raw <= 200
        and second.raw <= 200
    ):
        nw = ctx.next_word(second.end).lower()
        if first.raw >= second.raw or nw in _SPORT_NEXT or pw in _SPORT_PREV:
            return second.end  # a score or vote tally: "won 3-1", "a 6-3 ruling"
    if sep == "and" and opener != "between":
        return None
    if sep in ("to", "or") and pw in _CHANGE_PREV:
        return None  # "rose from 5% to 7%": two levels, not a range
    # scale, currency and unit written once apply to both ends: "$4-5bn", "10 to 12 per cent"
    if first.kind == "digits" and first.scale == 1.0 and second.scale != 1.0 and first.raw <= second.raw:
        first.scale, first.value = second.scale, first.raw * second.scale
    if first.kind == "words" and second.kind == "words" and first.raw < second.raw:
        last_word = second.core_text.lower().split()[-1]
        mult = _BIG.get(last_word, 0.0)
        if mult and first.raw < 1000 and first.raw <= second.raw / mult:
            first.value = first.raw * mult  # "two to three million"
    first_currency = first.currency or second.currency
    second_currency = second.currency or first.currency
    first_unit = first.unit or second.unit
    second_unit = second.unit or first.unit
    if first_unit != second_unit or first_currency != second_currency or second.value < first.value:
        return None
    first.currency, second.currency, first.unit, second.unit = (
        first_currency,
        second_currency,
        first_unit,
        second_unit,
    )
    d.second = second
    d.end = second.end
    d.unit = first_unit
    d.opener = opener_m
    return None


def _out_of(text: str, d: _Draft) -> None:
    """Read "1,000 out of 11,000", "three of the 12", "one in five"."""
    if d.second is not None or d.unit is not None or d.strong or d.hyphen_counted or d.post_qualifier:
        return
    if d.first.currency is not None:
        return
    if not text[d.end : d.end + 1].isspace() or _first_after_space(text, d.end) not in _OUT_OF_FIRST:
        return
    om = _OUT_OF_RE.match(text, d.end)
    if om is None:
        return
    total = _second_operand(text, om.end())
    if total is None or total.unit is not None or total.currency is not None or total.value <= d.first.value:
        return
    if _year_like(total):
        return  # "5 in 2024"
    d.out_of = total.value
    d.end = total.end


def _post_qualifier(text: str, d: _Draft) -> None:
    if d.post_qualifier is not None:
        return
    pq = _POST_QUAL_RE.match(text, d.end) if _first_after_space(text, d.end) in _POST_QUAL_FIRST else None
    if pq is not None:
        key = _key(pq.group("m"))
        d.post_qualifier = _POST_QUAL.get(key)
        d.end = pq.end()


def _qualifier_before(ctx: _Context, d: _Draft) -> None:
    text = ctx.text
    span_start = d.opener.start() if d.opener is not None else d.first.start
    lo = max(ctx.consumed, span_start - _QUALIFIER_REACH)
    qualifier = None
    qual_may, filler_may = _qualifier_gates(text, lo, span_start)
    qm = _QUAL_BEFORE_RE.search(text, lo, span_start) if qual_may else None
    if qm is None and filler_may:
        fm = _FILLER_BEFORE_RE.search(text, lo, span_start)
        if fm is not None:  # "more than a total of 300" / "about just 300"
            qm = _QUAL_BEFORE_RE.search(text, max(ctx.consumed, fm.start() - _QUALIFIER_REACH), fm.start())
    if qm is not None:
        qkey = _key(qm.group("q"))
        qualifier = _QUALIFIER_PHRASES.get(qkey)
        if qkey in ("over", "under", "above", "below") and d.unit in _DURATIONS:
            qualifier = None  # "over a three-month period", "killed over five years": a span, not a bound
        if qualifier is not None:
            span_start = qm.start()
    d.qualifier = qualifier or d.post_qualifier
    if d.first.kind in ("vague", "few") and d.qualifier is None:
        d.qualifier = "at least"
    d.start = span_start


def _not_a_count(ctx: _Context, d: _Draft) -> bool:
    """Labels, dates, years and idioms that look like figures."""
    text = ctx.text
    first = d.first
    prev, _ = ctx.tail_before(d.start)
    pw = prev[-1] if prev else ""
    lpw = pw.lower()
    bare = first.kind == "digits" and first.scale == 1.0 and first.currency is None and d.unit is None
    if bare and d.qualifier is None and "," not in first.core_text:
        nxt = ctx.next_word(d.end)
        plural_next = bool(nxt) and nxt[0].islower() and _is_plural(nxt)
        if lpw in _LABEL_WORDS and not (pw.islower() and plural_next):
            return True  # "Article 4", "section 2", "No. 10", "day 5 of the trial"
        if (
            pw[:1].isupper()
            and pw.isalpha()
            and pw not in _FUNCTION_CAPS
            and pw not in _MONTHS
            and not ctx.title_case
        ):
            return True  # "Boeing 737", "Windows 11", "Apollo 11"
        if 1 <= first.raw <= 31 and (nxt in _MONTHS or pw in _MONTHS):
            return True  # "28 April", "April 28"
    if _year_like(first):
        second = d.second
        year_pair = second is None or _year_like(second)
        if year_pair and d.qualifier not in _YEAR_BREAKING_QUALIFIERS:
            head = _scan_np(text, d.end, tokens=ctx.tokens).head or ""
            plural_next = head[:1].islower() and _is_plural(head) and head.lower() not in _YEAR_PLURALS
            if pw in _MONTHS or lpw in _BEFORE_YEAR or not plural_next:
                return True  # "in 2024", "June 2024", "the 2024 elections", "from 2020 to 2024"
    if first.kind == "words":
        if first.raw <= 10 and lpw in _DEFINITE and d.qualifier is None and d.unit is None:
            return True  # "the two nations", "no one"; not "the two-week protest"
        bare_one = first.core_text.lower() == "one" and d.out_of is None and d.qualifier is None
        if bare_one and (
            _OF_RE.match(text, first.core_end) or ctx.next_word(first.core_end).lower() in _ONE_IDIOM_NEXT
        ):
            return True  # "one of the largest", "one day", "one by one"
    return d.unit in _DURATIONS and _AGO_RE.match(text, d.end) is not None  # "five years ago"


def _year_like(op: _Operand) -> bool:
    return len(op.core_text) == 4 and op.plain_int and op.core_text.isdigit() and 1000 <= op.raw <= 2100


# ----------------------------------------------------------------------------------------------------------
# What is counted and what happened to it


# What the noun-phrase and event scans ask about a token, by token text: (lower-cased, a function or number
# word, an event noun, may start an event phrase, participle, adverb, possessive, plural, auxiliary (see
# _AUX), a clause break (see _WINDOW_BREAK)). A pure function of one word, so kept across sentences (see
# _WORD_CACHE_MAX). _EVENT_RE is slow to fail, and an event phrase matched at a token starts with a word of
# _EVENT_FIRST_WORDS followed by a space, a hyphen or a character that is no letter: a token of plain ASCII
# letters outside that set cannot start one (any other letter might match an ASCII one under IGNORECASE).
_WordInfo = tuple[str, bool, bool, bool, bool, bool, bool, bool, bool, bool]
_WORD_INFO: dict[str, _WordInfo] = {}


def _word_info(t: str) -> _WordInfo:
    info = _WORD_INFO.get(t)
    if info is None:
        lw = t.lower()
        info = (
            lw,
            lw in _STOP or lw in _NUMBER_WORDS,
            lw in _EVENT_NOUNS,
            not (lw.isascii() and lw.isalpha() and lw not in _EVENT_FIRST_WORDS),
            _is_participle(lw),
            _is_adverb(lw),
            lw.endswith(("'s", "\u2019s")),
            _is_plural(lw),
            lw in _AUX,
            lw in _WINDOW_BREAK,
        )
        if len(_WORD_INFO) >= _WORD_CACHE_MAX:
            _WORD_INFO.clear()
        _WORD_INFO[t] = info
    return info


# The module's memos of pure per-word functions: the benchmark clears them with the lru caches for its
# cold figure.
_MEMOS: Final = (_COUNTED, _WORD_INFO)


def _np_ends(text: str, pos: int, tokens: re.Pattern[str] = _TOKEN_RE) -> bool:
    tok = tokens.search(text, pos, min(len(text), pos + 40))
    if tok is None:
        return True
    t = tok.group()
    if not t[0].isalpha():
        return True
    lw = t.lower()
    return lw in _STOP or lw in _AUX or _is_participle(lw) or _is_adverb(lw)


def _scan_np(text: str, pos: int, lowercase_only: bool = False, tokens: re.Pattern[str] = _TOKEN_RE) -> _NP:
    """Head noun after a figure, skipping modifiers ("4,000 North Korean soldiers" → soldiers)."""
    head: str | None = None
    head_plural = False
    modifier: str | None = None
    prev_mod: str | None = None
    end = pos
    seen = 0
    for tok in tokens.finditer(text, pos, min(len(text), pos + 120)):
        t = tok.group()
        if not t[0].isalpha():
            break
        lw, stop, event_noun, may_event, participle, adverb, possessive, plural, _, _ = (
            _WORD_INFO.get(t) or _word_info(t)
        )
        if stop:
            if lw in ("and", "or") and head is None and prev_mod is not None:
                prev_mod = None  # "highly motivated and well-prepared soldiers"
                continue
            break
        if not event_noun and may_event:
            em = _EVENT_RE.match(text, tok.start())
            if em is not None:
                if head is not None:
                    break  # "one person died"
                if _np_ends(text, em.end(), tokens):
                    return _NP(None, None, em.end(), _EVENT_PHRASES[_key(em.group("e"))])  # "112 killed in"
        if head is not None:
            if participle or adverb or possessive:
                break
            if head_plural and not plural and not event_noun:
                break  # "3 million people live ..."
        seen += 1
        if seen > MAX_MODIFIERS + 1:
            break
        if head is None and (adverb or (participle and not event_noun)):
            prev_mod = lw
            continue
        if possessive or (lowercase_only and not t[0].islower()) or t in _MONTHS:
            break
        if head is not None:
            modifier = head.lower() if head[0].islower() else None
        elif prev_mod is not None and t[0].islower():
            modifier = prev_mod
        head, head_plural, end, prev_mod = t, plural, tok.end(), lw
    if head is not None and len(head) > 1 and head.isupper():
        head = None  # an acronym after a number is usually a name ("20 NATO")
    event = None
    if head is not None:
        event = _EVENT_NOUNS.get(head.lower())
        if event is None and modifier in _ADJECTIVE_EVENTS:
            event = _EVENT_NOUNS[modifier]  # "300 injured people"
            modifier = None
    return _NP(head, modifier, end, event)


def _event_after(text: str, pos: int, in_aside: bool = False, token_re: re.Pattern[str] = _TOKEN_RE) -> str | None:
    """What happened to the counted things, read from the words after them ("were killed").

    ``in_aside`` lets the window pass the comma closing an aside that holds the figure. An event led by an
    auxiliary ("were killed") is the clause's predicate and wins over a participle right after
    the noun ("soldiers deployed in the region were killed"), which describes the noun instead.
    """
    direct: str | None = None
    aux_run = False
    index = 0
    tokens = token_re.finditer(text, pos)  # restarted wherever the scan jumps ahead
    while index < _EVENT_WINDOW:
        tok = next(tokens, None)
        if tok is None:
            break
        t = tok.group()
        if t == ",":
            if in_aside:
                in_aside = False  # the figure sits in "including 20 children, were killed": read on
                continue
            aside = _ASIDE_RE.match(text, tok.start())
            if aside is None:
                break
            tokens = token_re.finditer(text, aside.end())  # "112 people, including 20 children, were killed"
            continue
        if not t[0].isalpha():
            break
        lw, _, _, may_event, _, adverb, _, _, aux, window_break = _WORD_INFO.get(t) or _word_info(t)
        em = _EVENT_RE.match(text, tok.start()) if may_event else None
        if em is not None:
            ev = _EVENT_PHRASES[_key(em.group("e"))]
            if aux_run:
                return ev
            if index == 0:
                direct = ev
            aux_run = False
            if em.end() != tok.end():
                tokens = token_re.finditer(text, em.end())
            index += 1
            continue
        if aux or adverb:
            aux_run = True
        elif lw in ("and", "or") and direct is None and (coord := _COORD_FIGURE_RE.match(text, tok.end())):
            tokens = token_re.finditer(text, coord.end())  # "2,000 soldiers and 500 civilians were killed"
            index += 1
            continue
        elif window_break:
            break
        else:
            aux_run = False
        index += 1
    return direct


_LOOKBACK_DROPPED: Final = ("a", "an", "the", "some", "just", "only")
# The last words (after _LOOKBACK_DROPPED) for which _lookback can find a link.
_LOOKBACK_LAST: Final = (
    frozenset(["fined", "to", "at", "from", "by", "of", "worth"]) | _RISE_VERBS | _FALL_VERBS | _LINK_VERBS
)


def _lookback_may_link(tokens: list[str], complete: bool = True) -> bool:
    """False when ``_lookback(_clause_tail(tokens))`` is None for certain: the clause ends without one of
    the words _lookback starts from. Most figures have no such word, and this spares copying the clause.
    ``tokens`` may be only the end of the list (``complete`` False); what it cannot tell is answered True."""
    i = len(tokens) - 1
    while i >= 0 and tokens[i].lower() in _LOOKBACK_DROPPED:
        i -= 1
    if i < 0:
        return not complete
    last = tokens[i]
    if last in _CLAUSE_PUNCT:
        return False
    if last.lower() in _LOOKBACK_LAST:
        return True
    if i == 0:
        return not complete and last[:1].isupper()  # the token before might be "fined"
    return last[:1].isupper() and tokens[i - 1].lower() == "fined"


def _lookback(tokens: list[str]) -> tuple[str, str, str | None] | None:
    """Noun linked to a following figure: "revenue of", "the death toll rose to", "net profit rose 12% to".

    Returns (counted, measure stem, event) or None.
    """
    toks = list(tokens)
    while toks and toks[-1].lower() in _LOOKBACK_DROPPED:
        toks.pop()
    if not toks:
        return None
    t = toks[-1].lower()
    if t == "fined" or (len(toks) > 1 and toks[-1][:1].isupper() and toks[-2].lower() == "fined"):
        return "fine", "fine", None  # "fined £10,000", "the EU fined Google €4.34bn"
    if t in ("to", "at", "from", "by", "of", "worth"):
        prep = t
        toks.pop()
        if prep == "to":
            while toks and (toks[-1][0].isdigit() or toks[-1].lower() in _LOOKBACK_SKIP):
                toks.pop()  # "rose 12% to", "rose from 5.2% to"
        if not toks:
            return None
        t = toks[-1].lower()
        if prep in ("of", "worth"):
            return _lookback_np(toks, None)
        if prep == "at" and len(toks) >= 2:
            j = len(toks) - 2
            while j > 0 and toks[j].lower() in ("the", "a", "its", "their", "total", "final"):
                j -= 1
            if toks[j].lower() in _ESTIMATE_VERBS:
                return _lookback_np(toks, None)  # "police put the crowd at 30,000"
        if prep == "by" and (t in _RISE_VERBS or t in _FALL_VERBS):
            toks.pop()
            return _lookback_np(_strip_aux(toks), "rise" if t in _RISE_VERBS else "fall")
        if t in _RISE_VERBS or t in _FALL_VERBS or t in _LINK_VERBS or t in ("valued", "priced", "put"):
            toks.pop()
            return _lookback_np(_strip_aux(toks), None)
        return None
    if t in _RISE_VERBS or t in _FALL_VERBS:
        toks.pop()
        return _lookback_np(_strip_aux(toks), "rise" if t in _RISE_VERBS else "fall")
    if t in _LINK_VERBS:
        toks.pop()
        return _lookback_np(_strip_aux(toks), None)
    return None


def _strip_aux(toks: list[str]) -> list[str]:
    while toks and toks[-1].lower() in _AUX_BEFORE_VERB:
        toks.pop()
    return toks


def _lookback_np(toks: list[str], change: str | None) -> tuple[str, str, str | None] | None:
    if not toks:
        return None
    head = toks[-1]
    lh = head.lower()
    if not head[0].isalpha() or lh in _STOP or lh in _AUX or _is_adverb(lh) or lh.endswith(("'s", "\u2019s")):
        return None
    if head[0].isupper() and len(toks) > 1 and toks[-2][0].isupper():
        return None  # a name ("Apple Inc was ...") is not what the figure measures
    mod = toks[-2].lower() if len(toks) > 1 and toks[-2][0].isalpha() else ""
    if lh == "toll":
        return "person", "person", "killed"
    if lh in _EVENT_NOUNS and lh not in ("cuts", "arrest", "injury", "infection"):
        return "person", "person", _EVENT_NOUNS[lh]  # "the number of dead rose to 240"
    if lh in _ROLE_NOUNS:
        return "person", "person", _ROLE_NOUNS[lh]  # "a crowd of 50,000"
    if lh in _EVENT_PHRASES and _is_participle(lh):
        ev = _EVENT_PHRASES[lh]  # "the number of people killed rose to 240"
        counted = (
            _normalise_counted(mod) if mod and mod not in _STOP else _EVENT_DEFAULT_COUNTED.get(ev, "person")
        )
        return counted, counted, ev
    if _is_participle(lh) or (lh in _LOOKBACK_NOUN_STOP and not mod) or lh in _MONTHS:
        return None
    counted = _normalise_counted(lh)
    if lh in _LOOKBACK_NOUN_STOP:
        return (_normalise_counted(mod), f"{mod} {lh}", change) if mod not in _STOP else None
    stem = f"{mod} {counted}" if mod in _MEASURE_ADJECTIVES else counted
    return counted, stem, change


def _is_prison_term(text: str, end: int, prev: list[str]) -> bool:
    if _PRISON_AFTER_RE.match(text, end):
        return True
    low = [t.lower() for t in prev[-3:]]
    return bool(low) and (low[-1] in _SENTENCE_PREV or (len(low) > 1 and low[-1] in ("to", "of", "for")
                                                         and low[-2] in _SENTENCE_PREV))  # fmt: skip


def _describe(ctx: _Context, d: _Draft) -> Quantity | None:
    """Fill counted noun, event and unit; None when a bare "one" turns out to be a pronoun."""
    text = ctx.text
    first = d.first
    unit = d.unit
    currency = first.currency
    money_or_pct = currency is not None or unit in ("%", "pp", "bp")
    prev, complete = ctx.tail_before(d.start)  # the last three tokens at least
    counted: str | None = None
    stem: str | None = None
    event: str | None = None
    np_end = d.end
    if d.age:
        np = _scan_np(text, d.end, tokens=ctx.tokens)
        counted = _normalise_counted(np.head) if np.head else "person"
        return _make(ctx, d, "year", counted, f"{counted} age")
    if unit is not None and not money_or_pct:
        if unit in _DURATIONS and _is_prison_term(text, d.end, prev):
            return _make(ctx, d, unit, "sentence", "sentence")
        return _make(ctx, d, unit, None, None)
    of_whom = _OF_WHOM_RE.match(text, d.end) if _first_after_space(text, d.end) in _OF_WHOM_FIRST else None
    if of_whom is not None:
        counted = ctx.found[-1].counted if ctx.found else None  # "2,000 demonstrators, 30 of whom were ..."
        np_end = of_whom.end()
    elif d.hyphen_counted is not None:
        counted = d.hyphen_counted
    else:
        np = _scan_np(text, d.end, tokens=ctx.tokens)
        if money_or_pct and np.head is None:
            im = _IN_OF_RE.match(text, d.end)  # "$4.5 billion in revenue", "12% of voters"
            np = _scan_np(text, im.end(), True, ctx.tokens) if im else np
            if np.head is not None and np.head.lower() in _TIME_NOUNS:
                np = _NP(None, None, d.end, None)  # "€12.5bn in the third quarter"
        elif np.head is None and np.event is None:
            om = _OF_NP_RE.match(text, d.end)  # "12 of the victims"
            if om is not None:
                np = _scan_np(text, om.end(), True, ctx.tokens)
        if np.head is not None and np.head.lower() in _CHANGE_NOUNS and money_or_pct:
            event = _CHANGE_NOUNS[np.head.lower()]  # "a 12% rise in sales"
            im = _IN_OF_RE.match(text, np.end)
            np = _scan_np(text, im.end(), True, ctx.tokens) if im else _NP(None, None, np.end, None)
        np_end = max(np.end, d.end)
        if np.head is not None:
            lh = np.head.lower()
            if lh in _CUR_WORDS and lh not in _CUR_NEEDS_SCALE and currency is None:
                currency = _CUR_WORDS[lh]  # "millions of dollars"
            elif np.event is not None and lh in _EVENT_NOUNS:
                event = np.event  # "240 civilian deaths", "1,200 job cuts"
                mod = np.modifier
                if mod and not _is_adjectivish(mod):
                    counted = _normalise_counted(mod)
                else:
                    counted = _EVENT_DEFAULT_COUNTED.get(event)
            else:
                counted = _normalise_counted(np.head)
                event = np.event or event  # keep the change of "a 12% slide in net profit"
                if np.modifier in _MEASURE_ADJECTIVES and counted in _MONEY_NOUNS:
                    stem = f"{np.modifier} {counted}"
        elif np.event is not None:
            event = np.event
    # _event_after returns None when no event phrase can match (see events_possible) and its read does not
    # start inside a word, with a letter right after an ASCII letter.
    if event is None and (
        ctx.events_possible()
        or (np_end > 0 and text[np_end - 1] in _ASCII_LETTERS and text[np_end : np_end + 1].isalpha())
    ):
        event = _event_after(text, np_end, bool(prev) and prev[-1].lower() in ("including", "among"), ctx.tokens)
    if event is None:
        lo = max(0, d.start - 45)
        may = ctx.active_possible() and _active_may_end(text, lo, d.start)
        am = _ACTIVE_RE.search(text, lo, d.start) if may else None
        if am is not None:
            event = _ACTIVE_EVENTS[_key(am.group("e"))]  # "the quake killed 112 people"
    if counted is None or event is None:
        lb = None
        if _lookback_may_link(prev, complete):
            clause = _clause_tail(prev)  # a new list when the clause starts within ``prev``
            lb = _lookback(clause if clause is not prev or complete else _clause_tail(ctx.tokens_before(d.start)))
        if lb is not None:
            if counted is None:
                counted, stem = lb[0], lb[1]
            if event is None:
                event = lb[2]
    if counted is None and d.qualifier == "additional" and unit is None and currency is None and ctx.found:
        counted = ctx.found[-1].counted  # "10,000 soldiers ..., with an additional 3,000"
    if counted in _ROLE_NOUNS and event in (None, _ROLE_NOUNS[counted]):
        event, counted, stem = _ROLE_NOUNS[counted], "person", None  # "50,000 protesters"
    if counted is None and event is not None and currency is None and unit is None:
        counted = _EVENT_DEFAULT_COUNTED.get(event)
    if event in ("cut", "hired") and counted in _JOB_NOUNS:
        counted, stem = "job", None  # "laid off 1,200 workers" and "cut 1,200 jobs" are the same figure
    if (
        first.kind == "words"
        and first.core_text.lower() == "one"
        and all(x is None for x in (counted, event, currency, unit, d.out_of, d.qualifier))
    ):
        return None  # a bare "one" is a pronoun ("one said")
    stem = stem or counted
    if stem is not None:
        measure: str | None = f"{stem} {event}" if event else stem
    else:
        measure = event
    return _make(ctx, d, currency or unit, counted, measure)


def _make(ctx: _Context, d: _Draft, unit: str | None, counted: str | None, measure: str | None) -> Quantity:
    low = d.first.value
    high = d.second.value if d.second is not None else low
    lo, hi = _interval(d.qualifier, low, high)
    base = ctx.base
    return Quantity(  # positional, in field order: keywords cost more in this hot spot
        base + d.start, base + d.end, ctx.text[d.start : d.end], low, high, lo, hi, d.qualifier, unit, counted, measure,
        d.out_of,
    )


def _comma_age(ctx: _Context, d: _Draft) -> bool:
    first = d.first
    if not first.plain_int or d.second is not None or d.qualifier is not None or not 1 <= first.raw <= 120:
        return False
    if ctx.text[d.end : d.end + 1] != ",":
        return False
    prev, _ = ctx.tail_before(d.start)
    return len(prev) >= 2 and prev[-1] == "," and prev[-2][:1].isupper() and prev[-2].isalpha()


def _analyse(ctx: _Context, core: re.Match[str]) -> tuple[Quantity | None, int]:
    """Decide what one number is. Returns (figure or None, position up to which the text is used up)."""
    text = ctx.text
    if core.lastgroup == "digits":
        skip = _reject_code(text, core)
        if skip is not None:
            return None, skip
    elif (
        core.lastgroup == "words"
        and core.group()[0].isupper()
        and not ctx.title_case
        and not _at_sentence_start(text, core.start())
    ):
        return None, core.end()  # "Formula One", "Big Four", "Channel Four"
    first = _first_operand(ctx, core)
    if first is None:
        return None, core.end()
    d = _Draft(first, first.start, first.end, None, None, None, None, first.unit)  # positional: faster
    skip = _hyphen_compound(text, d)
    if skip is None:
        skip = _range(ctx, d)
    if skip is not None:
        return None, skip
    _out_of(text, d)
    _post_qualifier(text, d)
    _qualifier_before(ctx, d)
    if _not_a_count(ctx, d):
        return None, d.end
    prev_word = "".join(ctx.tail_before(d.start)[0][-1:]).lower()
    if d.unit is None and prev_word == "magnitude":
        d.unit = "magnitude"  # "magnitude 7.8"
        mg = _MAGNITUDE_BEFORE_RE.search(text, max(ctx.consumed, d.start - 12), d.start)
        if mg is not None and d.qualifier is None:
            d.start = mg.start()
    elif d.unit is None and first.currency is None and "." in first.digits and 0 < first.value < 10:
        head = (_scan_np(text, d.end, tokens=ctx.tokens).head or "").lower()
        if head in _QUAKE_NOUNS or (prev_word in _MEASURED and _QUAKE_RE.search(text)):
            d.unit = "magnitude"  # "a 7.1 aftershock", "the earthquake, which measured 7.8"
    elif d.unit is None and first.currency is None and prev_word == "aged":
        d.unit, d.age = "year", True  # "aged 34"
    elif _comma_age(ctx, d):
        d.unit, d.age = "year", True  # "Smith, 34, was charged"
    elif d.unit == "year" and not d.age:
        old = _YEARS_OLD_RE.match(text, d.end)
        if old is not None:
            d.age, d.end = True, old.end()  # "34 years old"
    return _describe(ctx, d), d.end


# ----------------------------------------------------------------------------------------------------------
# Entry point


def find_quantities(text: str, base: int = 0) -> tuple[Quantity, ...]:
    """Every figure in ``text`` as Quantity records with offsets ``base + position`` (see module doc)."""
    if not text:
        return ()
    ascii_text = text.isascii()
    has_digit = has_ascii_digit(text) if ascii_text else _DIGIT_RE.search(text) is not None
    wstarts: list[int] = []
    odd = _odd_letters(text)
    if odd:
        if not has_digit and _HAS_WORD_NUMBER_RE.search(text) is None:
            return ()
    else:
        # Tests on the lower-cased text: whole runs of ASCII letters there are the words the patterns match.
        # The sentence's set of those runs (shared with the other finders) decides the two searches below
        # when it holds none of their words; they are then skipped.
        runs = letter_runs(text)
        if not has_digit and (_HAS_WORD_NUMBER_SET.isdisjoint(runs) if runs is not None
                              else _HAS_WORD_NUMBER_LOW_RE.search(" " + text.lower()) is None):
            return ()
        if runs is None or not _CORE_SCAN_WORDS.isdisjoint(runs):
            wstarts = _word_starts(" " + text.lower())
    ctx = _Context(text, base, 0, [])
    if ascii_text and _plain_ascii(text):
        ctx.tokens = _TOKEN_ASCII_RE
    core_digits = _CORE_DIGITS_ASCII_RE if ascii_text else _CORE_DIGITS_RE
    pos = 0
    # _CORE_RE.search tries every position; trying only the places a match can start is much faster. At a
    # digit only the digits branch can match: _CORE_DIGITS_RE finds the next such match, and the other
    # branches are tried at the word starts before it.
    k = 0
    digit_core: re.Match[str] | None = None  # the first digits match at or after the last search
    digits_left = has_digit
    while True:
        if odd:
            core = _CORE_RE.search(text, pos)
        else:
            if digits_left and (digit_core is None or digit_core.start() < pos):
                digit_core = core_digits.search(text, pos)
                digits_left = digit_core is not None
            core = digit_core if digits_left else None
            limit = digit_core.start() if digit_core is not None and digits_left else len(text)
            while k < len(wstarts) and wstarts[k] < pos:
                k += 1
            while k < len(wstarts) and wstarts[k] < limit:
                word_core = _CORE_RE.match(text, wstarts[k])
                if word_core is not None:
                    core = word_core
                    break
                k += 1
        if core is None:
            break
        try:
            item, skip_to = _analyse(ctx, core)
        except (
            ValueError,
            OverflowError,
            KeyError,
            IndexError,
        ):  # pragma: no cover - never raise on odd text
            item, skip_to = None, core.end()
        if item is not None and item.start - base >= ctx.consumed and item.end > item.start:
            ctx.found.append(item)
            ctx.consumed = item.end - base
        # a run of number words may be only partly used ("one two three"): search again after the used part
        pos = max(skip_to, core.start() + 1)
        ctx.consumed = max(ctx.consumed, pos)
    return tuple(ctx.found)
