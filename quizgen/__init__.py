"""quizgen: turn news articles into multiple-choice quizzes and study cards."""

__version__ = "0.1.0"
