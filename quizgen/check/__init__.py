"""``quizgen check``: lint a deck (built or hand-edited) for questions a reader would trip on.

``check_deck(deck)`` runs the checks of ``quizgen.check.rules.CHECKS`` on every enabled
question and returns one ``Finding`` per question and check. ``load_for_check(path)`` reads a
deck like ``quizgen.deck.load_deck`` but keeps a question whose answer index is out of range
(the loader refuses the whole deck for it) so that the check can report it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass

from quizgen.check.rules import CHECK_NAMES, CHECKS, Context
from quizgen.check.text import plain
from quizgen.deck import CUT, Deck, load_deck
from quizgen.errors import QuizgenError


@dataclass(frozen=True)
class Finding:
    question: str  # id
    check: str
    reason: str

    def line(self) -> str:
        """``ID  CHECK  reason`` on one line, control characters removed."""
        return f"{plain(self.question)}  {self.check}  {plain(self.reason)}"


def selected(only: Iterable[str] = (), skip: Iterable[str] = ()) -> list[str]:
    """The names of the checks to run, in their usual order."""
    only, skip = set(only), set(skip)
    unknown = (only | skip) - set(CHECK_NAMES)
    if unknown:
        raise QuizgenError(f"unknown check {sorted(unknown)[0]!r} "
                           f"(choose from {', '.join(CHECK_NAMES)})")
    return [n for n in CHECK_NAMES if (not only or n in only) and n not in skip]


def check_deck(deck: Deck, names: Iterable[str] | None = None,
               bad_answer: dict[str, str] | None = None) -> list[Finding]:
    """Findings for the enabled questions, in deck order (then in check order)."""
    wanted = set(CHECK_NAMES if names is None else names)
    ctx = Context(deck, dict(bad_answer or {}))
    questions = deck.enabled
    order = {q.id: i for i, q in enumerate(questions)}
    rank = {name: i for i, name in enumerate(CHECK_NAMES)}
    found: list[Finding] = []
    for check in CHECKS:
        if check.name not in wanted:
            continue
        if check.scope == "deck":
            found += [Finding(qid, check.name, why) for qid, why in check.run(questions, ctx)]
            continue
        for q in questions:
            reasons = list(check.run(q, ctx))
            if reasons:
                found.append(Finding(q.id, check.name, "; ".join(reasons)))
    found.sort(key=lambda f: (order.get(f.question, len(order)), rank[f.check]))
    return found


def _out_of_range(data: object) -> dict[int, str]:
    """Question index -> reason, for the questions whose answer index is not an option."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        return {}
    bad = {}
    for i, raw in enumerate(data["questions"]):
        if not isinstance(raw, dict):
            continue
        options, answer = raw.get("options"), raw.get("answer")
        if isinstance(options, list) and len(options) >= 2 and isinstance(answer, int) \
                and not isinstance(answer, bool) and not 0 <= answer < len(options):
            bad[i] = f"answer {answer} is not an option index (0..{len(options) - 1})"
    return bad


def load_for_check(path: str | os.PathLike) -> tuple[Deck, dict[str, str]]:
    """The deck at ``path`` and {question id: reason} for answers out of range.

    A deck that ``load_deck`` refuses only because of such answers is read again with those
    answers set to 0 (and the questions reported); any other problem is ``load_deck``'s own
    one-line error."""
    try:
        return load_deck(path), {}
    except QuizgenError as first:
        from quizgen import deckcache, yamlio

        try:
            data = yamlio.load_file(path).data
        except QuizgenError:
            raise first from None
        bad = _out_of_range(data)
        if not bad or CUT in first.reason:  # the copy below would hide that the file is cut
            raise
        reasons = {}
        for i, why in bad.items():
            raw = data["questions"][i]
            raw["answer"] = 0
            reasons[str(raw.get("id"))] = why
        with tempfile.TemporaryDirectory(prefix="quizgen-check-") as tmp:
            copy = os.path.join(tmp, "deck.yaml")
            with open(copy, "w", encoding="utf-8") as fh:
                fh.write(yamlio.dump(data))
            saved = os.environ.get(deckcache.ENV_VAR)
            os.environ[deckcache.ENV_VAR] = tmp  # never leave a cached copy of the temp file
            try:
                deck = load_deck(copy)
            except QuizgenError:
                raise first from None
            finally:
                if saved is None:
                    os.environ.pop(deckcache.ENV_VAR, None)
                else:
                    os.environ[deckcache.ENV_VAR] = saved
        return deck, reasons


__all__ = ["CHECKS", "CHECK_NAMES", "Finding", "check_deck", "load_for_check", "selected"]
