"""Turn word lists from the language data into regular-expression pieces.

Shared by the date, count and clause grammars so every list is matched the same way:
longest entry first, any run of whitespace where the data has a space, whole words only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def alternation(words: Iterable[str]) -> str:
    """``a|b|c`` for a regex group, longest first so "dini hari" wins over "dini"."""
    unique = sorted({str(w).strip() for w in words if str(w).strip()}, key=len, reverse=True)
    if not unique:
        return "(?!)"  # matches nothing
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


def trie_alternation(words: Iterable[str]) -> str:
    """The same matches as ``alternation(words)``, written as a prefix tree ("t(?:wo|hree)").

    The regex engine tries a flat alternation's branches one by one at every position that
    may start one; a tree rejects a position after a character or two. Where several words
    match, the deeper branch is tried before stopping, so the longest word wins, as it does
    in the longest-first flat alternation.
    """
    trie: dict[str, dict] = {}
    for w in {str(w).strip() for w in words if str(w).strip()}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict[str, dict]) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + build(child)
            for ch, child in node.items()
            if ch
        ]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")

    return build(trie) if trie else "(?!)"


def words_re(words: Iterable[str]) -> str:
    """A non-capturing group matching one of ``words`` as whole words, for patterns compiled
    with IGNORECASE: the words are lower-cased, so the prefix tree's branches exclude each
    other and the longest word still wins."""
    folded = []
    for w in words:
        w = str(w).strip()
        folded.append(w.lower() if len(w.lower()) == len(w) else w)
    return rf"(?<![\w-])(?:{trie_alternation(folded)})(?![\w-])"


def lower_set(words: Iterable[str] | None) -> frozenset[str]:
    """Lower-cased entries with single spaces, for membership tests."""
    return frozenset(" ".join(str(w).lower().split()) for w in (words or []))


def squash(text: str) -> str:
    """Lower case with single spaces (how phrases are compared with ``lower_set`` entries)."""
    return " ".join(text.lower().split())




def starters(words: Iterable[str], digits: bool = False) -> tuple[re.Pattern[str], ...]:
    """Fast finders of where a grammar may start: ``words`` as written, lower case,
    Capitalised or UPPER (no IGNORECASE flag, which makes the engine try every position
    slowly), and digit runs when ``digits``."""
    variants = {v for w in words for v in (str(w), str(w).lower(), str(w).capitalize(),
                                           str(w).upper())}
    out = [re.compile(trie_alternation(variants))] if variants else []
    if digits:
        out.append(re.compile(r"\d+"))
    return tuple(out)


def scan(grammar: re.Pattern[str], finders: Iterable[re.Pattern[str]], text: str
         ) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of ``grammar`` tried only where one of ``finders`` hits.

    Trying a large case-insensitive alternation at every position of an article is many times
    slower than finding the few places where it can start.
    """
    found: set[int] = set()
    for f in finders:
        found.update(map(re.Match.start, f.finditer(text)))  # C speed: no loop per match
    starts = sorted(found)
    last_end = 0
    for pos in starts:
        if pos < last_end:
            continue
        m = grammar.match(text, pos)
        if m is not None and m.end() > m.start():
            last_end = m.end()
            yield m


class Phrases:
    """A set of word phrases, matched as whole words at the start or the end of a text.

    Plain Python on a few words: much faster than a regex alternation searched backwards.
    """

    def __init__(self, phrases: Iterable[str]):
        self.set = {tuple(str(p).lower().split()) for p in phrases if str(p).split()}
        self.longest = max((len(p) for p in self.set), default=0)
        self.firsts = frozenset(p[0] for p in self.set)  # cheap rejection of most texts
        self.lasts = frozenset(p[-1] for p in self.set)

    def ending(self, text: str) -> int | None:
        """Offset in ``text`` where a phrase it ends with starts (trailing spaces allowed)."""
        tail = text[max(0, len(text) - 80) :].rsplit(None, 1)
        if not tail or tail[-1].lower() not in self.lasts:
            return None
        toks = list(_TOKEN.finditer(text, max(0, len(text) - 80)))
        for n in range(min(self.longest, len(toks)), 0, -1):
            if tuple(t.group().lower() for t in toks[-n:]) in self.set:
                start = toks[-n].start()
                if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-"):
                    return start
        return None

    def strip_words(self, words: list[str], lead: bool, tail: bool) -> list[str]:
        """``words`` without phrases (and bare punctuation) at the chosen ends."""
        changed = True
        while changed and words:
            changed = False
            if lead:
                first = words[0].lstrip(_EDGE_PUNCT)
                if not first:
                    words = words[1:]
                    changed = True
                    continue
                words[0] = first
                size = min(self.longest, len(words)) if first.lower() in self.firsts else 0
                for n in range(size, 0, -1):
                    if tuple(w.lower() for w in words[:n]) in self.set:
                        words = words[n:]
                        changed = True
                        break
            if tail and words:
                last = words[-1].rstrip(_EDGE_PUNCT)
                if not last:
                    words = words[:-1]
                    changed = True
                    continue
                words[-1] = last
                size = min(self.longest, len(words)) if last.lower() in self.lasts else 0
                for n in range(size, 0, -1):
                    if tuple(w.lower() for w in words[-n:]) in self.set:
                        words = words[:-n]
                        changed = True
                        break
        return words


_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = " ,;:.!?–—-\"'“”‘’()[]|·•*"
