"""Take a quiz in the terminal: ``python app.py [DECK.yaml] [options]`` (see ``--help``).

Without a deck it opens the bundled example, found next to this file, so it works from any
working directory.
"""

from pathlib import Path

from quizgen.cli.quiz import make_command

EXAMPLE_DECK = Path(__file__).resolve().parent / "decks" / "putin-vietnam-2024" / "deck.yaml"

if __name__ == "__main__":
    make_command(default_deck=str(EXAMPLE_DECK)).main(prog_name="python app.py")
