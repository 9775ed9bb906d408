"""The deck checks. Each is a small function with the reason it exists in its docstring.

A question check takes ``(question, context)`` and yields reasons (short, one line); a deck
check takes ``(questions, context)`` and yields ``(question id, reason)``. ``CHECKS`` lists
them in the order they run; ``quizgen check --only/--skip`` pick among them by name.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, cached_property
from typing import Any

from quizgen import lang as langdata
from quizgen.check.text import (
    BLANK,
    DateValue,
    contains,
    cues,
    date_value,
    fold,
    iso_value,
    norm,
    number_value,
    numbers_in,
    same_text,
    short,
    truncated,
    weekday_names,
    words,
)
from quizgen.deck import Deck, Question

# ---------------------------------------------------------------- context


@dataclass
class Context:
    """What the checks know about the deck beyond one question."""

    deck: Deck
    bad_answer: dict[str, str] = field(default_factory=dict)  # id -> why its answer is unusable

    @property
    def lang(self) -> str:
        return self.deck.language if self.deck.language in langdata.LANGUAGES else "id"

    @cached_property
    def aliases(self) -> dict[str, set[str]]:
        """Normalised name -> the normalised names the person facts give that person (not
        merged through a shared alias: two Kellys are two people)."""
        out: dict[str, set[str]] = defaultdict(set)
        for q in self.deck.questions:
            f = q.fact
            if f.get("kind") != "person" or not f.get("name"):
                continue
            name = norm(str(f["name"]))
            out[name] |= {name} | {norm(str(a)) for a in _listed(f.get("aliases"))} - {""}
        return out

    def names_of(self, name: str) -> set[str]:
        n = norm(name)
        return self.aliases.get(n) or {n}


def _listed(value: Any) -> list[Any]:
    """A fact's list field (roles, aliases) as a list, whatever a hand edit made of it: one
    value is a list of one, nothing an empty list."""
    if isinstance(value, list):
        return value
    return [] if value is None or value == "" else [value]


def _answer(q: Question, ctx: Context) -> str | None:
    """The answer text, or None when the answer index is unusable."""
    if q.id in ctx.bad_answer or not 0 <= q.answer < len(q.options):
        return None
    return q.options[q.answer]


def _distractors(q: Question) -> Iterator[tuple[int, str]]:
    return ((i, o) for i, o in enumerate(q.options) if i != q.answer)


def _n(i: int) -> str:
    return f"option {i + 1}"


# ---------------------------------------------------------------- values


def _key(option: str, lang: str) -> tuple:
    """What an option says: a number, a date, or normalised text."""
    num = number_value(option, lang)
    if num is not None:
        return ("number", num)
    d = date_value(option)
    if d is not None:
        return ("date", d)
    return ("text", norm(truncated(option)[0]))


def _same(a: tuple, b: tuple) -> bool:
    if a[0] != b[0]:
        return False
    if a[0] == "date":
        return a[1].agrees(b[1])
    return a[1] == b[1] and a[1] != ""


def _tokens(name: str) -> set[str]:
    return {fold(w) for w in words(name) if len(w) > 1}


def _same_person(a: str, b: str, ctx: Context) -> bool:
    """Two ways of naming one person: an alias from the deck's person facts, or a name that
    is a part of the other ("Barrot", "Jean-Noël Barrot")."""
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return False
    if nb in ctx.names_of(a) or na in ctx.names_of(b):
        return True
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and ta != tb and (ta < tb or tb < ta) and \
        any(len(t) > 2 for t in ta & tb)


# ---------------------------------------------------------------- question checks


def _fact_answers(q: Question, ctx: Context) -> list[Callable[[str], bool]]:
    """Tests an option passes when it is what the question's own fact says."""
    f = q.fact
    kind = f.get("kind") or q.kind
    tests: list[Callable[[str], bool]] = []
    if kind == "quote":
        if f.get("speaker"):
            tests.append(lambda o: norm(o) in ctx.names_of(str(f["speaker"])))
        if f.get("quote"):
            tests.append(lambda o: same_text(o, str(f["quote"])))
    elif kind == "person":
        if f.get("name"):
            tests.append(lambda o: norm(o) in ctx.names_of(str(f["name"])))
        for role in _listed(f.get("roles")):
            tests.append(lambda o, r=str(role): contains(r, o) or contains(o, r))
    elif kind == "date":
        fv = iso_value(f.get("value"))
        if fv is not None:
            def date_ok(o: str) -> bool:
                d = date_value(o)
                return d is not None and d.agrees(fv)
            tests.append(date_ok)
        if f.get("text"):
            tests.append(lambda o: norm(o) == norm(str(f["text"])))
    elif kind == "count" and isinstance(f.get("value"), int | float):
        tests.append(lambda o: number_value(o, ctx.lang) == f["value"])
    return tests


def answer_not_option(q: Question, ctx: Context) -> Iterator[str]:
    """The quiz marks the option at ``answer`` as right. A hand edit can leave that index out
    of range, or point it at another option than the one the question's fact supports (or
    drop the fact's answer from the options altogether); the quiz then marks a wrong answer
    right."""
    if q.id in ctx.bad_answer:
        yield ctx.bad_answer[q.id]
        return
    tests = _fact_answers(q, ctx)
    if not tests:
        return
    if any(t(q.correct) for t in tests):
        return
    hits = [i for i, o in enumerate(q.options) if any(t(o) for t in tests)]
    if hits:
        i = hits[0]
        yield (f"answer is option {q.answer + 1} {short(q.correct, 32)} but the fact supports "
               f"{_n(i)} {short(q.options[i], 32)}")
        return
    yield f"the fact's answer is not among the options (answer: {short(q.correct, 32)})"


def duplicate_options(q: Question, ctx: Context) -> Iterator[str]:
    """Two options that say the same thing (in other case, spacing or punctuation, or the
    same number or date written differently) make the question ambiguous or give a spare
    wrong answer away."""
    keys = [_key(o, ctx.lang) for o in q.options]
    seen: set[int] = set()
    for i, a in enumerate(keys):
        for j in range(i + 1, len(keys)):
            if j not in seen and _same(a, keys[j]):
                seen.add(j)
                yield (f"{_n(i)} {short(q.options[i], 32)} and {_n(j)} "
                       f"{short(q.options[j], 32)} say the same")


def option_true(q: Question, ctx: Context) -> Iterator[str]:
    """A wrong option that the question's own fact makes true (the person under another
    name, another role the person holds, the fact's own number or date written another way,
    a number the fact also gives for the same thing) is a second right answer."""
    answer = _answer(q, ctx)
    if answer is None:
        return
    f = q.fact
    kind = f.get("kind") or q.kind
    for i, o in _distractors(q):
        why = _option_true(kind, f, answer, o, ctx)
        if why:
            yield f"{_n(i)} {short(o, 32)} {why}"


def _option_true(kind: str, f: dict[str, Any], answer: str, o: str, ctx: Context) -> str | None:
    if kind == "quote" and f.get("speaker") and norm(answer) in ctx.names_of(str(f["speaker"])):
        if _same_person(o, str(f["speaker"]), ctx):
            return f"names the speaker {short(str(f['speaker']), 32)} too"
    elif kind == "person" and f.get("name"):
        name = str(f["name"])
        if norm(answer) in ctx.names_of(name):
            if _same_person(o, name, ctx):
                return f"is another name of {short(name, 32)}"
        else:
            for role in _listed(f.get("roles")):
                if norm(str(role)) == norm(answer) or contains(answer, str(role)):
                    continue
                if norm(o) == norm(str(role)) or contains(str(role), o):
                    return f"is also a role of {short(name, 32)} ({short(str(role), 40)})"
    elif kind == "date":
        fv, d = iso_value(f.get("value")), date_value(o)
        if fv is not None and d is not None and d.agrees(fv):
            return f"is the fact's date ({f.get('value')})"
    elif kind == "count" and isinstance(f.get("value"), int | float):
        v = number_value(o, ctx.lang)
        if v is None:
            return None
        if v == f["value"]:
            return "is the fact's number"
        bound = f.get("bound") or "exact"
        if bound == "at_least" and v > f["value"] or bound == "at_most" and v < f["value"]:
            return f"fits the fact too ({bound.replace('_', ' ')} {f['value']})"
        unit = words(str(f.get("unit") or ""))
        head = fold(unit[0]) if unit else ""
        for field_ in ("text", "event"):
            text = str(f.get(field_) or "")
            for value, _start, end in numbers_in(text, ctx.lang):
                after = [fold(w) for w in words(text[end:])[:3]]
                if value == v and head and head in after:
                    return f"is a number the fact also gives ({short(text, 40)})"
    return None


# pronouns and demonstratives that point back to an earlier sentence
_ANAPHORA = {
    "en": ["it", "its", "this", "that", "these", "those", "they", "them", "their", "he", "she",
           "his", "her", "him", "we", "our", "such", "at the time", "the same day"],
    "id": ["itu", "ini", "tersebut", "hal itu", "hal ini", "hal tersebut", "ia", "dia", "beliau",
           "mereka", "keduanya", "kami", "kita", "pihaknya", "saat itu", "ketika itu",
           "hari itu", "selain itu", "oleh karena itu", "karena itu", "untuk itu"],
}
_ANAPHORA_ANY = sorted({w for ws in _ANAPHORA.values() for w in ws}, key=len, reverse=True)
_QUOTED = re.compile(r'"([^"]*_{3,}[^"]*)"|“([^”]*_{3,}[^”]*)”')
_QUOTE_MARKS = "\"'‘’“”«»"
_LIST_JOIN = {"and", "dan", "serta", "&"}
_LIST_INTRO = {"yakni", "yaitu", "namely", "including", "termasuk", "antara lain", "meliputi"}
_INTRO_LAST = frozenset(p.split()[-1] for p in _LIST_INTRO)


def cloze_text(stem: str) -> str | None:
    """The sentence with the blank of a fill-in-the-blank stem (inside its quotation marks
    when the stem quotes it), else None."""
    if not BLANK.search(stem):
        return None
    m = _QUOTED.search(stem)
    if m:
        return m.group(1) if m.group(1) is not None else m.group(2)
    return stem


def _starts_anaphoric(text: str) -> str | None:
    low = norm(text)
    for phrase in _ANAPHORA_ANY:
        if low == phrase or low.startswith(phrase + " "):
            return phrase
    return None


_LIST_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|[,&:]")


def _cap(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


def _plain_word(token: str) -> bool:
    """A word of a lower-case list item: not the blank, not the word introducing the list."""
    return not BLANK.fullmatch(token) and fold(token) not in _INTRO_LAST


def _run_back(tokens: list[str], end: int, ok: Callable[[str], bool]) -> int:
    """Start of the item of at most four words that ends at ``end`` (exclusive)."""
    i = end
    while i > 0 and end - i < 4 and tokens[i - 1] not in ",&:" and ok(tokens[i - 1]):
        i -= 1
    return i


def _lists(clause: str) -> list[tuple[int, int, int]]:
    """Lists written in ``clause`` as (items, first token, last token): "A, B dan C" has 3.
    Items are short and capitalised ("Aceh, Riau dan Jambi"), unless the list is introduced
    ("yakni rumah, sekolah dan masjid")."""
    tokens = _LIST_TOKEN.findall(clause)
    found = []
    for c, tok in enumerate(tokens):
        if fold(tok) not in _LIST_JOIN or c == 0 or c + 1 >= len(tokens):
            continue
        for ok in (_cap, _plain_word):
            right = c + 1
            if not ok(tokens[right]) or tokens[right] in ",&:":
                continue
            end = c - 1 if tokens[c - 1] == "," else c
            start = _run_back(tokens, end, ok)
            if start == end:
                continue
            last = right
            while last + 1 < len(tokens) and last - right < 3 and ok(tokens[last + 1]) \
                    and tokens[last + 1] not in ",&:" and fold(tokens[last + 1]) not in _LIST_JOIN:
                last += 1
            items = 2
            while start >= 2 and tokens[start - 1] == ",":
                s = _run_back(tokens, start - 1, ok)
                if s == start - 1:
                    break
                start, items = s, items + 1
            introduced = start > 0 and (fold(tokens[start - 1]) in _INTRO_LAST
                                        or tokens[start - 1] == ":")
            if ok is _cap or introduced and items >= 3:
                found.append((items, start, last))
                break
    return found


def _counted_list(cloze: str, value: float) -> str | None:
    """A list of exactly ``value`` items that spells out what the blank counts: set off
    right after it ("____ new wards, Ashgrove, Millbeck and Tarnside", "____ desa, yakni
    ...", "____ towns: ..."), or a list of three or more just before it."""
    for clause in re.split(r"[.;!?()—–]|\s-\s", cloze):
        blank = BLANK.search(clause)
        if not blank:
            continue
        at = len(_LIST_TOKEN.findall(clause[: blank.start()]))
        tokens = _LIST_TOKEN.findall(clause)
        for items, start, last in _lists(clause):
            if items != value:
                continue
            set_off = tokens[start - 1] in ",:" or fold(tokens[start - 1]) in _INTRO_LAST
            after = at < start <= at + 6 and set_off
            before = last < at <= last + 3 and items >= 3
            if after or before:
                return " ".join(tokens[start:last + 1]).replace(" ,", ",")
    return None


def stem_alone(q: Question, ctx: Context) -> Iterator[str]:
    """A question must make sense without the article: a cloze sentence that starts in
    mid-sentence (lower case) or with a word pointing back ("It", "Itu", "Hal itu") cannot,
    and a stem that already writes an option, or lists the things whose number is the
    blank, gives the answer away."""
    cloze = cloze_text(q.stem)
    text = cloze if cloze is not None else q.stem
    first = next((ch for ch in text if ch.isalnum() or ch == "_"), "")
    if cloze is not None and first.isalpha() and first.islower():
        yield f"the sentence starts in lower case ({short(text, 40)})"
    elif text.lstrip()[:1] not in _QUOTE_MARKS:  # "We", "Kami" in quoted speech is fine
        pointer = _starts_anaphoric(text)
        if pointer:
            start = " ".join(text.split()[:len(pointer.split())])
            yield f"starts with {short(start.rstrip(',;:'))}, which points back to a sentence " \
                  "the reader has not seen"
    answer = _answer(q, ctx)
    if answer is None:
        return
    value = number_value(answer, ctx.lang)
    if cloze is not None and value is not None and 2 <= value <= 20:
        items = _counted_list(cloze, value)
        if items:
            yield f"the blank ({answer}) can be counted from the list {short(items)}"
    stem_wo_blank = BLANK.sub(" ", q.stem)
    for i, o in enumerate(q.options):
        if i != q.answer and cloze is None:
            continue  # a distractor in a non-cloze stem is not a giveaway
        if _written_in(stem_wo_blank, o, ctx, numeric_distractor=i != q.answer):
            which = "the answer" if i == q.answer else _n(i)
            yield f"{which} {short(o, 32)} is already written in the stem"


def _written_in(stem: str, option: str, ctx: Context, numeric_distractor: bool) -> bool:
    value = number_value(option, ctx.lang)
    if value is not None:
        if numeric_distractor:
            return False  # another number in the sentence is rarely the same thing
        return any(v == value for v, _s, _e in numbers_in(stem, ctx.lang))
    cut, _ = truncated(option)
    if len(norm(cut)) < 3:
        return False
    return contains(stem, cut)


def _lang_of(text: str, deck_lang: str) -> str | None:
    """The language ``text`` is clearly in, else None (names, numbers, too short to tell).

    Long texts go to the project's detector; short ones need a cue: function words of
    another language and none of the deck's, or a title or month/weekday name only another
    language uses."""
    from quizgen.ingest.language import by_markers, detect_language

    ws = [fold(w) for w in words(BLANK.sub(" ", text)) if not w.isdigit()]
    if not ws:
        return None
    all_cues = cues()
    counts = {c: sum(w in cu.markers for w in ws) for c, cu in all_cues.items()}
    clear = by_markers(text)
    if clear is not None:
        return clear
    if len(ws) >= 12:
        lang = detect_language(text, default=deck_lang)
        # the model alone on a text without one function word of that language: not enough
        return lang if counts.get(lang, 0) >= 2 else None
    if counts.get(deck_lang, 0):
        return None
    for code, cu in all_cues.items():
        if code == deck_lang:
            continue
        if counts[code] >= 2:
            return code
        if len(ws) >= 2 and ws[0] in cu.titles:
            return code
        if any(ch.isdigit() for ch in text) and any(w in cu.dates for w in ws):
            return code  # "7 Maret": a month name alone may be a name ("Agus")
    return None


_NAMES = {"id": "Indonesian", "en": "English"}
_QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”')


def language(q: Question, ctx: Context) -> Iterator[str]:
    """A deck is studied in one language: a stem or option in another one (an article of
    another language in the sources, a hand edit) is hard to read or gives itself away as
    the odd one out. Conservative: a text is only judged when it is clearly in a language."""
    deck_lang = ctx.lang
    odd: dict[str, list[str]] = defaultdict(list)
    # a quotation in the stem is judged on its own: the template's words around it are short
    # and in the deck's language, and would outvote it
    quoted = [a or b for a, b in _QUOTE.findall(q.stem)]
    rest = _QUOTE.sub(" ", q.stem)
    texts = [*(("stem", t) for t in (*quoted, rest)), *((_n(i), o) for i, o in
                                                         enumerate(q.options))]
    for where, text in texts:
        lang = _lang_of(text, deck_lang)
        if lang is not None and lang != deck_lang and where not in odd[lang]:
            odd[lang].append(where)
    for lang, places in odd.items():
        opts = [p.split()[1] for p in places if p != "stem"]
        parts = (["stem"] if "stem" in places else []) + \
            ([("options " if len(opts) > 1 else "option ") + ", ".join(opts)] if opts else [])
        yield (f"{' and '.join(parts)} read{'s' if len(places) == 1 else ''} as "
               f"{_NAMES.get(lang, lang)} (deck: {_NAMES.get(deck_lang, deck_lang)})")


_ISO = re.compile(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/-])")


def dates_readable(q: Question, ctx: Context) -> Iterator[str]:
    """An ISO date (2025-03-07) is the deck's internal notation, not how a reader or the
    article writes a date: a stem or option showing one was written from the fact's value
    instead of the article's words."""
    for where, text in [("stem", q.stem), *((_n(i), o) for i, o in enumerate(q.options))]:
        for m in _ISO.finditer(text):
            if 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
                yield f"{where} writes the ISO date {m.group(0)}"
                break


def _article_phrases() -> re.Pattern[str]:
    phrases = {"this article", "artikel tersebut", "berita ini"}
    for code in langdata.LANGUAGES:
        this = langdata.data(code, "questions").get("article_this")
        if this:
            phrases.add(str(this))
    alt = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)


_ARTICLE = _article_phrases()


def source_named(q: Question, ctx: Context) -> Iterator[str]:
    """In a deck made of several articles, "artikel ini" / "the article" does not say which
    one: the reader cannot tell what the question is about (name its title instead)."""
    if len(ctx.deck.sources) < 2:
        return
    m = _ARTICLE.search(q.stem)
    if m:
        yield f"says {short(m.group(0))} in a deck of {len(ctx.deck.sources)} articles"


# ---------------------------------------------------------------- deck checks


def _canonical(value: Any) -> Any:
    """``value`` with every mapping's keys as text, in order (a hand-edited fact can mix
    numbers and words as keys, which cannot be sorted together)."""
    if isinstance(value, dict):
        pairs = sorted(((str(k), v) for k, v in value.items()), key=lambda kv: kv[0])
        return {k: _canonical(v) for k, v in pairs}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    return value


def _fact_identity(q: Question) -> str | None:
    f = {k: v for k, v in q.fact.items() if k != "sources"}
    if not f:
        return None
    return json.dumps(_canonical(f), sort_keys=True, ensure_ascii=False, default=str)


def _gives(a: Question, b: Question) -> bool:
    """Whether ``b``'s stem writes ``a``'s answer."""
    answer = a.correct
    cut, is_cut = truncated(answer)
    if is_cut:
        return norm(cut) in norm(b.stem)
    return contains(b.stem, answer)


@cache
def _date_words() -> frozenset[str]:
    """Month and weekday names of every language: a date, not a name, when capitalised."""
    out = {fold(w) for w in weekday_names()}
    for code in langdata.LANGUAGES:
        out |= {fold(str(k)) for k in langdata.data(code, "dates")["months"]}
    return frozenset(out)


def _is_date_word(w: str) -> bool:
    return fold(w) in _date_words()


def _near(a: list[str], b: list[str], fa: list[str], fb: list[str]) -> bool:
    """Nearly the same stem: at least 90% the same words, and what differs names no one (a
    different name is a different question)."""
    if min(len(fa), len(fb)) < 5:
        return False
    sm = SequenceMatcher(None, fa, fb, autojunk=False)
    if sm.ratio() < 0.9:
        return False
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        for w in [*a[i1:i2], *b[j1:j2]]:
            if w[:1].isupper() and not _is_date_word(w) and not BLANK.fullmatch(w):
                return False
    return True


def twins(questions: list[Question], ctx: Context) -> Iterator[tuple[str, str]]:
    """Two questions that ask the same (the same or nearly the same stem), or one that
    answers the other (a who-said and a which-quote of one quote; who holds a role and what
    that person's role is), waste a turn and give each other away in one quiz."""
    for b, _, reason in twin_pairs([q for q in questions if q.id not in ctx.bad_answer]):
        yield b.id, reason


def twin_pairs(questions: Sequence[Question]) -> Iterator[tuple[Question, Question, str]]:
    """(later question, the earlier one it twins, why): each later question at most once."""
    by_fact: dict[str, list[Question]] = defaultdict(list)
    flagged: set[str] = set()
    for q in questions:
        key = _fact_identity(q)
        if key is not None:
            by_fact[key].append(q)
    for group in by_fact.values():
        for j, b in enumerate(group):
            for a in group[:j]:
                if a.template != b.template and (_gives(a, b) or _gives(b, a)) \
                        and b.id not in flagged:
                    flagged.add(b.id)
                    yield b, a, (f"asks the same fact as {a.id} ({a.template or a.kind} / "
                                 f"{b.template or b.kind}): one gives the other away")
                    break
    # the same or nearly the same stem, found through the stems' rarest words
    toks = [words(BLANK.sub(" ____ ", q.stem)) for q in questions]
    folded = [[fold(w) for w in t] for t in toks]
    df: dict[str, int] = defaultdict(int)
    for f in folded:
        for w in set(f):
            df[w] += 1
    index: dict[str, list[int]] = defaultdict(list)
    exact: dict[str, int] = {}
    for i, q in enumerate(questions):
        key = " ".join(folded[i])
        if not key:
            continue
        if key in exact:
            first = questions[exact[key]]
            if q.id not in flagged:
                flagged.add(q.id)
                yield q, first, f"has the same stem as {first.id}"
            continue
        exact[key] = i
        rare = sorted(set(folded[i]), key=lambda w: (df[w], w))[:4]
        candidates = {k for w in rare for k in index[w]}
        for k in sorted(candidates):
            if q.id not in flagged and _near(toks[k], toks[i], folded[k], folded[i]):
                flagged.add(q.id)
                yield q, questions[k], f"has nearly the same stem as {questions[k].id}"
                break
        for w in rare:
            index[w].append(i)


# ---------------------------------------------------------------- the list


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[..., Iterable[Any]]
    scope: str  # "question" or "deck"

    @property
    def summary(self) -> str:
        return (self.run.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")


CHECKS: tuple[Check, ...] = (
    Check("answer-not-option", answer_not_option, "question"),
    Check("duplicate-options", duplicate_options, "question"),
    Check("option-true", option_true, "question"),
    Check("language", language, "question"),
    Check("stem-alone", stem_alone, "question"),
    Check("dates-readable", dates_readable, "question"),
    Check("twins", twins, "deck"),
    Check("source-named", source_named, "question"),
)
CHECK_NAMES: tuple[str, ...] = tuple(c.name for c in CHECKS)
__all__ = ["CHECKS", "CHECK_NAMES", "Check", "Context", "DateValue", "cloze_text"]
