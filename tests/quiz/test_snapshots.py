"""Snapshots of the main screens at 80x24 (regenerate with --snapshot-update, then look at them)."""

from quizgen.quiz.session import LETTERS

SIZE = (80, 24)


async def history_read(pilot):
    """The history is opened in a thread; wait for its scores before taking the picture."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_start_screen(snap_compare, make_app):
    assert snap_compare(make_app("pelabuhan-id"), terminal_size=SIZE, run_before=history_read)


def test_question_screen_long_stem_six_options(snap_compare, make_app):
    async def first_question(pilot):
        await pilot.press("enter")
        assert pilot.app.screen.session.current.id == "q-quote-2"

    assert snap_compare(make_app("pelabuhan-id", seed=3), terminal_size=SIZE,
                        run_before=first_question)


def test_feedback_after_a_wrong_answer(snap_compare, make_app):
    async def wrong_answer(pilot):
        await pilot.press("enter")
        q = pilot.app.screen.session.current
        assert q.id == "en-quote-1"
        await pilot.press(LETTERS[(q.answer + 1) % len(q.options)])

    assert snap_compare(make_app("harbour-en", seed=0), terminal_size=SIZE,
                        run_before=wrong_answer)


def test_feedback_after_a_right_answer(snap_compare, make_app):
    async def right_answer(pilot):
        await pilot.press("enter")
        q = pilot.app.screen.session.current
        await pilot.press(str(q.answer + 1))

    assert snap_compare(make_app("pelabuhan-id", seed=5), terminal_size=SIZE,
                        run_before=right_answer)


def test_results_screen(snap_compare, make_app):
    async def play(pilot):
        await pilot.press("enter")
        for i in range(3):
            q = pilot.app.screen.session.current
            pick = q.answer if i == 1 else (q.answer + 1) % len(q.options)
            await pilot.press(str(pick + 1), "enter")

    assert snap_compare(make_app("harbour-en", seed=1), terminal_size=SIZE, run_before=play)


def test_confirm_quit_dialog(snap_compare, make_app):
    assert snap_compare(make_app("harbour-en"), terminal_size=SIZE, press=["enter", "q"])
