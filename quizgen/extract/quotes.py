"""Who said what: direct quotes (in quotation marks) and reported speech.

A quote needs a speaker the article names: a person mention, or a pronoun / epithet ("ia",
"katanya", "he said", "pemimpin Rusia itu") resolved to the most recent compatible person.
When no one can be named the quote is dropped: a wrong speaker is worse than a missing quote.
Outlets ("menurut Reuters", "TASS melaporkan", "told the AP") are never speakers; a person's
words that came through one carry it in ``via``. All cue words come from the language data.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import compress, count, repeat
from operator import contains

from quizgen import lang as langdata
from quizgen.document import Document
from quizgen.extract.names import (
    ACRO,
    CAP,
    CAPSTOP,
    GENERIC,
    HEAD,
    MOD,
    NUM,
    ORG,
    OUTLET,
    PLACE,
    STOP,
    Tokens,
    fold,
    name_key,
    skip_name_tail,
    tokens,
)
from quizgen.extract.names import lexicon as tokens_lexicon
from quizgen.extract.people import Mention, analyse
from quizgen.facts import Person, Quote, Source

_DOUBLE = re.compile(r"[“\"„«]([^“”\"„«»\n]+?)[”\"»]")
_SINGLE = re.compile(r"(?<!\w)[‘']([^‘’'\n]+?)[’'](?!\w)")
_CONTINUES = re.compile(r"[ \t]*[.!?]?[ \t]*\n?[ \t]*")  # same paragraph, or the next line
_QUOTE_MARK = re.compile(r"[“”\"„«»]")
_MAX_TAIL = 8  # words of an attribution's sentence after its cue ("she told the BBC later.")
_DATELINE = re.compile(r"\)?\s*[-–—]\s")
_LEAD_GAP = re.compile(r"[\s,.\-—–]*")
_BEFORE_GAP = re.compile(r"[\s:,\-—–]*")
_TRIM = " \t\n,;:-—–"
# an opening double quote at a paragraph's start or after a sentence's end within it
_OPENING = re.compile(r"(?:^|(?<=[.!?][ \t])|(?<=[.!?][”\"][ \t]))[ \t]*([“\"])", re.M)
_CLOSING = re.compile(r"[”\"»]")
_BETWEEN_PARTS = re.compile(r"[\s.,;:!?”\"’]*")  # what may stand between two parts of one quote
_MIN_WORDS = 3
_EPITHET_KINDS = (HEAD, MOD, PLACE, ORG, ACRO)  # words an epithet ("pemimpin Rusia itu") has
_LOOKAHEAD_THAT = 6
_MAX_RELATIVE = 24  # words of "X, who ... (another person, their role) ..., said"
_MAX_DESCRIPTION = 9  # words of a description read as a pronoun, "itu" included
_MAX_NAMED = 5  # words of the object between a naming verb and the quote
_MAX_ASIDE = 8  # words of an adverbial phrase between a speaker and its verb
_PUNCT = re.compile(r"[,.;:“”\"]")
_FWORD = re.compile(r"[^\W_]+")
_SPEAKER_KINDS = frozenset((HEAD, MOD, OUTLET, GENERIC))  # kinds that may open a speaker


@dataclass(frozen=True)
class _Cues:
    """Cue phrases of one language as written-out strings, for one set look-up each."""

    need_that: frozenset[str]  # verbs_need_that, words joined by spaces
    object_verbs: frozenset[str]  # verbs_object: "urged X to ...", words joined by spaces
    object_markers: frozenset[str]  # "to", "agar": what such a verb's clause needs
    listener_verbs: frozenset[str]
    according_clitic: frozenset[str]  # one-word according cues with the clitic ("menurutnya")
    speaker_words: frozenset[str]  # pronouns, epithet and description openers


@cache
def _cues(lang: str) -> _Cues:
    lex = tokens_lexicon(lang)
    speech = langdata.data(lang, "speech")
    return _Cues(
        need_that=frozenset(" ".join(w) for w in lex.verbs_need_that),
        object_verbs=frozenset(str(w).casefold() for w in speech.get("verbs_object", [])),
        object_markers=frozenset(str(w).casefold() for w in speech.get("object_markers", [])),
        listener_verbs=frozenset(" ".join(w) for w in lex.listener_verbs),
        according_clitic=frozenset(a[0] + lex.clitic for a in lex.according if len(a) == 1),
        speaker_words=lex.pronouns | lex.epithet_before | lex.descriptions,
    )


@dataclass
class _Speaker:
    key: str | None  # None: an outlet or nobody
    end: int  # one past the last token of the speaker phrase
    via: str | None = None
    appositive: bool = False  # the speaker phrase ended inside a "Name, role ..." apposition


def extract_quotes(doc: Document, people: list[Person]) -> list[Quote]:
    """Quotes and reported speech of ``doc`` whose speaker is one of ``people``."""
    if not people or not doc.text:
        return []
    return _Extractor(doc, people).run()


class _Extractor:
    def __init__(self, doc: Document, people: list[Person]) -> None:
        self.doc, self.t = doc, tokens(doc)
        self.lex = self.t.lex
        names: dict[str, str] = {}
        for p in people:
            for n in (p.name, *p.aliases):
                names.setdefault(name_key(n), p.name)
        self.names = names
        self.roles = {p.name: [set(_fwords(r)) for r in p.roles] for p in people}
        _, mentions = analyse(doc)
        self.mentions = [m for m in mentions if m.key in names]
        self.gender = _genders(self.t, people, self.mentions, names)
        self.mention_pairs = sorted((m.tok_start, m.key) for m in self.mentions)
        self.at: dict[int, Mention] = {}
        for m in self.mentions:
            self.at.setdefault(m.tok_start, m)
            self.at.setdefault(m.name_start, m)
        self.spans = _quote_spans(doc.text)
        self.open = _open_spans(doc.text, self.spans)  # starts of quotes left open
        if self.open:
            self.spans = sorted([*self.spans, *self.open.items()])
        lex, t = self.lex, self.t
        self.starts = [qs for qs, _ in self.spans]
        self.reach: list[int] = []  # reach[k]: the furthest end of quotes 0..k-1
        for _, qe in self.spans:
            self.reach.append(max(qe, self.reach[-1] if self.reach else -1))
        self.cues = _cues(lex.lang)
        # could a speaker phrase start at token p? (a name, a pronoun, a title, an outlet)
        # (maps over C-level set look-ups: no Python loop per token)
        may = set(compress(count(), map(self.cues.speaker_words.__contains__, t.low)))
        may.update(compress(count(), map(_SPEAKER_KINDS.__contains__, t.kind)))
        may.update(self.at)
        has_comma = map(contains, t.gaps, repeat(","))
        self.commas = list(compress(count(), has_comma))  # tokens after a comma
        self.may_at = sorted(may)
        self.cue_words = lex.cue_words  # no reported speech without one of them
        self.events: list[tuple[int, str]] = []  # (token, person) of resolved pronoun speakers
        self.out: list[Quote] = []
        self.used: list[tuple[int, int]] = []  # character ranges already attributed

    # ------------------------------------------------------------------ driver

    def run(self) -> list[Quote]:
        """Walk the article in order (quotes of a sentence, then its reported speech), so a
        pronoun always looks back at speakers already resolved."""
        spans = self.spans
        by_sentence: dict[int, list[int]] = {}
        for n, (qs, _) in enumerate(spans):
            by_sentence.setdefault(
                self.doc.sentence_at(qs) if self.doc.sentences else 0, []
            ).append(n)
        self.skip: set[int] = set()
        self.last: tuple[str, str, str | None, int] | None = None  # speaker, cue, via, end
        for si in range(len(self.doc.sentences) or 1):
            for n in by_sentence.get(si, []):
                self._quote(n)
            self._reported(si)
        self.out.sort(key=lambda q: q.sources[0].start if q.sources else 0)
        return self.out

    def _quote(self, n: int) -> None:
        """Attribute the n-th quotation (or drop it when nobody can be named)."""
        spans, last, skip = self.spans, self.last, self.skip
        qs, qe = spans[n]
        if n in skip:
            return
        found = self._direct(qs, qe)
        if found is None and qs in self.open:
            found = self._open_quote(n)
        if found is None:
            # a quote right after an attributed one, in the same paragraph, continues it
            if last is None or not self._continues(last[3], qs):
                self.last = None
                return
            found = (last[0], last[1], last[2], None)
        speaker, cue, via, attr_end = found
        if speaker is None:
            self.last = None
            return
        end = attr_end if attr_end is not None else qe
        self.last = (speaker, cue, via, max(end, qe))
        parts = [(qs + 1, qe if qs in self.open else qe - 1)]
        # "“part one,” kata X, “part two.”": the second part has the same speaker
        if n + 1 < len(spans) and attr_end is not None:
            ns, ne = spans[n + 1]
            if re.fullmatch(r"[\s,]*", self.doc.text[attr_end:ns]) and ns - attr_end <= 3:
                parts.append((ns + 1, ne - 1))
                skip.add(n + 1)
        self._emit(speaker, parts, True, cue, via)

    def _emit(
        self, key: str, parts: list[tuple[int, int]], direct: bool, cue: str, via: str | None
    ) -> None:
        text = self.doc.text
        words = []
        sources = []
        for a, b in parts:
            while a < b and text[a] in _TRIM:
                a += 1
            while b > a and text[b - 1] in _TRIM:
                b -= 1
            if b <= a:
                continue
            words.append(text[a:b])
            sources.append(Source(self.doc.path, self.doc.sentence_at(a), a, b, text[a:b]))
        quote = " ".join(words)
        if not quote or len(quote.split()) < (1 if direct else _MIN_WORDS):
            return
        if not direct:
            quote = quote.replace("“", "").replace("”", "").replace('"', "")
        speaker = self.names.get(key, key)
        self.out.append(Quote(speaker, quote, direct, cue, via, sources=sources))
        self.used += [(s.start, s.end) for s in sources]

    # ------------------------------------------------------------------ direct quotes

    def _direct(self, qs: int, qe: int) -> tuple[str, str, str | None, int | None] | None:
        """Speaker, cue, via and end of attribution for the quote at text[qs:qe]."""
        t, text = self.t, self.doc.text
        a = bisect.bisect_left(t.start, qe)
        if (
            a < t.n
            and _LEAD_GAP.fullmatch(text[qe : t.start[a]])
            and "\n" not in text[qe : t.start[a]]
        ):
            got = self._attribution_after(a, qs)
            if got is not None:
                sp, cue, end = got
                if sp.key is None:  # an outlet or an unnamed source: nobody to name
                    return None, cue, None, t.end[end - 1]
                via = sp.via or self._via(self._sentence_tokens_outside(qs, qe))
                return sp.key, cue, via, t.end[end - 1]
        return self._attribution_before(qs, qe)

    def _continues(self, end: int, qs: int) -> bool:
        """Does a quotation at ``qs`` go on with the speaker whose attribution ended at
        ``end``: next to it, on the next line, or after the rest of the attribution's sentence
        in the same paragraph (“...,” she told the radio on Monday. “...”)?"""
        between = self.doc.text[end:qs]
        if _CONTINUES.fullmatch(between):
            return True
        if "\n" in between or _QUOTE_MARK.search(between) or len(between.split()) > _MAX_TAIL:
            return False
        tail = between.rstrip()
        if not tail.endswith((".", "!", "?")):
            return False
        t = self.t
        a, b = bisect.bisect_left(t.start, end), bisect.bisect_left(t.start, qs)
        return not any(k in self.at or t.low[k] in self.lex.pronouns for k in range(a, b))

    def _open_quote(self, n: int) -> tuple[str, str, str | None, None] | None:
        """Speaker of a quoted paragraph left open, as news style does when a quotation runs
        on into the next paragraph: the one who spoke just before it, or the one named where
        the quotation finally closes ("... ,” he said.")."""
        text, spans = self.doc.text, self.spans
        qs, qe = spans[n]
        if self.out and self.out[-1].sources:
            prev = self.out[-1]
            end = prev.sources[-1].end
            if self.last is not None and self.names.get(self.last[0], self.last[0]) == prev.speaker:
                end = max(end, self.last[3])
            if end <= qs and _BETWEEN_PARTS.fullmatch(text[end:qs]):
                return name_key(prev.speaker), prev.cue, prev.via, None
        while n + 1 < len(spans):  # the next paragraphs, up to the one that closes
            ns, ne = spans[n + 1]
            if text[qe:ns].strip():
                return None
            if ns not in self.open:
                got = self._direct(ns, ne)
                if got is None or got[0] is None:
                    return None
                return got[0], got[1], got[2], None
            n, qe = n + 1, ne
        return None

    def _attribution_after(self, a: int, qs: int) -> tuple[_Speaker, str, int] | None:
        """“...,” kata Putin / ..., ujarnya / ..." he said / ..." Smith told reporters."""
        t, lex = self.t, self.lex
        m = t.match(a, lex.after_quote_phrases) or t.match(a, lex.verbs)
        m = m or t.match(a, lex.according)
        if m:
            cue = self._span_text(a, a + m)
            low = " ".join(t.low[a : a + m])
            if lex.clitic and low.endswith(lex.clitic) and low in lex.after_quote:
                key = self._resolve_pronoun(a, qs)
                return _Speaker(key, a + m), cue, a + m
            sp = self._speaker(a + m, qs)
            if sp is None:
                return None
            return sp, cue, sp.end
        sp = self._speaker(a, qs)
        if sp is None:
            return None
        k = self._skip_adverbs(sp.end)
        m = t.match(k, lex.after_quote_phrases) or t.match(k, lex.verbs)
        if not m:
            return None
        return sp, self._span_text(k, k + m), k + m

    def _attribution_before(self, qs: int, qe: int) -> tuple[str, str, str | None, None] | None:
        """Putin said: “...” / X mengatakan, “...” / Kata X, “...” / Menurut X, “...”."""
        t, text = self.t, self.doc.text
        b = bisect.bisect_left(t.start, qs)  # first token at or after the quote
        if b == 0:
            return None
        if not _BEFORE_GAP.fullmatch(text[t.end[b - 1] : qs]) or "\n" in text[t.end[b - 1] : qs]:
            return None
        si = t.sent[b - 1]
        lo = b - 1
        while lo > 0 and t.sent[lo - 1] == si and b - lo < 25:
            lo -= 1
        for p in range(lo, b):
            got = self._speech_clause(p, qs)
            if got and got[2] == b:
                sp, cue, _ = got
                via = sp.via or self._via(self._sentence_tokens_outside(qs, qe))
                return sp.key, cue, via, None
            m = t.match(p, self.lex.after_quote_phrases) or t.match(p, self.lex.according)
            if m:
                sp = self._speaker(p + m, qs)
                if sp and sp.key and sp.end == b:
                    via = self._via(self._sentence_tokens_outside(qs, qe))
                    return sp.key, self._span_text(p, p + m), via, None
        return self._naming(lo, b, qs, qe)

    def _naming(self, lo: int, b: int, qs: int, qe: int) -> tuple[str, str, None, None] | None:
        """X called the vote “a victory for common sense”: a naming verb, a short object,
        then the speaker's own words."""
        t, lex = self.t, self.lex
        if not lex.naming_verbs:
            return None
        for p in range(lo, b):
            if p not in self.at:
                continue
            sp = self._speaker(p, qs)
            if sp is None or sp.key is None:
                continue
            k = skip_name_tail(t, self._skip_adverbs(sp.end), p)
            m = t.match(k, lex.naming_verbs)
            if t.match(k, lex.verbs):
                continue  # a speech verb: its clause is reported speech, quote and all
            if not m or not 0 < b - (k + m) <= _MAX_NAMED or self._punct(k + m, b - 1):
                continue
            return sp.key, self._span_text(k, k + m), None, None
        return None

    # ------------------------------------------------------------------ reported speech

    def _reported(self, si: int) -> None:
        """Reported speech of sentence si (and a trailing "adding that ...")."""
        t = self.t
        if si >= len(t.by_sentence):
            return
        first, last = t.by_sentence[si]
        if first >= last:
            return
        self._reported_clause(first, last)
        self._adding(first, last)

    def _has_cue(self, first: int, last: int) -> bool:
        """Could sentence first..last hold reported speech? It needs a speech cue word (a cue
        right after its end counts: "..., dia" + "mengatakan" across a bad sentence split)."""
        t, cues = self.t, self.cue_words
        if not cues.isdisjoint(t.low[first:last]):
            return True
        k = self._skip_adverbs(last)
        return k < t.n and t.low[k] in cues

    def _speakers_only(self, first: int, last: int) -> None:
        """What ``_reported_clause`` does in a sentence without a speech cue: it finds no
        speech but still resolves the pronouns and epithets it tries as speakers, which later
        pronouns look back at (``self.events``). Same calls, same order, no cue matching."""
        t, lex = self.t, self.lex
        low, kind, start = t.low, t.kind, t.start

        def resolves(p: int) -> bool:  # _speaker(p) may record an event
            return p not in self.at and kind[p] not in (OUTLET, GENERIC)

        for p in self._between(self.may_at, first, last):
            if resolves(p):
                self._speaker(p, start[p])
        if self._quote_inside(start[first], t.end[last - 1]):
            return
        for c in self._commas(first + _MIN_WORDS, last):
            if resolves(c) and (
                low[c] in lex.pronouns or kind[c] in _EPITHET_KINDS or low[c] in lex.epithet_before
            ):
                self._speaker(c, start[c])

    def _reported_clause(self, first: int, last: int) -> None:
        t, lex = self.t, self.lex
        s0, s1 = t.start[first], t.end[last - 1]
        if any(a <= s0 < b or a < s1 <= b for a, b in self.used):
            return
        if not self._has_cue(first, last):
            self._speakers_only(first, last)
            return
        # "X mengatakan (kepada wartawan) bahwa ..." / "X said (that) ..."
        for p in self._between(self.may_at, first, last):
            got = self._speech_clause(p, t.start[p])
            if got is None or got[0].key is None:
                continue
            sp, cue, k = got
            if k < last and "," in t.gap(k) and t.match(k, lex.participles):
                continue  # "..., Budi said, adding that ...": the clause is before the cue
            strict = cue.casefold() in self.cues.need_that
            if cue.casefold() in self.cues.object_verbs and not self._object_clause(k, last):
                continue  # "meminta keterangan saksi": no "agar"/"to", so no speech
            if strict and k < last and t.low[k] not in lex.that and "," not in t.gap(k):
                continue  # "menyampaikan salam": not speech
            if k < last and t.low[k] in lex.that:
                k += 1
            else:
                late = k < last and t.low[k] in lex.not_clause_start
                told = cue.casefold() in self.cues.listener_verbs
                time = lex.time_words
                reach = 3 * _LOOKAHEAD_THAT if late else _LOOKAHEAD_THAT
                for d in range(1, reach):
                    if k + d < last and t.low[k + d] in lex.that and not self._punct(k, k + d):
                        if not late and not told and not all(
                            t.word[x][:1].isupper() or t.kind[x] == NUM or t.low[x] in time
                            for x in range(k, k + d)
                        ):
                            break  # "said the plant showed that ...": the clause starts at k
                        k, late = k + d + 1, False
                        break
                if late:
                    continue  # "said on Monday, ..." / "said after ringing the bell"
            if k >= last:
                continue  # "..., she told the Jakarta Globe.": the clause came first
            if self._quote_inside(t.start[k] - 3, t.start[k] + 1):
                return  # "X said: “...”" is a direct quote
            end = self._clause_end(k, last)
            via = sp.via or self._via(list(range(first, k)) + list(range(end, last)))
            self._emit(sp.key, [(t.start[k], t.end[end - 1])], False, cue, via)
            return
        if self._participle_clause(first, last):
            return
        # "Menurutnya, ...": the according word with the pronoun clitic
        if (
            lex.clitic
            and t.low[first] in self.cues.according_clitic
            and first + 1 < last
            and "," in t.gap(first + 1)
        ):
            key = self._resolve_pronoun(first, t.start[first])
            if key and not self._quote_inside(t.start[first], t.end[last - 1]):
                end = self._clause_end(first + 1, last)
                self._emit(
                    key,
                    [(t.start[first + 1], t.end[end - 1])],
                    False,
                    t.word[first],
                    self._via(list(range(end, last))),
                )
                return
        # "Menurut X, ..." / "According to X, ..."
        m = t.match(first, lex.according)
        if m:
            sp = self._speaker(first + m, t.start[first])
            if sp and sp.key and sp.end < last and "," in t.gap(sp.end):
                k = sp.end
                if not self._quote_inside(t.start[k], t.end[last - 1]):
                    end = self._clause_end(k, last)
                    via = self._via(list(range(end, last)))
                    self._emit(
                        sp.key,
                        [(t.start[k], t.end[end - 1])],
                        False,
                        self._span_text(first, first + m),
                        via,
                    )
                    return
        # "Namun, menurut X, ..." / "Putin sendiri, menurut X, mengundang ..." / "Anggota
        # kelompok, lanjut X, sudah ...": the words around the inserted attribution are X's
        if not self._quote_inside(t.start[first], t.end[last - 1]):
            for p in self._commas(first + 1, last):
                m = t.match(p, lex.according) or t.match(p, lex.after_quote_phrases)
                if not m:
                    continue
                sp = self._speaker(p + m, t.start[p])
                if not (sp and sp.key and sp.end < last and "," in t.gap(sp.end)):
                    break
                end = self._clause_end(sp.end, last)
                parts = [(t.start[sp.end], t.end[end - 1])]
                if any(t.kind[k] not in (STOP, CAPSTOP) for k in range(first, p)):
                    parts.insert(0, (t.start[first], t.end[p - 1]))
                self._emit(sp.key, parts, False, self._span_text(p, p + m), None)
                return
        # "..., kata X, profesor di ..." / "..., according to X." / "..., he said."
        if self._quote_inside(t.start[first], t.end[last - 1]):
            return
        for c in self._commas(first + _MIN_WORDS, last):
            got = self._speech_clause(c, t.start[c]) or self._attribution_after(c, t.start[c])
            if got is None:
                continue
            sp, cue, end = got
            tail_ok = end >= last or t.gap(end).strip() or t.low[end] in lex.not_clause_start
            if sp.key is None or not tail_ok:
                continue
            via = sp.via or self._via(list(range(c, last)))
            self._emit(sp.key, [(t.start[first], t.end[c - 1])], False, cue, via)
            return

    def _object_clause(self, k: int, last: int) -> bool:
        """Does an object and then "to"/"agar" follow a verb such as "urged" at token k
        ("urged the residents to leave", "meminta warga agar mengungsi")?"""
        t, markers = self.t, self.cues.object_markers
        for x in range(k + 1, min(k + _LOOKAHEAD_THAT, last)):
            if self._punct(k, x):
                return False
            if t.low[x] in markers:
                return True
        return False

    def _participle_clause(self, first: int, last: int) -> bool:
        """"X released a statement saying (that) ...": the sentence's subject says what
        follows the participle, when no one else is named before it."""
        t, lex = self.t, self.lex
        if not lex.participles.index.keys() & set(t.low[first:last]):
            return False
        sp = self._speaker(first, t.start[first])
        if sp is None or sp.key is None:
            return False
        for k in range(sp.end, last):
            if k in self.at or t.low[k] in lex.pronouns:
                return False
            m = t.match(k, lex.participles)
            if not m:
                continue
            c = self._past_that(k + m, last)
            if last - c < _MIN_WORDS or t.low[c] in lex.not_clause_start:
                return False  # "..., adding to her tally"
            if self._quote_inside(t.start[c] - 3, t.start[c] + 1):
                return False  # "..., saying: “...”" is a direct quote
            end = self._clause_end(c, last)
            self._emit(sp.key, [(t.start[c], t.end[end - 1])], False, self._span_text(k, k + m),
                       None)
            return True
        return False

    def _past_that(self, k: int, last: int) -> int:
        """Token k, or the one after it when k is "that"/"bahwa" opening the clause."""
        return k + 1 if k < last and self.t.low[k] in self.lex.that else k

    def _adding(self, first: int, last: int) -> None:
        """ "..., he said, adding that ...": a second reported clause by the same speaker."""
        t, lex = self.t, self.lex
        if not self.out:
            return
        prev = self.out[-1]
        if not prev.sources or not (
            t.start[first] <= prev.sources[-1].start < t.end[last - 1] + 1
            or any(t.start[first] <= a < t.end[last - 1] for a, _ in self.used[-2:])
        ):
            return
        for c in self._commas(first + 1, last):
            m = t.match(c, lex.participles)
            if not m:
                continue
            k = self._past_that(c + m, last)
            if k < last - _MIN_WORDS + 1:
                end = self._clause_end(k, last)
                key = name_key(prev.speaker)
                self._emit(
                    key, [(t.start[k], t.end[end - 1])], False, self._span_text(c, c + m), prev.via
                )
            return

    def _speech_clause(self, p: int, limit: int) -> tuple[_Speaker, str, int] | None:
        """SPEAKER (adverbs) VERB (kepada wartawan|to reporters|kepada OUTLET) at token p:
        returns the speaker, the cue as written and the token after the cue."""
        t, lex = self.t, self.lex
        sp = self._speaker(p, limit)
        if sp is None or sp.key is None:
            return None
        k = self._skip_adverbs(sp.end)
        if k + 1 < t.n and t.kind[k] == NUM and "," in t.gap(k) and "," in t.gap(k + 1):
            k += 1  # "Janet Collins, 71, who ..., said"
        k = skip_name_tail(t, k, p)
        m = t.match(k, lex.verbs)
        via = sp.via
        if not m and k < t.n and t.low[k] in lex.not_clause_start:
            # "X, dalam laporannya, menjelaskan", "X usai mendampingi caleg di KPU mengatakan":
            # an adverbial phrase between the speaker and the verb
            j = self._verb_after_aside(k, p)
            if j is not None:
                k, m = j, t.match(j, lex.verbs)
        if not m and k < t.n and (t.low[k] in lex.relative or sp.appositive):
            # "Dia yang dikutip oleh kantor berita Rusia TASS mengatakan ..."
            for j in range(k + 1, min(k + _MAX_RELATIVE, t.n)):
                if t.sent[j] != t.sent[p]:
                    break
                m = t.match(j, lex.verbs)
                if m:
                    segment = list(range(k, j))
                    # "X, who ..., said" / "X, a ... who ..., said" / "X, who said"
                    enclosed = "," in t.gap(j) or (j == k + 1 and "," in t.gap(k))
                    # "Camat X yang ikut meninjau lokasi menjelaskan, ...": the clause opens
                    # after the verb, so the words between are the speaker's relative clause
                    after = j + m
                    opens = after < t.n and ("," in t.gap(after) or t.low[after] in lex.that)
                    if (
                        not enclosed
                        and not any(t.match(x, lex.via_cues) for x in segment)
                        and not (opens and not self._punct(k, j))
                    ):
                        return None
                    via = self._via(segment)
                    k = j
                    break
        if not m or t.sent[k] != t.sent[p]:
            return None
        cue = self._span_text(k, k + m)
        listener_verb = t.match(k, lex.listener_verbs) == m
        k += m
        if listener_verb and k < t.n and t.sent[k] == t.sent[p]:
            # "told the AP (that) ...", "told The Meridian Post that ..."
            n = t.match(k, lex.listeners)
            if n:
                k += n
            else:
                j = k + (1 if t.low[k] in lex.epithet_before else 0)
                if j < t.n and t.kind[j] in (OUTLET, GENERIC):
                    via = via or self._via([j])
                    k = self._chunk_run_end(j)
                elif j < t.n and t.word[j][:1].isupper():
                    while j < t.n and t.word[j][:1].isupper() and (j == k or t.spaced(j)):
                        j += 1
                    k = j
        elif k < t.n and t.low[k] in lex.to_listener and t.sent[k] == t.sent[p]:
            n = t.match(k + 1, lex.listeners)
            if n:
                k += 1 + n
            elif k + 1 < t.n and t.kind[k + 1] in (OUTLET, GENERIC):
                seg = [k + 1]
                via = via or self._via(seg)
                k = self._chunk_run_end(k + 1)
        return _Speaker(sp.key, sp.end, via), cue, k

    def _verb_after_aside(self, k: int, p: int) -> int | None:
        """The speech verb a few words after token k, where an adverbial phrase (from k)
        stands between the speaker at p and its verb; None when the phrase holds a sentence
        break, a quotation or another person."""
        t = self.t
        for j in range(k + 1, min(k + _MAX_ASIDE + 1, t.n)):
            if t.sent[j] != t.sent[p] or (j in self.at and j != p) or self._punct(k, j - 1):
                return None
            if t.match(j, self.lex.verbs):
                return j
        return None

    def _clause_end(self, k: int, last: int) -> int:
        """End token of a reported clause, before a trailing ", TASS melaporkan" or ", kata X"."""
        t, lex = self.t, self.lex
        for c in self._commas(k + 1, last):
            if t.kind[c] in (OUTLET, GENERIC) or t.match(c, lex.according):
                return c
            if t.match(c, lex.via_cues) or t.match(c, lex.after_quote_phrases):
                return c
        return last

    # ------------------------------------------------------------------ speakers

    def _speaker(self, p: int, limit: int) -> _Speaker | None:
        """The speaker phrase starting at token p (name, pronoun, epithet or outlet)."""
        t, lex = self.t, self.lex
        if p >= t.n:
            return None
        m = self.at.get(p)
        if m is not None:
            return _Speaker(m.key, m.tok_end, appositive=m.tok_end > m.name_end)
        if t.low[p] in lex.pronouns:
            return _Speaker(self._resolve_pronoun(p, limit), p + 1)
        if t.kind[p] in (OUTLET, GENERIC):
            end = self._chunk_run_end(p)
            return _Speaker(None, end, via=self._via([p]))
        return self._epithet(p, limit)

    def _epithet(self, p: int, limit: int) -> _Speaker | None:
        """ "pemimpin Rusia itu", "the minister": a person whose role matches."""
        t, lex = self.t, self.lex
        k = p
        if t.low[k] in lex.epithet_before:
            k += 1
        words: list[str] = []
        heads: list[str] = []
        while k < t.n and t.kind[k] in (HEAD, MOD, PLACE, ORG, ACRO) and t.sent[k] == t.sent[p]:
            if k > p and not t.spaced(k):
                break
            chunk = t.low[t.cstart[k] : t.cend[k]]
            (heads if t.kind[k] == HEAD else words).extend(chunk)
            k = t.cend[k]
        if not heads:
            return self._description(p, limit)
        before = t.low[p] in lex.epithet_before
        generic = all(h in lex.generic_heads for h in heads)
        if k < t.n and t.low[k] in lex.epithet_after:
            k += 1
        elif not before and (generic or not self._bare_title(p, k)):
            return None
        want = set(words) | (set() if generic else set(heads))
        ok = {name for name, roles in self.roles.items() if any(want <= r for r in roles)}
        key = self._latest(p, ok) if ok else None
        if key is not None:
            self.events.append((p, key))  # "the chancellor ... he said": he is the chancellor
        return _Speaker(key, k)

    def _description(self, p: int, limit: int) -> _Speaker | None:
        """A sentence-opening description closed by "itu" before a speech verb ("Pria
        kelahiran Bandung itu mengatakan"): the person last spoken of, as a pronoun is."""
        t, lex = self.t, self.lex
        if t.low[p] not in lex.descriptions or p != self._sentence_start(p):
            return None
        for k in range(p + 1, min(p + _MAX_DESCRIPTION, t.n)):
            if not t.spaced(k):
                return None
            if t.low[k] in lex.epithet_after:
                if not t.match(self._skip_adverbs(k + 1), lex.verbs):
                    return None
                return _Speaker(self._resolve_pronoun(p, limit), k + 1)
        return None

    def _bare_title(self, p: int, k: int) -> bool:
        """A title alone opening a sentence and followed by a speech verb ("Kapolres
        menjelaskan, ..."): it names the person the article gave that title."""
        t = self.t
        return p == self._sentence_start(p) and bool(t.match(self._skip_adverbs(k), self.lex.verbs))

    def _resolve_pronoun(self, p: int, limit: int) -> str | None:
        """The person a pronoun at token p means: the one person of the latest sentence that
        mentions people, or that sentence's subject/last speaker; None when unsure."""
        t = self.t
        pairs = self.mention_pairs
        before = pairs[: bisect.bisect_left(pairs, (p,))]  # mentions starting before p
        before = [(i, k) for i, k in before if not self._in_quote(t.start[i], limit)]
        before += [e for e in self.events if e[0] < p]
        want = self.lex.pronoun_gender.get(t.low[p])
        if want:  # "she" is never the son named last
            before = [(i, k) for i, k in before
                      if self.gender.get(self.names.get(k, k)) in (None, want)]
        if not before:
            return None
        before.sort()
        if any(before[-1][0] < u < p for u in self._unknown_subjects()):
            return None  # "Aviliani berpendapat lain. Dia ...": someone we cannot name
        s = t.sent[before[-1][0]]
        same = [(i, k) for i, k in before if t.sent[i] == s]
        people = {k for _, k in same}
        if len(people) == 1:
            key = same[0][1]
        else:
            last_speaker = self.out[-1].speaker if self.out else None
            keys = {self.names.get(k, k): k for k in people}
            if last_speaker in keys:
                key = keys[last_speaker]
            elif same[0][0] == self._sentence_start(same[0][0]):
                key = same[0][1]
            else:
                return None
        self.events.append((p, key))
        return key

    def _unknown_subjects(self) -> list[int]:
        """Sentence-initial names of no known person used as speakers ("Aviliani berpendapat")."""
        if hasattr(self, "_unknown"):
            return self._unknown
        t = self.t
        covered = set()
        for m in self.mentions:
            covered.update(range(m.tok_start, m.tok_end))
        out = []
        for first, last in t.by_sentence:
            if first >= last or t.kind[first] != CAP or first in covered:
                continue
            j = first + 1
            while j < last and t.kind[j] == CAP and t.spaced(j):
                j += 1
            k = self._skip_adverbs(j)
            if j >= last or j - first > 3:
                continue
            verb = t.spaced(j) and bool(t.match(k, self.lex.verbs))
            if verb or t.gap(j).strip() == "," and self._aside_opens(j):
                out.append(first)  # "Aviliani berpendapat lain", "Prabowo, who was ..., said"
        self._unknown = out
        return out

    def _aside_opens(self, k: int) -> bool:
        """Does an aside about a name open at token k ("Prabowo, who ...", "Budi, the mayor,
        ...", "Budi, Kepala Dinas X, ...")? A word before a comma that opens no aside is an
        adverb ("Semula, peternak ...")."""
        t, lex = self.t, self.lex
        return k < t.n and (
            t.low[k] in lex.relative or bool(t.match(k, lex.articles))
            or t.kind[k] in (HEAD, MOD) and t.word[k][:1].isupper()
        )

    def _latest(self, p: int, names: set[str]) -> str | None:
        best = None
        for m in self.mentions:
            if m.tok_start < p and self.names.get(m.key) in names:
                best = m.key
        return best

    # ------------------------------------------------------------------ helpers

    def _via(self, region: list[int]) -> str | None:
        """The outlet named in these tokens (a specific name before a generic "media Rusia")."""
        t, lex = self.t, self.lex
        generic = None
        for i in region:
            if i >= t.n:
                continue
            if t.cstart[i] != i or _DATELINE.match(self.doc.text, t.end[t.cend[i] - 1]):
                continue  # "JAKARTA, KOMPAS.com -", "(Reuters) -": the publisher, not a via
            if t.kind[i] == OUTLET:
                return self._span_text(i, t.cend[i])
            if generic is None and t.kind[i] == GENERIC:
                cued = any(t.match(j, lex.via_cues) for j in range(max(0, i - 4), i))
                if cued:
                    generic = self._span_text(i, self._chunk_run_end(i))
        return generic

    def _chunk_run_end(self, p: int) -> int:
        """End of an outlet phrase: generic word plus places/organisations/outlet names."""
        t = self.t
        k = t.cend[p]
        kinds = (PLACE, ORG, OUTLET, ACRO, CAP, GENERIC)
        while k < t.n and t.spaced(k) and t.kind[k] in kinds:
            k = t.cend[k]
        return k

    def _skip_adverbs(self, k: int) -> int:
        t = self.t
        while k < t.n:
            m = t.match(k, self.lex.adverbs)
            if not m:
                break
            k += m
        return k

    def _sentence_tokens_outside(self, qs: int, qe: int) -> list[int]:
        t = self.t
        a = bisect.bisect_left(t.start, qs)
        b = bisect.bisect_left(t.start, qe)
        sents = {t.sent[i] for i in (a, b - 1) if 0 <= i < t.n}
        if b < t.n and "\n" not in self.doc.text[qe : t.start[b]]:
            sents.add(t.sent[b])
        out = []
        for s in sorted(sents):
            first, last = t.by_sentence[s]
            out += [i for i in range(first, last) if not qs <= t.start[i] < qe]
        return out

    def _commas(self, lo: int, hi: int) -> list[int]:
        """Tokens lo..hi-1 that follow a comma, in order."""
        return self._between(self.commas, lo, hi)

    @staticmethod
    def _between(positions: list[int], lo: int, hi: int) -> list[int]:
        """The sorted ``positions`` in lo..hi-1."""
        return positions[bisect.bisect_left(positions, lo) : bisect.bisect_left(positions, hi)]

    def _span_text(self, i: int, j: int) -> str:
        return self.doc.text[self.t.start[i] : self.t.end[j - 1]]

    def _punct(self, i: int, j: int) -> bool:
        gaps, search = self.t.gaps, _PUNCT.search
        return any(search(gaps[k]) for k in range(i + 1, j + 1))

    def _quote_inside(self, a: int, b: int) -> bool:
        """Does a quotation start in text[a:b]?"""
        k = bisect.bisect_left(self.starts, a)
        return k < len(self.starts) and self.starts[k] < b

    def _in_quote(self, pos: int, limit: int) -> bool:
        """Is ``pos`` inside a quotation that starts at or before ``limit``?"""
        k = bisect.bisect_left(self.starts, min(pos, limit + 1))  # quotes starting before both
        return k > 0 and self.reach[k - 1] > pos

    def _sentence_start(self, i: int) -> int:
        t = self.t
        while i > 0 and t.sent[i - 1] == t.sent[i]:
            i -= 1
        return i


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of quotations including their marks, double quotes first, no overlaps."""
    spans = [m.span() for m in _DOUBLE.finditer(text)]
    starts = [a for a, _ in spans]  # double quotes do not overlap: bisect finds the one
    for m in _SINGLE.finditer(text):
        x, y = m.span()
        k = bisect.bisect_right(starts, x) - 1  # the last double quote starting at or before x
        if k >= 0 and x < spans[k][1]:
            continue
        k = bisect.bisect_left(starts, y) - 1  # the last one starting before y
        if k >= 0 and y <= spans[k][1]:
            continue
        spans.append((x, y))
    return sorted(spans)


def _genders(
    t: Tokens, people: list[Person], mentions: list[Mention], names: dict[str, str]
) -> dict[str, str]:
    """Person -> "male" / "female" where the text tells: a gendered word in a role ("son",
    "ibu korban") or right before a mention ("Mrs Abban", "Pak Darto"); unknown when the
    evidence disagrees."""
    words = t.lex.gender_words
    if not words:
        return {}
    seen: dict[str, set[str]] = {}
    for p in people:
        for role in p.roles:
            for w in _fwords(role):
                if w in words:
                    seen.setdefault(p.name, set()).add(words[w])
    for m in mentions:
        for k in (m.tok_start, m.name_start - 1):
            if 0 <= k < m.name_start and t.low[k] in words:
                seen.setdefault(names[m.key], set()).add(words[t.low[k]])
    return {name: next(iter(g)) for name, g in seen.items() if len(g) == 1}


def _open_spans(text: str, spans: list[tuple[int, int]]) -> dict[int, int]:
    """Quotations that open a paragraph, or follow a sentence's end in it, and are not closed
    before the paragraph ends: start of the opening mark -> end of the paragraph's text."""
    starts = [a for a, _ in spans]
    out: dict[int, int] = {}
    for m in _OPENING.finditer(text):
        a = m.start(1)
        end = text.find("\n", a)
        end = len(text) if end < 0 else end
        line = text[a + 1 : end]
        k = bisect.bisect_right(starts, a) - 1  # the last quotation starting at or before a
        if (k >= 0 and a < spans[k][1]) or _CLOSING.search(line):
            continue
        b = len(line.rstrip()) + a + 1
        if b - a > 20 and (text[b - 1] in _ENDS or text[b:].strip()):
            out[a] = b  # not the article's last words cut off mid-sentence ("We thank him fo")
    return out


_ENDS = ".!?…:;"


def _fwords(text: str) -> list[str]:
    return [fold(w) for w in _FWORD.findall(text)]
