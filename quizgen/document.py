"""The cleaned article every later stage reads; offsets index into ``Document.text``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A stretch of ``Document.text``: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Removed:
    """A line dropped as boilerplate, with the reason (a short slug such as ``read-also``)."""

    text: str
    reason: str


@dataclass
class Document:
    path: str  # as given by the user (used as the ``doc`` of every fact source)
    sha256: str  # of the raw bytes on disk
    lang: str  # "id" or "en"
    title: str
    text: str  # clean body: paragraphs joined by "\n\n"; the title is not part of it
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (the last one starting at or before it)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo
