"""`q` / Escape: ask before leaving, so a stray key never throws a quiz away."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from quizgen.quiz.screens.base import bind
from quizgen.quiz.text import UIText
from quizgen.quiz.widgets import Plain


class ConfirmQuit(ModalScreen[bool]):
    AUTO_FOCUS = "#no"

    def __init__(self, t: UIText, saved: bool = True) -> None:
        super().__init__()
        self.t = t
        self.saved = saved  # False when the history could not be used
        bind(self, "y", "answer(True)", t("key_yes"))
        bind(self, "n,escape", "answer(False)", t("key_no"))

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Plain(self.t("quit_question"), classes="dialog-title")
            yield Plain(self.t("quit_detail" if self.saved else "quit_detail_unsaved"),
                        id="confirm-detail")
            with Horizontal(classes="buttons"):
                yield Button(self.t("yes_button"), id="yes", variant="error", compact=True)
                yield Button(self.t("no_button"), id="no", variant="primary", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
