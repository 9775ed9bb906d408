"""Facts extracted from articles, as plain dataclasses (serialised as in `facts --format jsonl`).

Every fact keeps its evidence as ``Source`` records so a question can always show where
its answer came from.

The classes have slots: a big corpus holds millions of these in the parent process (each
would otherwise carry its own ``__dict__``, which unpickling from a worker always creates).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class Source:
    doc: str  # Document.path
    sentence: int  # index into Document.sentences
    start: int  # offsets into Document.text
    end: int
    text: str  # the evidence span, == Document.text[start:end]


@dataclass(slots=True)
class Fact:
    kind: ClassVar[str] = ""
    sources: list[Source] = field(default_factory=list, kw_only=True)

    def to_dict(self, doc: Callable[[str], str] | None = None) -> dict[str, Any]:
        """The fact as plain data; ``doc`` renames each source's document (a deck names it
        relative to itself)."""
        data: dict[str, Any] = {"kind": self.kind}
        for name in _own_fields(type(self)):
            data[name] = plain(getattr(self, name))
        data["sources"] = [{"doc": doc(s.doc) if doc else s.doc, "sentence": s.sentence,
                            "start": s.start, "end": s.end, "text": s.text}
                           for s in self.sources]
        return data


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` of a fact's value without its deep copies (about three times
    faster): facts hold only lists, dataclasses and immutable scalars."""
    t = type(value)
    if t is str or t is int or t is bool or value is None:
        return value
    if t is list:
        return [plain(v) for v in value]
    if is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    return value


@cache
def _own_fields(cls: type) -> tuple[str, ...]:
    """A fact class's fields but its sources, in order."""
    return tuple(f.name for f in fields(cls) if f.name != "sources")


@dataclass(slots=True)
class Person(Fact):
    kind: ClassVar[str] = "person"
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # role phrases as written, without the name


@dataclass(slots=True)
class DateFact(Fact):
    kind: ClassVar[str] = "date"
    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    text: str  # the date as written
    event: str  # the clause the date belongs to
    weekday: str | None = None  # the weekday the text states with the date, as written
    note: str | None = None  # e.g. a stated weekday that does not match the date
    disputed: bool = False  # set by merge: the articles disagree (see the Conflict); never quiz


@dataclass(slots=True)
class Count(Fact):
    kind: ClassVar[str] = "count"
    value: int
    unit: str  # the counted noun as written, e.g. "nota kerja sama"
    text: str
    bound: str = "exact"  # exact | at_least | at_most
    event: str = ""  # the clause the count belongs to
    disputed: bool = False  # set by merge: the articles disagree (see the Conflict); never quiz


@dataclass(slots=True)
class WeekdayMention(Fact):
    """A weekday tied to an event without an absolute date ("tiba ... pada hari Rabu").

    Not a quizzable fact: ``quizgen.merge`` uses it as evidence (an article saying Wednesday
    against others saying Thursday 20 June is a conflict) and leaves it out of its result.
    """

    kind: ClassVar[str] = "weekday"
    weekday: str  # as written
    text: str
    event: str


@dataclass(slots=True)
class Quote(Fact):
    kind: ClassVar[str] = "quote"
    speaker: str  # canonical name
    quote: str  # the words, without quotation marks
    direct: bool
    cue: str
    via: str | None = None  # outlet the words reached the article through


@dataclass(slots=True)
class Side:
    """One side of a conflict: a value and the sources that state it."""

    value: str
    sources: list[Source] = field(default_factory=list)


@dataclass(slots=True)
class Conflict(Fact):
    kind: ClassVar[str] = "conflict"
    about: str
    values: list[str]
    sides: list[Side] = field(default_factory=list)


KINDS: dict[str, type[Fact]] = {
    cls.kind: cls for cls in (Person, DateFact, Count, Quote, Conflict, WeekdayMention)
}


def fact_from_dict(data: dict[str, Any]) -> Fact:
    """Inverse of ``Fact.to_dict`` (used to read facts back from decks and JSONL)."""
    data = dict(data)
    cls = KINDS[data.pop("kind")]
    sources = [Source(**s) for s in data.pop("sources", [])]
    if cls is Conflict:
        data["sides"] = [
            Side(value=s["value"], sources=[Source(**x) for x in s.get("sources", [])])
            for s in data.get("sides", [])
        ]
    return cls(**data, sources=sources)
