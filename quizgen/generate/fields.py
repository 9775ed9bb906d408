"""Placeholder values for one fact: the fact's fields plus derived phrasing.

Derived fields (``cloze``, ``clause``, ``passive``/``agent``, ``role_np``) are built from
per-language data; an empty value means the template does not apply to this fact.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from quizgen import lang as langdata
from quizgen.facts import Count, DateFact, Fact, Person, Quote
from quizgen.generate.corpus import Corpus
from quizgen.generate.text import (
    bounded,
    capitalise,
    file_label,
    nest_quotes,
    plain_text,
    shorten,
    strip_leading,
    usable_title,
)
from quizgen.ingest.sentences import split_sentences
from quizgen.templates import render

QUOTE_WORDS = 20  # longer quotes are cut at a word boundary
CLOZE_WORDS = 45  # a longer sentence makes a poor fill-in-the-blank
CLAUSE_WORDS = 14
AGENT_WORDS = 6
TITLE_WORDS = 10  # a longer title is cut at a word boundary
TITLE_CHARS = 60
# Not a placeholder (a name with a colon is not allowed in a template): how the article is
# named by its file, for a stem the title would give away ("Menurut artikel "Solberg di
# Jakarta", siapa Perdana Menteri Norwegia?").
ARTICLE_BY_FILE = "article:file"


def role_as_written(role: str, corpus: Corpus) -> str:
    """The role without articles ("seorang profesor" -> "profesor"), case as written.
    Kept per corpus: each role comes back in many questions and in the distractor index."""
    cache = corpus.__dict__.setdefault("_roles_written", {})
    hit = cache.get(role)
    if hit is None:
        hit = cache[role] = strip_leading(role.strip(" ,.;:"),
                                          corpus.words.get("role_articles", []))
    return hit


def clean_role(role: str, corpus: Corpus) -> str:
    """The role as an option: capitalised like the other options."""
    return capitalise(role_as_written(role, corpus))


def role_np(role: str, corpus: Corpus) -> str:
    """The role inside a sentence ("the Chilean President", "pemimpin Tiongkok")."""
    if not role:
        return ""
    if any(m in role for m in corpus.words.get("role_np_bare_if", [])) and role[:1].isupper():
        return role  # "Vietnam's President", but "the firm's director"
    return corpus.words.get("role_np", "{role}").replace("{role}", role)


def primary_role(p: Person | None, corpus: Corpus) -> str:
    """The person's first usable role, as written."""
    if not p:
        return ""
    for r in p.roles:
        r = role_as_written(r, corpus)
        if r:
            return r
    return ""


def person_role(p: Person | None, corpus: Corpus) -> str:
    return capitalise(primary_role(p, corpus))


def _names(corpus: Corpus) -> dict[str, tuple[str, str, str]]:
    """doc -> ({title}, {article}, the article named by its file name), made once per corpus.

    {title} is the article's title as plain text of bounded length, else its file name in
    words. {article} names the article inside a question: "artikel ini" / "the article" when
    the deck is made of one article, else the title in quotation marks ("artikel "Banjir
    Rendam 14 Desa di Demak"", ""Ferry fire off Lombok""), or the file name when the title
    is unusable or another article of the deck has the same one."""
    names = corpus.__dict__.get("_article_names")
    if names is not None:
        return names
    ellipsis = corpus.words["ellipsis"]
    by_file = {doc: bounded(file_label(doc), TITLE_WORDS, TITLE_CHARS, ellipsis)
               for doc in corpus.titles}
    titles = {}
    for doc, raw in corpus.titles.items():
        t = bounded(plain_text(raw), TITLE_WORDS, TITLE_CHARS, ellipsis) if raw else ""
        titles[doc] = t if usable_title(t) else ""
    seen: dict[str, int] = {}
    for t in titles.values():
        if t:
            seen[t.casefold()] = seen.get(t.casefold(), 0) + 1
    this = corpus.words["article_this"]
    named = corpus.words["article_named"]

    def name(text: str) -> str:
        return render(named, {"title": nest_quotes(text)})

    names = {}
    for doc in corpus.titles:
        title = titles[doc]
        label = title if title and seen[title.casefold()] == 1 else by_file[doc]
        if corpus.documents() <= 1:
            names[doc] = (title or by_file[doc], this, this)
        else:
            names[doc] = (title or by_file[doc], name(label), name(by_file[doc]))
    corpus._article_names = names
    return names


def _article(doc: str | None, corpus: Corpus) -> dict[str, str]:
    """{title} and {article} (and the file-name naming) of the article ``doc``."""
    if doc is None:  # a fact without evidence: no article to name in a deck of several
        this = corpus.words["article_this"] if corpus.documents() <= 1 else ""
        return {"title": "", "article": this, ARTICLE_BY_FILE: this}
    hit = _names(corpus).get(doc)
    if hit is None:  # a document the corpus has no title entry for
        hit = _names(corpus)[doc] = _untitled(doc, corpus)
    title, article, by_file = hit
    return {"title": title, "article": article, ARTICLE_BY_FILE: by_file}


def _untitled(doc: str, corpus: Corpus) -> tuple[str, str, str]:
    label = bounded(file_label(doc), TITLE_WORDS, TITLE_CHARS, corpus.words["ellipsis"])
    if corpus.documents() <= 1:
        return label, corpus.words["article_this"], corpus.words["article_this"]
    named = render(corpus.words["article_named"], {"title": nest_quotes(label)})
    return label, named, named


def _context(f: Fact, corpus: Corpus) -> dict[str, str]:
    src = f.sources[0] if f.sources else None
    sentence = corpus.sentence(src) if src else ""
    return {**_article(src.doc if src else None, corpus), "sentence": sentence}


# "HANOI, virprom.com – ", "WELLINGTON (Southern Wire) - ": a dateline is not part of the news
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,[^–—\-]{0,40})?(?:\s*\([^)]{0,40}\))?\s*[-–—]\s+")


def _clause(text: str, event: str, sentence: str) -> str:
    """The sentence holding ``text``, else the event clause; without a dateline, and when a
    source glued two sentences together ("termasuk. Sekretaris ..."), only the one with it."""
    for cand in (sentence, event):
        if cand and text and text in cand:
            cand = cand.strip()
            for start, end in split_sentences(cand):  # knows "Dr.", "U.S.", quotes
                part = cand[start:end]
                if text in part:
                    part = _DATELINE.sub("", part.strip())
                    if text in part and len(part.split()) <= CLOZE_WORDS:
                        return part
    return ""


def _evidence(f: Fact, corpus: Corpus) -> list[tuple[str, str, str, str | None]]:
    """(text as written, event, sentence, document) for the fact and then for each of its
    sources."""
    out = []
    text = getattr(f, "text", "")
    event = getattr(f, "event", "")
    first = f.sources[0] if f.sources else None
    out.append((text, event, corpus.sentence(first) if first else "",
                first.doc if first else None))
    for src in f.sources:
        out.append((src.text, "", corpus.sentence(src), src.doc))
    return out


def _balanced(text: str) -> bool:
    """Quotation marks come in pairs (a sentence cut out of a quote reads badly)."""
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _blank(clause: str, start: int, end: int, corpus: Corpus) -> str:
    if len(clause.split()) > CLOZE_WORDS or not _balanced(clause):
        return ""
    return (clause[:start] + corpus.words["blank"] + clause[end:]).strip()


_VOCABULARIES: dict[int, tuple[list[str], frozenset[str]]] = {}


def _casefolded(vocabulary: list[str]) -> frozenset[str]:
    """The language data's word list as a casefolded set, made once per list."""
    if not vocabulary:
        return frozenset()  # often a fresh default []: not worth keeping
    hit = _VOCABULARIES.get(id(vocabulary))
    if hit is None or hit[0] is not vocabulary:
        hit = _VOCABULARIES[id(vocabulary)] = (vocabulary,
                                               frozenset(w.casefold() for w in vocabulary))
    return hit[1]


def _has_word(words: list[str], vocabulary: list[str]) -> bool:
    vocab = _casefolded(vocabulary)
    return any(w.strip(",.;:").casefold() in vocab for w in words)


def _lower_determiner(words: list[str], corpus: Corpus) -> list[str]:
    """"The company" -> "the company" inside a sentence."""
    if words and _has_word(words[:1], corpus.words.get("determiners", [])):
        return [words[0].lower(), *words[1:]]
    return words


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
    if _has_word(words, corpus.words.get("clause_embedders", [])):
        return ""  # the date may belong to the embedded clause
    if _has_word(words[1:2], corpus.words.get("demonstratives", [])):
        words[0] = words[0].lower()  # "Pelabuhan itu ..." -> "pelabuhan itu ..."
        head = " ".join(words)
    elif not corpus.proper(words[0]):
        return ""  # "Kedua negara ..." would need lower-casing we cannot do safely
    if '"' in head or "“" in head or "”" in head:
        return ""
    return head


def inline(text: str, corpus: Corpus) -> str:
    """Text to follow "bahwa"/"that": its first word lower-cased unless it is a name."""
    first = text.split()[0] if text.split() else ""
    if _has_word([first], corpus.words.get("determiners", [])):
        return text[:1].lower() + text[1:]
    if not first or corpus.proper(first.strip("\"'“”‘’,.")) or first.isupper():
        return text
    return text[:1].lower() + text[1:]


def quote_fields(f: Quote, corpus: Corpus) -> dict[str, str]:
    written = primary_role(corpus.person(f.speaker), corpus)
    role = capitalise(written)
    short = shorten(f.quote.strip(), QUOTE_WORDS, corpus.words["ellipsis"])
    return {
        "speaker": f.speaker, "role": role, "role_np": role_np(written, corpus),
        "quote": short, "quote_inline": inline(short.rstrip(".!?"), corpus),
        "quote_full": f.quote.strip(),
        "quote_full_inline": inline(f.quote.strip().rstrip(".!?"), corpus),
        "cue": f.cue, "via": f.via or "",
        **_context(f, corpus),
    }


def person_fields(f: Person, corpus: Corpus) -> dict[str, str]:
    written = primary_role(f, corpus)
    return {"name": f.name, "role": capitalise(written), "role_np": role_np(written, corpus),
            **_context(f, corpus)}


def date_fields(f: DateFact, corpus: Corpus) -> dict[str, str]:
    """The date as the fact writes it; cloze and wh-clause from the first source that allows."""
    ctx = _context(f, corpus)
    cloze = clause = ""
    for text, event, sentence, doc in _evidence(f, corpus):
        if text != f.text:
            continue  # another source writes the date differently: options would not match
        c = _clause(text, event, sentence)
        if not c:
            continue
        i = c.find(text)
        if not cloze and not clause and sentence:
            ctx["sentence"] = sentence  # explain with the sentence the question came from
            ctx.update(_article(doc, corpus))  # and name the article that has it
        cloze = cloze or _blank(c, i, i + len(text), corpus)
        clause = clause or _wh_clause(c, text, corpus)
    return {"date": f.text, "value": f.value, "event": f.event, "cloze": cloze,
            "clause": clause, **ctx}


@cache
def _number_words(lang: str) -> frozenset[str]:
    data = langdata.data(lang, "numbers")
    words = {str(w).casefold() for key in ("words", "multipliers", "scales", "scale_words")
             for w in (data.get(key) or {})}
    words |= {str(w).casefold() for key in ("teens", "joiners") for w in data.get(key) or []}
    return frozenset(words)


def split_count(text: str, lang: str) -> tuple[str, str]:
    """"Sebelas pakta" -> ("Sebelas", "pakta"); "dua puluh tiga kapal" -> ("dua puluh tiga",
    "kapal"): the leading digits and number words (from the language data) are the number."""
    words = _number_words(lang)
    tokens = text.split()
    n = 0
    while n < len(tokens) and (re.fullmatch(r"\d+([.,]\d+)*", tokens[n])
                               or all(p in words for p in tokens[n].casefold().split("-"))):
        n += 1
    return " ".join(tokens[:n]), " ".join(tokens[n:])


@lru_cache(maxsize=20_000)
def format_number(n: int, lang: str) -> str:
    """11 -> "11", 210644 -> "210,644" (en) / "210.644" (id): as the language writes it.
    Cached: a corpus number is an option in many questions (one string for all of them)."""
    sep = langdata.data(lang, "numbers").get("thousands_separator") or ""
    text = f"{n:,}"
    return text.replace(",", sep) if abs(n) >= 1000 else str(n)


def number_text(f: Count, lang: str = "id") -> str:
    return split_count(f.text.strip(), lang)[0] or f.text.strip()


def _passive_verbs(corpus: Corpus) -> dict[str, str]:
    """Active verb -> passive form, casefolded, made once per corpus."""
    verbs = corpus.__dict__.get("_passive_verbs")
    if verbs is None:
        verbs = corpus._passive_verbs = {
            k.casefold(): v for k, v in (corpus.passive.get("verbs") or {}).items()}
    return verbs


def _passive(clause: str, number_at: int, corpus: Corpus) -> tuple[str, str]:
    """'Lam dan Putin menandatangani 11 ...' -> ('ditandatangani', 'Lam dan Putin')."""
    data = corpus.passive
    verbs = _passive_verbs(corpus)
    aux = _casefolded(data.get("auxiliaries") or [])
    head = clause[:number_at].rsplit(",", 1)[-1]
    words = head.split()
    if not words or words[-1].casefold() not in verbs:
        return "", ""
    verb = verbs[words.pop().casefold()]
    auxes: list[str] = []
    while words and words[-1].casefold() in aux:
        auxes.insert(0, words.pop())
    words = _lower_determiner(words, corpus)
    if not 1 <= len(words) <= AGENT_WORDS or _has_word(words[-1:], corpus.words.get(
            "agent_bad_ends", [])):
        return "", ""
    if _bad_start(words[0], corpus) and not _has_word(words[:1], corpus.words.get(
            "determiners", [])):
        return "", ""
    if any(re.search(r"[\"“”()]", w) for w in words):
        return "", ""
    marker = data.get("agent_marker") or ""
    agent = " ".join(([marker] if marker else []) + words)
    return " ".join([*auxes, verb]), agent


def count_fields(f: Count, corpus: Corpus) -> dict[str, str]:
    """A wh-question ("Berapa <unit> yang <passive> <agent>?") from the first source whose
    clause allows it, else a cloze; the unit is the one that source wrote."""
    ctx = _context(f, corpus)
    number = number_text(f, corpus.lang)
    cloze = passive = agent = passive_sentence = cloze_sentence = ""
    passive_doc = cloze_doc = None
    unit = f.unit
    numbers: list[str] = [number]
    for text, event, sentence, doc in _evidence(f, corpus):
        num, written_unit = split_count(text, corpus.lang)
        c = _clause(text, event, sentence)
        if not num or not c:
            continue
        i = c.find(text)
        numbers.append(num)
        if not cloze:
            cloze = _blank(c, i, i + len(num), corpus)
            cloze_sentence, cloze_doc = sentence, doc
        if not passive:
            passive, agent = _passive(c, i, corpus)
            if passive:
                unit = written_unit or f.unit
                passive_sentence, passive_doc = sentence, doc
    # explain with the sentence the question came from, and name the article that has it
    used, used_doc = (passive_sentence, passive_doc) if passive else (cloze_sentence, cloze_doc)
    if used:
        ctx["sentence"] = used
        ctx.update(_article(used_doc, corpus))
    value = format_number(f.value, corpus.lang)
    return {"value": value, "number": number, "numbers": "\n".join([*numbers, str(f.value)]),
            "unit": unit, "text": f.text, "event": f.event, "cloze": cloze,
            "passive": passive, "agent": agent, **ctx}


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
