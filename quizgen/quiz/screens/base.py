"""Shared bits of the screens: translated key bindings."""

from __future__ import annotations

from textual.dom import DOMNode

from quizgen.quiz.text import UIText


def bind(node: DOMNode, keys: str, action: str, description: str = "", *, show: bool = True,
         key_display: str | None = None, priority: bool = False) -> None:
    """Add a binding at run time, so the footer shows its description in the UI language."""
    node._bindings.bind(keys, action, description, show=show, key_display=key_display,
                        priority=priority)


def common_bindings(node: DOMNode, t: UIText) -> None:
    """`?` help and `q`/Escape quit (after asking), on every main screen."""
    bind(node, "question_mark", "app.help", t("key_help"), key_display="?")
    bind(node, "q", "app.request_quit", t("key_quit"))
    bind(node, "escape", "app.request_quit", t("key_quit"), show=False)
