"""Small widgets of the quiz screens."""

from quizgen.quiz.widgets.choice import Choice
from quizgen.quiz.widgets.form import CountField, KindList
from quizgen.quiz.widgets.keybar import KeyBar
from quizgen.quiz.widgets.plain import Bullets, Plain, feedback_content, source_content
from quizgen.quiz.widgets.status import StatusLine

__all__ = [
    "Bullets", "Choice", "CountField", "KeyBar", "KindList", "Plain", "StatusLine",
    "feedback_content", "source_content",
]
