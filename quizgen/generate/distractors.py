"""Wrong options: same type and format as the answer, from the corpus first.

Each source returns *tiers* of candidates (best first) as ``(option text, keys)`` pairs;
``keys`` are what makes two options mean the same thing (a person's names, a date's ISO
value, a number). ``pick`` draws from the tiers deterministically and never returns a
candidate that repeats the answer, another option, or a conflicted value.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from quizgen.facts import Count, DateFact, Person, Quote
from quizgen.generate import dates
from quizgen.generate.conflicts import Conflicts
from quizgen.generate.corpus import Corpus
from quizgen.generate.fields import QUOTE_WORDS, clean_role, number_text, person_role
from quizgen.generate.text import contains_words, norm, shorten

Candidate = tuple[str, frozenset[str]]


def _role_head(role: str) -> str:
    words = norm(role).split()
    return words[0] if words else ""


def roles_overlap(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    return bool(na and nb) and (na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} ")


def _person_keys(p: Person) -> frozenset[str]:
    return frozenset(norm(n) for n in (p.name, *p.aliases))


def people(corpus: Corpus, ok: Conflicts, answer: str, role: str = "",
           speakers_first: bool = False, never: Iterable[str] = ()) -> list[list[Candidate]]:
    """Other people; those with the same kind of role (or who are quoted) come first."""
    answer_names = corpus.names_of(answer)
    never_names = {n for x in never for n in corpus.names_of(x)}
    pool: dict[str, tuple[str, frozenset[str], list[str]]] = {}
    for p in corpus.people:
        if ok.conflicted(p):
            continue
        pool.setdefault(norm(p.name), (p.name, _person_keys(p), p.roles))
    for q in corpus.quotes:
        if not ok.conflicted(q) and not corpus.person(q.speaker):
            pool.setdefault(norm(q.speaker), (q.speaker, frozenset({norm(q.speaker)}), []))
    quoted = {n for q in corpus.quotes if not ok.conflicted(q) for n in corpus.names_of(q.speaker)}
    head = _role_head(role)
    tiers: list[list[Candidate]] = [[], [], []]
    for _key, (name, keys, roles) in sorted(pool.items()):
        if keys & (answer_names | never_names):
            continue
        if role and any(roles_overlap(role, r) for r in roles):
            continue  # they hold this role too: the option would also be true
        if speakers_first:
            tier = 0 if keys & quoted else 1 if roles else 2
        else:
            same = head and any(_role_head(clean_role(r, corpus)) == head for r in roles)
            tier = 0 if same else 1 if roles else 2
        tiers[tier].append((name, keys))
    return tiers


def quotes(corpus: Corpus, ok: Conflicts, f: Quote) -> list[list[Candidate]]:
    """Direct quotes by other speakers, shortened the same way."""
    speaker = corpus.names_of(f.speaker)
    own = {norm(q.quote) for q in corpus.quotes if corpus.names_of(q.speaker) & speaker}
    tiers: list[list[Candidate]] = [[], []]
    complete = f.quote.strip()[:1].isupper()
    for q in sorted(corpus.quotes, key=lambda q: (q.speaker, q.quote)):
        if q.direct != f.direct or ok.conflicted(q) or corpus.names_of(q.speaker) & speaker:
            continue
        if norm(q.quote) in own or q.quote.strip()[:1].isupper() != complete:
            continue
        text = shorten(q.quote.strip(), QUOTE_WORDS, corpus.words["ellipsis"])
        # one that names the answer's speaker is plainly not theirs: a weak distractor
        weak = any(contains_words(q.quote, n) for n in speaker)
        tiers[1 if weak else 0].append((text, frozenset({norm(q.quote)})))
    return tiers


def roles(corpus: Corpus, ok: Conflicts, p: Person) -> list[list[Candidate]]:
    """Other people's main roles (same head word first), never one this person also holds.

    Only one role per person: "Presiden AS" and "Presiden Amerika Serikat" are the same
    thing, so offering both would give two options that mean the same.
    """
    mine = [clean_role(r, corpus) for r in p.roles]
    names = _person_keys(p)
    head = _role_head(mine[0]) if mine else ""
    tiers: list[list[Candidate]] = [[], []]
    seen: set[str] = set()
    for other in sorted(corpus.people, key=lambda x: x.name):
        if _person_keys(other) & names or ok.conflicted(other):
            continue
        r = person_role(other, corpus)
        if not r or norm(r) in seen or any(roles_overlap(r, m) for m in mine):
            continue
        seen.add(norm(r))
        keys = frozenset({norm(clean_role(x, corpus)) for x in other.roles} | {norm(r)})
        tiers[0 if _role_head(r) == head else 1].append((r, keys))
    return tiers


def date_options(corpus: Corpus, ok: Conflicts, f: DateFact,
                 nearby_only: bool = False) -> list[list[Candidate]]:
    """Corpus dates of the same granularity, then nearby ones; all in the answer's format."""
    d = dates.parse_iso(f.value)
    pat = dates.pattern(f.text, d, corpus.words) if d else None
    if not d or not pat:
        return []
    true_here = {x.value for x in corpus.dates if x.event and x.event == f.event}
    corpus_vals: list[dates.DateValue] = []
    if not nearby_only:
        for x in sorted(corpus.dates, key=lambda x: x.value):
            v = dates.parse_iso(x.value)
            if v and v.granularity == d.granularity and not ok.conflicted(x) \
                    and abs(v.year - d.year) <= 5:
                corpus_vals.append(v)
    near = [v for v in (dates.shift(d, k) for k in dates.NEARBY[d.granularity]) if v]
    tiers = []
    for vals in (corpus_vals, near):
        tier = []
        for v in vals:
            if v.iso() == d.iso() or v.iso() in true_here:
                continue
            text = pat.render(v, corpus.words)
            if text:
                tier.append((text, frozenset({v.iso()})))
        tiers.append(tier)
    return tiers


def nearby_numbers(v: int) -> list[int]:
    step = 1 if v < 20 else 10 ** (len(str(v)) - 2)
    return [n for k in (1, -1, 2, -2, 3, -3, 4, -4, 5) if (n := v + k * step) > 0]


def numbers(corpus: Corpus, ok: Conflicts, f: Count,
            nearby_only: bool = False) -> list[list[Candidate]]:
    """Plausible numbers: corpus counts of a similar size, then nearby values."""
    unit = norm(f.unit)
    true_vals = {c.value for c in corpus.counts if norm(c.unit) == unit and c.unit}
    corpus_vals = [] if nearby_only else sorted({
        c.value for c in corpus.counts
        if not ok.conflicted(c) and f.value / 2 <= c.value <= f.value * 2})
    tiers = []
    for vals in (corpus_vals, nearby_numbers(f.value)):
        tiers.append([(str(n), frozenset({str(n)})) for n in vals
                      if n != f.value and n not in true_vals])
    return tiers


def pick(tiers: list[list[Candidate]], need: int, answer_keys: set[str], answer_text: str,
         ok: Conflicts, rng: random.Random) -> list[str]:
    """``need`` distinct distractors, best tier first, shuffled within a tier."""
    chosen: list[str] = []
    used_keys = set(answer_keys) | {norm(answer_text)}
    for tier in tiers:
        tier = list(tier)
        rng.shuffle(tier)
        for text, keys in tier:
            if len(chosen) == need:
                return chosen
            if norm(text) in used_keys or keys & used_keys:
                continue
            if ok.banned_option(text, *keys):
                continue
            chosen.append(text)
            used_keys |= keys | {norm(text)}
    return chosen if len(chosen) == need else []


__all__ = ["date_options", "nearby_numbers", "number_text", "numbers", "people", "pick",
           "quotes", "roles"]
