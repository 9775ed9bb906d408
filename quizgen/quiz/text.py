"""UI strings from ``quizgen/lang/<lang>/ui.yaml``: the UI speaks the deck's language by default."""

from __future__ import annotations

from typing import Any

from quizgen import lang

DEFAULT = "en"  # for decks in a language quizgen has no UI strings for


def ui_language(deck_language: str, override: str | None = None) -> str:
    if override:
        return override
    return deck_language if deck_language in lang.LANGUAGES else DEFAULT


class UIText:
    """``t("key", name=value)`` formats one UI string; ``t.kind(k)`` names a question kind."""

    def __init__(self, language: str):
        self.language = language
        self._data: dict[str, Any] = lang.data(language, "ui")

    def __call__(self, key: str, **values: object) -> str:
        return str(self._data[key]).format(**values)

    def kind(self, kind: str) -> str:
        """The readable name of a question kind (the kind itself if the UI has no name)."""
        return str(self._data.get("kinds", {}).get(kind) or kind or "?")

    def duration(self, seconds: float) -> str:
        seconds = max(0, round(seconds))
        if seconds < 60:
            return self("seconds", s=seconds)
        return self("minutes", m=seconds // 60, s=f"{seconds % 60:02d}")
