"""Which supported language an article is in, by py3langid restricted to our languages.

The model is loaded once, lazily (about a second), and asked to choose only among the
supported languages plus close relatives that map onto one of them (Malay -> Indonesian).
"""

from __future__ import annotations

from functools import cache

from quizgen.lang import LANGUAGES

# Detector labels that count as one of ours.
_ALIASES = {"ms": "id"}
# characters: plenty to tell id from en (no article of the test corpora changes language at
# 200), and detection stays cheap: the model's walk over its 40 MB table misses the CPU cache
# on every byte, so it costs about 1 microsecond per character.
_SAMPLE = 400


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(LANGUAGES) + list(_ALIASES))
    return identifier


def detect_language(text: str, default: str = LANGUAGES[0]) -> str:
    """``"id"`` or ``"en"`` for ``text``; ``default`` when there is no text to judge."""
    sample = text[:_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return default
    label, _score = _identifier().classify(sample)
    return _ALIASES.get(label, label)
