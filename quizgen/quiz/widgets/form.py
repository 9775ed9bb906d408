"""The start screen's two fields, drawn as text: far lighter than Input and a column of Checkboxes.

Both show their state with characters (``‹ 10 ›``, ``[✓]``/``[ ]``, ``▶`` for the row in focus),
so they read the same without colour.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class CountField(Widget, can_focus=True):
    """How many questions: ←/→ or -/+ step by one, digits type a number (1..maximum)."""

    BINDINGS = [
        Binding("left,minus", "step(-1)", show=False),
        Binding("right,plus", "step(1)", show=False),
        Binding("backspace", "erase", show=False),
    ]
    COMPONENT_CLASSES = {"count--value"}

    value: reactive[int] = reactive(1)

    def __init__(self, value: int, maximum: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.maximum = max(maximum, 1)
        self.wanted = value  # kept while fewer are available: ticking more kinds gives it back
        self._typed = ""
        self.set_reactive(CountField.value, self._clamp(value))

    def _clamp(self, n: int) -> int:
        return max(1, min(self.maximum, n))

    def set_maximum(self, maximum: int) -> None:
        """Follow the questions available (the kinds ticked): as many as wanted, if there are."""
        self.maximum = max(maximum, 1)
        self.value = self._clamp(self.wanted)
        self.refresh(layout=True)  # the width follows the maximum's digits

    def render(self) -> Content:
        return Content.assemble(
            "‹ ", Content.styled(str(self.value), self.get_visual_style("count--value")), " ›")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return len(str(self.maximum)) + 4

    def _choose(self, n: int) -> None:
        self.value = self.wanted = self._clamp(n)

    def action_step(self, delta: int) -> None:
        self._typed = ""
        self._choose(self.value + delta)

    def action_erase(self) -> None:
        self._typed = self._typed[:-1]
        self._choose(int(self._typed or "1"))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            event.stop()
            self._typed = (self._typed + event.character)[-len(str(self.maximum)):]
            self._choose(int(self._typed))

    def on_blur(self) -> None:
        self._typed = ""

    def on_click(self, event: events.Click) -> None:
        """Clicking ‹ steps down, › steps up."""
        offset = event.get_content_offset(self)
        if offset is not None:
            self.action_step(-1 if offset.x < self.content_size.width // 2 else 1)


class KindList(Widget, can_focus=True):
    """Ticks for question kinds: ↑/↓ move, Space or a click ticks and unticks."""

    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("space", "toggle", show=False),
    ]
    COMPONENT_CLASSES = {"kinds--cursor"}

    class Changed(Message):
        """A kind was ticked or unticked."""

    def __init__(self, items: list[tuple[str, str]], ticked: set[str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.items = items  # (kind, label)
        self.ticked = {k for k, _ in items if k in ticked}
        self.cursor = 0

    @property
    def selected(self) -> list[str]:
        return [k for k, _ in self.items if k in self.ticked]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.items)

    def render(self) -> Content:
        cursor_style = self.get_visual_style("kinds--cursor")
        lines = []
        for i, (kind, label) in enumerate(self.items):
            here = self.has_focus and i == self.cursor
            box = "[✓]" if kind in self.ticked else "[ ]"
            line = Content(f"{'▶' if here else ' '} {box} {label}")
            lines.append(line.stylize(cursor_style) if here else line)
        return Content("\n").join(lines)

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.items)
        self.refresh()

    def action_toggle(self, row: int | None = None) -> None:
        kind = self.items[self.cursor if row is None else row][0]
        self.ticked.symmetric_difference_update({kind})
        self.refresh()
        self.post_message(self.Changed())

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and 0 <= offset.y < len(self.items):
            self.cursor = offset.y
            self.action_toggle(offset.y)
