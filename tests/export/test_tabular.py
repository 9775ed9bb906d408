"""CSV output, read back with the csv module."""

import csv

from quizgen.export import export
from quizgen.export.questions import source_line
from quizgen.export.tabular import HEADER, cell


def read_rows(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_question_reads_back(tmp_path, any_deck):
    out = tmp_path / "deck.csv"
    assert export(any_deck, "csv", out) == len(any_deck.enabled)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads UTF-8
    rows = read_rows(out)
    assert list(rows[0]) == HEADER
    assert len(rows) == len(any_deck.enabled)
    for row, q in zip(rows, any_deck.enabled, strict=True):
        options = [row[f"option_{x}"] for x in "abcdef"]
        assert options == [cell(o) for o in q.options] + [""] * (6 - len(q.options))
        assert row["question"] == cell(q.stem)  # newlines kept inside the quoted cell
        assert row["answer"] == "ABCDEF"[q.answer]
        assert row["answer_text"] == cell(q.correct)
        assert row[f"option_{row['answer'].lower()}"] == row["answer_text"]
        assert row["explanation"] == cell(q.explanation)
        assert row["source"] == cell(source_line(q))
        assert row["id"] == q.id


def test_indonesian_text_and_sources(tmp_path, berita):
    out = tmp_path / "b.csv"
    export(berita, "csv", out)
    first = read_rows(out)[0]
    assert first["question"] == 'Siapa yang mengatakan bahwa kerja sama energi "akan diperluas"?'
    assert first["answer"] == "C" and first["answer_text"] == "Tran Thi Mai"
    assert first["source"] == ("Presiden Tiba di Hanoi untuk Kunjungan Dua Hari: Kerja sama "
                               "energi akan diperluas, kata Tran Thi Mai kepada wartawan.")
    assert "\n" in read_rows(out)[2]["question"]


def test_formulas_are_defused_but_numbers_kept():
    assert cell("=1+1") == "'=1+1"
    assert cell("@home") == "'@home"
    assert cell("+62 812 555") == "'+62 812 555"
    assert cell("-5") == "-5" and cell("+3,5%") == "+3,5%"
    assert cell("Bob <img src=x>") == "Bob <img src=x>"


def test_hostile_cells_stay_text(tmp_path, hostile):
    out = tmp_path / "h.csv"
    export(hostile, "csv", out)
    rows = read_rows(out)
    assert rows[0]["question"] == "Who wrote <script>alert('x')</script> on the board?"
    assert rows[1]["option_a"] == "'=2" and rows[1]["answer_text"] == "'=2"
    assert [r["id"] for r in rows] == ["en-script", "en:gift~chars", "en-aiken", "en-answer-line"]
