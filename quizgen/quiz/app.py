"""The Textual app: holds the deck, the history and the choices, and moves between screens."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App

from quizgen.deck import Deck, Question
from quizgen.quiz.history import History
from quizgen.quiz.screens.question import QuestionScreen
from quizgen.quiz.screens.start import StartScreen
from quizgen.quiz.session import Answer, Session, select
from quizgen.quiz.text import UIText, ui_language


class QuizApp(App[None]):
    CSS_PATH = "quiz.tcss"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        deck: Deck,
        deck_path: str | Path,
        *,
        count: int = 10,
        kinds: list[str] | None = None,
        seed: int | None = None,
        ui_lang: str | None = None,
        history: History | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.deck_key = str(Path(deck_path).resolve())  # answers are kept per deck file
        self.count = count
        self.kinds = kinds
        self.seed = seed
        self.clock = clock
        self.t = UIText(ui_language(deck.language, ui_lang))
        self._problems: list[tuple[Path, str]] = []
        if history is None:
            history = History(on_problem=self._history_problem)
        else:
            history.on_problem = self._history_problem
            if history.problem:
                self._problems.append((history.path, history.problem))
        self.history = history
        self.title = deck.title

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
        for path, reason in self._problems:
            self._warn(path, reason)
        self._problems.clear()

    # -- flow between screens ------------------------------------------------------------

    def start_new(self, count: int, kinds: list[str]) -> None:
        """Draw a fresh set (missed questions weighted up) and show the first question."""
        record = self.history.record_by_question(self.deck_key)
        questions = select(self.deck.questions, count, kinds, self.seed, record)
        if self.seed is not None:
            self.seed += 1  # the next "new quiz" in this run differs, yet stays reproducible
        self.push_screen(QuestionScreen(self, Session(questions, clock=self.clock)))

    def retry(self, questions: list[Question]) -> None:
        self.switch_screen(QuestionScreen(self, Session(list(questions), clock=self.clock)))

    def record(self, answer: Answer) -> None:
        self.history.record(self.deck_key, answer.question.id, answer.choice, answer.correct,
                            answer.seconds)

    def finish(self, session: Session) -> None:
        from quizgen.quiz.screens.results import ResultsScreen  # not needed to start

        results = session.results()
        self.history.record_quiz(self.deck_key, results.score, results.total, results.seconds)
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

        self.push_screen(ConfirmQuit(self.t, saved=self.history.ok), done)

    def on_unmount(self) -> None:
        self.history.close()
