import random
from collections import Counter

import pytest

from quizgen.deck import Question
from quizgen.quiz.session import Session, kind_counts, reshuffled, select, weight


def q(id: str, kind: str = "quote", answer: int = 0, enabled: bool = True) -> Question:
    return Question(id=id, template="t", kind=kind, stem=f"stem {id}", options=["a", "b", "c"],
                    answer=answer, enabled=enabled)


POOL = [q(f"q{i}", kind="quote" if i % 2 else "date") for i in range(10)] + [
    q("off", enabled=False)]


def test_kind_counts_skip_disabled_questions():
    assert kind_counts(POOL) == {"date": 5, "quote": 5}


def test_select_is_deterministic_for_a_seed():
    first = [x.id for x in select(POOL, 5, seed=42)]
    assert first == [x.id for x in select(POOL, 5, seed=42)]
    assert len(set(first)) == 5
    others = {tuple(x.id for x in select(POOL, 5, seed=s)) for s in range(20)}
    assert len(others) > 1  # different seeds give different quizzes


def test_select_filters_kinds_and_never_picks_disabled():
    picked = select(POOL, 100, kinds=["date"], seed=1)
    assert {x.kind for x in picked} == {"date"}
    assert len(picked) == 5
    assert "off" not in {x.id for x in select(POOL, 100, seed=1)}


def test_questions_with_more_options_than_keys_are_skipped():
    seven = Question(id="seven", template="t", kind="quote", stem="s",
                     options=list("abcdefg"), answer=6)
    assert "seven" not in {x.id for x in select([*POOL, seven], 100, seed=1)}
    assert kind_counts([*POOL, seven]) == {"date": 5, "quote": 5}


def test_count_is_capped_by_the_pool():
    assert len(select(POOL, 3, seed=0)) == 3
    assert len(select(POOL, 50, seed=0)) == 10
    assert select(POOL, 0, seed=0) == []


def test_weight_grows_with_misses_and_fades_with_right_answers():
    assert weight(0, 0) == 1.0
    assert weight(0, 2) > weight(0, 1) > weight(0, 0)
    assert weight(3, 1) < weight(0, 1)


def test_questions_missed_before_come_back_more_often():
    record = {"q3": (0, 3)}
    hits = Counter()
    for seed in range(400):
        hits.update(x.id for x in select(POOL, 3, seed=seed, record=record))
    others = [hits[f"q{i}"] for i in range(10) if i != 3]
    assert hits["q3"] > 1.5 * max(others)


def test_session_scores_times_and_breaks_down_by_kind():
    now = [0.0]
    s = Session([q("a", "date", 0), q("b", "quote", 1), q("c", "date", 2)], clock=lambda: now[0])
    assert (s.position, s.waiting, s.current.id) == (0, True, "a")
    now[0] = 4.0
    assert s.answer(0).correct
    assert not s.waiting
    assert s.advance()
    now[0] = 10.0
    wrong = s.answer(0)
    assert not wrong.correct and wrong.seconds == 6.0
    assert s.advance()
    now[0] = 12.5
    s.answer(2)
    assert not s.advance()
    assert s.finished
    r = s.results()
    assert (r.score, r.total, r.percent, r.seconds) == (2, 3, 67, 12.5)
    assert {k: (v.right, v.total) for k, v in r.by_kind.items()} == {"date": (2, 2),
                                                                    "quote": (0, 1)}
    assert [a.question.id for a in r.missed] == ["b"]


def test_session_refuses_out_of_order_steps():
    s = Session([q("a")])
    with pytest.raises(RuntimeError):
        s.advance()
    with pytest.raises(ValueError):
        s.answer(7)
    s.answer(1)
    with pytest.raises(RuntimeError):
        s.answer(0)
    with pytest.raises(ValueError):
        Session([])


def test_a_reshuffled_question_moves_its_correct_option():
    deck_q = Question(id="q1", template="t", kind="place", stem="Where?",
                      options=["Hanoi", "Hue", "Da Nang", "Saigon"], answer=1)
    rng = random.Random(3)
    for _ in range(20):
        copy, order = reshuffled(deck_q, rng)
        assert copy.answer != deck_q.answer and copy.correct == "Hue"
        assert sorted(copy.options) == sorted(deck_q.options)
        assert [deck_q.options[i] for i in order] == copy.options  # shown index -> deck index
        assert copy.id == "q1" and deck_q.options == ["Hanoi", "Hue", "Da Nang", "Saigon"]


def test_one_quiz_never_asks_two_questions_that_give_each_other_away():
    sentence = ("Fill in the blank: \"The council hired {} wardens this spring and opened {} new "
                "depots across the northern districts of the county before the winter.\"")
    pool = [
        Question(id="a", template="count-cloze", kind="count", stem=sentence.format("____", 12),
                 options=["40", "30", "20"], answer=0),
        Question(id="b", template="count-cloze", kind="count", stem=sentence.format(40, "____"),
                 options=["12", "10", "14"], answer=0),
        Question(id="c", template="t", kind="date", stem="When did the ferry sink?",
                 options=["May", "June", "July"], answer=1),
    ]
    for seed in range(10):
        ids = {x.id for x in select(pool, 10, seed=seed)}
        assert len(ids & {"a", "b"}) == 1 and "c" in ids
    # asked for, both come
    assert {x.id for x in select(pool, 10, seed=0, twins=True)} == {"a", "b", "c"}
