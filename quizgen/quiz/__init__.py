"""The terminal quiz: pure quiz logic (session), answer history (SQLite) and the Textual app.

Importing this package is cheap; the Textual app lives in ``quizgen.quiz.app`` and is only
imported when a quiz is actually started.
"""
