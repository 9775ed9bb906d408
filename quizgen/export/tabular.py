"""CSV for spreadsheets and quiz-site imports (Quizlet, Kahoot-style templates).

UTF-8 with a BOM (so Excel detects the encoding), one row per question, quoting by the csv
module. A cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``...) gets
a leading apostrophe, the usual guard against CSV injection; plain numbers such as ``-5``
are left alone.
"""

from __future__ import annotations

import csv
import io
import os
import re

from quizgen import atomic
from quizgen.deck import Deck
from quizgen.export.questions import LETTERS, Item, enabled_items, source_line

HEADER = (
    ["question"] + [f"option_{x.lower()}" for x in LETTERS]
    + ["answer", "answer_text", "explanation", "source", "id"]
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")


def cell(text: str) -> str:
    if text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def row(item: Item) -> list[str]:
    q = item.question
    options = list(q.options) + [""] * (len(LETTERS) - len(q.options))
    values = [q.stem, *options, item.answer_letter, item.answer_text, q.explanation,
              source_line(q), q.id]
    return [cell(v) for v in values]


def render(items: list[Item]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)  # excel dialect: minimal quoting, CRLF rows
    writer.writerow(HEADER)
    writer.writerows(row(item) for item in items)
    return buf.getvalue()


def write(deck: Deck, path: str | os.PathLike, *, deck_path: str | None = None) -> int:
    items = enabled_items(deck, deck_path)
    atomic.write_text(path, render(items), encoding="utf-8-sig")
    return len(items)
