"""What every exporter needs from a deck: the enabled questions, checked once, with letters.

Each target format has hard limits (Anki's note type has six option fields, Aiken and CSV
use letters A-F), so a deck that breaks them fails before anything is written, with one line
that names the deck file and the question.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass

from quizgen.deck import Deck, Question, QuestionSource
from quizgen.errors import QuizgenError

LETTERS = "ABCDEF"
MAX_OPTIONS = len(LETTERS)


@dataclass(frozen=True)
class Item:
    """One enabled question ready for export: options paired with their letters."""

    question: Question

    @property
    def letters(self) -> str:
        return LETTERS[: len(self.question.options)]

    @property
    def answer_letter(self) -> str:
        return LETTERS[self.question.answer]

    @property
    def answer_text(self) -> str:
        return self.question.correct


def enabled_items(deck: Deck, deck_path: str | None = None) -> list[Item]:
    """The deck's enabled questions, validated against the limits every format shares."""
    items = []
    for q in deck.enabled:
        def fail(message: str, q: Question = q) -> QuizgenError:
            return QuizgenError(f"question {q.id}: {message}", deck_path)

        if not q.stem.strip():
            raise fail("the stem is empty")
        if len(q.options) > MAX_OPTIONS:
            raise fail(f"{len(q.options)} options; exports hold at most {MAX_OPTIONS} (A-F)")
        if len(q.options) < 2:
            raise fail("needs at least 2 options")
        if not 0 <= q.answer < len(q.options):
            raise fail(f"answer {q.answer} is not an option index")
        for letter, option in zip(LETTERS, q.options, strict=False):
            if not option.strip():
                raise fail(f"option {letter} is empty")
        items.append(Item(q))
    if not items:
        raise QuizgenError("no enabled questions to export", deck_path)
    return items


def source_label(src: QuestionSource) -> str:
    """The article a question comes from, as people know it: its title, else its file name."""
    return " ".join(src.title.split()) or os.path.splitext(os.path.basename(src.doc.strip()))[0]


def source_line(q: Question) -> str:
    """Plain-text sources for one question: ``title: evidence`` joined with `` | ``."""
    parts = []
    for src in q.sources:
        label, text = source_label(src), " ".join(src.text.split())
        parts.append(f"{label}: {text}" if label and text else label or text)
    return " | ".join(p for p in parts if p)


# Latin letters that Unicode decomposition leaves alone (Vietnamese names use đ a lot).
_UNDECOMPOSED = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                               "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


@functools.lru_cache(maxsize=4096)  # titles, kinds and languages repeat across a deck
def slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII words joined by '-', for tags: 'Tiba di Hanoi' -> 'tiba-di-hanoi'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "")
