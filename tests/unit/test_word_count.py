"""The reading time's fast word count agrees with Material's `len(re.split(r"\\W+", text))`."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_aiblog.core.content import _MOST_OTHERS, word_count


def plain_count(text: str) -> int:
    """The count as Material's blog plugin makes it."""
    return len(re.split(r"\W+", text))


# Word and non-word characters of every kind: ASCII, Latin-1 (the permalinks' ¶),
# other scripts, combining marks, digits of other scripts, emoji, variation
# selectors, Unicode spaces, lone surrogates, and "_" (a word character, not alphanumeric).
_SAMPLES = (
    "aZ09_ .,;:-'\"\t\n\x0b\x1c\x85\xa0¶é²½ßØ中字あ\u0301\u0663\u2003\u3000🚀\ufe0f—\ud800\udc00"
)
_CHARACTERS = st.one_of(
    st.sampled_from(_SAMPLES),
    st.characters(),
    st.characters(codec=None, categories=["Cs", "Mn", "Nd", "No", "Zs", "Cc", "So"]),
)


@settings(max_examples=2000, derandomize=True)
@given(st.text(_CHARACTERS, max_size=60))
def test_word_count_agrees_with_the_split(text: str) -> None:
    assert word_count(text) == plain_count(text)


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.characters(), min_size=_MOST_OTHERS - 2, max_size=_MOST_OTHERS + 2))
def test_word_count_with_many_distinct_characters(chars: list[str]) -> None:
    text = " ".join(chars) + "".join(chars)  # around the limit where the split takes over
    assert word_count(text) == plain_count(text)


def test_word_count_of_every_character() -> None:
    """Every code point is a word character or not as the split sees it."""
    codes = range(sys.maxunicode + 1)
    for start in range(0, len(codes), _MOST_OTHERS):  # each chunk on the fast path
        chunk = [chr(code) for code in codes[start : start + _MOST_OTHERS]]
        text = "a" + "a".join(chunk) + "a"  # each a gap of its own, or part of one word
        assert word_count(text) == plain_count(text), hex(start)


def test_word_count_examples() -> None:
    assert word_count("") == 1
    assert word_count(".") == 2
    assert word_count("one two, three.") == 4
    assert word_count("¶ héllo 🚀 wörld_x ¶") == 4
