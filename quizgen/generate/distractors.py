"""Wrong options: same type and format as the answer, from the corpus first.

Each source returns *tiers* (best first); a tier is a list of items and a function that
turns an item into an option ``(text, keys)`` or rejects it (None) for this question.
``keys`` are what makes two options mean the same thing (a person's names, a date's ISO
value, a number). ``pick`` samples each tier deterministically, so the cost per question
does not grow with the corpus, and never returns a candidate that repeats the answer,
another option, or a conflicted value.
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from quizgen.facts import Count, DateFact, Person, Quote
from quizgen.generate import dates
from quizgen.generate.conflicts import Conflicts
from quizgen.generate.corpus import Corpus
from quizgen.generate.fields import (
    QUOTE_WORDS,
    clean_role,
    format_number,
    person_role,
    role_as_written,
)
from quizgen.generate.text import contains_words, norm, shorten

Candidate = tuple[str, frozenset[str]]
Tier = tuple[Sequence[Any], Callable[[Any], Candidate | None]]
SAMPLE = 64  # candidates looked at per tier and question, at most


def role_head(role: str) -> str:
    words = norm(role).split()
    return words[0] if words else ""


def _overlap_keys(na: str, nb: str) -> bool:
    """Whether two normalised roles are the same or one holds the other as whole words."""
    return bool(na and nb) and (na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} ")


@dataclass(frozen=True)
class PersonEntry:
    name: str
    keys: frozenset[str]
    roles: tuple[str, ...]  # normalised
    quoted: bool


@dataclass(frozen=True)
class QuoteEntry:
    text: str  # shortened, as an option
    key: str  # normalised full quote
    speaker: frozenset[str]  # the speaker's names
    quote: str


@dataclass(frozen=True)
class RoleEntry:
    role: str  # capitalised main role
    keys: frozenset[str]  # every role of everyone whose main role it is, normalised
    person: frozenset[str]  # their names
    key: str  # the role normalised


@dataclass
class Index:
    """Candidate pools for the whole corpus, built once (conflicted facts left out)."""

    people: list[PersonEntry] = field(default_factory=list)
    people_by_head: dict[str, list[PersonEntry]] = field(default_factory=dict)
    quoted_people: list[PersonEntry] = field(default_factory=list)
    quotes: dict[tuple[bool, bool], list[QuoteEntry]] = field(default_factory=dict)
    said: dict[str, set[str]] = field(default_factory=dict)  # name -> normalised quotes
    speakers_of: dict[str, set[str]] = field(default_factory=dict)  # quote -> speaker names
    speaker_names: dict[str, frozenset[str]] = field(default_factory=dict)  # see speakers_of
    roles: list[RoleEntry] = field(default_factory=list)
    roles_by_head: dict[str, list[RoleEntry]] = field(default_factory=dict)
    dates: dict[str, list[str]] = field(default_factory=dict)  # granularity -> sorted ISO
    dates_by_event: dict[str, set[str]] = field(default_factory=dict)  # event -> ISO values
    numbers: list[int] = field(default_factory=list)
    counts_by_unit: dict[str, dict[int, list[Count]]] = field(default_factory=dict)
    date_texts: dict[dates.DatePattern, dict[str, Candidate | tuple[()]]] = field(
        default_factory=dict)  # pattern -> ISO date -> option ((): none), as needed
    count_keys: dict[int, tuple[frozenset[str], frozenset[str]]] = field(
        default_factory=dict)  # id(count) -> its documents and event words, as needed


def index(corpus: Corpus, ok: Conflicts) -> Index:
    cached = getattr(corpus, "_distractor_index", None)
    if cached is not None and cached[0] is ok:
        return cached[1]
    ix = Index()
    quoted: set[str] = set()
    for q in corpus.quotes:
        names = corpus.name_keys(q.speaker)
        ix.speakers_of.setdefault(norm(q.quote), set()).update(names)
        for n in names:
            ix.said.setdefault(n, set()).add(norm(q.quote))
        if ok.conflicted(q):
            continue
        quoted |= names
        complete = q.quote.strip()[:1].isupper()
        text = shorten(q.quote.strip(), QUOTE_WORDS, corpus.words["ellipsis"])
        ix.quotes.setdefault((q.direct, complete), []).append(
            QuoteEntry(text, norm(q.quote), names, q.quote))
    seen: set[str] = set()
    # normalised main role -> (role, keys, people), filled in before the entries are made
    role_entries: dict[str, tuple[str, set[str], set[str]]] = {}
    for p in sorted(corpus.people, key=lambda p: p.name):
        if ok.conflicted(p) or norm(p.name) in seen:
            continue
        seen.add(norm(p.name))
        keys = corpus.person_keys(p)
        roles = tuple(norm(role_as_written(r, corpus)) for r in p.roles)
        entry = PersonEntry(p.name, keys, roles, bool(keys & quoted))
        ix.people.append(entry)
        for h in {r.split()[0] for r in roles if r}:
            ix.people_by_head.setdefault(h, []).append(entry)
        main = person_role(p, corpus)
        if main:  # one entry per role: a common role must not crowd out the rest
            k = norm(main)
            r = role_entries.get(k)
            if r is None:
                r = role_entries[k] = (main, set(roles) | {k}, set())
            r[1].update(roles)
            r[2].update(keys)
    for k, (main, role_keys, holders) in role_entries.items():  # frozen: shared by options
        e = RoleEntry(main, frozenset(role_keys), frozenset(holders), k)
        ix.roles.append(e)
        ix.roles_by_head.setdefault(role_head(main), []).append(e)
    for q in corpus.quotes:  # quoted speakers that are not Person facts are people too
        names = corpus.name_keys(q.speaker)
        if not ok.conflicted(q) and norm(q.speaker) not in seen and not corpus.person(q.speaker):
            seen.add(norm(q.speaker))
            ix.people.append(PersonEntry(q.speaker, names, (), True))
    ix.quoted_people = [e for e in ix.people if e.quoted]
    for d in corpus.dates:
        v = dates.parse_iso(d.value)
        if v and not ok.conflicted(d):
            ix.dates.setdefault(v.granularity, []).append(v.iso())
        if d.event:
            ix.dates_by_event.setdefault(norm(d.event), set()).add(d.value)
    ix.dates = {g: sorted(set(v)) for g, v in ix.dates.items()}
    ix.numbers = sorted({c.value for c in corpus.counts if not ok.conflicted(c)})
    for c in corpus.counts:
        ix.counts_by_unit.setdefault(norm(c.unit), {}).setdefault(c.value, []).append(c)
    corpus._distractor_index = (ok, ix)
    return ix


def speakers_of(corpus: Corpus, ok: Conflicts, quote: str) -> frozenset[str]:
    """Every name of everyone the corpus says said ``quote`` (worked out once per quote:
    a common phrase may have many speakers)."""
    ix = index(corpus, ok)
    k = norm(quote)
    names = ix.speaker_names.get(k)
    if names is None:
        names = ix.speaker_names[k] = frozenset(
            n for x in ix.speakers_of.get(k, ()) for n in corpus.name_keys(x))
    return names


def people(corpus: Corpus, ok: Conflicts, answer: str, role: str = "",
           speakers_first: bool = False, never: Iterable[str] = ()) -> list[Tier]:
    """Other people; those with the same kind of role (or who are quoted) come first.

    ``never``: names of people who may not be options (a ``frozenset`` is taken as the
    complete set of their names, as ``speakers_of`` gives)."""
    ix = index(corpus, ok)
    banned = corpus.name_keys(answer) | (
        never if isinstance(never, frozenset) else {n for x in never for n in corpus.names_of(x)})
    head = role_head(role) if role else role_head(person_role(corpus.person(answer), corpus))

    mine = norm(role)  # normalised once; an entry's roles are normalised already

    def take(e: PersonEntry, need_roles: bool | None = None) -> Candidate | None:
        if e.keys & banned or (need_roles is not None and bool(e.roles) != need_roles):
            return None
        if mine and any(_overlap_keys(mine, r) for r in e.roles):
            return None  # they hold this role too: the option would also be true
        return e.name, e.keys

    first = ix.quoted_people if speakers_first else ix.people_by_head.get(head, [])
    return [(first, take), (ix.people, lambda e: take(e, True)), (ix.people, take)]


def quotes(corpus: Corpus, ok: Conflicts, f: Quote) -> list[Tier]:
    """Quotes of the same kind by other speakers, shortened the same way."""
    ix = index(corpus, ok)
    speaker = corpus.name_keys(f.speaker)
    own = set().union(*(ix.said.get(n, set()) for n in speaker))
    pool = ix.quotes.get((f.direct, f.quote.strip()[:1].isupper()), [])

    def take(e: QuoteEntry, allow_weak: bool) -> Candidate | None:
        if e.speaker & speaker or e.key in own:
            return None
        # one that names the answer's speaker is plainly not theirs: a weak distractor
        if not allow_weak and any(contains_words(e.quote, n) for n in speaker):
            return None
        return e.text, frozenset({e.key})

    return [(pool, lambda e: take(e, False)), (pool, lambda e: take(e, True))]


def roles(corpus: Corpus, ok: Conflicts, p: Person) -> list[Tier]:
    """Other people's main roles (same head word first), never one this person also holds.

    Only one role per person: "Presiden AS" and "Presiden Amerika Serikat" are the same
    thing, so offering both would give two options that mean the same.
    """
    ix = index(corpus, ok)
    mine = [clean_role(r, corpus) for r in p.roles]
    names = corpus.person_keys(p)
    head = role_head(mine[0]) if mine else ""

    mine_keys = [norm(m) for m in mine]

    def take(e: RoleEntry) -> Candidate | None:
        if not names.isdisjoint(e.person) or any(_overlap_keys(e.key, m) for m in mine_keys):
            return None
        return e.role, e.keys

    return [(ix.roles_by_head.get(head, []), take), (ix.roles, take)]


def date_options(corpus: Corpus, ok: Conflicts, f: DateFact,
                 nearby_only: bool = False) -> list[Tier]:
    """Corpus dates of the same granularity, then nearby ones; all in the answer's format."""
    d = dates.parse_iso(f.value)
    pat = dates.pattern(f.text, d, corpus.words) if d else None
    if not d or not pat:
        return []
    ix = index(corpus, ok)
    pool = ix.dates.get(d.granularity, [])
    lo = bisect.bisect_left(pool, f"{d.year - 5:04d}")
    hi = bisect.bisect_left(pool, f"{d.year + 6:04d}")
    near = [v.iso() for v in (dates.shift(d, k) for k in dates.NEARBY[d.granularity]) if v]

    true_here = ix.dates_by_event.get(norm(f.event), set()) if f.event else set()
    answer = d.iso()
    # many articles write dates the same way: one rendered option per pattern and date
    rendered = ix.date_texts.setdefault(pat, {})

    def take(iso: str) -> Candidate | None:
        if iso == answer or iso in true_here:
            return None  # another source dates the same event so: it may be true
        hit = rendered.get(iso)
        if hit is None:
            v = dates.parse_iso(iso)
            text = pat.render(v, corpus.words) if v else None
            hit = rendered[iso] = (text, frozenset({iso})) if text else ()
        return hit or None

    return [([] if nearby_only else pool[lo:hi], take), (near, take)]


def nearby_numbers(v: int) -> list[int]:
    step = 1 if v < 20 else 10 ** (len(str(v)) - 2)
    return [n for k in (1, -1, 2, -2, 3, -3, 4, -4, 5) if (n := v + k * step) > 0]


def _words(text: str) -> frozenset[str]:
    return frozenset(norm(text).split())


def _share(wa: frozenset[str], wb: frozenset[str]) -> float:
    """How much two texts (as normalised word sets) share, of the shorter one."""
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


def _count_keys(ix: Index, c: Count) -> tuple[frozenset[str], frozenset[str]]:
    """A corpus count's documents and event words, worked out once (not per candidate)."""
    hit = ix.count_keys.get(id(c))
    if hit is None:  # the index holds every count it was built from: ids are not reused
        hit = ix.count_keys[id(c)] = (frozenset(s.doc for s in c.sources), _words(c.event))
    return hit


def numbers(corpus: Corpus, ok: Conflicts, f: Count, nearby_only: bool = False) -> list[Tier]:
    """Plausible numbers: corpus counts of a similar size, then nearby values; never the
    number another source gives for the same thing (same unit, same article or event)."""
    ix = index(corpus, ok)
    same_unit = ix.counts_by_unit.get(norm(f.unit), {})
    docs = {s.doc for s in f.sources}
    event = _words(f.event)

    def take(n: int) -> Candidate | None:
        if n == f.value:
            return None
        for c in same_unit.get(n, []):
            c_docs, c_event = _count_keys(ix, c)
            if not docs.isdisjoint(c_docs) or _share(c_event, event) >= 0.5:
                return None
        return format_number(n, corpus.lang), frozenset({str(n)})

    lo = bisect.bisect_left(ix.numbers, (f.value + 1) // 2)
    hi = bisect.bisect_right(ix.numbers, f.value * 2)
    return [([] if nearby_only else ix.numbers[lo:hi], take), (nearby_numbers(f.value), take)]


def sample_lazily(rng: random.Random, n: int, k: int) -> Iterator[int]:
    """``rng.sample(range(n), k)``, one index at a time (same draws, same order).

    ``pick`` usually stops after a few candidates, so drawing all ``k`` up front was most of
    its cost. This is CPython's algorithm (3.11-3.13): a partial Fisher-Yates shuffle for a
    small ``n``, rejection of repeats for a large one; a dict stands in for the shuffled list.
    Each draw is ``rng.randrange(m)`` inlined as CPython computes it (``getrandbits`` of
    ``m.bit_length()`` bits until below ``m``): the call layers cost more than the draw.
    """
    setsize = 21
    if k > 5:
        setsize += 4 ** math.ceil(math.log(k * 3, 4))
    bits = rng.getrandbits
    if n <= setsize:
        moved: dict[int, int] = {}
        for i in range(k):
            m = n - i
            b = m.bit_length()
            j = bits(b)
            while j >= m:
                j = bits(b)
            yield moved.get(j, j)
            last = m - 1
            moved[j] = moved.get(last, last)
    else:
        selected: set[int] = set()
        b = n.bit_length()
        for _ in range(k):
            j = bits(b)
            while j >= n or j in selected:
                j = bits(b)
            selected.add(j)
            yield j


def pick(tiers: list[Tier], need: int, answer_keys: set[str], answer_text: str,
         ok: Conflicts, rng: random.Random) -> list[str]:
    """``need`` distinct distractors, best tier first, sampled at random within a tier."""
    chosen: list[str] = []
    used_keys = set(answer_keys) | {norm(answer_text)}
    for items, take in tiers:
        n = len(items)
        if not n:
            continue
        for i in sample_lazily(rng, n, min(n, max(SAMPLE, need * 16))):
            if len(chosen) == need:
                return chosen
            cand = take(items[i])
            if cand is None:
                continue
            text, keys = cand
            key = norm(text)
            if key in used_keys or not used_keys.isdisjoint(keys) or ok.banned_option(text, keys):
                continue
            chosen.append(text)
            used_keys |= keys
            used_keys.add(key)
        if len(chosen) == need:
            return chosen
    return []


__all__ = ["date_options", "index", "nearby_numbers", "numbers", "people", "pick", "quotes",
           "roles", "speakers_of"]
