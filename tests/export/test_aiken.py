"""Aiken output, read back line by line the way Moodle's Aiken importer reads it."""

import re

from quizgen.export import export
from quizgen.export.aiken import SHIELD, question_line

OPTION = re.compile(r"^([A-Z])[.)][ \t](.*)$")
ANSWER = re.compile(r"^ANSWER:\s*([A-Z])")


def parse_aiken(text: str) -> list[dict]:
    """Each non-blank line is an option, the answer line, or else a new question's text."""
    questions, current = [], None
    for raw in text.splitlines():
        line = raw.strip(" \t\r")  # like PHP trim(): a no-break space survives
        if not line:
            continue
        if m := OPTION.match(line):
            assert current is not None, f"option {line!r} before any question"
            assert m.group(1) == "ABCDEF"[len(current["options"])], "letters in order"
            current["options"].append(m.group(2).strip(" \t"))
        elif m := ANSWER.match(line):
            assert current is not None, f"answer {line!r} before any question"
            current["answer"] = "ABCDEF".index(m.group(1))
            questions.append(current)
            current = None
        else:
            assert current is None, f"question text {line!r} inside a question"
            current = {"stem": line, "options": []}
    assert current is None, "last question has no ANSWER line"
    return questions


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_question_and_answer_reads_back(tmp_path, any_deck):
    out = tmp_path / "deck.aiken.txt"
    assert export(any_deck, "aiken", out) == len(any_deck.enabled)
    parsed = parse_aiken(out.read_text(encoding="utf-8"))
    assert len(parsed) == len(any_deck.enabled)
    for p, q in zip(parsed, any_deck.enabled, strict=True):
        assert p["stem"].lstrip(SHIELD) == flat(q.stem)
        assert p["options"] == [flat(o) for o in q.options]
        assert p["answer"] == q.answer
        assert p["options"][p["answer"]] == flat(q.correct)


def test_newlines_are_flattened(tmp_path, berita):
    out = tmp_path / "b.aiken.txt"
    export(berita, "aiken", out)
    text = out.read_text(encoding="utf-8")
    assert "Berapa dokumen kerja sama yang ditandatangani? (jawab dengan angka)\nA. 11\n" in text


def test_stems_that_look_like_markup_are_shielded():
    assert question_line("B. looks like an option") == SHIELD + "B. looks like an option"
    assert question_line("C) also") == SHIELD + "C) also"
    assert question_line("ANSWER: A") == SHIELD + "ANSWER: A"
    assert question_line("Bob. Not an option") == "Bob. Not an option"
    assert question_line("Siapa\n  dia?") == "Siapa dia?"
