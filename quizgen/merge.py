"""One fact base for a corpus: the facts of several articles merged, with their evidence.

- People: the same person under several names ("Putin" / "Vladimir Putin", "Kim Jong Un" /
  "Kim Jong-un", "To Lam" / "Lam") becomes one entity named by its most complete form. Names
  of two or more words join entities; a one-word name joins only when exactly one entity has
  that word in its name, so two people sharing a surname stay two.
- A fact stated by several articles becomes one fact with several sources (corroborated).
- Facts are about an *event signature*: the people the clause names (by name or by a role
  that only one person holds) and its event-verb group from ``quizgen/lang/*/events.yaml``
  ("tiba", "mengunjungi", "arrived" are one group). Articles that give the same signature
  different days (a date, or a weekday alone) or different counts of the same kind of thing
  produce a ``Conflict``; the facts involved stay in the result with ``disputed=True`` so a
  question generator never quizzes them as settled. ``WeekdayMention`` facts are evidence
  only and are not returned.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from quizgen import lang as langdata
from quizgen.facts import (
    Conflict,
    Count,
    DateFact,
    Fact,
    Person,
    Quote,
    Side,
    Source,
    WeekdayMention,
)

DAY_WINDOW = 7  # dates further apart than this are different occurrences, not a disagreement
QUOTE_SIMILARITY = 0.85


# --------------------------------------------------------------------------- words


def key(text: str) -> str:
    """Case-, accent- and hyphen-insensitive form: "Kim Jong-un" -> "kim jong un"."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", folded))


@dataclass(frozen=True)
class Lexicon:
    """Language data of every language at once (a corpus may mix languages)."""

    verbs: dict[str, str]  # verb phrase key -> group
    units: dict[str, str]  # unit phrase key -> group
    weekdays: dict[str, int]  # weekday key -> ISO weekday


@cache
def lexicon() -> Lexicon:
    verbs: dict[str, str] = {}
    units: dict[str, str] = {}
    weekdays: dict[str, int] = {}
    for code in langdata.LANGUAGES:
        for group, words in langdata.data(code, "events")["groups"].items():
            for w in words:
                verbs[key(str(w))] = str(group)
        for group, words in (langdata.data(code, "units").get("groups") or {}).items():
            for w in words:
                units[key(str(w))] = str(group)
        for name, no in langdata.data(code, "dates")["weekdays"].items():
            weekdays[key(str(name))] = int(no)
    return Lexicon(verbs, units, weekdays)


def verb_groups(text: str) -> frozenset[str]:
    padded = f" {key(text)} "
    return frozenset(g for v, g in lexicon().verbs.items() if f" {v} " in padded)


def unit_group(unit: str) -> str:
    """The group of a counted noun ("pakta" and "nota kerja sama" are both agreements)."""
    k = key(unit)
    units = lexicon().units
    words = k.split()
    for candidate in (k, words[0] if words else "", words[-1] if words else ""):
        if candidate in units:
            return units[candidate]
    for suffix in ("nya",):  # "harinya"
        if words and words[0].endswith(suffix) and words[0][: -len(suffix)] in units:
            return units[words[0][: -len(suffix)]]
    return k


def _dedupe_sources(sources: Iterable[Source]) -> list[Source]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for s in sources:
        k = (s.doc, s.start, s.end)
        if k not in seen:
            seen.add(k)
            out.append(s)
    return out


def _dedupe_text(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        k = " ".join(item.casefold().split())
        if k and k not in seen:
            seen.add(k)
            out.append(item)
    return out


# --------------------------------------------------------------------------- people


@dataclass
class Entity:
    """One person across the corpus."""

    names: list[str] = field(default_factory=list)  # every written form, in order seen
    roles: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @property
    def name(self) -> str:
        counts = Counter(self.names)
        first = {n: i for i, n in reversed(list(enumerate(self.names)))}
        return max(counts, key=lambda n: (len(key(n).split()), counts[n], len(n), -first[n]))

    @property
    def keys(self) -> set[str]:
        return {key(n) for n in self.names}

    def person(self) -> Person:
        name = self.name
        aliases = [n for n in _dedupe_text(self.names) if n.casefold() != name.casefold()]
        return Person(name=name, aliases=aliases, roles=_dedupe_text(self.roles),
                      sources=_dedupe_sources(self.sources))


class People:
    """The corpus's entities and how to find one from a name, a role or a clause."""

    def __init__(self, per_doc: list[list[Fact]]):
        persons = [(i, p) for i, facts in enumerate(per_doc) for p in facts
                   if isinstance(p, Person)]
        parent = list(range(len(persons)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        by_full: dict[str, int] = {}
        for n, (_, p) in enumerate(persons):
            for k in {key(x) for x in [p.name, *p.aliases]}:
                if len(k.split()) >= 2:
                    if k in by_full:
                        parent[find(n)] = find(by_full[k])
                    else:
                        by_full[k] = n
        # one-word-only persons join the single entity whose full names hold that word
        full_tokens: dict[str, set[int]] = {}
        for k, n in by_full.items():
            for tok in k.split():
                full_tokens.setdefault(tok, set()).add(find(n))
        single: dict[str, int] = {}
        for n, (_, p) in enumerate(persons):
            ks = {key(x) for x in [p.name, *p.aliases]}
            if any(len(k.split()) >= 2 for k in ks):
                continue
            for k in ks:
                roots = {find(r) for r in full_tokens.get(k, set())}
                if len(roots) == 1:
                    parent[find(n)] = roots.pop()
                elif k in single:
                    parent[find(n)] = find(single[k])
                else:
                    single[k] = n
        groups: dict[int, Entity] = {}
        self.doc_roles: dict[tuple[int, str], set[int]] = {}
        for n, (_, p) in enumerate(persons):
            e = groups.setdefault(find(n), Entity())
            e.names += [p.name, *p.aliases]
            e.roles += p.roles
            e.sources += p.sources
        roots = list(groups)
        self.entities = [groups[r] for r in roots]
        index = {r: i for i, r in enumerate(roots)}
        self._full: dict[str, int] = {}
        token_owners: dict[str, set[int]] = {}
        for i, e in enumerate(self.entities):
            for k in e.keys:
                if len(k.split()) >= 2:
                    self._full[k] = i
                for tok in k.split():
                    token_owners.setdefault(tok, set()).add(i)
        self._single = {t: next(iter(o)) for t, o in token_owners.items() if len(o) == 1}
        # one-word names as written ("Putin", "Lam"), not every word of a name ("To", "Le")
        self._single_names = {
            k: i for i, e in enumerate(self.entities) for k in e.keys
            if len(k.split()) == 1 and self._single.get(k) == i
        }
        role_owners: dict[str, set[int]] = {}
        for n, (doc_i, p) in enumerate(persons):
            for role in p.roles:
                rk = key(role)
                if len(rk.split()) >= 2:
                    self.doc_roles.setdefault((doc_i, rk), set()).add(index[find(n)])
                    role_owners.setdefault(rk, set()).add(index[find(n)])
        self._roles = {r: next(iter(o)) for r, o in role_owners.items() if len(o) == 1}

    def lookup(self, name: str) -> int | None:
        k = key(name)
        if k in self._full:
            return self._full[k]
        if len(k.split()) == 1:
            return self._single.get(k)
        return None

    def canonical(self, name: str) -> str:
        i = self.lookup(name)
        return self.entities[i].name if i is not None else name

    def actors(self, doc_i: int, text: str) -> frozenset[int]:
        """Entities a clause names, by name or by a role only one person holds."""
        padded = f" {key(text)} "
        found = {i for k, i in self._full.items() if f" {k} " in padded}
        found |= {i for t, i in self._single_names.items() if f" {t} " in padded}
        for (d, rk), owners in self.doc_roles.items():
            if d == doc_i and len(owners) == 1 and f" {rk} " in padded:
                found |= owners
        if not found:
            found |= {i for rk, i in self._roles.items() if f" {rk} " in padded}
        return frozenset(found)


# --------------------------------------------------------------------------- events


@dataclass
class Item:
    """A fact with what merging needs to know about it."""

    fact: Fact
    doc: int
    actors: frozenset[int]
    verbs: frozenset[str]
    event_key: str

    def same_event(self, other: Item, need_actors: bool) -> bool:
        if self.event_key and self.event_key == other.event_key:
            return True
        if not (self.verbs & other.verbs):
            return False
        if self.actors and other.actors:
            return bool(self.actors & other.actors)
        return not need_actors


def _item(people: People, fact: Fact, doc: int) -> Item:
    event = getattr(fact, "event", "") or ""
    return Item(fact, doc, people.actors(doc, event), verb_groups(event), key(event))


def _absorb(into: Fact, other: Fact) -> None:
    into.sources = _dedupe_sources([*into.sources, *other.sources])


def _docs(items: Iterable[Item]) -> set[int]:
    return {i.doc for i in items}


def _about(people: People, items: list[Item], what: str) -> str:
    actors = sorted({a for i in items for a in i.actors},
                    key=lambda a: people.entities[a].name)
    verbs = set.intersection(*(set(i.verbs) for i in items)) if items else set()
    who = ", ".join(people.entities[a].name for a in actors)
    verb = "/".join(sorted(verbs))
    return " · ".join(x for x in (who, verb, what) if x)


def _conflict(about: str, sides: list[tuple[str, list[Fact]]]) -> Conflict:
    out = [Side(value=v, sources=_dedupe_sources(s for f in fs for s in f.sources))
           for v, fs in sides]
    return Conflict(about=about, values=[s.value for s in out], sides=out,
                    sources=_dedupe_sources(s for side in out for s in side.sources))


# --------------------------------------------------------------------------- dates


def _weekday_no(name: str | None) -> int | None:
    return lexicon().weekdays.get(key(name)) if name else None


def _merge_dates(items: list[Item]) -> list[Item]:
    merged: list[Item] = []
    for it in items:
        f = it.fact
        assert isinstance(f, DateFact)
        for m in merged:
            if m.fact.value == f.value and m.same_event(it, need_actors=True):  # type: ignore[attr-defined]
                _absorb(m.fact, f)
                m.actors |= it.actors
                break
        else:
            merged.append(it)
    return merged


def _day_conflicts(people: People, dates: list[Item], weekdays: list[Item]) -> list[Conflict]:
    """Different days for one signature across articles (dates, or weekdays alone)."""
    full = [d for d in dates if len(d.fact.value) == 10 and d.actors and d.verbs]  # type: ignore[attr-defined]
    pool = full + [w for w in weekdays if w.actors and w.verbs]
    conflicts: list[Conflict] = []
    used: set[int] = set()
    for n, seed in enumerate(pool):
        if n in used:
            continue
        cluster = [n] + [m for m in range(n + 1, len(pool))
                         if m not in used and pool[m].same_event(seed, need_actors=True)]
        items = [pool[m] for m in cluster]
        if len(_docs(items)) < 2:
            continue
        values = sorted({i.fact.value for i in items if isinstance(i.fact, DateFact)})  # type: ignore[attr-defined]
        days = [dt.date.fromisoformat(v) for v in values]
        if days and (max(days) - min(days)).days > DAY_WINDOW:
            continue  # several occurrences of the event, not a disagreement
        numbers = {d.isoweekday() for d in days}
        numbers |= {_weekday_no(i.fact.weekday) for i in items  # type: ignore[attr-defined]
                    if isinstance(i.fact, WeekdayMention)} - {None}
        if len(values) <= 1 and len(numbers) <= 1:
            continue
        sides: dict[str, list[Fact]] = {}
        for i in items:
            f = i.fact
            if isinstance(f, DateFact):
                label = f"{f.value} ({f.weekday})" if f.weekday else f.value
                label = next((k for k in sides if k.split(" ")[0] == f.value), label)
            else:
                no = _weekday_no(f.weekday)  # type: ignore[attr-defined]
                label = next((k for k, fs in sides.items() if any(
                    isinstance(x, WeekdayMention) and _weekday_no(x.weekday) == no for x in fs)),
                    f.weekday)  # type: ignore[attr-defined]
            sides.setdefault(label, []).append(f)
        if len(sides) < 2:
            continue
        used.update(cluster)
        for i in items:
            if isinstance(i.fact, DateFact):
                i.fact.disputed = True
        conflicts.append(_conflict(_about(people, items, "day"), list(sides.items())))
    return conflicts


# --------------------------------------------------------------------------- counts


def _count_label(c: Count) -> str:
    sign = {"at_least": "≥ ", "at_most": "≤ "}.get(c.bound, "")
    return f"{sign}{c.value} {c.unit}"


def _compatible(a: Count, b: Count) -> bool:
    """Can both be true? (exact 11 vs at_least 10: yes; exact 11 vs exact 15: no)."""
    lo_a, hi_a = _range(a)
    lo_b, hi_b = _range(b)
    return max(lo_a, lo_b) <= min(hi_a, hi_b)


def _range(c: Count) -> tuple[float, float]:
    if c.bound == "at_least":
        return c.value, float("inf")
    if c.bound == "at_most":
        return 0, c.value
    return c.value, c.value


def _merge_counts(items: list[Item]) -> list[Item]:
    merged: list[Item] = []
    for it in items:
        f = it.fact
        assert isinstance(f, Count)
        g = unit_group(f.unit)
        for m in merged:
            mf = m.fact
            assert isinstance(mf, Count)
            if (mf.value, mf.bound) == (f.value, f.bound) and unit_group(mf.unit) == g and (
                m.same_event(it, need_actors=False)
            ):
                _absorb(mf, f)
                m.actors |= it.actors
                break
        else:
            merged.append(it)
    return merged


def _count_conflicts(people: People, counts: list[Item]) -> list[Conflict]:
    conflicts: list[Conflict] = []
    used: set[int] = set()
    for n, seed in enumerate(counts):
        if n in used or not (seed.actors and seed.verbs):
            continue
        group = unit_group(seed.fact.unit)  # type: ignore[attr-defined]
        cluster = [n] + [m for m in range(n + 1, len(counts)) if m not in used
                         and counts[m].actors and counts[m].verbs
                         and unit_group(counts[m].fact.unit) == group  # type: ignore[attr-defined]
                         and counts[m].same_event(seed, need_actors=True)]
        items = [counts[m] for m in cluster]
        facts = [i.fact for i in items]
        clash = any(not _compatible(a, b) and x.doc != y.doc  # type: ignore[arg-type]
                    for x, a in zip(items, facts, strict=True)
                    for y, b in zip(items, facts, strict=True))
        if not clash:
            continue
        used.update(cluster)
        sides: dict[str, list[Fact]] = {}
        for f in facts:
            assert isinstance(f, Count)
            f.disputed = True
            sides.setdefault(_count_label(f), []).append(f)
        conflicts.append(_conflict(_about(people, items, f"number of {group}"),
                                   list(sides.items())))
    return conflicts


# --------------------------------------------------------------------------- quotes


def _similar(a: str, b: str) -> bool:
    x, y = key(a), key(b)
    if not x or not y:
        return False
    if x in y or y in x:
        return min(len(x), len(y)) >= 0.6 * max(len(x), len(y))
    return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= QUOTE_SIMILARITY


def _merge_quotes(people: People, quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in quotes:
        q.speaker = people.canonical(q.speaker)
        for m in out:
            if key(m.speaker) == key(q.speaker) and _similar(m.quote, q.quote):
                _absorb(m, q)
                break
        else:
            out.append(q)
    return out


# --------------------------------------------------------------------------- entry point


def merge(per_doc: list[list[Fact]]) -> list[Fact]:
    """The corpus's fact base: people, dates, counts, quotes (merged), then conflicts."""
    people = People(per_doc)
    dates: list[Item] = []
    weekdays: list[Item] = []
    counts: list[Item] = []
    quotes: list[Quote] = []
    others: list[Fact] = []
    for doc_i, facts in enumerate(per_doc):
        for f in facts:
            if isinstance(f, DateFact):
                dates.append(_item(people, f, doc_i))
            elif isinstance(f, WeekdayMention):
                weekdays.append(_item(people, f, doc_i))
            elif isinstance(f, Count):
                counts.append(_item(people, f, doc_i))
            elif isinstance(f, Quote):
                quotes.append(f)
            elif not isinstance(f, Person):
                others.append(f)
    dates = _merge_dates(dates)
    counts = _merge_counts(counts)
    conflicts = [*_day_conflicts(people, dates, weekdays), *_count_conflicts(people, counts)]
    return [
        *(e.person() for e in people.entities),
        *(i.fact for i in dates),
        *(i.fact for i in counts),
        *_merge_quotes(people, quotes),
        *others,
        *conflicts,
    ]
