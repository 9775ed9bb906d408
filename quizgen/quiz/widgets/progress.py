"""The progress line: ``━`` for answered questions, ``─`` for the rest (readable without colour)."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class Progress(Widget):
    COMPONENT_CLASSES = {"progress--done", "progress--todo"}

    done: reactive[int] = reactive(0)

    def __init__(self, total: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.total = max(total, 1)

    def render(self) -> Content:
        width = self.size.width
        filled = round(width * min(self.done, self.total) / self.total)
        return Content.assemble(
            Content.styled("━" * filled, self.get_visual_style("progress--done")),
            Content.styled("─" * (width - filled), self.get_visual_style("progress--todo")),
        )
