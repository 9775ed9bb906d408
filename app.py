"""Take a quiz in the terminal: ``python app.py [DECK.yaml] [options]`` (see ``--help``).

Without a deck it opens the bundled example, found next to this file, so it works from any
working directory.
"""

import sys
from pathlib import Path

EXAMPLE_DECK = Path(__file__).resolve().parent / "decks" / "putin-vietnam-2024" / "deck.yaml"

if __name__ == "__main__":
    if len(sys.argv) > 1:  # a deck or options: the quiz command parses them
        from quizgen.cli.quiz import make_command

        make_command(default_deck=str(EXAMPLE_DECK)).main(prog_name="python app.py")
    else:  # plain `python app.py`: nothing to parse, so the first question comes ~10 ms sooner
        from quizgen.quiz.launch import main

        sys.exit(main(str(EXAMPLE_DECK)))
