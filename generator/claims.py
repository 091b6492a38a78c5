"""Claims: an Article and its Sentences → the checkable Claims it makes, with exact spans.

A claim is a sentence (a quote running over several sentences stays one claim). Where a second
party's reaction is attached ("X claimed A, a statement which Y has denied") the claim is
"disputed" and keeps each party's clause as a Stance with its own speaker and exact span.
Questions, calls to action and bare headings are not claims. Each claim carries its speaker
(the article's outlet when unattributed), quotes, figures, times and entities; the finders live
in their own modules (speakers, quantities, timex, entities).
"""

from __future__ import annotations

import re
from typing import Final

from .entities import find_entities, find_entities_each, resolve_surnames
from .quantities import find_quantities
from .records import Article, Claim, Entity, Sentence, Stance
from .speakers import (
    Attribution,
    assessment_cue,
    denial_cue,
    find_attribution,
    find_quotes,
    is_call_to_action,
    is_denial,
    is_question,
    may_split_clauses,
    split_attributed_clauses,
)
from .textscan import letter_runs
from .timex import find_times

_WORD: Final = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_FINAL_PUNCT: Final = re.compile(r"[.!?\"”’')\]:;]\s*$")
# _FINAL_PUNCT's characters: it matches when the last character before trailing whitespace is one of them
# (re's \s and str.isspace agree), which a test of that character decides without a search of every position.
_FINAL_PUNCT_CHARS: Final = ".!?\"”’')]:;"
# A line this short with no sentence punctuation is a heading or a fragment, not a claim.
MIN_HEADING_WORDS: Final = 5


# A negated happening: "no tear gas had been used", "the dam had not been damaged". Saying that
# something was not said or specified ("did not specify the number") is silence, not a denial.
_NEGATED_EVENT: Final = re.compile(
    r"\b(?:no\s+(?:[a-z-]+\s+){0,3}(?:was|were|had|has|have)\s+(?:been\s+)?(?P<a>[a-z]+(?:ed|en))|"
    r"(?:was|were|had|has|have)\s+(?:not|never)\s+(?:been\s+)?(?P<b>[a-z]+(?:ed|en)))\b",
    re.I,
)
_CLAUSE_BREAK: Final = re.compile(r"[,;:]\s")
_REPORTING_VERB: Final = re.compile(
    r"\b(?:said|says|saying|told|tells|stated|states|insisted|insists|maintained|maintains|added|adds|confirmed|"
    r"confirms|reported|reports|argued|argues|claimed|claims|declared|declares)\b",
    re.I,
)
_CLAUSE_END: Final = re.compile(r"[.;!?]|,\s+(?:but|while|although|though)\b")
_CONDITIONAL: Final = re.compile(r"\b(?:if|unless|whether)\b[^,.;]*$", re.I)
_SILENCE: Final = frozenset(
    """specify specified clarify clarified say said disclose disclosed confirm confirmed reveal revealed comment
    commented know known acknowledge acknowledged mention mentioned provide provided give given respond
    responded immediately yet seen heard felt witnessed experienced""".split()
)


_NEGATORS: Final = frozenset(["no", "not", "never"])
_AUXILIARIES: Final = frozenset(["was", "were", "has", "had", "have"])


def _may_negate(text: str) -> bool:
    """A cheap necessary condition for _NEGATED_EVENT: "no"/"not"/"never" and an auxiliary in the text.

    Each is a whole word there (after a word boundary or whitespace, before whitespace), so a whole run of
    letters of the lower-cased text: the sentence's runs, which the attribution finder has already listed,
    decide it ("now", "know", "economy" hold "no" but are no negator)."""
    runs = letter_runs(text)
    if runs is None:
        return True  # letters that match ASCII ones under IGNORECASE without lower-casing to them
    return not _NEGATORS.isdisjoint(runs) and not _AUXILIARIES.isdisjoint(runs)


def _negated_event(text: str, attributed: bool = False) -> re.Match[str] | None:
    """A reported negative ("X said no tear gas had been used"): a party saying something did not
    happen. The outlet's own negatives ("he has not been charged") are facts, not denials, so the
    negative must be attributed or follow a reporting verb in its clause."""
    if not _may_negate(text):
        return None
    for m in _NEGATED_EVENT.finditer(text):
        verb = (m.group("a") or m.group("b") or "").lower()
        if not verb or verb in _SILENCE or _CONDITIONAL.search(text, 0, m.start()):
            continue
        clause_start = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, m.start())), default=0)
        if attributed or _REPORTING_VERB.search(text, clause_start, m.start()):
            return m
    return None


def denied_words(text: str) -> str:
    """The words of what a denying claim denies: from the denial cue or negation to the clause end."""
    negation = _negated_event(text, attributed=True)  # only called for claims already found to deny
    cue = denial_cue(text)
    starts = [p for p in (negation.start() if negation else None, cue[0] if cue else None) if p is not None]
    if not starts:
        return ""
    start = min(starts)
    end = _CLAUSE_END.search(text, start + 1)
    return text[start : end.start() if end else len(text)]


def self_speaker(article: Article) -> str:
    """The speaker of an unattributed claim: the outlet that publishes it."""
    return article.outlet or "the article itself"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:—–-":
        start += 1
    while end > start and text[end - 1] in " \t\n,;—–-":
        end -= 1
    return start, end


def _is_claim_sentence(text: str) -> bool:
    if _WORD.search(text) is None:
        return False
    body = text.rstrip()
    if not (body and body[-1] in _FINAL_PUNCT_CHARS) and len(_WORD.findall(text)) < MIN_HEADING_WORDS:
        return False
    return not (is_question(text) or is_call_to_action(text))


class _Names:
    """How the article names people: lone surnames resolved, and the fullest surface form shown."""

    def __init__(self, entities: list[Entity]) -> None:
        self.surnames = resolve_surnames(entities)
        self._phrase_people: dict[str, list[Entity]] = {}  # speaker phrases recur within an article
        self.display: dict[str, str] = {}
        for e in entities:
            name = self.canonical(e.name)
            if len(e.text) > len(self.display.get(name, "")):
                self.display[name] = e.text

    def canonical(self, name: str) -> str:
        return self.surnames.get(name, name)

    def speaker(self, attribution: Attribution, sentence: Sentence, entities: tuple[Entity, ...]) -> str:
        """The speaker as one name across the article: "Gen. Syrskyi" and "Oleksandr Syrskyi" agree.

        The person is taken from the sentence's own entities where the speaker phrase stands (a name
        is recognised better in its sentence than alone), else from the phrase itself."""
        phrase = attribution.speaker
        if attribution.kind == "unnamed":
            return f"{phrase} (unnamed)"
        people: list[Entity] = []
        if attribution.speaker_start >= 0:
            lo, hi = sentence.start + attribution.speaker_start, sentence.start + attribution.speaker_end
            people = [e for e in entities if e.kind in ("person", "other") and e.start < hi and e.end > lo]
            people = [e for e in people if e.kind == "person"] or people
        if not people:
            found = self._phrase_people.get(phrase)
            if found is None:
                found = self._phrase_people[phrase] = [e for e in find_entities(phrase) if e.kind == "person"]
            people = found
        if len(people) == 1:
            name = self.canonical(people[0].name)
            return self.display.get(name, people[0].text)
        if phrase in self.surnames:
            return self.display.get(self.surnames[phrase], self.surnames[phrase])
        return phrase


def _stances(
    article: Article, sentence: Sentence, names: _Names, entities: tuple[Entity, ...], sentence_attr: Attribution | None
) -> tuple[Stance, ...]:
    """The parties' positions when the sentence holds more than one (an assertion and a reaction)."""
    if not may_split_clauses(sentence.text):
        return ()
    clauses = split_attributed_clauses(sentence.text)
    if len(clauses) < 2:
        return ()
    stances: list[Stance] = []
    for clause in clauses:
        start, end = _trim(article.text, sentence.start + clause.start, sentence.start + clause.end)
        if end <= start:
            continue
        attribution = clause.speaker or (sentence_attr if not stances else None)
        speaker = names.speaker(attribution, sentence, entities) if attribution else self_speaker(article)
        stances.append(Stance(start, end, article.text[start:end], speaker, clause.polarity))
    return tuple(stances) if len({s.polarity for s in stances}) > 1 else ()


def extract_claims(article: Article, sentences: tuple[Sentence, ...]) -> tuple[Claim, ...]:
    """Every checkable claim of ``article``, in text order, ids ``<article.id>/<n>`` from 1."""
    # The work runs in phases, one finder over all the article's sentences at a time, rather than every
    # finder on one sentence after another: each finder's code and tables then stay in the processor's
    # caches for a whole phase, and extraction takes about 5% less time. The finders are pure, so the
    # order of the calls changes nothing but speed; only attribution depends on the claim before.
    text = article.text
    entities_by_sentence = find_entities_each(sentences)
    names = _Names([e for ents in entities_by_sentence for e in ents])
    # The trimmed (start, end) of each sentence that is a claim, None for the others.
    spans = [
        _trim(text, s.start, s.end) if _is_claim_sentence(s.text) else None for s in sentences
    ]
    found: list[tuple[int, int, int, str, Attribution | None]] = []
    previous_speaker: str | None = None
    previous_end = -1
    for k, span in enumerate(spans):
        if span is None:
            previous_speaker = None
            continue
        start, end = span
        if end <= start:
            continue
        # A quote continues only within a paragraph: the previous claim must end on this line.
        same_paragraph = previous_end >= 0 and "\n" not in text[previous_end:start]
        claim_text = text[start:end]
        attribution = find_attribution(claim_text, previous_speaker if same_paragraph else None)
        found.append((k, start, end, claim_text, attribution))
        previous_speaker = attribution.speaker if attribution is not None else None
        previous_end = end
    all_stances = [
        _stances(article, sentences[k], names, entities_by_sentence[k], attribution)
        for k, _, _, _, attribution in found
    ]
    denials = [
        not stances and (is_denial(claim_text) or _negated_event(claim_text, attribution is not None) is not None)
        for (_, _, _, claim_text, attribution), stances in zip(found, all_stances, strict=True)
    ]
    all_quotes = [find_quotes(claim_text) for _, _, _, claim_text, _ in found]
    all_quantities = [find_quantities(claim_text, start) for _, start, _, claim_text, _ in found]
    published = article.published
    all_times = [find_times(claim_text, published, start) for _, start, _, claim_text, _ in found]
    assessed = [assessment_cue(claim_text) is not None for _, _, _, claim_text, _ in found]
    speakers = [
        (names.speaker(attribution, sentences[k], entities_by_sentence[k]), attribution.kind)
        if attribution is not None
        else (self_speaker(article), "self")
        for k, _, _, _, attribution in found
    ]
    surnames = names.surnames
    claims: list[Claim] = []
    for n, (k, start, end, claim_text, attribution) in enumerate(found):
        sentence = sentences[k]
        stances = all_stances[n]
        polarity = "disputed" if stances else "denied" if denials[n] else "affirmed"
        quotes = all_quotes[n]
        quantities = all_quantities[n]
        times = all_times[n]
        ents = entities_by_sentence[k]
        entities = ents if not any(e.name in surnames for e in ents) else tuple(
            e
            if e.name not in surnames
            else Entity(e.start, e.end, e.text, names.canonical(e.name), e.kind, e.role)
            for e in ents
        )
        kinds: list[str] = []
        if quantities:
            kinds.append("figure")
        if times:
            kinds.append("time")
        if quotes:
            kinds.append("quote")
        if attribution is not None:
            kinds.append("attributed")
        if assessed[n]:
            kinds.append("assessment")
        elif attribution is None:
            kinds.append("assertion")
        speaker, speaker_kind = speakers[n]
        claims.append(
            Claim(  # positional, in field order: keywords make a frozen record slower to build
                f"{article.id}/{len(claims) + 1}",
                article.id,
                start,
                end,
                claim_text,
                sentence.index,
                tuple(kinds),
                speaker,
                speaker_kind,
                polarity,
                quantities,
                times,
                entities,
                " … ".join(q.text for q in quotes) or None,
                stances,
            )
        )
    return tuple(claims)
