"""`quizgen facts`: one article's facts, or the merged fact base of several."""

import json
from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "decks" / "putin-vietnam-2024" / "sources"

ARTICLE_A = """Menteri Tiba di Surabaya

Menteri Perhubungan Budi Santoso tiba di Surabaya pada Senin (3/3/2025) untuk meninjau pelabuhan.

Budi menandatangani empat nota kesepahaman dengan pemerintah daerah [bold]hari itu[/bold].
"""

ARTICLE_B = """Kunjungan Menteri ke Surabaya

Menteri Perhubungan Budi Santoso tiba di Surabaya pada hari Minggu untuk kunjungan dua hari.

Dalam kunjungan itu Budi menandatangani 4 perjanjian dengan pemerintah daerah setempat.
"""


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["facts", *args], env=env)


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_one_file_jsonl_has_the_documented_keys(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    result = run(str(path), "--format", "jsonl", "--lang", "id")
    assert result.exit_code == 0, result.output
    facts = lines(result.output)
    date = next(f for f in facts if f["kind"] == "date")
    assert {"kind", "value", "text", "event", "sources"} <= set(date)
    assert date["value"] == "2025-03-03"
    assert set(date["sources"][0]) == {"doc", "sentence", "start", "end", "text"}
    count = next(f for f in facts if f["kind"] == "count")
    assert {"kind", "value", "unit", "text", "bound", "sources"} <= set(count)
    assert (count["value"], count["unit"], count["bound"]) == (4, "nota kesepahaman", "exact")


def test_several_files_are_merged_with_conflicts(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    result = run(str(tmp_path), "--format", "jsonl", "--lang", "id")
    assert result.exit_code == 0, result.output
    facts = lines(result.output)
    [conflict] = [f for f in facts if f["kind"] == "conflict"]
    assert conflict["values"] == ["2025-03-03 (Senin)", "Minggu"]
    assert {"about", "values", "sides", "sources"} <= set(conflict)
    assert all({"value", "sources"} <= set(side) for side in conflict["sides"])
    [agreements] = [f for f in facts if f["kind"] == "count" and f["value"] == 4]
    assert {s["doc"] for s in agreements["sources"]} == {str(tmp_path / "a.txt"),
                                                         str(tmp_path / "b.txt")}


def test_table_shows_article_text_literally(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    result = run(str(path), "--lang", "id")
    assert result.exit_code == 0, result.output
    assert "Dates" in result.output and "Counts" in result.output
    assert "2025-03-03" in result.output
    # rich markup in the article is printed as written, never interpreted
    flat = " ".join(result.output.replace("│", " ").split())
    assert "[bold]hari" in flat


def test_bad_files_are_reported_and_the_rest_processed(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(ARTICLE_A, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run(str(empty), str(tmp_path / "missing.txt"), str(good), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 2
    assert "empty.txt" in result.stderr and "missing.txt" in result.stderr
    assert any(f["kind"] == "date" for f in lines(result.stdout))


def test_example_corpus_table():
    result = run(str(CORPUS), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    facts = lines(result.output)
    assert any(f["kind"] == "date" and f["value"] == "2024-06-20" for f in facts)
    elevens = [f for f in facts if f["kind"] == "count" and f["value"] == 11]
    assert len({s["doc"] for f in elevens for s in f["sources"]}) == 2
    [conflict] = [f for f in facts if f["kind"] == "conflict"]
    assert conflict["values"] == ["2024-06-20 (Kamis)", "Rabu"]


def test_the_table_never_prints_control_characters(tmp_path):
    path = tmp_path / "a.txt"  # below the decoder's 1% of control bytes, so it is read
    path.write_text(ARTICLE_A.replace("Budi Santoso tiba", "Budi Santoso\x1b[2J\x1b[31m tiba")
                    + "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 20,
                    encoding="utf-8")
    result = run(str(path), "--lang", "id")
    assert result.exit_code == 0, result.output
    assert "Budi Santoso" in result.output and "\x1b" not in result.output


def test_a_table_written_to_a_file_keeps_each_quote_on_one_line():
    """Not a terminal: the table is as wide as its cells, not folded into 80 columns."""
    article = str(ROOT / "tests" / "fixtures" / "build" / "en" / "energy-talks.txt")
    result = run(article, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    quotes = [f["quote"] for f in lines(run(article, "--format", "jsonl").output)
              if f["kind"] == "quote"]
    assert quotes and any(len(q) > 80 for q in quotes)
    rows = result.output.splitlines()
    assert all(any(q in row for row in rows) for q in quotes)


def test_terminal_escapes_in_an_article_never_reach_the_output():
    hostile = ROOT / "tests" / "fixtures" / "hostile" / "terminal_escapes.txt"
    assert b"\x1b[2J" in hostile.read_bytes()
    for fmt in ("table", "jsonl"):
        result = run(str(hostile), "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "Halvorsen" in result.stdout
        assert "\x1b" not in result.stdout and "\\u001b" not in result.stdout
        assert "\x7f" not in result.stdout and "\\u007f" not in result.stdout
