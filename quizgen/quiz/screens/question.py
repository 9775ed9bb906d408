"""The question screen: one question at a time, then feedback with the source, then the next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen

from quizgen.quiz.screens.base import bind, common_bindings
from quizgen.quiz.session import LETTERS, MAX_OPTIONS, Session
from quizgen.quiz.widgets import Choice, KeyBar, Plain, StatusLine, feedback_content

if TYPE_CHECKING:
    from quizgen.quiz.app import QuizApp


class QuestionScreen(Screen[None]):
    """Keys belong to the screen (nothing here takes focus), so they work wherever the mouse is."""

    def __init__(self, app: QuizApp, session: Session) -> None:
        super().__init__()
        self.quiz = app
        self.session = session
        self.t = t = app.t
        self.highlight = 0
        widest = min(MAX_OPTIONS, max(len(q.options) for q in session.questions))
        for i in range(MAX_OPTIONS):
            keys = f"{i + 1},{LETTERS[i].lower()},{LETTERS[i]}"
            bind(self, keys, f"answer({i})", t("key_answer"), show=i == 0,
                 key_display=f"A-{LETTERS[widest - 1]}")
        bind(self, "enter", "confirm", t("key_confirm"), show=False)
        bind(self, "n", "next", t("key_next"))
        bind(self, "space", "next", t("key_next"), show=False)
        bind(self, "up", "move(-1)", show=False)
        bind(self, "down", "move(1)", show=False)
        bind(self, "pageup", "scroll(-1)", show=False)
        bind(self, "pagedown", "scroll(1)", show=False)
        common_bindings(self, t)

    def compose(self) -> ComposeResult:
        """The first question is composed in place (one layout pass, so it shows sooner)."""
        q = self.session.current
        yield StatusLine(id="status")
        with VerticalScroll(id="body", can_focus=False):
            yield Plain(self.t.kind(q.kind), id="kind")
            yield Plain(q.stem, id="stem")
            with Vertical(id="choices"):
                yield from self._choices()
            yield Plain("", id="feedback")
        yield KeyBar()

    def on_mount(self) -> None:
        self._update_status()
        self.query_one("#feedback").display = False
        self.session.show()

    def _update_status(self) -> None:
        s, t = self.session, self.t
        self.query_one(StatusLine).show(
            t("position", n=s.position + 1, total=s.total),
            t("running_score", score=s.score, answered=len(s.answers)),
            len(s.answers), s.total)

    def _choices(self) -> list[Choice]:
        self.highlight = 0
        choices = [Choice(i, text) for i, text in
                   enumerate(self.session.current.options[:MAX_OPTIONS])]
        choices[0].set_state("highlight")
        return choices

    async def show_question(self) -> None:
        """Replace the answered question with the current one."""
        q = self.session.current
        self._update_status()
        self.query_one("#kind", Plain).update(self.t.kind(q.kind))
        self.query_one("#stem", Plain).update(q.stem)
        box = self.query_one("#choices", Vertical)
        await box.remove_children()
        await box.mount_all(self._choices())
        self.query_one("#feedback").display = False
        self.query_one("#body", VerticalScroll).scroll_home(animate=False)
        self.session.show()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Answer keys only before answering, 'next' keys only after."""
        if action in ("answer", "move"):
            if not self.session.waiting:
                return False
            if action == "answer":
                return parameters[0] < len(self.session.current.options)  # type: ignore[operator]
        if action == "next":
            return not self.session.waiting
        return True

    def action_move(self, step: int) -> None:
        choices = list(self.query(Choice))
        choices[self.highlight].set_state("")
        self.highlight = (self.highlight + step) % len(choices)
        choices[self.highlight].set_state("highlight")
        choices[self.highlight].scroll_visible(animate=False)

    def action_scroll(self, direction: int) -> None:
        body = self.query_one("#body", VerticalScroll)
        if direction < 0:
            body.scroll_page_up(animate=False)
        else:
            body.scroll_page_down(animate=False)

    def on_choice_picked(self, event: Choice.Picked) -> None:
        if self.session.waiting:
            self.action_answer(event.index)

    async def action_confirm(self) -> None:
        if self.session.waiting:
            self.action_answer(self.highlight)
        else:
            await self.action_next()

    def action_answer(self, index: int) -> None:
        s, t = self.session, self.t
        if not s.waiting or index >= len(s.current.options):
            return
        ans = s.answer(index)
        self.quiz.record(ans)
        q = ans.question
        for c in self.query(Choice):
            c.set_state("correct" if c.index == q.answer else
                        "wrong" if c.index == index else "")
        if ans.correct:
            verdict = Content(t("correct"))
        else:
            verdict = Content.assemble(t("wrong"), " ",
                                       t("right_answer", letter=LETTERS[q.answer]), " ",
                                       q.correct)
        feedback = self.query_one("#feedback", Plain)
        feedback.set_class(ans.correct, "-correct")
        feedback.set_class(not ans.correct, "-wrong")
        feedback.update(feedback_content(verdict, q.explanation, q.sources, t("source_label"),
                                         t("next_hint")))
        feedback.display = True
        self._update_status()
        self.call_after_refresh(self._reveal_feedback)
        self.refresh_bindings()

    def _reveal_feedback(self) -> None:
        """Scroll just enough to show the feedback, but never past the top of the options."""
        if not self.is_attached:  # a fast Enter already moved on to the results
            return
        body = self.query_one("#body", VerticalScroll)
        feedback_end = self.query_one("#feedback").virtual_region_with_margin.bottom
        options_top = self.query_one("#choices").virtual_region.y
        body.scroll_to(y=max(0, min(feedback_end - body.size.height, options_top)),
                       animate=False)

    async def action_next(self) -> None:
        if self.session.waiting:
            return
        if self.session.advance():
            await self.show_question()
        else:
            self.quiz.finish(self.session)
