"""Which supported language an article is in.

Most articles are told apart by their function words alone (``markers`` of
quizgen/lang/<lang>/detect.yaml): that costs a few microseconds. Only a sample without a
clear-cut count goes to py3langid, restricted to the supported languages plus close relatives
that map onto one of them (Malay -> Indonesian). Its model is loaded once, lazily (about half
a second, paid by every process that needs it), so a pool worker that never meets an
ambiguous article never loads it.
"""

from __future__ import annotations

import re
from functools import cache

from quizgen.lang import LANGUAGES, data

# Detector labels that count as one of ours.
_ALIASES = {"ms": "id"}
# characters: plenty to tell id from en (no article of the test corpora changes language at
# 200), and detection stays cheap: the model's walk over its 40 MB table misses the CPU cache
# on every byte, so it costs about 1 microsecond per character.
_SAMPLE = 400
# A language wins on markers alone with at least this many (of this many different words:
# "Back To Top" repeated is no English), and at least this many times the markers of any other
# language; otherwise the model decides.
_MIN_MARKERS = 4
_MIN_DISTINCT = 3
_MARGIN = 4
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(LANGUAGES) + list(_ALIASES))
    return identifier


@cache
def _markers() -> dict[str, str]:
    """Marker word -> its language; a word listed by two languages marks neither."""
    owner: dict[str, str] = {}
    shared: set[str] = set()
    for lang in LANGUAGES:
        for word in data(lang, "detect").get("markers") or []:
            word = str(word).casefold()
            if owner.get(word, lang) != lang:
                shared.add(word)
            owner[word] = lang
    return {w: lang for w, lang in owner.items() if w not in shared}


def by_markers(sample: str) -> str | None:
    """The language whose markers clearly dominate ``sample``, else None (ask the model)."""
    markers = _markers()
    counts = dict.fromkeys(LANGUAGES, 0)
    seen: set[str] = set()
    for word in _WORD.findall(sample.casefold()):
        lang = markers.get(word)
        if lang is not None:
            counts[lang] += 1
            seen.add(word)
    best = max(LANGUAGES, key=counts.__getitem__)
    top = counts[best]
    distinct = sum(markers[w] == best for w in seen)
    if top >= _MIN_MARKERS and distinct >= _MIN_DISTINCT and all(
        c * _MARGIN <= top for lang, c in counts.items() if lang != best
    ):
        return best
    return None


def detect_language(text: str, default: str = LANGUAGES[0]) -> str:
    """``"id"`` or ``"en"`` for ``text``; ``default`` when there is no text to judge."""
    sample = text[:_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return default
    clear = by_markers(sample)
    if clear is not None:
        return clear
    label, _score = _identifier().classify(sample)
    return _ALIASES.get(label, label)
