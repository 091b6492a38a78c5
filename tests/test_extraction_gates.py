"""Shortcuts that make claim extraction faster must not change what it finds.

Each shortcut is checked against the slow path it skips: the sentence gate of the entity recogniser
against recognising every sentence, the tokenizers' runs of plain words against one regex match per
word, the pruned gazetteer lookup against trying every run length, and the word gates decided from a
sentence's letter runs (timex, quantities, claims, attribution) against the patterns they skip.
"""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import claims as C
from generator import entities as E
from generator import quantities as Q
from generator import speakers as S
from generator import timex as T
from generator.entities import find_entities
from generator.textscan import has_ascii_digit, letter_runs

# --- entity gate: a sentence whose only capital opens it ---------------------------------------------------

_OPENER_SETS = (E._STOP_SET | E._TITLE_SET | E._MONTH_SET | E._STATUS | E._QUALIFIERS | E._ORG_HEADS | E._HONORIFICS
                | E._NON_NAME_WORDS | E._GAZ_FIRST | E._PLACE_SUFFIXES | E._EVENT_SUFFIXES)
_OPENERS = [*sorted(w for w in _OPENER_SETS if w.isascii() and w.isalpha()),
            "smith", "revenue", "investigators", "reporting", "police", "turnout", "paris", "hague", "visa", "kim"]
_SECOND_WORDS = sorted({k.split(" ")[1] for k in E._GAZ_CI if " " in k})
_WORDS = [
    "the", "said", "says", "told", "of", "for", "and", "on", "in", "a", "who", "de", "al-qaeda", "van", "al", "bin",
    "state-run", "us-led", "ex-president", "it's", "workers'", "officials", "president", "minister", "former",
    "45", "1,200", "2024", "3.5", "x", "i", "mr", "dr", "gen", "inc", "s", "st", "él", "naïve", "_",
    *sorted(E._SPEECH_VERBS)[:30], *_SECOND_WORDS, *sorted(E._APPOS_START), *sorted(E._ROLE_NOUNS)[:20],
]
_GAPS = [" ", " ", " ", ", ", " - ", " \u2014 ", "; ", " (", ") ", ": ", "  ", " \n", ". ", "'s ", "\u2019 ", "-",
         " \"", "\u201c", "\t", "\u00a0"]


def _pieces(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Text made of the given characters and words."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


def _ungated(text: str) -> tuple[object, ...]:
    return E._recognise(text, 0, *E._scan(text))


@st.composite
def _one_capital(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(_OPENERS))
    parts = [draw(st.sampled_from(["", "", "\u201c", "\"", "(", "- "])),
             word.upper() if draw(st.integers(0, 9)) == 0 else word.capitalize()]
    for _ in range(draw(st.integers(0, 7))):
        parts += [draw(st.sampled_from(_GAPS)), draw(st.sampled_from(_WORDS))]
    parts.append(draw(st.sampled_from(["", ".", ",", "?", "'s", "!"])))
    return "".join(parts)


@settings(max_examples=3000, deadline=None)
@given(_one_capital())
def test_gate_skips_only_sentences_without_entities(text: str) -> None:
    assert find_entities(text) == _ungated(text)


@settings(max_examples=500, deadline=None)
@given(_pieces(list("Ab ,.'-\u2019\u0130\u212a") + _WORDS + [w.capitalize() for w in _OPENERS], 40))
def test_gate_on_arbitrary_text(text: str) -> None:
    assert find_entities(text) == _ungated(text)


def test_gate_examples() -> None:
    for text in ["It was late.", "The ministry said it would respond.", "Revenue rose 5% in the quarter.",
                 "Investigators said the cause was unclear.", "Officials, however, declined to comment."]:
        assert not E._may_hold_names(text), text
        assert find_entities(text) == (), text
    # Names the gate must leave to the recogniser: a lone name before a speech verb or a comma, a
    # gazetteer name, a title, and any second capital.
    for text in ["Smith said the road was closed.", "Smith, 45, was charged.", "The hague hosts the court.",
                 "Paris was quiet.", "President said nothing.", "It was Smith.", "It’s late."]:
        assert E._may_hold_names(text), text
    assert [e.name for e in find_entities("Smith said the road was closed.")] == ["Smith"]
    assert [e.name for e in find_entities("The hague hosts the court.")] == ["The Hague"]


# --- entity tokenizer: runs of plain words ------------------------------------------------------------------

# One match per token: the tokenizer's regex before runs of plain words were matched at once.
_ONE_PER_WORD_RE = re.compile(rf"(?:([a-z]+)(?![\w.&'\u2019\u2010\u2011-])|({E._TOKEN_RE.pattern}))([\W_]*)")
_TOKEN_TEXT = _pieces(
    [*"ab Z1 .,'\u2019-\u2010&_\n\t\u00a0\u00e9(\u2014", "the", "US", "Mr.", "al-", "led", "'s", "A.B.", "2,000", "de"],
    60,
)


def _split_runs(matches: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for word, capital, raw, after in matches:
        if word:
            words = word.split(" ")
            out += [(w, "", " ") for w in words[:-1]] + [(words[-1], "", after)]
        else:
            out.append(("", capital or raw, after))  # a capitalised word is a token _TOKEN_RE takes whole
    return out


@settings(max_examples=2000, deadline=None)
@given(_TOKEN_TEXT)
def test_entity_token_runs_match_one_token_at_a_time(text: str) -> None:
    assert _split_runs(E._TOKEN_GAP_RE.findall(text)) == _ONE_PER_WORD_RE.findall(text)


@settings(max_examples=2000, deadline=None)
@given(_TOKEN_TEXT)
def test_entity_tokens_glue_to_a_whitespace_gap(text: str) -> None:
    toks, starts = E._scan(text)
    for k, t in enumerate(toks):
        assert text[t.start:t.end] == t.text
        if k + 1 < len(toks):
            gap = text[t.fend:toks[k + 1].ostart]
            assert t.glue == (not t.adj and E._WS_GAP_RE.fullmatch(gap) is not None), (text, k)
        else:
            assert not t.glue
    assert starts == sorted(starts)


# --- attribution tokenizer: runs of plain words -------------------------------------------------------------

_SPEAKER_ONE_PER_WORD_RE = re.compile(
    rf"([a-z0-9]\w++(?![\w'\u2019\-])|[A-Za-z0-9]\w*+(?![\w'\u2019.\-])|{S._TOKEN_RE.pattern})(\s*)")


def _speaker_tokens_reference(s: str) -> list[tuple[str, str, int, int, bool, bool]]:
    pos = len(s) - len(s.lstrip())
    out = []
    for t, gap in _SPEAKER_ONE_PER_WORD_RE.findall(s):
        word = t[0].isalnum() or t[0] == "_"
        out.append((t, t.lower(), pos, pos + len(t), word, word and t[0].isupper()))
        pos += len(t) + len(gap)
    return out


@settings(max_examples=2000, deadline=None)
@given(_pieces([*"ab Z1 .,'\u2019-_\n\u2028\u00e9\u0130(",
                "said", "U.S.", "Mr.", "a.m.", "iPhone", "2,000", "don't", "  "], 60))
def test_speaker_token_runs_match_one_token_at_a_time(text: str) -> None:
    got = [(t.text, t.low, t.start, t.end, t.word, t.cap) for t in S._tokenize(text)]
    assert got == _speaker_tokens_reference(text)


# --- gazetteer: runs that open no alias stop growing --------------------------------------------------------


def _gaz_unpruned(toks: list[E._Tok]) -> list[tuple[int, tuple[str, str]] | None]:
    """The longest alias at each capitalised token, trying every run length (the lookup before pruning)."""
    n = len(toks)
    out: list[tuple[int, tuple[str, str]] | None] = [None] * n
    for i, t in enumerate(toks):
        if t.num or not (t.cap or (t.key[:3] in ("al-", "el-"))):
            continue
        run = 1
        if t.pkey in E._GAZ_FIRST:
            while run < E._GAZ_MAXLEN and i + run < n and toks[i + run - 1].glue and not toks[i + run].num:
                run += 1
        for length in range(run, 0, -1):
            if length == 1:
                if t.upper or "." in t.text:
                    hit = E._GAZ_CS.get(t.ckey)
                    if hit is not None:
                        out[i] = (1, hit)
                        break
                    if t.upper and len(t.ckey) <= 3:
                        break
                hit = E._GAZ_CI.get(t.key)
            elif toks[i + length - 1].num:
                continue
            else:
                hit = E._GAZ_CI.get(E._seq_key(toks, i, i + length - 1))
            if hit is not None:
                out[i] = (length, hit)
                break
    return out


_MULTI_ALIASES = sorted(k.split(" ") for k in E._GAZ_CI if " " in k)
_ALIAS_WORDS = sorted({w for parts in _MULTI_ALIASES for w in parts})


@st.composite
def _alias_text(draw: st.DrawFn) -> str:
    """Words around a multi-word alias, cut short or with a word changed at times, in any case."""
    alias = list(draw(st.sampled_from(_MULTI_ALIASES)))
    cut = draw(st.integers(1, len(alias)))
    alias = alias[:cut]
    if draw(st.booleans()):
        alias[draw(st.integers(0, len(alias) - 1))] = draw(st.sampled_from([*_ALIAS_WORDS, "2024", "said"]))
    filler = st.lists(st.sampled_from([*_ALIAS_WORDS[:50], "the", "of", "said", "2024", "and"]), max_size=3)
    words = draw(filler) + alias + draw(filler)
    caps = draw(st.lists(st.integers(0, 4), min_size=len(words), max_size=len(words)))
    return " ".join(w.upper() if c == 0 else w if c == 1 else w.capitalize() for w, c in zip(words, caps, strict=True))


@settings(max_examples=3000, deadline=None)
@given(_alias_text())
def test_pruned_gazetteer_lookup_matches_every_run_length(text: str) -> None:
    toks = E._tokenize(text)
    assert E._gaz_matches(toks) == _gaz_unpruned(toks)


def test_gazetteer_examples() -> None:
    assert [e.text for e in find_entities("Officials of the Food and Drug Administration met in The Hague.")] == [
        "Food and Drug Administration", "The Hague"]


# --- word gates from letter runs ----------------------------------------------------------------------------

# Words the gated patterns need, near misses that hold them inside longer words, and odd letters.
_GATE_PIECES = [
    "May", "may", "March", "march", "Jan", "Sept.", "Sun", "man", "Dan", "June", "Mayor", "from", "From", "between",
    "fall", "Fall", "all", "call", "small", "spring", "Summer", "midwinter", "autumn", "year", "years", "month",
    "week", "weekend", "past", "last", "Last", "blast", "ago", "Monday", "Fridays", "today", "Today", "tonight",
    "yesterday", "night", "midnight", "morning", "this", "evening", "the", "next", "early", "in", "on", "to",
    "no", "not", "never", "now", "know", "was", "were", "has", "had", "have", "been", "used", "damaged", "said",
    "by", "nearby", "statement", "statements", "communiqu\u00e9", "report", "reported", "post", "press release",
    "in a", "released", "one", "two", "dozen", "dozens", "hundred", "several", "a", "half", "tens", "thousands",
    "million", "Q1", "H2", "2024", "1990s", "12", "3.5", "5/6/2024", "2020-21", "-", "\u2013", "/", ".", ",",
    " ", " ", " ", "  ", "\n", "'", "\u2019", "\"", "\u201c", "\u201d", "\u00ab", "(", ")", "_", "\u00e9",
    "\u0130", "\u0131", "\u017f", "\u212a", "x", "S", "5",
]
_GATE_TEXT = st.one_of(_pieces(_GATE_PIECES, 24), st.text(max_size=40))


@settings(max_examples=3000, deadline=None)
@given(_GATE_TEXT)
def test_timex_word_gates_pass_every_rule_that_matches(text: str) -> None:
    present = T._gates(text)
    for need, rx, _pre, _handler in T._RULES:
        if rx.search(text) is not None:
            assert present & need == need, (rx.pattern[:60], text)


@settings(max_examples=1500, deadline=None)
@given(_GATE_TEXT)
def test_timex_word_gates_find_what_the_substring_gates_find(text: str) -> None:
    published = dt.date(2024, 5, 15)
    fast = T.find_times(text, published, 3)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(T, "_gates", T._gates_slow)
        slow = T.find_times(text, published, 3)
    assert fast == slow


@settings(max_examples=3000, deadline=None)
@given(_GATE_TEXT)
def test_quantity_word_tests_from_letter_runs(text: str) -> None:
    runs = letter_runs(text)
    if runs is None or Q._odd_letters(text):
        return
    spaced = " " + text.lower()
    assert Q._HAS_WORD_NUMBER_SET.isdisjoint(runs) == (Q._HAS_WORD_NUMBER_LOW_RE.search(spaced) is None)
    if Q._CORE_SCAN_WORDS.isdisjoint(runs):
        assert Q._word_starts(spaced) == []
    assert has_ascii_digit(text) == (Q._DIGIT_ASCII_RE.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(_GATE_TEXT)
def test_claim_gates(text: str) -> None:
    if not C._may_negate(text):
        assert C._NEGATED_EVENT.search(text) is None
    body = text.rstrip()
    assert (bool(body) and body[-1] in C._FINAL_PUNCT_CHARS) == (C._FINAL_PUNCT.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(_GATE_TEXT)
def test_attribution_gates(text: str) -> None:
    runs = letter_runs(text)
    if runs is not None and S._STATEMENT_NOUN_RUNS.isdisjoint(runs):
        assert S._STATEMENT_BY_RE.search(text) is None
    out: list[S.Quote] = []
    S._quotes_in(text, 0, len(text), out)
    assert S._find_quotes.__wrapped__(text) == tuple(out)


@settings(max_examples=1000, deadline=None)
@given(_GATE_TEXT)
def test_entity_string_shortcuts(text: str) -> None:
    assert " ".join(text.split()) == E._SPACE_RE.sub(" ", text).strip()
    assert E._DOUBLE_RE.sub(E._first_group, text) == E._DOUBLE_RE.sub(r"\1", text)


def test_call_to_action_heads_are_the_pattern_openings() -> None:
    # The regex parser, only to read the pattern's branches.
    from re import _constants as K  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]

    parsed = P.parse(S._CTA_START_RE.pattern, S._CTA_START_RE.flags)
    op, (_, branches) = parsed.data[1]
    assert op is K.BRANCH
    heads = set()
    for branch in branches:
        (op1, c1), (op2, c2) = branch.data[:2]
        assert op1 is K.LITERAL and op2 is K.LITERAL
        heads.add((chr(c1) + chr(c2)).lower())
    assert heads == S._CTA_HEADS


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(["Subscribe", "SIGN UP", "Read more", "Don't miss", "Related:", "To learn more", "The", "",
                        "\u017fubscribe", "\u0130", "Also read"]), _GATE_TEXT)
def test_call_to_action_head_gate(head: str, rest: str) -> None:
    text = head + rest
    body = text.strip().lstrip(S._BULLETS)
    if S._CTA_START_RE.match(body):
        assert S.is_call_to_action(text)


def test_gate_word_examples() -> None:
    published = dt.date(2024, 5, 15)
    assert T.find_times("Shares fell in the fall of 2023, the company said.", published)
    assert not T._gates("They called for a small rally.") & T._SEASON
    assert T._gates("Elections are held in May.") & T._MONTH_TOKEN
    assert not T._gates("The man may leave.") & T._MONTH_TOKEN  # lower-case words that look like months
    assert C._may_negate("Police said no tear gas had been used.")
    assert not C._may_negate("The economy is now known to have grown.")
    assert Q.find_quantities("Several hundred people gathered.")
