"""Small text helpers shared by the generator: normalising, word search, shortening,
quotation marks and end punctuation, article titles and file names as plain text."""

from __future__ import annotations

import html
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


# --- quotation marks and end punctuation in a rendered stem -------------------------------

_DOUBLE = '"“”'
_NESTED = {'"': "'", "“": "‘", "”": "’"}


def nest_quotes(text: str) -> str:
    """``text`` to stand inside double quotation marks: its own double marks become single
    ones (``"a" b`` -> ``'a' b``, ``“a” b`` -> ``‘a’ b``) and a mark left without its partner
    (a quotation that goes on in the next sentence, or was cut short) is dropped."""
    if not any(c in text for c in _DOUBLE):
        return text
    marks = [(i, c) for i, c in enumerate(text) if c in _DOUBLE]
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, c in marks:
        if c == "“" or (c == '"' and not (stack and text[stack[-1]] == '"')):
            stack.append(i)
        elif stack and (text[stack[-1]] == "“") == (c == "”"):  # “ with ”, " with "
            pairs[stack.pop()] = i
        # else: a closing mark with no opening one: dropped below
    keep = set(pairs) | set(pairs.values())
    out = []
    for i, c in enumerate(text):
        if c in _DOUBLE:
            if i in keep:
                out.append(_NESTED[c])
        else:
            out.append(c)
    return " ".join("".join(out).split())


def balanced_quotes(text: str) -> bool:
    """Double quotation marks come in pairs: straight ones, and each “ with a ”."""
    depth = 0
    for c in text:
        if c == "“":
            depth += 1
        elif c == "”":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and text.count('"') % 2 == 0


_CLOSERS = "\"'”’)"
# a full stop, comma, colon or semicolon, then closing marks, then the stem's "?"
_STOP_BEFORE_QUESTION = re.compile(r"(\S*?)([.,;:])([" + _CLOSERS + r"]*)\?")
# the quotation already asks or exclaims: "... siapa?"? -> "... siapa?"
_DOUBLE_QUESTION = re.compile(r"(\?[" + _CLOSERS + r"]*)\?")


def tidy_question_mark(text: str, abbreviations: frozenset[str] = frozenset()) -> str:
    """No ``.?``, ``."?`` or ``,"?`` where a quotation or clause ends a question: the stop is
    dropped, unless it ends an abbreviation ("U.S.?", "Jr.?"); no ``?"?`` either."""
    if "?" not in text:
        return text

    def stop(m: re.Match[str]) -> str:
        word, mark, closers = m.group(1), m.group(2), m.group(3)
        if mark == "." and _abbreviation(word + ".", abbreviations):
            return m.group(0)
        return f"{word}{closers}?"

    text = _STOP_BEFORE_QUESTION.sub(stop, text)
    return _DOUBLE_QUESTION.sub(r"\1", text)


def _abbreviation(word: str, abbreviations: frozenset[str]) -> bool:
    """"U.S.", "p.m.", "J." (an initial) or a word of the language's list ("Jr.")."""
    bare = word.lstrip("\"'“‘(")
    if "." in bare[:-1] or (len(bare) == 2 and bare[0].isalpha()):
        return True  # also "...": the stop is part of an ellipsis
    return bare.casefold() in abbreviations


# --- an article named inside a question ----------------------------------------------------

_TAG = re.compile(r"<[^<>]{0,200}>")
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_MD_EMPHASIS = re.compile(r"(?<!\w)([*_]{1,3}|`+|~~)(\S(?:.*?\S)?)\1(?!\w)")
_LEADING_TAG = re.compile(r"^\s*(?:\[[^\[\]]{1,20}\]|\([A-Z ]{2,20}\))\s*(?=\S)")
_HASHY = re.compile(r"(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}|\d+", re.IGNORECASE)


def plain_text(text: str) -> str:
    """A title as plain one-line text: no HTML tags or entities, no Markdown (headings,
    emphasis, links, code), no control characters, runs of whitespace as one space."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = "".join(c if c.isprintable() else " " for c in text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = text.strip().lstrip("#").strip()
    text = _LEADING_TAG.sub("", text)  # "[FOTO] Banjir ..."
    return " ".join(text.split())


def bounded(text: str, max_words: int, max_chars: int, ellipsis: str = "…") -> str:
    """At most ``max_words`` words and ``max_chars`` characters, cut at a word boundary and
    marked with an ellipsis; where the kept part has a clause break (a comma, colon,
    semicolon or dash) in its second half, the cut is made there ("Banjir Rendam 14 Desa di
    Demak, 2.300 Warga …" -> "Banjir Rendam 14 Desa di Demak…"). A single longer word is
    kept whole: there is no boundary to cut at."""
    words = text.split()
    if len(words) <= max_words and len(" ".join(words)) <= max_chars:
        return " ".join(words)
    kept: list[str] = []
    size = 0
    for w in words[:max_words]:
        if kept and size + 1 + len(w) + len(ellipsis) > max_chars:
            break
        size += len(w) + (1 if kept else 0)
        kept.append(w)
    if len(kept) == len(words):
        return " ".join(kept)  # one word longer than the bound
    for i in range(len(kept) - 1, (len(kept) - 1) // 2, -1):
        if kept[i] in ("-", "–", "—"):
            kept = kept[:i]
            break
        if kept[i][-1:] in ",;:" and i + 1 < len(kept):
            kept = kept[:i + 1]
            break
    return " ".join(kept).rstrip(",;:.-–— ") + ellipsis


def usable_title(text: str) -> bool:
    """A title that can name an article: it has words (not only digits or marks), and is
    not an address."""
    letters = sum(c.isalpha() for c in text)
    low = text.casefold()
    return letters >= 2 and "://" not in low and not low.startswith("www.")


def file_label(path: str) -> str:
    """A file name in words: "berita/banjir_rendam-demak.txt" -> "Banjir rendam demak".
    Hashes and bare numbers ("000_c6fee1734dbde828") are left out when words remain."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    parts = [p for p in re.split(r"[\s_.\-+]+", stem) if p]
    words = [p for p in parts if not _HASHY.fullmatch(p)]
    return capitalise(" ".join(words or parts)) or name
