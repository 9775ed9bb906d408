"""Render other dates in the format an article used, so every option looks the same.

"Kamis (20-06-2024)" becomes a pattern ``{weekday} ({day:02}-{month:02}-{year})``; a
distractor date is rendered through it, with the weekday that matches its own date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r"\d+|\w+", re.UNICODE)


@dataclass(frozen=True)
class DateValue:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def granularity(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@lru_cache(maxsize=50_000)
def parse_iso(value: str) -> DateValue | None:
    """``value`` ("2024", "2024-06", "2024-06-20") as a date; None if it is not one. Cached:
    a corpus has few distinct dates, and each is an option in many questions."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    y, mo, d = (int(g) if g else None for g in m.groups())
    try:
        if d:
            dt.date(y, mo, d)
        elif mo and not 1 <= mo <= 12:
            return None
    except ValueError:
        return None
    return DateValue(y, mo, d)


@dataclass(frozen=True)
class DatePattern:
    """The written form split into literal text and slots (weekday, day, month, year)."""

    parts: tuple[tuple[str, str], ...]  # (slot, literal-or-style)

    def render(self, d: DateValue, words: dict) -> str | None:
        out = []
        for slot, style in self.parts:
            if slot == "lit":
                out.append(style)
            elif slot == "year":
                out.append(f"{d.year:04d}" if style == "4" else f"{d.year % 100:02d}")
            elif slot == "day":
                if not d.day:
                    return None
                out.append(f"{d.day:02d}" if style == "0" else str(d.day))
            elif slot == "month":
                if not d.month:
                    return None
                out.append(f"{d.month:02d}" if style == "0" else str(d.month))
            elif slot in ("month_name", "month_short"):
                if not d.month:
                    return None
                key = "months" if slot == "month_name" else "months_short"
                out.append(_case(words[key][d.month - 1], style))
            elif slot == "weekday":
                if not d.day:
                    return None
                wd = dt.date(d.year, d.month, d.day).weekday()
                out.append(_case(words["weekdays"][wd], style))
        return "".join(out)


def _case(word: str, style: str) -> str:
    return word.upper() if style == "upper" else word.lower() if style == "lower" else word


def _style(token: str) -> str:
    if token.isupper() and len(token) > 1:
        return "upper"
    return "lower" if token.islower() else "title"


def pattern(text: str, d: DateValue, words: dict) -> DatePattern | None:
    """How ``text`` writes ``d``; None when a part of it cannot be accounted for."""
    months = [m.casefold() for m in words["months"]]
    shorts = [m.casefold() for m in words["months_short"]]
    weekdays = [w.casefold() for w in words["weekdays"]]
    parts: list[tuple[str, str]] = []
    pos = 0
    have: set[str] = set()
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if m.start() > pos:
            parts.append(("lit", text[pos:m.start()]))
        slot = None
        style = ""
        if tok.isdigit():
            n = int(tok)
            if "year" not in have and len(tok) == 4 and n == d.year:
                slot, style = "year", "4"
            elif "day" not in have and d.day and n == d.day and len(tok) <= 2:
                slot, style = "day", "0" if len(tok) == 2 and tok[0] == "0" else ""
            elif "month" not in have and d.month and n == d.month and len(tok) <= 2:
                slot, style = "month", "0" if len(tok) == 2 and tok[0] == "0" else ""
            else:
                return None
        else:
            low = tok.casefold()
            if d.month and "month" not in have and low in months and \
                    months.index(low) == d.month - 1:
                slot, style = "month_name", _style(tok)
                have.add("month")
            elif d.month and "month" not in have and low in shorts and \
                    shorts.index(low) == d.month - 1:
                slot, style = "month_short", _style(tok)
                have.add("month")
            elif d.day and "weekday" not in have and low in weekdays:
                if weekdays.index(low) != dt.date(d.year, d.month, d.day).weekday():
                    return None  # the text's weekday does not match its date
                slot, style = "weekday", _style(tok)
            elif low in months or low in shorts or low in weekdays:
                return None
        if slot is None:
            parts.append(("lit", tok))
        else:
            parts.append((slot, style))
            have.add(slot if slot not in ("month_name", "month_short") else "month")
        pos = m.end()
    if pos < len(text):
        parts.append(("lit", text[pos:]))
    if any(slot in ("day", "month") and style == "0" for slot, style in parts):
        # "14-05-2024": the writer pads numbers, so 7 May is "07-05-2024"
        parts = [(slot, "0" if slot in ("day", "month") else style) for slot, style in parts]
    # every part of the value must be written, or options would be ambiguous
    if "year" not in have and d.granularity == "year":
        return None
    if d.month and "month" not in have:
        return None
    if d.day and "day" not in have:
        return None
    return DatePattern(tuple(parts))


def shift(d: DateValue, amount: int) -> DateValue | None:
    """``d`` moved by ``amount`` units of its own granularity."""
    if d.day:
        try:
            x = dt.date(d.year, d.month, d.day) + dt.timedelta(days=amount)
        except OverflowError:
            return None
        return DateValue(x.year, x.month, x.day)
    if d.month:
        total = d.year * 12 + (d.month - 1) + amount
        return DateValue(total // 12, total % 12 + 1)
    return DateValue(d.year + amount)


NEARBY = {"day": (2, -2, 3, -3, 7, -7, 14, -14), "month": (1, -1, 2, -2, 3, -3, 6, -6),
          "year": (1, -1, 2, -2, 3, -3, 5, -5)}
