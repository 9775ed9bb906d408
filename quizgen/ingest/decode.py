"""Raw bytes -> text: UTF-8 (with or without BOM), UTF-16 (with BOM, or without for Latin
text), UTF-32 with BOM, legacy single-byte encodings (cp1252 ...) via charset-normalizer.

Binary files (NUL bytes, images, PDF, archives) are refused with a one-line error naming the
file, so a stray download in a sources folder never turns into garbage questions.
"""

from __future__ import annotations

import codecs
import re

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
        text = _utf16_without_bom(raw)
        if text is None:
            raise QuizgenError("binary file (contains NUL bytes), not a text article", path)
        return _newlines(text)
    controls = len(raw) - len(raw.translate(None, _CONTROL))
    if controls > max(2, len(raw) // 100):
        raise QuizgenError("binary file (control bytes), not a text article", path)
    try:
        return _newlines(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        bad = exc
    if _mostly_utf8(raw, bad):
        # a UTF-8 file with a few stray legacy bytes (pasted from another page): keep the
        # UTF-8 and read just those bytes as cp1252
        return _newlines(raw.decode("utf-8", errors=_STRAY))
    return _newlines(_legacy(raw, path))


# Single-byte code pages that Indonesian and English text is found in. The detector is
# restricted to them: on short texts it otherwise guesses exotic encodings (UTF-16, CJK).
_LEGACY = ["cp1252", "latin_1", "iso8859_15", "cp1250", "cp1257", "mac_roman", "cp850", "cp437"]
_PREFERRED = "cp1252"  # the usual legacy encoding for both languages
_CHAOS_SLACK = 0.1  # how much messier cp1252 may look before the detector's pick wins


def _legacy(raw: bytes, path: str) -> str:
    from charset_normalizer import from_bytes  # only legacy files pay for the detector

    results = from_bytes(raw, cp_isolation=_LEGACY)
    best = results.best()
    if best is None:
        raise QuizgenError("cannot detect the text encoding (not a text article?)", path)
    if _PREFERRED not in best.could_be_from_charset:
        preferred = next((m for m in results if _PREFERRED in m.could_be_from_charset), None)
        if preferred is not None and preferred.chaos <= best.chaos + _CHAOS_SLACK:
            return str(preferred)
    return str(best)


_STRAY = "quizgen-stray-cp1252"


def _stray_cp1252(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    chunk = exc.object[exc.start : exc.end]
    return chunk.decode("cp1252", errors="replace"), exc.end


codecs.register_error(_STRAY, _stray_cp1252)

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mostly_utf8(raw: bytes, first: UnicodeDecodeError) -> bool:
    """Valid multi-byte UTF-8 sequences clearly outnumber the invalid bytes."""
    good = len(_UTF8_SEQUENCE.findall(raw))
    bad = raw.decode("utf-8", errors="replace").count("\ufffd")
    return good >= 2 and bad <= good


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text saved without a BOM (every other byte NUL for Latin text), else None."""
    half = len(raw) // 2
    if half < 2:
        return None
    for encoding, zeros in (("utf-16-le", raw[1::2]), ("utf-16-be", raw[0::2])):
        if zeros.count(0) >= 0.6 * half:
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if "\x00" not in text else None
    return None


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
