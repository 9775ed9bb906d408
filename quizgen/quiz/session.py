"""Pure quiz logic: which questions to ask, in which order, and how the answers add up.

Nothing here touches the terminal or the disk, so every rule is tested without the UI.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from quizgen.deck import Question

MAX_OPTIONS = 6  # labels A-F and keys 1-6
LETTERS = "ABCDEF"

# A question answered wrong before is drawn more often: weight = 1 + MISS_BOOST * wrong/(1+right).
# A miss followed by right answers fades, so learnt questions stop crowding out the rest.
MISS_BOOST = 3.0


def askable(q: Question) -> bool:
    """Enabled, and its options fit the A-F labels (and the 1-6 keys)."""
    return q.enabled and len(q.options) <= MAX_OPTIONS


def kind_counts(questions: Iterable[Question]) -> dict[str, int]:
    """How many askable questions there are of each kind, in first-seen order."""
    return dict(Counter(q.kind for q in questions if askable(q)))


def weight(right: int, wrong: int) -> float:
    return 1.0 + MISS_BOOST * wrong / (1 + right)


def select(
    questions: Sequence[Question],
    count: int,
    kinds: Iterable[str] | None = None,
    seed: int | None = None,
    record: Mapping[str, tuple[int, int]] | None = None,
    twins: bool = False,
) -> list[Question]:
    """Draw up to ``count`` askable questions of ``kinds`` (all kinds when empty).

    Weighted sampling without replacement (Efraimidis-Spirakis keys ``u ** (1/w)``), where
    ``record`` maps a question id to its (right, wrong) history. The same seed and record give
    the same questions in the same order. Unless ``twins``, a question is left out when one
    drawn before asks the same fact or nearly the same stem (a who-said and a which-quote of
    one quote, two clozes of one sentence): one would give the other away.
    """
    wanted = set(kinds or ())
    pool = [q for q in questions if askable(q) and (not wanted or q.kind in wanted)]
    rng = random.Random(seed)
    record = record or {}
    keyed = []
    for q in pool:  # draws happen in deck order, so the result depends only on the inputs
        right, wrong = record.get(q.id, (0, 0))
        keyed.append((rng.random() ** (1.0 / weight(right, wrong)), q))
    keyed.sort(key=lambda kq: kq[0], reverse=True)
    drawn = [q for _, q in keyed]
    if not twins:
        drawn = _without_twins(drawn)
    return drawn[: max(count, 0)]


def _without_twins(drawn: list[Question]) -> list[Question]:
    """``drawn`` without each question that twins one drawn before it."""
    from quizgen.check.rules import twin_pairs

    partners: dict[str, set[str]] = {}
    for b, a, _ in twin_pairs(drawn):
        partners.setdefault(b.id, set()).add(a.id)
        partners.setdefault(a.id, set()).add(b.id)
    kept: list[Question] = []
    taken: set[str] = set()
    for q in drawn:
        if not partners.get(q.id, set()) & taken:
            kept.append(q)
            taken.add(q.id)
    return kept


def reshuffled(q: Question, rng: random.Random) -> tuple[Question, list[int]]:
    """``q`` with its options in a new order, and ``order`` (shown index -> deck index).

    A retry asks missed questions again right after their answers were shown: the correct
    option moves, so a retry tests the answer and not its position.
    """
    order = list(range(len(q.options)))
    while len(order) > 1 and order.index(q.answer) == q.answer:
        rng.shuffle(order)
    options = [q.options[i] for i in order]
    return replace(q, options=options, answer=order.index(q.answer)), order


@dataclass
class Answer:
    question: Question
    choice: int
    seconds: float

    @property
    def correct(self) -> bool:
        return self.choice == self.question.answer


@dataclass
class KindScore:
    right: int = 0
    total: int = 0


@dataclass
class Results:
    score: int
    total: int
    seconds: float
    by_kind: dict[str, KindScore]
    missed: list[Answer]

    @property
    def percent(self) -> int:
        return round(100 * self.score / self.total) if self.total else 0


@dataclass
class Session:
    """One run through a list of questions; the clock is injectable for tests and snapshots."""

    questions: list[Question]
    clock: Callable[[], float] = time.monotonic
    answers: list[Answer] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.questions:
            raise ValueError("a quiz needs at least one question")
        self.position = 0  # index of the question on screen
        self.waiting = True  # the question on screen has not been answered yet
        self.started = self.clock()
        self._shown = self.started
        self.ended: float | None = None

    @property
    def current(self) -> Question:
        return self.questions[self.position]

    @property
    def score(self) -> int:
        return sum(a.correct for a in self.answers)

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def finished(self) -> bool:
        return len(self.answers) == len(self.questions)

    def show(self) -> None:
        """Start timing the current question (called when it appears on screen)."""
        self._shown = self.clock()

    def answer(self, choice: int) -> Answer:
        if not self.waiting:
            raise RuntimeError("the current question is already answered")
        q = self.current
        if not 0 <= choice < len(q.options):
            raise ValueError(f"no option {choice} in question {q.id}")
        now = self.clock()
        ans = Answer(q, choice, now - self._shown)
        self.answers.append(ans)
        self.waiting = False
        if self.finished:
            self.ended = now
        return ans

    def advance(self) -> bool:
        """Move past an answered question; False when there is none left."""
        if self.waiting:
            raise RuntimeError("answer the current question first")
        if self.position + 1 >= len(self.questions):
            return False
        self.position += 1
        self.waiting = True
        self.show()
        return True

    def results(self) -> Results:
        by_kind: dict[str, KindScore] = {}
        for a in self.answers:
            ks = by_kind.setdefault(a.question.kind, KindScore())
            ks.total += 1
            ks.right += a.correct
        end = self.ended if self.ended is not None else self.clock()
        return Results(
            score=self.score, total=len(self.answers), seconds=end - self.started,
            by_kind=by_kind, missed=[a for a in self.answers if not a.correct],
        )
