"""One answer option: a marker (▶ highlighted, ✓ right, ✗ wrong), the letter, then the text.

Markers make the state readable without colour; CSS classes add colour on top. One widget per
option (the text is wrapped here, with a hanging indent) keeps the screen quick to build.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from quizgen.quiz.session import LETTERS

MARKERS = {"": " ", "highlight": "▶", "correct": "✓", "wrong": "✗"}
LABEL_WIDTH = 5  # "▶ A  "


class Choice(Widget):
    """Clickable option; posts ``Choice.Picked``. Not focusable: the screen owns the keys."""

    COMPONENT_CLASSES = {"choice--label"}

    class Picked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, index: int, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.index = index
        self.text = text
        self.state = ""

    @property
    def label(self) -> str:
        return f"{MARKERS[self.state]} {LETTERS[self.index]}  "

    def set_state(self, state: str) -> None:
        """'' (plain), 'highlight', 'correct' or 'wrong'."""
        self.state = state
        for name in ("highlight", "correct", "wrong"):
            self.set_class(state == name, f"-{name}")
        self.refresh()

    def _lines(self, width: int) -> list[Content]:
        return Content(self.text).wrap(max(width - LABEL_WIDTH, 1)) or [Content("")]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        lines = self._lines(self.content_size.width)
        label = Content.styled(self.label, self.get_visual_style("choice--label"))
        indent = Content(" " * LABEL_WIDTH)
        return Content("\n").join(
            [label + lines[0], *(indent + line for line in lines[1:])])

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Picked(self.index))
