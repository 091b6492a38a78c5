"""Attribution, quotes, denials and evaluative language in one sentence of a news article.

Contract (every function is pure, deterministic and never raises on any ``str``):

* ``find_attribution(sentence, previous_speaker=None) -> Attribution | None``: who the article
  says asserted the sentence. ``Attribution.speaker`` is the source phrase as written, trimmed of
  leading articles/demonstratives ("the Central Military Commission" → "Central Military
  Commission"); ``kind`` is ``"named"`` (a person, organisation, country or definite role the reader
  can identify) or ``"unnamed"`` (plural or indefinite common nouns such as "officials",
  "a spokesperson", "Reports", "U.S. and Ukrainian intelligence agencies", and passive hedges).
  ``cue_start:cue_end`` is the attribution cue ("said", "according to", "reportedly", ...) and
  ``speaker_start:speaker_end`` the speaker phrase when it is a slice of the sentence (``-1`` when the
  speaker comes from ``previous_speaker`` or is a hedge placeholder).
  Decisions: a pronoun subject ("He said") resolves to ``previous_speaker`` when given, else the
  pronoun as written (kind "named", except "they" → "unnamed"); hedges ("reportedly", "is said to",
  "were reported to", "it is believed that") give kind "unnamed" with the placeholder speakers
  "unnamed reports" / "unnamed allegations" / "unnamed sources"; "so-called", "the said agreement"
  and the name "Said" are not attributions; a sentence that is (mostly) a direct quote with no cue of
  its own continues ``previous_speaker``. When a sentence has several cues, a main-clause cue beats
  one inside a subordinate clause ("after X claimed", "although Y disputed"), explicit cues beat
  "X's statement" and hedges, and otherwise the earliest wins. Cues inside quotation marks are ignored.
* ``find_quotes(sentence)`` / ``find_quote_spans(text)``: top-level direct quotes, offsets of the
  words inside the marks. Straight and curly double quotes and single quotes are handled;
  apostrophes ("Ukraine's", "don't", "'90s", "soldiers' lives", curly or straight) are not quotes.
  A quote left open runs to the end of the paragraph (news style for multi-paragraph quotes); an
  unmatched closing
  double quote starts at the beginning of the paragraph (the sentence, for ``find_quotes``).
  ``find_quote_spans`` treats blank lines as paragraph breaks (single newlines when the text has no
  blank line), so a sentence splitter can avoid cutting inside a quote.
* ``denial_cue`` / ``is_denial``: the first cue that the sentence denies or rebuts a claim
  ("denied", "rejected the claims", "disputed this", "contest these assertions", "dismissed ... as",
  "there is no evidence", "not true", "is false", "baseless", "pleaded not guilty", "maintains his
  innocence", "insists/maintains ... continue"). Refusals ("denied bail", "was denied entry"), nouns
  ("a pay dispute", "the disputed territory") and negated denials ("no one denies") are not denials.
  Decision: "said ... were ongoing" counts only when the sentence also points at a counter-claim
  ("despite Russia's claims", "contrary to reports"); "Police said the investigation was ongoing" is
  not a denial.
* ``split_attributed_clauses(sentence)``: the sentence cut where a second party's reaction is
  attached (", a statement which Y has denied", ", although Y disputed this", ", despite Y denying
  this", "; Y denied it", ", but Y said ..."), each ``Clause`` with its own attribution and polarity.
  Clause offsets index the sentence and ``Clause.text == sentence[start:end]``, trimmed of spaces,
  commas, semicolons and dashes at both ends. ``may_split_clauses(sentence)`` is False when the split
  surely gives at most one clause, and costs a fraction of it.
* ``assessment_cue`` / ``assessment_polarity``: evaluative wording (judgements, not facts) from a
  general lexicon of evaluative adjectives/nouns, intensified participles ("barely trained",
  "well-prepared") and evaluative frames ("known for their ...", "a serious threat"), with a
  negation window ("not well trained" → -1). Physical descriptions ("strong winds", "a powerful
  earthquake", "heart failure", "the disaster agency") are not judgements.
* ``is_question`` / ``is_call_to_action``: sentences that are not claims.

Results are memoised (bounded LRU) on the sentence, so calling several of these functions on the
same sentence costs one analysis.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from .textscan import fold_odd, letter_runs

__all__ = [
    "Attribution",
    "Clause",
    "Quote",
    "assessment_cue",
    "assessment_polarity",
    "denial_cue",
    "find_attribution",
    "find_quote_spans",
    "find_quotes",
    "is_call_to_action",
    "is_denial",
    "is_question",
    "may_split_clauses",
    "split_attributed_clauses",
]


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str
    kind: str  # "named" | "unnamed"
    cue_start: int
    cue_end: int
    speaker_start: int = -1  # -1 when the speaker is not a slice of the sentence
    speaker_end: int = -1


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    speaker: Attribution | None
    polarity: str  # "affirmed" | "denied"
    text: str


# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------

_ABBREV: Final = (
    "Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Adm|Cmdr|Prof|Sen|Rep|Gov|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|"
    "Brig|Cpl|Pvt|Supt|Insp|Det|Gens|Sens|Reps|Messrs|Mt|Ft|Hon|Amb|Atty|Pres|Sec|Fr|Sgt|Cllr|Assoc"
)
_TOKEN_RE: Final = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.K., a.m.
    # Every abbreviation is a capital and 1-5 small letters: the lookahead rejects most words at once.
    rf"|(?=[A-Z][a-z]{{1,5}}\.)(?:{_ABBREV})\.(?=\s)"
    # words with apostrophes/hyphens inside, and a trailing plural-possessive apostrophe
    r"|\w+(?:['\u2019\-]\w+)*(?:['\u2019](?=[\s,.;:!?]|$))?"
    r"|\S"
)


class _Tok:
    """One token; a plain slotted class because tokenising is the hot path."""

    __slots__ = ("cap", "end", "low", "start", "text", "word")

    def __init__(self, text: str, low: str, start: int, end: int, word: bool, cap: bool) -> None:
        self.text = text
        self.low = low
        self.start = start
        self.end = end
        self.word = word
        self.cap = cap


# A token and the whitespace after it: every non-space character starts a token (the last branch is
# "\S"), so consecutive matches tile the text and offsets follow from the lengths.
#
# The first two branches are shortcuts for the commonest token, a run of word characters starting with an ASCII
# letter or digit that _TOKEN_RE would take whole: nothing that could extend it follows (another word
# character, an apostrophe or a hyphen), and no full stop follows where it could make an initialism
# ("U.S.") or an abbreviation ("Mr."), which need one letter, or a capital, before the stop.
#
# Before the token, the first group takes a run of words of ASCII lower-case letters and digits, each followed by
# one space and then a token (the commonest tokens, which those branches take whole): one match for the run
# and the token after it, instead of one per word, halves the regex's work.
_TOKEN_GAP_RE: Final = re.compile(
    r"((?:[a-z0-9]++ (?=\S))*+)"
    rf"([a-z0-9]\w++(?![\w'\u2019\-])|[A-Za-z0-9]\w*+(?![\w'\u2019.\-])|{_TOKEN_RE.pattern})(\s*)"
)
_LEAD_SPACE_RE: Final = re.compile(r"\s*")


def _blank_tok(cls: type[_Tok]) -> _Tok:
    return cls("", "", 0, 0, False, False)  # every field is set again by the caller


# A token whose fields the tokenizer sets one by one: object.__new__ skips __init__ (the tokenizer's
# hottest line). A class compiled by mypyc (see generator/native.py) has its own __new__, which refuses
# object.__new__ and runs __init__ itself, cheaply.
_new_tok: Callable[[type[_Tok]], _Tok] = object.__new__ if _Tok.__new__ is object.__new__ else _blank_tok


def _tokenize(s: str) -> list[_Tok]:
    out: list[_Tok] = []
    append = out.append
    lead = _LEAD_SPACE_RE.match(s)
    pos = lead.end() if lead is not None else 0
    new = _new_tok
    for run, t, gap in _TOKEN_GAP_RE.findall(s):
        if run:
            for w in run.split():  # words and single spaces only
                tok = new(_Tok)
                tok.text = tok.low = w
                tok.start = pos
                pos += len(w)
                tok.end = pos
                pos += 1
                tok.word = True
                tok.cap = False
                append(tok)
        # Fields set directly: calling __init__ per token costs twice as much.
        tok = new(_Tok)
        tok.text = t
        tok.low = t.lower()
        tok.start = pos
        pos += len(t)
        tok.end = pos
        c0 = t[0]
        if c0.isalnum() or c0 == "_":
            tok.word = True
            tok.cap = c0.isupper()
        else:
            tok.word = tok.cap = False
        append(tok)
        pos += len(gap)
    return out


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ARTICLES: Final = _words("the a an this that these those")
_INDEFINITE: Final = _words("a an one another")
_QUANTIFIERS: Final = _words(
    "some several many most few two three four five six seven eight nine ten dozens numerous various "
    "other all both multiple"
)
_PRONOUNS: Final = _words("he she they it we i you")
_BE: Final = _words("is are was were be been being am")
_HAVE: Final = _words("has have had")
_MODAL: Final = _words("will would can could may might must shall should did does do")
_BETWEEN: Final = _words(
    "also previously earlier later repeatedly again already then now still first once too publicly "
    "privately separately officially initially recently reportedly allegedly just indeed "
    "further subsequently originally yesterday today tonight meanwhile however though"
)
_TIME_WORDS: Final = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december today yesterday tonight week month year weekend "
    "morning afternoon evening night day earlier later"
)
_TIME_PREPS: Final = _words("on last this in late early earlier next that")
_CONTEXT_NOUNS: Final = _words(
    "statement interview letter post video speech message release briefing conference filing tweet "
    "email broadcast address report"
)
_SUBORDINATORS: Final = _words(
    "after although though because since before while whereas if unless until despite as when once"
)
_STOP: Final = (
    _words(
        "that which who whom whose when while because but although though since after before as if "
        "unless until where whereas so yet then however meanwhile moreover furthermore nor or not "
        "to than despite amid amidst during into through against without within between among across "
        "toward towards upon like unlike via including there here now what how why whether also "
        "and even only just about over under above below around per"
    )
    | _BE
    | _HAVE
    | _MODAL
)
_NP_PREPS: Final = _words("of for at in from with on to")
_TO_NOUNS: Final = _words(
    "adviser advisor advisers advisors aide aides ambassador envoy spokesman spokeswoman spokesperson "
    "counsel consultant secretary assistant deputy heir successor representative delegate close "
    "attorney lawyer lawyers"
)

_SPEECH_VERBS: Final = _words(
    "say says said tell tells told state states stated claim claims claimed warn warns warned report "
    "reports reported announce announces announced add adds added note notes noted insist insists "
    "insisted argue argues argued estimate estimates estimated confirm confirms confirmed deny denies "
    "denied acknowledge acknowledges acknowledged admit admits admitted emphasize emphasizes "
    "emphasized emphasise emphasises emphasised stress stresses stressed suggest suggests suggested "
    "indicate indicates indicated believe believes explain explains explained write writes wrote "
    "declare declares declared allege alleges alleged assert asserts asserted maintain maintains "
    "maintained contend contends contended replied replies testify testifies testified predict "
    "predicts predicted reveal reveals revealed disclose discloses disclosed conclude concludes "
    "concluded dispute disputes disputed reject rejects rejected contest contests contested refute "
    "refutes refuted dismiss dismisses dismissed asked asks reiterated reiterates observed "
    "cautioned warned projected forecast forecasts tweeted understands show shows showed found accuse "
    "accuses accused describe describes described called calls labelled labeled branded termed "
    "dubbed documented informed briefed expect expects"
)
# Verbs that report a finding only when a document is the subject ("Data showed", not "He showed").
_DOC_ONLY_VERBS: Final = _words("show shows showed")
# Verbs of naming: "a man called John" and "a man described as" are not attributions.
_NAMING_VERBS: Final = _words("called calls described describes describe labelled labeled branded termed dubbed")
# Forms that are also common nouns ("reports of", "Russia's claims"): verb only with a subject.
_NOUNISH_VERBS: Final = _words(
    "report reports estimate estimates claim claims note notes state states dispute disputes stress "
    "contest contests forecast forecasts replies calls shows show"
)
# Reaction verbs count as attribution only where they carry a denial (not "denied bail").
_REACTION_VERBS: Final = _words(
    "deny denies denied dispute disputes disputed reject rejects rejected contest contests contested "
    "refute refutes refuted dismiss dismisses dismissed"
)
_NOT_NP_BEFORE_VERB: Final = _words(
    "the a an his her its their our my your these those such media news press recent latest new "
    "initial earlier official unconfirmed local state of from with in despite amid and by"
)

_ANON_NOUNS: Final = _words(
    "official officials source sources analyst analysts expert experts observer observers diplomat "
    "diplomats report reports media agencies agency resident residents witness witnesses people "
    "person critic critics insider insiders researcher researchers scientist scientists economist "
    "economists investigator investigators activist activists authorities officer officers "
    "spokesperson spokesman spokeswoman spokespeople aide aides adviser advisers advisor advisors "
    "individual individuals someone commentators commentator lawmaker lawmakers legislators members "
    "member staff employees employee workers worker doctors doctor specialists specialist campaigners "
    "protesters locals villagers survivors families relatives parents students fans voters users "
    "intelligence personnel soldiers troops figures data accounts estimates assessments sources "
    "outlets reporters journalists rescuers firefighters paramedics nurses teachers farmers traders "
    "investors shoppers passengers travellers travelers visitors organisers organizers supporters "
    "opponents demonstrators rebels militants insurgents fighters prosecutors lawyers attorneys "
    "judges jurors ministers leaders regulators executives managers shareholders customers consumers "
    "citizens neighbors neighbours eyewitnesses bystanders historians academics scholars physicians "
    "patients victims refugees migrants groups others observers police"
)
_DOC_NOUNS: Final = _words(
    "report reports statement statements estimate estimates assessment assessments study studies "
    "survey surveys poll polls data figures analysis analyses review findings announcement "
    "announcements article document documents release filing ruling verdict memo letter account "
    "accounts claim claims research projections forecast forecasts tally count census records results "
    "polling"
)
_OWNER_DOC_NOUNS: Final = _words(
    "report reports statement statements estimate estimates assessment assessments study survey poll "
    "data figures analysis findings announcement account claim claims tally count forecast "
    "projections"
)
_IRREGULAR_PLURALS: Final = _words("people media staff personnel children women men folk")
_NATIONALITY_WORDS: Final = _words(
    "american german afghan kenyan ugandan rwandan thai greek swiss arab western eastern northern "
    "southern north south east west central allied serb croat kazakh uzbek tajik turkmen filipino "
    "u.s. us u.s u.k. uk eu e.u. soviet federal state regional local provincial municipal"
)
_NATIONALITY_RE: Final = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ican|ch|i)$")
_LY_NOT_ADVERB: Final = _words(
    "family ally rally supply assembly reply daily weekly monthly quarterly anomaly monopoly lily "
    "italy bully"
)


def _is_adverb(t: _Tok) -> bool:
    return t.word and not t.cap and len(t.low) > 4 and t.low.endswith("ly") and t.low not in _LY_NOT_ADVERB


def _is_nationality(t: _Tok) -> bool:
    return t.low in _NATIONALITY_WORDS or bool(_NATIONALITY_RE.match(t.text))


def _is_plural(low: str) -> bool:
    if low in _IRREGULAR_PLURALS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "'s", "\u2019s"))


# --------------------------------------------------------------------------------------------
# Quotes
# --------------------------------------------------------------------------------------------

_QUOTE_CHAR_RE: Final = re.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb'\u2018\u2019\u201a\u201b]")
_PARA_BLANK_RE: Final = re.compile(r"\n[ \t\r\f\v]*\n")
_ELISION_RE: Final = re.compile(r"(?:em|til|cause|n|tis|twas|round|bout|cos|ol)\b", re.IGNORECASE)
_OPEN_DOUBLE: Final = "\u201c\u201e\u201f\u00ab"
_CLOSE_DOUBLE: Final = "\u201d\u00bb"
_OPEN_SINGLE: Final = "\u2018\u201a\u201b"
_OPENERS_BEFORE: Final = "([{\u2014\u2013-/\u201c\u2018\"'"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    seps = [(m.start(), m.end()) for m in _PARA_BLANK_RE.finditer(text)]
    if not seps:
        seps = [(m.start(), m.end()) for m in re.finditer("\n", text)]
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in seps:
        out.append((pos, a))
        pos = b
    out.append((pos, len(text)))
    return out


def _make_quote(text: str, a: int, b: int) -> Quote | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b <= a:
        return None
    return Quote(a, b, text[a:b])


def _quotes_in(text: str, lo: int, hi: int, out: list[Quote]) -> None:
    """Top-level quotes in text[lo:hi], one paragraph; appended to ``out``."""
    stack: list[tuple[str, int]] = []  # ("d" | "s", index just after the opening mark)
    for m in _QUOTE_CHAR_RE.finditer(text, lo, hi):
        i = m.start()
        ch = m.group()
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        space_before = prev.isspace() or prev in _OPENERS_BEFORE
        space_after = nxt.isspace() or nxt in ",.;:!?)]}\u2014\u2013-\u201d\u2019\"'\u2026"
        if ch in "\"\u201c\u201d\u201e\u201f\u00ab\u00bb":
            has_open = any(k == "d" for k, _ in stack)
            if ch in _OPEN_DOUBLE:
                role = "open"
            elif ch in _CLOSE_DOUBLE:
                role = "close" if has_open or not (space_before and not space_after) else "open"
            else:
                if prev.isdigit() and not has_open:
                    continue  # inch mark: 12"
                if space_before and not space_after:
                    role = "open"
                elif space_after and not space_before:
                    role = "close"
                else:
                    role = "close" if has_open else "open"
            if role == "open":
                stack.append(("d", i + 1))
                continue
            if has_open:
                while stack:
                    kind, start = stack.pop()
                    if kind == "d":
                        break
                if not stack:
                    q = _make_quote(text, start, i)
                    if q is not None:
                        out.append(q)
            elif not stack:
                q = _make_quote(text, lo, i)
                if q is not None:
                    out.append(q)
            continue
        # single quotes / apostrophes
        if prev.isalnum() and nxt.isalnum():
            continue  # don't, Korea's, O'Brien
        if space_before and (nxt.isdigit() or _ELISION_RE.match(text, i + 1, hi)):
            continue  # '90s, 'em, rock 'n' roll
        has_single = any(k == "s" for k, _ in stack)
        if ch in _OPEN_SINGLE or (ch == "'" and space_before and not space_after):
            if not nxt.isspace():
                stack.append(("s", i + 1))
            continue
        if has_single and not prev.isspace():
            while stack:
                kind, start = stack.pop()
                if kind == "s":
                    break
            if not stack:
                q = _make_quote(text, start, i)
                if q is not None:
                    out.append(q)
        # otherwise an apostrophe (plural possessive) or a stray mark
    # A double quote left open runs to the paragraph end; unclosed single marks were apostrophes.
    for kind, start in stack:
        if kind == "d":
            q = _make_quote(text, start, hi)
            if q is not None:
                out.append(q)
            break


def find_quote_spans(text: object) -> tuple[Quote, ...]:
    """Top-level direct quotes across a whole text, paragraph by paragraph."""
    if not isinstance(text, str) or not text:
        return ()
    out: list[Quote] = []
    for lo, hi in _paragraphs(text):
        if lo < hi:
            _quotes_in(text, lo, hi, out)
    return tuple(out)


def find_quotes(sentence: object) -> tuple[Quote, ...]:
    """Top-level direct quotes in one sentence (open or close marks may lie outside it)."""
    if not isinstance(sentence, str) or not sentence:
        return ()
    return _find_quotes(sentence)


@lru_cache(maxsize=4096)
def _find_quotes(sentence: str) -> tuple[Quote, ...]:
    # Without any character of _QUOTE_CHAR_RE there is nothing to scan: one-character ``in`` tests (memchr)
    # are much faster than the regex's scan of every position.
    if not ("'" in sentence or "\u2019" in sentence or '"' in sentence or "\u201c" in sentence
            or "\u201d" in sentence or "\u2018" in sentence or "\u201e" in sentence or "\u201f" in sentence
            or "\u00ab" in sentence or "\u00bb" in sentence or "\u201a" in sentence or "\u201b" in sentence):
        return ()
    out: list[Quote] = []
    _quotes_in(sentence, 0, len(sentence), out)
    return tuple(out)


def _in_spans(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    # Most sentences have no quote, so ``spans`` is usually empty: ``any`` over a generator costs more to set
    # up than that test, and returns False then too.
    return bool(spans) and any(a <= pos < b for a, b in spans)


# --------------------------------------------------------------------------------------------
# Denials
# --------------------------------------------------------------------------------------------

_CLAIM_NOUNS: Final = (
    r"(?:claims?|allegations?|accusations?|reports?|assertions?|charges?|suggestions?|accounts?|"
    r"figures?|characteri[sz]ations?|notion|idea|narrative|findings|version|statements?|estimates?|"
    r"rumou?rs?|theory|theories|story|stories|numbers?|data|contention|premise|this|that|it|them)"
)
_NEG_BEFORE_RE: Final = re.compile(
    r"(?:\bnot|n['\u2019]t|\bnever|\bno\s+one|\bnobody|\bcannot|\brefused\s+to|\bneither|\bnor|\bwithout"
    r"|\bhard\s+to|\bdifficult\s+to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_BE_BEFORE_RE: Final = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_REFUSAL_AFTER_RE: Final = re.compile(
    r"\s+(?:(?:him|her|them|us|me|it|the\s+\w+|\w+['\u2019]s?)\s+)?(?:bail|entry|access|permission|visas?|"
    r"asylum|parole|requests?|appeals?|motions?|applications?|petitions?|service|treatment|care|"
    r"chance|opportunity|rights?|benefits|licen[cs]es?|permits?|a\s+(?:visa|permit|licen[cs]e|"
    r"chance|hearing|seat|place|spot|request)|the\s+(?:request|appeal|motion|application|petition|"
    r"opportunity|chance|right|permit))\b",
    re.IGNORECASE,
)
_CLAIM_SUBJECT_RE: Final = re.compile(
    rf"{_CLAIM_NOUNS}\s+(?:\w+\s+)?(?:is|are|was|were|been|being|has|have)\s+(?:\w+ly\s+)?(?:been\s+)?$",
    re.IGNORECASE,
)
_DENY_RE: Final = re.compile(r"\b(?:den(?:y|ies|ied|ying)|denials?)\b", re.IGNORECASE)
_REJECT_RE: Final = re.compile(
    rf"\b(?:reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|contradict(?:s|ed|ing)?)"
    rf"(?:\s+(?:the|these|those|such|any|all|his|her|their|its|this|that|earlier|official|"
    rf"previous|russia['\u2019]s|\w+['\u2019]s))?\s+{_CLAIM_NOUNS}\b",
    re.IGNORECASE,
)
_REJECT_REL_RE: Final = re.compile(
    rf"\b{_CLAIM_NOUNS}\s+(?:which|that)?\s*(?:[\w.\u2019']+\s+){{0,5}}?(?:has\s+|have\s+|had\s+)?"
    rf"(?:reject(?:s|ed)?|refut(?:es|ed)?|disput(?:es|ed)|contest(?:s|ed)?|dismiss(?:es|ed)?)\b",
    re.IGNORECASE,
)
_DISPUTE_RE: Final = re.compile(r"\bdisput(?:e|es|ed|ing)\b", re.IGNORECASE)
_DISPUTE_NOUN_BEFORE_RE: Final = re.compile(
    r"(?:\b(?:the|a|an|in|of|no|territorial|legal|long-running|trade|border|pay|labou?r|contract|"
    r"family|land|bitter|ongoing|beyond|under|without|any)\s+)$",
    re.IGNORECASE,
)
_CONTEST_RE: Final = re.compile(
    rf"\bcontest(?:s|ed|ing)?\s+(?:(?:the|these|those|this|such|all|any)\s+)?{_CLAIM_NOUNS}\b",
    re.IGNORECASE,
)
_INSIST_CONT_RE: Final = re.compile(
    r"\b(?:insist|maintain)(?:s|ed|ing)?\b[^.;!?]{0,100}?\b(?:continu(?:e|es|ed|ing)|ongoing|still)\b",
    re.IGNORECASE,
)
_INSIST_NEG_RE: Final = re.compile(
    r"\b(?:insist|maintain)(?:s|ed|ing)?\b(?:\s+that)?\s+(?:he|she|they|it|we|i|the\s+\w+|\w+)\s+"
    r"(?:(?:did|had|has|have|was|were|is|are|does|do|would|could)\s*(?:not|n['\u2019]t)|never)\b"
    r"|\bmaintain(?:s|ed|ing)?\s+(?:his|her|their|its|my|our)\s+innocence\b",
    re.IGNORECASE,
)
_SAID_CONT_RE: Final = re.compile(
    r"\b(?:said|says|say|stated|states|reported|reports|added|noted)\b[^.;!?]{0,120}?"
    r"\b(?:ongoing|continu(?:e|es|ed|ing)|under\s+way|underway)\b",
    re.IGNORECASE,
)
_COUNTER_MARK_RE: Final = re.compile(
    r"\b(?:despite|contrary\s+to|in\s+contrast\s+to|rather\s+than|notwithstanding)\b[^.;!?]{0,50}?"
    r"\b(?:claims?|assertions?|reports?|statements?|announcements?|insistence)\b",
    re.IGNORECASE,
)
_CONTRARY_RE: Final = re.compile(
    r"\bcontrary\s+to\b[^.;!?]{0,40}?\b(?:claims?|assertions?|reports?|statements?)\b", re.IGNORECASE
)
_DISMISS_RE: Final = re.compile(
    r"\bdismiss(?:es|ed|ing)?\b(?:(?:\s+[\w\u2019'.-]+){0,8}?\s+as\b|\s+(?:the|these|those|such|all|any)?\s*"
    r"(?:claims?|allegations?|accusations?|reports?|suggestions?|concerns|rumou?rs?|criticism)\b)",
    re.IGNORECASE,
)
_NO_EVIDENCE_RE: Final = re.compile(
    r"\bthere\s+(?:is|was|has\s+been|were|are|had\s+been)\s+(?:no|little|not\s+any)\s+(?:evidence|proof)\b"
    r"|\bno\s+(?:credible\s+|concrete\s+|hard\s+)?(?:evidence|proof)\b"
    r"|\bno\s+truth\s+(?:to|in)\b",
    re.IGNORECASE,
)
_NOT_TRUE_RE: Final = re.compile(
    r"\b(?:not|never)\s+(?:\w+ly\s+)?true\b|n['\u2019]t\s+(?:\w+ly\s+)?true\b|\buntrue\b", re.IGNORECASE
)
_FALSE_RE: Final = re.compile(
    r"\b(?:(?:is|was|are|were|be|been|as|completely|entirely|totally|patently|categorically|"
    r"demonstrably|simply|utterly|absolutely|wholly|blatantly|clearly)\s+false\b(?!\s+(?:alarm|start|"
    r"positive|negative|flag|teeth|ceiling|bottom|dawn|step|hope|pretences|pretenses|imprisonment))"
    r"|\bfalse\s+(?:claims?|reports?|allegations?|information|news|statements?|accusations?|narratives?|"
    r"rumou?rs?|assertions?|figures?|and\s+(?:misleading|defamatory|baseless|unfounded))\b)",
    re.IGNORECASE,
)
_BASELESS_RE: Final = re.compile(
    r"\b(?:baseless|groundless|unfounded|fabricat(?:ed|ion|ions)|fake\s+news|pleaded\s+not\s+guilty|"
    r"pleads?\s+not\s+guilty|pled\s+not\s+guilty|plead\s+not\s+guilty)\b",
    re.IGNORECASE,
)
# The rebuttal patterns reported with their first word, and the words (lower-cased substrings) each needs.
_DENIAL_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_REJECT_RE, ("reject", "refut", "rebut", "contradict")),
    (_CONTEST_RE, ("contest",)),
    (_DISMISS_RE, ("dismiss",)),
    (_NO_EVIDENCE_RE, ("evidence", "proof", "truth")),
    (_NOT_TRUE_RE, ("true",)),
    (_FALSE_RE, ("false",)),
    (_BASELESS_RE, ("baseless", "groundless", "unfounded", "fabricat", "fake", "guilty")),
    (_INSIST_NEG_RE, ("insist", "maintain")),
    (_CONTRARY_RE, ("contrary",)),
)
# Substring pre-check: most sentences hold none of these, and `in` is far cheaper than the regexes.
_DENIAL_HINTS: Final = (
    "deni", "deny", "reject", "refut", "rebut", "contradict", "disput", "contest", "insist", "maintain",
    "ongoing", "continu", "dismiss", "evidence", "proof", "truth", "true", "false", "baseless",
    "groundless", "unfounded", "fabricat", "fake", "guilty", "contrary",
)


def _has_denial_hint(low: str) -> bool:
    """``any(h in low for h in _DENIAL_HINTS)`` as one chain of ``in`` tests, hints sharing a first syllable
    behind it: most sentences hold none, so every test runs and the chain is shorter than the tuple."""
    return (
        ("den" in low and ("deni" in low or "deny" in low))
        or "reject" in low or "refut" in low or "rebut" in low
        or ("cont" in low and ("contradict" in low or "contest" in low or "continu" in low or "contrary" in low))
        or ("dis" in low and ("disput" in low or "dismiss" in low))
        or "insist" in low or "maintain" in low or "ongoing" in low or "evidence" in low or "proof" in low
        or ("tru" in low and ("truth" in low or "true" in low))
        or ("fa" in low and ("false" in low or "fake" in low or "fabricat" in low))
        or "baseless" in low or "groundless" in low or "unfounded" in low or "guilty" in low
    )


@lru_cache(maxsize=4096)
def _denial_spans(s: str) -> tuple[tuple[int, int], ...]:
    low = s.lower()
    if not _has_denial_hint(low):
        return ()
    # Past the gate, each pattern still needs its own words; only an odd letter (see fold_odd) makes the
    # lower-cased text an unsafe guide, and then every pattern runs.
    odd = fold_odd(s)

    def may(words: tuple[str, ...]) -> bool:
        return odd or any(w in low for w in words)

    spans: list[tuple[int, int]] = []
    for m in _DENY_RE.finditer(s) if may(("den",)) else ():
        before = s[max(0, m.start() - 40) : m.start()]
        if _NEG_BEFORE_RE.search(before):
            continue
        after = s[m.end() : m.end() + 60]
        if _REFUSAL_AFTER_RE.match(after):
            continue
        # "was denied entry" is a refusal; "the claims were denied" is a denial
        if _BE_BEFORE_RE.search(before) and not re.match(r"\s+by\b", after) \
                and not _CLAIM_SUBJECT_RE.search(before):
            continue
        spans.append((m.start(), m.end()))
    for rx, words in _DENIAL_PATTERNS:
        if not may(words):
            continue
        for m in rx.finditer(s):
            if rx is _DISMISS_RE and _BE_BEFORE_RE.search(s[max(0, m.start() - 30) : m.start()]):
                continue  # "was dismissed as coach"
            if rx is _REJECT_RE and _NEG_BEFORE_RE.search(s[max(0, m.start() - 40) : m.start()]):
                continue
            spans.append((m.start(), m.start() + len(m.group().split()[0])) if rx in (
                _REJECT_RE, _CONTEST_RE, _DISMISS_RE) else (m.start(), m.end()))
    for m in _REJECT_REL_RE.finditer(s) if may(("reject", "refut", "disput", "contest", "dismiss")) else ():
        tail = m.group()
        k = tail.lower().rfind(" ")
        spans.append((m.start() + k + 1, m.end()))
    for m in _DISPUTE_RE.finditer(s) if may(("disput",)) else ():
        before = s[max(0, m.start() - 30) : m.start()]
        if _DISPUTE_NOUN_BEFORE_RE.search(before) or _NEG_BEFORE_RE.search(before):
            continue
        after = s[m.end() : m.end() + 30]
        if re.match(r"\s+(?:over|about|between|with|territory|territories|region|regions|area|areas|"
                    r"island|islands|border|borders|election|elections|zone|land|lands)\b", after,
                    re.IGNORECASE):
            continue
        spans.append((m.start(), m.end()))
    for m in _INSIST_CONT_RE.finditer(s) if may(("insist", "maintain")) else ():
        w = re.search(r"(?:continu\w*|ongoing|still)$", m.group(), re.IGNORECASE)
        if w is not None:
            spans.append((m.start(), m.start() + len(m.group().split()[0])))
    if _COUNTER_MARK_RE.search(s):
        for m in _SAID_CONT_RE.finditer(s):
            spans.append((m.start(), m.start() + len(m.group().split()[0])))
    spans.sort()
    return tuple(spans)


def denial_cue(sentence: object) -> tuple[int, int] | None:
    """Offsets of the first cue that the sentence denies or rebuts a claim, else None."""
    if not isinstance(sentence, str):
        return None
    spans = _denial_spans(sentence)
    return spans[0] if spans else None


def is_denial(sentence: str) -> bool:
    return denial_cue(sentence) is not None


# --------------------------------------------------------------------------------------------
# Attribution
# --------------------------------------------------------------------------------------------

_ACCORDING_RE: Final = re.compile(r"\baccording\s+to\b", re.IGNORECASE)
_STATEMENT_BY_RE: Final = re.compile(
    r"\bin\s+(?:an?|the|its|his|her|their)\s+(?:\w+\s+)?(?:statement|post|interview|letter|report|video|"
    r"speech|message|release|press\s+release|filing|briefing|communiqu[e\u00e9]|tweet|email|broadcast)\s+"
    r"(?:(?:released|issued|published|posted|sent|given|made|carried|distributed|put\s+out)\s+)?"
    r"(?:by|from)\b",
    re.IGNORECASE,
)
_AS_REPORTED_BY_RE: Final = re.compile(
    r"\bas\s+(?:first\s+|previously\s+|earlier\s+)?(?:reported|announced|stated|confirmed|noted|"
    r"claimed|estimated|said)\s+by\b",
    re.IGNORECASE,
)
_PASSIVE_BY_RE: Final = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?(?:reported|announced|stated|confirmed|claimed|"
    r"estimated|denied|disputed|rejected|revealed|disclosed|acknowledged|predicted|alleged|said|accused|"
    r"described|called|criticised|criticized|condemned)\s+by\b",
    re.IGNORECASE,
)
_DOC_BY_RE: Final = re.compile(
    r"\b(?:statement|report|announcement|estimate|assessment|figures|data|study|survey|analysis|"
    r"communiqu[e\u00e9]|release|document|findings)s?\s+(?:released|issued|published|made|put\s+out|"
    r"compiled|provided|carried)\s+by\b",
    re.IGNORECASE,
)
_QUOTED_BY_RE: Final = re.compile(r",\s*(?:as\s+)?(?:quoted|cited)\s+by\b", re.IGNORECASE)
_QUOTED_AS_RE: Final = re.compile(r"\b(?:quoted|cited)\s+(.{1,80}?)\s+as\s+saying\b", re.IGNORECASE)
_HEDGE_RE: Final = re.compile(
    r"\b(?P<adv>reportedly|allegedly|purportedly|supposedly|reputedly|rumou?redly)\b"
    r"|\b(?:is|are|was|were|been|being)\s+(?P<pv>said|reported|believed|thought|alleged|rumou?red|"
    r"understood|claimed|estimated)\s+to\b"
    r"|\bit\s+(?:is|was|has\s+been|had\s+been)\s+(?P<it>said|reported|claimed|alleged|believed|"
    r"understood|thought|rumou?red)\s+that\b"
    r"|(?<=\s)(?P<bare>reported|alleged|rumou?red|said|believed|thought)\s+to\s+(?:have|be)\b",
    re.IGNORECASE,
)


_STATEMENT_NOUNS: Final = (
    "statement", "post", "interview", "letter", "report", "video", "speech", "message", "release", "filing",
    "briefing", "communiqu", "tweet", "email", "broadcast",
)
_HEDGE_WORDS: Final = (
    "edly", "said", "reported", "believed", "thought", "alleged", "rumored", "rumoured", "understood", "claimed",
    "estimated",
)


# _STATEMENT_BY_RE's nouns as it matches them: whole runs of letters (whitespace on both sides), "communiqué"
# ending its run of ASCII letters at the "é".
_STATEMENT_NOUN_RUNS: Final = frozenset([*_STATEMENT_NOUNS, "communique"])


def _has_statement_noun(low: str) -> bool:
    """``any(w in low for w in _STATEMENT_NOUNS)`` without the generator's cost."""
    return (
        "report" in low or "statement" in low or "post" in low or "interview" in low or "letter" in low
        or "video" in low or "speech" in low or "message" in low or "release" in low or "filing" in low
        or "briefing" in low or "communiqu" in low or "tweet" in low or "email" in low or "broadcast" in low
    )


def _has_hedge_word(low: str) -> bool:
    """``any(w in low for w in _HEDGE_WORDS)`` without the generator's cost; "said", the commonest, first."""
    return (
        "said" in low or "edly" in low or "reported" in low or "believed" in low or "thought" in low
        or "alleged" in low or ("rumo" in low and ("rumored" in low or "rumoured" in low))
        or "understood" in low or "claimed" in low or "estimated" in low
    )


def _folded(s: str) -> str | None:
    """``s`` lower-cased, for literal pre-checks that skip a case-insensitive pattern which cannot match.

    None when ``s`` holds a letter that matches an ASCII letter under IGNORECASE without lower-casing to
    it; the caller then runs the pattern."""
    return None if fold_odd(s) else s.lower()


def _hedge_speaker(word: str) -> str:
    w = word.lower()
    if w.startswith("alleg") or w.startswith("purport"):
        return "unnamed allegations"
    if w.startswith("report") or w.startswith("rumo"):
        return "unnamed reports"
    return "unnamed sources"


def _trim_np(toks: Sequence[_Tok], a: int, b: int) -> tuple[int, int]:
    """Drop leading articles/demonstratives and trailing punctuation tokens; b exclusive."""
    while a < b and toks[a].low in _ARTICLES:
        a += 1
    while b > a and not toks[b - 1].word:
        b -= 1
    return a, b


def _list_comma_ok(toks: Sequence[_Tok], j: int, first: int) -> bool:
    """Comma at j inside "U.S., South Korean, and Ukrainian ..." or "Smith, Jones and Brown"."""
    if j < 1 or not toks[j - 1].cap:
        return False
    k = first
    seen_cap = False
    while k < len(toks):
        t = toks[k]
        if t.low in ("and", "or"):
            return seen_cap or t is toks[first]
        if t.cap:
            seen_cap = True
        elif t.text != ",":
            return False
        k += 1
    return False


# The words _np_back tests a word token for, other than adverbs.
_NP_BACK_WORDS: Final = _ARTICLES | _NP_PREPS | _words("and") | _STOP | _SPEECH_VERBS | _PRONOUNS


def _np_back(toks: Sequence[_Tok], i: int) -> tuple[int, int, str | None]:
    """Noun phrase ending at token i (inclusive) scanning left. Returns (a, b_excl, stop_word)."""
    j = i
    count = 0
    while j >= 0 and count < 16:
        t = toks[j]
        if not t.word:
            if t.text == "," and j < i and _list_comma_ok(toks, j, j + 1):
                j -= 1
                count += 1
                continue
            if t.text == "&" and j < i and j > 0 and toks[j - 1].cap:
                j -= 1
                continue
            if t.text == "." and j > 0 and toks[j - 1].word and len(toks[j - 1].text) == 1:
                j -= 1
                continue
            break
        low = t.low
        if low not in _NP_BACK_WORDS and not low.endswith("ly"):
            # The commonest case, a plain word, which the tests below all let into the NP: each of them needs
            # one of these words (an adverb ends in "ly").
            j -= 1
            count += 1
            continue
        if low in _ARTICLES:
            if low in ("that", "this") and j == i:
                break
            if j > 0 and toks[j - 1].low in _NP_PREPS and j - 1 > 0 and toks[j - 2].word \
                    and toks[j - 2].low not in _STOP:
                j -= 1
                count += 1
                continue
            j -= 1
            return j + 1, i + 1, None
        if low in _NP_PREPS:
            if j == i or j == 0:
                break
            before = toks[j - 1]
            if not before.word or before.low in _STOP or before.low in _ARTICLES:
                break
            if low == "to" and before.low not in _TO_NOUNS:
                break
            if low == "with" and before.low not in ("familiar", "associated", "involved", "official",
                                                    "officials", "analyst", "analysts", "expert"):
                break
            j -= 1
            count += 1
            continue
        if low == "and":
            before_and = toks[j - 1] if j > 0 else None
            if before_and is not None and before_and.text == "," and j > 1 and toks[j - 2].cap:
                before_and = toks[j - 2]  # Oxford comma: "U.S., South Korean, and Ukrainian"
            if j == i or before_and is None or not (before_and.cap or before_and.low in _ANON_NOUNS):
                break
            if j + 1 <= i and not (toks[j + 1].cap or toks[j + 1].low in _ANON_NOUNS
                                   or toks[j + 1].low in _ARTICLES):
                break
            j -= 1
            count += 1
            continue
        if low in _STOP or (low in _SPEECH_VERBS and low not in _NOUNISH_VERBS and not t.cap):
            break
        if low in _PRONOUNS:
            if j == i:
                return j, j + 1, toks[j - 1].low if j > 0 else None
            break
        if _is_adverb(t):
            break
        j -= 1
        count += 1
    stop = toks[j].low if j >= 0 else None
    return j + 1, i + 1, stop


def _head_index(toks: Sequence[_Tok], a: int, b: int) -> int:
    """The head noun of an NP: the last word before the first NP-internal preposition."""
    for k in range(a + 1, b):
        if toks[k].low in _NP_PREPS or toks[k].low in ("familiar", "close", "briefed"):
            return k - 1
    return b - 1


def _bare(low: str) -> str:
    """``low`` without a final possessive ("'s", "'", curly or straight): ``re.sub(r"['\u2019]s?$", "", low)``
    for a token, which holds no line break, without the cost of ``re.sub``."""
    if low.endswith(("'s", "\u2019s")):
        return low[:-2]
    if low.endswith(("'", "\u2019")):
        return low[:-1]
    return low


def _classify(toks: Sequence[_Tok], a: int, b: int, sentence_start: int) -> str:
    """'named' or 'unnamed' for the NP toks[a:b] (articles not yet trimmed).

    Unnamed: the head is a plural common noun ("officials", "Rescue workers"), a source noun with an
    indefinite or quantifier determiner ("a spokesperson", "two officials") or a document noun with no
    owner ("Reports", "court documents"), and nothing else in the phrase is a proper name other than
    nationality/region adjectives ("U.S. and Ukrainian intelligence agencies"). Everything else,
    including definite roles ("the mayor", "police"), is named."""
    if b <= a:
        return "unnamed"
    first = toks[a]
    if b - a == 1 and first.low in _PRONOUNS:
        return "unnamed" if first.low == "they" else "named"
    h = _head_index(toks, a, b)
    head = toks[h]
    head_bare = _bare(head.low)
    listed = head_bare in _ANON_NOUNS or head_bare in _DOC_NOUNS
    if head.cap and not (head.start == sentence_start and (listed or h + 1 < b)):
        return "named"  # "Reuters", "the Houthis"; only a listed noun may start the sentence
    indefinite = first.low in _INDEFINITE or first.low in _QUANTIFIERS
    generic = _is_plural(head_bare) or (listed and indefinite) or head_bare in _DOC_NOUNS \
        or head_bare == "intelligence"
    if not generic:
        return "named"
    for k in range(a, b):
        t = toks[k]
        if not t.cap or k == h:
            continue
        if t.low in _ANON_NOUNS or t.low in _DOC_NOUNS or t.low in _ARTICLES or t.low in _QUANTIFIERS:
            continue
        if _is_nationality(t):
            continue
        if t.start == sentence_start and k + 1 < b and toks[k + 1].word and not toks[k + 1].cap \
                and not t.text.isupper():
            continue  # sentence-initial capital on a common adjective: "Senior officials said"
        return "named"
    return "unnamed"


def _classify_text(speaker: str) -> str:
    toks = _tokenize(speaker)
    return _classify(toks, 0, len(toks), -1)


def _proper(toks: Sequence[_Tok], k: int, b: int) -> bool:
    """Capitalised for a reason other than starting the sentence ("Senior officials" is not)."""
    t = toks[k]
    if not t.cap:
        return False
    return not (k == 0 and k + 1 < b and toks[k + 1].word and not toks[k + 1].cap and not t.text.isupper())


def _owner(toks: Sequence[_Tok], a: int, b: int) -> tuple[int, int] | None:
    """For a document NP ("estimates from South Korea", "KCNA's report"), the owner's token range."""
    a2 = a
    while a2 < b and (toks[a2].low in _ARTICLES or toks[a2].low in _QUANTIFIERS):
        a2 += 1
    for k in range(a2, b):
        low = toks[k].low
        if low in _DOC_NOUNS and (not toks[k].cap or k == 0):  # "Geological Survey" is a name
            nxt = toks[k + 1].low if k + 1 < b else ""
            if nxt in ("from", "by", "in") and k + 2 < b:
                return k + 2, b
            if nxt in ("released", "issued", "published", "made", "compiled", "provided") and k + 3 < b \
                    and toks[k + 2].low == "by":
                return k + 3, b
            if k > a2:
                prev = toks[k - 1]
                if prev.text.endswith(("'s", "\u2019s", "s'", "s\u2019")):
                    return a2, k
                proper = [_proper(toks, x, b) for x in range(a2, k)]
                if any(p and not _is_nationality(toks[x]) for x, p in zip(range(a2, k), proper,
                                                                          strict=True)) or (
                        any(proper) and not toks[k - 1].cap):
                    return a2, k
            return None
        if not toks[k].word:
            return None
    return None


_POSSESSIVE_PRONOUNS: Final = _words("his her its their my our your")


def _opens_sentence(sentence: str, toks: Sequence[_Tok], a: int) -> bool:
    """True when only punctuation or quoted words precede token a: the pronoun then refers back to
    the previous sentence ("He said ...", "“...,” she said") rather than to a name in this one."""
    if a == 0:
        return True
    spans = [(q.start, q.end) for q in find_quotes(sentence)]
    return all(not t.word or _in_spans(t.start, spans) for t in toks[:a])


def _make_attr(
    sentence: str,
    toks: Sequence[_Tok],
    a: int,
    b: int,
    cue: tuple[int, int],
    previous_speaker: str | None,
) -> Attribution | None:
    if b <= a:
        return None
    sent_start = toks[0].start if toks else 0
    pronoun = b - a == 1 and toks[a].low in _PRONOUNS
    possessive = toks[a].low in _POSSESSIVE_PRONOUNS and b - a <= 3 and not any(t.cap for t in toks[a + 1:b])
    if pronoun or possessive:
        if toks[a].low in ("i", "we", "you", "my", "our", "your"):
            return None  # first/second person outside quotes is the author or reader
        if previous_speaker and _opens_sentence(sentence, toks, a):
            return Attribution(previous_speaker, _classify_text(previous_speaker), cue[0], cue[1])
        s0, s1 = toks[a].start, toks[b - 1].end
        kind = "unnamed" if toks[a].low in ("they", "their") else "named"
        return Attribution(sentence[s0:s1], kind, cue[0], cue[1], s0, s1)
    own = _owner(toks, a, b)
    if own is not None:
        oa, ob = _trim_np(toks, *own)
        if ob > oa:
            kind = _classify(toks, oa, ob, sent_start)
            s0 = toks[oa].start
            s1 = toks[ob - 1].end
            text = sentence[s0:s1]
            if text.endswith(("'s", "\u2019s")):
                s1 -= 2
            elif text.endswith(("s'", "s\u2019")):
                s1 -= 1
            return Attribution(sentence[s0:s1], kind, cue[0], cue[1], s0, s1)
    kind = _classify(toks, a, b, sent_start)
    ta, tb = _trim_np(toks, a, b)
    if tb <= ta:
        return None
    s0, s1 = toks[ta].start, toks[tb - 1].end
    return Attribution(sentence[s0:s1], kind, cue[0], cue[1], s0, s1)


def _np_fwd(toks: Sequence[_Tok], i: int) -> int:
    """End (exclusive) of the NP starting at token i scanning right."""
    j = i
    n = len(toks)
    while j < n and toks[j].low in _ARTICLES and toks[j].low not in ("that", "this"):
        j += 1
    count = 0
    while j < n and count < 16:
        t = toks[j]
        low = t.low
        nxt = toks[j + 1] if j + 1 < n else None
        if not t.word:
            if t.text == "," and nxt is not None and j > i and toks[j - 1].cap and (
                    nxt.cap or (nxt.low in ("and", "or") and j + 2 < n and toks[j + 2].cap)):
                # only a list if an "and"/"or" of capitalised items follows
                k = j + 1
                ok = False
                while k < n and k < j + 12:
                    if toks[k].low in ("and", "or"):
                        ok = True
                        break
                    if not (toks[k].cap or toks[k].text == ","):
                        break
                    k += 1
                if ok:
                    j += 1
                    continue
            if t.text == "&" and nxt is not None and nxt.cap:
                j += 1
                continue
            break
        if low in _TIME_WORDS and (t.cap or low in ("today", "yesterday", "tonight")):
            break
        if low == "by" and not (j > i and toks[j - 1].low in _DOC_NOUNS):
            break  # "said the mayor by phone"
        if (low in _NP_PREPS or low == "by") and j > i:
            prev = toks[j - 1].low
            if nxt is None:
                break
            nxt_ok = nxt.cap and nxt.low not in _TIME_WORDS
            nxt_the = nxt.low == "the" and j + 2 < n and toks[j + 2].cap
            if low in ("of", "for"):
                if not (nxt.word and nxt.low not in _STOP and nxt.low not in _PRONOUNS):
                    break
            elif (low == "with" and prev == "familiar") or (low == "to" and prev in _TO_NOUNS) or (
                    low == "on" and prev == "briefed"):
                pass
            elif low == "to":
                break
            elif low in ("from", "by") and prev in _DOC_NOUNS and nxt.word and nxt.low not in _STOP:
                pass  # "a statement from the company"
            elif not (nxt_ok or nxt_the):
                break
            j += 1
            count += 1
            if toks[j].low in _ARTICLES:
                j += 1
            continue
        if low == "and":
            if nxt is not None and nxt.cap and j > i and toks[j - 1].cap:
                j += 1
                continue
            break
        if low in _STOP or (low in _SPEECH_VERBS and low not in _NOUNISH_VERBS) or (
                low in _PRONOUNS and j > i) or _is_adverb(t):
            break
        if low in _ARTICLES:
            break
        if low[0].isdigit() and j > i and toks[j - 1].low not in _ARTICLES:
            break  # "According to the ministry 40 people died": the number starts the clause
        if not t.cap and low.endswith("ed") and j > i and toks[j - 1].cap:
            break  # "the Commission echoed ...": a verb after a name
        j += 1
        count += 1
    while j > i and not toks[j - 1].word:
        j -= 1
    return j


_INVERTED_FOLLOW: Final = _words(
    "who in on at by via over adding according after during when as while citing referring speaking "
    "before told "
    "today yesterday tonight earlier later last this"
)


def _token_index_at(toks: Sequence[_Tok], pos: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


# The words _skip_back steps over or tests, other than adverbs, negations in "n't" and years.
_SKIP_BACK_WORDS: Final = _words("not never nor") | _BE | _HAVE | _MODAL | _BETWEEN | _TIME_WORDS | _CONTEXT_NOUNS


def _skip_back(toks: Sequence[_Tok], i: int) -> tuple[int, bool, bool]:
    """From token i (the one before a cue) skip adverbs, auxiliaries and time phrases leftwards.

    Returns (index of the NP's last token, passive?, negated?)."""
    passive = False
    negated = False
    while i >= 0:
        t = toks[i]
        low = t.low
        if low not in _SKIP_BACK_WORDS and not low.endswith(("n't", "n\u2019t", "ly")) and not t.text.isdigit():
            break  # the commonest case, a plain word: each test below needs one of these (adverbs end in "ly")
        if low in ("not", "never", "nor") or low.endswith(("n't", "n\u2019t")):
            negated = True  # "X did not say", "nor have they acknowledged": no assertion
            i -= 1
            continue
        if low in _BE:
            passive = True
            i -= 1
            continue
        if low in _HAVE or low in _MODAL or low in _BETWEEN or _is_adverb(t):
            i -= 1
            continue
        if low in _TIME_WORDS or (t.text.isdigit() and len(t.text) == 4):
            k = i - 1
            while k >= 0 and toks[k].low in _TIME_PREPS:
                k -= 1
            i = k
            continue
        if low in _CONTEXT_NOUNS and i >= 2 and toks[i - 1].low in ("a", "an", "the", "its", "his",
                                                                     "her", "their") \
                and toks[i - 2].low in ("in", "during", "at"):
            i -= 3
            continue
        break
    return i, passive, negated


_RELATIVES: Final = _words("who which that")


def _subject_before(
    toks: Sequence[_Tok], ci: int
) -> tuple[int, int, bool] | None:
    """Subject NP for the verb at token ci: (a, b_excl, subordinate) or None."""
    i, passive, negated = _skip_back(toks, ci - 1)
    if passive or negated or i < 0:
        return None
    t = toks[i]
    if t.low in _RELATIVES:
        # "Smith, who said ...": the relative pronoun's antecedent is the speaker
        k = i - 1
        if k >= 0 and toks[k].text == ",":
            k -= 1
        if k < 0 or not toks[k].word:
            return None
        a, b, stop = _np_back(toks, k)
        return (a, b, stop in _SUBORDINATORS) if b > a else None
    if t.text == ",":
        return _subject_over_appositives(toks, i)
    if not t.word:
        return None
    a, b, stop = _np_back(toks, i)
    if b <= a:
        return None
    # A relative pronoun within five words before the NP matters only after an auxiliary stop word: looked
    # for only then.
    if stop is not None and a - 1 >= 0 and (
            stop == "who" or ((stop in _BE or stop in _HAVE or stop in _MODAL)
                              and any(toks[k].low in _RELATIVES for k in range(max(0, a - 5), a)))):
        # restrictive relative: "Officials who spoke on condition of anonymity said"
        k = a - 1
        while k >= 0 and toks[k].low not in _RELATIVES:
            k -= 1
        if k - 1 >= 0 and toks[k - 1].word and toks[k - 1].low not in _STOP:
            a2, b2, stop2 = _np_back(toks, k - 1)
            if b2 > a2:
                return a2, b2, stop2 in _SUBORDINATORS
    head = toks[b - 1]
    if head.low in _ARTICLES or (head.low in _QUANTIFIERS and b - a == 1):
        return None
    if stop == ")" or stop in _MODAL or stop in _HAVE or stop in _BE:
        return None  # "(DPRK) special forces indicates", "Should Russia confirm": not a subject
    return a, b, stop in _SUBORDINATORS


_APPOSITIVE_START: Final = _words(
    "a an who which whose speaking quoted citing in on at according however meanwhile though also "
    "for the himself herself itself themselves then too writing asked interviewed"
)


_CLAUSE_OPENERS: Final = _SUBORDINATORS | _words("and but so yet then meanwhile however also that or nor")
_BY_PARTICIPLES: Final = _words("made released issued published put carried compiled provided signed")


def _subject_over_appositives(toks: Sequence[_Tok], comma: int) -> tuple[int, int, bool] | None:
    """Verb preceded by a comma: "X, a former commander, said" / "X, 34, a shopkeeper, said"."""
    end = comma
    by_np: tuple[int, int] | None = None
    for depth in range(4):
        k = end - 1
        while k >= 0 and toks[k].text not in _SEGMENT_BREAKS:
            k -= 1
        if k < 0 or toks[k].text != ",":
            return None
        seg_a = k + 1
        if seg_a >= end:
            return None
        if depth == 0 and toks[seg_a].low in _BY_PARTICIPLES and seg_a + 2 < end \
                and toks[seg_a + 1].low == "by":
            by_np = (seg_a + 2, end)  # "The announcement, made by KCNA, stated"
        j = k - 1
        if j < 0 or not toks[j].word:
            return None
        a, b, stop = _np_back(toks, j)
        if b <= a:
            return None
        first = toks[a]
        if (first.text.isdigit() or first.low in _APPOSITIVE_START or _is_adverb(first)) and a > 0 \
                and toks[a - 1].text == ",":
            end = k
            continue
        if a > 0 and toks[a - 1].word and toks[a - 1].low not in _CLAUSE_OPENERS:
            return None  # the segment is not a clean noun phrase (e.g. a clause)
        if depth == 0 and all(t.cap for t in toks[seg_a:end]) and not toks[b - 1].cap \
                and toks[b - 1].low not in _PRONOUNS:
            return seg_a, end, stop in _SUBORDINATORS  # "His lawyer, Mark Brown, said": the name
        if by_np is not None and toks[_head_index(toks, a, b)].low in _DOC_NOUNS \
                and _owner(toks, a, b) is None:
            ba, bb = by_np
            return ba, _np_fwd(toks, ba) if _np_fwd(toks, ba) > ba else bb, stop in _SUBORDINATORS
        return a, b, stop in _SUBORDINATORS
    return None


_SEGMENT_BREAKS: Final = frozenset([",", ";", ":", "\u201c", "\u201d", "\"", "(", "\u2014", "\u2013"])
_NOUN_FOLLOWERS: Final = _words(
    "of from by about on and were was is are have has had suggest suggested indicate indicated say said "
    "show showed"
)


def _is_noun_use(toks: Sequence[_Tok], ci: int) -> bool:
    """True when an ambiguous cue form ("reports", "claims") is used as a noun."""
    prev = toks[ci - 1] if ci > 0 else None
    nxt = toks[ci + 1] if ci + 1 < len(toks) else None
    if prev is None or not prev.word:
        return True
    if prev.low in _NOT_NP_BEFORE_VERB or prev.text.endswith(("'s", "\u2019s", "s'", "s\u2019")):
        return True
    return nxt is not None and (nxt.low in _NOUN_FOLLOWERS or nxt.low in _SPEECH_VERBS)


def _cue_tokens(sentence: str, toks: Sequence[_Tok], qspans: Sequence[tuple[int, int]]) -> Iterable[int]:
    # Few tokens are cue words: one cheap pass finds them before the checks that need their neighbours.
    for ci in [k for k, t in enumerate(toks) if t.low in _SPEECH_VERBS]:
        t = toks[ci]
        if not t.word or t.cap:
            continue
        if _in_spans(t.start, qspans):
            continue
        # The denial cues are looked for only here, at a reaction verb, which few sentences hold.
        if t.low in _REACTION_VERBS and not _in_spans(t.start, _denial_spans(sentence)):
            continue
        prev = toks[ci - 1] if ci > 0 else None
        nxt = toks[ci + 1] if ci + 1 < len(toks) else None
        if t.low == "said":
            if prev is not None and prev.low in ("the", "aforementioned", "this", "that"):
                continue  # "the said agreement"
            if nxt is not None and nxt.low == "to" and ci + 2 < len(toks) and toks[ci + 2].low in (
                    "be", "have"):
                continue  # "is said to be": a hedge, handled elsewhere
        if t.low in _NOUNISH_VERBS and _is_noun_use(toks, ci):
            continue
        if t.low in ("believe", "believes") and prev is not None and prev.low in _PRONOUNS \
                and prev.low in ("i", "we"):
            continue
        if t.low in ("told", "asked") and prev is not None and prev.low in _BE:
            continue
        if t.low == "found" and (nxt is None or nxt.low != "that"):
            continue  # "found that" reports a conclusion; "found a body" does not
        if t.low in _NAMING_VERBS and nxt is not None and (
                nxt.low in ("as", "for", "on", "off", "in", "up", "back", "out", "to", "upon")
                or (ci >= 2 and toks[ci - 2].low in ("a", "an"))):
            continue
        yield ci


def _attr_from_cue(sentence: str, toks: Sequence[_Tok], ci: int,
                   previous_speaker: str | None) -> tuple[Attribution, bool] | None:
    t = toks[ci]
    cue = (t.start, t.end)
    prev = toks[ci - 1] if ci > 0 else None
    subj = _subject_before(toks, ci)
    if subj is not None and t.low in _DOC_ONLY_VERBS \
            and _bare(toks[_head_index(toks, subj[0], subj[1])].low) not in _DOC_NOUNS:
        return None
    if subj is not None and (prev is None or prev.text == "," or prev.word):
        attr = _make_attr(sentence, toks, subj[0], subj[1], cue, previous_speaker)
        if attr is not None:
            return attr, subj[2]
    # Inverted: "..., said X." or a closing quote then "said X"
    if prev is not None and prev.text in (",", "\u201d", "\"", "\u2019", "'", "\u2014", "\u2013") \
            and ci + 1 < len(toks) and toks[ci + 1].word:
        end = _np_fwd(toks, ci + 1)
        if end > ci + 1:
            after = toks[end] if end < len(toks) else None
            if after is None or (not after.word and after.text != "(") or after.low in _INVERTED_FOLLOW:
                attr = _make_attr(sentence, toks, ci + 1, end, cue, previous_speaker)
                if attr is not None:
                    return attr, False
    return None


def _attr_forward(sentence: str, toks: Sequence[_Tok], start_pos: int, cue: tuple[int, int],
                  previous_speaker: str | None) -> Attribution | None:
    i = _token_index_at(toks, start_pos)
    if i >= len(toks) or not toks[i].word:
        return None
    end = _np_fwd(toks, i)
    if end - i >= 2 and end < len(toks) and not toks[end - 1].cap and toks[end - 1].low not in _ANON_NOUNS:
        nxt = toks[end]
        if nxt.low in _ARTICLES or nxt.low in _POSSESSIVE_PRONOUNS or nxt.low == "to":
            end -= 1  # "Estimates from the UN put the toll ...": the last word was the verb
    return _make_attr(sentence, toks, i, end, cue, previous_speaker)


def _quote_only(sentence: str, quotes: Sequence[Quote]) -> bool:
    body = sentence.strip()
    if not body or not quotes:
        return False
    covered = sum(q.end - q.start for q in quotes)
    return covered >= 0.6 * len(body)


_TOKEN_CUE_WORDS: Final = _SPEECH_VERBS | _OWNER_DOC_NOUNS


def find_attribution(sentence: object, previous_speaker: object = None) -> Attribution | None:
    """Who the article says asserted ``sentence`` (see the module docstring), or None."""
    if not isinstance(sentence, str) or not sentence.strip():
        return None
    if previous_speaker is not None and not isinstance(previous_speaker, str):
        previous_speaker = None
    try:
        return _find_attribution(sentence, previous_speaker or None)
    except (IndexError, ValueError, RecursionError):  # defensive: never raise on odd input
        return None


@lru_cache(maxsize=4096)
def _find_attribution(sentence: str, previous_speaker: str | None) -> Attribution | None:
    if not sentence.strip():
        return None  # no tokens
    # Each pattern below needs a word the lower-cased sentence must then contain; most sentences lack them.
    low = _folded(sentence)
    by = low is None or "by" in low
    # A token whose lower case is a cue or document-noun word is a run of ASCII letters: without such a
    # run, the word loops below have nothing to find.
    runs = None if low is None else letter_runs(sentence)
    cue_words = runs is None or not _TOKEN_CUE_WORDS.isdisjoint(runs)
    memo: list[list[_Tok]] = []

    def tokens() -> list[_Tok]:
        # Only the cue patterns that match and the cue words need tokens; hedges and a continued quote do
        # without, so about half of all sentences are never tokenised.
        if not memo:
            memo.append(_tokenize(sentence))
        return memo[0]

    quotes = find_quotes(sentence)
    qspans = [(q.start, q.end) for q in quotes]
    # (rank, position, attribution); lower rank wins, then earlier position
    cands: list[tuple[int, int, Attribution]] = []

    def add(rank: int, attr: Attribution | None) -> None:
        if attr is not None and attr.speaker.strip():
            cands.append((rank, attr.cue_start, attr))

    if low is None or "according" in low:
        for m in _ACCORDING_RE.finditer(sentence):
            if not _in_spans(m.start(), qspans):
                add(0, _attr_forward(sentence, tokens(), m.end(), (m.start(), m.end()), previous_speaker))
    by_patterns = (_STATEMENT_BY_RE, _AS_REPORTED_BY_RE, _PASSIVE_BY_RE) if by else (
        (_STATEMENT_BY_RE,) if low is not None and "from" in low else ())
    for rx in by_patterns:
        if rx is _STATEMENT_BY_RE and low is not None and (
                _STATEMENT_NOUN_RUNS.isdisjoint(runs) if runs is not None else not _has_statement_noun(low)):
            continue
        for m in rx.finditer(sentence):
            if not _in_spans(m.start(), qspans):
                add(0, _attr_forward(sentence, tokens(), m.end(), (m.start(), m.end()), previous_speaker))
    for m in _QUOTED_AS_RE.finditer(sentence) if low is None or "saying" in low else ():
        if not _in_spans(m.start(), qspans):
            add(0, _attr_forward(sentence, tokens(), m.start(1), (m.start(), m.end()), previous_speaker))
    for m in _QUOTED_BY_RE.finditer(sentence) if by else ():
        if _in_spans(m.start(), qspans):
            continue
        toks = tokens()
        ci = _token_index_at(toks, m.start())
        if ci > 0 and toks[ci - 1].word:
            a, b, stop = _np_back(toks, ci - 1)
            cue = (m.start() + len(m.group()) - len(m.group().lstrip(", ")), m.end())
            add(0 if stop not in _SUBORDINATORS else 1,
                _make_attr(sentence, toks, a, b, cue, previous_speaker))
    toks = tokens() if cue_words else []
    for ci in _cue_tokens(sentence, toks, qspans):
        got = _attr_from_cue(sentence, toks, ci, previous_speaker)
        if got is not None:
            attr, sub = got
            add(1 if sub else 0, attr)
    if cands:
        cands.sort(key=lambda c: (c[0], c[1]))
        return cands[0][2]
    # weaker evidence: "X's statement", "the statement released by X"
    for m in _DOC_BY_RE.finditer(sentence) if by else ():
        if not _in_spans(m.start(), qspans):
            add(2, _attr_forward(sentence, tokens(), m.end(), (m.start(), m.end()), previous_speaker))
    for k, t in enumerate(toks):
        if t.low in _OWNER_DOC_NOUNS and k + 2 < len(toks) and toks[k + 1].low in ("from", "by") \
                and not _in_spans(t.start, qspans):
            # "Estimates from the UN put the toll at 500"
            add(2, _attr_forward(sentence, toks, toks[k + 2].start, (t.start, toks[k + 1].end),
                                 previous_speaker))
            continue
        if t.low in _OWNER_DOC_NOUNS and k > 0 and not _in_spans(t.start, qspans):
            p = toks[k - 1]
            if p.text.endswith(("'s", "\u2019s")) and p.word and (p.cap or p.low in _ANON_NOUNS):
                a, _b, _stop = _np_back(toks, k - 1)
                if a <= k - 1:
                    own_a, own_b = _trim_np(toks, a, k)
                    if own_b > own_a:
                        s0, s1 = toks[own_a].start, toks[own_b - 1].end - 2
                        add(2, Attribution(sentence[s0:s1], _classify(toks, own_a, own_b, toks[0].start),
                                           p.end - 2, t.end, s0, s1))
            elif p.cap and not _is_nationality(p) and p.start != toks[0].start and k + 1 < len(toks) \
                    and toks[k + 1].word:
                a, _b, _stop = _np_back(toks, k - 1)
                own_a, own_b = _trim_np(toks, a, k)
                if own_b > own_a and all(x.cap for x in toks[own_a:own_b]):
                    s0, s1 = toks[own_a].start, toks[own_b - 1].end
                    add(2, Attribution(sentence[s0:s1], "named", t.start, t.end, s0, s1))
    hedged = low is None or _has_hedge_word(low)
    for m in _HEDGE_RE.finditer(sentence) if hedged else ():
        if _in_spans(m.start(), qspans):
            continue
        gname = m.lastgroup or "adv"
        word = m.group(gname) or ""
        cs, ce = m.span(gname) if gname == "adv" else m.span()
        add(3, Attribution(_hedge_speaker(word), "unnamed", cs, ce))
    if cands:
        cands.sort(key=lambda c: (c[0], c[1]))
        return cands[0][2]
    if previous_speaker and _quote_only(sentence, quotes):
        q = quotes[0]
        a = q.start - 1 if q.start > 0 and _QUOTE_CHAR_RE.match(sentence, q.start - 1) else q.start
        e = quotes[-1].end
        b = e + 1 if e < len(sentence) and _QUOTE_CHAR_RE.match(sentence, e) else e
        return Attribution(previous_speaker, _classify_text(previous_speaker), a, b)
    return None


# --------------------------------------------------------------------------------------------
# Clauses with a second party's reaction
# --------------------------------------------------------------------------------------------

_REACTION_NOUNS: Final = (
    r"(?:statement|claim|assertion|allegation|accusation|charge|report|account|figure|version|"
    r"contention|characteri[sz]ation|description|suggestion|view|position|finding|conclusion|estimate|"
    r"number|narrative|story|notion|idea|move|step|decision)s?"
)
_SPLIT_RE: Final = re.compile(
    rf"(?P<rel>,\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+)?{_REACTION_NOUNS}\s+(?:which\s+|that\s+)?"
    r"|something\s+(?:which\s+|that\s+)?|which\s+))"
    r"|(?P<conj>(?:,|;|\s[\u2014\u2013])\s*(?=(?:although|though|but|while|whereas|yet)\s))"
    r"|(?P<desp>(?:,|\s[\u2014\u2013])?\s+(?=despite\s))"
    r"|(?P<semi>;\s+)"
    r"|(?P<dash>\s[\u2014\u2013]\s*)",
    re.IGNORECASE,
)
_DESPITE_RE: Final = re.compile(
    r"despite\s+(?:(?P<np>.{1,80}?)\s+(?P<v>denying|disputing|rejecting|contesting|dismissing|"
    r"refuting|insisting|saying|claiming|arguing|maintaining|stating|warning|reporting)\b"
    r"|(?P<np2>[^,;]{1,80}?)['\u2019]s?\s+(?P<n>claims?|denials?|assertions?|insistence|statements?|"
    r"reports?|assurances?|announcements?|estimates?|warnings?)\b"
    r"|(?P<n3>claims?|denials?|assertions?|assurances?|reports?|statements?)\s+(?:from|by)\s+"
    r"(?P<np3>[^,;]{1,80}))",
    re.IGNORECASE,
)
_COMMA_SEMI_RE: Final = re.compile("[,;]")
# The words a boundary of _SPLIT_RE at a comma needs (other than "despite"): a relative or contrastive word,
# or a determiner and one of _REACTION_NOUNS.
_SPLIT_WORDS: Final = _words("something which although though but while whereas yet")
_SPLIT_DETERMINERS: Final = _words("a an the")
_REACTION_NOUN_WORDS: Final = frozenset(
    w + plural
    for w in (
        "statement claim assertion allegation accusation charge report account figure version contention "
        "characterisation characterization description suggestion view position finding conclusion estimate "
        "number narrative story notion idea move step decision"
    ).split()
    for plural in ("", "s")
)
_LEADING_DESPITE_RE: Final = re.compile(r"\s*(?:Despite|Notwithstanding)\s+[^,;]{1,120}?,\s*")
_TAIL_RE: Final = re.compile(
    r"[\s.,;:!?\u2014\u2013]+|\b(?:on|last|this|late|early|in|a|an|the|statement|interview|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|week|night|morning|"
    r"evening|afternoon)\b",
    re.IGNORECASE,
)
_TRIM_CHARS: Final = " \t\n\r\f\v,;\u2014\u2013"


def _trimmed(s: str, a: int, b: int) -> tuple[int, int]:
    while a < b and s[a] in _TRIM_CHARS:
        a += 1
    while b > a and s[b - 1] in _TRIM_CHARS:
        b -= 1
    return a, b


def _shift(attr: Attribution | None, d: int) -> Attribution | None:
    if attr is None or d == 0:
        return attr
    return Attribution(
        attr.speaker, attr.kind, attr.cue_start + d, attr.cue_end + d,
        attr.speaker_start + d if attr.speaker_start >= 0 else -1,
        attr.speaker_end + d if attr.speaker_end >= 0 else -1,
    )


def _despite_attr(sentence: str, a: int, b: int) -> Attribution | None:
    seg = sentence[a:b]
    m = _DESPITE_RE.match(seg)
    if m is None:
        return None
    if m.group("np") is not None:
        g, cue = "np", "v"
    elif m.group("np2") is not None:
        g, cue = "np2", "n"
    else:
        g, cue = "np3", "n3"
    npa, npb = m.span(g)
    sub = seg[npa:npb]
    toks = _tokenize(sub)
    if not toks or len(toks) > 12 or not toks[-1].word:
        return None
    if g == "np3":
        end = _np_fwd(toks, 0)
        if end == 0:
            return None
        toks = toks[:end]
    ta, tb = _trim_np(toks, 0, len(toks))
    if tb <= ta:
        return None
    if any(t.low in _STOP for t in toks[ta:tb]):
        return None
    kind = _classify(toks, 0, len(toks), -1)
    s0, s1 = toks[ta].start, toks[tb - 1].end
    text = sub[s0:s1]
    if text.endswith(("'s", "\u2019s")):
        s1 -= 2
    c0, c1 = m.span(cue)
    return Attribution(sub[s0:s1], kind, a + c0, a + c1, a + npa + s0, a + npa + s1)


def _split_matches(sentence: str, pos: int) -> Iterable[re.Match[str]]:
    """``_SPLIT_RE.finditer(sentence, pos)``, faster when the sentence has no dash and no "despite": then a
    boundary can only start at a comma or semicolon, so only those places are tried."""
    low = _folded(sentence)
    if low is None or "despite" in low or "\u2014" in sentence or "\u2013" in sentence:
        yield from _SPLIT_RE.finditer(sentence, pos)
        return
    if ";" not in sentence:
        runs = letter_runs(sentence)
        if runs is not None and _SPLIT_WORDS.isdisjoint(runs) and (
                _SPLIT_DETERMINERS.isdisjoint(runs) or _REACTION_NOUN_WORDS.isdisjoint(runs)):
            return  # every boundary at a comma needs one of these words, each a whole run of letters
    while (c := _COMMA_SEMI_RE.search(sentence, pos)) is not None:
        m = _SPLIT_RE.match(sentence, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()  # never empty: every branch consumes a character


def _accept_split(sentence: str, m: re.Match[str], prev_cut: int) -> tuple[int, Attribution] | None:
    """If boundary ``m`` starts a second party's reaction, return (clause start, its attribution)."""
    kind = m.lastgroup
    start = m.end() if kind in ("semi", "dash") else m.start()
    while start < len(sentence) and sentence[start] in _TRIM_CHARS:
        start += 1
    if start >= len(sentence) or not sentence[prev_cut:m.start()].strip(_TRIM_CHARS):
        return None
    rest = sentence[start:]
    if kind == "desp":
        end = len(sentence)
        c = sentence.find(",", start)
        if c != -1:
            end = c
        attr = _despite_attr(sentence, start, end)
        return (start, attr) if attr is not None else None
    if kind == "rel" and not _rel_reaction(rest):
        return None  # decided before the costly attribution, which cannot change the answer
    attr = _shift(find_attribution(rest), start)
    if attr is None or attr.speaker.startswith("unnamed "):
        return None
    if kind in ("semi", "dash") and not _TAIL_RE.sub("", sentence[attr.cue_end:]):
        return None  # "The army advanced -- officials said.": a tag on the first part, not a reaction
    return start, attr


def _rel_reaction(rest: str) -> bool:
    """Whether a relative clause (", which ...") can be a second party's reaction."""
    if "," in rest.rstrip(",. "):
        return False  # an embedded relative clause, not a tail reaction
    return bool(_denial_spans(rest)) or re.search(
        r"\b(?:confirm|acknowledg|admit|accept|question|challeng|describ|call|label)\w*", rest,
        re.IGNORECASE) is not None


@lru_cache(maxsize=4096)
def _clause_cuts(sentence: str) -> tuple[tuple[int, Attribution | None], ...]:
    """Where a second party's clause starts, with its attribution (None: the speaker is found later)."""
    cuts: list[tuple[int, Attribution | None]] = []
    prev_cut = 0
    lead = _LEADING_DESPITE_RE.match(sentence)
    if lead is not None:
        la, lb = _trimmed(sentence, lead.start(), lead.end())
        dattr = _despite_attr(sentence, la, lb)
        if dattr is not None:
            cuts.append((la, dattr))
            cuts.append((lead.end(), None))
            prev_cut = lead.end()
    qspans = [(q.start, q.end) for q in find_quotes(sentence)]
    for m in _split_matches(sentence, prev_cut):
        if m.start() < prev_cut or _in_spans(m.start(), qspans):
            continue
        got = _accept_split(sentence, m, prev_cut)
        if got is not None:
            cuts.append(got)
            prev_cut = got[0]
    return tuple(cuts)


def may_split_clauses(sentence: object) -> bool:
    """False when ``split_attributed_clauses(sentence)`` surely returns at most one clause: no second
    party's reaction is attached. Much cheaper than the split itself, which most sentences do not need."""
    if not isinstance(sentence, str):
        return False
    a0, b0 = _trimmed(sentence, 0, len(sentence))
    if a0 >= b0:
        return False
    try:
        return bool(_clause_cuts(sentence))
    except (IndexError, ValueError, RecursionError):
        return False  # the split falls back to one clause


def split_attributed_clauses(sentence: object) -> tuple[Clause, ...]:
    """Cut a sentence where a second party's reaction is attached (see module docstring)."""
    if not isinstance(sentence, str):
        return ()
    a0, b0 = _trimmed(sentence, 0, len(sentence))
    if a0 >= b0:
        return ()
    try:
        cuts = list(_clause_cuts(sentence))
        if not cuts or cuts[0][0] > a0:
            cuts.insert(0, (a0, None))
        whole = _denial_spans(sentence)
        out: list[Clause] = []
        for k, (s, attr) in enumerate(cuts):
            e = cuts[k + 1][0] if k + 1 < len(cuts) else len(sentence)
            ca, cb = _trimmed(sentence, s, e)
            if ca >= cb:
                continue
            text = sentence[ca:cb]
            if attr is None:
                attr = _shift(find_attribution(text), ca)
            denied = any(ca <= d < cb for d, _e in whole) or bool(_denial_spans(text))
            polarity = "denied" if denied else "affirmed"
            out.append(Clause(ca, cb, attr, polarity, text))
        return tuple(out)
    except (IndexError, ValueError, RecursionError):
        text = sentence[a0:b0]
        return (Clause(a0, b0, None, "affirmed", text),)


# --------------------------------------------------------------------------------------------
# Evaluative language
# --------------------------------------------------------------------------------------------

_POSITIVE: Final = _words(
    "good great excellent strong robust solid impressive successful success successes "
    "efficient disciplined skilled capable competent professional professionalism brave "
    "bravery heroic hero heroes heroism courageous courage remarkable outstanding exceptional brilliant "
    "superb stellar resilient resilience reliable promising encouraging healthy formidable elite "
    "seasoned experienced battle-hardened admirable commendable praiseworthy valiant fearless "
    "dedicated dedication loyal loyalty honourable honorable noble triumph triumphant masterful "
    "dominant impeccable flawless sensible wise prudent smart clever talented gifted world-class "
    "first-rate top-notch stunning spectacular magnificent wonderful fantastic terrific positive "
    "thriving booming buoyant vibrant sound discipline skill efficiency proficient adept superior "
    "invaluable exemplary sterling tremendous historic landmark breakthrough groundbreaking "
    "well-prepared well-trained well-equipped well-organised well-organized well-run well-managed "
    "highly-trained highly-motivated highly-skilled competitive strength strengths"
)
_NEGATIVE: Final = _words(
    "bad poor weak failure failures failed disappointing disappointment dismal incompetent incompetence "
    "inept ineffective inadequate vulnerable vulnerability dangerous reckless irresponsible "
    "catastrophic catastrophe disastrous disaster devastating terrible horrific horrible brutal "
    "brutality barbaric barbarity shameful disgraceful disgrace unacceptable untrained undertrained "
    "ill-equipped ill-prepared ill-trained under-equipped underequipped unprepared underprepared "
    "unprofessional chaotic chaos corrupt corruption fragile unstable troubling alarming worrying "
    "outrageous outrage atrocity atrocities sluggish lacklustre lackluster underwhelming abysmal "
    "mediocre flawed unfit negligent negligence careless lazy cowardly cowardice humiliating humiliation "
    "embarrassing embarrassment setback debacle fiasco shambles mess weakness weaknesses "
    "woeful pathetic deplorable appalling awful dreadful grim bleak dire miserable lamentable "
    "questionable dubious misguided foolish naive unwise crude clumsy hapless feeble frail lax "
    "sloppy amateurish botched bungled shoddy substandard inferior worthless useless pointless "
    "futile costly wasteful cruel inhumane ruthless savage heinous vicious aggressive hostile "
    "provocative destabilizing destabilising tragic tragedy shocking scandalous scandal unjust "
    "illegitimate criminal provocation recklessness incapable helpless demoralised demoralized "
    "exhausted overstretched outmatched outgunned unmotivated undisciplined indiscipline "
    "disorganised disorganized unreliable inexperienced inexperience unfamiliarity"
)
_EVAL_NOUNS_NEED_ADJ: Final = _words("challenge challenges threat threats problem problems risk risks concern "
                              "concerns danger dangers blow obstacle obstacles burden crisis")
_EVAL_NOUN_ADJ: Final = _words(
    "significant major serious severe grave huge enormous big real considerable formidable existential "
    "growing direct dire critical substantial immense tremendous great unprecedented clear"
)
_INTENSIFIERS: Final = _words(
    "very highly extremely incredibly remarkably exceptionally hugely deeply utterly truly really "
    "particularly especially so too most quite rather fairly absolutely totally thoroughly seriously "
    "severely woefully grossly dangerously alarmingly surprisingly impressively desperately terribly "
    "enormously immensely"
)
_POS_MODIFIERS: Final = _words("well highly superbly expertly impressively exceptionally remarkably properly")
_NEG_MODIFIERS: Final = _words("poorly barely ill woefully inadequately insufficiently hardly badly")
_BADLY_FACTUAL: Final = _words("damaged injured hurt wounded burned burnt beaten needed affected hit destroyed")
_WELL_FACTUAL: Final = _words(
    "known established documented off attended publicized publicised placed advanced underway aware "
    "over under above below within beyond into before after ahead"
)
PHYSICAL_NOUNS: Final = _words(
    "wind winds earthquake earthquakes quake quakes storm storms tremor tremors aftershock aftershocks "
    "current currents rain rains rainfall snow snowfall flooding floods flood signal gust gusts weather "
    "drought heat heatwave cold typhoon hurricane cyclone tornado injuries injury burns symptoms pain "
    "acid odor odour smell magnitude tide tides waves swell frost fog turbulence bleeding allergic "
    "reaction reactions illness disease infection infections case cases headache headaches"
)
_SUSPECT_MOTIVE: Final = _words("politically racially ideologically financially religiously")
_NEEDS_DETERMINER: Final = _words("disaster disasters catastrophe tragedy scandal chaos crisis outrage mess")
_EVAL_DETERMINERS: Final = _words("a an such total complete utter absolute real unmitigated is was are were been")
_NEGATION_WORDS: Final = _words("not n't never no neither nor without hardly lack lacking lacked lacks nothing")
_TECHNICAL_FAILURE: Final = _words(
    "heart kidney liver organ respiratory renal power engine equipment system brake mechanical "
    "multiple technical hydraulic electrical structural"
)
_KNOWN_FOR_RE: Final = re.compile(
    r"\b(?:known|renowned|famed|famous|notorious|feared|praised|admired|respected|celebrated|"
    r"critici[sz]ed|condemned)\s+for\s+(?:their|its|his|her|the|our|my)?\s*([\w-]+)",
    re.IGNORECASE,
)
# The verbs _KNOWN_FOR_RE starts with.
_KNOWN_FOR_VERBS: Final = frozenset("known renowned famed famous notorious feared praised admired respected celebrated "
                             "criticised criticized condemned".split())
_AGAINST_HUMANITY_RE: Final = re.compile(r"\b(?:(?:an?\s+)?acts?|crimes?)\s+against\s+humanity\b", re.IGNORECASE)
_WORD_RE: Final = re.compile(r"[A-Za-z]+(?:['\u2019\-][A-Za-z]+)*")


def _word_polarity(low: str) -> int:
    if low in _POSITIVE:
        return 1
    if low in _NEGATIVE:
        return -1
    if "-" in low:
        first, _, rest = low.partition("-")
        if first in ("well", "highly") and rest.endswith("ed") and rest not in _WELL_FACTUAL:
            return 1
        if first in ("ill", "poorly", "under", "badly") and rest.endswith(("ed", "equipped")) \
                and rest not in _BADLY_FACTUAL:
            return -1
        if rest in _POSITIVE:
            return 1
        if rest in _NEGATIVE:
            return -1
    return 0


# A word outside these sets (and without a hyphen) starts no evaluative cue: the scan below skips it.
_CUE_STARTS: Final = (_POSITIVE | _NEGATIVE | _SUSPECT_MOTIVE | _POS_MODIFIERS | _NEG_MODIFIERS | _INTENSIFIERS
               | _EVAL_NOUN_ADJ)


def _hyphenated_cue(s: str) -> bool:
    return "-" in s and any("-" in w and ((low := w.lower()) in _CUE_STARTS or _word_polarity(low))
                            for w in _WORD_RE.findall(s))


@lru_cache(maxsize=4096)
def _assessments(s: str) -> tuple[tuple[int, int, int], ...]:
    """All evaluative cues as (start, end, polarity after negation)."""
    runs = letter_runs(s)
    if runs is not None and _CUE_STARTS.isdisjoint(runs) and ("for" not in runs or _KNOWN_FOR_VERBS.isdisjoint(runs)) \
            and ("against" not in runs or "humanity" not in runs) and not _hyphenated_cue(s):
        # A cue word without a hyphen, and the words the two phrase patterns need, are runs of letters: none
        # here, and no hyphenated word is a cue of its own ("well-trained").
        return ()
    return _assessment_scan(s)


def _assessment_scan(s: str) -> tuple[tuple[int, int, int], ...]:
    texts = _WORD_RE.findall(s)
    # The words hold only ASCII letters, apostrophes and hyphens, so lower-casing them joined keeps each.
    joined = " ".join(texts).lower()
    lows = joined.split(" ") if texts else []
    if _CUE_STARTS.isdisjoint(lows) and "-" not in joined:
        starts: list[int] = []
    else:
        # A hyphenated word outside _CUE_STARTS can only be a cue through its own polarity (the scan below
        # skips it when that is 0), so such words are left out here and most sentences stop before the scan.
        starts = [k for k, low in enumerate(lows) if low in _CUE_STARTS or ("-" in low and _word_polarity(low))]
    odd = fold_odd(s)
    known_for = odd or "for" in lows
    humanity = odd or "against" in lows
    if not starts and not (known_for and _KNOWN_FOR_RE.search(s)) and not (
            humanity and _AGAINST_HUMANITY_RE.search(s)):
        return ()
    # Word k is texts[k], lows[k] at spans()[k]; the offsets are found only for a phrase that is kept.
    out: list[tuple[int, int, int]] = []
    n = len(texts)
    used: set[int] = set()
    found: list[tuple[int, int]] = []

    def spans() -> list[tuple[int, int]]:
        if not found:
            found.extend(m.span() for m in _WORD_RE.finditer(s))
        return found

    def negated(k: int) -> bool:
        for j in range(max(0, k - 3), k):
            w = lows[j]
            if w in _NEGATION_WORDS or w.endswith(("n't", "n\u2019t")):
                return True
            if w == "far" and j + 1 < k and lows[j + 1] == "from":
                return True
        return False

    def emit(k0: int, k1: int, pol: int) -> None:
        for j in range(k0, k1 + 1):
            used.add(j)
        if negated(k0):
            pol = -pol
        sp = spans()
        out.append((sp[k0][0], sp[k1][1], pol))

    for m in _KNOWN_FOR_RE.finditer(s) if known_for else ():
        noun = m.group(1).lower()
        pol = _word_polarity(noun)
        k0 = next((j for j, w in enumerate(spans()) if w[0] == m.start()), None)
        if k0 is None:
            continue
        neg = negated(k0)
        out.append((m.start(), m.end(), -pol if neg else pol))
        for j, w in enumerate(spans()):
            if m.start() <= w[0] < m.end():
                used.add(j)
    for m in _AGAINST_HUMANITY_RE.finditer(s) if humanity else ():
        out.append((m.start(), m.end(), -1))
        for j, w in enumerate(spans()):
            if m.start() <= w[0] < m.end():
                used.add(j)
    for k in starts:
        if k in used:
            continue
        text = texts[k]
        low = lows[k]
        if text[0].isupper() and (k > 0 or (k + 1 < n and texts[k + 1][0].isupper())):
            continue  # "Great Britain", "the Great Depression"
        nxt = lows[k + 1] if k + 1 < n else ""
        if low in _SUSPECT_MOTIVE and nxt == "motivated":
            emit(k, k + 1, -1)  # "politically motivated" is an accusation
            continue
        if (low in _POS_MODIFIERS or low in _NEG_MODIFIERS) and k + 1 < n and k + 1 not in used:
            wp = _word_polarity(nxt)
            if low in _NEG_MODIFIERS:
                if low == "badly" and nxt in _BADLY_FACTUAL:
                    continue
                if wp != 0 or nxt.endswith("ed"):
                    emit(k, k + 1, -1)  # "barely trained", "poorly equipped", "hardly successful"
                    continue
            elif (nxt.endswith("ed") and nxt not in _WELL_FACTUAL) or wp != 0:
                emit(k, k + 1, wp if wp != 0 else 1)
                continue
        if low in _INTENSIFIERS and k + 1 < n:
            wp = _word_polarity(nxt)
            if wp != 0:
                emit(k, k + 1, wp)
                continue
        if low in _EVAL_NOUN_ADJ and nxt in _EVAL_NOUNS_NEED_ADJ:
            k0 = k - 1 if k > 0 and lows[k - 1] in ("a", "an") else k
            emit(k0, k + 1, -1)
            continue
        wp = _word_polarity(low)
        if wp == 0:
            continue
        if low in ("strong", "weak", "severe", "powerful", "mild", "poor") and nxt in PHYSICAL_NOUNS:
            continue
        if low in ("failure", "failures") and k > 0 and lows[k - 1] in _TECHNICAL_FAILURE:
            continue
        if low in _NEEDS_DETERMINER and not any(
                lows[j] in _EVAL_DETERMINERS for j in range(max(0, k - 2), k)):
            continue  # "the disaster agency", "the Watergate scandal" name things
        if low == "positive" and nxt in ("test", "tests", "result", "results", "case", "cases", "for"):
            continue
        if low == "sound" and k > 0 and lows[k - 1] in ("the", "a", "of"):
            continue
        if low == "criminal" and nxt in ("case", "cases", "charges", "charge", "court", "investigation",
                                         "proceedings", "trial", "code", "law", "record", "records"):
            continue
        k0 = k - 1 if k > 0 and lows[k - 1] in ("a", "an") and low in (
            "success", "failure", "disaster", "catastrophe", "triumph", "fiasco", "disgrace", "tragedy",
            "setback", "debacle", "breakthrough", "mess", "shambles", "scandal", "atrocity") else k
        emit(k0, k, wp)
    out.sort()
    return tuple(out)


def assessment_cue(sentence: object) -> tuple[int, int] | None:
    """Offsets of the first evaluative phrase (a judgement rather than a fact), else None."""
    if not isinstance(sentence, str) or not sentence:
        return None
    found = _assessments(sentence)
    return (found[0][0], found[0][1]) if found else None


def assessment_polarity(sentence: object) -> int:
    """+1 positive judgement, -1 negative, 0 none or mixed."""
    if not isinstance(sentence, str) or not sentence:
        return 0
    pols = {p for _a, _b, p in _assessments(sentence) if p != 0}
    if pols == {1}:
        return 1
    if pols == {-1}:
        return -1
    return 0


# --------------------------------------------------------------------------------------------
# Non-claims: questions and calls to action
# --------------------------------------------------------------------------------------------

_TRAILING_CLOSERS: Final = " \t\n\r\f\v\"'\u201d\u2019\u00bb)]}*_"
_WH_HEADLINE_RE: Final = re.compile(
    r"^(?:what|why|how|who|where|when|which)\s+(?:is|are|was|were|do|does|did|can|could|will|would|"
    r"should|has|have)\b",
    re.IGNORECASE,
)
_CTA_START_RE: Final = re.compile(
    r"^(?:subscribe|sign\s+up|sign\s+in|log\s+in|click\s+(?:here|to|on|the|below|this|through|for)|tap\s+(?:here|to|the)|read\s+(?:more|also|next|"
    r"the\s+full|our|this|the\s+latest|on)\b|also\s+read|see\s+also|related\s*(?::|stories|articles|"
    r"coverage|sources)|more\s*:|share\s+(?:this|on|via|the\s+article|the\s+story|your|it)\b|"
    r"follow\s+(?:us|our|the\s+live|@|along)|join\s+(?:us|our|the\s+conversation|the\s+discussion)|"
    r"download\s+(?:our|the|now)|watch\s*(?::|now\b|the\s+video|live\b|our\b|this\b|more\b)|"
    r"listen\s*(?::|now\b|to\s+(?:the|our|this)\b)|like\s+us|get\s+(?:the\s+latest|our|breaking|"
    r"unlimited|access|the\s+app|alerts|the\s+best)|don['\u2019]?t\s+miss|never\s+miss|"
    r"support\s+(?:our|independent|us|quality|local)|donate|contact\s+us|email\s+us|send\s+us|"
    r"let\s+us\s+know|tell\s+us|leave\s+a\s+(?:comment|reply)|be\s+the\s+first|advertisement|"
    r"sponsored|register\s+(?:now|here|for|to)|create\s+(?:an?\s+)?(?:free\s+)?account|"
    r"continue\s+reading|keep\s+reading|find\s+out\s+more|learn\s+more|to\s+learn\s+more|"
    r"for\s+(?:more|further)\s+(?:context|information|details|on|about|news|coverage|stories|updates|"
    r"reading)|more\s+on\s+this|explore\s+more|check\s+out|bookmark|print\s+this|"
    r"enable\s+javascript|accept\s+cookies|source\s+link)(?!\w)",
    re.IGNORECASE,
)
# The first two letters, lower-cased, of every alternative of _CTA_START_RE: a sentence that opens otherwise
# (nine in ten) cannot match it, and the test is cheaper than the match.
_CTA_HEADS: Final = frozenset(
    "ac ad al be bo ch cl co cr do em en ex fi fo ge jo ke le li lo mo ne pr re se sh si so sp su ta te to wa".split()
)
_CTA_ANY_RE: Final = re.compile(
    r"\byou\s+can\s+(?:now\s+)?(?:read|find|watch|listen|learn|see|sign|subscribe|follow|download|support|"
    r"access|catch|view|check|get)\b"
    r"|\bif\s+you\s+(?:enjoyed|liked|like|want|value|found|appreciate)\b"
    r"|\b(?:sign\s+up|subscribe)\b.{0,40}\bnewsletter"
    r"|\bclick\s+here\b|\bin\s+your\s+inbox\b",
    re.IGNORECASE,
)
_BULLETS: Final = " \t\n\r\f\v\u2022\u00b7\u25ba\u25b6>*-\u2013\u2014|#"


def is_question(sentence: object) -> bool:
    """True for a direct question (ends with '?'), or a wh-question headline with no end mark."""
    if not isinstance(sentence, str):
        return False
    s = sentence.rstrip(_TRAILING_CLOSERS)
    if not s:
        return False
    if s.endswith(("?", "\uff1f")):
        return True
    body = sentence.strip().lstrip(_BULLETS)
    return s[-1].isalnum() and bool(_WH_HEADLINE_RE.match(body))


def is_call_to_action(sentence: object) -> bool:
    """True for page furniture aimed at the reader ("Subscribe", "Read more", "you can read ...")."""
    if not isinstance(sentence, str):
        return False
    body = sentence.strip().lstrip(_BULLETS)
    if not body:
        return False
    head = body[:2]
    # Non-ASCII letters may match ASCII ones under IGNORECASE: the pattern decides then.
    if (not head.isascii() or head.lower() in _CTA_HEADS) and _CTA_START_RE.match(body):
        return True
    low = _folded(body)
    # Every branch of _CTA_ANY_RE needs one of these words.
    if low is not None and "you" not in low and "newsletter" not in low and "click" not in low \
            and "inbox" not in low:
        return False
    return _CTA_ANY_RE.search(body) is not None
