"""Questions from facts: apply each template, draw distractors, shuffle options.

``generate`` never raises on a fact it cannot quiz: it drops the question and counts the
reason, so the build summary can say what was left out and why.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from quizgen import lang as langdata
from quizgen.deck import Question, QuestionSource
from quizgen.facts import Conflict, Count, DateFact, Fact, Person, Quote
from quizgen.generate import distractors as dis
from quizgen.generate.conflicts import Conflicts
from quizgen.generate.corpus import Corpus
from quizgen.generate.dates import parse_iso
from quizgen.generate.fields import ARTICLE_BY_FILE, fields
from quizgen.generate.text import (
    balanced_quotes,
    contains_any,
    contains_words,
    nest_quotes,
    norm,
    tidy_question_mark,
)
from quizgen.templates import Template, names, quoted, render

MIN_OPTIONS, MAX_OPTIONS = 2, 6


@dataclass
class Generated:
    questions: list[Question] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)  # reason -> count
    conflicts: list[Conflict] = field(default_factory=list)
    by_template: Counter[str] = field(default_factory=Counter)


def identity(f: Fact) -> str:
    """What makes a fact the same fact across rebuilds (not how it is worded in a question)."""
    if isinstance(f, Person):
        return f"person|{norm(f.name)}"
    if isinstance(f, Quote):
        return f"quote|{norm(f.speaker)}|{norm(f.quote)}"
    if isinstance(f, DateFact):
        return f"date|{f.value}|{norm(f.event)}"
    if isinstance(f, Count):
        return f"count|{f.value}|{norm(f.unit)}|{f.bound}|{norm(f.event)}"
    return f"{f.kind}|{norm(str(f.to_dict()))}"


def question_id(template_id: str, f: Fact) -> str:
    digest = hashlib.sha1(f"{template_id}\0{identity(f)}".encode()).hexdigest()
    return f"{template_id}-{digest[:10]}"


@cache
def _addressed_cues(lang: str) -> frozenset[str]:
    """speech.yaml ``verbs_object``: cues whose words start with the one addressed."""
    words = langdata.data(lang, "speech").get("verbs_object", [])
    return frozenset(str(w).casefold() for w in words)


def _conditions_hold(t: Template, f: Fact, v: dict[str, str], lang: str) -> bool:
    w = t.when
    if isinstance(f, Quote):
        n = len(f.quote.split())
        complete = f.quote.strip()[:1].isupper() or f.quote.strip()[:1].isdigit()
        # "urged the residents to leave": only a template that asks for such words gets them
        addressed = (f.cue or "").casefold() in _addressed_cues(lang)
        return (w.get("direct", f.direct) == f.direct and n >= w.get("min_words", 0)
                and w.get("addressed", False) == addressed
                and w.get("complete", complete) == complete
                and n <= w.get("max_words", n))
    if isinstance(f, Person):
        return len(v["role"].split()) >= w.get("min_role_words", 0)
    if isinstance(f, DateFact):
        d = parse_iso(f.value)
        if "granularity" in w and (not d or d.granularity not in w["granularity"]):
            return False
        return w.get("wh", bool(v["clause"])) == bool(v["clause"])
    if isinstance(f, Count):
        if "units" in w and not any(contains_words(f.unit, u) for u in w["units"]):
            return False
        if "bound" in w and f.bound not in w["bound"]:
            return False
        if not w.get("min_value", f.value) <= f.value <= w.get("max_value", f.value):
            return False
        return w.get("passive", bool(v["passive"])) == bool(v["passive"])
    return False


def _answer(t: Template, f: Fact, v: dict[str, str], corpus: Corpus) -> tuple[str, set[str],
                                                                              list[str]]:
    """The correct option, the keys that mean it, and texts a stem must not contain."""
    if t.answer in ("speaker", "name"):
        name = v[t.answer]
        keys = corpus.name_keys(name)
        last = name.split()[-1] if name.split() else ""
        needles = [name, *(k for k in keys), *([last] if len(last) >= 3 else [])]
        return name, keys, needles
    if t.answer == "quote":
        return v["quote"], {norm(v["quote_full"])}, [v["quote_full"], v["quote"].rstrip("…")]
    if t.answer == "role":
        return v["role"], {norm(v["role"])}, [v["role"]]
    if t.answer == "date":
        return v["date"], {f.value}, [v["date"], f.value]
    return v["value"], {str(f.value)}, [v["value"], *v["numbers"].split("\n")]


def _tiers(t: Template, f: Fact, v: dict[str, str], corpus: Corpus, ok: Conflicts):
    if t.distractors in ("people", "speakers"):
        role = v.get("role", "") if t.fact == "person" else ""
        never = dis.speakers_of(corpus, ok, f.quote) if isinstance(f, Quote) else frozenset()
        return dis.people(corpus, ok, v.get("speaker") or v["name"], role=role,
                          speakers_first=t.distractors == "speakers", never=never)
    if t.distractors == "quotes":
        return dis.quotes(corpus, ok, f)
    if t.distractors == "roles":
        return dis.roles(corpus, ok, f)
    if t.distractors in ("dates", "nearby-dates"):
        return dis.date_options(corpus, ok, f, nearby_only=t.distractors == "nearby-dates")
    return dis.numbers(corpus, ok, f, nearby_only=t.distractors == "nearby-numbers")


def _ambiguous_role(f: Person, role: str, corpus: Corpus) -> bool:
    """Someone else holds this role or a wider one with the same head ("Energy Minister" /
    "New Zealand Energy Minister"), so "who is ...?" would have two answers."""
    mine = corpus.person_keys(f)
    words = norm(role).split()
    if not words:
        return False
    pos = 0 if corpus.words.get("role_head", "first") == "first" else -1
    by_head = getattr(corpus, "_roles_by_head", None)
    if by_head is None:
        by_head = {}
        same: dict[frozenset[str], frozenset[str]] = {}  # many people share a role's words
        for p in corpus.people:
            keys = corpus.person_keys(p)
            for r in p.roles:
                w = norm(r).split()
                if w:
                    words_set = frozenset(w)
                    by_head.setdefault(w[pos], []).append(
                        (keys, same.setdefault(words_set, words_set)))
        corpus._roles_by_head = by_head
    mine_words = set(words)
    if any(not (keys & mine) and (mine_words <= w or w <= mine_words)
           for keys, w in by_head.get(words[pos], [])):
        return True
    # "Foreign Minister" / "foreign minister of France": the other only adds a modifier
    prefix = norm(role) + " "
    return any(not (corpus.person_keys(p) & mine)
               and norm(r).startswith(prefix) for p in _people_starting(corpus, words[0])
               for r in p.roles)


def _people_starting(corpus: Corpus, word: str) -> list[Person]:
    """People with a role whose first word is ``word`` (indexed once per corpus)."""
    index = getattr(corpus, "_roles_by_first", None)
    if index is None:
        index = {}
        for p in corpus.people:
            for first in {norm(r).split()[0] for r in p.roles if norm(r)}:
                index.setdefault(first, []).append(p)
        corpus._roles_by_first = index
    return index.get(word, [])


def _sources(f: Fact, corpus: Corpus, doc_path: Callable[[str], str]) -> list[QuestionSource]:
    out, seen = [], set()
    for s in f.sources:
        key = (s.doc, s.sentence, s.start, s.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(QuestionSource(doc=doc_path(s.doc), sentence=s.sentence, start=s.start,
                                  end=s.end, title=corpus.title(s),
                                  text=corpus.sentence(s) or s.text))
    return out


def fact_dict(f: Fact, doc_path: Callable[[str], str]) -> dict[str, Any]:
    """``f.to_dict()`` with each source's document as the deck names it."""
    return f.to_dict(doc_path)


def _one_line(text: str) -> str:
    """Runs of whitespace as one space, trimmed (``str.split`` knows the same whitespace as
    the ``\\s`` of a ``str`` pattern, and is faster)."""
    return " ".join(text.split())


@cache
def _abbreviations(lang: str) -> frozenset[str]:
    """The language's abbreviations ("Jr.", "dll."), casefolded: a stop after one is no
    stray stop before a question mark."""
    from quizgen import lang as langdata

    data = langdata.data(lang, "abbreviations") or {}
    return frozenset(
        str(w).casefold() for key in ("abbreviations", "may_end") for w in data.get(key) or []
    )


def fill(text: str, v: dict[str, str], corpus: Corpus) -> str:
    """A template's text with the fact's values, well formed: a value the template quotes
    (``"{cloze}"``) has its own quotation marks nested as single ones and none left
    unpaired (no ``""Kami ...``), one line, and no stop before the question mark (``."?``)."""
    inside = quoted(text)
    if inside:
        nested = {n: nest_quotes(v[n]) for n in inside if n in v}
        if any(nested[n] is not v[n] for n in nested):
            v = {**v, **nested}
    return tidy_question_mark(_one_line(render(text, v)), _abbreviations(corpus.lang))


class _Shared:
    """A fact's deck parts (``fact`` and ``sources``), made once and shared by every question
    of that fact: several templates quiz one fact, and nothing changes these in place."""

    __slots__ = ("_f", "_corpus", "_doc_path", "_fact", "_sources")

    def __init__(self, f: Fact, corpus: Corpus, doc_path: Callable[[str], str]):
        self._f, self._corpus, self._doc_path = f, corpus, doc_path
        self._fact: dict[str, Any] | None = None
        self._sources: list[QuestionSource] | None = None

    def fact(self) -> dict[str, Any]:
        if self._fact is None:
            self._fact = fact_dict(self._f, self._doc_path)
        return self._fact

    def sources(self) -> list[QuestionSource]:
        if self._sources is None:
            self._sources = _sources(self._f, self._corpus, self._doc_path)
        return self._sources


def make_question(t: Template, f: Fact, corpus: Corpus, ok: Conflicts, options: int, seed: int,
                  doc_path: Callable[[str], str] = str, v: dict[str, str] | None = None,
                  shared: _Shared | None = None) -> Question | str | None:
    """A question, the reason it was dropped (str), or None when the template does not apply.

    ``v``: the fact's fields, when the caller already has them (several templates per fact);
    ``shared``: the fact's ``fact`` and ``sources``, to share with its other questions."""
    if v is None:
        v = fields(f, corpus)
    if not _conditions_hold(t, f, v, corpus.lang):
        return None
    for name in names(t.stem):
        if not v.get(name):
            return f"no {name}"
    answer, keys, needles = _answer(t, f, v, corpus)
    if not answer:
        return f"no {t.answer}"
    if t.answer == "name" and _ambiguous_role(f, v["role"], corpus):
        return "role held by several people"
    stem = fill(t.stem, v, corpus)
    if contains_any(stem, needles):
        # the title names the answer ("Solberg di Jakarta"): name the article by its file
        if v.get(ARTICLE_BY_FILE, v.get("article")) == v.get("article") or \
                "article" not in names(t.stem):
            return "stem gives the answer away"
        stem = fill(t.stem, {**v, "article": v[ARTICLE_BY_FILE]}, corpus)
        if contains_any(stem, needles):
            return "the article's title and file name give the answer away"
    if not balanced_quotes(stem):
        return "unbalanced quotation marks"
    qid = question_id(t.id, f)
    wrong = dis.pick(_tiers(t, f, v, corpus, ok), options - 1, keys, answer, ok,
                     random.Random(f"{seed}:{qid}:distractors"))
    if not wrong:
        return "not enough distractors"
    if shared is None:
        shared = _Shared(f, corpus, doc_path)
    # the answer goes first here; ``spread_answers`` gives it its place among the options
    return Question(
        id=qid, template=t.id, kind=t.question_kind, stem=stem, options=[answer, *wrong],
        answer=0, explanation=fill(t.explanation, v, corpus), fact=shared.fact(),
        sources=shared.sources(), enabled=True,
    )


def _order(f: Fact) -> tuple:
    s = f.sources[0] if f.sources else None
    return (s.doc, s.start, s.end) if s else ("", 0, 0)


def generate(corpus: Corpus, templates: list[Template], options: int = 4, seed: int = 0,
             doc_path: Callable[[str], str] = str) -> Generated:
    """Every question the templates make from the corpus's facts, in a stable order."""
    if not MIN_OPTIONS <= options <= MAX_OPTIONS:
        raise ValueError(f"options must be {MIN_OPTIONS}..{MAX_OPTIONS}")
    ok = Conflicts(corpus.conflicts)
    out = Generated(conflicts=list(corpus.conflicts))
    seen: set[str] = set()
    facts = sorted((f for f in corpus.facts if not isinstance(f, Conflict)),
                   key=lambda f: (_order(f), identity(f)))
    kinds = {t.fact for t in templates}
    # facts outer, templates inner: a fact's fields are worked out once for all its templates
    by_template: dict[int, list[Question]] = {i: [] for i in range(len(templates))}
    for f in facts:
        if f.kind not in kinds:
            continue
        if ok.conflicted(f):
            out.dropped[f"{f.kind} fact in conflict: not quizzed"] += 1
            continue
        v = fields(f, corpus)
        shared = _Shared(f, corpus, doc_path)
        for i, t in enumerate(templates):
            if f.kind != t.fact:
                continue
            q = make_question(t, f, corpus, ok, options, seed, doc_path, v, shared)
            if q is None:
                continue
            if isinstance(q, str):
                out.dropped[f"{t.id}: {q}"] += 1
                continue
            if q.id in seen:
                out.dropped[f"{t.id}: duplicate fact"] += 1
                continue
            seen.add(q.id)
            by_template[i].append(q)
            out.by_template[t.id] += 1
    out.questions = [q for i in range(len(templates)) for q in by_template[i]]
    out.by_template = Counter({t.id: out.by_template[t.id] for t in templates
                               if t.id in out.by_template})  # in template order
    spread_answers(out.questions, options, seed)
    corpus.forget()  # its caches would outlive the questions they served
    return out


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def spread_answers(questions: list[Question], options: int, seed: int) -> None:
    """Put the correct option at every position equally often within each template.

    Questions are ranked by a hash of seed and id (not by their order in the deck) and
    take positions round-robin, so the same inputs always give the same positions.
    """
    by_template: dict[str, list[Question]] = {}
    for q in questions:
        by_template.setdefault(q.template, []).append(q)
    for tid, qs in by_template.items():
        start = int(_digest(f"{seed}:{tid}"), 16) % options
        for rank, q in enumerate(sorted(qs, key=lambda q: _digest(f"{seed}:{q.id}"))):
            pos = (start + rank) % options
            correct = q.options.pop(q.answer)
            q.options.insert(pos, correct)
            q.answer = pos


__all__ = ["Corpus", "Generated", "generate", "identity", "make_question", "question_id"]
