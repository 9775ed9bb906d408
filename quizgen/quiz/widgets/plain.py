"""Text from articles is shown literally: never parsed as markup, so "[AS]" or "[/]" are safe."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from quizgen.deck import QuestionSource


class Plain(Static):
    """A Static whose str content is plain text (markup off); Content passes through."""

    def __init__(self, content: str | Content = "", **kwargs) -> None:
        super().__init__(content, markup=False, **kwargs)


def source_content(sources: list[QuestionSource], label: str) -> Content:
    """'Source: <article title>' plus the quoted evidence sentence, for each source."""
    parts: list[Content] = []
    for src in sources:
        title = src.title or src.doc
        parts.append(Content.assemble((label, "bold"), " ", (title, "italic")))
        if src.text:
            parts.append(Content(f"“{src.text.strip()}”"))
    return Content("\n").join(parts)


def feedback_content(verdict: Content, explanation: str, sources: list[QuestionSource],
                     source_label: str, hint: str) -> Content:
    """The answer's feedback as one block: verdict, explanation, sources, what to press next."""
    blocks = [verdict.stylize("bold")]
    if explanation.strip():
        blocks.append(Content(explanation.strip()))
    if sources:
        blocks.append(source_content(sources, source_label))
    blocks.append(Content.styled(hint, "italic"))
    return Content("\n\n").join(blocks)
