"""``quizgen quiz DECK.yaml``: take a quiz in the terminal (``python app.py`` uses the same code).

The deck is read and checked before the terminal UI starts (``quizgen.quiz.launch``), so a
missing, malformed or empty deck is a one-line error on stderr (exit 1) rather than a broken
screen. Textual is imported only once the deck is known to be good.
"""

from __future__ import annotations

import gc

import click

from quizgen.errors import QuizgenError
from quizgen.quiz.launch import launch, prepare

__all__ = ["command", "launch", "make_command", "prepare"]
UI_LANGUAGES = ("id", "en")


def make_command(default_deck: str | None = None) -> click.Command:
    """The quiz command; ``default_deck`` makes the DECK argument optional (for app.py)."""

    @click.command(name="quiz", context_settings={"help_option_names": ["-h", "--help"]})
    @click.argument("deck", type=click.Path(dir_okay=False), required=default_deck is None,
                    default=default_deck)
    @click.option("-n", "--count", type=click.IntRange(min=1), default=None,
                  help="How many questions to ask (default: 10; at most the deck's questions "
                       "of the kinds chosen, which the quiz says when it cuts -n down).")
    @click.option("-k", "--kind", "kinds", multiple=True, metavar="KIND",
                  help="Only questions of this kind (repeatable; default: all kinds).")
    @click.option("--seed", type=int, default=None,
                  help="Seed for choosing questions: the same seed gives the same quiz.")
    @click.option("--ui-lang", type=click.Choice(UI_LANGUAGES), default=None,
                  help="Language of the UI (default: the deck's language).")
    @click.option("--twins", is_flag=True,
                  help="Also ask questions that give another of the quiz away (two of one "
                       "fact or one sentence); by default one of them is asked.")
    def command(deck: str, count: int | None, kinds: tuple[str, ...], seed: int | None,
                ui_lang: str | None, twins: bool) -> None:
        """Take a multiple-choice quiz on DECK in the terminal."""
        try:
            app = launch(deck, kinds, count=count, seed=seed, ui_lang=ui_lang, twins=twins)
        except QuizgenError as exc:
            raise click.ClickException(str(exc)) from None
        try:
            app.run()
        finally:
            gc.enable()
        if app.return_code:  # the app crashed (Textual printed the traceback): say so
            raise SystemExit(app.return_code)

    return command


command = make_command()
