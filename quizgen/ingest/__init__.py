"""Reading articles: file -> text -> boilerplate-free ``Document`` with paragraphs and sentences.

``read_document`` reads one file (.txt, .md, .html/.htm; any encoding we can detect),
``iter_documents`` walks files and folders yielding documents or the error of each bad file,
``ingest_text`` cleans text already in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path

from quizgen.document import Document, Removed, Span
from quizgen.errors import QuizgenError
from quizgen.ingest.boilerplate import clean
from quizgen.ingest.decode import decode
from quizgen.ingest.language import detect_language
from quizgen.lang import LANGUAGES

__all__ = ["SUFFIXES", "ingest_text", "iter_documents", "read_document"]

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


def ingest_text(
    text: str, path: str = "<text>", lang: str | None = None, sha256: str = ""
) -> Document:
    """A Document from plain text (``lang`` None: detect). Never raises on odd text."""
    return _build(text, path, lang, sha256, [])


def read_document(path: str | PathLike[str], lang: str | None = None) -> Document:
    """Read and clean one article file; QuizgenError (naming the file) if it holds no article."""
    name = str(path)
    p = Path(path)
    try:
        raw = p.read_bytes()
    except IsADirectoryError:
        raise QuizgenError("is a folder (use iter_documents for folders)", name) from None
    except FileNotFoundError:
        raise QuizgenError("no such file", name) from None
    except OSError as exc:
        raise QuizgenError(f"cannot read: {exc.strerror or exc}", name) from None
    if not raw.strip():
        raise QuizgenError("empty file", name)
    text = decode(raw, name)
    fmt = SUFFIXES.get(p.suffix.lower(), "text")
    pre_removed: list[Removed] = []
    if fmt == "html":
        from quizgen.ingest.html import html_to_text

        text = html_to_text(text)
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
    cleaned = clean(text)
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
