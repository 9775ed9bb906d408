"""One answer option: a letter cell with a marker (▶ highlighted, ✓ right, ✗ wrong) and the text.

Markers make the state readable without colour; the CSS classes add colour on top.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message

from quizgen.quiz.session import LETTERS
from quizgen.quiz.widgets.plain import Plain

MARKERS = {"": " ", "highlight": "▶", "correct": "✓", "wrong": "✗"}


class Choice(Horizontal):
    """Clickable option; posts ``Choice.Picked``. Not focusable: the screen owns the keys."""

    class Picked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, index: int, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.index = index
        self.text = text
        self.state = ""

    def compose(self) -> ComposeResult:
        yield Plain(self._label(), classes="letter")
        yield Plain(self.text, classes="text")

    def _label(self) -> str:
        return f"{MARKERS[self.state]} {LETTERS[self.index]}"

    def set_state(self, state: str) -> None:
        """'' (plain), 'highlight', 'correct' or 'wrong'."""
        self.state = state
        for name in ("highlight", "correct", "wrong"):
            self.set_class(state == name, f"-{name}")
        if self.is_mounted:
            self.query_one(".letter", Plain).update(self._label())

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Picked(self.index))
