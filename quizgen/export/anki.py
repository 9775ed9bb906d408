"""Anki packages (.apkg) that re-import cleanly: edited questions update, never duplicate.

Stability rules (changing any of them makes Anki treat old and new exports as strangers):
- the note types keep their model ids and field lists forever (add a new model to change them);
- a note's GUID is derived from the question id, the deck id from the deck title;
- notes carry the export time as their modification time, because Anki only updates an
  existing note from a package whose note is newer.
Every text that comes from an article is HTML-escaped, so it shows literally and runs nothing.

Basic cards (question -> answer) must each answer the question their front asks: a stem that
only makes sense with its options ("Which of these did X say?", "Manakah ...") shows them,
lettered, and the back gives the letter and the text. One question is one note with one card,
and no two cards of a deck share a front (see ``basic_cards``).
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import os
import re
import sqlite3
import time
import zipfile
from dataclasses import dataclass

import genanki

from quizgen import atomic
from quizgen.deck import Deck, Question
from quizgen.export.questions import LETTERS, Item, enabled_items, slug, source_label

# Chosen once at random; never change them (see the module docstring).
MC_MODEL_ID = 1_658_392_741
BASIC_MODEL_ID = 1_658_392_742

MC_FIELDS = (
    ["Question"]
    + [f"Option{letter}" for letter in LETTERS]
    + ["AnswerLetter", "AnswerText", "Explanation", "Source", "QuestionId", "Extra1", "Extra2"]
)
BASIC_FIELDS = ["Front", "Back", "Explanation", "Source", "QuestionId"]

CSS = """\
.card {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  font-size: 20px; line-height: 1.45; text-align: left;
  color: #1d1d1f; background-color: #fafafa;
}
.quizgen { max-width: 38em; margin: 0 auto; padding: 0.8em; overflow-wrap: anywhere; }
.stem { font-size: 1.1em; font-weight: 600; margin-bottom: 0.8em; }
.options { list-style: none; padding: 0; margin: 0; }
.opt {
  display: flex; gap: 0.6em; align-items: baseline;
  padding: 0.5em 0.7em; margin: 0.4em 0;
  border: 1px solid #c9c9d1; border-radius: 0.5em; background-color: #ffffff;
}
.letter { font-weight: 700; min-width: 1.3em; }
.stem .options { margin-top: 0.8em; font-size: 0.91em; font-weight: 400; }
.answered .opt { opacity: 0.6; }
.answer-A .opt-A, .answer-B .opt-B, .answer-C .opt-C,
.answer-D .opt-D, .answer-E .opt-E, .answer-F .opt-F {
  opacity: 1; border: 2px solid #1b7f3b; background-color: #dff3e4; font-weight: 600;
}
#answer { border: 0; border-top: 1px solid #c9c9d1; margin: 1em 0; }
.answer-line { font-weight: 700; color: #1b7f3b; }
.explanation { margin-top: 0.8em; }
.source { margin-top: 1em; font-size: 0.85em; color: #55555c; }
.source-title { font-weight: 600; }
.evidence { margin: 0.3em 0 0.6em; padding-left: 0.8em; border-left: 3px solid #c9c9d1; }
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  color: #e8e8ea; background-color: #1e1e20;
}
.nightMode .opt, .night_mode .opt { border-color: #4a4a52; background-color: #2a2a2e; }
.nightMode .answer-A .opt-A, .nightMode .answer-B .opt-B, .nightMode .answer-C .opt-C,
.nightMode .answer-D .opt-D, .nightMode .answer-E .opt-E, .nightMode .answer-F .opt-F,
.night_mode .answer-A .opt-A, .night_mode .answer-B .opt-B, .night_mode .answer-C .opt-C,
.night_mode .answer-D .opt-D, .night_mode .answer-E .opt-E, .night_mode .answer-F .opt-F {
  border-color: #5fd38a; background-color: #173d25;
}
.nightMode .answer-line, .night_mode .answer-line { color: #5fd38a; }
.nightMode .source, .night_mode .source { color: #b0b0b8; }
.nightMode .evidence, .night_mode .evidence, .nightMode #answer, .night_mode #answer {
  border-color: #4a4a52;
}
@media (max-width: 480px) {
  .card { font-size: 18px; }
  .quizgen { padding: 0.4em; }
  .opt { padding: 0.45em 0.55em; }
}
"""

_OPTIONS = "\n".join(
    f'{{{{#Option{x}}}}}<li class="opt opt-{x}"><span class="letter">{x}.</span>'
    f'<span class="text">{{{{Option{x}}}}}</span></li>{{{{/Option{x}}}}}'
    for x in LETTERS
)
_STEM_AND_OPTIONS = (
    f'<div class="stem">{{{{Question}}}}</div>\n<ul class="options">\n{_OPTIONS}\n</ul>'
)
_DETAILS = (
    '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}\n'
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
)

MC_MODEL = genanki.Model(
    MC_MODEL_ID,
    "quizgen multiple choice",
    fields=[{"name": name} for name in MC_FIELDS],
    templates=[{
        "name": "Multiple choice",
        "qfmt": f'<div class="quizgen">\n{_STEM_AND_OPTIONS}\n</div>',
        "afmt": (
            f'<div class="quizgen answered answer-{{{{AnswerLetter}}}}">\n{_STEM_AND_OPTIONS}\n'
            '<hr id="answer">\n'
            '<div class="answer-line">{{AnswerLetter}}. {{AnswerText}}</div>\n'
            f"{_DETAILS}\n</div>"
        ),
    }],
    css=CSS,
)

BASIC_MODEL = genanki.Model(
    BASIC_MODEL_ID,
    "quizgen basic",
    fields=[{"name": name} for name in BASIC_FIELDS],
    templates=[{
        "name": "Question -> answer",
        "qfmt": '<div class="quizgen"><div class="stem">{{Front}}</div></div>',
        "afmt": (
            '<div class="quizgen"><div class="stem">{{Front}}</div>\n<hr id="answer">\n'
            f'<div class="answer-line">{{{{Back}}}}</div>\n{_DETAILS}\n</div>'
        ),
    }],
    css=CSS,
)

CARD_STYLES = ("mc", "basic")


def text_field(text: str) -> str:
    """Article text as inert HTML: tags show literally, ``[sound:]``/``[latex]`` do nothing
    (``[`` becomes an entity), line breaks are kept."""
    escaped = html.escape(text, quote=True).replace("[", "&#91;")
    return "<br>".join(escaped.splitlines())


def source_field(q: Question) -> str:
    """Each source as its article title over the evidence sentence."""
    parts = []
    for src in q.sources:
        label = source_label(src)
        if label:
            parts.append(f'<div class="source-title">{text_field(label)}</div>')
        if src.text.strip():
            evidence = text_field(src.text.strip())
            parts.append(f'<blockquote class="evidence">{evidence}</blockquote>')
    return "".join(parts)


def deck_name(deck: Deck) -> str:
    return f"quizgen::{' '.join(deck.title.split()) or 'deck'}"


def deck_id(name: str) -> int:
    """A stable id from the deck name, in the range genanki recommends."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def tags(deck: Deck, q: Question) -> list[str]:
    """``quizgen``, kind, language and source articles, hierarchical and without spaces."""
    out = ["quizgen"]
    for prefix, value in (("kind", q.kind), ("lang", deck.language)):
        if name := slug(value):
            out.append(f"quizgen::{prefix}::{name}")
    for src in q.sources:
        name = slug(source_label(src))
        if name and f"quizgen::source::{name}" not in out:
            out.append(f"quizgen::source::{name}")
    return out


def note_guid(q: Question, card_style: str) -> str:
    # The basic style is a different note type, so it gets its own GUIDs: switching styles
    # adds the other kind of card instead of colliding with the existing notes.
    return genanki.guid_for(q.id) if card_style == "mc" else genanki.guid_for(q.id, "basic")


# A stem that points at its options: it cannot be answered from the stem alone.
_POINTS_AT_OPTIONS = re.compile(
    r"\b(?:which|who|what)\s+(?:one\s+)?of\s+(?:these|those|them|the\s+following"
    r"|the\s+(?:options|choices|answers))\b"
    r"|\bwhich\s+(?:option|answer|statement|quote|quotation|choice)s?\b"
    r"|\bfrom\s+the\s+(?:following|options|choices|list)\b"
    r"|\b(?:all|none|both|neither)\s+of\s+the\s+above\b"
    r"|\bmanakah\b|\byang\s+mana\b|\bmana\s+yang\b"
    r"|\b(?:pernyataan|kutipan|pilihan|jawaban|opsi)\s+(?:berikut|di\s+bawah|di\s+atas)\b"
    r"|\bdi\s+antara\s+(?:berikut|pilihan|opsi|jawaban)\b",
    re.IGNORECASE,
)
# An answer that only means something next to the other options.
_META_ANSWER = re.compile(
    r"\b(?:all|none|both|neither)\s+of\s+the\s+above\b"
    r"|\b(?:semua(?:nya)?|tidak\s+ada)\b.*\bdi\s+atas\b"
    r"|^\s*semua\s+(?:jawaban\s+|pilihan\s+)?benar\s*$"
    r"|^\s*[A-F]\s*(?:,\s*[A-F]\s*)*(?:and|dan|&)\s*[A-F]\s*$",
    re.IGNORECASE,
)
# Built-in templates whose answer is the quote itself (en, id).
_QUOTE_ANSWER_TEMPLATES = frozenset({"which-quote", "kutipan-tokoh"})


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def needs_options(q: Question) -> bool:
    """True when a basic card's front must show the options for the stem to be answerable:
    the stem points at them, the answer is one of several quotes, or it refers to the others
    ("all of the above")."""
    if q.template in _QUOTE_ANSWER_TEMPLATES:
        return True
    fact = q.fact or {}
    speaker = fact.get("speaker")
    if fact.get("kind") == "quote" and isinstance(speaker, str) and speaker.strip() \
            and _words(q.correct) != _words(speaker):
        return True  # "which quote": one sentence among the many the speaker said
    return bool(_POINTS_AT_OPTIONS.search(q.stem) or _META_ANSWER.search(q.correct))


def options_html(q: Question) -> str:
    rows = "".join(
        f'<li class="opt opt-{letter}"><span class="letter">{letter}.</span>'
        f'<span class="text">{text_field(option)}</span></li>'
        for letter, option in zip(LETTERS, q.options, strict=False)
    )
    return f'<ul class="options">{rows}</ul>'


@dataclass(frozen=True)
class BasicCard:
    item: Item
    front: str  # HTML for the Front field
    back: str  # HTML for the Back field

    @property
    def key(self) -> str:
        """The front as a reader sees it: no tags, entities decoded, case and spacing folded."""
        return _words(html.unescape(re.sub(r"<[^>]*>", " ", self.front)))


def basic_card(item: Item, with_options: bool) -> BasicCard:
    q = item.question
    if with_options:
        return BasicCard(item, text_field(q.stem) + options_html(q),
                         f"{item.answer_letter}. {text_field(item.answer_text)}")
    return BasicCard(item, text_field(q.stem), text_field(item.answer_text))


def basic_cards(items: list[Item]) -> list[BasicCard]:
    """One card per question, with options on the front where the stem needs them, and no
    two cards with the same front: questions whose fronts match but whose answers differ show
    their options; of cards that still match, the first in deck order is kept."""
    cards = [basic_card(item, needs_options(item.question)) for item in items]
    groups: dict[str, list[int]] = {}
    for i, card in enumerate(cards):
        groups.setdefault(card.key, []).append(i)
    for indexes in groups.values():
        if len(indexes) > 1 and \
                len({_words(cards[i].item.answer_text) for i in indexes}) > 1:
            for i in indexes:
                cards[i] = basic_card(cards[i].item, True)
    seen: set[str] = set()
    kept = []
    for card in cards:
        if card.key not in seen:
            seen.add(card.key)
            kept.append(card)
    return kept


def _mc_note(deck: Deck, item: Item) -> genanki.Note:
    q = item.question
    options = [text_field(o) for o in q.options] + [""] * (len(LETTERS) - len(q.options))
    fields = (
        [text_field(q.stem)] + options
        + [item.answer_letter, text_field(item.answer_text), text_field(q.explanation),
           source_field(q), html.escape(q.id), "", ""]
    )
    return genanki.Note(model=MC_MODEL, fields=fields, tags=tags(deck, q),
                        guid=note_guid(q, "mc"))


def _basic_note(deck: Deck, card: BasicCard) -> genanki.Note:
    q = card.item.question
    fields = [card.front, card.back, text_field(q.explanation), source_field(q),
              html.escape(q.id)]
    return genanki.Note(model=BASIC_MODEL, fields=fields, tags=tags(deck, q),
                        guid=note_guid(q, "basic"))


def build_package(deck: Deck, items: list[Item], card_style: str = "mc") -> genanki.Package:
    if card_style not in CARD_STYLES:
        raise ValueError(f"unknown card style {card_style!r}")
    name = deck_name(deck)
    anki_deck = genanki.Deck(deck_id(name), name)
    if card_style == "mc":
        notes = [_mc_note(deck, item) for item in items]
    else:
        notes = [_basic_note(deck, card) for card in basic_cards(items)]
    for note in notes:
        anki_deck.add_note(note)
    return genanki.Package(anki_deck)


def package_bytes(package: genanki.Package, timestamp: float | None = None) -> bytes:
    """The .apkg as bytes, built in memory (genanki's own writer leaves a temp file behind).

    Notes are stamped with ``timestamp`` (default: now), never a fixed value: Anki updates an
    existing note only from a package whose note is newer.
    """
    if timestamp is None:
        timestamp = time.time()
    conn = sqlite3.connect(":memory:")
    try:
        package.write_to_db(conn.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
        conn.commit()
        db = conn.serialize()
    finally:
        conn.close()
    buf = io.BytesIO()
    # Fast compression: level 1 is several times quicker than the default, barely larger.
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("collection.anki2", db)
        zf.writestr("media", "{}")
    return buf.getvalue()


def export_time(path: str | os.PathLike) -> float:
    """Now, or one second past the package already at ``path`` if that was written this second.

    Anki keeps note times in whole seconds and skips a note whose time equals its own copy
    (even with "always update"), so two exports within one second would not update.
    """
    now = time.time()
    try:
        previous = int(os.stat(path).st_mtime)
    except OSError:
        return now
    return float(previous + 1) if previous == int(now) else now


def write(deck: Deck, path: str | os.PathLike, *, deck_path: str | None = None,
          card_style: str = "mc") -> int:
    """Write the enabled questions as an Anki package; returns the number of notes (basic
    cards leave out a question whose front repeats another's, see ``basic_cards``)."""
    items = enabled_items(deck, deck_path)
    package = build_package(deck, items, card_style)
    atomic.write_bytes(path, package_bytes(package, export_time(path)))
    return sum(len(d.notes) for d in package.decks)
