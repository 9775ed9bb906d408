"""Text from articles is shown literally: never parsed as markup, so "[AS]" or "[/]" are safe."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from quizgen.deck import QuestionSource


class Plain(Static):
    """A Static whose str content is plain text (markup off); Content passes through."""

    def __init__(self, content: str | Content = "", **kwargs) -> None:
        super().__init__(content, markup=False, **kwargs)


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def source_content(sources: list[QuestionSource], label: str) -> Content:
    """'Source: <article title>', then the evidence sentence in italics on a line of its own.

    The sentence is shown as written, without added quote marks: it often starts or ends with
    the article's own quotation marks, and doubling them (““...) reads as a glitch.
    """
    parts: list[Content] = []
    for src in sources:
        title = src.title or src.doc
        parts.append(Content.assemble((label, "bold"), " ", title))
        if src.text.strip():
            parts.append(Content.styled(" ".join(src.text.split()), "italic"))
    return Content("\n").join(parts)


def feedback_content(verdict: Content, explanation: str, sources: list[QuestionSource],
                     source_label: str, hint: str) -> Content:
    """The answer's feedback as one block: verdict, explanation, sources, what to press next.

    An explanation that only repeats the evidence sentence is left out: the sentence follows.
    """
    blocks = [verdict.stylize("bold")]
    if explanation.strip() and not any(_same_text(explanation, s.text) for s in sources):
        blocks.append(Content(explanation.strip()))
    if sources:
        blocks.append(source_content(sources, source_label))
    blocks.append(Content.styled(hint, "italic"))
    return Content("\n\n").join(blocks)


class Bullets(Widget):
    """A bulleted list whose wrapped lines hang under the text, not under the bullet."""

    DEFAULT_CSS = "Bullets { height: auto; }"

    def __init__(self, items: list[str], bullet: str = "• ", **kwargs) -> None:
        super().__init__(**kwargs)
        self.items = items
        self.bullet = bullet

    def _lines(self, width: int) -> list[Content]:
        indent = " " * len(self.bullet)
        lines: list[Content] = []
        for item in self.items:
            wrapped = Content(item).wrap(max(width - len(self.bullet), 1)) or [Content("")]
            lines.append(Content(self.bullet) + wrapped[0])
            lines.extend(Content(indent) + line for line in wrapped[1:])
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        return Content("\n").join(self._lines(self.content_size.width))
