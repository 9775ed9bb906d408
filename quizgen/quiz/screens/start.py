"""Start: what is in the deck, how it went last time, and how many questions of which kinds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen

from quizgen.quiz.screens.base import bind, common_bindings
from quizgen.quiz.session import kind_counts
from quizgen.quiz.widgets import Bullets, CountField, KeyBar, KindList, Plain

if TYPE_CHECKING:
    from quizgen.quiz.app import QuizApp


class StartScreen(Screen[None]):
    AUTO_FOCUS = "#count"

    def __init__(self, app: QuizApp) -> None:
        super().__init__()
        self.quiz = app
        self.t = app.t
        # Not a priority binding: Enter then waits behind keys typed just before it into the
        # focused field (a fast "4⏎" starts 4 questions); no field here uses Enter itself.
        bind(self, "enter", "start", self.t("key_start"), key_display="↵")
        common_bindings(self, self.t)

    def compose(self) -> ComposeResult:
        t, deck = self.t, self.quiz.deck
        counts = self.counts = kind_counts(deck.questions)
        ticked = set(self.quiz.kinds or counts)
        available = self._available(ticked)
        yield Plain(deck.title, id="title", classes="title-bar")
        with VerticalScroll(id="start-body", can_focus=False):
            if deck.sources:
                yield Plain(t("sources_heading"), classes="heading")
                yield Bullets([s.title or s.path for s in deck.sources], id="sources")
            yield Plain(self._scores_text(), id="scores")
            with Horizontal(id="count-row"):
                yield Plain(t("count_label", available=available), id="count-label",
                            classes="field-label")
                yield CountField(self.quiz.count, available, id="count")
                yield Plain(t("count_hint"), classes="field-hint")
            yield Plain(t("kinds_heading"), classes="heading")
            yield KindList([(k, t("kind_count", kind=t.kind(k), n=n)) for k, n in counts.items()],
                           ticked, id="kinds")
        with Horizontal(classes="buttons"):
            yield Plain(t("start_button"), id="start")
        yield KeyBar()

    def _scores_text(self) -> Content:
        """Last and best score; '…' while the history is still being opened."""
        t, scores = self.t, self.quiz.scores

        def fmt(s: tuple[int, int] | None) -> str:
            if scores is None:
                return t("score_loading")
            if s is None:
                return t("no_score")
            return t("score_of", score=s[0], total=s[1], percent=round(100 * s[0] / s[1]))

        last, best = scores or (None, None)
        return Content.assemble((t("last_score"), "bold"), " ", fmt(last), "   ",
                                (t("best_score"), "bold"), " ", fmt(best))

    def show_scores(self) -> None:
        self.query_one("#scores", Plain).update(self._scores_text())

    def _available(self, kinds: Iterable[str]) -> int:
        return sum(self.counts.get(k, 0) for k in kinds)

    def on_kind_list_changed(self) -> None:
        """The count offered follows the kinds ticked (5 dates, not the deck's 68)."""
        available = self._available(self.query_one(KindList).selected)
        self.query_one("#count-label", Plain).update(self.t("count_label", available=available))
        self.query_one(CountField).set_maximum(available)

    def on_mount(self) -> None:
        self.call_after_refresh(self.quiz.first_paint_done)
        available = self._available(self.query_one(KindList).selected)
        if self.quiz.count_asked and self.quiz.count > available:  # -n 500 on 68: say so
            self.notify(self.t("count_cut", asked=self.quiz.count, available=available),
                        severity="warning", timeout=8, markup=False)

    def on_screen_resume(self) -> None:
        self.show_scores()

    async def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "start":
            await self.action_start()

    async def action_start(self) -> None:
        kinds = self.query_one(KindList).selected
        if not kinds:
            self.notify(self.t("no_kind_chosen"), severity="warning", markup=False)
            return
        count = self.query_one(CountField).value
        self.quiz.count = count
        self.quiz.kinds = kinds
        await self.quiz.start_new(count, kinds)
