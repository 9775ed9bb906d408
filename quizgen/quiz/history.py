"""Answer history in SQLite: every answer is kept, so missed questions can come back more often.

The history is a convenience, never a reason to stop a quiz: if the file is locked, missing,
unwritable or corrupt, the problem is reported once through ``on_problem(path, reason)`` and the
quiz goes on
without it (the file itself is left alone, so nothing is lost).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

ENV_VAR = "QUIZGEN_DATA_DIR"
FILENAME = "history.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    deck TEXT NOT NULL,
    question TEXT NOT NULL,
    choice INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    seconds REAL NOT NULL,
    answered_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_deck ON answers (deck, question);
CREATE TABLE IF NOT EXISTS quizzes (
    id INTEGER PRIMARY KEY,
    deck TEXT NOT NULL,
    score INTEGER NOT NULL,
    total INTEGER NOT NULL,
    seconds REAL NOT NULL,
    finished_at REAL NOT NULL
);
"""


def data_dir() -> Path:
    """``$QUIZGEN_DATA_DIR`` if set, else the platform's per-user data folder."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    import platformdirs  # only needed when the override is absent

    return Path(platformdirs.user_data_dir("quizgen", appauthor=False))


def default_path() -> Path:
    return data_dir() / FILENAME


class History:
    """Reads and writes the answer history; every method degrades to a no-op after a problem."""

    def __init__(
        self,
        path: str | os.PathLike | None = None,
        on_problem: Callable[[Path, str], None] | None = None,
        timeout: float = 0.5,
    ):
        self.path = Path(path) if path is not None else default_path()
        self.on_problem = on_problem
        self.problem: str | None = None
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # opened in a worker thread, then used by the app's thread (never both at once)
            db = sqlite3.connect(self.path, timeout=timeout, check_same_thread=False)
            try:
                db.executescript(_SCHEMA)
            except BaseException:
                db.close()
                raise
            self._db = db
        except (sqlite3.Error, OSError) as exc:
            self._fail(exc)

    @property
    def ok(self) -> bool:
        return self._db is not None

    def _fail(self, exc: BaseException) -> None:
        reason = str(exc) or type(exc).__name__
        self.problem = reason
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        if self.on_problem is not None:
            self.on_problem(self.path, reason)

    def record(self, deck: str, question: str, choice: int, correct: bool, seconds: float,
               when: float | None = None) -> None:
        """Store one answer (committed at once, so a crash loses at most the current one)."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute(
                    "INSERT INTO answers (deck, question, choice, correct, seconds, answered_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (deck, question, choice, int(correct), seconds,
                     time.time() if when is None else when),
                )
        except sqlite3.Error as exc:
            self._fail(exc)

    def record_quiz(self, deck: str, score: int, total: int, seconds: float) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute(
                    "INSERT INTO quizzes (deck, score, total, seconds, finished_at)"
                    " VALUES (?, ?, ?, ?, ?)", (deck, score, total, seconds, time.time()))
        except sqlite3.Error as exc:
            self._fail(exc)

    def answers(self, deck: str) -> list[tuple[str, int, bool, float, float]]:
        """(question, choice, correct, seconds, answered_at) for ``deck``, oldest first."""
        if self._db is None:
            return []
        try:
            rows = self._db.execute(
                "SELECT question, choice, correct, seconds, answered_at FROM answers"
                " WHERE deck = ? ORDER BY id", (deck,)).fetchall()
        except sqlite3.Error as exc:
            self._fail(exc)
            return []
        return [(q, c, bool(ok), s, t) for q, c, ok, s, t in rows]

    def record_by_question(self, deck: str) -> dict[str, tuple[int, int]]:
        """Question id -> (times right, times wrong), for weighting the next selection."""
        if self._db is None:
            return {}
        try:
            # counts of the rows that hold a plain 1 or 0: a row edited or broken by hand
            # (NULL, text, 7) is not an answer, and never a reason to stop the quiz
            rows = self._db.execute(
                "SELECT question, SUM(correct IS 1), SUM(correct IS 0) FROM answers"
                " WHERE deck = ? GROUP BY question", (deck,)).fetchall()
        except sqlite3.Error as exc:
            self._fail(exc)
            return {}
        return {q: (r, w) for q, r, w in rows if r or w}

    def scores(self, deck: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The (score, total) of the last finished quiz on ``deck`` and of the best one."""
        if self._db is None:
            return None, None
        # only rows a finished quiz can have written: whole numbers, 0 <= score <= total > 0
        # (a row edited or broken by hand is skipped, never a reason to stop the quiz)
        valid = ("deck = ? AND typeof(score) = 'integer' AND typeof(total) = 'integer'"
                 " AND total > 0 AND score BETWEEN 0 AND total")
        try:
            last = self._db.execute(
                f"SELECT score, total FROM quizzes WHERE {valid} ORDER BY id DESC LIMIT 1",
                (deck,)).fetchone()
            best = self._db.execute(
                f"SELECT score, total FROM quizzes WHERE {valid}"
                " ORDER BY CAST(score AS REAL) / total DESC, total DESC, id DESC LIMIT 1",
                (deck,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None, None
        return (tuple(last) if last else None), (tuple(best) if best else None)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
