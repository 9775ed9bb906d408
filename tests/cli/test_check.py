"""`quizgen check`: one line per suspect question, a summary, exit 1 / 0 / 2."""

from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import main
from quizgen.cli.check import CHECK_NAMES as CLI_NAMES

FIXTURES = Path(__file__).parents[1] / "fixtures" / "check"


def run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def test_the_cli_knows_every_check():
    from quizgen.check import CHECK_NAMES

    assert CLI_NAMES == CHECK_NAMES


def test_suspects_are_listed_one_line_each_then_a_summary():
    result = run(str(FIXTURES / "suspects-en.yaml"))
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    *found, summary = lines
    assert len(found) == 19
    for line in found:
        qid, check, reason = line.split("  ", 2)
        assert check in CLI_NAMES and reason and " " not in qid
    assert "twin-stem-b  twins  has nearly the same stem as twin-stem-a" in found
    assert summary.startswith("19 suspect questions of 27 enabled (all checks): ")
    assert "answer-not-option 2" in summary and "option-true 4" in summary


def test_a_clean_deck_exits_0():
    result = run(str(FIXTURES / "clean.yaml"))
    assert result.exit_code == 0, result.output
    assert result.output == "No suspect questions among 2 enabled (all checks).\n"


def test_only_and_skip():
    result = run(str(FIXTURES / "suspects-en.yaml"), "--only", "twins", "--only", "language")
    assert result.exit_code == 1
    checks = {line.split("  ")[1] for line in result.output.splitlines()[:-1]}
    assert checks == {"twins", "language"}
    assert "(2 of 8 checks)" in result.output
    result = run(str(FIXTURES / "suspects-id.yaml"), "--skip", "duplicate-options",
                 "--skip", "language", "--skip", "stem-alone", "--skip", "dates-readable")
    assert result.exit_code == 0, result.output
    result = run(str(FIXTURES / "clean.yaml"), "--only", "nope")
    assert result.exit_code == 2 and "nope" in result.output


def test_an_answer_out_of_range_is_a_finding():
    result = run(str(FIXTURES / "answer-out-of-range.yaml"))
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == \
        "ferry-count  answer-not-option  answer 3 is not an option index (0..2)"


def test_a_missing_or_broken_deck_is_one_line_and_exit_2(tmp_path):
    result = run(str(tmp_path / "missing.yaml"))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ")
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nquestions: [\n", encoding="utf-8")
    result = run(str(broken))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "broken.yaml" in result.output


def test_article_text_is_printed_as_is_without_control_characters(tmp_path):
    deck = tmp_path / "deck.yaml"
    deck.write_text(
        'format: 1\nlanguage: en\nquestions:\n'
        '  - id: "q[bold]1"\n    stem: Who runs the pier?\n'
        '    options: ["[red]Pier\\e board", "[red]pier board", Ferry office]\n'
        '    answer: 2\n', encoding="utf-8")
    result = run(str(deck))
    assert result.exit_code == 1, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("q[bold]1  duplicate-options  option 1 \"[red]Pier board\"")
    assert "\x1b" not in result.output
