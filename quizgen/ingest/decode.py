"""Raw bytes -> text: UTF-8 (with or without BOM), UTF-16 (with BOM, or without for Latin
text), UTF-32 with BOM, legacy single-byte encodings (cp1252 ...) via charset-normalizer.

Binary files (NUL bytes, images, PDF, archives) are refused with a one-line error naming the
file, so a stray download in a sources folder never turns into garbage questions. The text
keeps no control characters (terminal escape sequences are removed whole): nothing read from
an article can reach a terminal, a deck or an export as a control code.
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
                return text_only(raw.decode(encoding))
            except UnicodeDecodeError as exc:
                raise QuizgenError(f"cannot decode as {encoding}: {exc.reason}", path) from None
    for magic, what in _MAGIC:
        if raw.startswith(magic):
            raise QuizgenError(f"binary file ({what}), not a text article", path)
    if b"\x00" in raw:
        text = _utf16_without_bom(raw)
        if text is None:
            raise QuizgenError("binary file (contains NUL bytes), not a text article", path)
        return text_only(text)
    controls = len(raw) - len(raw.translate(None, _CONTROL))
    if controls > max(2, len(raw) // 100):
        raise QuizgenError("binary file (control bytes), not a text article", path)
    try:
        return text_only(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        # a UTF-8 file with stray legacy bytes or a pasted legacy paragraph: keep the UTF-8
        # and read just the invalid bytes as cp1252
        return text_only(raw.decode("utf-8", errors=_STRAY))
    return text_only(_legacy(raw, path))


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
    # the five bytes cp1252 leaves undefined are latin-1's C1 controls, removed later
    return "".join(_cp1252_or_latin1(b) for b in chunk), exc.end


def _cp1252_or_latin1(byte: int) -> str:
    one = bytes((byte,))
    try:
        return one.decode("cp1252")
    except UnicodeDecodeError:
        return one.decode("latin-1")


codecs.register_error(_STRAY, _stray_cp1252)

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


# In a legacy file a valid UTF-8 sequence is an accident (a capital "Ã" before a "©"), far rarer
# than one in this many high bytes; a UTF-8 file with a pasted cp1252 paragraph has more.
_INVALID_PER_VALID = 4


def _mostly_utf8(raw: bytes) -> bool:
    """A UTF-8 file with invalid runs in it, not a legacy file: enough valid multi-byte
    sequences for the invalid bytes not to be the file's own encoding."""
    good = len(_UTF8_SEQUENCE.findall(raw))
    bad = raw.decode("utf-8", errors="replace").count("\ufffd")
    return good >= 2 and bad <= _INVALID_PER_VALID * good


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


# Terminal escape sequences are removed whole (a lone "[31m" left behind is noise too): CSI
# (ESC [ or 8-bit CSI, parameters, final byte), terminated OSC/DCS/APC/PM/SOS strings, and
# two-byte escapes; then every other C0 control but tab and newline, DEL and the C1 controls.
_CONTROLS = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]P^_X]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x90\x98\x9b-\x9f\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-~]"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def text_only(text: str) -> str:
    """``text`` with newlines normalised to ``\\n`` and no control characters or escapes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _CONTROLS.sub("", text)
