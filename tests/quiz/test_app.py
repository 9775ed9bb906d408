"""Drive the whole app through the Pilot: keys, mouse, feedback, results, retry, quitting."""

from __future__ import annotations

import asyncio

from quizgen.quiz.history import FILENAME, History
from quizgen.quiz.screens.confirm import ConfirmQuit
from quizgen.quiz.screens.help import HelpScreen
from quizgen.quiz.screens.question import QuestionScreen
from quizgen.quiz.screens.results import ResultsScreen
from quizgen.quiz.screens.start import StartScreen
from quizgen.quiz.session import LETTERS
from quizgen.quiz.widgets import Choice, CountField, KindList, StatusLine

SIZE = (80, 24)
ID_DECK, EN_DECK = "pelabuhan-id", "harbour-en"


def text(widget) -> str:
    """The plain text a Static shows."""
    return str(widget.content)


def wrong_index(question) -> int:
    return (question.answer + 1) % len(question.options)


async def answer_all(pilot, pick) -> list:
    """Answer every question with the key `pick(question)` returns, then go on with Enter."""
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen)
    asked = []
    while isinstance(pilot.app.screen, QuestionScreen):
        q = pilot.app.screen.session.current
        asked.append(q)
        await pilot.press(pick(q))
        await pilot.press("enter")
    return asked


async def test_whole_quiz_by_keys_with_feedback_and_results(make_app, data_dir):
    app = make_app(ID_DECK, count=4)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        assert screen.session.total == 4
        first = screen.session.current
        assert text(screen.query_one("#stem")) == first.stem
        assert screen.query_one(StatusLine).left == "Soal 1 dari 4"
        # a wrong answer by number key: both options marked, explanation and source shown
        wrong = wrong_index(first)
        await pilot.press(str(wrong + 1))
        states = {c.index: c.state for c in screen.query(Choice)}
        assert states[first.answer] == "correct" and states[wrong] == "wrong"
        feedback = screen.query_one("#feedback")
        assert feedback.display
        shown = text(feedback)
        verdict = shown.splitlines()[0]
        assert verdict.startswith("✗ Salah.") and first.correct in verdict
        assert LETTERS[first.answer] in verdict
        assert first.explanation in shown
        assert first.sources[0].title in shown and first.sources[0].text in shown
        assert screen.query_one(StatusLine).right == "Skor 0/1"
        # answer keys do nothing once answered; N goes on
        await pilot.press("a")
        assert len(screen.session.answers) == 1
        await pilot.press("n")
        second = screen.session.current
        assert second is not first and not screen.query_one("#feedback").display
        # a right answer by letter key, then Space goes on
        await pilot.press(LETTERS[second.answer].lower())
        assert text(screen.query_one("#feedback")).startswith("✓ Benar")
        assert screen.query_one(StatusLine).right == "Skor 1/2"
        await pilot.press("space")
        # arrow keys + Enter
        third = screen.session.current
        for _ in range(third.answer):
            await pilot.press("down")
        await pilot.press("down", "up")
        await pilot.press("enter")
        assert screen.session.answers[-1].choice == third.answer
        await pilot.press("enter")
        fourth = screen.session.current
        await pilot.press(str(wrong_index(fourth) + 1), "enter")
        results = app.screen
        assert isinstance(results, ResultsScreen)
        r = results.results
        assert (r.score, r.total, r.percent) == (2, 4, 50)
        assert [a.question.id for a in r.missed] == [first.id, fourth.id]
        assert "2/4 (50%)" in text(results.query_one("#summary"))
        missed = [text(w) for w in results.query(".missed-right")]
        assert missed == [f"✓ Jawaban benar: {LETTERS[q.answer]}. {q.correct}"
                          for q in (first, fourth)]
    history = History(data_dir / FILENAME)
    rows = history.answers(app.deck_key)
    assert [(q, ok) for q, _, ok, _, _ in rows] == [(first.id, False), (second.id, True),
                                                   (third.id, True), (fourth.id, False)]
    assert all(seconds > 0 for *_, seconds, _ in rows)
    assert history.scores(app.deck_key) == ((2, 4), (2, 4))


async def test_whole_quiz_by_mouse(make_app, data_dir):
    app = make_app(EN_DECK, count=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#start")
        screen = app.screen
        assert isinstance(screen, QuestionScreen)
        for _ in range(3):
            q = screen.session.current
            choices = {c.index: c for c in screen.query(Choice)}
            await pilot.click(choices[q.answer])
            assert screen.session.answers[-1].choice == q.answer
            assert text(screen.query_one("#feedback")).startswith("✓ Correct")
            await pilot.press("enter")
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.results.score == 3
        assert not app.screen.query("#retry")  # nothing to retry
        await pilot.click("#new")
        assert isinstance(app.screen, StartScreen)
        assert "3/3 (100%)" in text(app.screen.query_one("#scores"))


async def test_retry_the_missed_ones(make_app):
    app = make_app(ID_DECK, count=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        asked = await answer_all(pilot, lambda q: str(wrong_index(q) + 1))
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("r")
        retry = app.screen
        assert isinstance(retry, QuestionScreen)
        assert [q.id for q in retry.session.questions] == [q.id for q in asked]
        # the correct option has moved, so the retry tests the answer, not its position
        for before, now in zip(asked, retry.session.questions, strict=True):
            assert now.answer != before.answer and now.correct == before.correct
        again = await answer_all(pilot, lambda q: LETTERS[q.answer].lower())
        assert len(again) == 3
        assert app.screen.results.score == 3
        await pilot.press("n")
        assert isinstance(app.screen, StartScreen)
        # the retry's answers are kept, but last and best stay those of the real quiz
        assert text(app.screen.query_one("#scores")) == (
            "Skor terakhir: 0/3 (0%)   Skor terbaik: 0/3 (0%)")
        answers = app.history.answers(app.deck_key)
        assert len(answers) == 6
        deck = {q.id: q for q in app.deck.questions}  # choices are kept as deck indexes
        assert [c == deck[qid].answer for qid, c, ok, *_ in answers] == [False] * 3 + [True] * 3


async def test_start_screen_chooses_count_and_kinds(make_app):
    app = make_app(ID_DECK)
    async with app.run_test(size=SIZE) as pilot:
        start = app.screen
        assert text(start.query_one("#title")) == app.deck.title
        kinds = start.query_one(KindList)
        assert [label for _, label in kinds.items] == [
            "Kutipan (2)", "Tanggal (1)", "Angka (2)", "Tokoh (1)"]
        count = start.query_one(CountField)
        assert count.has_focus and count.value == 6  # default 10, capped by the deck
        await pilot.press("left", "left")
        assert count.value == 4
        await pilot.press("9")  # typed numbers are capped too
        assert count.value == 6
        await pilot.press("backspace", "2")
        assert count.value == 2
        # Tab to the kinds; keep only "count" questions (Space ticks, arrows move)
        await pilot.press("tab", "space", "down", "space", "down", "down", "space")
        assert kinds.selected == ["count"]
        await pilot.press("enter")
        assert isinstance(app.screen, QuestionScreen)
        assert {q.kind for q in app.screen.session.questions} == {"count"}
        assert app.screen.session.total == 2


def burst(app, *keys: str) -> None:
    """Keys arriving together, as a terminal delivers fast typing (the Pilot waits between)."""
    from textual import events

    for key in keys:
        app.post_message(events.Key(key, "\r" if key == "enter" else key))


async def test_fast_typing_is_taken_in_order(make_app):
    app = make_app(ID_DECK)
    async with app.run_test(size=SIZE) as pilot:
        burst(app, "4", "enter")  # the count is typed before Enter starts
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.total == 4
        for _ in range(4):  # answering and going on at once, even past the last question
            burst(app, "1", "enter")
            await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and app.is_running


async def test_start_screen_by_mouse(make_app):
    app = make_app(ID_DECK)
    async with app.run_test(size=SIZE) as pilot:
        kinds = app.screen.query_one(KindList)
        await pilot.click(KindList, offset=(6, 0))  # the first row: "Kutipan"
        assert "quote" not in kinds.selected
        count = app.screen.query_one(CountField)
        assert count.value == 4  # the 4 questions left without the quotes
        await pilot.click(CountField, offset=(1, 0))  # "‹" steps down
        assert count.value == 3
        await pilot.click("#start")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.session.total == 3
        assert "quote" not in {q.kind for q in app.screen.session.questions}


async def test_the_count_offered_follows_the_kinds_ticked(make_app):
    app = make_app(ID_DECK)
    async with app.run_test(size=SIZE) as pilot:
        label, count = app.screen.query_one("#count-label"), app.screen.query_one(CountField)
        assert text(label) == "Jumlah soal (dari 6):" and count.value == 6
        # only "Tanggal (1)": one question to ask, not 6
        await pilot.press("tab", "space", "down", "down", "space", "down", "space")
        assert app.screen.query_one(KindList).selected == ["date"]
        assert text(label) == "Jumlah soal (dari 1):" and count.value == 1
        assert count.render().plain == "‹ 1 ›"
        await pilot.press("up", "space")  # and the numbers: 3 questions
        assert text(label) == "Jumlah soal (dari 3):" and count.value == 3
        await pilot.press("up", "up", "space", "down", "down", "down", "space")  # all again
        assert text(label) == "Jumlah soal (dari 6):" and count.value == 6  # the 10 wanted
    app = make_app(ID_DECK, kinds=["date"])  # -k date
    async with app.run_test(size=SIZE):
        assert text(app.screen.query_one("#count-label")) == "Jumlah soal (dari 1):"


async def test_a_count_cut_down_to_the_deck_is_said(make_app):
    app = make_app(EN_DECK, count=500, kinds=["date"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        available = sum(q.kind == "date" for q in app.deck.questions)
        [note] = list(app._notifications)
        assert note.message == (f"500 questions asked for, but there are only {available} of "
                                f"the chosen kinds: the quiz asks {available}.")
    app = make_app(EN_DECK)  # no -n: the default 10 is not a request to report
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not list(app._notifications)


async def test_start_refuses_no_kind(make_app):
    app = make_app(EN_DECK)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one(KindList).ticked.clear()
        await pilot.press("enter")
        assert isinstance(app.screen, StartScreen)
        assert len(app._notifications) == 1


async def test_quitting_asks_first(make_app):
    app = make_app(EN_DECK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "q")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("n")
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("escape")  # Escape on the dialog means "no"
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("q", "y")
        await pilot.pause()
        assert not app.is_running


async def test_quit_button_on_the_dialog(make_app):
    app = make_app(EN_DECK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.click("#yes")
        await pilot.pause()
        assert not app.is_running


async def test_help_opens_and_closes(make_app):
    app = make_app(EN_DECK)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "1-6 or A-F" in text(app.screen.query_one("#help-text"))
        await pilot.press("escape")
        assert isinstance(app.screen, QuestionScreen)


async def test_ui_language_override(make_app):
    app = make_app(ID_DECK, ui_lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert app.screen.query_one(StatusLine).left.startswith("Question 1 of")


async def test_markup_hostile_text_is_shown_literally(make_app):
    app = make_app(ID_DECK, count=10)
    async with app.run_test(size=SIZE) as pilot:
        assert text(app.screen.query_one("#title")) == "Peresmian Pelabuhan Teluk Harapan [Reuters]"
        await pilot.press("enter")
        screen = app.screen
        seen = set()
        while isinstance(app.screen, QuestionScreen):
            q = screen.session.current
            seen.add(q.id)
            assert text(screen.query_one("#stem")) == q.stem
            shown = [c.text for c in screen.query(Choice)]
            assert shown == q.options
            await pilot.press("1")
            for src in q.sources:
                assert src.text in text(screen.query_one("#feedback"))
            await pilot.press("enter")
        assert {"q-quote-1", "q-quote-2", "q-person-1"} <= seen
        # the rendered screen really contains the brackets
        await pilot.press("n", "enter")
        while app.screen.session.current.id != "q-quote-1":
            await pilot.press("1", "enter")
        await pilot.press("3")  # "Duta Besar [AS]", a wrong answer
        await pilot.pause()
        svg = app.export_screenshot().replace("&#160;", " ")
        for literal in ("[bold]bukan[/]", "Duta Besar [AS]"):
            assert literal in svg


async def test_corrupt_history_warns_and_the_quiz_goes_on(make_app, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / FILENAME).write_bytes(b"garbage" * 200)
    app = make_app(EN_DECK, count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = list(app._notifications)
        assert len(notes) == 1 and notes[0].severity == "warning"
        assert str(data_dir / FILENAME) in notes[0].message
        await pilot.press("enter")
        await answer_all(pilot, lambda q: LETTERS[q.answer])
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.results.score == 2
        await pilot.press("q")
        assert "could not be saved" in text(app.screen.query_one("#confirm-detail"))
    assert (data_dir / FILENAME).read_bytes() == b"garbage" * 200


async def test_history_opens_while_the_start_screen_shows(make_app, data_dir):
    """A slow history delays neither the start screen nor Enter; the scores appear once read."""
    import threading

    app = make_app(EN_DECK, count=1)
    old = History(data_dir / FILENAME)
    old.record_quiz(app.deck_key, 1, 4, 30.0)
    old.record_quiz(app.deck_key, 3, 4, 30.0)
    old.close()
    gate = threading.Event()
    opened = app._open_history

    def slow_open():
        assert gate.wait(10)
        return opened()

    app._open_history = slow_open
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        assert text(app.screen.query_one("#scores")) == "Last score: …   Best score: …"
        # Enter waits for the history (missed questions weigh more), then starts
        asyncio.get_running_loop().call_later(0.05, gate.set)
        await pilot.press("enter")
        assert isinstance(app.screen, QuestionScreen)
        await pilot.press("q", "y")
    app = make_app(EN_DECK)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        scores = text(app.screen.query_one("#scores"))
        assert scores == "Last score: 3/4 (75%)   Best score: 3/4 (75%)"


async def test_missed_questions_come_back_more_often(make_app, data_dir):
    app = make_app(ID_DECK, count=1)
    target = "q-count-2"
    history = History(data_dir / FILENAME)
    for _ in range(6):
        history.record(app.deck_key, target, 0, False, 1.0)
    history.close()
    hits = 0
    for seed in range(12):
        app = make_app(ID_DECK, count=1, seed=seed)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            hits += app.screen.session.current.id == target
    assert hits >= 6  # far above its fair share of 1 in 6 (2 of 12)


async def test_resizing_keeps_the_question_usable(make_app):
    app = make_app(ID_DECK, count=6)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        for size in ((120, 40), (80, 24), (60, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert app.screen.query_one("#stem").size.width > 0
        q = app.screen.session.current
        await pilot.press(LETTERS[q.answer])
        assert app.screen.session.answers[-1].correct


async def test_results_scroll_with_the_keyboard(make_app):
    app = make_app(ID_DECK, count=6)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await answer_all(pilot, lambda q: str(wrong_index(q) + 1))
        body = app.screen.query_one("#results-body")
        assert body.max_scroll_y > 0 and body.scroll_y == 0
        await pilot.press("pagedown")
        assert body.scroll_y > 0
        await pilot.press("pageup")
        assert body.scroll_y == 0


async def test_options_preselect_kinds_and_the_seed_fixes_the_quiz(make_app):
    picked = []
    for _ in range(2):
        app = make_app(ID_DECK, kinds=["quote", "count"], count=3, seed=99)
        async with app.run_test(size=SIZE) as pilot:
            assert set(app.screen.query_one(KindList).selected) == {"quote", "count"}
            assert app.screen.query_one(CountField).value == 3
            await pilot.press("enter")
            picked.append([q.id for q in app.screen.session.questions])
    assert picked[0] == picked[1] and len(picked[0]) == 3


async def test_missing_history_is_created_without_a_warning(make_app, data_dir):
    assert not data_dir.exists()
    app = make_app(EN_DECK, count=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "a", "enter")
        assert isinstance(app.screen, ResultsScreen)
        assert not list(app._notifications)
    assert len(History(data_dir / FILENAME).answers(app.deck_key)) == 1


async def test_locked_history_warns_during_the_quiz_and_it_goes_on(make_app, data_dir):
    import sqlite3

    app = make_app(EN_DECK, count=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        holder = sqlite3.connect(data_dir / FILENAME)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            await pilot.press("a")
            await pilot.pause()
            notes = list(app._notifications)
            assert len(notes) == 1 and "locked" in notes[0].message
            await pilot.press("enter", "b", "enter")
            assert isinstance(app.screen, ResultsScreen)
            assert app.screen.results.total == 2
        finally:
            holder.rollback()
            holder.close()


async def test_long_options_wrap_under_their_text(tmp_path):
    from quizgen.deck import Deck, Question
    from quizgen.quiz.app import QuizApp

    long = "sebuah pilihan jawaban yang sangat panjang [AS] " * 4
    q = Question(id="q", template="t", kind="quote", stem="Pilih [/]", options=[long, "pendek"],
                 answer=1)
    app = QuizApp(Deck(title="Uji", language="id", questions=[q]), tmp_path / "d.yaml", seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        first = app.screen.query(Choice).first()
        assert first.size.height >= 3
        lines = [str(line) for line in first.render().split("\n")]
        assert lines[0].startswith("▶ A  sebuah")
        assert all(line.startswith("     ") and line.strip() for line in lines[1:])
        assert "".join(line.strip() + " " for line in lines).split() == [
            word for word in ["▶", "A", *long.split()]]


async def test_long_source_titles_hang_under_their_text(tmp_path):
    from quizgen.deck import Deck, DeckSource, Question
    from quizgen.quiz.app import QuizApp
    from quizgen.quiz.widgets import Bullets

    title = "Judul artikel yang panjang sekali [Reuters] " * 3
    q = Question(id="q", template="t", kind="date", stem="s", options=["a", "b"], answer=0)
    deck = Deck(title="Uji", language="id", questions=[q],
                sources=[DeckSource(path="a.txt", sha256="0", title=title)])
    app = QuizApp(deck, tmp_path / "d.yaml")
    async with app.run_test(size=SIZE):
        lines = str(app.screen.query_one(Bullets).render()).split("\n")
        assert len(lines) >= 2 and lines[0].startswith("• Judul")
        assert all(line.startswith("  ") and not line.startswith("   ") for line in lines[1:])


async def test_control_characters_in_a_deck_never_reach_the_screen(data_dir):
    import html
    from pathlib import Path

    from quizgen.deck import load_deck
    from quizgen.quiz.app import QuizApp

    path = Path(__file__).resolve().parents[1] / "fixtures" / "hostile" / "control-characters.yaml"
    app = QuizApp(load_deck(path), path, seed=1)

    def screen() -> str:
        return html.unescape(app.export_screenshot()).replace("\xa0", " ")

    async with app.run_test(size=SIZE) as pilot:
        screens = [screen()]
        await pilot.press("enter")
        await pilot.press("2")  # a wrong answer: the feedback shows explanation and source
        screens.append(screen())
        await pilot.press("enter")
        screens.append(screen())  # the results
    assert "Harbour week" in screens[0]
    assert "Ana Silva said it on Monday." in screens[1] and "Pier news" in screens[1]
    for shown in screens:
        assert not any(c in shown for c in "\x1b\x9b\x07\x7f\x85")


async def test_a_hand_edited_history_never_stops_the_quiz(make_app, data_dir):
    """total = 0, NULL and text in a valid database: the scores show what is sound."""
    from tests.quiz.test_history import hand_edited

    app = make_app(EN_DECK, count=2)
    data_dir.mkdir(parents=True)
    hand_edited(data_dir / FILENAME, [(2, 4), (0, 0), (None, 3), ("ten", 10)],
                [(q.id, None) for q in app.deck.questions], deck=app.deck_key)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert text(app.screen.query_one("#scores")) == (
            "Last score: 2/4 (50%)   Best score: 2/4 (50%)")
        await pilot.press("enter")
        await answer_all(pilot, lambda q: LETTERS[q.answer])
        assert app.screen.results.score == 2


def test_a_crash_of_the_app_exits_non_zero(tmp_path):
    """Textual prints the traceback and returns; the command must not then say 'all well'."""
    import subprocess
    import sys

    from tests.quiz.conftest import DECKS

    crash = ("import sys\n"
             "from quizgen.quiz.screens.start import StartScreen\n"
             "def broken(self):\n"
             "    raise RuntimeError('a bug')\n"
             "StartScreen.compose = broken\n"
             "from quizgen.cli.quiz import command\n"
             "command.main(sys.argv[1:])\n")
    env = {"QUIZGEN_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin",
           "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}
    out = subprocess.run([sys.executable, "-c", crash, str(DECKS / "harbour-en.yaml")],
                         capture_output=True, text=True, timeout=60, env=env)
    assert out.returncode == 1, (out.stdout, out.stderr)
    assert "a bug" in out.stdout + out.stderr
