"""Text helpers for the deck checks: normalised text, number and date values, language cues.

Everything here reads the per-language data of ``quizgen/lang`` (months, weekdays, number
words, detection markers, title words); nothing is specific to one language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from quizgen import lang as langdata

BLANK = re.compile(r"_{3,}")
ELLIPSIS = ("…", "...")
_PUNCT = re.compile(r"[^\w]+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")
# C0/C1 controls (newlines and tabs included) and the bidirectional overrides/isolates, which
# could reorder what a terminal shows
_CONTROL = re.compile(r" *[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]+ *")


def plain(text: str) -> str:
    """``text`` safe for one output line: control characters become a space."""
    return _CONTROL.sub(" ", text).strip()


def short(text: str, limit: int = 48) -> str:
    """A one-line excerpt of ``text`` in double quotes, cut at ``limit`` characters."""
    text = plain(text)
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'


def fold(word: str) -> str:
    """One word without case or accents: "Noël" -> "noel"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def norm(text: str) -> str:
    """Text compared as a reader would: no case, accents, punctuation or extra spaces."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    return " ".join(fold(w) for w in _PUNCT.split(text.replace("'", "")) if w)


def words(text: str) -> list[str]:
    """The words of ``text`` as written (NFKC), punctuation dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text))


def contains(haystack: str, needle: str) -> bool:
    """Whether the normalised ``needle`` occurs in ``haystack`` as whole words."""
    n, h = norm(needle), norm(haystack)
    return bool(n) and f" {n} " in f" {h} "


def truncated(text: str) -> tuple[str, bool]:
    """``text`` without a trailing ellipsis, and whether it had one (a cut quote)."""
    stripped = text.rstrip()
    for mark in ELLIPSIS:
        if stripped.endswith(mark):
            return stripped[: -len(mark)], True
    return stripped, False


def same_text(a: str, b: str) -> bool:
    """Equal once normalised; a text cut with "…" equals any text it is the start of."""
    a_cut, a_short = truncated(a)
    b_cut, b_short = truncated(b)
    na, nb = norm(a_cut), norm(b_cut)
    if not na or not nb:
        return False
    if na == nb:
        return True
    if a_short and nb.startswith(na):
        return True
    return b_short and na.startswith(nb)


# ---------------------------------------------------------------- numbers


def _grammar(lang: str):
    from quizgen.extract import counts

    return counts.grammar(lang)


def _match_value(g, m: re.Match[str]) -> float | None:
    from quizgen.extract.counts import parse_words

    if m.group("words"):
        return parse_words(g, m.group("words"))
    digits = m.group("digits").replace(g.thousands, "")
    value = float(f"{digits}.{m.group('frac')}") if m.group("frac") else int(digits)
    scale = m.group("dscale")
    if scale:
        value *= g.scales.get(scale.casefold(), 1)
    return int(value) if value == int(value) else value


def number_value(text: str, lang: str) -> float | None:
    """The number an option is ("1.200" in Indonesian, "1,200", "twelve hundred"?, "3.5
    billion"), read with the deck's language first; None when it is not just a number."""
    text = text.strip()
    if not text or not any(ch.isalnum() for ch in text):
        return None
    for code in (lang, *(c for c in langdata.LANGUAGES if c != lang)):
        g = _grammar(code)
        m = g.number.fullmatch(text)
        if m:
            value = _match_value(g, m)
            if value is not None:
                return value
    return None


def numbers_in(text: str, lang: str) -> list[tuple[float, int, int]]:
    """(value, start, end) of every number written in ``text``."""
    g = _grammar(lang)
    out = []
    for m in g.number.finditer(text):
        value = _match_value(g, m)
        if value is not None:
            out.append((value, m.start(), m.end()))
    return out


# ---------------------------------------------------------------- dates


@dataclass(frozen=True)
class DateValue:
    year: int | None
    month: int | None
    day: int | None

    def agrees(self, other: DateValue) -> bool:
        """The same date, a part left out on one side counting as the same ("7 March" and
        "Friday, 7 March 2025")."""
        pairs = ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        if any(a is not None and b is not None and a != b for a, b in pairs):
            return False
        # at least the month, and not a year against a day-and-month with nothing in common
        return (self.month is not None and other.month is not None) or \
            (self.year is not None and self.year == other.year
             and self.month is None and other.month is None)


@dataclass(frozen=True)
class _DateWords:
    full: re.Pattern[str]  # a whole option that is a date
    months: dict[str, int]
    weekdays: frozenset[str]


def _alt(names) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def _date_words() -> _DateWords:
    months: dict[str, int] = {}
    weekdays: set[str] = set()
    for code in langdata.LANGUAGES:
        data = langdata.data(code, "dates")
        months.update({str(k).casefold(): int(v) for k, v in data["months"].items()})
        weekdays.update(str(k).casefold() for k in data["weekdays"])
    mon, wd = _alt(months), _alt(weekdays)
    suffix = r"(?:st|nd|rd|th)?"
    body = (
        rf"(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})(?:-(?P<id>\d{{1,2}}))?"
        rf"|\(?(?P<nd>\d{{1,2}})[/.-](?P<nm>\d{{1,2}})(?:[/.-](?P<ny>\d{{4}}))?\)?"
        rf"|(?P<td>\d{{1,2}}){suffix}\s+(?:of\s+)?(?P<tm>{mon})\.?(?:,?\s+(?P<ty>\d{{4}}))?"
        rf"|(?P<am>{mon})\.?\s+(?P<ad>\d{{1,2}}){suffix}(?:,?\s+(?P<ay>\d{{4}}))?"
        rf"|(?P<mm>{mon})\.?\s+(?P<my>\d{{4}})"
    )
    full = rf"(?:(?:hari\s+)?(?:{wd})\b\s*[,(]?\s*)?(?:{body})\s*\)?"
    return _DateWords(re.compile(full, re.IGNORECASE), months, frozenset(weekdays))


def date_value(text: str) -> DateValue | None:
    """The date an option is written as ("Friday, March 7", "7 Maret 2025", "Jumat (7/3)",
    "2025-03-07"), in any supported language; None when it is not just a date."""
    w = _date_words()
    m = w.full.fullmatch(text.strip())
    if not m:
        return None
    g = m.groupdict()
    if g["iy"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"]) if g["id"] else None
    elif g["nd"]:
        y, mo, d = (int(g["ny"]) if g["ny"] else None), int(g["nm"]), int(g["nd"])
    elif g["td"]:
        y, mo, d = (int(g["ty"]) if g["ty"] else None), w.months[g["tm"].casefold()], int(g["td"])
    elif g["am"]:
        y, mo, d = (int(g["ay"]) if g["ay"] else None), w.months[g["am"].casefold()], int(g["ad"])
    else:
        y, mo, d = int(g["my"]), w.months[g["mm"].casefold()], None
    if not 1 <= mo <= 12 or d is not None and not 1 <= d <= 31:
        return None
    return DateValue(y, mo, d)


def iso_value(value: str) -> DateValue | None:
    """A fact's ISO date ("2025-03-07", "2024-10", "2019")."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value or "").strip())
    if not m:
        return None
    return DateValue(int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                     int(m.group(3)) if m.group(3) else None)


def weekday_names() -> frozenset[str]:
    return _date_words().weekdays


# ---------------------------------------------------------------- language cues


@dataclass(frozen=True)
class Cues:
    """Words that mark one language and no other supported one."""
    markers: frozenset[str]  # function words (detect.yaml)
    titles: frozenset[str]  # first words of role titles (titles.yaml heads)
    dates: frozenset[str]  # month and weekday names (dates.yaml)


@cache
def cues() -> dict[str, Cues]:
    raw: dict[str, dict[str, set[str]]] = {}
    for code in langdata.LANGUAGES:
        dates = langdata.data(code, "dates")
        titles = langdata.data(code, "titles").get("heads") or []
        raw[code] = {
            "markers": {fold(str(w)) for w in langdata.data(code, "detect").get("markers") or []},
            "titles": {fold(str(t).split()[0]) for t in titles if str(t).strip()},
            "dates": {fold(str(k)) for k in (*dates["months"], *dates["weekdays"])
                      if len(str(k)) > 3},
        }
    out = {}
    for code, kinds in raw.items():
        others = [v for c, v in raw.items() if c != code]
        every_other = set().union(*(set().union(*o.values()) for o in others)) if others \
            else set()
        out[code] = Cues(**{k: frozenset(v - every_other) for k, v in kinds.items()})
    return out
