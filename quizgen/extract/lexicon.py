"""Turn word lists from the language data into regular-expression pieces.

Shared by the date, count and clause grammars so every list is matched the same way:
longest entry first, any run of whitespace where the data has a space, whole words only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """``a|b|c`` for a regex group, longest first so "dini hari" wins over "dini"."""
    unique = sorted({str(w).strip() for w in words if str(w).strip()}, key=len, reverse=True)
    if not unique:
        return "(?!)"  # matches nothing
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


def words_re(words: Iterable[str]) -> str:
    """A non-capturing group matching one of ``words`` as whole words."""
    return rf"(?<![\w-])(?:{alternation(words)})(?![\w-])"


def lower_set(words: Iterable[str] | None) -> frozenset[str]:
    """Lower-cased entries with single spaces, for membership tests."""
    return frozenset(" ".join(str(w).lower().split()) for w in (words or []))


def squash(text: str) -> str:
    """Lower case with single spaces (how phrases are compared with ``lower_set`` entries)."""
    return " ".join(text.lower().split())
