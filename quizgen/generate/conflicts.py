"""Which facts are in conflict (never quizzed) and which values may never be options.

A fact is in conflict when one of its sources is evidence for a side of a Conflict, or
when its value is one of a Conflict's values for the same kind of thing.
"""

from __future__ import annotations

import re

from quizgen.facts import Conflict, Count, DateFact, Fact, Person, Quote
from quizgen.generate.text import norm

_ISO = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
_KIND_WORDS = {"date": "date", "tanggal": "date", "count": "count", "jumlah": "count",
               "person": "person", "role": "person", "quote": "quote"}


def conflict_kind(c: Conflict) -> str:
    """The kind of thing a conflict is about: from ``about`` if it says, else from its values."""
    words = set(re.findall(r"\w+", c.about.casefold()))
    for w, kind in _KIND_WORDS.items():
        if w in words:
            return kind
    vals = [str(v).strip() for v in c.values]
    if vals and all(re.fullmatch(r"\d{4}(-\d{2}){0,2}", v) for v in vals):
        return "date"
    if vals and all(re.fullmatch(r"\d+", v) for v in vals):
        return "count"
    return "any"


def fact_values(f: Fact) -> list[str]:
    if isinstance(f, DateFact):
        return [f.value, f.text]
    if isinstance(f, Count):
        return [str(f.value), f.text]
    if isinstance(f, Person):
        return [f.name, *f.roles]
    if isinstance(f, Quote):
        return [f.quote]
    return []


class Conflicts:
    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        self.sources = {s for c in conflicts for side in c.sides for s in side.sources}
        self.sources |= {s for c in conflicts for s in c.sources}
        self.values: dict[str, set[str]] = {}
        for c in conflicts:
            kind = conflict_kind(c)
            vals = {norm(str(v)) for v in c.values} | {norm(s.value) for s in c.sides}
            self.values.setdefault(kind, set()).update(v for v in vals if v)
        # "2024-06-20 (Kamis)": the ISO date inside a value is a date value of its own
        for c in conflicts:
            for v in [*map(str, c.values), *(side.value for side in c.sides)]:
                for iso in _ISO.findall(v):
                    self.values.setdefault("date", set()).add(norm(iso))
        self.banned = {v for vals in self.values.values() for v in vals}
        self._by_first: dict[str, list[str]] = {}
        for v in self.banned:
            self._by_first.setdefault(v.split()[0], []).append(v)
        self._seen: dict[int, tuple[Fact, bool]] = {}
        self._texts: dict[str, bool] = {}
        self._keys: dict[frozenset[str], bool] = {}
        any_kind = self.values.get("any", set())
        # a kind's banned values with those of any kind, united once (not per fact)
        self._of_kind = {k: v | any_kind for k, v in self.values.items()}
        self._any = any_kind

    def conflicted(self, f: Fact) -> bool:
        key = id(f)
        hit = self._seen.get(key)
        if hit is None or hit[0] is not f:
            hit = self._seen[key] = (f, self._conflicted(f))
        return hit[1]

    def _conflicted(self, f: Fact) -> bool:
        if isinstance(f, Conflict) or getattr(f, "disputed", False):
            return True
        if any(s in self.sources for s in f.sources):
            return True
        vals = self._of_kind.get(f.kind, self._any)
        return any(norm(v) in vals for v in fact_values(f) if v)

    def banned_option(self, text: str, keys: frozenset[str]) -> bool:
        """An option naming a conflicted value (as a whole, by key, or as a word in it)."""
        return bool(self.banned) and (self.banned_keys(keys) or self.banned_text(text))

    def banned_keys(self, keys: frozenset[str]) -> bool:
        """Whether one of an option's keys is a conflicted value (the same keys come back in
        many questions: the answer is kept)."""
        hit = self._keys.get(keys)
        if hit is None:
            hit = self._keys[keys] = any(norm(k) in self.banned for k in keys)
        return hit

    def banned_text(self, text: str) -> bool:
        """Whether an option's text names a conflicted value as a whole or as words in it."""
        hit = self._texts.get(text)  # the same options come back in many questions
        if hit is None:
            n = f" {norm(text)} "
            hit = self._texts[text] = any(
                f" {v} " in n for w in set(n.split()) for v in self._by_first.get(w, ()))
        return hit
