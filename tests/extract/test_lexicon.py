"""The regex helpers: a prefix-tree alternation finds exactly what the flat one finds."""

import re

from hypothesis import given
from hypothesis import strategies as st

from quizgen.extract.lexicon import alternation, starters, trie_alternation, words_re


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


def test_tree_prefers_the_longest_word():
    pattern = trie_alternation(["dua", "dua puluh", "dua belas", "sebelas"])
    assert re.match(pattern, "dua  puluh tiga").group() == "dua  puluh"
    assert re.match(pattern, "dua belas").group() == "dua belas"
    assert re.match(pattern, "duapuluh").group() == "dua"
    assert _spans(pattern, "Sebelas, sebelas dan dua") == [(9, 16), (21, 24)]


def test_empty_word_list_matches_nothing():
    assert re.search(trie_alternation([]), "anything") is None
    assert re.search(trie_alternation(["  "]), "anything") is None


def test_starters_find_written_lower_capitalised_and_upper_forms():
    (finder,) = starters(["tiga"])
    assert [m.group() for m in finder.finditer("tiga Tiga TIGA tIGA")] == ["tiga", "Tiga", "TIGA"]


words = st.lists(st.text(alphabet="abAB .", min_size=1, max_size=5), max_size=8)


@given(words, st.text(alphabet="abAB .\n", max_size=40))
def test_tree_and_flat_alternations_agree(ws, text):
    assert _spans(trie_alternation(ws), text) == _spans(alternation(ws), text)


def test_whole_words_ignore_case_and_prefer_the_longest():
    pattern = re.compile(words_re(["setelah", "Sejak", "setelah itu", "dan"]), re.IGNORECASE)
    assert [m.group() for m in pattern.finditer("Setelah itu, sejak pagi; dandan")] == [
        "Setelah itu",
        "sejak",
    ]


@given(words, st.text(alphabet="abAB .-\n", max_size=40))
def test_whole_word_tree_agrees_with_the_flat_alternation(ws, text):
    flat = rf"(?<![\w-])(?:{alternation(ws)})(?![\w-])"
    tree = [m.span() for m in re.finditer(words_re(ws), text, re.IGNORECASE)]
    assert tree == [m.span() for m in re.finditer(flat, text, re.IGNORECASE)]
