"""`?`: what every key does, in the UI language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen

from quizgen.quiz.screens.base import bind
from quizgen.quiz.text import UIText
from quizgen.quiz.widgets import Plain


class HelpScreen(ModalScreen[None]):
    def __init__(self, t: UIText) -> None:
        super().__init__()
        self.t = t
        bind(self, "escape,question_mark,q,enter,space", "dismiss", t("key_close"),
             key_display="Esc")

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Plain(self.t("help_title"), classes="dialog-title")
            yield Plain(self.t("help_text").rstrip(), id="help-text")
            yield Plain(self.t("help_close"), classes="dialog-hint")

    def action_dismiss(self) -> None:
        self.dismiss(None)
