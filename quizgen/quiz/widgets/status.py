"""The status line: "Question 3 of 10", a progress rule, "Score 2/2", as one widget.

Answered questions are drawn ``━`` and the rest ``─``, so progress reads without colour.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class StatusLine(Widget):
    COMPONENT_CLASSES = {"status--text", "status--done", "status--todo"}

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.left = ""
        self.right = ""
        self.done = 0
        self.total = 1

    def show(self, left: str, right: str, done: int, total: int) -> None:
        self.left, self.right, self.done, self.total = left, right, done, max(total, 1)
        self.refresh()

    def render(self) -> Content:
        text = self.get_visual_style("status--text")
        width = self.content_size.width
        bar = max(width - len(self.left) - len(self.right) - 4, 0)
        filled = round(bar * min(self.done, self.total) / self.total)
        return Content.assemble(
            Content.styled(self.left, text), "  ",
            Content.styled("━" * filled, self.get_visual_style("status--done")),
            Content.styled("─" * (bar - filled), self.get_visual_style("status--todo")),
            "  ", Content.styled(self.right, text),
        )
