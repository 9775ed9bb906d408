"""Aiken: the simplest LMS import. One line of question, ``A. option`` lines, ``ANSWER: X``.

Aiken is plain text (Moodle escapes it on import) and line-based, so every text is flattened
to a single line. A question line that would read as an option (``B. ...``) or as the answer
line is shielded with a leading no-break space, which importers do not strip.
"""

from __future__ import annotations

import os
import re

from quizgen import atomic
from quizgen.deck import Deck
from quizgen.export.questions import Item, enabled_items

_LOOKS_LIKE_MARKUP = re.compile(r"^(?:[A-Z][.)][ \t]|ANSWER:)")
SHIELD = "\u00a0"


def line(text: str) -> str:
    """One line: newlines and runs of whitespace become single spaces."""
    return " ".join(text.split())


def question_line(text: str) -> str:
    flat = line(text)
    return SHIELD + flat if _LOOKS_LIKE_MARKUP.match(flat) else flat


def question_block(item: Item) -> str:
    q = item.question
    lines = [question_line(q.stem)]
    lines += [f"{letter}. {line(option)}" for letter, option in zip(item.letters, q.options,
                                                                    strict=True)]
    lines.append(f"ANSWER: {item.answer_letter}")
    return "\n".join(lines)


def render(items: list[Item]) -> str:
    return "\n\n".join(question_block(item) for item in items) + "\n"


def write(deck: Deck, path: str | os.PathLike, *, deck_path: str | None = None) -> int:
    items = enabled_items(deck, deck_path)
    atomic.write_text(path, render(items))
    return len(items)
