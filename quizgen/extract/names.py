"""Shared token layer for the person and quote extractors.

An article is cut once into word tokens; each token gets a kind from the language data
(title head, role modifier, place, organisation, outlet, function word, capitalised word...).
Multi-word entries ("Perdana Menteri", "Amerika Serikat", "The Guardian") are matched as
phrases, longest first. Everything here is dictionary look-ups over one regex pass, so it is
fast enough to run on every article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import compress

from quizgen.document import Document
from quizgen.lang import LANGUAGES, data

TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W_]+(?:[-‐’'.][^\W_]+)*")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
OPEN_QUOTES = "“\"‘'«„"
SENTENCE_END = ".!?…"

# token kinds
HEAD, MOD, CONN, PLACE, ORG, OUTLET, GENERIC = (
    "head",
    "mod",
    "conn",
    "place",
    "org",
    "outlet",
    "generic",
)
STOP, CAP, CAPSTOP, ACRO, LOW, NUM = "stop", "cap", "capstop", "acro", "low", "num"
_PRIORITY = {OUTLET: 0, ORG: 1, PLACE: 2, GENERIC: 3, HEAD: 4, MOD: 5, CONN: 6}
_PROPER = (OUTLET, ORG, PLACE)  # kinds whose single words must be written capitalised
ROLE_KINDS = frozenset({HEAD, MOD, CONN, PLACE, ORG, ACRO})


@lru_cache(maxsize=65536)  # a corpus reuses its words
def fold(word: str) -> str:
    """Lookup form of a word: lower case, curly apostrophe and hyphen variants unified."""
    return word.casefold().replace("’", "'").replace("‐", "-")


@lru_cache(maxsize=8192)  # the same names come back in every sentence and article
def name_key(name: str) -> str:
    """Key under which spellings of one name meet ("Kim Jong-un" == "Kim Jong Un")."""
    return " ".join(fold(name).replace("-", " ").split())


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(fold(str(w)) for w in TOKEN_RE.findall(phrase.rstrip(".")))


@dataclass(frozen=True)
class Lexicon:
    """One language's data, preprocessed for look-ups."""

    lang: str
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> (words, kind)
    stop: frozenset[str]
    particles: frozenset[str]
    articles: Phrases
    appositive_stops: frozenset[str]
    place_before_title: bool
    after_quote: frozenset[str]
    after_quote_phrases: Phrases
    clitic: str
    verbs: Phrases
    according: Phrases
    that: frozenset[str]
    adverbs: Phrases
    to_listener: frozenset[str]
    listeners: Phrases
    pronouns: frozenset[str]
    epithet_before: frozenset[str]
    epithet_after: frozenset[str]
    generic_heads: frozenset[str]
    via_cues: Phrases
    relative: frozenset[str]
    participles: Phrases
    verbs_need_that: Phrases
    institutions: frozenset[str]
    acronyms: frozenset[tuple[str, ...]]
    honorifics: frozenset[str]
    joiners: frozenset[str]
    dotted: frozenset[str]  # titles written with a full stop ("Dr."), without it
    cue_last: frozenset[str]  # last words of after-quote and according cues
    listener_verbs: Phrases
    not_clause_start: frozenset[str]
    # cues that put a speaker right after them ("kata", "according to"), by their last word;
    # "told" (a listener verb) is left out: the one told is no speaker
    speaker_cues: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # words that can start a speech cue (verbs, after-quote and according cues, "menurutnya")
    cue_words: frozenset[str] = frozenset()
    # ranks between an office and a name ("Kombes", "AKBP"): never the role when an office
    # stands before them
    ranks: frozenset[str] = frozenset()
    # administrative units whose next capitalised word is a place ("Kabupaten Sukabumi")
    admin_units: frozenset[str] = frozenset()
    # tags after a name that are no part of it ("Chuck Schumer, D-N.Y., said"), as one regex
    name_tag: re.Pattern[str] | None = None
    # prepositions tying a name to its organisation ("X of Ohio State University said")
    affiliation: frozenset[str] = frozenset()
    # verbs naming something in the speaker's words ("called the vote “a victory”")
    naming_verbs: Phrases = field(default_factory=lambda: Phrases(()))
    weekdays: frozenset[str] = frozenset()
    # prefixes of verb forms ("me-", "di-"): such a word is never part of a role
    verb_prefixes: tuple[str, ...] = ()
    # words that may stand between a speech verb and "that" ("said later that", "said last
    # week that"): adverbs, weekdays, times of day and relative time words
    time_words: frozenset[str] = frozenset()
    # words of an age in brackets after a name ("(53 tahun)"): such a name is a person's
    age_words: frozenset[str] = frozenset()
    # person nouns a place follows more often than a name ("warga Bekasi", "residents of")
    place_heads: frozenset[str] = frozenset()
    # words that say what a person is ("Darto merupakan warga Cibeber")
    copulas: Phrases = field(default_factory=lambda: Phrases(()))
    # words that put a name after what the person is ("anak bernama X", "a boy named X")
    naming_words: frozenset[str] = frozenset()
    # first words of a description standing for the last person ("Pria kelahiran Bandung itu
    # mengatakan"): the description, closed by an epithet_after word, is read as a pronoun
    descriptions: frozenset[str] = frozenset()
    # words that open a list of the people a noun before them names ("para korban, yakni A,
    # B dan C", "ambassadors including A and B"): each of them gets that noun as a role
    list_intros: Phrases = field(default_factory=lambda: Phrases(()))
    # number words ("satu", "five"): no name starts with one ("aktivis Satu Hati")
    number_words: frozenset[str] = frozenset()
    # prefixes a title keeps its kind under ("ex-Minister")
    head_prefixes: frozenset[str] = frozenset()
    # common given names of every language (a name's first word tells little of its language)
    given_names: frozenset[str] = frozenset()
    # word -> "male" / "female": words that tell a person's gender ("Mrs", "son", "Bu")
    gender_words: dict[str, str] = field(default_factory=dict)
    # pronoun -> the gender it refers to ("she" -> "female")
    pronoun_gender: dict[str, str] = field(default_factory=dict)


class Phrases(tuple):
    """Word tuples, longest first, with an index by first word for fast matching."""

    index: dict[str, tuple[tuple[str, ...], ...]]

    def __new__(cls, items):
        self = super().__new__(cls, sorted(items, key=len, reverse=True))
        index: dict[str, list[tuple[str, ...]]] = {}
        for words in self:
            index.setdefault(words[0], []).append(words)
        self.index = {k: tuple(v) for k, v in index.items()}
        return self


def _phrases(values: list) -> Phrases:
    return Phrases({w for w in (_words(str(v)) for v in values or []) if w})


@cache
def lexicon(lang: str) -> Lexicon:
    titles, places = data(lang, "titles"), data(lang, "places")
    outlets, speech = data(lang, "outlets"), data(lang, "speech")
    stop = data(lang, "stopwords")
    table: set[tuple[tuple[str, ...], str]] = set()  # a word may have several kinds

    def put(values: list, kind: str) -> None:
        for v in values or []:
            words = _words(str(v))
            if words:
                table.add((words, kind))

    put(titles.get("connectors"), CONN)
    put(titles.get("modifiers"), MOD)
    put(titles.get("heads"), HEAD)
    put(titles.get("ranks"), HEAD)
    put(titles.get("honorifics"), HEAD)
    put(outlets.get("generic"), GENERIC)
    put(places.get("places"), PLACE)
    put(places.get("demonyms"), PLACE)
    put(places.get("organisations"), ORG)
    put(places.get("institutions"), ORG)
    put(outlets.get("names"), OUTLET)
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, kind in table:
        phrases.setdefault(words[0], []).append((words, kind))
    for entries in phrases.values():
        entries.sort(key=lambda e: (-len(e[0]), _PRIORITY[e[1]]))
    after = _phrases(speech.get("after_quote"))
    listener_verbs = _phrases(speech.get("listener_verbs"))
    speaker_cues: dict[str, list[tuple[str, ...]]] = {}
    for phrase in (*after, *_phrases(speech.get("according"))):
        if phrase not in listener_verbs:
            speaker_cues.setdefault(phrase[-1], []).append(phrase)
    return Lexicon(
        lang=lang,
        phrases=phrases,
        stop=frozenset(fold(str(w)) for w in stop.get("words", [])),
        particles=frozenset(fold(str(w)) for w in titles.get("name_particles", [])),
        articles=_phrases(titles.get("articles")),
        appositive_stops=frozenset(fold(str(w)) for w in titles.get("appositive_stops", [])),
        place_before_title=bool(titles.get("place_before_title", False)),
        after_quote=frozenset(" ".join(w) for w in after),
        after_quote_phrases=after,
        clitic=fold(str(speech.get("clitic") or "")),
        verbs=_phrases(speech.get("verbs")),
        according=_phrases(speech.get("according")),
        that=frozenset(fold(str(w)) for w in speech.get("that", [])),
        adverbs=_phrases(speech.get("adverbs")),
        to_listener=frozenset(fold(str(w)) for w in speech.get("to_listener", [])),
        listeners=_phrases(speech.get("listeners")),
        pronouns=frozenset(fold(str(w)) for w in speech.get("pronouns", [])),
        epithet_before=frozenset(fold(str(w)) for w in speech.get("epithet_before", [])),
        epithet_after=frozenset(fold(str(w)) for w in speech.get("epithet_after", [])),
        generic_heads=frozenset(fold(str(w)) for w in speech.get("generic_heads", [])),
        descriptions=frozenset(fold(str(w)) for w in speech.get("descriptions", [])),
        via_cues=_phrases(speech.get("via_cues")),
        participles=_phrases(speech.get("participles")),
        verbs_need_that=_phrases(speech.get("verbs_need_that")),
        relative=frozenset(fold(str(w)) for w in speech.get("relative", [])),
        institutions=frozenset(" ".join(_words(str(w))) for w in places.get("institutions", [])),
        cue_last=frozenset(w[-1] for w in (*after, *_phrases(speech.get("according")))),
        dotted=frozenset(
            fold(str(w)).rstrip(".")
            for key in ("heads", "honorifics", "ranks")
            for w in titles.get(key, [])
            if str(w).endswith(".")
        ),
        joiners=frozenset(fold(str(w)) for w in titles.get("name_joiners", [])),
        # "Dr." and "dr" alike: tokens carry no full stop, a role may
        honorifics=frozenset(fold(str(w)).rstrip(".") for w in titles.get("honorifics", [])),
        listener_verbs=listener_verbs,
        speaker_cues={k: tuple(v) for k, v in speaker_cues.items()},
        cue_words=frozenset(
            [
                *_phrases(speech.get("verbs")).index,
                *after.index,
                *_phrases(speech.get("according")).index,
                *_phrases(speech.get("participles")).index,
                *(
                    a[0] + fold(str(speech.get("clitic") or ""))
                    for a in _phrases(speech.get("according"))
                    if len(a) == 1 and speech.get("clitic")
                ),
            ]
        ),
        ranks=frozenset(" ".join(_words(str(w))) for w in titles.get("ranks", [])),
        admin_units=frozenset(fold(str(w)) for w in places.get("admin_units", [])),
        name_tag=(
            re.compile("|".join(f"(?:{p})" for p in speech["name_tags"]))
            if speech.get("name_tags")
            else None
        ),
        affiliation=frozenset(fold(str(w)) for w in speech.get("affiliation", [])),
        naming_verbs=_phrases(speech.get("naming_verbs")),
        weekdays=frozenset(fold(str(w)) for w in (data(lang, "dates").get("weekdays") or {})),
        verb_prefixes=tuple(fold(str(w)) for w in data(lang, "units").get("verb_prefixes") or ()),
        time_words=frozenset(
            w
            for key, source in (
                ("adverbs", speech),
                ("relative", data(lang, "dates")),
                ("times_of_day", data(lang, "dates")),
                ("weekdays", data(lang, "dates")),
            )
            for v in (source.get(key) or [])
            for w in _words(str(v))
        ),
        not_clause_start=frozenset(fold(str(w)) for w in speech.get("not_clause_start", [])),
        age_words=frozenset(fold(str(w)) for w in titles.get("age_words", [])),
        place_heads=frozenset(fold(str(w)) for w in titles.get("place_heads", [])),
        copulas=_phrases(titles.get("copulas")),
        naming_words=frozenset(fold(str(w)) for w in titles.get("naming_words", [])),
        head_prefixes=frozenset(fold(str(w)) for w in titles.get("head_prefixes", [])),
        list_intros=_phrases(titles.get("list_intros")),
        number_words=frozenset(fold(str(w)) for w in data(lang, "numbers").get("words") or {}),
        gender_words={
            fold(str(w)).rstrip("."): g
            for g, words in (titles.get("gender") or {}).items()
            for w in words or []
        },
        pronoun_gender={
            fold(str(k)): str(v) for k, v in (speech.get("pronoun_gender") or {}).items()
        },
        given_names=frozenset(
            fold(str(w)) for other in LANGUAGES for w in data(other, "given_names").get("names", [])
        ),
        acronyms=frozenset(
            _words(str(v))
            for key in ("places", "organisations")
            for v in places.get(key) or []
            if str(v).isupper()
        ),
    )


@dataclass
class Tokens:
    """Word tokens of one document with their kinds (parallel lists, indexed by token)."""

    doc: Document
    lex: Lexicon
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    word: list[str] = field(default_factory=list)
    low: list[str] = field(default_factory=list)  # folded, possessive "'s" removed
    poss: list[bool] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    cstart: list[int] = field(default_factory=list)  # first token of the phrase this one is in
    cend: list[int] = field(default_factory=list)  # one past its last token
    headline: set[int] = field(default_factory=set)  # sentence indexes that look like headlines
    by_sentence: list[tuple[int, int]] = field(default_factory=list)  # token range per sentence
    sp: list[bool] = field(default_factory=list)  # spaced(i), precomputed
    gaps: list[str] = field(default_factory=list)  # gap(i), precomputed
    n: int = 0  # number of tokens (len(t), without a method call)

    def __len__(self) -> int:
        return len(self.start)

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        return self.gaps[i]

    def spaced(self, i: int) -> bool:
        """Token i follows token i-1 after plain spaces only, in the same sentence."""
        return 0 < i < len(self.sp) and self.sp[i]

    def match_words(self, i: int, words: tuple[str, ...]) -> bool:
        """Does the phrase ``words`` start at token i?"""
        n = len(words)
        low, sp = self.low, self.sp
        return (
            i + n <= len(low)
            and all(low[i + k] == words[k] for k in range(n))
            and all(sp[i + k] for k in range(1, n))
        )

    def match(self, i: int, phrases: Phrases) -> int:
        """Length (in tokens) of the longest phrase starting at token i, 0 when none."""
        low, sp = self.low, self.sp
        if i >= len(low):
            return 0
        for words in phrases.index.get(low[i], ()):
            n = len(words)
            if n == 1:
                return 1
            if (
                i + n <= len(low)
                and all(low[i + k] == words[k] for k in range(1, n))
                and all(sp[i + k] for k in range(1, n))
            ):
                return n
        return 0


def _initial(text: str, start: int, sentence_start: int) -> bool:
    """Is a token at ``start`` the first word of a sentence, line or quotation?"""
    j = start - 1
    while j >= sentence_start and text[j] in " \t":
        j -= 1
    return j < sentence_start or text[j] in '\n“"‘«„(:' or text[j] in SENTENCE_END


_CACHE: list = []


class _WordCache(dict):
    """word -> ``compute(word)``, filled on first use: a corpus reuses its words, so the
    per-token string work is done once per distinct word and process."""

    def __init__(self, compute, limit: int = 200_000):
        super().__init__()
        self.compute, self.limit = compute, limit

    def __missing__(self, word: str):
        if len(self) >= self.limit:  # bounded: a long run over many corpora stays small
            self.clear()
        value = self[word] = self.compute(word)
        return value


def _fold_token(word: str) -> str:
    return fold(word) if ("’" in word or "‐" in word) else word.lower()


def _possessive(word: str) -> bool:
    low = _fold_token(word)
    return low.endswith("'s") and len(low) > 2


def _fold_bare(word: str) -> str:
    """The token's lookup form: folded, possessive "'s" removed."""
    low = _fold_token(word)
    return low[:-2] if low.endswith("'s") and len(low) > 2 else low


def _plain_gap(gap: str) -> bool:
    """A gap of plain spaces only (the rest of ``spaced`` depends on neighbours)."""
    return gap == " " or (0 < len(gap) <= 2 and gap.isspace() and "\n" not in gap)


_FOLDS = _WordCache(_fold_bare)
_POSSESSIVE = _WordCache(_possessive)
_PLAIN_GAPS = _WordCache(_plain_gap)
_LOWER_INITIAL = _WordCache(lambda word: word[0].islower())
# token kinds that need the token's context, beyond the word itself
_MAYBE_PHRASE, _CAP_STOP = "?phrase", "?capstop"


@cache
def _static_kinds(lang: str) -> _WordCache:
    """word -> its kind as far as the word alone tells (a phrase start or a capitalised
    function word is decided in context)."""
    lex = lexicon(lang)
    phrases, stop = lex.phrases, lex.stop

    def kind(word: str) -> str:
        low = _FOLDS[word]
        entries = phrases.get(low)
        if entries is None and "-" not in low:
            return _static_kind(word, low, stop)
        if entries is not None and any(len(words) > 1 for words, _ in entries):
            return _MAYBE_PHRASE  # a phrase start: decided by the next words
        # only one-word entries (or a hyphenated word): the word alone decides
        size, found = _word_phrase(lex, word, low, entries)
        return found if size else _static_kind(word, low, stop)

    return _WordCache(kind)


def _indexes(items: list, value) -> list[int]:
    """Positions of ``value`` in ``items`` (C-speed ``list.index`` hops)."""
    out: list[int] = []
    i = -1
    index = items.index
    try:
        while True:
            i = index(value, i + 1)
            out.append(i)
    except ValueError:
        return out


def tokens(doc: Document) -> Tokens:
    """Tokens of ``doc`` (the last document's are cached: people and quotes share them)."""
    if _CACHE and _CACHE[0] is doc and _CACHE[1] is doc.text:
        return _CACHE[2]
    lex = lexicon(doc.lang)
    t = Tokens(doc, lex)
    text = doc.text
    sentences = doc.sentences or []
    bounds = [(s.start, s.end) for s in sentences] or [(0, len(text))]
    matches = list(TOKEN_RE.finditer(text))  # one pass over the text...
    starts, ends = list(map(re.Match.start, matches)), list(map(re.Match.end, matches))
    layout = _layout(starts, ends, bounds)
    if layout is None:  # ...unless a token runs over a sentence edge: then sentence by sentence
        matches, layout = _by_sentence(text, bounds)
        starts, ends = list(map(re.Match.start, matches)), list(map(re.Match.end, matches))
    t.by_sentence, sent, firsts = layout
    t.sent = sent
    t.start, t.end = starts, ends
    words = t.word = list(map(re.Match.group, matches))
    n = t.n = len(starts)
    lows = t.low = list(map(_FOLDS.__getitem__, words))
    t.poss = list(map(_POSSESSIVE.__getitem__, words))
    # the text between token i-1 and token i (gaps[0]: before the first token)
    gaps = t.gaps = [text[e:s] for e, s in zip([0, *ends], starts, strict=False)]  # last end unused
    # spaced(i): a plain-space gap inside one sentence, or "Dr. X" / an initial ("Grace O.")
    sp = t.sp = list(map(_PLAIN_GAPS.__getitem__, gaps))
    dotted = lex.dotted
    for i in _indexes(gaps, ". "):
        w = words[i - 1] if i else ""
        sp[i] = lows[i - 1] in dotted or (len(w) == 1 and w.isupper())
    for i in firsts:
        sp[i] = False
    lower_vocab = set(compress(lows, map(_LOWER_INITIAL.__getitem__, words)))
    kinds = t.kind = list(map(_static_kinds(doc.lang).__getitem__, words))
    cstart = t.cstart = list(range(n))
    cend = t.cend = list(range(1, n + 1))
    covered = 0  # tokens before this one are inside a phrase already found
    for i in _indexes(kinds, _MAYBE_PHRASE):
        if i < covered:
            continue
        size, kind = _phrase_at(t, i)
        if size:
            for k in range(i, i + size):
                kinds[k], cstart[k], cend[k] = kind, i, i + size
            covered = i + size
        else:
            kinds[i] = _static_kind(words[i], lows[i], lex.stop)
    # capitalised function words, and common words capitalised, at a sentence start
    for i in _indexes(kinds, _CAP_STOP):
        kinds[i] = STOP if _initial(text, starts[i], bounds[sent[i]][0]) else CAPSTOP
    for i in _indexes(kinds, CAP):
        if lows[i] in lower_vocab and _initial(text, starts[i], bounds[sent[i]][0]):
            kinds[i] = STOP  # a common word that happens to open the sentence
    for i in _indexes(kinds, ACRO):
        if i + 1 < n and kinds[i + 1] == CAP and sp[i + 1] and _INITIALS.fullmatch(words[i]):
            kinds[i] = CAP  # "H.S. Chauhan": a person's initials, no acronym
    _mark_headlines(t, bounds)
    _CACHE[:] = [doc, doc.text, t]
    return t


def _layout(
    starts: list[int], ends: list[int], bounds: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[int], list[int]] | None:
    """Token range per sentence, sentence per token and first token of each sentence with
    tokens; None when a token lies outside the sentences or runs over a sentence's edge.

    When every token lies inside one sentence, tokenising the whole text finds the same tokens
    as tokenising each sentence on its own (the token pattern looks at no text around a match).
    """
    by_sentence: list[tuple[int, int]] = []
    sent: list[int] = []
    firsts: list[int] = []
    lo = 0
    for si, (s0, s1) in enumerate(bounds):
        hi = bisect_left(starts, s1, lo)
        if hi > lo:
            if starts[lo] < s0 or ends[hi - 1] > s1:
                return None
            firsts.append(lo)
            by_sentence.append((lo, hi))
            sent += [si] * (hi - lo)
        else:
            by_sentence.append((0, 0))
        lo = hi
    return (by_sentence, sent, firsts) if lo == len(starts) else None


def _by_sentence(
    text: str, bounds: list[tuple[int, int]]
) -> tuple[list[re.Match[str]], tuple[list[tuple[int, int]], list[int], list[int]]]:
    """The tokens of each sentence on its own, with the layout ``_layout`` describes."""
    matches: list[re.Match[str]] = []
    by_sentence: list[tuple[int, int]] = []
    sent: list[int] = []
    firsts: list[int] = []
    for si, (s0, s1) in enumerate(bounds):
        found = list(TOKEN_RE.finditer(text, s0, s1))
        if found:
            firsts.append(len(matches))
            by_sentence.append((len(matches), len(matches) + len(found)))
            matches += found
            sent += [si] * len(found)
        else:
            by_sentence.append((0, 0))
    return matches, (by_sentence, sent, firsts)


def _static_kind(word: str, low: str, stop: frozenset[str]) -> str:
    """The kind of a word that may start a phrase but does not start one here."""
    c = word[0]
    if low in stop:
        return _CAP_STOP if c.isupper() else STOP
    if c.isdigit():
        return NUM
    if c.isupper():
        return ACRO if len(word) > 1 and word.isupper() else CAP
    return LOW


def _word_phrase(
    lex: Lexicon, word: str, low: str, entries: list[tuple[tuple[str, ...], str]] | None
) -> tuple[int, str]:
    """``_phrase_at`` for a word without multi-word entries: it needs no context, so
    ``_static_kinds`` settles it once per distinct word."""
    if not entries:
        pre, _, rest = low.partition("-")
        if rest and pre in lex.head_prefixes and _single(lex, rest) == HEAD:
            return 1, HEAD  # "ex-Minister", "eks-Kapolda": a title still
        # hyphenated places ("Asia-Pasifik", "Hanoi-Moskow")
        if "-" in low and word[0].isupper():
            parts = low.split("-")
            if any(_single(lex, p) == PLACE and (p,) not in lex.acronyms for p in parts):
                return 1, PLACE
        return 0, ""
    for words, kind in entries:
        if kind in _PROPER and not word[0].isupper():
            continue
        if kind == CONN and not word.islower():
            continue  # "To" in "To Lam" is not the connector "to"
        if words in lex.acronyms and not word.isupper():
            continue  # "Un" in "Kim Jong Un" is not the UN
        return 1, kind
    return 0, ""


def _phrase_at(t: Tokens, i: int) -> tuple[int, str]:
    entries = t.lex.phrases.get(t.low[i])
    if not entries:
        return _word_phrase(t.lex, t.word[i], t.low[i], entries)
    low, word, poss, sp = t.low, t.word, t.poss, t.sp
    size = len(low)
    nxt = low[i + 1] if i + 1 < size else ""
    first = word[i]
    for words, kind in entries:
        n = len(words)
        if n > 1:
            if words[1] != nxt or i + n > size:
                continue
            if n > 2 and any(low[i + k] != words[k] for k in range(2, n)):
                continue
            if True in poss[i : i + n - 1] or not all(sp[i + 1 : i + n]):
                continue
            if kind in _PROPER and not any(word[i + k][0].isupper() for k in range(n)):
                continue
        if kind in _PROPER and n == 1 and not first[0].isupper():
            continue
        if kind == CONN and not first.islower():
            continue  # "To" in "To Lam" is not the connector "to"
        if words in t.lex.acronyms and not first.isupper():
            continue  # "Un" in "Kim Jong Un" is not the UN
        return n, kind
    return 0, ""


def _single(lex: Lexicon, word: str) -> str:
    for words, kind in lex.phrases.get(word, []):
        if len(words) == 1:
            return kind
    return ""


def _mark_headlines(t: Tokens, bounds: list[tuple[int, int]]) -> None:
    """Sentences without final punctuation whose words are mostly capitalised: headlines,
    captions and teaser links, never a place to find a person's role."""
    text = t.doc.text
    kind, word = t.kind, t.word
    for si, (first, last) in enumerate(t.by_sentence):
        if first >= last:
            continue
        s0, s1 = bounds[si]
        if text[s0:s1].rstrip()[-1:] in SENTENCE_END + '”"’':
            continue
        words = caps = 0
        for i in range(first, last):
            if kind[i] != NUM:
                words += 1
                caps += word[i][0].isupper()
        if words >= 3 and caps >= 0.6 * words:
            t.headline.add(si)


def name_words(t: Tokens, i: int, end: int) -> list[int]:
    """Indexes of the real name words in tokens i..end (particles left out)."""
    low, particles = t.low, t.lex.particles  # hoisted: called for every name candidate
    return [k for k in range(i, end) if low[k] not in particles]


def runs(t: Tokens) -> list[tuple[int, int]]:
    """Maximal runs of capitalised unknown words (with name particles inside): name candidates."""
    out = []
    n, kind, sp, poss, low, word = t.n, t.kind, t.sp, t.poss, t.low, t.word
    particles = t.lex.particles
    nxt = 0
    for i in sorted(_indexes(kind, CAP) + _indexes(kind, CAPSTOP)):
        if i < nxt:
            continue  # inside the previous run
        j = i + 1
        s = i
        while s > nxt and sp[s] and low[s - 1] in particles and word[s - 1][0].islower():
            s -= 1
        if s < i and (s < 1 or not sp[s] or kind[s - 1] not in (CAP, CAPSTOP)):
            i = s  # "de Groot said", "van der Berg said": a surname with its particles
        while j < n and sp[j] and not poss[j - 1]:
            if kind[j] in (CAP, CAPSTOP):
                j += 1
                continue
            q = j  # "Pieter van der Berg": particles inside a name
            while q < n and low[q] in particles and word[q][0].islower() and sp[q]:
                q += 1
            if q > j and q < n and kind[q] == CAP and sp[q]:
                j = q + 1
            else:
                break
        out.append((i, j))
        nxt = j
    return out


def skip_name_tail(t: Tokens, k: int, p: int) -> int:
    """The token after what may follow a name before its verb and is no part of the name:
    an age in brackets ("Siti Maryam (45), mengaku"), a party tag ("Rand Paul, R-Ky., who"),
    an affiliation or place ("Priya Natarajan of (the) Ohio State University said", "Haeruman di
    Garut, Senin, menyampaikan") and a weekday between commas."""
    for _ in range(3):
        j = _tail_part(t, k, p)
        if j == k:
            break
        k = j
    return k


def _tail_part(t: Tokens, k: int, p: int) -> int:
    n, lex = t.n, t.lex
    if k + 1 >= n or t.sent[k] != t.sent[p]:
        return k
    if t.kind[k] == NUM and t.gap(k).strip() == "(" and t.gap(k + 1).strip()[:1] == ")":
        return k + 1
    if (  # "Siti Maryam (45 tahun), mengaku"
        t.kind[k] == NUM
        and t.gap(k).strip() == "("
        and k + 2 < n
        and t.low[k + 1] in lex.age_words
        and t.gap(k + 2).strip()[:1] == ")"
    ):
        return k + 2
    comma_wrapped = "," in t.gap(k) and "," in t.gap(k + 1)
    if comma_wrapped and lex.name_tag is not None and lex.name_tag.fullmatch(t.word[k]):
        return k + 1
    if comma_wrapped and t.low[k] in lex.weekdays:
        return k + 1
    if t.low[k] in lex.affiliation and t.spaced(k) and t.spaced(k + 1):
        first = k + 1 + t.match(k + 1, lex.articles)  # "of the U.S. Weather Service said"
        j = first
        while j < n and t.word[j][:1].isupper() and t.spaced(j):
            j += 1
        if j > first and t.kind[j - 1] in (ORG, PLACE, ACRO, CAP):
            return j
    return k
