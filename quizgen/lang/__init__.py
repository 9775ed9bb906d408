"""Per-language knowledge, kept as data: ``quizgen/lang/<code>/<concern>.yaml``.

One concern per file (boilerplate, titles, speech cues, months, numbers, ...), so adding a
language means adding a folder of YAML files, never editing code.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from quizgen.errors import QuizgenError

LANGUAGES = ("id", "en")

try:  # the C loader is several times faster; both are safe loaders
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


@cache
def data(lang: str, concern: str) -> Any:
    """The parsed ``<lang>/<concern>.yaml`` (cached; treat it as read-only)."""
    if lang not in LANGUAGES:
        raise QuizgenError(f"unsupported language {lang!r} (choose from {', '.join(LANGUAGES)})")
    ref = resources.files(__package__).joinpath(lang, f"{concern}.yaml")
    try:
        text = ref.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuizgenError(f"no {concern!r} data for language {lang!r}") from None
    return yaml.load(text, Loader=_Loader)
