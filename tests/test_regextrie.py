"""regextrie.alternation: a phrase list as one trie-shaped regex alternation."""

from __future__ import annotations

import re

import pytest

from generator.regextrie import alternation


def test_trie_prefers_the_longest_phrase_and_spaces_match_any_whitespace() -> None:
    rx = re.compile(rf"(?:{alternation(['kill', 'killed', 'killing', 'were killed'])})\b")
    assert rx.match("killed").group() == "killed"
    assert rx.match("killing").group() == "killing"
    assert rx.match("were \n killed").group() == "were \n killed"
    assert rx.match("kills") is None


def test_upper_case_phrase_is_refused() -> None:
    with pytest.raises(ValueError, match="lower case"):
        alternation(["Kill"])
