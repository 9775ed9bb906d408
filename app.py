"""Launch the quizgen terminal quiz (on the bundled example deck unless given a deck)."""

import sys

print("quizgen: the terminal quiz is not built yet (see issue 5).", file=sys.stderr)
sys.exit(2)
