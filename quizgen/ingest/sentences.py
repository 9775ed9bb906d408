"""Sentence splitter for Indonesian and English news prose.

Cuts after ``.``, ``!``, ``?`` or ``…`` followed by space, unless the full stop belongs to an
abbreviation ("Dr.", "Jl.", "No. 5"), an initial ("J. K."), a dotted acronym ("S.H."), follows
a word that cannot end a sentence (a stray full stop: "kepada. Kantor"), or the next word is
lowercase. Numbers ("1,5", "3.000", "21/06/2024") never contain ``". "``, so they stay whole.
Abbreviations that often close a list ("dll.", "etc.", "p.m.") end the sentence when a
capitalised word follows. A quotation is never cut inside, and a short attribution after
it ("... ekonomi." TASS melaporkan.) stays with it, so a quote spanning several sentences is
one sentence; the attribution must hold a speech cue (speech.yaml), so "“...” Polisi pergi."
is two sentences. A dotted acronym ends the sentence when a capitalised function word
(never_final of sentence_ends.yaml, or a pronoun of speech.yaml) follows ("the U.S. He ...").
All word lists are data (quizgen/lang/<lang>/abbreviations.yaml, sentence_ends.yaml, and the
cues of speech.yaml); the lists of every language are used together, since articles quote
across languages.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from quizgen.lang import LANGUAGES, data

_BOUNDARY = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")
_INITIAL = re.compile(r"[A-Z]")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_OPENERS = "“„«"
_CLOSERS = "”»"
_QUOTES = re.compile(r"[“”„«»\"]")
_TRAILING = "\"”’'»)]"
_ATTRIBUTION_WORDS = 8  # "TASS melaporkan." after a closing quote stays with the quote...
_AFTER_CUE_WORDS = 3  # ...if a speech cue comes no more than this many words before its end
_CUE_KEYS = ("after_quote", "verbs", "via_cues")  # speech.yaml lists naming a speech cue


@dataclass(frozen=True)
class _Lists:
    abbreviations: frozenset[str]
    before_number: frozenset[str]
    may_end: frozenset[str]
    never_final: frozenset[str]
    cues: frozenset[str]
    starters: frozenset[str]  # words that open a sentence, never a name: "The", "He", "Ia"


@cache
def _lists() -> _Lists:
    abbreviations: set[str] = set()
    before_number: set[str] = set()
    may_end: set[str] = set()
    never_final: set[str] = set()
    cues: set[str] = set()
    starters: set[str] = set()
    for lang in LANGUAGES:
        abbr = data(lang, "abbreviations")
        abbreviations.update(a.casefold() for a in abbr.get("abbreviations", []))
        before_number.update(a.casefold() for a in abbr.get("before_number", []))
        may_end.update(a.casefold() for a in abbr.get("may_end", []))
        never_final.update(w.casefold() for w in data(lang, "sentence_ends")["never_final"])
        speech = data(lang, "speech")
        for key in _CUE_KEYS:
            cues.update(c.casefold() for c in speech.get(key) or [] if " " not in c)
        starters.update(w.casefold() for w in data(lang, "sentence_ends")["never_final"])
        starters.update(w.casefold() for w in speech.get("pronouns") or [])
    return _Lists(
        frozenset(abbreviations),
        frozenset(before_number),
        frozenset(may_end),
        frozenset(never_final),
        frozenset(cues),
        frozenset(starters),
    )


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each closed quotation; unclosed openers are ignored."""
    spans: list[tuple[int, int]] = []
    start = -1
    for m in _QUOTES.finditer(text):
        ch, i = m.group(), m.start()
        if ch == '"':  # straight quote: closes an open quote, else opens at a word start
            if start >= 0:
                spans.append((start, i + 1))
                start = -1
            elif i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-":
                start = i
        elif ch in _OPENERS:
            start = i  # a new opener while one is open: the earlier one was never closed
        elif ch in _CLOSERS and start >= 0:
            spans.append((start, i + 1))
            start = -1
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph (no newlines), stripped."""
    lists = _lists()
    quotes: list[tuple[int, int]] | None = None  # found on the first inner boundary only
    quote_starts: list[int] = []
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        nxt = end
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if nxt >= len(text):
            break
        if quotes is None:
            quotes = quote_spans(text)
            quote_starts = [qs for qs, _ in quotes]
        if _inside_quote(quotes, quote_starts, m.start(), end):
            continue
        if not _is_boundary(text, m, nxt, lists):
            continue
        if m.group()[-1] in _TRAILING and _is_attribution(text, nxt, lists):
            continue
        cuts.append(end)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans


def _inside_quote(quotes: list[tuple[int, int]], starts: list[int], pos: int, end: int) -> bool:
    """Is pos..end inside a quotation? Quotations do not overlap and come in order, so only
    the last one opening before ``pos`` can hold it (a binary search: a one-line article has
    thousands of quotes and boundaries)."""
    i = bisect_left(starts, pos) - 1
    return i >= 0 and end < quotes[i][1]


def _is_boundary(text: str, m: re.Match[str], nxt: int, lists: _Lists) -> bool:
    following = text[nxt]
    if following.islower():
        return False  # "keadaannya. kekejaman": a stray full stop, not a sentence end
    punct = m.group().rstrip(_TRAILING)
    if punct != ".":
        return True
    start = m.start()
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    token = text[start : m.start()].lstrip("\"“„«'‘([{")
    if not token:
        return True
    key = token.casefold()
    if key + "." in lists.may_end:  # "... pukul 10 p.m. The", "... dan lain-lain, dll. Pemiliknya"
        return following.isupper() or following in _OPENERS  # not "Tbk. (BBRI) mencatat"
    if _DOTTED.fullmatch(token) and _next_word(text, nxt).casefold() in lists.starters:
        return True  # "... in the U.S. He moved ...", "..., S.H. Ia lalu ..." (not "U.S. Will")
    if _INITIAL.fullmatch(token) or _DOTTED.fullmatch(token):
        return False
    if key + "." in lists.abbreviations or key in lists.never_final:
        return False
    return not (following.isdigit() and key + "." in lists.before_number)


def _next_word(text: str, start: int) -> str:
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def _is_attribution(text: str, nxt: int, lists: _Lists) -> bool:
    """A short clause with a speech cue, ending in a full stop, right after a closing quote
    ("TASS melaporkan.", "The Kremlin said on Tuesday."); "Polisi pergi." is a sentence."""
    m = _BOUNDARY.search(text, nxt)
    end = m.start() if m else len(text)
    clause = text[nxt:end]
    if _QUOTES.search(clause) or (m and m.group()[0] != "."):
        return False
    words = [w.strip(".,;:()!?…").casefold() for w in clause.split()]
    if not 0 < len(words) <= _ATTRIBUTION_WORDS:
        return False
    return any(w in lists.cues for w in words[-_AFTER_CUE_WORDS - 1 :])
