"""The Textual app: holds the deck, the history and the choices, and moves between screens.

The history is opened in a thread while the start screen is drawn: a locked or slow history
file never delays the first screen, and the start screen shows the last and best scores as soon
as they are read.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.worker import Worker, WorkerState

from quizgen.deck import Deck, Question
from quizgen.quiz.screens.question import QuestionScreen
from quizgen.quiz.screens.start import StartScreen
from quizgen.quiz.session import Answer, Session, reshuffled, select
from quizgen.quiz.text import UIText, ui_language

if TYPE_CHECKING:
    from quizgen.quiz.history import History

DEFAULT_COUNT = 10  # questions per quiz when none is asked for
Scores = tuple[tuple[int, int] | None, tuple[int, int] | None]  # (last, best) as (score, total)


class QuizApp(App[None]):
    CSS_PATH = "quiz.tcss"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        deck: Deck,
        deck_path: str | Path,
        *,
        count: int | None = None,
        kinds: list[str] | None = None,
        seed: int | None = None,
        ui_lang: str | None = None,
        twins: bool = False,
        history: History | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.deck_key = str(Path(deck_path).resolve())  # answers are kept per deck file
        self.count = DEFAULT_COUNT if count is None else count
        self.count_asked = count is not None  # a count asked for and cut down is said
        self.kinds = kinds
        self.seed = seed
        self.twins = twins  # ask questions that give each other away (see session.select)
        self.clock = clock
        self.t = UIText(ui_language(deck.language, ui_lang))
        self._problems: list[tuple[Path, str]] = []
        self.history: History | None = None  # None until opened
        self.scores: Scores | None = None  # None until read from the history
        self._history_worker: Worker[tuple[History, Scores]] | None = None
        self._retrying = False  # the questions on screen are a retry of missed ones
        self._orders: dict[str, list[int]] = {}  # a retry's shown -> deck option index
        if history is not None:
            self._use_history(history, history.scores(self.deck_key))
        self.title = deck.title

    def _use_history(self, history: History, scores: Scores) -> None:
        if self.history is not None:
            return
        history.on_problem = self._history_problem
        if history.problem:
            self._history_problem(history.path, history.problem)
        self.history = history
        self.scores = scores

    def _open_history(self) -> tuple[History, Scores]:
        """Runs in a thread: open the history (maybe waiting on a lock) and read the scores."""
        from quizgen.quiz.history import History

        history = History()
        return history, history.scores(self.deck_key)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is self._history_worker and event.state == WorkerState.SUCCESS:
            self._use_history(*event.worker.result)
            if isinstance(self.screen, StartScreen):
                self.screen.show_scores()

    async def history_ready(self) -> History:
        """The history, waiting for the thread if needed.

        Waits on the worker itself, not its state message: a key handler that calls this runs
        in the app's message loop, which cannot deliver that message while it waits.
        """
        if self.history is None:
            assert self._history_worker is not None
            self._use_history(*await self._history_worker.wait())
        assert self.history is not None
        return self.history

    def _history_problem(self, path: Path, reason: str) -> None:
        if self.is_running:
            self._warn(path, reason)
        else:
            self._problems.append((path, reason))

    def _warn(self, path: Path, reason: str) -> None:
        self.notify(self.t("history_warning", path=path, reason=reason), severity="warning",
                    timeout=8, markup=False)

    def on_mount(self) -> None:
        self.push_screen(StartScreen(self))
        if self.history is None:
            self._history_worker = self.run_worker(self._open_history, name="history",
                                                   thread=True)
        for path, reason in self._problems:
            self._warn(path, reason)
        self._problems.clear()

    def first_paint_done(self) -> None:
        """Resume the garbage collector if start-up paused it (see ``quizgen.quiz.launch.launch``).

        Freezing first keeps the start-up objects (modules, the deck) out of every later
        collection, so collections during the quiz stay short.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()

    # -- flow between screens ------------------------------------------------------------

    async def start_new(self, count: int, kinds: list[str]) -> None:
        """Draw a fresh set (missed questions weighted up) and show the first question."""
        history = await self.history_ready()
        record = history.record_by_question(self.deck_key)
        questions = select(self.deck.questions, count, kinds, self.seed, record, self.twins)
        if self.seed is not None:
            self.seed += 1  # the next "new quiz" in this run differs, yet stays reproducible
        self._retrying = False
        self._orders.clear()
        self.push_screen(QuestionScreen(self, Session(questions, clock=self.clock)))

    def retry(self, questions: list[Question]) -> None:
        """Ask the missed ones again; answers count for weighting, the score does not (the
        answers were just shown, so a retry would make every best score 100%)."""
        self._retrying = True
        rng = random.Random(self.seed)
        shuffled = []
        for q in questions:
            copy, order = reshuffled(q, rng)
            before = self._orders.get(q.id)  # a retry of a retry: compose the two orders
            self._orders[q.id] = [before[i] for i in order] if before else order
            shuffled.append(copy)
        self.switch_screen(QuestionScreen(self, Session(shuffled, clock=self.clock)))

    def record(self, answer: Answer) -> None:
        assert self.history is not None  # start_new waited for it
        q = answer.question
        choice = self._orders[q.id][answer.choice] if q.id in self._orders else answer.choice
        self.history.record(self.deck_key, q.id, choice, answer.correct, answer.seconds)

    def finish(self, session: Session) -> None:
        from quizgen.quiz.screens.results import ResultsScreen  # not needed to start

        results = session.results()
        assert self.history is not None  # start_new waited for it
        if not self._retrying:
            self.history.record_quiz(self.deck_key, results.score, results.total,
                                     results.seconds)
            self.scores = self.history.scores(self.deck_key)
        self.switch_screen(ResultsScreen(self, results))

    def back_to_start(self) -> None:
        self.pop_screen()

    # -- app-wide actions ----------------------------------------------------------------

    def action_help(self) -> None:
        from quizgen.quiz.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.t))

    def action_request_quit(self) -> None:
        from quizgen.quiz.screens.confirm import ConfirmQuit

        if isinstance(self.screen, ConfirmQuit):
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.exit()

        saved = self.history is None or self.history.ok
        self.push_screen(ConfirmQuit(self.t, saved=saved), done)

    def on_unmount(self) -> None:
        if self.history is not None:
            self.history.close()
