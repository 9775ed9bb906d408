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

A deck quizgen writes starts with the comment ``HEAD`` and ends with the line ``END``, so a
file cut short (a full disk, a copy that stopped) is reported instead of read as a smaller
deck. A file without the first line (written before this, or by hand) needs no last line; its
cut shows where the last question stops part way through the keys the one before it has.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from operator import attrgetter
from typing import Any, BinaryIO

from quizgen import atomic, deckcache, yamlio
from quizgen.errors import QuizgenError

FORMAT_VERSION = 1
TOOL = "quizgen"  # ``disabled_by`` of a question the build disabled
END = "# end of deck"
HEAD = f"# Written by quizgen; edit it freely. Its last line, '{END}', shows it is whole.\n"
_CLAIM = b"# Written by quizgen"
_CHECKSUM = re.compile(r"[0-9a-f]{8}\.[0-9a-f]{8}\.[0-9a-f]{8}")
CUT = "the file looks cut short (restore it from a copy, or delete it and build again)"


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
    yield HEAD
    yield "# answer: is the position of the right option, counting from 0\n"
    yield from yamlio.dump_chunks(head, lists=("questions",))
    yield END + "\n"


def _missing_end(path: str | os.PathLike) -> int | None:
    """The last line of the deck at ``path`` when it starts with ``HEAD`` but has no ``END``
    line (a deck quizgen wrote, cut short), else None. The file is searched, not parsed, and
    lines a user added after ``END`` are fine."""
    marker = b"\n" + END.encode()
    try:
        with open(path, "rb") as fh:
            if fh.read(len(_CLAIM)) != _CLAIM:
                return None
            with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as text:
                at = text.rfind(marker) + len(marker)
                if at >= len(marker) and text[at:at + 1] in (b"", b"\n", b"\r"):
                    return None
            return _last_line(fh)
    except (OSError, ValueError):  # unreadable: the YAML reader says why
        return None


def _last_line(fh: BinaryIO) -> int:
    """The number of the last line of the open file ``fh`` (read from its start)."""
    fh.seek(0)
    lines, end = 0, b""
    for block in iter(lambda: fh.read(1 << 20), b""):
        lines, end = lines + block.count(b"\n"), block[-1:]
    return lines + (end not in (b"\n", b""))


def _cut_syntax(exc: QuizgenError, path: str | os.PathLike) -> QuizgenError:
    """A YAML syntax error on the last line of the file, or past it, as the cut it likely is
    (a deck cut part way through a key or a quoted text)."""
    syntax = "YAML syntax error: "
    if exc.line is None or not exc.reason.startswith(syntax):
        return exc
    with open(path, "rb") as fh:
        if exc.line < _last_line(fh):
            return exc
    detail = exc.reason.removeprefix(syntax)
    return QuizgenError(f"YAML syntax error at the end of the file ({detail}): {CUT}",
                        exc.path, exc.line)


def _last_cut(questions: list[Any]) -> str | None:
    """What the last question lacks when it stops part way through the keys of the one before
    it, in their order (a cut file), where that one was written by quizgen (checksummed)."""
    if len(questions) < 2 or type(before := questions[-2]) is not dict or \
            not _CHECKSUM.fullmatch(str(before.get("checksum"))):
        return None
    last, full = questions[-1], list(before)
    if last is None:
        return repr(full[0])
    if type(last) is not dict:
        return None
    keys = list(last)
    if len(keys) < len(full) and full[:len(keys)] == keys:
        return repr(full[len(keys)])
    if keys == full and last.get("checksum") != "" and \
            not _CHECKSUM.fullmatch(str(last.get("checksum"))):
        return "whole 'checksum'"
    return None


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


# Every field is checked for its type with a ``file:line: ... must be ...`` message. A big
# deck has hundreds of thousands of questions, so each check is one fast comparison of types
# first (``type() is``: a bool is no integer), and the field by field path that finds what is
# wrong, and formats the message, only runs for a question that fails it.
_A = {str: "text", int: "an integer", list: "a list", dict: "a mapping", bool: "true or false"}
_MISSING = object()


def _field(loc: yamlio.Located, raw: dict, key: str, typ: type, what: str,
           where: tuple[str | int, ...], default: Any = _MISSING) -> Any:
    """``raw[key]`` when it is a ``typ`` (null or missing: ``default``, where there is one);
    else a ``file:line: WHAT: 'key' must be ...`` error."""
    value = raw.get(key)
    if value is None and default is not _MISSING:
        return default
    if type(value) is not typ:
        raise loc.error(f"{what}{': ' if what else ''}{key!r} must be {_A[typ]}", *where, key)
    return value


class _Entries:
    """How to read a list of ``sources:`` entries as ``cls`` objects: each a mapping of
    ``fields`` (name -> type), where an ``optional`` field may be left out or null (""), and
    a ``digits`` field may be a number (a hand-written digest that YAML reads as one)."""

    def __init__(self, cls: type, fields: dict[str, type], optional: tuple[str, ...],
                 digits: tuple[str, ...] = ()):
        self.cls, self.fields, self.optional, self.digits = cls, fields, optional, digits
        self.values, self.types = attrgetter(*fields), tuple(fields.values())

    def read(self, loc: yamlio.Located, raw: dict, what: str,
             where: tuple[str | int, ...]) -> list[Any]:
        items = _field(loc, raw, "sources", list, what, where, [])
        out = []
        for j, item in enumerate(items):
            try:
                src = self.cls(**item)
            except TypeError:  # not a mapping, a key missing or unknown
                src = None
            if src is None or tuple(map(type, self.values(src))) != self.types:
                src = self.cls(*self._explain(loc, item, f"{what}{': ' if what else ''}source "
                                              f"{j + 1}", (*where, "sources", j)))
            out.append(src)
        return out

    def _explain(self, loc: yamlio.Located, item: Any, name: str,
                 at: tuple[str | int, ...]) -> list[Any]:
        """One entry's values, or the error that says what is wrong with it."""
        if type(item) is not dict:
            raise loc.error(f"{name} is not a mapping", *at)
        for k in item:
            if k not in self.fields:
                raise loc.error(f"{name}: unknown key {k!r} (expected "
                                f"{', '.join(self.fields)})", *at, k)
        row = []
        for k, typ in self.fields.items():
            optional = k in self.optional
            if k not in item and not optional:
                raise loc.error(f"{name} has no {k!r}", *at)
            if k in self.digits and type(item[k]) is int:
                row.append(str(item[k]))
                continue
            row.append(_field(loc, item, k, typ, name, at, "" if optional else _MISSING))
        return row


_QUESTION_SOURCES = _Entries(QuestionSource, {"doc": str, "sentence": int, "start": int,
                                              "end": int, "title": str, "text": str},
                             ("title", "text"))
_DECK_SOURCES = _Entries(DeckSource, {"path": str, "sha256": str, "title": str}, ("title",),
                         ("sha256",))
_REQUIRED = ("id", "stem", "options", "answer")
_REQUIRED_TYPES = (str, str, list, int)
_OPTIONAL = ("template", "kind", "explanation", "fact", "enabled", "checksum")
_OPTIONAL_TYPES = (str, str, str, dict, bool, str)


def _question(loc: yamlio.Located, i: int, raw: Any) -> Question:
    where = ("questions", i)
    if type(raw) is not dict:
        raise loc.error(f"question {i + 1} is not a mapping", *where)
    qid, stem, options, answer = values = tuple(map(raw.get, _REQUIRED))
    if tuple(map(type, values)) != _REQUIRED_TYPES:
        for key in _REQUIRED:
            if key not in raw:
                raise loc.error(f"question {i + 1} has no {key!r}", *where)
        qid = _field(loc, raw, "id", str, f"question {i + 1}", where)
        for key, typ in zip(_REQUIRED, _REQUIRED_TYPES, strict=True):
            _field(loc, raw, key, typ, f"question {qid}", where)
    what = f"question {qid}"
    if len(options) < 2:
        raise loc.error(f"{what}: needs at least 2 options", *where, "options")
    if not all(type(o) is str for o in options):
        raise loc.error(f"{what}: every option must be text", *where, "options")
    if not 0 <= answer < len(options):
        raise loc.error(f"{what}: answer {answer} is not an option index "
                        f"(0..{len(options) - 1})", *where, "answer")
    values = tuple(map(raw.get, _OPTIONAL))
    if tuple(map(type, values)) != _OPTIONAL_TYPES:  # a key left out, null, or of a wrong type
        values = tuple(_field(loc, raw, key, typ, what, where, {str: "", dict: {}, bool: True}[typ])
                       for key, typ in zip(_OPTIONAL, _OPTIONAL_TYPES, strict=True))
    template, kind, explanation, fact, enabled, checksum = values
    srcs = _QUESTION_SOURCES.read(loc, raw, what, where)
    by = _field(loc, raw, "disabled_by", str, what, where, "")
    if by and by not in (TOOL, "tool"):
        raise loc.error(f"{what}: 'disabled_by' can only be {TOOL} (written by "
                        "the build); delete the line to keep the question disabled yourself",
                        *where, "disabled_by")
    reason = _field(loc, raw, "disabled_reason", str, what, where, "")
    tool = bool(by) and not enabled  # enabled again by hand: the user's now
    return Question(
        id=qid, template=template, kind=kind, stem=stem, options=list(options), answer=answer,
        explanation=explanation, fact=fact, sources=srcs, enabled=enabled, checksum=checksum,
        disabled_by=TOOL if tool else "", disabled_reason=reason if tool else "",
    )


def load_deck(path: str | os.PathLike) -> Deck:
    """Read and validate a deck; any problem is a one-line QuizgenError with file and line."""
    copy = deckcache.load(path)  # a copy of this very file, which was read whole
    if copy is None and (last := _missing_end(path)) is not None:
        raise QuizgenError(f"no last line {END!r}: {CUT}", str(path), last)
    try:
        loc = yamlio.Located(str(path), copy) if copy is not None else \
            yamlio.load_file(path, clean_text=True)
    except QuizgenError as exc:
        raise _cut_syntax(exc, path) from None
    data = loc.data
    if type(data) is not dict:
        raise loc.error("not a quizgen deck (expected a mapping at the top)")
    fmt = data.get("format", FORMAT_VERSION)
    if type(fmt) is not int:
        raise loc.error(f"'format' must be an integer ({FORMAT_VERSION})", "format")
    if fmt != FORMAT_VERSION:
        raise loc.error(f"unsupported deck format {fmt} "
                        f"(this quizgen reads format {FORMAT_VERSION})", "format")
    head = ""  # the deck's own keys: the message names the key alone
    questions = _field(loc, data, "questions", list, head, (), [])
    if copy is None and (lacks := _last_cut(questions)) is not None:
        raise loc.error(f"the last question stops before its {lacks}: {CUT}",
                        "questions", len(questions) - 1)
    qs = []
    seen: set[str] = set()
    for i, raw in enumerate(questions):
        q = _question(loc, i, raw)
        if q.id in seen:
            raise loc.error(f"duplicate question id {q.id!r}", "questions", i, "id")
        seen.add(q.id)
        qs.append(q)
        questions[i] = None  # the parsed mapping is no longer needed: peak memory
    sources = _DECK_SOURCES.read(loc, data, head, ())
    deck = Deck(
        title=_field(loc, data, "title", str, head, (), "")
        or os.path.splitext(os.path.basename(path))[0],
        language=_field(loc, data, "language", str, head, (), "") or "id",
        questions=qs,
        sources=sources,
        settings=_field(loc, data, "settings", dict, head, (), {}),
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
