import pytest

from quizgen.deck import Deck, Question, QuestionSource, load_deck, save_deck
from quizgen.errors import QuizgenError


def _deck() -> Deck:
    q = Question(
        id="q-1", template="who-said", kind="quote", stem="Siapa yang mengatakan [AS] ini?",
        options=["A", "B", "C", "D"], answer=2, explanation="x",
        fact={"kind": "quote", "speaker": "C"},
        sources=[QuestionSource(doc="a.txt", sentence=1, start=0, end=5, title="T", text="t")],
    )
    return Deck(title="Contoh", language="id", questions=[q])


def test_round_trip(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    assert load_deck(path) == _deck()
    assert "Siapa yang mengatakan [AS] ini?" in path.read_text(encoding="utf-8")


def test_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "deck.yaml"
    path.write_text("title: x\nquestions:\n  - id: a\n    stem: [unclosed\n", encoding="utf-8")
    with pytest.raises(QuizgenError) as info:
        load_deck(path)
    assert str(info.value).startswith(f"{path}:")
    assert "\n" not in str(info.value)


def test_bad_answer_index_points_at_its_line(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    text = path.read_text(encoding="utf-8").replace("answer: 2", "answer: 9")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  answer: 9") + 1
    with pytest.raises(QuizgenError, match=rf":{line}: question q-1: answer 9"):
        load_deck(path)


def test_missing_deck(tmp_path):
    with pytest.raises(QuizgenError, match="no such file"):
        load_deck(tmp_path / "nope.yaml")
