import sqlite3

from quizgen.quiz import history
from quizgen.quiz.history import FILENAME, History


def test_data_dir_follows_the_environment(data_dir):
    assert history.data_dir() == data_dir
    assert history.default_path() == data_dir / FILENAME


def test_without_the_override_it_uses_the_platform_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv("QUIZGEN_DATA_DIR")
    expected = platformdirs.user_data_dir("quizgen", appauthor=False)
    assert str(history.data_dir()) == expected  # only computed, never created here


def test_answers_are_written_and_read_back(tmp_path):
    path = tmp_path / "h.sqlite3"
    h = History(path)
    assert h.ok and h.problem is None
    h.record("deck-a", "q1", 2, True, 3.5, when=100.0)
    h.record("deck-a", "q2", 0, False, 7.0, when=101.0)
    h.record("deck-a", "q2", 1, True, 2.0, when=102.0)
    h.record("deck-b", "q1", 0, False, 1.0, when=103.0)
    h.close()
    again = History(path)
    assert again.answers("deck-a") == [("q1", 2, True, 3.5, 100.0), ("q2", 0, False, 7.0, 101.0),
                                       ("q2", 1, True, 2.0, 102.0)]
    assert again.record_by_question("deck-a") == {"q1": (1, 0), "q2": (1, 1)}
    assert again.record_by_question("deck-b") == {"q1": (0, 1)}


def test_last_and_best_scores(tmp_path):
    h = History(tmp_path / "h.sqlite3")
    assert h.scores("d") == (None, None)
    h.record_quiz("d", 3, 10, 60.0)
    h.record_quiz("d", 9, 10, 50.0)
    h.record_quiz("d", 2, 4, 20.0)
    assert h.scores("d") == ((2, 4), (9, 10))
    assert h.scores("other") == (None, None)


def test_missing_folder_is_created(tmp_path):
    h = History(tmp_path / "new" / "deeper" / FILENAME)
    assert h.ok
    h.record("d", "q", 0, True, 1.0)
    assert h.answers("d")


def test_corrupt_file_is_reported_and_left_alone(tmp_path):
    path = tmp_path / FILENAME
    junk = b"this is not a database at all\x00" * 100
    path.write_bytes(junk)
    problems = []
    h = History(path, on_problem=lambda p, reason: problems.append((p, reason)))
    assert not h.ok
    assert problems and problems[0][0] == path and "not a database" in problems[0][1]
    # every call is now a harmless no-op
    h.record("d", "q", 0, True, 1.0)
    h.record_quiz("d", 1, 1, 1.0)
    assert h.answers("d") == [] and h.record_by_question("d") == {}
    assert h.scores("d") == (None, None)
    assert path.read_bytes() == junk  # nothing lost


def test_locked_file_is_reported_not_fatal(tmp_path):
    path = tmp_path / FILENAME
    History(path).close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    problems = []
    try:
        h = History(path, on_problem=lambda p, reason: problems.append(reason), timeout=0.05)
        h.record("d", "q", 0, True, 1.0)
    finally:
        holder.rollback()
        holder.close()
    assert problems and "locked" in problems[0]


def test_unusable_folder_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    problems = []
    h = History(blocker / FILENAME, on_problem=lambda p, reason: problems.append(reason))
    assert not h.ok and len(problems) == 1


LOOSE_SCHEMA = """
CREATE TABLE answers (id INTEGER PRIMARY KEY, deck, question, choice, correct, seconds,
                      answered_at);
CREATE TABLE quizzes (id INTEGER PRIMARY KEY, deck, score, total, seconds, finished_at);
"""


def hand_edited(path, quizzes=(), answers=(), deck="d"):
    """A valid SQLite history that holds what no quiz writes: made by another tool, with no
    NOT NULL or types (NULL, text, 0 totals); quizgen keeps existing tables as they are."""
    db = sqlite3.connect(path)
    with db:
        db.executescript(LOOSE_SCHEMA)
        db.executemany("INSERT INTO quizzes (deck, score, total, seconds, finished_at)"
                       " VALUES (?, ?, ?, 1.0, 1.0)", [(deck, *row) for row in quizzes])
        db.executemany("INSERT INTO answers (deck, question, choice, correct, seconds,"
                       " answered_at) VALUES (?, ?, 0, ?, 'slow', 'now')",
                       [(deck, *row) for row in answers])
    db.close()


def test_rows_no_quiz_could_have_written_are_skipped(tmp_path):
    path = tmp_path / FILENAME
    hand_edited(path, [(3, 4), (1, 0)])
    assert History(path).scores("d") == ((3, 4), (3, 4))  # total = 0 is not the last score
    for row in [(None, 4), (3, None), ("seven", 10), ("3", "4"), (5, 4), (-1, 4), (1.5, 4)]:
        path.unlink()
        hand_edited(path, [row])
        assert History(path).scores("d") == (None, None), row


def test_answers_that_are_not_right_or_wrong_do_not_count(tmp_path):
    path = tmp_path / FILENAME
    hand_edited(path, [], [("q1", 1), ("q1", None), ("q1", "yes"), ("q1", 7), ("q1", -3),
                            ("q2", None), ("q3", 0)])
    assert History(path).record_by_question("d") == {"q1": (1, 0), "q3": (0, 1)}
