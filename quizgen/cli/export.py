"""``quizgen export``: write a deck's enabled questions for Anki, Moodle (GIFT), Aiken or CSV."""

from __future__ import annotations

import click

FORMAT_NAMES = ("anki", "gift", "aiken", "csv")  # kept in step with quizgen.export.FORMATS


@click.command("export")
@click.argument("deck_path", metavar="DECK.yaml", type=click.Path(dir_okay=False))
@click.option("--format", "-f", "fmt", type=click.Choice(FORMAT_NAMES), default="anki",
              show_default=True, help="Output format.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False), default=None,
              help="Output file (default: beside the deck, e.g. DECK.apkg, DECK.gift.txt).")
@click.option("--card-style", type=click.Choice(("mc", "basic")), default=None,
              help="Anki only: mc = multiple choice (default), basic = question -> answer.")
def command(deck_path: str, fmt: str, output: str | None, card_style: str | None) -> None:
    """Export the enabled questions of DECK.yaml.

    \b
    Examples:
      quizgen export deck.yaml                      # deck.apkg for Anki
      quizgen export deck.yaml --card-style basic -o basic.apkg   # question -> answer cards
      quizgen export deck.yaml -f gift -o quiz.txt  # Moodle GIFT
    """
    from quizgen.deck import load_deck
    from quizgen.errors import QuizgenError
    from quizgen.export import default_path, export

    options = {}
    if card_style is not None:
        if fmt != "anki":
            raise QuizgenError(f"--card-style applies to --format anki, not {fmt}")
        options["card_style"] = card_style
    deck = load_deck(deck_path)
    out = output or str(default_path(deck_path, fmt))
    count = export(deck, fmt, out, deck_path=deck_path, **options)
    noun = "question" if count == 1 else "questions"
    click.echo(f"Wrote {count} {noun} to {out}")
