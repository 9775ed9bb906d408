"""Placeholders in user templates: ``{name}`` with a plain name, nothing else.

User templates are data, never code: ``str.format`` would allow ``{speaker.__class__}``
or ``{x[0]}``, so stems are parsed with a strict pattern and substituted here.
``{{`` and ``}}`` stand for literal braces.
"""

from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"[a-z][a-z_]*\Z")


class PlaceholderError(ValueError):
    """A malformed placeholder; the message is one line for the user."""


def names(text: str) -> list[str]:
    """The placeholder names used in ``text``, in order; raises PlaceholderError if one is bad."""
    return list(_names(text))


@lru_cache(maxsize=4096)  # templates are few, questions many: each text is parsed once
def _names(text: str) -> tuple[str, ...]:
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
    return tuple(found)


_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'


def quoted(text: str) -> frozenset[str]:
    """The placeholders ``text`` puts between double quotation marks (``"{cloze}"``,
    ``“{quote}”``): their values are nested quotations, whose own marks must become single
    ones (names must have been checked with ``names``)."""
    return _quoted(text)


@lru_cache(maxsize=4096)
def _quoted(text: str) -> frozenset[str]:
    literals, found = _plan(text)
    inside, out = False, set()
    for name, literal in zip(found, literals, strict=False):
        for c in literal:
            if c == _STRAIGHT:
                inside = not inside
            elif c == _OPEN:
                inside = True
            elif c == _CLOSE:
                inside = False
        if inside and name is not None:
            out.add(name)
    return frozenset(out)


def render(text: str, values: dict[str, str]) -> str:
    """Substitute ``{name}`` from ``values`` (names must have been checked with ``names``)."""
    literals, found = _plan(text)
    out = [literals[0]]
    for name, literal in zip(found, literals[1:], strict=True):
        out.append(values[name])
        out.append(literal)
    return "".join(out)


@lru_cache(maxsize=4096)
def _plan(text: str) -> tuple[tuple[str, ...], tuple[str | None, ...]]:
    """``text`` as its literal pieces and the names between them (one more piece than names;
    a stray brace is a name of None, which no ``values`` has)."""
    literals, found, pos = [""], [], 0
    for m in _TOKEN.finditer(text):
        literals[-1] += text[pos:m.start()]
        pos = m.end()
        if m.group(0) in ("{{", "}}"):
            literals[-1] += m.group(0)[0]
        else:
            found.append(m.group(1))
            literals.append("")
    literals[-1] += text[pos:]
    return tuple(literals), tuple(found)
