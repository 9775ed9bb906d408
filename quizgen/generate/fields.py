"""Placeholder values for one fact: the fact's fields plus derived phrasing.

Derived fields (``cloze``, ``clause``, ``passive``/``agent``, ``role_np``) are built from
per-language data; an empty value means the template does not apply to this fact.
"""

from __future__ import annotations

import re

from quizgen.facts import Count, DateFact, Fact, Person, Quote
from quizgen.generate.corpus import Corpus
from quizgen.generate.text import capitalise, shorten, strip_leading

QUOTE_WORDS = 25  # longer quotes are cut at a word boundary
CLOZE_WORDS = 45  # a longer sentence makes a poor fill-in-the-blank
CLAUSE_WORDS = 14
AGENT_WORDS = 6


def clean_role(role: str, corpus: Corpus) -> str:
    role = role.strip(" ,.;:")
    return capitalise(strip_leading(role, corpus.words.get("role_articles", [])))


def role_np(role: str, corpus: Corpus) -> str:
    if not role:
        return ""
    if any(m in role for m in corpus.words.get("role_np_bare_if", [])):
        return role
    # inside a sentence a role keeps its own capitals but not a sentence-initial one
    inner = role if _titled(role) else role[:1].lower() + role[1:]
    return corpus.words.get("role_np", "{role}").replace("{role}", inner)


def _titled(role: str) -> bool:
    """'Presiden Rusia' is a title (keeps its capital); 'Profesor emeritus di ...' is not."""
    words = role.split()
    return len(words) > 1 and words[1][:1].isupper()


def person_role(p: Person | None, corpus: Corpus) -> str:
    if not p:
        return ""
    for r in p.roles:
        r = clean_role(r, corpus)
        if r:
            return r
    return ""


def _context(f: Fact, corpus: Corpus) -> dict[str, str]:
    src = f.sources[0] if f.sources else None
    sentence = corpus.sentence(src) if src else ""
    return {"title": corpus.title(src) if src else "", "sentence": sentence}


def _clause(text: str, event: str, sentence: str) -> str:
    """The event clause if it holds ``text``, else the sentence that does."""
    for cand in (event, sentence):
        if cand and text and text in cand:
            return cand.strip()
    return ""


def _blank(clause: str, start: int, end: int, corpus: Corpus) -> str:
    if len(clause.split()) > CLOZE_WORDS:
        return ""
    return (clause[:start] + corpus.words["blank"] + clause[end:]).strip()


def _bad_start(word: str, corpus: Corpus) -> bool:
    return (not word[:1].isupper()) or word.casefold() in {
        w.casefold() for w in corpus.words.get("clause_bad_starts", [])}


def _wh_clause(clause: str, text: str, corpus: Corpus) -> str:
    """'Putin tiba di Hanoi pada Kamis, 20 Juni 2024, dan ...' -> 'Putin tiba di Hanoi'."""
    i = clause.find(text)
    if i < 0:
        return ""
    head, tail = clause[:i].rstrip(), clause[i + len(text):].lstrip()
    if tail and not (tail[0] in ".!?" or tail.startswith(",")):
        return ""  # the date is not at the end of its clause
    for prep in sorted(corpus.words.get("date_prepositions", []), key=len, reverse=True):
        if head.casefold().endswith(" " + prep.casefold()):
            head = head[: -len(prep)].rstrip()
            break
    else:
        return ""
    head = head.rsplit(",", 1)[-1].strip().rstrip(",;:")
    words = head.split()
    if not 3 <= len(words) <= CLAUSE_WORDS or _bad_start(words[0], corpus):
        return ""
    if not corpus.proper(words[0]):
        return ""  # "Kedua negara ..." would need lower-casing we cannot do safely
    if '"' in head or "“" in head or "”" in head:
        return ""
    return head


def quote_fields(f: Quote, corpus: Corpus) -> dict[str, str]:
    role = person_role(corpus.person(f.speaker), corpus)
    return {
        "speaker": f.speaker, "role": role, "role_np": role_np(role, corpus),
        "quote": shorten(f.quote.strip(), QUOTE_WORDS, corpus.words["ellipsis"]),
        "quote_full": f.quote.strip(), "cue": f.cue, "via": f.via or "",
        **_context(f, corpus),
    }


def person_fields(f: Person, corpus: Corpus) -> dict[str, str]:
    role = person_role(f, corpus)
    return {"name": f.name, "role": role, "role_np": role_np(role, corpus),
            **_context(f, corpus)}


def date_fields(f: DateFact, corpus: Corpus) -> dict[str, str]:
    ctx = _context(f, corpus)
    clause = _clause(f.text, f.event, ctx["sentence"])
    i = clause.find(f.text) if clause else -1
    cloze = _blank(clause, i, i + len(f.text), corpus) if i >= 0 else ""
    return {"date": f.text, "value": f.value, "event": f.event, "cloze": cloze,
            "clause": _wh_clause(clause, f.text, corpus) if clause else "", **ctx}


def number_text(f: Count) -> str:
    """The number as written: the count's text without its unit ("Sebelas pakta" -> "Sebelas")."""
    text = f.text.strip()
    if f.unit and text.casefold().endswith(f.unit.casefold()):
        return text[: -len(f.unit)].strip()
    return text


def _passive(clause: str, number_at: int, corpus: Corpus) -> tuple[str, str]:
    """'Lam dan Putin menandatangani 11 ...' -> ('ditandatangani', 'Lam dan Putin')."""
    data = corpus.passive
    verbs = {k.casefold(): v for k, v in (data.get("verbs") or {}).items()}
    aux = {a.casefold() for a in data.get("auxiliaries") or []}
    head = clause[:number_at].rsplit(",", 1)[-1]
    words = head.split()
    if not words or words[-1].casefold() not in verbs:
        return "", ""
    verb = verbs[words.pop().casefold()]
    auxes: list[str] = []
    while words and words[-1].casefold() in aux:
        auxes.insert(0, words.pop())
    if not 1 <= len(words) <= AGENT_WORDS or _bad_start(words[0], corpus):
        return "", ""
    if any(re.search(r"[\"“”()]", w) for w in words):
        return "", ""
    marker = data.get("agent_marker") or ""
    agent = " ".join(([marker] if marker else []) + words)
    return " ".join([*auxes, verb]), agent


def count_fields(f: Count, corpus: Corpus) -> dict[str, str]:
    ctx = _context(f, corpus)
    number = number_text(f)
    clause = _clause(f.text, f.event, ctx["sentence"])
    cloze = passive = agent = ""
    if clause:
        i = clause.find(f.text)
        j = clause.find(number, i)
        if i >= 0 and j >= 0:
            cloze = _blank(clause, j, j + len(number), corpus)
            passive, agent = _passive(clause, j, corpus)
    return {"value": str(f.value), "number": number, "unit": f.unit, "text": f.text,
            "event": f.event, "cloze": cloze, "passive": passive, "agent": agent, **ctx}


def fields(f: Fact, corpus: Corpus) -> dict[str, str]:
    if isinstance(f, Quote):
        return quote_fields(f, corpus)
    if isinstance(f, Person):
        return person_fields(f, corpus)
    if isinstance(f, DateFact):
        return date_fields(f, corpus)
    if isinstance(f, Count):
        return count_fields(f, corpus)
    return {}
