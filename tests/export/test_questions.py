import pytest

from quizgen.deck import Deck, Question, QuestionSource
from quizgen.errors import QuizgenError
from quizgen.export import FORMATS, default_path, export
from quizgen.export.questions import enabled_items, slug, source_line


def _deck(*questions: Question) -> Deck:
    return Deck(title="t", language="id", questions=list(questions))


def _q(qid="q1", options=("a", "b"), answer=0, stem="Apa?", enabled=True) -> Question:
    return Question(id=qid, template="t", kind="k", stem=stem, options=list(options),
                    answer=answer, enabled=enabled)


def test_only_enabled_questions_are_exported(berita):
    assert [i.question.id for i in enabled_items(berita)] == ["id-q1", "id-q2", "id-q3"]


def test_letters_and_answer(berita):
    item = enabled_items(berita)[0]
    assert item.letters == "ABCD"
    assert (item.answer_letter, item.answer_text) == ("C", "Tran Thi Mai")


@pytest.mark.parametrize(
    ("question", "message"),
    [
        (_q(options=list("abcdefg")), "7 options; exports hold at most 6 (A-F)"),
        (_q(stem="  "), "the stem is empty"),
        (_q(options=("a", " ")), "option B is empty"),
    ],
)
def test_limits_fail_with_one_line_naming_deck_and_question(question, message):
    with pytest.raises(QuizgenError) as info:
        enabled_items(_deck(question), "decks/x.yaml")
    assert str(info.value) == f"decks/x.yaml: question q1: {message}"


def test_a_deck_with_nothing_enabled_is_an_error(tmp_path):
    with pytest.raises(QuizgenError, match="no enabled questions"):
        export(_deck(_q(enabled=False)), "csv", tmp_path / "x.csv", deck_path="x.yaml")
    assert not (tmp_path / "x.csv").exists()


def test_unknown_format():
    with pytest.raises(QuizgenError, match="unknown export format 'pdf'"):
        export(_deck(_q()), "pdf", "x.pdf")


def test_default_paths_sit_beside_the_deck():
    assert {f: default_path("decks/v/deck.yaml", f).as_posix() for f in FORMATS} == {
        "anki": "decks/v/deck.apkg",
        "gift": "decks/v/deck.gift.txt",
        "aiken": "decks/v/deck.aiken.txt",
        "csv": "decks/v/deck.csv",
    }


def test_slug_is_ascii_words_without_spaces():
    assert slug("Presiden Tiba di Hanoi: Kunjungan Dua Hari") == \
        "presiden-tiba-di-hanoi-kunjungan-dua-hari"
    assert slug("Đà Nẵng & Huế") == "da-nang-hue"
    assert slug("<script>") == "script"
    assert len(slug("kata " * 40)) <= 60


def test_source_line_falls_back_to_the_file_name():
    q = _q()
    q.sources = [QuestionSource(doc="sources/a-b.txt", sentence=0, start=0, end=1),
                 QuestionSource(doc="x", sentence=0, start=0, end=1, title="T", text="Line\none")]
    assert source_line(q) == "a-b | T: Line one"
