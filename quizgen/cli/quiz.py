"""``quizgen quiz DECK.yaml``: take a quiz in the terminal (``python app.py`` uses the same code).

The deck is read and checked before the terminal UI starts, so a missing, malformed or empty
deck is a one-line error on stderr (exit 1) rather than a broken screen. Textual is imported
only once the deck is known to be good.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

import click

from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from quizgen.quiz.app import QuizApp

UI_LANGUAGES = ("id", "en")


def prepare(deck_path: str, kinds: tuple[str, ...]):
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


def make_command(default_deck: str | None = None) -> click.Command:
    """The quiz command; ``default_deck`` makes the DECK argument optional (for app.py)."""

    @click.command(name="quiz", context_settings={"help_option_names": ["-h", "--help"]})
    @click.argument("deck", type=click.Path(dir_okay=False), required=default_deck is None,
                    default=default_deck)
    @click.option("-n", "--count", type=click.IntRange(min=1), default=10, show_default=True,
                  help="How many questions to ask.")
    @click.option("-k", "--kind", "kinds", multiple=True, metavar="KIND",
                  help="Only questions of this kind (repeatable; default: all kinds).")
    @click.option("--seed", type=int, default=None,
                  help="Seed for choosing questions: the same seed gives the same quiz.")
    @click.option("--ui-lang", type=click.Choice(UI_LANGUAGES), default=None,
                  help="Language of the UI (default: the deck's language).")
    def command(deck: str, count: int, kinds: tuple[str, ...], seed: int | None,
                ui_lang: str | None) -> None:
        """Take a multiple-choice quiz on DECK in the terminal."""
        try:
            app = launch(deck, kinds, count=count, seed=seed, ui_lang=ui_lang)
        except QuizgenError as exc:
            raise click.ClickException(str(exc)) from None
        try:
            app.run()
        finally:
            gc.enable()

    return command


command = make_command()
