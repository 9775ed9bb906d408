"""The deck file: a readable YAML list of questions that the quiz and the exporters read.

Format (version 1)::

    format: 1
    title: ...
    language: id
    settings: {seed: 0, options: 4, templates: builtin}
    sources: [{path, sha256, title}]
    questions:
      - id, template, kind, stem, options, answer, explanation, fact, sources, enabled,
        [disabled_by, disabled_reason,] checksum

``checksum`` records what the generator wrote (stem / options+answer / explanation), so a
rebuild can tell the user's hand edits from generated text and keep the edits.

``disabled_by: quizgen`` (with ``disabled_reason``) marks a question the build disabled
because it could not make it again; only the build writes it, and the next build enables the
question again once it can be made. An ``enabled: false`` without it is the user's and stays.
Decks written before these keys existed load unchanged (every ``enabled: false`` the user's).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from quizgen import atomic, deckcache, yamlio
from quizgen.errors import QuizgenError

FORMAT_VERSION = 1
TOOL = "quizgen"  # ``disabled_by`` of a question the build disabled


# slots: a big deck holds hundreds of thousands of these
@dataclass(slots=True)
class QuestionSource:
    doc: str
    sentence: int
    start: int
    end: int
    title: str = ""  # the article's title, shown with the answer
    text: str = ""  # the evidence sentence


@dataclass(slots=True)
class Question:
    id: str
    template: str
    kind: str
    stem: str
    options: list[str]
    answer: int  # index into options
    explanation: str = ""
    fact: dict[str, Any] = field(default_factory=dict)
    sources: list[QuestionSource] = field(default_factory=list)
    enabled: bool = True
    checksum: str = ""  # of the generated stem/options/explanation (see ``rebuild``)
    disabled_by: str = ""  # TOOL when the build disabled it (not the user); see ``rebuild``
    disabled_reason: str = ""  # why the build disabled it ("not enough distractors", ...)

    @property
    def disabled_by_tool(self) -> bool:
        return not self.enabled and self.disabled_by == TOOL

    @property
    def correct(self) -> str:
        return self.options[self.answer]

    def parts(self) -> tuple[str, str, str]:
        """Short hashes of the editable parts: stem, options with answer, explanation."""
        def h(text: str) -> str:
            return hashlib.sha1(text.encode()).hexdigest()[:8]

        return (h(self.stem), h("\0".join(self.options) + f"\0{self.answer}"),
                h(self.explanation))

    def stamp(self) -> None:
        """Set ``checksum`` to this (freshly generated) question's own content."""
        self.checksum = ".".join(self.parts())


@dataclass
class DeckSource:
    path: str
    sha256: str
    title: str


@dataclass
class Deck:
    title: str
    language: str
    questions: list[Question] = field(default_factory=list)
    sources: list[DeckSource] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    format: int = FORMAT_VERSION

    @property
    def enabled(self) -> list[Question]:
        return [q for q in self.questions if q.enabled]

    def to_dict(self) -> dict[str, Any]:
        return {**self._head(), "questions": [_question_dict(q) for q in self.questions]}

    def _head(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "title": self.title,
            "language": self.language,
            "settings": self.settings,
            "sources": [asdict(s) for s in self.sources],
        }


def _question_dict(q: Question) -> dict[str, Any]:
    """A question as written in the deck (as ``asdict``, without its deep copies: faster)."""
    return {
        "id": q.id, "template": q.template, "kind": q.kind, "stem": q.stem,
        "options": q.options, "answer": q.answer, "explanation": q.explanation,
        "fact": q.fact,
        "sources": [{"doc": s.doc, "sentence": s.sentence, "start": s.start, "end": s.end,
                     "title": s.title, "text": s.text} for s in q.sources],
        "enabled": q.enabled,
        **({"disabled_by": q.disabled_by, "disabled_reason": q.disabled_reason}
           if q.disabled_by_tool else {}),
        "checksum": q.checksum,
    }


def _chunks(deck: Deck) -> Iterator[str]:
    head = {**deck._head(), "questions": (_question_dict(q) for q in deck.questions)}
    yield "# quizgen deck. answer: is the position of the right option, counting from 0\n"
    yield from yamlio.dump_chunks(head, lists=("questions",))


def save_deck(deck: Deck, path: str | os.PathLike) -> None:
    """Write the deck atomically, question by question (never the whole text in memory).

    A big deck also gets a parsed copy (``quizgen.deckcache``) for a fast reopening."""
    atomic.write_chunks(path, _chunks(deck))
    _copy(deck, path)


def _copy(deck: Deck, path: str | os.PathLike) -> None:
    """The parsed copy of a big deck just written or read from ``path``."""
    if len(deck.questions) >= deckcache.MIN_QUESTIONS:
        deckcache.store(path, deck._head(), len(deck.questions),
                        (_question_dict(q) for q in deck.questions))


def _check(loc: yamlio.Located, ok: bool, message: str, *keys: str | int) -> None:
    if not ok:
        raise loc.error(message, *keys)


def _question(loc: yamlio.Located, i: int, raw: Any) -> Question:
    # messages are only formatted on failure: this runs once per question of a big deck
    where = ("questions", i)
    if not isinstance(raw, dict):
        raise loc.error(f"question {i + 1} is not a mapping", *where)
    for key, typ in (("id", str), ("stem", str), ("options", list), ("answer", int)):
        if key not in raw:
            raise loc.error(f"question {i + 1} has no {key!r}", *where)
        if not isinstance(raw[key], typ) or isinstance(raw[key], bool):
            raise loc.error(f"question {i + 1}: {key!r} must be a {typ.__name__}", *where, key)
    options = raw["options"]
    if len(options) < 2:
        raise loc.error(f"question {raw['id']}: needs at least 2 options", *where, "options")
    if not all(isinstance(o, str) for o in options):
        raise loc.error(f"question {raw['id']}: every option must be text", *where, "options")
    if not 0 <= raw["answer"] < len(options):
        raise loc.error(f"question {raw['id']}: answer {raw['answer']} is not an option index "
                        f"(0..{len(options) - 1})", *where, "answer")
    sources = raw.get("sources") or []
    if not isinstance(sources, list):
        raise loc.error(f"question {raw['id']}: 'sources' must be a list", *where, "sources")
    try:
        srcs = [QuestionSource(**s) for s in sources]
    except TypeError:
        raise loc.error(f"question {raw['id']}: malformed source entry", *where, "sources") \
            from None
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise loc.error(f"question {raw['id']}: 'enabled' must be true or false",
                        *where, "enabled")
    by = raw.get("disabled_by") or ""
    if by and by not in (TOOL, "tool"):
        raise loc.error(f"question {raw['id']}: 'disabled_by' can only be {TOOL} (written by "
                        "the build); delete the line to keep the question disabled yourself",
                        *where, "disabled_by")
    tool = bool(by) and not enabled  # enabled again by hand: the user's now
    return Question(
        id=raw["id"],
        template=str(raw.get("template", "")),
        kind=str(raw.get("kind", "")),
        stem=raw["stem"],
        options=list(options),
        answer=raw["answer"],
        explanation=str(raw.get("explanation") or ""),
        fact=dict(raw.get("fact") or {}),
        sources=srcs,
        enabled=enabled,
        checksum=str(raw.get("checksum") or ""),
        disabled_by=TOOL if tool else "",
        disabled_reason=str(raw.get("disabled_reason") or "") if tool else "",
    )


def load_deck(path: str | os.PathLike) -> Deck:
    """Read and validate a deck; any problem is a one-line QuizgenError with file and line."""
    copy = deckcache.load(path)
    loc = yamlio.Located(str(path), copy) if copy is not None else yamlio.load_file(path)
    data = loc.data
    _check(loc, isinstance(data, dict), "not a quizgen deck (expected a mapping at the top)")
    fmt = data.get("format", FORMAT_VERSION)
    _check(loc, fmt == FORMAT_VERSION, f"unsupported deck format {fmt!r} "
           f"(this quizgen reads format {FORMAT_VERSION})", "format")
    questions = data.get("questions") or []
    _check(loc, isinstance(questions, list), "'questions' must be a list", "questions")
    qs = []
    seen: set[str] = set()
    for i, raw in enumerate(questions):
        q = _question(loc, i, raw)
        if q.id in seen:
            raise loc.error(f"duplicate question id {q.id!r}", "questions", i, "id")
        seen.add(q.id)
        qs.append(q)
        questions[i] = None  # the parsed mapping is no longer needed: peak memory
    try:
        sources = [DeckSource(**s) for s in data.get("sources") or []]
    except TypeError:
        raise loc.error("malformed 'sources' entry", "sources") from None
    deck = Deck(
        title=str(data.get("title") or os.path.splitext(os.path.basename(path))[0]),
        language=str(data.get("language") or "id"),
        questions=qs,
        sources=sources,
        settings=dict(data.get("settings") or {}),
        format=fmt,
    )
    if copy is None:  # so the next opening is fast
        _copy(deck, path)
    return deck


NOT_MADE = "no longer generated"  # the reason when the build was given none


def peek_language(path: str | os.PathLike) -> str | None:
    """The ``language:`` of the deck at ``path`` read from its head (the lines before
    ``questions:``, where a deck quizgen wrote has it) without reading the questions; None
    when the file is no deck (a template file, say) or cannot be read."""
    lang, deck = None, False
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if line[:1] in " \t-#" or not _:
                    continue
                if key == "templates":
                    return None
                if key == "language":
                    lang = value.split("#")[0].strip().strip("'\"") or None
                elif key in ("format", "questions"):
                    deck = True
                if key == "questions":
                    break
    except (OSError, UnicodeDecodeError):
        return None
    return (lang or "id") if deck else None  # as ``load_deck`` reads a deck without one


@dataclass
class RebuildReport:
    """What a rebuild did with the questions of the deck it rebuilt (all empty for a new deck)."""

    rebuilt: bool = False  # there was a deck to rebuild
    added: int = 0  # questions new in this build
    updated: int = 0  # questions whose generated text changed since the last build
    restored: list[str] = field(default_factory=list)  # disabled by the build, made again
    kept: dict[str, list[str]] = field(default_factory=dict)  # id -> the hand edits kept
    newly_disabled: list[str] = field(default_factory=list)  # enabled before, not made now
    disabled: dict[str, list[str]] = field(default_factory=dict)  # reason -> ids (all of them)

    @property
    def kept_edits(self) -> int:
        """Questions whose hand edits (text, or the user's own ``enabled: false``) were kept."""
        return len(self.kept)

    @property
    def orphaned(self) -> int:
        """Questions the build could not make: kept in the deck, disabled by the build."""
        return sum(map(len, self.disabled.values()))


def rebuild(old: Deck | None, new: Deck,
            reasons: Mapping[str, str] | None = None) -> tuple[Deck, RebuildReport]:
    """``new`` (freshly generated) with every user edit from ``old`` kept, matched by id.

    A part (stem, options+answer, explanation) counts as edited when it no longer matches
    the checksum the generator stored; the user's ``enabled: false`` is always kept, a
    question the build disabled (``disabled_by: quizgen``) is enabled again when it is made
    again. Questions of ``old`` that were not generated again are kept but disabled by the
    build, never deleted, with ``reasons[id]`` (why it was not made) as ``disabled_reason``.
    ``new``'s questions are stamped in place (they are fresh: no copy of a big deck).
    """
    report = RebuildReport(rebuilt=old is not None)
    fresh = new.questions
    for q in fresh:
        q.stamp()
    if old is None:
        report.added = len(fresh)
        return replace(new, questions=list(fresh)), report
    reasons = reasons or {}
    previous = {q.id: q for q in old.questions}
    out: list[Question] = []
    for q in fresh:
        o = previous.get(q.id)
        if o is None:
            report.added += 1
            out.append(q)
            continue
        base = o.checksum.split(".") if o.checksum.count(".") == 2 else None
        cur, gen = o.parts(), q.checksum.split(".")
        # without a checksum (a hand-made deck), anything that differs is the user's
        edited = [(c != b) if base else (c != g) for c, b, g in
                  zip(cur, base or gen, gen, strict=True)]
        changes: dict[str, Any] = {}
        if edited[0]:
            changes["stem"] = o.stem
        if edited[1]:
            changes["options"], changes["answer"] = list(o.options), o.answer
        if edited[2]:
            changes["explanation"] = o.explanation
        kept = [name for name, e in zip(("stem", "options", "explanation"), edited,
                                        strict=True) if e]
        if o.disabled_by_tool:
            report.restored.append(q.id)
        elif not o.enabled:
            changes["enabled"] = False
            kept.append("enabled: false")
        if kept:
            report.kept[q.id] = kept
        if changes:
            q = replace(q, **changes)
        if (q.parts() if changes else tuple(gen)) != cur:
            report.updated += 1
        out.append(q)
    made = {q.id for q in out}
    for o in old.questions:
        if o.id in made:
            continue
        if not o.enabled and not o.disabled_by_tool:  # the user's own: left as it is
            report.kept[o.id] = ["enabled: false"]
            out.append(o)
            continue
        why = reasons.get(o.id) or NOT_MADE
        if o.enabled:
            report.newly_disabled.append(o.id)
        report.disabled.setdefault(why, []).append(o.id)
        out.append(replace(o, enabled=False, disabled_by=TOOL, disabled_reason=why))
    return replace(new, questions=out), report


__all__ = ["Deck", "DeckSource", "Question", "QuestionSource", "QuizgenError", "RebuildReport",
           "load_deck", "peek_language", "rebuild", "save_deck"]
