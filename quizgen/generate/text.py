"""Small text helpers shared by the generator: normalising, word search, shortening."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=200_000)
def norm(text: str) -> str:
    """Case-, accent-, punctuation- and space-insensitive key: options that mean the same."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _PUNCT.sub(" ", text.casefold().replace("-", " "))
    return _SPACE.sub(" ", text).strip()


def contains_words(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words (normalised)."""
    n = norm(needle)
    if not n:
        return False
    return f" {n} " in f" {norm(haystack)} "


def contains_any(haystack: str, needles: Iterable[str]) -> bool:
    """``contains_words`` for several needles, with ``haystack`` normalised once and kept out
    of ``norm``'s cache (a one-off text, such as a freshly written stem)."""
    hay = f" {norm.__wrapped__(haystack)} "
    return any((n := norm(needle)) and f" {n} " in hay for needle in needles if needle)


def shorten(text: str, max_words: int, ellipsis: str = "…") -> str:
    """At most ``max_words`` words, cut at a word boundary and marked with an ellipsis."""
    words = text.split()
    if len(words) <= max_words:
        return " ".join(words)
    cut = " ".join(words[:max_words]).rstrip(",;:.-–— ")
    return cut + ellipsis


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def strip_leading(text: str, words: list[str]) -> str:
    """Drop leading article-like words ("seorang", "a", "the") from ``text``."""
    if not words:
        return text
    low = text.casefold()
    for w, prefix in _longest_first(tuple(words)):
        if low.startswith(prefix):
            return text[len(w) + 1:].lstrip()
    return text


@lru_cache(maxsize=64)
def _longest_first(words: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The language data's words, longest first, each with its casefolded prefix (sorted
    once per list, not per role)."""
    return tuple((w, w.casefold() + " ") for w in sorted(words, key=len, reverse=True))
