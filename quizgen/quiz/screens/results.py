"""Results: the score, time, a per-kind breakdown and every missed question with its source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button

from quizgen.quiz.screens.base import bind, common_bindings
from quizgen.quiz.session import LETTERS, Results
from quizgen.quiz.widgets import KeyBar, Plain, source_content

if TYPE_CHECKING:
    from quizgen.quiz.app import QuizApp


class ResultsScreen(Screen[None]):
    def __init__(self, app: QuizApp, results: Results) -> None:
        super().__init__()
        self.quiz = app
        self.results = results
        self.t = t = app.t
        if results.missed:
            bind(self, "r", "retry", t("key_retry"))
        bind(self, "n", "new", t("key_new"))
        bind(self, "pageup", "scroll(-1)", show=False)
        bind(self, "pagedown", "scroll(1)", show=False)
        bind(self, "up", "scroll(-0.2)", show=False)
        bind(self, "down", "scroll(0.2)", show=False)
        common_bindings(self, t)

    def compose(self) -> ComposeResult:
        t, r = self.t, self.results
        yield Plain(t("results_title"), classes="title-bar")
        with VerticalScroll(id="results-body"):
            yield Plain(
                Content.assemble(
                    (t("score_of", score=r.score, total=r.total, percent=r.percent), "bold"),
                    "   ", t("time_taken", time=t.duration(r.seconds))),
                id="summary")
            yield Plain(t("by_kind_heading"), classes="heading")
            width = max(len(t.kind(k)) for k in r.by_kind)
            yield Plain(
                Content("\n").join(
                    Content(f"  {t.kind(k).ljust(width)}  {ks.right}/{ks.total}")
                    for k, ks in r.by_kind.items()),
                id="by-kind")
            if r.missed:
                yield Plain(t("missed_heading", n=len(r.missed)), classes="heading")
                for a in r.missed:
                    q = a.question
                    with Vertical(classes="missed"):
                        yield Plain(q.stem, classes="missed-stem")
                        yield Plain(
                            Content.assemble("✗ ", (t("your_answer"), "bold"), " ",
                                             f"{LETTERS[a.choice]}. {q.options[a.choice]}"),
                            classes="missed-yours")
                        yield Plain(
                            Content.assemble("✓ ", (t("right_answer_label"), "bold"), " ",
                                             f"{LETTERS[q.answer]}. {q.correct}"),
                            classes="missed-right")
                        if q.sources:
                            yield Plain(source_content(q.sources, t("source_label")),
                                        classes="missed-source")
            else:
                yield Plain(t("all_right"), classes="heading")
        with Horizontal(classes="buttons"):
            if r.missed:
                yield Button(t("retry_button"), id="retry", variant="primary", compact=True)
            yield Button(t("new_button"), id="new",
                         variant="default" if r.missed else "primary", compact=True)
            yield Button(t("quit_button"), id="quit", compact=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#retry" if self.results.missed else "#new", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "retry":
            self.action_retry()
        elif event.button.id == "new":
            self.action_new()
        else:
            self.quiz.action_request_quit()

    def action_scroll(self, pages: float) -> None:
        """Scroll the missed questions while a button keeps the focus."""
        body = self.query_one("#results-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + pages * body.size.height, animate=False)

    def action_retry(self) -> None:
        if self.results.missed:
            self.quiz.retry([a.question for a in self.results.missed])

    def action_new(self) -> None:
        self.quiz.back_to_start()
