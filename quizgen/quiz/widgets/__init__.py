"""Small widgets of the quiz screens."""

from quizgen.quiz.widgets.choice import Choice
from quizgen.quiz.widgets.keybar import KeyBar
from quizgen.quiz.widgets.plain import Plain, source_content
from quizgen.quiz.widgets.progress import Progress

__all__ = ["Choice", "KeyBar", "Plain", "Progress", "source_content"]
