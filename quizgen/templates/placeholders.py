"""Placeholders in user templates: ``{name}`` with a plain name, nothing else.

User templates are data, never code: ``str.format`` would allow ``{speaker.__class__}``
or ``{x[0]}``, so stems are parsed with a strict pattern and substituted here.
``{{`` and ``}}`` stand for literal braces.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[a-z][a-z_]*\Z")


class PlaceholderError(ValueError):
    """A malformed placeholder; the message is one line for the user."""


def names(text: str) -> list[str]:
    """The placeholder names used in ``text``, in order; raises PlaceholderError if one is bad."""
    found: list[str] = []
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok in ("{{", "}}"):
            continue
        if m.group(1) is None:
            raise PlaceholderError(f"stray {tok!r} (write {tok * 2} for a literal brace)")
        name = m.group(1)
        if not _NAME.match(name):
            raise PlaceholderError(
                f"placeholder {{{name}}} is not allowed: use a plain name such as {{speaker}}"
            )
        found.append(name)
    return found


def render(text: str, values: dict[str, str]) -> str:
    """Substitute ``{name}`` from ``values`` (names must have been checked with ``names``)."""

    def sub(m: re.Match[str]) -> str:
        tok = m.group(0)
        if tok == "{{":
            return "{"
        if tok == "}}":
            return "}"
        return values[m.group(1)]

    return _TOKEN.sub(sub, text)
