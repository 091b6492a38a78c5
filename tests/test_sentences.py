from hypothesis import given
from hypothesis import strategies as st

from generator.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_do_not_split() -> None:
    text = ("Col. Hamish Smith met Gen. Ana Ruiz in the U.S. capital on Jan. 5. Dr. Lee was there. "
            "The deal, worth $1.5 billion, was signed.")
    assert texts(text) == [
        "Col. Hamish Smith met Gen. Ana Ruiz in the U.S. capital on Jan. 5.",
        "Dr. Lee was there.",
        "The deal, worth $1.5 billion, was signed.",
    ]


def test_headline_without_punctuation_is_its_own_sentence() -> None:
    text = "Floods Hit the Delta\nRescuers reached the village on Tuesday. Two people died."
    assert texts(text) == ["Floods Hit the Delta", "Rescuers reached the village on Tuesday.", "Two people died."]


def test_quote_spanning_sentences_stays_whole() -> None:
    text = "“We are tired. We want answers. Nobody called us,” the mayor said. Officials declined to comment."
    assert texts(text) == [
        "“We are tired. We want answers. Nobody called us,” the mayor said.",
        "Officials declined to comment.",
    ]


def test_stray_quote_mark_does_not_swallow_the_paragraph() -> None:
    text = "He said “no. The vote passed. The mayor left. Police came. Fire crews came. Nobody stayed. It rained."
    assert len(texts(text)) >= 6


def test_offsets_are_exact_and_paragraphs_separate() -> None:
    text = "First line here.\n\nSecond paragraph. Another one."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text
    assert [s.index for s in split_sentences(text)] == [0, 1, 2]


@given(st.text(max_size=400))
def test_any_text_gives_valid_offsets(text: str) -> None:
    last = 0
    for s in split_sentences(text):
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        last = s.end
