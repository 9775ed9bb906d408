"""Reading articles: file -> text -> boilerplate-free ``Document`` with paragraphs and sentences.

``read_document`` reads one file (.txt, .md, .html/.htm; any encoding we can detect),
``iter_documents`` walks files and folders yielding documents or the error of each bad file,
``ingest_text`` cleans text already in memory.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path

from quizgen.document import Document, Removed, Span
from quizgen.errors import QuizgenError
from quizgen.ingest.boilerplate import clean
from quizgen.ingest.decode import decode, text_only
from quizgen.ingest.language import detect_language
from quizgen.lang import LANGUAGES

__all__ = ["MAX_MB_VAR", "SUFFIXES", "ingest_text", "iter_documents", "read_document"]

# Suffix -> format. Files named explicitly are read as plain text whatever their suffix;
# in a folder only these are picked up.
SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}

MAX_MB_VAR = "QUIZGEN_MAX_ARTICLE_MB"  # the largest article file read, in MB (10**6 bytes)
DEFAULT_MAX_MB = 20.0  # a long news page is well under 1 MB; this is a guard, not a budget

# what a path that is not a regular file is, for the error message
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def ingest_text(
    text: str, path: str = "<text>", lang: str | None = None, sha256: str = ""
) -> Document:
    """A Document from plain text (``lang`` None: detect). Never raises on odd text."""
    return _build(text, path, lang, sha256, [])


def read_document(path: str | PathLike[str], lang: str | None = None) -> Document:
    """Read and clean one article file; QuizgenError (naming the file) if it holds no article."""
    name = str(path)
    p = Path(path)
    raw = _read_bytes(p, name)
    if not raw.strip():
        raise QuizgenError("empty file", name)
    text = decode(raw, name)
    fmt = SUFFIXES.get(p.suffix.lower(), "text")
    pre_removed: list[Removed] = []
    if fmt == "html":
        from quizgen.ingest.html import html_to_text

        text = html_to_text(text, name)
    elif fmt == "markdown":
        from quizgen.ingest.markdown import markdown_to_text

        text, pre_removed = markdown_to_text(text)
    if not text.strip():
        raise QuizgenError("empty file (no article text found)", name)
    doc = _build(text, name, lang, hashlib.sha256(raw).hexdigest(), pre_removed)
    if not doc.paragraphs:
        what = "boilerplate" if doc.removed else "a title"
        raise QuizgenError(f"no article text: only {what} (nothing left to read)", name)
    return doc


def _max_bytes() -> int:
    """The size limit for one article: ``$QUIZGEN_MAX_ARTICLE_MB`` megabytes, else 20."""
    value = os.environ.get(MAX_MB_VAR, "").strip()
    if not value:
        return int(DEFAULT_MAX_MB * 1_000_000)
    try:
        mb = float(value)
    except ValueError:
        mb = -1.0
    if not 0 < mb < float("inf"):
        raise QuizgenError(f"{MAX_MB_VAR} must be a positive number of megabytes, not {value!r}")
    return int(mb * 1_000_000)


def _read_bytes(p: Path, name: str) -> bytes:
    """The bytes of a regular file of at most ``_max_bytes()``; QuizgenError otherwise.

    Opened non-blocking so a named pipe is refused instead of waiting for a writer, and read
    only up to one byte past the limit, so /dev/zero or a huge file never fills the memory.
    """
    limit = _max_bytes()
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise QuizgenError("no such file", name) from None
    except OSError as exc:
        raise QuizgenError(f"cannot read: {exc.strerror or exc}", name) from None
    try:
        refused = _not_regular(os.fstat(fd).st_mode)
        if refused:
            raise QuizgenError(refused, name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with open(fd, "rb", closefd=False) as f:
            raw = f.read(limit + 1)
    except OSError as exc:
        raise QuizgenError(f"cannot read: {exc.strerror or exc}", name) from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise QuizgenError(
            f"file too large (over {limit / 1_000_000:g} MB; set {MAX_MB_VAR} to raise the "
            "limit)",
            name,
        )
    return raw


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder (use iter_documents for folders)"
    what = next((kind for test, kind in _KINDS if test(mode)), "a special file")
    return f"not a regular file ({what})"


def iter_documents(
    paths: Iterable[str | PathLike[str]], lang: str | None = None
) -> Iterator[Document | QuizgenError]:
    """Each article under ``paths`` (files, or folders: their supported files, sorted).

    A bad file yields its QuizgenError and the rest go on; one file is in memory at a time.
    """
    for path in paths:
        p = Path(path)
        if p.is_dir():
            files = sorted(
                f
                for f in p.iterdir()
                if f.is_file()
                and f.suffix.lower() in SUFFIXES
                and not f.name.startswith(".")
                and not f.name.upper().startswith("README.")
            )
            if not files:
                yield QuizgenError("folder holds no .txt, .md or .html article", str(path))
            for f in files:
                yield _try_read(f, lang)
        else:
            yield _try_read(path, lang)


def _try_read(path: str | PathLike[str], lang: str | None) -> Document | QuizgenError:
    try:
        return read_document(path, lang)
    except QuizgenError as exc:
        return exc


def _build(text: str, path: str, lang: str | None, sha256: str, pre: list[Removed]) -> Document:
    if lang is not None and lang not in LANGUAGES:
        raise QuizgenError(f"unsupported language {lang!r} (choose from {', '.join(LANGUAGES)})")
    cleaned = clean(text_only(text))  # again: HTML entities and callers' text may hold controls
    body = "\n\n".join(cleaned.paragraphs)
    paragraphs: list[Span] = []
    sentences: list[Span] = []
    offset = 0
    for paragraph, spans in zip(cleaned.paragraphs, cleaned.sentences, strict=True):
        paragraphs.append(Span(offset, offset + len(paragraph), paragraph))
        for start, end in spans:
            sentences.append(Span(offset + start, offset + end, paragraph[start:end]))
        offset += len(paragraph) + 2
    if lang is None:
        lang = detect_language(f"{cleaned.title}\n{body}")
    return Document(
        path=path,
        sha256=sha256,
        lang=lang,
        title=cleaned.title,
        text=body,
        paragraphs=paragraphs,
        sentences=sentences,
        removed=pre + cleaned.removed,
    )
