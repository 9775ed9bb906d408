"""The feedback and source blocks, as plain text: what a reader sees after answering."""

from textual.content import Content

from quizgen.deck import QuestionSource
from quizgen.quiz.widgets import feedback_content, source_content

QUOTED = "“Kami siap,” kata Budi, kepala pelabuhan, kepada wartawan."


def source(text: str) -> QuestionSource:
    return QuestionSource(doc="a.txt", sentence=3, start=0, end=len(text), title="Judul [AS]",
                          text=text)


def test_evidence_keeps_its_own_quotation_marks_without_doubling_them():
    shown = str(source_content([source(QUOTED)], "Sumber:"))
    assert shown == f"Sumber: Judul [AS]\n{QUOTED}"


def test_explanation_repeating_the_evidence_is_shown_once():
    sentence = "Pelabuhan dibuka pada 3 Maret 2024."
    shown = str(feedback_content(Content("✓ Benar!"), sentence + "\n", [source(sentence)],
                                 "Sumber:", "Enter: lanjut"))
    assert shown.count(sentence) == 1
    assert shown.splitlines() == ["✓ Benar!", "", "Sumber: Judul [AS]", sentence, "",
                                  "Enter: lanjut"]


def test_a_different_explanation_comes_before_the_source():
    shown = str(feedback_content(Content("✗ Salah."), "Artikel menyebut Budi.",
                                 [source(QUOTED)], "Sumber:", "Enter: lanjut"))
    assert shown.splitlines()[2] == "Artikel menyebut Budi."
    assert QUOTED in shown
