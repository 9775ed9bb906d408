"""Loading and validating template sets; every problem names the file and line.

A template set is a YAML mapping ``{language: id, templates: [...]}``; each template::

    id: siapa-berkata          # stable, part of every question id
    fact: quote                # quote | person | date | count
    when: {direct: true}       # optional conditions (see schema.SCHEMAS)
    stem: 'Siapa yang mengatakan, "{quote}"?'
    answer: speaker            # which field of the fact is the answer
    distractors: speakers      # where wrong options come from
    explanation: '{speaker}: "{quote_full}"'
    enabled: true              # optional
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from quizgen import yamlio
from quizgen.errors import QuizgenError
from quizgen.lang import LANGUAGES
from quizgen.templates import placeholders
from quizgen.templates.schema import BOUNDS, GRANULARITIES, SCHEMAS

KEYS = {"id", "fact", "when", "stem", "answer", "distractors", "explanation", "enabled"}
REQUIRED = ("id", "fact", "stem", "answer")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


@dataclass(frozen=True)
class Template:
    id: str
    fact: str
    stem: str
    answer: str
    distractors: str
    explanation: str = ""
    when: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True
    path: str = ""
    line: int | None = None

    @property
    def question_kind(self) -> str:
        return SCHEMAS[self.fact].answers[self.answer][0]


LANGUAGE_NAMES = {"id": "Indonesian", "en": "English"}


def language_name(lang: str | None) -> str:
    """``Indonesian (id)``: a language code as a user reads it."""
    return f"{LANGUAGE_NAMES.get(lang or '', 'unknown')} ({lang})"


@dataclass
class TemplateSet:
    templates: list[Template]
    language: str | None = None  # None: no file says, or the files say different ones
    origin: str = "builtin"  # "builtin" or the path(s) given
    files: dict[str, str | None] = field(default_factory=dict)  # file -> its `language:`

    @property
    def enabled(self) -> list[Template]:
        return [t for t in self.templates if t.enabled]


def builtin_path(lang: str) -> Path:
    ref = resources.files("quizgen.templates").joinpath("builtin", f"{lang}.yaml")
    return Path(str(ref))


def builtin_text(lang: str) -> str:
    try:
        return resources.files("quizgen.templates").joinpath(
            "builtin", f"{lang}.yaml").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuizgenError(f"no built-in templates for language {lang!r}") from None


def load_builtin(lang: str) -> TemplateSet:
    loc = yamlio.load_text(builtin_text(lang), f"<builtin {lang}.yaml>")
    ts = _parse(loc)
    ts.origin = "builtin"
    return ts


def template_files(path: str | os.PathLike) -> list[Path]:
    p = Path(path)
    if p.is_dir():
        files = sorted(x for x in p.iterdir() if x.suffix in (".yaml", ".yml") and x.is_file())
        if not files:
            raise QuizgenError("no template files (*.yaml) in this folder", str(p))
        return files
    if not p.exists():
        raise QuizgenError("no such file", str(p))
    return [p]


def load_templates(path: str | os.PathLike) -> TemplateSet:
    """A template file, or every ``*.yaml`` in a folder, validated as one set."""
    sets = [_parse(yamlio.load_file(f, clean_text=True)) for f in template_files(path)]
    seen: dict[str, Template] = {}
    for ts in sets:
        for t in ts.templates:
            if t.id in seen:
                first = seen[t.id]
                raise QuizgenError(
                    f"duplicate template id {t.id!r} (first at {first.path}:{first.line})",
                    t.path, t.line)
            seen[t.id] = t
    langs = {ts.language for ts in sets if ts.language}
    return TemplateSet(
        templates=[t for ts in sets for t in ts.templates],
        language=sorted(langs)[0] if len(langs) == 1 else None,
        origin=str(path),
        files={f: lang for ts in sets for f, lang in ts.files.items()},
    )


def _parse(loc: yamlio.Located) -> TemplateSet:
    data = loc.data
    if not isinstance(data, dict):
        raise loc.error("a template file is a mapping with a 'templates:' list")
    for key in data:
        if key not in ("language", "templates"):
            raise loc.error(f"unknown key {key!r} (expected 'language' and 'templates')", key)
    lang = data.get("language")
    if lang is not None and not isinstance(lang, str):
        raise loc.error("'language' must be text such as id or en", "language")
    if lang is not None and lang not in LANGUAGES:
        raise loc.error(f"unknown language {lang!r} (known: {', '.join(sorted(LANGUAGES))})",
                        "language")
    items = data.get("templates")
    if not isinstance(items, list):
        raise loc.error("'templates' must be a list of templates", "templates")
    out: list[Template] = []
    ids: set[str] = set()
    for i, raw in enumerate(items):
        t = _template(loc, i, raw)
        if t.id in ids:
            raise loc.error(f"duplicate template id {t.id!r}", "templates", i, "id")
        ids.add(t.id)
        out.append(t)
    return TemplateSet(templates=out, language=lang, files={loc.path: lang})


def _template(loc: yamlio.Located, i: int, raw: Any) -> Template:
    where: tuple[str | int, ...] = ("templates", i)

    def fail(msg: str, *keys: str | int) -> QuizgenError:
        return loc.error(msg, *where, *keys)

    if not isinstance(raw, dict):
        raise fail(f"template {i + 1} is not a mapping")
    tid = raw.get("id")
    name = f"template {tid!r}" if isinstance(tid, str) else f"template {i + 1}"
    for key in raw:
        if key not in KEYS:
            raise fail(f"{name}: unknown key {key!r} (allowed: {', '.join(sorted(KEYS))})", key)
    for key in REQUIRED:
        if key not in raw:
            raise fail(f"{name}: missing key {key!r}")
    for key in ("id", "fact", "stem", "answer", "distractors", "explanation"):
        if key in raw and not isinstance(raw[key], str):
            raise fail(f"{name}: {key!r} must be text", key)
    if not _ID.match(tid):
        raise fail(f"{name}: id must be lowercase letters, digits and dashes", "id")
    kind = raw["fact"]
    if kind not in SCHEMAS:
        raise fail(f"{name}: unknown fact kind {kind!r} (choose from {', '.join(SCHEMAS)})",
                   "fact")
    schema = SCHEMAS[kind]
    answer = raw["answer"]
    if answer not in schema.answers:
        raise fail(f"{name}: a {kind} fact has no answer {answer!r} "
                   f"(choose from {', '.join(schema.answers)})", "answer")
    _kind, reveals, sources = schema.answers[answer]
    distractors = raw.get("distractors", sources[0])
    if distractors not in sources:
        raise fail(f"{name}: distractors {distractors!r} do not fit answer {answer!r} "
                   f"(choose from {', '.join(sources)})", "distractors")
    for key in ("stem", "explanation"):
        text = raw.get(key, "")
        try:
            used = placeholders.names(text)
        except placeholders.PlaceholderError as exc:
            raise fail(f"{name}: {exc}", key) from None
        for p in used:
            if p not in schema.placeholders:
                raise fail(f"{name}: unknown placeholder {{{p}}} for a {kind} fact "
                           f"(known: {', '.join(schema.placeholders)})", key)
            if key == "stem" and p in reveals:
                raise fail(f"{name}: the stem uses {{{p}}}, which gives the answer away", key)
    if not raw["stem"].strip():
        raise fail(f"{name}: 'stem' is empty", "stem")
    enabled = raw.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail(f"{name}: 'enabled' must be true or false", "enabled")
    when = raw.get("when") or {}
    if not isinstance(when, dict):
        raise fail(f"{name}: 'when' must be a mapping of conditions", "when")
    for cond, value in when.items():
        typ = schema.conditions.get(cond)
        if typ is None:
            known = ", ".join(schema.conditions) or "none"
            raise fail(f"{name}: unknown condition {cond!r} for a {kind} fact (known: {known})",
                       "when", cond)
        if not isinstance(value, typ) or (typ is int and isinstance(value, bool)):
            raise fail(f"{name}: condition {cond!r} must be "
                       f"{ {bool: 'true or false', int: 'a whole number', list: 'a list'}[typ]}",
                       "when", cond)
        if typ is list and not all(isinstance(v, str) for v in value):
            raise fail(f"{name}: condition {cond!r} must be a list of text", "when", cond)
        allowed = {"granularity": GRANULARITIES, "bound": BOUNDS}.get(cond)
        if allowed and any(v not in allowed for v in value):
            raise fail(f"{name}: condition {cond!r} takes {', '.join(allowed)}", "when", cond)
    return Template(
        id=tid, fact=kind, stem=raw["stem"], answer=answer, distractors=distractors,
        explanation=raw.get("explanation", ""), when=dict(when), enabled=enabled,
        path=loc.path, line=loc.line(*where),
    )
