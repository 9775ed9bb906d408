"""Named people and the roles an article gives them.

A name is a run of capitalised words that the language data does not know as a title, place,
organisation, outlet or function word. It is a person when the text says so:
a role before it ("Presiden Rusia Vladimir Putin", "Vietnam's President To Lam"), an appositive
after it ("Carlyle Thayer, profesor emeritus di ..."), or (for 2-4 word names) its use as a
speaker ("kata Budi Santoso", "Jane Doe said"). Short forms ("Putin", "Lam") that match one
full name uniquely become its aliases; a short form shared by two people resolves to nobody.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import compress, count

from quizgen.document import Document
from quizgen.extract.names import (
    ACRO,
    CAP,
    CAPSTOP,
    CONN,
    GENERIC,
    HEAD,
    LOW,
    MOD,
    NUM,
    ORG,
    OUTLET,
    PLACE,
    ROLE_KINDS,
    STOP,
    Tokens,
    name_key,
    name_words,
    runs,
    skip_name_tail,
    tokens,
)
from quizgen.facts import Person, Source

_APPOSITIVE_END = set(',.;:!?()“”"‘’«»')
_MAX_APPOSITIVE = 14


@dataclass
class Mention:
    """One place where the article names a person (role included when there is one)."""

    key: str  # name_key of the person
    tok_start: int  # first token (the role's, when the role comes first)
    name_start: int  # first token of the name itself
    name_end: int  # one past the last token of the name
    tok_end: int  # one past the last token, appositive role included

    @property
    def span(self) -> tuple[int, int]:
        return self.tok_start, self.tok_end


@dataclass
class _Entry:
    name: str
    first: int
    variants: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    evidence: Source | None = None


@dataclass
class _Cand:
    i: int
    j: int
    role_start: int | None  # first token of a role before the name
    appositive: tuple[int, int] | None  # token range of a role after the name
    role_end: int | None = None  # one past the role's last token, when not right before i
    predicate: tuple[int, int] | None = None  # a role after a copula ("merupakan warga X")
    group: tuple[int, int] | None = None  # the noun a list of names is introduced by

    @property
    def role_last(self) -> int:
        return (self.role_end if self.role_end is not None else self.i) - 1


def extract_people(doc: Document) -> list[Person]:
    """People named in ``doc``, in order of first mention, each with roles and evidence."""
    return analyse(doc)[0]


_LAST: list = []


def analyse(doc: Document) -> tuple[list[Person], list[Mention]]:
    """People plus every mention of them (full names, aliases), for the quote extractor.
    The last document's result is cached: the quote extractor asks again for the mentions."""
    t = tokens(doc)
    if _LAST and _LAST[0] is t:
        return _LAST[1]
    result = _analyse(t)
    _LAST[:] = [t, result]
    return result


def _analyse(t: Tokens) -> tuple[list[Person], list[Mention]]:
    all_runs = [(i, j) for i, j in runs(t) if t.sent[i] not in t.headline]
    solo = {name_key(t.word[i]) for i, j in all_runs if j - i == 1}
    places = _article_places(t)
    cands = [_candidate(t, i, j, solo, places) for i, j in all_runs]
    cands = [c for c in cands if c is not None]
    _share_roles(t, cands)
    singles = {_key(t, c) for c in cands if c.j - c.i == 1 and _speaker_adjacent(t, c.i, c.j)}
    entries: dict[str, _Entry] = {}
    index: dict[str, list[str]] = {}  # word -> keys of the entries whose name has it
    mentions: list[Mention] = []
    confirmed: set[int] = set()
    # 1. names the text presents as persons (multi-word first, so short forms find them)
    cwords = [name_words(t, c.i, c.j) for c in cands]  # once per candidate, not twice
    ok = [_confirmed(t, c, w, singles, places) for c, w in zip(cands, cwords, strict=True)]
    _given(t, cands, cwords, ok)
    _listed(t, cands, cwords, ok)
    _inside_roles(t, cands, ok)
    _full_forms(t, cands, cwords, ok)
    order = sorted(range(len(cands)), key=lambda n: -len(cwords[n]))
    for n in order:
        c = cands[n]
        if not ok[n]:
            continue
        if True:
            key = _key(t, c)
            if key not in entries:
                owners = _owners(entries, index, key)
                if owners:  # a short form of someone already known ("Presiden Putin")
                    if len(owners) == 1:
                        _add_alias(entries[owners[0]], _text(t, c))
                        _add_roles(t, c, entries[owners[0]])
                        confirmed.add(n)
                    continue
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = _Entry(_text(t, c), t.start[c.i])
                for word in dict.fromkeys(key.split()):
                    index.setdefault(word, []).append(key)
            if _text(t, c) != entry.name and _text(t, c) not in entry.variants:
                entry.variants.append(_text(t, c))
            _add_roles(t, c, entry)
            if entry.evidence is None:
                entry.evidence = _source(t, c.i, c.j)
            confirmed.add(n)
    # 2. every mention: full names and unique short forms
    for c in cands:
        key = _key(t, c)
        if key not in entries:
            owners = _owners(entries, index, key)
            if len(owners) != 1 or _is_function_word(t, c):
                continue
            key = owners[0]
            _add_alias(entries[key], _text(t, c))
            if c.role_start is not None or c.appositive is not None:
                _add_roles(t, c, entries[key])
        start = c.role_start if c.role_start is not None else c.i
        end = c.appositive[1] if c.appositive else c.j
        mentions.append(Mention(key, start, c.i, c.j, end))
    people = []
    for e in sorted(entries.values(), key=lambda e: e.first):
        sources = e.sources or ([e.evidence] if e.evidence else [])
        aliases = list(dict.fromkeys(a for a in [*e.variants, *e.aliases] if a != e.name))
        people.append(Person(e.name, aliases=aliases, roles=e.roles, sources=sources))
    return people, mentions


# --------------------------------------------------------------------------- candidates


def _candidate(t: Tokens, i: int, j: int, solo: set[str], places: set[str]) -> _Cand | None:
    if _after_outlet(t, i) or t.low[i] in t.lex.number_words and t.word[i][:1].isupper():
        return None  # "aktivis Satu Hati": a group's name, no person's
    if (
        j - i > 4 and len(name_words(t, i, j)) > 4 and not _long_name(t, i, j)
    ) or _in_institution(t, i, j):
        # "peneliti Yayasan Bumi Lestari Sekar Ayu Larasati": the institution's name runs into
        # the person's; split where the article's own short form ("Sekar") starts the name
        s = _split(t, i, j, solo)
        if s is None:
            s = _unit_words(t, i, j, solo, places)  # "Kabupaten Garut Haeruman"
            if s == i:
                return None
        i = s
    else:
        i = _unit_words(t, i, j, solo, places)
    before = _role_before(t, i, j)
    if i > 1 and t.low[i - 1] in t.lex.honorifics and t.spaced(i):
        # "Ketua panitia Dr. Nur Wibowo": the role stands before the honorific
        outer = _role_before(t, i - 1, j)
        if outer is not None and outer[0] < i - 1:
            before = (outer[0], outer[1] if outer[1] is not None else i - 1)
    if before is not None and t.gap(before[0]).strip() == "," and _only_ranks(t, before[0], i):
        # "Kapolresta Sleman, Kombes Pol Dr. Budi ...": the office stands before the comma
        outer = _role_before(t, before[0], j, comma=True)
        if outer is not None:
            before = (outer[0], before[0])
    if before is not None and _in_body_name(t, before[0]):
        return None  # "Asosiasi Peternak Sapi Boyolali": a title word inside a body's name
    if before is None:
        before = _role_named(t, i)
    role_start, role_end = before if before is not None else (None, None)
    return _Cand(i, j, role_start, _role_after(t, j), role_end, _role_copula(t, i, j))


def _role_named(t: Tokens, i: int) -> tuple[int, int] | None:
    """(first token, naming word) of what a person is, said before a naming word ("anak
    bernama Rafi", "a boy named Tom"), or None."""
    k = i - 1
    if k < 1 or t.low[k] not in t.lex.naming_words or not t.spaced(i) or not t.spaced(k):
        return None
    a = k
    while a > 0 and k - a < _MAX_NAMED_ROLE and t.sent[a - 1] == t.sent[i] and (
            a == k or t.spaced(a)) and t.kind[a - 1] in ROLE_KINDS:
        a -= 1
    if a == k or not any(t.kind[x] == HEAD for x in range(a, k)):
        return None
    while t.kind[a] == CONN:
        a += 1
    return (a, k) if a < k else None


_MAX_NAMED_ROLE = 4


def _long_name(t: Tokens, i: int, j: int) -> bool:
    """A name of more than four words right after an office, with no place, body or title
    word in it: honorific chains ("Minister Tengku Datuk Seri Amran Abdul Aziz")."""
    return (
        j - i <= _MAX_LONG_NAME
        and all(t.kind[k] == CAP or t.low[k] in t.lex.particles for k in range(i, j))
        and _role_before(t, i, j) is not None
    )


_MAX_LONG_NAME = 8


def _role_copula(t: Tokens, i: int, j: int) -> tuple[int, int] | None:
    """Token range of a role a copula gives the name: "Darto (41) merupakan warga Desa
    Sukamaju", "Ann Moyo is a nurse at ..."."""
    k = skip_name_tail(t, j, i)
    if k >= t.n or (k == j and not t.spaced(k)) or t.sent[k] != t.sent[i]:
        return None
    k = _past_relative(t, k)
    m = t.match(k, t.lex.copulas)
    if not m:
        return None
    a = k + m
    a += t.match(a, t.lex.articles)
    if a >= t.n or t.kind[a] != HEAD or not t.spaced(a) or t.low[a] in t.lex.honorifics:
        return None
    b = t.cend[a]
    while b < t.n and t.sent[b] == t.sent[a] and b - a < _MAX_APPOSITIVE and t.spaced(b):
        if t.low[b] in t.lex.appositive_stops or t.match(b, t.lex.verbs):
            break
        if t.low[b] in t.lex.stop and t.kind[b] != CONN:
            break
        b += 1
    return a, b


def _past_relative(t: Tokens, k: int) -> int:
    """The copula after a short relative clause at token k ("Rafi (16) yang tersengat listrik
    merupakan warga ..."), else k."""
    if t.low[k] not in t.lex.relative:
        return k
    for x in range(k + 1, min(k + _MAX_RELATIVE, t.n)):
        if t.sent[x] != t.sent[k] or t.gap(x).strip() not in ("", ","):
            return k
        if t.match(x, t.lex.copulas) and t.spaced(x):
            return x
    return k


_MAX_RELATIVE = 10


def _only_ranks(t: Tokens, a: int, b: int) -> bool:
    """Are tokens a..b-1 ranks and honorifics only ("Kombes Pol Dr.")?"""
    k = a
    while k < b:
        if not (_is_rank(t, k) or t.low[k] in t.lex.honorifics):
            return False
        k = t.cend[k]
    return k == b


def _in_body_name(t: Tokens, k: int) -> bool:
    """Does token k follow an institution word ("Asosiasi", "Paguyuban") in one name?"""
    if k == 0 or not t.spaced(k) or not t.word[k][:1].isupper():
        return False
    s = t.cstart[k - 1]
    return t.kind[s] == ORG and " ".join(t.low[s:k]) in t.lex.institutions


def _unit_words(t: Tokens, i: int, j: int, solo: set[str], places: set[str]) -> int:
    """Indonesian offices name their unit right after the title ("Bupati Sukabumi Asep
    Japar"): after a title, leading words the article uses as places ("Kabupaten Sukabumi")
    belong to the role, and so do words before the first name the article uses alone
    ("Asep"). Returns the first token of the person's name."""
    if t.lex.place_before_title or i == 0:
        return i
    if not ((t.spaced(i) and t.kind[i - 1] in ROLE_KINDS) or _paren_acronym(t, i)):
        return i
    if t.low[i - 1] in t.lex.honorifics:
        return i  # "Ir. Lestari T. Nugroho": a name follows an honorific, never a unit
    s = i
    while s < j - 1 and t.low[s] in places:
        s += 1
    if s > i:
        return s
    for s in range(i + 1, j - 1):
        if len(t.word[s]) > 1 and name_key(t.word[s]) in solo:  # an initial is no short form
            return s
    return i


def _article_places(t: Tokens) -> set[str]:
    """Words the article itself uses as place names: the capitalised word after an
    administrative unit ("Kabupaten Sukabumi", "Kota Demak")."""
    units = t.lex.admin_units
    if not units:
        return set()
    at = compress(count(), map(units.__contains__, t.low))  # the few unit words, C-speed
    return {
        t.low[k + 1]
        for k in at
        if k < t.n - 1 and t.spaced(k + 1) and t.word[k + 1][:1].isupper()
    }


def _split(t: Tokens, i: int, j: int, solo: set[str]) -> int | None:
    for s in range(i + 1, j - 1):
        if name_key(t.word[s]) in solo and len(name_words(t, s, j)) <= 4:
            return s
    if j - i >= 3 and name_key(t.word[j - 1]) in solo:
        return j - 2
    return None


def _institution_start(t: Tokens, k: int) -> int | None:
    """If token k ends an institution's name ("Universitas Gadjah Mada"), the institution word."""
    inst = t.lex.institutions
    r, steps = k, 0
    while r >= 0 and steps < 6 and t.word[r][:1].isupper():
        if r != k and not t.spaced(r + 1):
            return None  # never across a full stop or a sentence
        s = t.cstart[r]
        if t.kind[r] == ORG and " ".join(t.low[s : t.cend[r]]) in inst:
            return s
        r, steps = s - 1, steps + 1
    return None


def _confirmed(
    t: Tokens, c: _Cand, words: list[int], singles: set[str], places: set[str]
) -> bool:
    """Does the text present this name as a person (role, appositive, speaker, short form)?"""
    if not words or (len(words) < 2 and t.low[c.i] in places):
        return False  # "pengurus PKPI Kendal" after "Kabupaten Kendal": the place, not a name
    if c.role_start is not None:
        if c.j < t.n and t.spaced(c.j) and t.kind[c.j] in (HEAD, MOD, ORG):
            return False  # "Direktur Reserse Kriminal Khusus ...": a longer title, not a name
        if len(words) < 2 and c.j < t.n and t.spaced(c.j) and t.kind[c.j] == PLACE:
            return False  # "(BPBD) Tapanuli Tengah, Hendra ...": a place, not a name
        # "warga Kelurahan Sereal": a place follows such a word more often than a name
        place_next = t.low[c.role_last] in t.lex.place_heads and c.role_last == c.i - 1
        if not place_next and (len(words) >= 2 or t.kind[c.role_last] in (PLACE, ORG, ACRO, NUM)):
            return True  # "Ketua RW 03 Sutarno": a numbered unit, then the name
        if t.low[c.role_last] in t.lex.honorifics or _aged(t, c.j) or (
            c.role_end is not None and t.low[c.role_end] in t.lex.naming_words
        ):
            return True  # "Bu Warsini", "Pak Darto", "Mr Pell"; "korban Darto (41)"
        if (
            t.word[c.role_last].islower()
            and t.low[c.role_last] not in t.lex.place_heads
            and c.j < t.n
            and t.gap(c.j).strip() == ","
            and not t.word[c.j][:1].isupper()
            and len(t.word[c.i]) > 2
        ):
            return True  # "ibu korban, Darti, mengaku": a role in lower case, then a name
        if t.kind[c.role_last] == CAP and t.low[c.role_last] in places:
            return True  # "Bupati Demak Eistianah" ("Kabupaten Demak" elsewhere)
        # a one-word name after a title ("Menteri Luar Negeri Sugiono") that the article
        # also uses on its own as a speaker
        return name_key(t.word[c.i]) in singles
    if len(words) >= 2 and c.appositive is not None:
        return True
    if _aged(t, c.j) and (len(words) > 1 or len(t.word[c.i]) > 1) and not t.word[c.i].isupper():
        return True  # "Darto (41)", "Sri Lestari (38 tahun)": an age is a person's
    if _owned(t, c.i) and 2 <= len(words) <= 3:
        return True  # "Norway's Ingrid Dahl", "the party's Ann Moyo"
    if len(words) == 1 and c.appositive is not None and len(t.word[c.i]) > 2:
        return _speaker_adjacent(t, c.i, c.j)  # "kata Darto, warga setempat"
    if len(words) < 2 or any(t.kind[k] == CAPSTOP for k in words):
        return False
    if _speaker_adjacent(t, c.i, c.j):
        return True
    # referred to by one of its words alone elsewhere ("Vladimir Putin" ... "Putin")
    return any(name_key(t.word[k]) in singles for k in words if t.kind[k] == CAP)


def _aged(t: Tokens, j: int) -> bool:
    """Does an age follow the name ending before token j: "(41)", "(41 tahun)", ", 41,"?"""
    n = t.n
    if j >= n - 1 or t.kind[j] != NUM or len(t.word[j]) > 3 or t.sent[j] != t.sent[j - 1]:
        return False
    gap = t.gap(j).strip()
    after = t.gap(j + 1).strip()
    if not t.word[j].isdecimal() or not 0 < int(t.word[j]) < 120:
        return False
    if gap == "(":
        if after[:1] == ")":
            return True
        return t.low[j + 1] in t.lex.age_words and j + 2 < n and t.gap(j + 2).strip()[:1] == ")"
    return gap == "," and after[:1] == "," and len(t.word[j]) == 2


def _owned(t: Tokens, i: int) -> bool:
    """English "Norway's Ingrid Dahl", "the party's Ann Moyo": a possessive before a name
    names the country, party or team a person belongs to."""
    return (
        t.lex.place_before_title
        and i > 0
        and t.spaced(i)
        and t.poss[i - 1]
        and t.kind[i - 1] in (PLACE, ORG, ACRO, CAP, LOW)
        and not (i + 1 < t.n and t.kind[i + 1] in (GENERIC, OUTLET))
    )


def _listed(t: Tokens, cands: list[_Cand], cwords: list[list[int]], ok: list[bool]) -> None:
    """Names listed together with a person are people too ("Sri (60), Darto (41) dan Wati";
    "Ann Moyo of Kenya, Li Wei of China and Omar Haddad of Egypt"). ``ok`` is updated."""
    aff = t.lex.affiliation
    keys = [_key(t, c) for c in cands]
    people = {k for k, o in zip(keys, ok, strict=True) if o}
    order = sorted(
        (n for n, c in enumerate(cands) if not _origin(t, c.i)),
        key=lambda n: cands[n].i,
    )
    chains: list[list[int]] = []
    strong: list[bool] = []
    for a, b in zip(order, order[1:], strict=False):
        link = _list_link(t, cands[a], cands[b])
        if not link:
            continue
        if chains and chains[-1][-1] == a:
            chains[-1].append(b)
            strong[-1] = strong[-1] or link > 1
        else:
            chains.append([a, b])
            strong.append(link > 1)
    for chain, firm in zip(chains, strong, strict=True):
        # "Bek Persis, Rian menyebut" is a role and a name, "Gedung Sate, Bandung, Ridwan" a
        # place and a name: a list has a joiner, an age or an origin, or else three names
        # of which two are people already and the rest full names
        known = sum(ok[n] or keys[n] in people for n in chain)  # here or elsewhere
        if not known or not (firm or (len(chain) >= 3 and known >= 2)):
            continue
        said = cands[chain[-1]].predicate
        group = _group_noun(t, cands[chain[0]])
        for n in chain:  # "Sri (60), Darto (41) dan Wati merupakan warga X": each of them
            cands[n].predicate = cands[n].predicate or said
            if cands[n].role_start is None and cands[n].appositive is None:
                cands[n].group = group
        for n in chain:
            single = len(cwords[n]) < 2
            if single and (cands[n].role_start is not None or not firm or cands[n].i > 0
                           and t.low[cands[n].i - 1] in aff):
                continue  # "the mayor of Leeds and Bob Wu": a place, not a listed name
            if not ok[n] and _plain_name(t, cands[n], cwords[n]):
                ok[n] = True


def _group_noun(t: Tokens, first: _Cand) -> tuple[int, int] | None:
    """Token range of the person noun that a list of names starting at ``first`` is
    introduced by: "para duta besar ..., termasuk A, B", "tiga korban ... Mereka yakni A, B"
    (a pronoun before the introducer looks in the sentence before), or None."""
    lex = t.lex
    i = first.role_start if first.role_start is not None else first.i
    k = None
    for n in (1, 2):  # the introducer ends right before the list
        if i - n >= 0 and t.sent[i - n] == t.sent[i] and t.match(i - n, lex.list_intros) == n:
            k = i - n
            break
    if k is None:
        return None
    lo = t.by_sentence[t.sent[k]][0]
    if k - lo <= 1 and lo > 0 and (k == lo or t.kind[lo] == STOP):  # "Mereka yakni ..."
        lo, k = t.by_sentence[t.sent[lo - 1]][0], lo - 1
    for h in range(k - 1, max(lo, k - _MAX_GROUP_REACH) - 1, -1):
        if t.kind[h] == HEAD and t.word[h].islower() and t.low[h] not in lex.honorifics \
                and t.cend[h] - 1 == h and t.sent[h] == t.sent[k]:
            return t.cstart[h], t.cend[h]
    return None


_MAX_GROUP_REACH = 16


def _origin(t: Tokens, i: int) -> bool:
    """Is the word at token i (part of) where the name before comes from: "X dari Kuba",
    "Y dari Papua Nugini", "Z of Chile"?"""
    k = i - 1
    while k > 0 and t.spaced(k + 1) and t.word[k][:1].isupper():
        k -= 1
    return (
        k > 0 and t.low[k] in t.lex.affiliation and t.spaced(k + 1) and t.spaced(k)
        and t.word[k - 1][:1].isupper()
    )


def _inside_roles(t: Tokens, cands: list[_Cand], ok: list[bool]) -> None:
    """A name inside a person's role is the unit the role names, not a person ("Pelatih
    Persita Tangerang, Budi ...": "Persita Tangerang" is the club); so is a name right after
    the title of an appositive ("Darto, aktivis Kali Bersih": the group; but "Ann, wife of
    Bob Hale" names a person)."""
    roles = [(c.role_start, c.role_last + 1) for c, k in zip(cands, ok, strict=True)
             if k and c.role_start is not None]
    asides = [c.appositive for c, k in zip(cands, ok, strict=True)
              if k and c.appositive is not None]
    for spans, after_title in ((sorted(roles), False), (sorted(asides), True)):
        starts = [a for a, _ in spans]
        for n, c in enumerate(cands):
            k = bisect_right(starts, c.i) - 1
            if ok[n] and k >= 0 and c.j <= spans[k][1] and (
                    not after_title or c.i > spans[k][0] and t.kind[c.i - 1] == HEAD):
                ok[n] = False


def _given(t: Tokens, cands: list[_Cand], cwords: list[list[int]], ok: list[bool]) -> None:
    """A plain name of two to four words that starts with a common given name ("Greg
    Rutherford", "Siti Aminah") is a person's, unless the article also writes that word in
    lower case (then it is a word, not a name, there)."""
    given = t.lex.given_names
    if not given:
        return
    lower = None
    for n, c in enumerate(cands):
        words = cwords[n]
        if ok[n] or not 2 <= len(words) <= 4 or t.low[words[0]] not in given:
            continue
        if lower is None:
            lower = {w for w, low in zip(t.word, t.low, strict=True) if w[:1].islower()}
        if t.low[words[0]] not in lower and _plain_name(t, c, words):
            ok[n] = True


def _plain_name(t: Tokens, c: _Cand, words: list[int]) -> bool:
    """Is candidate c a plain name of 1-4 capitalised unknown words, standing alone (not a
    party tag, not followed by "for ..." or a capitalised word as a body's name is)?"""
    if not 1 <= len(words) <= 4 or any(t.kind[k] != CAP for k in words):
        return False
    if len(words) == 1 and len(t.word[c.i]) < 3:
        return False
    tag = t.lex.name_tag
    if tag is not None and tag.fullmatch(t.word[c.i]):
        return False  # "R-Ohio"
    k = c.j
    if k >= t.n or not t.spaced(k):
        return True
    if t.kind[k] == CONN:  # "X dari Kuba", "X for ten years", never "Institute for Peace"
        nxt = k + 1 < t.n and t.spaced(k + 1) and t.word[k + 1][:1].isupper()
        return t.low[k] in t.lex.affiliation or not nxt
    return not t.word[k][:1].isupper()


def _full_forms(t: Tokens, cands: list[_Cand], cwords: list[list[int]], ok: list[bool]) -> None:
    """A one-word name known as a person ("Rashford, 26,") makes the one full name that
    ends in it ("Marcus Rashford") a person, so the short form becomes its alias."""
    known = {name_key(t.word[c.i]) for c, k in zip(cands, ok, strict=True) if k and c.j - c.i == 1}
    if not known:
        return
    full: dict[str, list[int]] = {}
    for n, c in enumerate(cands):
        if not ok[n] and len(cwords[n]) >= 2 and _plain_name(t, c, cwords[n]):
            last = name_key(t.word[c.j - 1])
            if last in known:
                full.setdefault(last, []).append(n)
    for ns in full.values():
        if len({name_key(_text(t, cands[n])) for n in ns}) == 1:
            for n in ns:
                ok[n] = True


def _list_link(t: Tokens, x: _Cand, y: _Cand) -> int:
    """Do the names x and y stand next to each other in one list? 0: no; 1: a comma only
    ("X, Y"); 2: a joiner, an age or an origin ("X dan Y", "X (41), Y", "X dari Kuba, Y")."""
    if t.sent[x.i] != t.sent[y.i] or x.appositive is not None:
        return 0
    k = x.j
    y0 = y.role_start if y.role_start is not None else y.i
    firm = 1
    if k < t.n and _aged(t, k):
        firm = 2
        k += 1
        while k < t.n and t.gap(k).strip()[:1] != ")":
            k += 1
    if k < t.n and t.low[k] in t.lex.affiliation and t.spaced(k):
        # the country or body each listed person comes from
        r = k + 1
        while r < t.n and r < y0 and t.word[r][:1].isupper() and (r == k + 1 or t.spaced(r)):
            r += 1
        if r == k + 1:
            return 0
        k, firm = r, 2
    if k > y0:
        return 0
    gap = t.gap(k).strip().lstrip(")").strip()
    if k == y0:
        return firm if gap in (",", ";") else 0
    joined = t.low[k] in t.lex.joiners and gap in ("", ",") and t.spaced(y0)
    return 2 if k + 1 == y0 and joined else 0


def _role_before(
    t: Tokens, i: int, j: int, comma: bool = False
) -> tuple[int, int | None] | None:
    """(first token, end) of a role phrase right before the name, or None. The end is None
    when the role touches the name, else the first token of a rank standing between them
    ("Kapolres Metro Jakarta Selatan Kombes Ade ...": the rank is not the role).
    A comma may stand between role and name when the name is comma-wrapped, when a speech
    verb follows it ("Ketua Paguyuban Tani Makmur, Warsito mengatakan") or when ``comma``
    (a rank after the comma: "Kapolres Sleman, AKBP Budi ...")."""
    if i == 0 or t.sent[i - 1] != t.sent[i]:
        return None
    if not t.spaced(i) and not _paren_acronym(t, i):
        comma_wrapped = (
            t.gap(i).strip() == ","
            and j < t.n
            and (t.gap(j).strip() == "," or _pair_end(t, j) is not None)
            and t.sent[j] == t.sent[i]
        )
        if not comma_wrapped and not (t.gap(i).strip() == "," and (comma or _verb_after(t, i, j))):
            return None
    lex = t.lex
    english = lex.place_before_title
    chunks: list[int] = []  # chunk starts, right to left
    head = False  # an office (not a rank) among the chunks
    org = _paren_acronym(t, i)  # inside an organisation's name that ends in "(ACRONYM)"
    k = i - 1
    if english and not t.spaced(i):
        k = _place_tail(t, i, chunks)  # "The MP for Penrith and Solway, Markus ..."
    while k >= 0 and t.sent[k] == t.sent[i] and i - k <= _MAX_ROLE:
        if chunks:
            right = chunks[-1]
            gap = t.gap(right).strip()
            if t.spaced(right) or (gap == "/" and t.kind[right] == NUM == t.kind[k]):
                pass
            elif _paren_acronym(t, right):
                org = True  # "Badan ... (BMKG) Dwikorita": the name ends at the bracket
            elif not (org and gap == "(" or org and gap == "," and t.kind[k] in _ORG_WORDS):
                break
        kind = t.kind[k]
        if kind in ROLE_KINDS:
            chunks.append(t.cstart[k])
            head = head or (kind == HEAD and not _is_rank(t, t.cstart[k]))
            k = t.cstart[k] - 1
            continue
        if t.low[k] in lex.joiners and chunks and k > 0:
            r = _field_list(t, k, chunks[-1])
            if r is not None:
                # "Kepala Pusat Data, Informasi, dan Komunikasi BNPB", "Energy, Water and
                # Mines Minister": the office's fields, listed
                chunks.extend(range(k, r - 1, -1))
                k = r - 1
                continue
            if org and t.kind[k - 1] in _ORG_WORDS:
                chunks.append(k)  # "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)"
                k -= 1
                continue
            if t.kind[k - 1] in (MOD, HEAD) and not any(t.kind[s] == HEAD for s in chunks):
                # "Menteri Pendidikan Dasar dan Menengah": "dan" joins the office's fields;
                # never two titles ("Presiden Rusia dan Perdana Menteri Vietnam X")
                chunks.append(k)
                k -= 1
                continue
        start = _institution_start(t, k) if kind == CAP else None
        if start is not None:
            chunks.append(start)  # "Pengamat Rusia dari Universitas Gadjah Mada, Bambang ..."
            k = start - 1
            continue
        if (
            kind == LOW
            and not english
            and not head
            and any(t.kind[c] == CONN for c in chunks)
            and t.kind[chunks[-1]] in (CONN, MOD)
        ):
            r = _field_words(t, k)
            if r is not None:
                # "Pengamat keamanan siber dari Universitas ...": the field after the title
                chunks.extend(range(k, r - 1, -1))
                k = r - 1
                continue
        if kind == NUM and not english and not head and k > 0 and t.kind[k - 1] in _UNIT_KINDS:
            chunks.append(k)  # "Ketua RT 04/02 Sarmin", "Humas Daop 2 Bandung, Ayep ..."
            k -= 1
            continue
        if kind == CAP and (chunks if english else org or not head):
            # English titles in title case ("Senate Majority Leader", "Economy Minister");
            # Indonesian offices name their unit after the title ("Bupati Sukabumi",
            # "Kapolres Metro Jakarta Selatan")
            chunks.append(k)
            k -= 1
            continue
        break
    touching = chunks[0] if chunks else None
    chunks.reverse()
    lead = (CONN,) if english else (CONN, PLACE, ORG, ACRO, CAP)
    while chunks and (t.kind[chunks[0]] in lead or t.low[chunks[0]] in lex.joiners):
        chunks.pop(0)
    while chunks and t.kind[chunks[-1]] == CONN:
        chunks.pop()
    if not chunks or not any(t.kind[s] == HEAD for s in chunks):
        return None
    if chunks[-1] != touching:  # the role must touch the name
        return None
    end = None
    r = len(chunks)
    while r > 1 and _is_rank(t, chunks[r - 1]):
        r -= 1
    if r < len(chunks) and any(t.kind[s] == HEAD and not _is_rank(t, s) for s in chunks[:r]):
        end = chunks[r]
    return chunks[0], end


def _field_list(t: Tokens, k: int, right: int) -> int | None:
    """First token of a list of an office's one-word fields that ends in the joiner at token
    k, or None. In Indonesian the list follows a title word ("Bidang Sarana, Prasarana, dan");
    in English it stands before the title, has at least three items and follows no title or
    name ("said Energy, Water and": never "President Reyes and Prime Minister")."""
    english = t.lex.place_before_title
    if t.gap(k).strip() not in ("", ",") or t.kind[right] not in _FIELD_WORDS or k < 2:
        return None
    r, items = k - 1, 1
    while t.kind[r] in _FIELD_WORDS and t.gap(r).strip() == "," and r > 1:
        r, items = r - 1, items + 1
    if t.kind[r] not in _FIELD_WORDS or not t.spaced(r) or t.sent[r] != t.sent[k] or r == 0:
        return None
    before = t.kind[r - 1]
    if english:
        return r if items >= 2 and before not in ROLE_KINDS and before != CAP else None
    return r if before in (HEAD, MOD, ORG) else None


_FIELD_WORDS = (CAP, MOD, ORG)


def _place_tail(t: Tokens, i: int, chunks: list[int]) -> int:
    """Before a comma-wrapped name, an English office may end in the place or body it serves
    ("MP for Penrith and Solway", "area director for Cumbria"): those words join ``chunks``,
    and the token before them is where the role continues (else ``i - 1``, nothing taken)."""
    k = r = i - 1
    while r > 0 and t.sent[r] == t.sent[i] and (r == k or t.spaced(r + 1)) and (
            t.word[r][:1].isupper() or t.low[r] in t.lex.joiners):
        r -= 1
    if r < k and t.kind[r] == CONN and t.spaced(r + 1) and t.word[r + 1][:1].isupper():
        chunks.extend(range(k, r, -1))
        return r
    return k


_MAX_ROLE = 16
_UNIT_KINDS = (ACRO, CAP, NUM, ORG, PLACE, HEAD)  # words a unit number follows ("RT 04", "Daop 2")
_ORG_WORDS = (CAP, ORG, MOD, PLACE, HEAD)


_MAX_FIELD = 2


def _field_words(t: Tokens, k: int) -> int | None:
    """First of up to two lower-case words ending at token k that follow a title head
    ("Peneliti hidrologi", "Pengamat keamanan siber"), or None."""
    r = k
    while True:
        if t.kind[r] not in (LOW, MOD) or not t.spaced(r) or t.low[r].startswith(
            t.lex.verb_prefixes
        ):
            return None
        if t.kind[r - 1] == HEAD and t.low[r - 1] not in t.lex.honorifics:
            return r  # not "tuan rumah bagi ...": an honorific has no field
        if k - r + 1 >= _MAX_FIELD:
            return None
        r -= 1


def _is_rank(t: Tokens, k: int) -> bool:
    return " ".join(t.low[k : t.cend[k]]) in t.lex.ranks


def _paren_acronym(t: Tokens, i: int) -> bool:
    """Is token i-1 an acronym in brackets right before token i ("(BMKG) Dwikorita")?"""
    return (
        i >= 2
        and t.gap(i).strip() == ")"
        and t.gap(i - 1).strip() == "("
        and t.kind[i - 1] in (ACRO, ORG, PLACE)
        and t.sent[i - 2] == t.sent[i]
    )


def _pair_end(t: Tokens, j: int) -> int | None:
    """ "ROLE, A dan B, ...": the token after B when a second name follows the run ending at j."""
    n = t.n
    if j + 1 >= n or t.low[j] not in t.lex.joiners or not t.spaced(j) or t.kind[j + 1] != CAP:
        return None
    k = j + 1
    while k < n and t.kind[k] == CAP and (k == j + 1 or t.spaced(k)):
        k += 1
    return k if k < n and t.gap(k).strip() == "," and t.sent[k] == t.sent[j] else None


def _share_roles(t: Tokens, cands: list[_Cand]) -> None:
    """ "Pengamat CSIS, Lina Alexandra dan Andrew Mantong, menilai": one role for both names.
    (A title before each name, "Presiden X dan Perdana Menteri Y", keeps its own.)"""
    by_start = {c.i: c for c in cands}
    for c in cands:
        if c.role_start is None or "," not in t.gap(c.i) or _pair_end(t, c.j) is None:
            continue
        other = by_start.get(c.j + 1)
        if other is not None and other.role_start is None:
            other.role_start, other.role_end = c.role_start, c.i


def _role_after(t: Tokens, j: int) -> tuple[int, int] | None:
    """Token range of an appositive role: "Name, (seorang|the) profesor di ..."."""
    n = t.n
    if j >= n or t.sent[j] != t.sent[j - 1] or t.gap(j).strip() != ",":
        return None
    a = _past_relative_copula(t, j)
    a += t.match(a, t.lex.articles)
    k = a
    while k < n and k < a + 4 and t.sent[k] == t.sent[j] and (k == a or t.spaced(k)):
        if t.kind[k] == HEAD:
            break
        # English puts adjectives before the head ("a coastal engineer"), Indonesian after
        # ... and names the organisation first ("Apple's chief financial officer")
        before = t.lex.place_before_title
        adjective = before and t.kind[k] in (LOW, CAP) and t.word[k][0].isalpha()
        if t.kind[k] not in (MOD, PLACE, ORG, ACRO) and not adjective:
            return None
        k = t.cend[k]
    else:
        return None
    b = t.cend[k]
    while b < n and t.sent[b] == t.sent[j] and b - a < _MAX_APPOSITIVE:
        if _APPOSITIVE_END & set(t.gap(b)) or (
            t.low[b] in t.lex.appositive_stops and not _fields_joined(t, b)
        ):
            break
        if t.match(b, t.lex.verbs) or t.low[b] in t.lex.after_quote:
            break
        b += 1
    if t.kind[b - 1] == CAP and t.kind[b - 2] == NUM:
        return None  # "Sutarno, Ketua RT 03 Wagiman, ...": the next person's role and name
    honorifics = t.lex.honorifics
    if any(t.low[x] in honorifics and t.kind[x + 1] == CAP for x in range(a, b - 1)):
        return None  # "Abodo, Mr Kofi Lartey, ...": another person, not a role
    return a, b


def _fields_joined(t: Tokens, b: int) -> bool:
    """Does the joiner at token b join two capitalised fields of one office ("Minister for
    Roads and Transport")? Not when a name follows ("mayor of Leeds and Bob Hale"): the field
    is one word, no given name."""
    k = b + 1
    return (
        t.low[b] in t.lex.joiners
        and k < t.n
        and t.spaced(b) and t.spaced(k)
        and t.word[b - 1][:1].isupper() and t.word[k][:1].isupper()
        and t.low[k] not in t.lex.given_names
        and not (k + 1 < t.n and t.spaced(k + 1) and t.word[k + 1][:1].isupper())
    )


def _past_relative_copula(t: Tokens, j: int) -> int:
    """After "Name," the token where the role starts: past "yang (juga) (merupakan)" / "who
    is (also)" ("kata Jalu, yang juga aktivis ...", "Ann, who is also a nurse, ..."), else j."""
    lex = t.lex
    if j >= t.n or t.low[j] not in lex.relative:
        return j
    k = j + 1
    for _ in range(2):
        k += t.match(k, lex.adverbs) or t.match(k, lex.copulas)
    return k if k > j + 1 and k < t.n and t.sent[k] == t.sent[j] else j


def _in_institution(t: Tokens, i: int, j: int) -> bool:
    """A run touching an institution noun ("Yayasan Bumi Lestari", "Eastmouth Borough Council")
    or followed by an outlet word ("Korean Central News Agency") names a body, not a person."""
    inst = t.lex.institutions
    before = " ".join(t.low[t.cstart[i - 1] : i]) if i > 0 else ""
    if before in inst and t.spaced(i) and t.word[t.cstart[i - 1]][0].isupper():
        return True
    if j < t.n and t.spaced(j):
        if t.kind[j] in (GENERIC, OUTLET):
            return True
        if t.word[j][0].isupper() and " ".join(t.low[j : t.cend[j]]) in inst:
            return True
    return False


def _after_outlet(t: Tokens, i: int) -> bool:
    """A name right after an outlet word ("kantor berita Rusia TASS", "surat kabar ..., Nhan
    Dan") names the outlet, not a person."""
    k, steps = i - 1, 0
    while k >= 0 and t.sent[k] == t.sent[i] and steps < 6:
        if t.gap(k + 1).strip() not in ("", ","):
            return False
        if t.kind[k] in (GENERIC, OUTLET):
            return True
        if t.kind[k] not in (PLACE, ORG, MOD, ACRO):
            return False
        k, steps = t.cstart[k] - 1, steps + 1
    return False


def _speaker_adjacent(t: Tokens, i: int, j: int) -> bool:
    """Is the name used as a speaker ("kata X", "according to X", "X said", "X mengatakan")?"""
    lex = t.lex
    if i > 0 and t.sent[i - 1] == t.sent[i] and t.low[i - 1] in lex.cue_last and t.spaced(i):
        for phrase in lex.speaker_cues.get(t.low[i - 1], ()):  # not "told Capital Wire"
            s = i - len(phrase)
            if s >= 0 and t.match_words(s, phrase):
                return True
    return _verb_after(t, i, j)


def _verb_after(t: Tokens, i: int, j: int) -> bool:
    """Does a speech verb follow the name i..j ("X mengatakan", ", X, mengatakan", "X (45),
    mengaku")?"""
    lex = t.lex
    # "X mengatakan"; ", X, mengatakan" (comma-wrapped, as after a role or "salah satu ...")
    wrapped = i > 0 and t.gap(i).strip() == "," and j < t.n and t.gap(j).strip() == ","
    k = skip_name_tail(t, j, i)
    if k > j:  # "Siti Maryam (45), mengaku"
        wrapped = k < t.n and "," in t.gap(k)
        j = k
    while k < t.n and t.sent[k] == t.sent[i] and (t.spaced(k) or (k == j and wrapped)):
        m = t.match(k, lex.adverbs)
        if not m:
            break
        k += m
    joined = k < t.n and t.sent[k] == t.sent[i] and (t.spaced(k) or (k == j and wrapped))
    return joined and bool(t.match(k, lex.verbs))


def _is_function_word(t: Tokens, c: _Cand) -> bool:
    return any(t.low[k] in t.lex.stop for k in range(c.i, c.j))


# --------------------------------------------------------------------------- helpers


def _text(t: Tokens, c: _Cand) -> str:
    text = t.doc.text[t.start[c.i] : t.end[c.j - 1]]
    if t.poss[c.j - 1]:
        text = text[:-2]
    return text


def _key(t: Tokens, c: _Cand) -> str:
    return name_key(_text(t, c))


def _owners(entries: dict[str, _Entry], index: dict[str, list[str]], key: str) -> list[str]:
    """Known people whose full name contains ``key`` as whole consecutive words, or starts
    with the first of its two words and holds the other later ("Tengku Amran" of "Tengku Datuk
    Seri Amran Aziz"). ``index`` lists the known names by word, so only names sharing the
    first word are tried."""
    words = key.split()
    n = len(words)
    out = []
    for full in index.get(words[0], ()) if words else entries:
        fw = full.split()
        if len(fw) > n and (
            any(fw[s : s + n] == words for s in range(len(fw) - n + 1))
            or n == 2 and fw[0] == words[0] and words[1] in fw[2:]
        ):
            out.append(full)
    return out


def _add_alias(entry: _Entry, alias: str) -> None:
    if alias != entry.name and alias not in entry.aliases:
        entry.aliases.append(alias)


def _add_roles(t: Tokens, c: _Cand, entry: _Entry) -> None:
    text = t.doc.text
    if c.role_start is not None:
        end = t.end[c.role_last]
        if text[end : end + 1] == ")" and t.gap(c.role_last).strip() == "(":
            end += 1  # "Kepala Badan ... (BMKG)"
        role = _expand(t, c, text[t.start[c.role_start] : end], end)
        _add_role(entry, role, _source(t, c.role_start, c.j), t.lex.honorifics)
    if c.role_end is not None and _only_ranks(t, c.role_end, c.i):
        # the rank between office and name is a role of its own ("Kompol", "Kombes Pol")
        last = max((k for k in range(c.role_end, c.i) if t.low[k] not in t.lex.honorifics),
                   default=None)
        if last is not None:
            rank = _expand(t, c, text[t.start[c.role_end] : t.end[last]], t.end[last])
            _add_role(entry, rank, _source(t, c.role_end, c.j), t.lex.honorifics)
    if c.group is not None:
        a, b = c.group
        _add_role(entry, text[t.start[a] : t.end[b - 1]], _source(t, a, c.j), t.lex.honorifics)
    for span in (c.appositive, c.predicate):
        if span is not None:
            a, b = span
            role = text[t.start[a] : t.end[b - 1]]
            _add_role(entry, role, _source(t, c.i, b), t.lex.honorifics)


def _expand(t: Tokens, c: _Cand, role: str, end: int) -> str:
    """A title written as an abbreviation ("Sen.", "Gov.") keeps its full stop, so the role
    reads as the abbreviation it is, not as a cut-off word."""
    if t.doc.text[end : end + 1] == "." and t.low[c.role_last] in t.lex.dotted:
        return role + "."
    return role


def _add_role(entry: _Entry, role: str, source: Source, honorifics: frozenset[str]) -> None:
    words = role.split()
    while len(words) > 1 and words[0].casefold().rstrip(".") in honorifics:
        words.pop(0)  # "Mrs Justice" -> "Justice", "Bu Kades" -> "Kades"
    role = " ".join(words)
    if role.casefold().rstrip(".") in honorifics:  # "Mrs", "Bapak", "Prof": a person, no role
        if entry.evidence is None:
            entry.evidence = source
        return
    if role.casefold() not in (r.casefold() for r in entry.roles):
        entry.roles.append(role)
    if source not in entry.sources:
        entry.sources.append(source)


def _source(t: Tokens, i: int, j: int) -> Source:
    doc = t.doc
    start, end = t.start[i], t.end[j - 1]
    return Source(doc.path, t.sent[i], start, end, doc.text[start:end])
