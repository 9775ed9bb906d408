"""Exporters: a deck's enabled questions as Anki, Moodle GIFT, Aiken or CSV files.

The registry maps a format name to the module that writes it; modules are imported only
when used, so the CLI never loads genanki unless asked for an Anki package.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from quizgen.deck import Deck
from quizgen.errors import QuizgenError


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str  # default output: the deck's file name with this suffix
    module: str  # quizgen.export.<module>.write(deck, path, *, deck_path, **options) -> int
    description: str


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("anki", ".apkg", "anki", "Anki package (multiple-choice or basic cards)"),
        Format("gift", ".gift.txt", "gift", "Moodle GIFT multiple-choice questions"),
        Format("aiken", ".aiken.txt", "aiken", "Aiken multiple-choice questions (plain text)"),
        Format("csv", ".csv", "tabular", "CSV for spreadsheets and quiz-site imports"),
    )
}


def default_path(deck_path: str | os.PathLike, fmt: str) -> Path:
    """Beside the deck: ``decks/x/deck.yaml`` -> ``decks/x/deck.apkg``."""
    p = Path(deck_path)
    stem = p.stem if p.suffix.lower() in (".yaml", ".yml") else p.name
    return p.with_name(stem + FORMATS[fmt].suffix)


def export(deck: Deck, fmt: str, path: str | os.PathLike, *, deck_path: str | None = None,
           **options: str) -> int:
    """Write ``deck`` in format ``fmt`` to ``path``; returns how many questions were written."""
    try:
        spec = FORMATS[fmt]
    except KeyError:
        raise QuizgenError(f"unknown export format {fmt!r} "
                           f"(choose from {', '.join(FORMATS)})") from None
    module = importlib.import_module(f"{__name__}.{spec.module}")
    try:
        return module.write(deck, path, deck_path=deck_path, **options)
    except OSError as exc:
        raise QuizgenError(f"cannot write: {exc.strerror or exc}", str(path)) from None


__all__ = ["FORMATS", "Format", "default_path", "export"]
