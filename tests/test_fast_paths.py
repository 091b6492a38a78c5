"""The extraction's fast paths are exact: each cheap pre-check or shortcut agrees with the slow work it skips.

Extraction must reach 200 articles/s, so the finders skip patterns that cannot match, tokenise only when a
token can matter and try a pattern only where a match can start. Each shortcut rests on a property stated
here and tried on arbitrary text, including the letters that match ASCII ones under IGNORECASE without
lower-casing to them ("\u0130", "\u0131", "\u017f", the Kelvin sign "\u212a").
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import nupunkt
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import claims, entities, quantities, sentences, speakers, textscan, timex
from generator.records import Article, Claim, Entity, Sentence

# Text made of the pieces the shortcuts look at: words the patterns need, number words, digits, quotes,
# dashes, punctuation and the odd letters; arbitrary characters fill the gaps.
_PIECES = (
    "said", "says", "told", "by", "from", "according to", "saying", "quoted", "reportedly", "is said to",
    "it is understood that", "statement", "report", "which", "but", "although", "despite", "denied",
    "very", "good", "well-trained", "known for", "crimes against humanity", "for", "against", "no", "not",
    "never", "was", "had", "have", "been", "used", "one", "twelve", "twenty-five", "a dozen", "half a",
    "several hundred", "tens of thousands", "a trillion", "about", "more than", "at least", "up to",
    "approx.", "~", "killed", "claimed the lives of", "a total of", "the", "1990s", "'90s", "2024", "10",
    "1,200", "3.5", "5%", "$4bn", "U.S.", "Mr.", "Gen.", "de", "al-Assad", "Kim Jong-un's", "President",
    "\u201c", "\u201d", "\"", "'", "\u2019", "\u2014", "\u2013", "-", ",", ";", ".", "!", "?", "\u2026",
    "(", ")", " ", "  ", "\n", "\u00a0", "\u0130", "\u0131", "\u017f", "\u212a", "\u00e9", "S", "K",
    "police said no tear gas had been used", "the dam was not damaged", "you can read more", "click here",
    ", a claim which officials denied", ", although the ministry disputed this", "; he denied it",
    " \u2014 a figure the army rejected", ", but Smith said",
    "March", "May 5", "5 May 2024", "last week", "Monday", "on Tuesday night", "summer", "last spring",
    "yesterday", "tonight", "this morning", "last night", "two years ago", "Q3 2024", "2019-2020",
    "mid-2024", "from March to May", "the 1980s", "early 2023", "2024-03-15", "15/03/2024",
)
_TEXT = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=30
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_may_split_clauses_false_means_at_most_one_clause(text: str) -> None:
    if not speakers.may_split_clauses(text):
        assert len(speakers.split_attributed_clauses(text)) <= 1


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=40))
def test_split_matches_are_finditer(text: str, pos: int) -> None:
    fast = [m.span() for m in speakers._split_matches(text, pos)]
    assert fast == [m.span() for m in speakers._SPLIT_RE.finditer(text, pos)]


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_letter_runs_hold_every_cue_token(text: str) -> None:
    runs = textscan.letter_runs(text)
    if runs is None:
        return
    for t in speakers._tokenize(text):
        if t.low in speakers._TOKEN_CUE_WORDS:
            assert t.low in runs
    for word in speakers._WORD_RE.findall(text):
        low = word.lower()
        if "-" not in low and (low in speakers._CUE_STARTS or low in ("for", "against")):
            assert low in runs


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_tokenizers_tile_the_text(text: str) -> None:
    spans = [(m.start(), m.end()) for m in speakers._TOKEN_RE.finditer(text)]
    assert [(t.start, t.end) for t in speakers._tokenize(text)] == spans
    assert [t.text for t in speakers._tokenize(text)] == [text[a:b] for a, b in spans]
    toks, starts = entities._scan(text)
    assert {t.ostart for t in toks} <= {m.start() for m in entities._TOKEN_RE.finditer(text)}
    # Every token outside ``starts`` is one the recogniser's scans skip.
    for i, t in enumerate(toks):
        if i not in starts:
            assert t.num or (not t.cap and "-" not in t.key and t.key not in entities._START_PARTICLES)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_assessment_precheck_and_call_to_action_gate(text: str) -> None:
    runs = textscan.letter_runs(text)
    if runs is not None and "-" not in text and speakers._CUE_STARTS.isdisjoint(runs):
        assert "for" in runs or "against" in runs or not speakers._assessments(text)
    low = speakers._folded(text)
    if low is not None and speakers._CTA_ANY_RE.search(text):
        assert any(w in low for w in ("you", "newsletter", "click", "inbox"))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_quantity_shortcuts(text: str) -> None:
    if quantities._odd_letters(text):
        return
    words = re.findall("[a-z]+", text.lower())  # the whole runs of ASCII letters, lower-cased
    starts = quantities._word_starts(" " + text.lower())
    digits = {m.start(): m.span() for m in quantities._CORE_DIGITS_RE.finditer(text)}
    for p in range(len(text) + 1):
        m = quantities._CORE_RE.match(text, p)
        if m is not None:
            # at a digit only the digits branch matches, found by _CORE_DIGITS_RE; elsewhere a word start
            assert (m.lastgroup == "digits" and quantities._CORE_DIGITS_RE.match(text, p).span() == m.span()
                    if text[p].isdecimal() else p in starts)
    plain_digits = re.compile(
        rf"(?P<digits>(?<![\w.])(?<!\d,)(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d{{1,3}}(?:[{quantities._NBSP}]\d{{3}})+"
        r"(?!\d)|\d+)(?:\.\d+(?![\d.]\d))?)"
    )
    assert [m.span() for m in plain_digits.finditer(text)] == list(digits.values())
    if text.isascii():
        assert [m.span() for m in quantities._CORE_DIGITS_ASCII_RE.finditer(text)] == list(digits.values())
        assert (quantities._DIGIT_ASCII_RE.search(text) is None) == (quantities._DIGIT_RE.search(text) is None)
    has_word = not quantities._HAS_WORD_NUMBER_SET.isdisjoint(words)
    assert (quantities._HAS_WORD_NUMBER_LOW_RE.search(" " + text.lower()) is not None) == has_word
    if quantities._HAS_WORD_NUMBER_RE.search(text):
        assert has_word


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=60))
def test_window_prechecks(text: str, cut: int) -> None:
    end = min(cut, len(text))
    for lo in (0, max(0, end - 40), max(0, end - 45)):
        if quantities._QUAL_BEFORE_RE.search(text, lo, end):
            assert quantities._qualifier_may_end(text, lo, end)
        if quantities._ACTIVE_RE.search(text, lo, end):
            assert quantities._active_may_end(text, lo, end)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_negation_and_decade_gates(text: str) -> None:
    if claims._NEGATED_EVENT.search(text):
        assert claims._may_negate(text)
    if timex._DECADE_RE.search(text):
        assert "0s" in text


def _nupunkt_segments(line: str) -> list[tuple[int, int]]:
    spans = []
    for start, end in nupunkt.sent_spans(line):
        piece = line[start:end]
        stripped_end = start + len(piece.rstrip())
        stripped_start = start + (len(piece) - len(piece.lstrip()))
        if stripped_end > stripped_start:
            spans.append((stripped_start, stripped_end))
    return spans


@settings(max_examples=300, deadline=None)
@given(_TEXT.map(lambda t: t.replace("\n", " ")))
def test_one_sentence_lines_skip_nupunkt_exactly(line: str) -> None:
    if line.strip():
        assert sentences._segment_line(line) == _nupunkt_segments(line)


# The date gates are checked against every rule in tests/test_extraction_gates.py
# (test_timex_word_gates_pass_every_rule_that_matches), on news-like pieces and arbitrary text.


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(min_value=0, max_value=60))
def test_previous_word_pattern(text: str, cut: int) -> None:
    import re

    pos = min(cut, len(text))
    plain = re.compile(r"([A-Za-z]+)\.?(['\u2019]s?)?[ \t(]*$").search(text, max(0, pos - 30), pos)
    fast = timex._PREV_RE.search(text[max(0, pos - 30):pos])
    assert (plain and plain.groups()) == (fast and fast.groups())


_NAMES = st.text(alphabet=st.sampled_from(list("abcdeUSKNTh .'-")), max_size=20) | st.sampled_from(
    ["US", "UN", "NATO", "The Kremlin", "the Pentagon", "North Korea", "Kim Jong Un", "THE UN", "U.S.", "Ukraine's"]
)


@settings(max_examples=500, deadline=None)
@given(_NAMES)
def test_plain_name_gazetteer_lookup_agrees_with_tokens(name: str) -> None:
    entities._gaz_lookup.cache_clear()
    assert entities._gaz_lookup(name) == entities._gaz_lookup_tokens(name)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_entity_word_fast_path_takes_only_whole_plain_words(text: str) -> None:
    # The regex's first group must take exactly the token _TOKEN_RE would, and only when the tokenizer's
    # lower-case fast path applies (no full stop or apostrophe after it).
    # The group takes a run of such words, one space after each but the last: each is such a token.
    for m in entities._TOKEN_GAP_RE.finditer(text):
        run = m.group(1)
        if run:
            at = m.start()
            for word in run.split(" "):
                general = entities._TOKEN_RE.match(text, at)
                assert general is not None and general.group() == word
                assert word.isascii() and word.isalpha() and word.islower()
                at += len(word) + 1
            assert text[m.end(1):m.end(1) + 1] not in (".", "'", "\u2019")
        capital = m.group(2)
        if capital:
            # The second group: a capitalised ASCII word _TOKEN_RE takes whole, no full stop or apostrophe after.
            general = entities._TOKEN_RE.match(text, m.start())
            assert general is not None and general.group() == capital
            assert capital.isascii() and capital.isalpha() and capital[0].isupper()
            assert len(capital) == 1 or capital[1:].islower()
            assert text[m.end(2):m.end(2) + 1] not in (".", "'", "\u2019")


@settings(max_examples=400, deadline=None)
@given(_TEXT | st.sampled_from(["They are well-trained.", "He is known for his honesty.", "crimes against humanity",
                                "A well-run, first-rate team", "criticised for its cost", "Kim Jong-un said"]))
def test_assessment_gate_never_hides_a_cue(text: str) -> None:
    assert speakers._assessments.__wrapped__(text) == speakers._assessment_scan(text)


_DENIAL_TEXT = _TEXT | st.sampled_from([
    "The ministry denied the report.", "She rejected the claims outright.", "It was dismissed as baseless.",
    "There is no evidence of that.", "That is simply not true.", "The claims were false and misleading.",
    "He pleaded not guilty.", "They insist they did not.", "Contrary to reports, the plant is open.",
    "The figures, which the union disputes, are low.", "The company disputed the account.",
    "Officials maintain the strike is ongoing.", "Contests the claim", "REFUTES THE ALLEGATIONS",
])


@settings(max_examples=400, deadline=None)
@given(_DENIAL_TEXT)
def test_each_rebuttal_pattern_needs_its_words(text: str) -> None:
    patterns = [*speakers._DENIAL_PATTERNS, (speakers._DENY_RE, ("den",)),
                (speakers._REJECT_REL_RE, ("reject", "refut", "disput", "contest", "dismiss")),
                (speakers._DISPUTE_RE, ("disput",)), (speakers._INSIST_CONT_RE, ("insist", "maintain"))]
    if textscan.fold_odd(text):
        return
    low = text.lower()
    for rx, words in patterns:
        if rx.search(text) is not None:
            assert any(w in low for w in words), rx.pattern
            assert any(h in low for h in speakers._DENIAL_HINTS)


# Figures: the tries, the tokeniser, and the checks that skip a pattern or a tokenisation.

_FIGURE_PIECES = (
    "per cent", "percentage points", "km", "kg", "m\u00b2", "US dollars", "u.s. dollars", "euros", "won", "pounds",
    "bn", "m", "k", "mln", "lakh", "a.m.", "pm", "o'clock", "GMT", "or more", "or so", "+", "-odd", "-strong",
    "out of", "of whom", "of an total of", "to", "and", "or", "\u2013", "between", "from", "approx.", "ca.", "c.",
    "a total of", "only", "just", "a mere", "in excess of", "a little more than", "fined", "rose", "fell by",
    "toll", "killed or injured", "laid off", "lay-offs", "dead's", "were", "reportedly", "including", "$", "US$",
    "Rs.", "Rs", "USD", "\u20ac", "\u00a3", "No.", "Art.", "Jan.", "Sept.", "+44 20 7946 0958", "10:30",
    "1.2.3", "1,2345", "0800", "12 345", "aged", "magnitude", "years old", "ago", "is due to", "won't",
    "scheduled for", "'ll", "been said", "be sent", "wanted", "in early", "the month of", "this past", "early on",
    "Monday,", "pre-", "post-", "mid-", "the first half of", "ever since", "prior to", "Q3", "H1", "\x1c", "\t",
)
_FIGURE_TEXT = _TEXT | st.lists(
    st.one_of(st.sampled_from(_PIECES + _FIGURE_PIECES), st.text(max_size=3)), max_size=30
).map(lambda pieces: "".join(p if i % 3 else " " + p for i, p in enumerate(pieces)))


def _flat(phrases: object) -> str:
    """The plain alternation the tries of regextrie.alternation stand for."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))  # type: ignore[call-overload]


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


@settings(max_examples=300, deadline=None)
@given(_FIGURE_TEXT)
def test_phrase_tries_match_like_plain_alternations(text: str) -> None:
    q = quantities
    plain = {
        q._EVENT_RE: re.compile(rf"(?P<e>{_flat(q._EVENT_PHRASES)})(?![\w-])", re.IGNORECASE),
        q._UNIT_RE: re.compile(rf"[ \u00a0]?(?P<u>{_flat(q._UNIT_NAMES)})(?![A-Za-z0-9\u00b2])", re.IGNORECASE),
        q._CUR_WORD_RE: re.compile(rf"[ \u00a0]+(?P<c>{_flat(q._CUR_WORDS)})(?![A-Za-z])", re.IGNORECASE),
    }
    windowed = {
        q._QUAL_BEFORE_RE: re.compile(rf"(?<![\w.])(?P<q>{_flat(q._QUALIFIER_PHRASES)})[ \u00a0]*$", re.IGNORECASE),
        q._ACTIVE_RE: re.compile(
            rf"(?<![\w-])(?P<e>{_flat(q._ACTIVE_EVENTS)})\s+(?:(?:a\s+total\s+of|an?|some|the)\s+)?$", re.IGNORECASE
        ),
    }
    for p in range(len(text) + 1):
        for fast, slow in plain.items():
            assert _same(fast.match(text, p), slow.match(text, p))
        either = q._CUR_OR_UNIT_RE.match(text, p)
        one = q._CUR_WORD_RE.match(text, p) or q._UNIT_RE.match(text, p)
        assert (either and (either.span(), either["c"], either["u"])) == (
            one and (one.span(), one.groupdict().get("c"), one.groupdict().get("u"))
        )
        if either is not None and either["u"] is not None:
            assert one is not None and either.start("u") == one.start("u")
        for fast, slow in windowed.items():
            assert _same(fast.search(text, max(0, p - 40), p), slow.search(text, max(0, p - 40), p))


@settings(max_examples=300, deadline=None)
@given(_FIGURE_TEXT, st.integers(min_value=0, max_value=120))
def test_figure_tokens(text: str, cut: int) -> None:
    q = quantities
    pos = min(cut, len(text))
    plain = re.compile(
        rf"\b{q._ABBREV}|[{q._LETTER}][\w{q._APOS}\u00c0-\u024f]*(?:[-\u2011][{q._LETTER}][\w{q._APOS}\u00c0-\u024f]*)*"
        r"|\d[\d,.]*\d|\d|[^\s\w]"
    )
    lo = max(0, pos - q._LOOK_BEHIND)
    assert q._TOKEN_RE.findall(text, lo, pos) == plain.findall(text, lo, pos)
    if q._plain_ascii(text):
        assert q._TOKEN_ASCII_RE.findall(text) == q._TOKEN_RE.findall(text)
    ctx = q._Context(text, 0, 0, [])
    tail, complete = ctx.tail_before(pos)
    full = q._TOKEN_RE.findall(text, lo, pos) if pos > 0 else []
    assert full[len(full) - len(tail):] == tail and ((complete and tail == full) or len(tail) >= 3)
    # what the clause reading asks of the last tokens, answered from them alone
    if not q._lookback_may_link(tail, complete):
        assert q._lookback(q._clause_tail(full)) is None
    for t in q._TOKEN_RE.findall(text):
        lw = t.lower()
        assert q._word_info(t) == (
            lw, lw in q._STOP or lw in q._NUMBER_WORDS, lw in q._EVENT_NOUNS, q._word_info(t)[3],
            q._is_participle(lw), q._is_adverb(lw), lw.endswith(("'s", "\u2019s")), q._is_plural(lw), lw in q._AUX,
            lw in q._WINDOW_BREAK,
        )
        assert q._normalise_counted(t) == q._SYNONYMS.get(q._singular(t), q._singular(t))
    for m in q._TOKEN_RE.finditer(text):
        if m.group()[0].isalpha() and q._EVENT_RE.match(text, m.start()):
            assert q._word_info(m.group())[3]  # "may start an event phrase"


@settings(max_examples=300, deadline=None)
@given(_FIGURE_TEXT, st.integers(min_value=0, max_value=60))
def test_checks_before_the_patterns_around_a_figure(text: str, cut: int) -> None:
    q = quantities
    pos = min(cut, len(text))
    after = q._first_after_space(text, pos)
    assert after == text[pos:].lstrip()[:1]
    if q._RANGE_SEP_RE.match(text, pos):
        assert after in q._RANGE_SEP_FIRST
    if q._OUT_OF_RE.match(text, pos):
        assert text[pos].isspace() and after in q._OUT_OF_FIRST
    if q._POST_QUAL_RE.match(text, pos):
        assert after in q._POST_QUAL_FIRST
    if q._OF_WHOM_RE.match(text, pos):
        assert after in q._OF_WHOM_FIRST
    if q._TIME_AFTER_RE.match(text, pos) or q._CLOCK_DECIMAL_RE.match(text, pos):
        assert after in q._CLOCK_FIRST
    if q._HYPHEN_WORD_RE.match(text, pos):
        assert text[pos] in ("-", "\u2011")
    if q._SCALE_RE.match(text, pos):
        assert (text[pos + 1 : pos + 2] if text[pos : pos + 1] in (" ", "\u00a0") else text[pos]) in q._SCALE_FIRST
    lo = max(0, pos - 6)
    if q._CUR_BEFORE_RE.search(text, lo, pos):
        assert not q._CUR_LAST.isdisjoint(text[max(lo, pos - 3) : pos])
    for lo in (0, max(0, pos - 40)):
        qual_may, filler_may = q._qualifier_gates(text, lo, pos)
        if q._QUAL_BEFORE_RE.search(text, lo, pos):
            assert qual_may
        if q._FILLER_BEFORE_RE.search(text, lo, pos):
            assert filler_may
        seg = text[lo:pos]  # the letters at the end, as the character loop found them
        j = len(seg.rstrip())
        k = j
        while k > 0 and seg[k - 1].isalpha():
            k -= 1
        assert q._word_before(text, lo, pos, None) == (None if quantities._odd_letters(seg[k:j]) else seg[k:j].lower())
    for m in q._CORE_DIGITS_RE.finditer(text):
        literal, run = m.group(), 1
        while run < len(literal) and literal[run].isdecimal():
            run += 1
        after_run = literal[run] if run < len(literal) else (text[m.end()] if m.end() < len(text) else " ")
        if q._PHONE_RE.match(text, m.start()):
            assert 2 <= run <= 5 and after_run in ") .-/"


# Times: the tries, the case-insensitive matching done on lower-cased text, and the context read before a match.

_PLAIN_FUTURE_RE = re.compile(
    r"\b(?:(?P<f>will|shall|won['\u2019]t|(?:is|are|am)\s+(?:due|set|scheduled|expected|slated|poised|going)|"
    r"(?:scheduled|slated|planned|due|expected)\s+(?:for|to|on|in)|plans?\s+to|intends?\s+to|upcoming|"
    r"forthcoming|(?:is|are)\s+to)|(?P<p>was|were|had|did|said|(?<!be\s)(?<!been\s)(?:began|came|went|took|"
    r"made|gave|held|met|fell|rose|struck|sent|told|left|won|lost|found|broke|brought|saw|led|fled|fought|spent|"
    r"sold|paid|became|ran|sank|shook|hit|\w\w+ed)))\b|"
    r"(?P<f2>['\u2019]ll)\b",
    re.I,
)


@settings(max_examples=300, deadline=None)
@given(_FIGURE_TEXT, st.integers(min_value=0, max_value=120))
def test_tense_markers(text: str, cut: int) -> None:
    pos = min(cut, len(text))
    lo = max(0, pos - 100)

    def markers(rx: re.Pattern[str], s: str, start: int) -> list[tuple[tuple[int, int], str | None]]:
        return [(m.span(), m.lastgroup) for m in rx.finditer(s, start, pos)]

    for start in (0, lo, max(0, pos - 30)):
        plain = markers(_PLAIN_FUTURE_RE, text, start)
        assert markers(timex._FUTURE_RE, text, start) == plain
        if not quantities._odd_letters(text):
            assert markers(timex._FUTURE_LOW_RE, text.lower(), start) == plain
    breaks = [m.end() for m in re.finditer(r"[,;:\u2014\u2013]", text[:pos]) if m.end() > lo]
    start = breaks[-1] if breaks else lo
    tense = None
    for m in _PLAIN_FUTURE_RE.finditer(text, start, pos):
        tense = "past" if m.group("p") is not None else "future"
    assert timex._tense.__wrapped__(text, pos) == tense


@settings(max_examples=300, deadline=None)
@given(_FIGURE_TEXT, st.integers(min_value=0, max_value=120))
def test_context_before_a_time_is_the_window_search(text: str, cut: int) -> None:
    pos = min(cut, len(text))
    for pre_rx in timex._PRE_LAST:
        plain = pre_rx.search(text, max(0, pos - timex._PRE_WIDTH), pos)
        if plain is not None and plain.start() == plain.end():
            plain = None
        assert _same(timex._context_before(text, pos, pre_rx), plain)
    prefix = timex._PREFIX_RE.search(text, max(0, pos - 16), pos)
    if prefix is not None:
        last = timex._pre_word(text, pos)[0]
        assert last is None or last in timex._PREFIX_LAST


@settings(max_examples=300, deadline=None)
@given(_TEXT.map(str.lower))
def test_lower_case_text_holds_no_entity(text: str) -> None:
    # find_entities returns () at once for lower-case text: the recogniser would start nowhere in it.
    if not text.islower():
        return
    toks, _ = entities._scan(text)
    assert not entities._is_headline(toks)
    assert not any(entities._can_start(t, toks[k + 1] if k + 1 < len(toks) else None) for k, t in enumerate(toks))


# --- speakers.py shortcuts (tokeniser branches, literal-chain gates, comma-boundary gate, lazy offsets) -----

_SLOW_TOKEN_GAP_RE = re.compile(rf"({speakers._TOKEN_RE.pattern})(\s*)")


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXT, st.text(max_size=40)))
def test_token_shortcut_branches_agree_with_the_full_pattern(text: str) -> None:
    # The two token branches of _TOKEN_GAP_RE only take a token _TOKEN_RE would take whole, and its leading
    # run of plain words (each followed by one space) is the tokens the full pattern takes one at a time.
    fast: list[tuple[str, str]] = []
    for run, token, gap in speakers._TOKEN_GAP_RE.findall(text):
        fast += [(word, " ") for word in run.split()]
        fast.append((token, gap))
    assert fast == _SLOW_TOKEN_GAP_RE.findall(text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXT, st.text(max_size=40)))
def test_bare_is_the_possessive_re_sub(text: str) -> None:
    for t in [text.lower(), *(tok.low for tok in speakers._tokenize(text))]:
        if "\n" not in t:
            assert speakers._bare(t) == re.sub(r"['\u2019]s?$", "", t)


_HINTY = st.lists(
    st.one_of(
        st.sampled_from(speakers._DENIAL_HINTS + speakers._HEDGE_WORDS + speakers._STATEMENT_NOUNS
                        + ("den", "cont", "dis", "tru", "fa", "rumo", "rumor", "contra")),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz '", max_size=4),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_HINTY)
def test_literal_chains_equal_any_over_their_tuples(low: str) -> None:
    assert speakers._has_denial_hint(low) == any(h in low for h in speakers._DENIAL_HINTS)
    assert speakers._has_hedge_word(low) == any(w in low for w in speakers._HEDGE_WORDS)
    assert speakers._has_statement_noun(low) == any(w in low for w in speakers._STATEMENT_NOUNS)


_SPLITTY = st.lists(
    st.one_of(
        st.sampled_from((*_PIECES, ", a statement which", ", the figure that", ", which", ", something", "; ",
                                   ", while", ", yet", ", whereas", ", though", ", an estimate",
                                   ", the Claims", "a", "the", "stories", ", The move", "WHICH", ",\n")),
        st.text(max_size=3),
    ),
    max_size=25,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_SPLITTY, st.integers(min_value=0, max_value=40))
def test_split_matches_word_gate_is_finditer(text: str, pos: int) -> None:
    fast = [m.span() for m in speakers._split_matches(text, pos)]
    assert fast == [m.span() for m in speakers._SPLIT_RE.finditer(text, pos)]


def _checked_assessment_scan(s: str) -> tuple[tuple[int, int, int], ...]:
    """The scan, checking that each offset it found lazily is a word edge (or a phrase pattern's)."""
    found = speakers._assessment_scan(s)
    spans = [m.span() for m in speakers._WORD_RE.finditer(s)]
    starts = {a for a, _b in spans}
    ends = {b for _a, b in spans}
    for a, b, _p in found:
        assert 0 <= a < b <= len(s)
        assert a in starts or speakers._KNOWN_FOR_RE.match(s, a) or speakers._AGAINST_HUMANITY_RE.match(s, a)
        assert b in ends or speakers._KNOWN_FOR_RE.search(s) or speakers._AGAINST_HUMANITY_RE.search(s)
    return found


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXT, st.lists(st.sampled_from(("very", "good", "not", "a", "disaster", "poorly", "trained",
                                                    "well-trained", "known for", "its", "bravery", "Great",
                                                    "Britain", "serious", "threat", ",", "far", "from")),
                                   max_size=20).map(" ".join)))
def test_assessment_offsets_are_word_edges(text: str) -> None:
    _checked_assessment_scan(text)


# --- batch phases (entities.find_entities_each, the phased claims.extract_claims) ---------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_find_entities_each_is_find_entities_per_sentence(texts: list[str]) -> None:
    # Tokenising every sentence first and recognising after changes the order of the work, not its result.
    found, base = [], 0
    for k, text in enumerate(texts):
        found.append(Sentence(k, base, base + len(text), text))
        base += len(text) + 1
    assert entities.find_entities_each(found) == [entities.find_entities(s.text, s.start) for s in found]


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT)
def test_comma_gap_needs_no_join(left: str, right: str) -> None:
    # _scan skips _join for the gap ", ": it neither opens a sentence nor glues the tokens it separates.
    toks, _ = entities._scan(f"{left}, {right}")
    for prev, t in itertools.pairwise(toks):
        glue, init = prev.glue, t.init
        prev.glue = False
        entities._join(prev, t, ", ")
        assert not prev.glue and t.init == init
        prev.glue = glue


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_scan_word_branch_is_the_general_token(text: str) -> None:
    # A token the regex's first group takes is one the general branch would take whole, with the flags of a
    # plain lower-case word.
    toks, _ = entities._scan(text)
    by_start = {t.ostart: t for t in toks}
    for m in entities._TOKEN_GAP_RE.finditer(text):
        if m.group(1):
            at = m.start()
            for word in m.group(1).split(" "):  # a run of such words, one space after each but the last
                t = by_start[at]
                general = entities._TOKEN_RE.match(text, at)
                assert general is not None and general.group() == word == t.text == t.key == t.pkey
                assert (t.start, t.end, t.fend) == (at, at + len(word), at + len(word))
                assert not (t.num or t.cap or t.upper or t.poss or t.adj or t.pre)
                at += len(word) + 1


def _claims_one_sentence_at_a_time(article: Article, found: tuple[Sentence, ...]) -> tuple[Claim, ...]:
    """extract_claims as it was before the phases: every finder on one sentence, then the next sentence."""
    text = article.text
    by_sentence = {s.index: entities.find_entities(s.text, s.start) for s in found}
    names = claims._Names([e for ents in by_sentence.values() for e in ents])
    out: list[Claim] = []
    previous_speaker: str | None = None
    previous_end = -1
    for sentence in found:
        if not claims._is_claim_sentence(sentence.text):
            previous_speaker = None
            continue
        start, end = claims._trim(text, sentence.start, sentence.end)
        if end <= start:
            continue
        same_paragraph = previous_end >= 0 and "\n" not in text[previous_end:start]
        claim_text = text[start:end]
        attribution = speakers.find_attribution(claim_text, previous_speaker if same_paragraph else None)
        stances = claims._stances(article, sentence, names, by_sentence[sentence.index], attribution)
        if stances:
            polarity = "disputed"
        elif speakers.is_denial(claim_text) or claims._negated_event(claim_text, attribution is not None):
            polarity = "denied"
        else:
            polarity = "affirmed"
        quotes = speakers.find_quotes(claim_text)
        figures = quantities.find_quantities(claim_text, start)
        times = timex.find_times(claim_text, article.published, start)
        ents = tuple(
            e if e.name not in names.surnames
            else Entity(e.start, e.end, e.text, names.canonical(e.name), e.kind, e.role)
            for e in by_sentence[sentence.index]
        )
        kinds = [k for k, on in (("figure", figures), ("time", times), ("quote", quotes),
                                 ("attributed", attribution is not None)) if on]
        if speakers.assessment_cue(claim_text) is not None:
            kinds.append("assessment")
        elif attribution is None:
            kinds.append("assertion")
        if attribution is not None:
            speaker = names.speaker(attribution, sentence, by_sentence[sentence.index])
            speaker_kind = attribution.kind
        else:
            speaker, speaker_kind = claims.self_speaker(article), "self"
        out.append(Claim(
            id=f"{article.id}/{len(out) + 1}", source=article.id, start=start, end=end, text=claim_text,
            sentence=sentence.index, kinds=tuple(kinds), speaker=speaker, speaker_kind=speaker_kind,
            polarity=polarity, quantities=figures, times=times, entities=ents,
            quote=" … ".join(q.text for q in quotes) or None, stances=stances,
        ))
        previous_speaker = attribution.speaker if attribution is not None else None
        previous_end = end
    return tuple(out)


_SENTENCE_PIECES = (
    "Police said 12 people were killed on Monday.", "\u201cWe will rebuild,\u201d he said.", "It was not true.",
    "Officials in Kyiv, however, denied the claim, which Smith disputed.", "Why?", "Read more here",
    "John Smith, 45, told reporters that the dam had not been damaged.", "Smith said it was a disgrace.",
    "\u201cThe water rose fast.", "It kept rising,\u201d said Mayor Ana de la Cruz.", "\n", "\n\n",
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SENTENCE_PIECES), _TEXT), max_size=8), st.booleans())
def test_phased_extract_claims_equals_one_sentence_at_a_time(parts: list[str], dated: bool) -> None:
    text = " ".join(parts)
    article = Article("a", "a.txt", "txt", "T", "Outlet", None, None, dt.date(2024, 5, 6) if dated else None,
                      None, text)
    found = sentences.split_sentences(text)
    assert claims.extract_claims(article, found) == _claims_one_sentence_at_a_time(article, found)
