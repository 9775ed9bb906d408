"""Start the quiz without any command-line machinery: ``python app.py`` with no arguments,
``quizgen quiz`` (after click has parsed its options) and the start-up benchmark all come here.

The deck is read and checked before Textual is even imported, so a missing, malformed or empty
deck is a one-line QuizgenError rather than a broken screen.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING, Any

from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from quizgen.deck import Deck
    from quizgen.quiz.app import QuizApp


def prepare(deck_path: str, kinds: tuple[str, ...] = ()) -> Deck:
    """Load the deck and check it has questions (of the asked kinds); QuizgenError otherwise."""
    from quizgen.deck import load_deck
    from quizgen.quiz.session import MAX_OPTIONS, askable

    deck = load_deck(deck_path)
    available = {q.kind for q in deck.questions if askable(q)}
    if not available:
        raise QuizgenError(
            "the deck has no enabled questions (with at most "
            f"{MAX_OPTIONS} options), nothing to ask", deck_path)
    unknown = [k for k in kinds if k not in available]
    if unknown:
        raise QuizgenError(
            f"no questions of kind {', '.join(map(repr, unknown))} in this deck "
            f"(kinds: {', '.join(sorted(available))})", deck_path)
    return deck


def launch(deck_path: str, kinds: tuple[str, ...] = (), **options: Any) -> QuizApp:
    """The app for ``deck_path``, ready to run: what ``python app.py`` and the benchmark start.

    The garbage collector is paused while the deck and Textual load (start-up makes hundreds of
    thousands of objects and no garbage worth a full collection); the app resumes it, with the
    start-up objects frozen, once the start screen is painted.
    """
    gc.disable()
    try:
        deck = prepare(deck_path, kinds)
        from quizgen.quiz.app import QuizApp

        return QuizApp(deck, deck_path, kinds=list(kinds) or None, **options)
    except BaseException:
        gc.enable()
        raise


def main(deck_path: str) -> int:
    """Run the quiz on ``deck_path`` with default choices: plain ``python app.py``.

    A bad deck is one line on stderr and exit status 1, as ``quizgen quiz`` reports it.
    """
    try:
        app = launch(deck_path)
    except QuizgenError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    try:
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0  # non-zero when the app crashed
