"""Start: what is in the deck, how it went last time, and how many questions of which kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input

from quizgen.quiz.screens.base import bind, common_bindings
from quizgen.quiz.session import kind_counts
from quizgen.quiz.widgets import KeyBar, Plain

if TYPE_CHECKING:
    from quizgen.quiz.app import QuizApp


class KindToggle(Checkbox, inherit_bindings=False):
    """A checkbox that toggles on Space only, so Enter anywhere on the screen starts the quiz."""

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]

    def __init__(self, kind: str, label: str, value: bool) -> None:
        super().__init__(Content(label), value)
        self.kind = kind

    @property
    def _button(self) -> Content:
        """``[✓]`` / ``[ ]``: the state is readable without colour (the stock box is X for both)."""
        return Content.styled(f"[{'✓' if self.value else ' '}]",
                              self.get_visual_style("toggle--button"))


class StartScreen(Screen[None]):
    AUTO_FOCUS = "#start"

    def __init__(self, app: QuizApp) -> None:
        super().__init__()
        self.quiz = app
        self.t = app.t
        # priority: Enter starts from anywhere, even with the count field or a button focused
        bind(self, "enter", "start", self.t("key_start"), key_display="↵", priority=True)
        common_bindings(self, self.t)

    def compose(self) -> ComposeResult:
        t, deck = self.t, self.quiz.deck
        counts = kind_counts(deck.questions)
        yield Plain(deck.title, id="title", classes="title-bar")
        with VerticalScroll(id="start-body"):
            if deck.sources:
                yield Plain(t("sources_heading"), classes="heading")
                yield Plain(
                    Content("\n").join(
                        Content(f"• {s.title or s.path}") for s in deck.sources),
                    id="sources")
            yield Plain(self._scores_text(), id="scores")
            with Horizontal(id="count-row"):
                yield Plain(t("count_label", available=sum(counts.values())),
                            classes="field-label")
                yield Input(str(min(self.quiz.count, sum(counts.values()))), type="integer",
                            id="count", max_length=4, compact=True)
            yield Plain(t("kinds_heading"), classes="heading")
            with Vertical(id="kinds"):
                wanted = set(self.quiz.kinds or counts)
                for kind, n in counts.items():
                    yield KindToggle(kind, t("kind_count", kind=t.kind(kind), n=n),
                                     kind in wanted)
        with Horizontal(classes="buttons"):
            yield Button(t("start_button"), id="start", variant="primary")
        yield KeyBar()

    def _scores_text(self) -> Content:
        last, best = self.quiz.history.scores(self.quiz.deck_key)
        t = self.t

        def fmt(s: tuple[int, int] | None) -> str:
            if s is None:
                return t("no_score")
            return t("score_of", score=s[0], total=s[1], percent=round(100 * s[0] / s[1]))

        return Content.assemble((t("last_score"), "bold"), " ", fmt(last), "   ",
                                (t("best_score"), "bold"), " ", fmt(best))

    def on_screen_resume(self) -> None:
        self.query_one("#scores", Plain).update(self._scores_text())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        kinds = [k.kind for k in self.query(KindToggle) if k.value]
        if not kinds:
            self.notify(self.t("no_kind_chosen"), severity="warning", markup=False)
            return
        raw = self.query_one("#count", Input).value.strip()
        count = int(raw) if raw.isdigit() else 0
        if count < 1:
            self.notify(self.t("bad_count"), severity="warning", markup=False)
            return
        self.quiz.count = count
        self.quiz.kinds = kinds
        self.quiz.start_new(count, kinds)
