"""The extraction's fast paths are exact: each cheap pre-check or shortcut agrees with the slow work it skips.

Extraction must reach 200 articles/s, so the finders skip patterns that cannot match, tokenise only when a
token can matter and try a pattern only where a match can start. Each shortcut rests on a property stated
here and tried on arbitrary text, including the letters that match ASCII ones under IGNORECASE without
lower-casing to them ("\u0130", "\u0131", "\u017f", the Kelvin sign "\u212a").
"""

from __future__ import annotations

import nupunkt
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import claims, entities, quantities, sentences, speakers, timex

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
    runs = speakers._letter_runs(text)
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
    runs = speakers._letter_runs(text)
    if runs is not None and "-" not in text and speakers._CUE_STARTS.isdisjoint(runs):
        assert "for" in runs or "against" in runs or not speakers._assessments(text)
    low = speakers._folded(text)
    if low is not None and speakers._CTA_ANY_RE.search(text):
        assert any(w in low for w in ("you", "newsletter", "click", "inbox"))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_quantity_shortcuts(text: str) -> None:
    words = quantities._lower_words(text)
    if words is None:
        return
    starts = quantities._core_starts(text)
    for p in range(len(text) + 1):
        if quantities._CORE_RE.match(text, p) is not None:
            assert p in starts
    if quantities._CORE_WORD_SET.isdisjoint(words):
        hits = [m.span() for m in quantities._CORE_RE.finditer(text)]
        assert hits == [m.span() for m in quantities._CORE_DIGITS_RE.finditer(text)]
    if quantities._HAS_WORD_NUMBER_RE.search(text):
        assert not quantities._HAS_WORD_NUMBER_SET.isdisjoint(words)


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


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_time_gates_pass_whenever_a_rule_can_match(text: str) -> None:
    present = timex._gates(text)
    for need, rx, _pre, _handler in timex._RULES:
        if rx.search(text) is not None:
            assert present & need == need


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
    for m in entities._TOKEN_GAP_RE.finditer(text):
        word = m.group(1)
        if word:
            general = entities._TOKEN_RE.match(text, m.start())
            assert general is not None and general.group() == word
            assert word.isascii() and word.isalpha() and word.islower()
            assert text[m.end(1):m.end(1) + 1] not in (".", "'", "\u2019")


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
    if speakers._fold_odd(text):
        return
    low = text.lower()
    for rx, words in patterns:
        if rx.search(text) is not None:
            assert any(w in low for w in words), rx.pattern
            assert any(h in low for h in speakers._DENIAL_HINTS)
