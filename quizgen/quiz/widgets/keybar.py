"""A one-line footer listing the keys that work right now, in the UI language.

Textual's Footer builds a widget per key and rebuilds them whenever the bindings change (every
question); a single line of text says the same and keeps the first question quick to appear.
"""

from __future__ import annotations

from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 100%;
    }
    """

    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def keys(self) -> list[tuple[str, str]]:
        """(key shown, description) of the shown, enabled bindings; one entry per action."""
        seen: set[str] = set()
        out = []
        for active in self.screen.active_bindings.values():
            b = active.binding
            if not b.show or not active.enabled or b.action in seen:
                continue
            seen.add(b.action)
            out.append((self.app.get_key_display(b), b.description))
        return out

    def render(self) -> Content:
        key_style = self.get_visual_style("keybar--key")
        desc_style = self.get_visual_style("keybar--description")
        parts: list[Content | tuple[str, object]] = []
        for key, description in self.keys():
            parts.append(Content.styled(f" {key} ", key_style))
            parts.append(Content.styled(f"{description} ", desc_style))
        return Content.assemble(*parts)
