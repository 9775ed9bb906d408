"""Absolute dates tied to an event, normalised to ISO, from the language's date words.

The grammar is built from ``quizgen/lang/<lang>/dates.yaml`` (months, weekdays, times of day,
year markers). Numeric dates are day-first. A date without a year ("Kamis (20/6)", "20 Juni")
takes its year from the article itself (a year its other dates state; a stated weekday picks
between several); nothing is ever resolved against today. A weekday alone is not a date, but
when its clause names an event verb it is kept as a ``WeekdayMention`` so that merging can
spot articles that disagree about the day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from quizgen import lang as langdata
from quizgen.document import Document
from quizgen.extract import clauses
from quizgen.extract.lexicon import alternation, lower_set, scan, squash, starters, words_re
from quizgen.facts import DateFact, Source, WeekdayMention

MIN_YEAR, MAX_YEAR = 1800, 2200
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class DateGrammar:
    core: re.Pattern[str]
    weekday_before: re.Pattern[str]  # anchored at the end of the text before a date
    weekday: re.Pattern[str]  # a weekday mention anywhere
    weekday_starts: tuple[re.Pattern[str], ...]  # where a weekday mention may start
    months: dict[str, int]
    weekdays: dict[str, int]
    ambiguous: frozenset[str]
    events: re.Pattern[str]


@cache
def grammar(lang: str) -> DateGrammar:
    data = langdata.data(lang, "dates")
    months = {squash(k): int(v) for k, v in data["months"].items()}
    weekdays = {squash(k): int(v) for k, v in data["weekdays"].items()}
    mon = rf"(?:{alternation(months)})(?![\w-])\.?"
    cap_mon = rf"(?:{alternation(k.capitalize() for k in months)})(?![\w-])\.?"
    suffix = r"(?:st|nd|rd|th)?"
    year = r"(?:1[89]|2[01])\d\d"
    until = rf"(?:\s*[-–]\s*\d{{1,2}}{suffix})?"  # a range of days dates from its first day
    markers = words_re(data.get("year_markers") or [])
    joiners = words_re(data.get("range_joiners") or ["-"])
    core = (
        # a range of years or of months: both ends are dates ("1994-1996", "Januari hingga
        # November 2023", "between April and September 2024")
        rf"(?:(?<![\w/.,-])(?P<ry1>{year})\s*[-–]\s*(?P<ry2>{year})(?![\w/-]|[.,]\d)"
        rf"|(?<![\w-])(?P<rm1>{cap_mon})\s*{joiners}\s*(?P<rm2>{cap_mon})\s+(?P<rmy>{year})(?!\d)"
        rf"|(?<![\w/.-])(?P<iy>{year})-(?P<im>\d\d)-(?P<id>\d\d)(?![\w/-])"
        rf"|(?<![\w/.,-])(?P<nd>\d{{1,2}})(?P<sep>[-/.])(?P<nm>\d{{1,2}})(?P=sep)(?P<ny>{year})"
        r"(?![\w/-]|[.,]\d)"
        rf"|\((?P<sd>\d{{1,2}})/(?P<sm>\d{{1,2}})\)"
        rf"|(?<![\w.,-])(?P<td>\d{{1,2}}){suffix}{until}\s+(?:of\s+)?(?P<tm>{mon})"
        rf"(?:,?\s+(?P<ty>{year})(?!\d))?"
        rf"|(?<![\w-])(?P<am>{cap_mon})\s+(?P<ad>\d{{1,2}}){suffix}{until}(?![\d.,:]\d|\d)"
        rf"(?:,?\s+(?P<ay>{year})(?!\d))?"
        rf"|(?<![\w-])(?P<mm>{cap_mon})\s+(?P<my>{year})(?![\d])"
        # a year marker right after a number names a regulation ("Nomor 12 Tahun 1951")
        rf"|(?<!\d\s){markers}\s+(?P<yy>{year})(?![\w/-]|[.,]\d))"
    )
    wd = alternation(weekdays)
    prefix = alternation(data.get("weekday_prefix") or [])
    tod = alternation(data.get("times_of_day") or [])
    tod_before = alternation(data.get("times_of_day_before") or [])
    wd_part = (
        rf"(?:(?<![\w-])(?:{tod_before})\s+)?(?:(?<![\w-])(?P<prefix>{prefix})\s+)?"
        rf"(?<![\w-])(?P<wd>{wd})(?![\w-])(?:\s+(?:{tod})(?![\w-]))?"
    )
    events = langdata.data(lang, "events")["groups"]
    verbs = [v for group in events.values() for v in group]
    return DateGrammar(
        core=re.compile(core, re.IGNORECASE),
        weekday_before=re.compile(rf"{wd_part}\s*(?:,\s*|\(\s*)?$", re.IGNORECASE),
        weekday=re.compile(wd_part, re.IGNORECASE),
        weekday_starts=starters([*weekdays, *(data.get("weekday_prefix") or []),
                                 *(data.get("times_of_day_before") or [])]),
        months=months,
        weekdays=weekdays,
        ambiguous=lower_set(data.get("ambiguous_weekdays")),
        events=re.compile(words_re(verbs), re.IGNORECASE),
    )


@dataclass
class _Found:
    """A date match before its year is settled."""

    start: int
    end: int
    core_start: int
    year: int | None
    month: int | None
    day: int | None
    weekday: str | None  # as written
    weekday_no: int | None  # ISO weekday of the stated weekday
    whole: tuple[int, int] | None = None  # the whole range this date ends, for its event


def _weekday_before(g: DateGrammar, text: str, pos: int) -> re.Match[str] | None:
    """The weekday written right before a date ("Kamis (", "Thursday, "), if any."""
    m = g.weekday_before.search(text, max(0, pos - 40), pos)
    if m is None or not m.group("wd")[0].isupper():
        return None
    return m


_DIGITS = re.compile(r"\d+")


def _word_before(text: str, pos: int) -> int | None:
    """Start of the word (a month, a year marker) right before ``pos`` and its spaces."""
    j = pos
    while j > 0 and text[j - 1] in " \t\xa0":
        j -= 1
    if j == pos:
        return None
    k = j - 1 if j > 0 and text[j - 1] == "." else j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in "'’"):
        k -= 1
    return k if k < j and text[k].isalpha() else None


def _range_starts(text: str, w: int, floor: int) -> list[int]:
    """Starts of the (up to three) words before the month word at ``w``, farthest first:
    where a range of months may begin ("Januari sampai dengan November 2023")."""
    out = []
    for _ in range(3):
        w = _word_before(text, w) if w > floor else None
        if w is None or w < floor:
            break
        out.append(w)
    return out[::-1]


def _core_matches(g: DateGrammar, text: str) -> Iterator[re.Match[str]]:
    """Date cores, found from the digit runs (every date form has one).

    Trying the grammar only at a digit run, the "(" before it or the word before it is many
    times faster than letting the regex engine try every position of the article.
    """
    last_end = 0
    for run in _DIGITS.finditer(text):
        pos = run.start()
        if pos < last_end or len(run.group()) not in (1, 2, 4):
            continue  # a date starts with a day (1-2 digits) or a year
        starts = []
        w = _word_before(text, pos)
        if w is not None and w >= last_end:
            if squash(text[w:pos].strip().rstrip(".")) in g.months:
                starts.extend(_range_starts(text, w, last_end))  # "Januari hingga November"
            starts.append(w)
        if pos > last_end and text[pos - 1] == "(":
            starts.append(pos - 1)
        starts.append(pos)
        for s in starts:
            m = g.core.match(text, s)
            if m is not None and m.end() > pos:
                last_end = m.end()
                yield m
                break


def _range_ends(g: DateGrammar, m: re.Match[str]) -> list[_Found]:
    """The two ends of a range of years or months, each its own date."""
    whole = m.span()
    if m.group("ry1"):
        return [_Found(m.start(k), m.end(k), m.start(k), int(m.group(k)), None, None, None, None,
                       whole) for k in ("ry1", "ry2")]
    year = int(m.group("rmy"))
    out = []
    for k in ("rm1", "rm2"):
        month = g.months[squash(m.group(k).rstrip("."))]
        end = m.end(k) if k == "rm1" else m.end()
        out.append(_Found(m.start(k), end, m.start(k), year, month, None, None, None, whole))
    return out


@lru_cache(maxsize=4)
def _scan_text(lang: str, text: str) -> tuple[_Found, ...]:
    """The dates of a text, cached: counts ask for the same article's date spans."""
    return tuple(_scan(grammar(lang), text))


def _scan(g: DateGrammar, text: str) -> list[_Found]:
    found: list[_Found] = []
    for m in _core_matches(g, text):
        start, end = m.start(), m.end()
        groups = m.groupdict()
        year = month = day = None
        if groups["ry1"] or groups["rm1"]:
            found.extend(_range_ends(g, m))
            continue
        if groups["iy"]:
            year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        elif groups["nd"]:
            year, month, day = int(groups["ny"]), int(groups["nm"]), int(groups["nd"])
        elif groups["sd"]:
            month, day = int(groups["sm"]), int(groups["sd"])
        elif groups["td"]:
            month, day = g.months[squash(groups["tm"].rstrip("."))], int(groups["td"])
            year = int(groups["ty"]) if groups["ty"] else None
        elif groups["am"]:
            month, day = g.months[squash(groups["am"].rstrip("."))], int(groups["ad"])
            year = int(groups["ay"]) if groups["ay"] else None
        elif groups["mm"]:
            year, month = int(groups["my"]), g.months[squash(groups["mm"].rstrip("."))]
        elif groups["yy"]:
            year = int(groups["yy"])
            start = m.start("yy")
        core_start = start
        weekday = weekday_no = None
        if day is not None:
            # a weekday right before: "Kamis (20-06-2024)", "Kamis dini hari, 20 Juni 2024"
            wm = _weekday_before(g, text, start)
            ok = wm is not None
            if wm is not None and wm.group(0).rstrip().endswith("("):
                close = re.match(r"\s*\)", text[end:])
                ok = close is not None and not groups["sd"]
                if ok:
                    end += close.end()
            if ok:
                weekday = wm.group("wd")
                weekday_no = g.weekdays.get(squash(weekday))
                start = wm.start()
            elif groups["sd"]:
                continue  # "(20/6)" without its weekday is too ambiguous to be a date
        found.append(_Found(start, end, core_start, year, month, day, weekday, weekday_no))
    return found


_PAGE_DATE_REASONS = frozenset({"scraper-header", "timestamp", "dateline"})
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")


def _page_years(doc: Document) -> list[int]:
    """Years of the page's own date lines that ingest cut ("date 2021-11-22", "Jumat, 7
    Februari 2025 - 19:05 WIB"): the year of dates the body gives without one."""
    return sorted({int(m.group()) for r in doc.removed if r.reason in _PAGE_DATE_REASONS
                   for m in _YEAR.finditer(r.text)})


def _settle_years(found: list[_Found], page_years: list[int] = ()) -> list[_Found]:
    """Give year-less dates the article's own year (or, when the body states none, the
    page's); drop those it cannot settle."""
    years = sorted({f.year for f in found if f.year is not None and f.month is not None})
    if not years and len(page_years) == 1:
        years = list(page_years)
    out: list[_Found] = []
    for f in found:
        if f.year is None and f.month is not None:
            candidates = []
            for y in years:
                try:
                    day = dt.date(y, f.month, f.day or 1)
                except ValueError:
                    continue
                if f.weekday_no is None or f.day is None or day.isoweekday() == f.weekday_no:
                    candidates.append(y)
            if len(candidates) != 1:
                if not (len(years) == 1 and f.weekday_no is not None):
                    continue
                candidates = years  # the weekday disagrees: keep the article's year, note it
            f.year = candidates[0]
        out.append(f)
    return out


def _iso(f: _Found) -> str | None:
    if f.year is None or not MIN_YEAR <= f.year <= MAX_YEAR:
        return None
    if f.month is None:
        return f"{f.year:04d}"
    if not 1 <= f.month <= 12:
        return None
    if f.day is None:
        return f"{f.year:04d}-{f.month:02d}"
    try:
        return dt.date(f.year, f.month, f.day).isoformat()
    except ValueError:
        return None


def date_spans(doc: Document) -> list[tuple[int, int]]:
    """Where dates (with their weekday) are written, so counts can skip their numbers."""
    return [(f.start, f.end) for f in _scan_text(doc.lang, doc.text)]


def extract_dates(doc: Document) -> list[DateFact | WeekdayMention]:
    """Absolute dates with their event; weekdays alone only as mentions tied to an event verb."""
    g = grammar(doc.lang)
    text = doc.text
    found = [dataclasses.replace(f) for f in _scan_text(doc.lang, text)]
    spans = list(dict.fromkeys(f.whole or (f.start, f.end) for f in found))
    facts: list[DateFact | WeekdayMention] = []
    if not doc.sentences:
        return facts
    for f in _settle_years(found, _page_years(doc)):
        value = _iso(f)
        if value is None:
            continue
        note = None
        if f.weekday_no is not None and f.day is not None:
            actual = dt.date.fromisoformat(value).isoweekday()
            if actual != f.weekday_no:
                note = (
                    f"the text says {f.weekday} ({WEEKDAY_NAMES[f.weekday_no - 1]}) but "
                    f"{value} is a {WEEKDAY_NAMES[actual - 1]}"
                )
        sent_i = doc.sentence_at(f.start)
        sent = doc.sentences[sent_i]
        event = clauses.date_event(doc.lang, text, sent, *(f.whole or (f.start, f.end)), spans)
        if not event:
            continue  # the date of a report ("dilansir Reuters, Jumat (21/06/2024)")
        span = text[f.start : f.end]
        facts.append(
            DateFact(
                value=value,
                text=span,
                event=event,
                weekday=f.weekday,
                note=note,
                sources=[Source(doc.path, sent_i, f.start, f.end, span)],
            )
        )
    facts.extend(_weekday_mentions(doc, g, spans))
    return facts


def _weekday_mentions(
    doc: Document, g: DateGrammar, spans: list[tuple[int, int]]
) -> list[WeekdayMention]:
    text = doc.text
    out: list[WeekdayMention] = []
    for m in scan(g.weekday, g.weekday_starts, text):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in spans):
            continue
        name = m.group("wd")
        if not name[0].isupper():
            continue
        if squash(name) in g.ambiguous and not m.group("prefix"):
            continue
        sent_i = doc.sentence_at(m.start())
        sent = doc.sentences[sent_i]
        event = clauses.date_event(doc.lang, text, sent, m.start(), m.end(), spans)
        if not event or not g.events.search(event):
            continue
        out.append(
            WeekdayMention(
                weekday=name,
                text=m.group(0),
                event=event,
                sources=[Source(doc.path, sent_i, m.start(), m.end(), m.group(0))],
            )
        )
    return out
