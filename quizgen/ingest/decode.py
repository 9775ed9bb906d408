"""Raw bytes -> text: UTF-8 (with or without BOM), UTF-16/32 with BOM, legacy single-byte.

Binary files (NUL bytes, images, PDF, archives) are refused with a one-line error naming the
file, so a stray download in a sources folder never turns into garbage questions.
"""

from __future__ import annotations

import codecs

from quizgen.errors import QuizgenError

_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF/WebP file"),
    (b"PK\x03\x04", "a ZIP archive (docx/epub?)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

# Text keeps tab, newline, carriage return and form feed; other C0 controls mean binary.
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


def decode(raw: bytes, path: str) -> str:
    """The text of ``raw`` with newlines normalised to ``\\n``; QuizgenError if it is not text."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return _newlines(raw.decode(encoding))
            except UnicodeDecodeError as exc:
                raise QuizgenError(f"cannot decode as {encoding}: {exc.reason}", path) from None
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise QuizgenError(f"binary file ({what}), not a text article", path)
    if b"\x00" in raw:
        raise QuizgenError("binary file (contains NUL bytes), not a text article", path)
    controls = sum(raw.count(c) for c in _CONTROL)
    if controls > max(2, len(raw) // 100):
        raise QuizgenError("binary file (control bytes), not a text article", path)
    try:
        return _newlines(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only legacy files pay for the detector

    best = from_bytes(raw).best()
    if best is None:
        raise QuizgenError("cannot detect the text encoding (not a text article?)", path)
    return _newlines(str(best))


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
