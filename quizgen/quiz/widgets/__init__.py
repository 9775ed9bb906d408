"""Small widgets of the quiz screens."""

from quizgen.quiz.widgets.choice import Choice
from quizgen.quiz.widgets.plain import Plain, source_content

__all__ = ["Choice", "Plain", "source_content"]
