"""Moodle GIFT: one ``::id::[html]stem{=right ~wrong ####explanation}`` block per question.

Texts are marked ``[html]`` (answers inherit the question's format) and HTML-escaped, so
article text can never inject markup into Moodle; every GIFT special character
(``~ = # { } :`` and the backslash) is then escaped with a backslash. Line breaks become
``<br>``, so a question never contains the blank line that ends a GIFT question.
"""

from __future__ import annotations

import html
import os

from quizgen import atomic
from quizgen.deck import Deck
from quizgen.export.questions import Item, enabled_items

SPECIAL = "\\~=#{}:"
_ESCAPES = str.maketrans({c: "\\" + c for c in SPECIAL})


def escape(text: str) -> str:
    """Backslash every GIFT special character (the backslash first, by construction)."""
    return text.translate(_ESCAPES)


def html_text(text: str) -> str:
    """Article text for an ``[html]`` part: inert, on one line, GIFT-escaped.

    ``[`` becomes an entity so no text reads as a ``[format]`` marker, and a leading ``%``
    too so no answer reads as a ``%50%`` weight; HTML escaping also hides the ``->`` that
    would turn a question into a matching one.
    """
    escaped = html.escape(text.strip(), quote=False).replace("[", "&#91;")
    if escaped.startswith("%"):
        escaped = "&#37;" + escaped[1:]
    return escape("<br>".join(line.strip() for line in escaped.splitlines()))


def title(text: str) -> str:
    return escape(" ".join(text.split()))


def question_block(item: Item) -> str:
    q = item.question
    lines = [f"::{title(q.id)}::[html]{html_text(q.stem)} {{"]
    for i, option in enumerate(q.options):
        lines.append(f"\t{'=' if i == q.answer else '~'}{html_text(option)}")
    if q.explanation.strip():
        lines.append(f"\t####{html_text(q.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def render(deck: Deck, items: list[Item]) -> str:
    header = f"// quizgen: {' '.join(deck.title.split())}"
    return "\n\n".join([header] + [question_block(item) for item in items]) + "\n"


def write(deck: Deck, path: str | os.PathLike, *, deck_path: str | None = None) -> int:
    items = enabled_items(deck, deck_path)
    atomic.write_text(path, render(deck, items))
    return len(items)
