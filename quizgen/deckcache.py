"""A parsed copy of a big deck, so reopening it (the quiz, a rebuild) skips the YAML parse.

A deck of 200,000 questions is ~300 MB of YAML and takes the better part of a minute to
parse; the same data as JSON lines loads several times faster. The copy lives in the user's
cache folder (``$QUIZGEN_CACHE_DIR`` overrides it), one file per deck path, and starts with
the size and SHA-256 of the deck file it was made from: a deck edited by hand, replaced or
moved no longer matches and is read from its YAML again (and copied anew). Only decks of
at least ``MIN_QUESTIONS`` get a copy; the cache is best effort and never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from quizgen import atomic

ENV_VAR = "QUIZGEN_CACHE_DIR"
MIN_QUESTIONS = 10_000
VERSION = 2  # 2: decks are read without control characters (copies made before kept them)


def cache_dir() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("quizgen", appauthor=False))


def entry(deck_path: str | os.PathLike) -> Path:
    """Where the copy of the deck at ``deck_path`` lives."""
    key = hashlib.sha1(os.path.abspath(deck_path).encode()).hexdigest()[:20]
    return cache_dir() / "decks" / f"{key}.jsonl"


def _digest(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()


def load(deck_path: str | os.PathLike) -> dict[str, Any] | None:
    """The deck's data, if the cache holds a copy of exactly this file; else None."""
    try:
        with open(entry(deck_path), "rb") as fh:
            stamp = json.loads(fh.readline())
            if (stamp.get("version") != VERSION
                    or stamp.get("size") != os.path.getsize(deck_path)
                    or stamp.get("sha256") != _digest(deck_path)):
                return None
            data = json.loads(fh.readline())
            seen: dict[str, str] = {}
            data["questions"] = [_share(json.loads(line), seen) for line in fh]
    except (OSError, ValueError, AttributeError, TypeError, KeyError):
        return None
    return data if len(data["questions"]) == stamp.get("questions") else None


def _share(q: dict[str, Any], seen: dict[str, str]) -> dict[str, Any]:
    """One copy of the texts many questions repeat (template, document, title, evidence), as
    the YAML reader keeps: a big deck's memory is mostly these."""
    one = seen.setdefault
    q["template"], q["kind"] = one(q["template"], q["template"]), one(q["kind"], q["kind"])
    fact = q.get("fact") or {}
    for s in (*q.get("sources", ()), *fact.get("sources", ())):
        for key in ("doc", "title", "text"):
            if key in s:
                s[key] = one(s[key], s[key])
    return q


def store(deck_path: str | os.PathLike, head: dict[str, Any], count: int,
          questions: Iterable[dict[str, Any]]) -> bool:
    """Copy the deck at ``deck_path`` (its head and its ``count`` questions, one JSON line
    each, so the copy is never in memory as a whole)."""
    try:
        stamp = {"version": VERSION, "size": os.path.getsize(deck_path),
                 "sha256": _digest(deck_path), "questions": count}
        with atomic.replacing(entry(deck_path)) as out:
            out.write(json.dumps(stamp).encode() + b"\n")
            out.write(json.dumps(head, ensure_ascii=False).encode() + b"\n")
            out.writelines((json.dumps(q, ensure_ascii=False, separators=(",", ":"))
                            + "\n").encode() for q in questions)
    except (OSError, TypeError, ValueError):  # unwritable cache, a value JSON cannot hold
        return False
    return True
