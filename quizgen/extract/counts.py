"""Counts of things ("11 nota kerja sama", "Sebelas pakta", "eight pacts", "lebih dari 10").

A count is a number (digits or number words, parsed from ``numbers.yaml``) followed by the
counted noun. What is not a count is data too: ordinals, years and dates, clock times,
money, percentages and measures, vague amounts, "salah satu", and "dua pemimpin" in the
sense of "the two (of them)". Approximate amounts ("sekitar 100") are skipped, since quizzing
them as exact would be wrong; "lebih dari 10" / "over 10" is kept as a lower bound.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from quizgen import lang as langdata
from quizgen.document import Document
from quizgen.extract import clauses
from quizgen.extract.dates import date_spans
from quizgen.extract.lexicon import Phrases, alternation, lower_set, scan, squash, starters
from quizgen.facts import Count, Source

MAX_UNIT_WORDS = 3
YEARS = range(1900, 2101)
_PREVIOUS = re.compile(r"[\w'’.$-]+")
_AGE_BEFORE = re.compile(r"(?-i:[A-Z])[\w'’.-]*[^\S\n]*\($")  # a name, then "(" right before
_AGE_AFTER = re.compile(r"[^\S\n]*(?:[^\W\d_]+\.?[^\S\n]*)?\)")  # "57)", "57 tahun)", "57 thn.)"
# a newline ends the clause: the gap before a token may not hold one
_TOKEN = re.compile(r"[^\S\n]*([^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*|[%$€£¥]|\S)")


@dataclass(frozen=True)
class NumberGrammar:
    number: re.Pattern[str]
    number_starts: tuple[re.Pattern[str], ...]  # where a number may start
    words: dict[str, int]
    teens: frozenset[str]
    multipliers: dict[str, int]
    scales: dict[str, int]
    scale_words: dict[str, int]
    joiners: frozenset[str]
    thousands: str
    decimal: str
    not_before: frozenset[str]
    not_units: frozenset[str]
    money_before: re.Pattern[str]
    ordinal_prefix: str
    vague: frozenset[str]
    at_least: Phrases
    at_most: Phrases
    approximate: Phrases
    at_least_after: frozenset[str]
    units: dict[str, str]  # unit phrase -> group
    head_last: bool
    classifiers: frozenset[str]
    pair_nouns: frozenset[str]
    pair_determiners: frozenset[str]
    stop: frozenset[str]
    verb_prefixes: tuple[str, ...]
    relative_after: frozenset[str]
    time_groups: frozenset[str]
    across: Phrases  # bound words that before a span of time mean "spread across" it
    across_keep: frozenset[str]  # words before them that keep the bound ("in over 20 years")


@cache
def grammar(lang: str) -> NumberGrammar:
    data = langdata.data(lang, "numbers")
    units = langdata.data(lang, "units")
    words = {squash(k): int(v) for k, v in (data.get("words") or {}).items()}
    scale_words = {squash(k): int(v) for k, v in (data.get("scale_words") or {}).items()}
    teens = lower_set(data.get("teens"))
    multipliers = {squash(k): int(v) for k, v in (data.get("multipliers") or {}).items()}
    scales = {squash(k): int(v) for k, v in (data.get("scales") or {}).items()}
    joiners = lower_set(data.get("joiners"))
    thousands = str(data.get("thousands_separator", ","))
    decimal = str(data.get("decimal_mark", "."))
    first = alternation([*words, *scale_words])
    rest = alternation([*words, *scale_words, *teens, *multipliers, *scales])
    join = alternation(joiners)
    t, d = re.escape(thousands), re.escape(decimal)
    scale_alt = alternation(scales)
    number = (
        rf"(?:"
        rf"(?<![\w.,/:-])(?P<digits>\d{{1,3}}(?:{t}\d{{3}})+|\d+)(?:{d}(?P<frac>\d+))?"
        rf"(?![\w]|[.,:/-]\d)(?:\s+(?P<dscale>{scale_alt})(?![\w-]))?"
        rf"|(?<![\w-])(?P<words>(?:{first})(?:(?:\s+|-)(?:(?:{join})\s+)?(?:{rest}))*)(?![\w]))"
    )
    groups: dict[str, str] = {}
    for group, members in (units.get("groups") or {}).items():
        for member in members:
            groups[squash(str(member))] = str(group)
    return NumberGrammar(
        number=re.compile(number, re.IGNORECASE),
        number_starts=starters([*words, *scale_words], digits=True),
        words=words,
        teens=teens,
        multipliers=multipliers,
        scales=scales,
        scale_words=scale_words,
        joiners=joiners,
        thousands=thousands,
        decimal=decimal,
        not_before=lower_set(data.get("not_before")),
        not_units=lower_set(data.get("not_units")),
        money_before=re.compile(
            rf"(?:^|[\s(])(?:{alternation(data.get('money_prefixes') or [])})\s*$", re.IGNORECASE
        ),
        ordinal_prefix=str(data.get("ordinal_prefix") or ""),
        vague=lower_set(data.get("vague")),
        at_least=Phrases(data.get("at_least") or []),
        at_most=Phrases(data.get("at_most") or []),
        approximate=Phrases(data.get("approximate") or []),
        at_least_after=lower_set(data.get("at_least_after")),
        units=groups,
        head_last=units.get("head") == "last",
        classifiers=lower_set(units.get("classifiers")),
        pair_nouns=lower_set(units.get("pair_nouns")),
        pair_determiners=lower_set(units.get("pair_determiners")),
        stop=lower_set(units.get("stop")),
        verb_prefixes=tuple(squash(p) for p in (units.get("verb_prefixes") or [])),
        relative_after=lower_set(data.get("relative_to_now")),
        time_groups=frozenset(units.get("time_groups") or []),
        across=Phrases(data.get("across_time") or []),
        across_keep=lower_set(data.get("across_keep")),
    )


def parse_words(g: NumberGrammar, phrase: str) -> int | None:
    """Value of a number-word phrase ("dua puluh tiga" = 23, "twenty-one" = 21), or None."""
    total = current = pending = 0
    tokens = [t for t in re.split(r"[\s-]+", phrase.lower()) if t]
    if not tokens or tokens[0] not in g.words and tokens[0] not in g.scale_words:
        return None
    for tok in tokens:
        if tok in g.joiners:
            continue
        if tok in g.words:
            v = g.words[tok]
            if v >= 100:  # "seratus": a hundred already multiplied
                if current or pending:
                    return None
                current = v
            elif pending and pending >= 20 and pending % 10 == 0 and v < 10:
                pending += v
            elif pending:
                return None  # "dua tiga": two numbers, not one
            else:
                pending = v
        elif tok in g.teens:
            if not pending or pending >= 10:
                return None
            current += pending + 10
            pending = 0
        elif tok in g.multipliers:
            m = g.multipliers[tok]
            if not pending or pending >= m:
                return None
            current += pending * m
            pending = 0
        elif tok in g.scales:
            group = current + pending
            if not group:
                return None
            total += group * g.scales[tok]
            current = pending = 0
        elif tok in g.scale_words:
            if current or pending:
                return None
            total += g.scale_words[tok]
        else:
            return None
    return total + current + pending


def _digits_value(g: NumberGrammar, m: re.Match[str]) -> int | None:
    digits = m.group("digits").replace(g.thousands, "")
    frac = m.group("frac")
    scale = g.scales.get(squash(m.group("dscale") or ""), 1)
    if frac:
        value = float(f"{digits}.{frac}") * scale
        return int(value) if scale > 1 and value == int(value) else None
    return int(digits) * scale


def _tokens(text: str, pos: int, limit: int) -> list[tuple[str, int, int]]:
    """Up to ``limit`` word tokens after ``pos`` on the same clause (stops at punctuation)."""
    out = []
    while len(out) < limit:
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        tok = m.group(1)
        if not (tok[0].isalpha() or tok in "%$€£¥"):
            break
        out.append((tok, m.start(1), m.end(1)))
        pos = m.end(1)
    return out


def _strip_possessive(word: str, units: dict[str, str]) -> str:
    low = word.lower()
    for suffix in ("nya", "ku", "mu"):
        if low.endswith(suffix) and low[: -len(suffix)] in units:
            return word[: -len(suffix)]
    return word


def _unit(g: NumberGrammar, toks: list[tuple[str, int, int]], value: int):
    """(unit text, end offset, group) of the counted noun, or None when there is none."""
    if not toks:
        return None
    low = [t.lower().rstrip("'’") for t, _, _ in toks]  # "ten days' notice"
    for n in (2, 1):  # money, percent, measures: "miliar rupiah", "persen", "km"
        if len(low) >= n and " ".join(low[:n]) in g.not_units:
            return None
    if low[0] in g.vague or low[0] in g.stop:
        return None
    classified = False
    if low[0] in g.classifiers and len(toks) > 1 and low[1] not in g.stop:
        toks, low = toks[1:], low[1:]
        classified = True
    if g.head_last:
        # English: up to three words ending in a known noun ("new cooperation agreements")
        for n in range(min(MAX_UNIT_WORDS, len(toks)), 0, -1):
            if any(w in g.stop for w in low[:n]):
                continue
            if low[n - 1] in g.units or " ".join(low[:n]) in g.units:
                return (
                    " ".join(t for t, _, _ in toks[:n]),
                    toks[n - 1][2],
                    g.units.get(" ".join(low[:n]), g.units.get(low[n - 1])),
                )
        for n in range(1, min(MAX_UNIT_WORDS, len(toks)) + 1):
            if low[n - 1] in g.stop:
                break
            word = toks[n - 1][0]
            if (
                word.islower()
                and low[n - 1].endswith("s")
                and not low[n - 1].endswith(("ss", "us", "ous", "ly"))
            ):
                return " ".join(t for t, _, _ in toks[:n]), toks[n - 1][2], None
        word = toks[0][0]
        if not word.islower() or not (low[0].endswith("s") or value == 1):
            return None
        if low[0].endswith(("ly", "ed", "ing")):
            return None
        return word, toks[0][2], None
    # Indonesian: the head comes first; extend to a known multi-word noun ("nota kerja sama")
    for n in range(min(MAX_UNIT_WORDS, len(toks)), 1, -1):
        phrase = " ".join(low[:n])
        if phrase in g.units:
            return " ".join(t for t, _, _ in toks[:n]), toks[n - 1][2], g.units[phrase]
    word = toks[0][0]
    stem = _strip_possessive(word, g.units)
    low0 = stem.lower()
    if low0 in g.units:
        return stem, toks[0][2], g.units[low0]
    if not word.islower() or low0 in g.stop:
        return None
    if low0.startswith(g.verb_prefixes) if g.verb_prefixes else False:
        return None  # "tiga tewas", "dua dilaporkan": a verb, not a noun
    if classified:
        # after a classifier the whole noun phrase is the thing counted ("enam unit sepeda
        # motor"): it runs to the first function word, verb or capitalised word
        n = 1
        while (
            n < len(toks)
            and toks[n][0].islower()
            and low[n] not in g.stop
            and not (g.verb_prefixes and low[n].startswith(g.verb_prefixes))
        ):
            n += 1
        if n > 1:
            return " ".join(t for t, _, _ in toks[:n]), toks[n - 1][2], None
    return stem, toks[0][2], None


def _across(g: NumberGrammar, head: str, b: int) -> bool:
    """Does the bound word ending ``head`` at ``b`` mean "across" a span of time ("over three
    years" after a rate) rather than "more than" ("in over 20 years")?"""
    if g.across.ending(head) != b:
        return False
    before = _previous_words(head, b, 1)
    return not (before and before[-1] in g.across_keep)


def _previous_words(text: str, pos: int, n: int) -> list[str]:
    before = text[max(0, pos - 40) : pos]
    return [w.lower() for w in _PREVIOUS.findall(before)[-n:]]


class _Covered:
    """Is an offset inside one of some (start, end) spans? A bisect instead of a scan of
    every span for every number (an article has many numbers and many dates)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach = list(accumulate((b for _, b in spans), max))  # furthest end so far

    def __call__(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos)  # spans starting at or before pos
        return k > 0 and self.reach[k - 1] > pos


def extract_counts(doc: Document) -> list[Count]:
    """Every count in the article, with its bound, counted noun and clause."""
    g = grammar(doc.lang)
    text = doc.text
    if not doc.sentences:
        return []
    in_date = _Covered(date_spans(doc))
    facts: list[Count] = []
    for m in scan(g.number, g.number_starts, text):
        start, end = m.start(), m.end()
        if in_date(start):
            continue
        if m.group("words") is not None:
            value = parse_words(g, m.group("words"))
            if m.group("words").lower() in g.scale_words and text[end : end + 1] == "-":
                continue
        else:
            value = _digits_value(g, m)
            digits = m.group("digits")
            if (
                value is not None
                and not m.group("frac")
                and not m.group("dscale")
                and (len(digits) == 4 and int(digits) in YEARS)
            ):
                head = text[max(0, start - 40) : start]
                if g.at_least.ending(head) is None and g.at_most.ending(head) is None:
                    continue  # a year ("a 1961 treaty"), unless bounded ("over 2000 troops")
        if value is None:
            continue
        if text[end : end + 1] == "-" or text[start - 1 : start] == "-":
            continue  # "satu-satunya", "five-year", "ke-16"
        prev = _previous_words(text, start, 2)
        if prev and (prev[-1] in g.not_before or " ".join(prev) in g.not_before):
            continue
        if _AGE_BEFORE.search(text, max(0, start - 40), start) and _AGE_AFTER.match(text, end):
            continue  # "Sumarni (57 tahun)", "Jaka (9)": a person's age, not a count
        if (
            g.ordinal_prefix
            and text[max(0, start - len(g.ordinal_prefix) - 1) : start].lower()
            == f"{g.ordinal_prefix}-"
        ):
            continue
        if prev and prev[-1] in g.vague:
            continue
        if g.money_before.search(text, max(0, start - 6), start):
            continue
        toks = _tokens(text, end, MAX_UNIT_WORDS + 1)
        unit = _unit(g, toks, value)
        if unit is None:
            continue
        head = text[max(0, start - 40) : start]
        if g.approximate.ending(head) is not None:
            continue
        unit_text, unit_end, group = unit
        unit_text = unit_text.rstrip("'’")  # "ten days' notice": the unit is "days"
        if value == 1 and (group is None or group in g.time_groups):
            continue  # "one beach", "satu hari": only a known kind of thing is worth one
        if value == 2 and (
            squash(unit_text) in g.pair_nouns or (prev and prev[-1] in g.pair_determiners)
        ):
            continue  # "the two leaders", "dua belah pihak": the two of them
        after = _tokens(text, unit_end, 2)
        after_low = [t.lower() for t, _, _ in after]
        if (
            group in g.time_groups
            and after_low
            and (after_low[0] in g.relative_after or " ".join(after_low) in g.relative_after)
        ):
            continue  # "dua hari lalu", "two days ago": when, not how many
        bound, span_start, span_end = "exact", start, unit_end
        b = g.at_least.ending(head)
        if b is None:
            b2 = g.at_most.ending(head)
            if b2 is not None:
                bound, span_start = "at_most", start - len(head) + b2
        elif group in g.time_groups and _across(g, head, b):
            pass  # "raises pay by 7.5% over three years": a duration, not a lower bound
        else:
            bound, span_start = "at_least", start - len(head) + b
        if (
            bound == "exact"
            and after_low
            and after_low[0] in g.at_least_after
            and (len(after_low) < 2 or after_low[1] not in g.units)
        ):
            bound, span_end = "at_least", after[0][2]
        span = text[span_start:span_end]
        sent_i = doc.sentence_at(span_start)
        event = clauses.count_event(doc.lang, text, doc.sentences[sent_i], span_start, span_end)
        facts.append(
            Count(
                value=value,
                unit=unit_text,
                text=span,
                bound=bound,
                event=event,
                sources=[Source(doc.path, sent_i, span_start, span_end, span)],
            )
        )
    return facts
