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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

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
QUOTE_CONTAINED = 0.6  # a quote inside another is the same quote if it is this long or more


# --------------------------------------------------------------------------- words


def key(text: str) -> str:
    """Case-, accent- and hyphen-insensitive form: "Kim Jong-un" -> "kim jong un"."""
    return _name_key(text) if len(text) <= 80 else _fold(text)


@lru_cache(maxsize=1 << 16)
def _name_key(text: str) -> str:
    """``key`` of a short text (names, roles, units recur across a corpus: fold them once)."""
    return _fold(text)


_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    """Casefolded words without accents. ASCII text (most of it) is left as is by NFKD and
    has no combining marks, so those two steps run only on other text."""
    folded = text.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        if not folded.isascii():
            folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(_WORD.findall(folded))


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


class Phrases:
    """Keys (``key`` forms) that occur as whole words in a text, found without trying each key.

    ``find(k)`` gives what ``f" {p} " in f" {k} "`` would for every phrase ``p`` (whole-word
    containment), but looks up only the phrases that start with one of the text's words.
    """

    def __init__(self, phrases: Iterable[tuple[str, object]] = ()):
        # first word -> phrase length -> phrase -> values: one look-up per length, so a
        # common first word ("Putri" opening hundreds of names) costs no more than a rare one
        # (values in tuples, not lists: the collector stops tracking tuples of plain values,
        # and an index of every name would otherwise add tens of thousands of lists to scan;
        # phrases as the caller's strings, not tuples of words: no copy of each name)
        self._by_first: dict[str, dict[int, dict[str, tuple[object, ...]]]] = {}
        for phrase, value in phrases:
            self.add(phrase, value)

    def add(self, phrase: str, value: object) -> None:
        words = phrase.split(" ")
        by_len = self._by_first.setdefault(words[0], {})
        phrases = by_len.setdefault(len(words), {})
        phrases[phrase] = phrases.get(phrase, ()) + (value,)

    def find(self, text_key: str) -> list:
        """Values of the phrases in ``text_key`` (a ``key`` form), in text order."""
        words = text_key.split(" ")
        found = []
        by_first = self._by_first
        for i, w in enumerate(words):
            by_len = by_first.get(w)
            if by_len is None:
                continue
            for n, phrases in by_len.items():
                values = phrases.get(" ".join(words[i:i + n])) if n > 1 else phrases.get(w)
                if values:
                    found += values
        return found


@cache
def _verb_phrases() -> Phrases:
    return Phrases(lexicon().verbs.items())


def verb_groups(text: str) -> frozenset[str]:
    return _verb_groups_of_key(key(text))


def _verb_groups_of_key(text_key: str) -> frozenset[str]:
    return frozenset(_verb_phrases().find(text_key))


@lru_cache(maxsize=4096)
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


class _Keys(dict):
    """``key`` of each text asked for, worked out once per merge: names and roles recur in
    many articles, and a big corpus has more of them than ``_name_key``'s cache holds."""

    def __missing__(self, text: str) -> str:
        k = self[text] = _fold(text)  # not through ``_name_key``: no second copy in its cache
        return k


@dataclass
class Entity:
    """One person across the corpus."""

    names: list[str] = field(default_factory=list)  # every written form, in order seen
    roles: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @cached_property
    def name(self) -> str:
        """The most complete name, then the most used, the longest, the first seen (worked out
        once: ``names`` is complete when ``People`` hands the entity out)."""
        return _best_name(self.names, key)

    def person(self) -> Person:
        name = self.name
        aliases = [n for n in _dedupe_text(self.names) if n.casefold() != name.casefold()]
        return Person(name=name, aliases=aliases, roles=_dedupe_text(self.roles),
                      sources=_dedupe_sources(self.sources))


def _best_name(names: list[str], fold: Callable[[str], str]) -> str:
    counts = Counter(names)
    first = {n: i for i, n in reversed(list(enumerate(names)))}
    return max(counts, key=lambda n: (len(fold(n).split()), counts[n], len(n), -first[n]))


_NAMED, _ROLE, _VERB = "named", "role", "verb"  # what a phrase of ``People.scan`` is
_SEVERAL = -1  # a role more than one entity holds


def _hold(owners: dict, role: object, owner: int) -> None:
    """Note that ``owner`` holds ``role`` (a set of owners would cost far more memory, and
    only whether there is exactly one matters)."""
    held = owners.setdefault(role, owner)
    if held != owner:
        owners[role] = _SEVERAL


class People:
    """The corpus's entities and how to find one from a name, a role or a clause."""

    def __init__(self, per_doc: list[list[Fact]]):
        persons = [(i, p) for i, facts in enumerate(per_doc) for p in facts
                   if isinstance(p, Person)]
        keys = self._keys = _Keys()
        # each person's name keys, worked out once (the same set both passes iterate)
        pkeys = [{keys[x] for x in [p.name, *p.aliases]} for _, p in persons]
        parent = list(range(len(persons)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def sole_root(members: set[int]) -> int | None:
            """The root of every member if they share one (stops at the second root)."""
            root = None
            for r in members:
                r = find(r)
                if root is None:
                    root = r
                elif r != root:
                    return None
            return root

        by_full: dict[str, int] = {}
        for n, ks in enumerate(pkeys):
            for k in ks:
                if " " in k:  # two or more words
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
        no_members: set[int] = set()
        for n, ks in enumerate(pkeys):
            if any(" " in k for k in ks):
                continue
            for k in ks:
                root = sole_root(full_tokens.get(k, no_members))
                if root is not None:
                    parent[find(n)] = root
                elif k in single:
                    parent[find(n)] = find(single[k])
                else:
                    single[k] = n
        groups: dict[int, tuple[Entity, set[str]]] = {}  # root -> entity, its names' keys
        for n, (_, p) in enumerate(persons):
            root = find(n)
            if root not in groups:
                groups[root] = (Entity(), set())
            e, e_keys = groups[root]
            e.names += [p.name, *p.aliases]
            e.roles += p.roles
            e.sources += p.sources
            e_keys |= pkeys[n]
        del pkeys
        roots = list(groups)
        self.entities = [groups[r][0] for r in roots]
        entity_keys = [groups[r][1] for r in roots]
        del groups
        index = {r: i for i, r in enumerate(roots)}
        self._full: dict[str, int] = {}
        token_owners: dict[str, set[int]] = {}
        for i, ks in enumerate(entity_keys):
            for k in ks:
                if " " in k:
                    self._full[k] = i
                for tok in k.split():
                    token_owners.setdefault(tok, set()).add(i)
        self._single = {t: next(iter(o)) for t, o in token_owners.items() if len(o) == 1}
        # one-word names as written ("Putin", "Lam"), not every word of a name ("To", "Le")
        self._single_names = {
            k: i for i, ks in enumerate(entity_keys) for k in ks
            if k and " " not in k and self._single.get(k) == i
        }
        del entity_keys, token_owners
        # role key -> its one holder, or _SEVERAL; the same per article
        role_owner: dict[str, int] = {}
        doc_roles: dict[tuple[int, str], int] = {}
        for n, (doc_i, p) in enumerate(persons):
            for role in p.roles:
                rk = keys[role]
                if " " in rk:
                    owner = index[find(n)]
                    _hold(role_owner, rk, owner)
                    _hold(doc_roles, (doc_i, rk), owner)
        self._roles = {r: o for r, o in role_owner.items() if o != _SEVERAL}
        for e in self.entities:
            e.name = _best_name(e.names, keys.__getitem__)
        self.names = [e.name for e in self.entities]  # each entity's name, worked out once
        # what ``scan`` looks for in a clause, indexed by first word: names, roles and event
        # verbs in one index, so a clause's words are looked up once, not once per kind
        self._clause = Phrases()
        for k, i in (*self._full.items(), *self._single_names.items()):
            self._clause.add(k, (_NAMED, i))
        for k, i in self._roles.items():
            self._clause.add(k, (_ROLE, i))
        for k, group in lexicon().verbs.items():
            self._clause.add(k, (_VERB, group))
        # an article's own roles (a handful each): " role " searched in " clause " directly
        self._doc_role_phrases: dict[int, list[tuple[str, int]]] = {}  # article -> (role, owner)
        self._found: dict[frozenset, frozenset] = {}
        # clause key -> names, roles, verb groups found in it (syndicated copies of a story
        # repeat their clauses: most are scanned once)
        self._scanned: dict[str, tuple[frozenset[int], frozenset[int], frozenset[str]]] = {}
        for (d, rk), owner in doc_roles.items():
            if owner != _SEVERAL:
                self._doc_role_phrases.setdefault(d, []).append((rk, owner))

    def key(self, name: str) -> str:
        """``key`` of a name, remembered for this merge (names recur in many articles)."""
        return self._keys[name]

    def lookup(self, name: str) -> int | None:
        k = self._keys[name]
        if k in self._full:
            return self._full[k]
        if len(k.split()) == 1:
            return self._single.get(k)
        return None

    def canonical(self, name: str) -> str:
        i = self.lookup(name)
        return self.names[i] if i is not None else name

    def actors(self, doc_i: int, text: str) -> frozenset[int]:
        """Entities a clause names, by name or by a role only one person holds."""
        return self.actors_of_key(doc_i, key(text))

    def actors_of_key(self, doc_i: int, text_key: str) -> frozenset[int]:
        """``actors`` of a clause already in ``key`` form."""
        return self.scan(doc_i, text_key)[0]

    def scan(self, doc_i: int, text_key: str) -> tuple[frozenset[int], frozenset[str]]:
        """The actors (as ``actors``) and the event-verb groups of a clause in ``key`` form."""
        hit = self._scanned.get(text_key)
        if hit is None:  # what does not depend on the article: once per clause text
            named: set[int] = set()
            roles: set[int] = set()
            verbs: set[str] = set()
            for kind, value in self._clause.find(text_key):
                (named if kind is _NAMED else roles if kind is _ROLE else verbs).add(value)
            hit = self._scanned[text_key] = (self._one(frozenset(named)),
                                             self._one(frozenset(roles)),
                                             self._one(frozenset(verbs)))
        found, roles_found, verbs_found = hit
        doc_roles = self._doc_role_phrases.get(doc_i)
        if doc_roles:
            padded = f" {text_key} "
            mine = [owner for role, owner in doc_roles if f" {role} " in padded]
            if mine:
                found = self._one(found.union(mine))
        return found or roles_found, verbs_found

    def _one(self, found: frozenset) -> frozenset:
        """One shared copy of each set ``scan`` finds (clauses repeat a few verb groups and
        actor sets: tens of thousands of items would otherwise each hold their own)."""
        return self._found.setdefault(found, found)


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
    event_key = key(getattr(fact, "event", "") or "")
    actors, verbs = people.scan(doc, event_key)
    return Item(fact, doc, actors, verbs, event_key)


class Events:
    """Items indexed by event key, verb group and actor, so that finding the items an item
    may share an event with (``Item.same_event``) looks at those alone, not at every item.

    ``candidates`` is a superset of the matches, in the order the items were added; callers
    still test ``same_event`` on each.
    """

    def __init__(self, items: Iterable[Item] = ()):
        self.items: list[Item] = []
        self._by_event: dict[str, list[int]] = {}
        self._by_verb: dict[str, list[int]] = {}
        self._by_actor: dict[int, list[int]] = {}
        self._no_actors: list[int] = []  # had no actors when added
        for it in items:
            self.add(it)

    def add(self, it: Item) -> int:
        n = len(self.items)
        self.items.append(it)
        if it.event_key:
            self._by_event.setdefault(it.event_key, []).append(n)
        for v in it.verbs:
            self._by_verb.setdefault(v, []).append(n)
        self.add_actors(n, it.actors)
        if not it.actors:
            self._no_actors.append(n)
        return n

    def add_actors(self, n: int, actors: Iterable[int]) -> None:
        for a in actors:
            owners = self._by_actor.setdefault(a, [])
            if not owners or owners[-1] != n:
                owners.append(n)

    def candidates(self, it: Item, need_actors: bool) -> list[int]:
        found: set[int] = set(self._by_event.get(it.event_key, ())) if it.event_key else set()
        if it.verbs:
            if it.actors:
                for a in it.actors:
                    found.update(self._by_actor.get(a, ()))
                if not need_actors:
                    found.update(self._no_actors)
            elif not need_actors:
                for v in it.verbs:
                    found.update(self._by_verb.get(v, ()))
        return sorted(found)

    def first(self, it: Item, need_actors: bool) -> int | None:
        """The earliest item ``same_event`` as ``it``."""
        for n in self.candidates(it, need_actors):
            if self.items[n].same_event(it, need_actors):
                return n
        return None


_SOURCE_KEYS: dict[int, tuple[Fact, set[tuple[str, int, int]]]] = {}  # per merge() call


def _absorb(into: Fact, other: Fact) -> None:
    """Add ``other``'s new sources to ``into``'s (a fact told by hundreds of articles must not
    re-check its whole source list on each)."""
    hit = _SOURCE_KEYS.get(id(into))
    if hit is None or hit[0] is not into:
        into.sources = _dedupe_sources(into.sources)
        hit = _SOURCE_KEYS[id(into)] = (into, {(s.doc, s.start, s.end) for s in into.sources})
    seen = hit[1]
    for s in other.sources:
        k = (s.doc, s.start, s.end)
        if k not in seen:
            seen.add(k)
            into.sources.append(s)


def _docs(items: Iterable[Item]) -> set[int]:
    return {i.doc for i in items}


def _about(people: People, items: list[Item], what: str) -> str:
    actors = sorted({a for i in items for a in i.actors}, key=lambda a: people.names[a])
    verbs = set.intersection(*(set(i.verbs) for i in items)) if items else set()
    who = ", ".join(people.names[a] for a in actors)
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


def _merge_into(merged: list[Item], by_value: dict[object, Events], value: object, it: Item,
                need_actors: bool) -> None:
    """Absorb ``it`` into the earliest merged item of the same value and event, else keep it."""
    events = by_value.setdefault(value, Events())
    n = events.first(it, need_actors)
    if n is None:
        events.add(it)
        merged.append(it)
        return
    m = events.items[n]
    _absorb(m.fact, it.fact)
    m.actors |= it.actors
    events.add_actors(n, it.actors)


def _merge_dates(items: list[Item]) -> list[Item]:
    merged: list[Item] = []
    by_value: dict[object, Events] = {}
    for it in items:
        assert isinstance(it.fact, DateFact)
        _merge_into(merged, by_value, it.fact.value, it, need_actors=True)
    return merged


def _clusters(pool: list[Item]) -> Iterable[tuple[int, list[int], set[int]]]:
    """For each item of ``pool`` not yet used: it and the later unused items of its event.

    The caller adds the cluster to the yielded ``used`` set when it takes it.
    """
    events = Events(pool)
    used: set[int] = set()
    for n, seed in enumerate(pool):
        if n in used:
            continue
        cluster = [n] + [m for m in events.candidates(seed, need_actors=True)
                         if m > n and m not in used
                         and pool[m].same_event(seed, need_actors=True)]
        yield n, cluster, used


def _day_conflicts(people: People, dates: list[Item], weekdays: list[Item]) -> list[Conflict]:
    """Different days for one signature across articles (dates, or weekdays alone)."""
    full = [d for d in dates if len(d.fact.value) == 10 and d.actors and d.verbs]  # type: ignore[attr-defined]
    pool = full + [w for w in weekdays if w.actors and w.verbs]
    conflicts: list[Conflict] = []
    for _, cluster, used in _clusters(pool):
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


def _clash(items: list[Item]) -> bool:
    """Do two articles give counts that cannot both be true? (exact 11 vs at_least 10: no;
    exact 11 vs exact 15: yes). Two ranges are incompatible when one starts above the other's
    end, so it is enough to compare each article's lowest end with the highest start of the
    other articles."""
    top_lo: dict[int, float] = {}
    low_hi: dict[int, float] = {}
    for it in items:
        lo, hi = _range(it.fact)  # type: ignore[arg-type]
        top_lo[it.doc] = max(lo, top_lo.get(it.doc, lo))
        low_hi[it.doc] = min(hi, low_hi.get(it.doc, hi))
    if len(top_lo) < 2:
        return False
    (d1, lo1), (_, lo2) = sorted(top_lo.items(), key=lambda kv: kv[1], reverse=True)[:2]
    return any((lo2 if doc == d1 else lo1) > hi for doc, hi in low_hi.items())


def _range(c: Count) -> tuple[float, float]:
    if c.bound == "at_least":
        return c.value, float("inf")
    if c.bound == "at_most":
        return 0, c.value
    return c.value, c.value


def _merge_counts(items: list[Item]) -> list[Item]:
    merged: list[Item] = []
    by_value: dict[object, Events] = {}
    for it in items:
        f = it.fact
        assert isinstance(f, Count)
        _merge_into(merged, by_value, (f.value, f.bound, unit_group(f.unit)), it,
                    need_actors=False)
    return merged


def _count_conflicts(people: People, counts: list[Item]) -> list[Conflict]:
    """Counts of one unit group and event signature that articles give incompatibly."""
    by_group: dict[str, list[tuple[int, Item]]] = {}
    for n, it in enumerate(counts):
        if it.actors and it.verbs:
            by_group.setdefault(unit_group(it.fact.unit), []).append((n, it))  # type: ignore[attr-defined]
    found: list[tuple[int, Conflict]] = []  # (position of the seed, conflict): input order
    for group, members in by_group.items():
        pool = [it for _, it in members]
        for seed, cluster, used in _clusters(pool):
            items = [pool[m] for m in cluster]
            if not _clash(items):
                continue
            used.update(cluster)
            sides: dict[str, list[Fact]] = {}
            for it in items:
                f = it.fact
                assert isinstance(f, Count)
                f.disputed = True
                sides.setdefault(_count_label(f), []).append(f)
            found.append((members[seed][0], _conflict(
                _about(people, items, f"number of {group}"), list(sides.items()))))
    return [c for _, c in sorted(found, key=lambda x: x[0])]


# --------------------------------------------------------------------------- quotes


def _similar(a: str, b: str) -> bool:
    """The same words, give or take a few (two articles rarely quote to the letter)."""
    return _similar_keys(_Said(key(a)), _Said(key(b)), _Matcher())


class _Matcher:
    """A difflib matcher whose second sequence is set only when a pair gets that far: most
    pairs are ruled out by their lengths, and setting a sequence indexes all its letters."""

    def __init__(self) -> None:
        self._m = difflib.SequenceMatcher(None, autojunk=False)
        self._b: str | None = None

    def against(self, b: str) -> difflib.SequenceMatcher:
        if self._b != b:
            self._m.set_seq2(b)
            self._b = b
        return self._m


class _Said:
    """A quote's ``key`` form and its letter counts, counted on first need: a kept quote is
    compared with many, and most pairs are ruled out by their lengths before that."""

    __slots__ = ("text", "_letters")

    def __init__(self, text: str):
        self.text = text
        self._letters: Counter[str] | None = None

    @property
    def letters(self) -> Counter[str]:
        if self._letters is None:
            self._letters = Counter(self.text)
        return self._letters


def _similar_keys(a: _Said, b: _Said, matcher: _Matcher) -> bool:
    """``_similar`` of two ``key`` forms; the cheap bounds on difflib's ratio (lengths, then
    letters) rule most pairs out before ``ratio``."""
    x, y = a.text, b.text
    if not x or not y:
        return False
    short, long = sorted((len(x), len(y)))
    if x in y or y in x:
        return short >= QUOTE_CONTAINED * long
    if 2.0 * short / (short + long) < QUOTE_SIMILARITY:
        return False
    if _quick_ratio(a.letters, b.letters, len(x) + len(y)) < QUOTE_SIMILARITY:
        return False
    m = matcher.against(y)
    m.set_seq1(x)
    return m.ratio() >= QUOTE_SIMILARITY


def _quick_ratio(cx: Counter[str], cy: Counter[str], length: int) -> float:
    """``SequenceMatcher.quick_ratio`` (the same float) from the letter counts of both sides,
    which a quote compared with many works out once, not once per pair."""
    if len(cy) < len(cx):
        cx, cy = cy, cx
    matches = 0
    for c, n in cx.items():
        m = cy.get(c)
        if m:
            matches += n if n < m else m
    return 2.0 * matches / length


def _merge_quotes(people: People, quotes: list[Quote]) -> list[Quote]:
    """Repeats of a quote by one speaker become one quote with several sources.

    A quote is compared only with the kept quotes of its speaker (by ``key``), each of whose
    ``key`` form is worked out once, and the earliest similar one absorbs it.
    """
    out: list[Quote] = []
    by_speaker: dict[str, list[tuple[Quote, _Said]]] = {}
    matcher = _Matcher()
    for q in quotes:
        q.speaker = people.canonical(q.speaker)
        said = _Said(key(q.quote))
        kept = by_speaker.setdefault(people.key(q.speaker), [])
        for m, m_said in kept:
            if _similar_keys(m_said, said, matcher):
                _absorb(m, q)
                break
        else:
            kept.append((q, said))
            out.append(q)
    return out


# --------------------------------------------------------------------------- entry point


def merge(per_doc: list[list[Fact]]) -> list[Fact]:
    """The corpus's fact base: people, dates, counts, quotes (merged), then conflicts."""
    _SOURCE_KEYS.clear()
    try:
        return _merge(per_doc)
    finally:
        _SOURCE_KEYS.clear()
        _name_key.cache_clear()  # tens of MB for a big corpus, of no use to question writing


def _merge(per_doc: list[list[Fact]]) -> list[Fact]:
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
