"""The deck is checked before the UI starts: bad input is one line on stderr and exit 1."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import main
from quizgen.deck import CUT

ROOT = Path(__file__).resolve().parents[2]
DECKS = ROOT / "tests" / "fixtures" / "decks"


def quiz(*args: str):
    return CliRunner().invoke(main, ["quiz", *args])


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


def test_missing_deck(tmp_path):
    assert "no such file" in one_line_error(quiz(str(tmp_path / "nope.yaml")))


def test_malformed_deck_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nquestions:\n  - id: a\n    stem: [oops\n", encoding="utf-8")
    assert f"{bad}:" in one_line_error(quiz(str(bad)))


def test_empty_deck_says_so():
    assert "no enabled questions" in one_line_error(quiz(str(DECKS / "empty.yaml")))


def test_unknown_kind_is_refused():
    line = one_line_error(quiz(str(DECKS / "harbour-en.yaml"), "--kind", "weather"))
    assert "'weather'" in line and "quote" in line


@pytest.mark.parametrize("args", [["--count", "0"], ["--ui-lang", "fr"]])
def test_bad_options_are_usage_errors(args):
    assert quiz(str(DECKS / "harbour-en.yaml"), *args).exit_code == 2


def run_app_py(*args: str, env_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), *args], capture_output=True, text=True,
        timeout=60, env={"QUIZGEN_DATA_DIR": str(env_dir), "PATH": "/usr/bin:/bin"})


def test_app_py_reports_a_bad_deck_before_starting(tmp_path):
    result = run_app_py(str(tmp_path / "missing.yaml"), env_dir=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "missing.yaml: no such file" in result.stderr


def test_app_py_help_lists_the_options(tmp_path):
    result = run_app_py("--help", env_dir=tmp_path)
    assert result.returncode == 0
    for option in ("--count", "--kind", "--seed", "--ui-lang"):
        assert option in result.stdout


def test_the_ui_is_not_imported_for_a_bad_deck(tmp_path):
    code = (
        "import sys\n"
        "from quizgen.cli.quiz import make_command\n"
        f"rc = make_command().main([{str(tmp_path / 'x.yaml')!r}], standalone_mode=False)\n"
    )
    probe = (
        "import sys, click\n"
        "try:\n"
        f"    exec({code!r})\n"
        "except click.ClickException:\n"
        "    pass\n"
        "heavy = [m for m in ('textual', 'trafilatura', 'genanki', 'py3langid')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stderr


def test_the_quiz_path_skips_the_heavy_pipeline_libraries(tmp_path):
    probe = (
        "import sys\n"
        "from quizgen.cli.quiz import prepare\n"
        f"deck = prepare({str(DECKS / 'harbour-en.yaml')!r}, ())\n"
        "from quizgen.quiz.app import QuizApp\n"
        f"QuizApp(deck, {str(DECKS / 'harbour-en.yaml')!r})\n"
        "print([m for m in ('trafilatura', 'genanki', 'py3langid') if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60, cwd=ROOT, env={"QUIZGEN_DATA_DIR": str(tmp_path),
                                                    "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "[]", out.stderr


def test_launch_pauses_the_collector_until_the_start_screen_is_painted(tmp_path):
    probe = (
        "import asyncio, gc\n"
        "from quizgen.quiz.launch import launch\n"
        f"app = launch({str(DECKS / 'harbour-en.yaml')!r})\n"
        "paused = not gc.isenabled()\n"
        "async def main():\n"
        "    async with app.run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "        print(paused, gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60, cwd=ROOT, env={"QUIZGEN_DATA_DIR": str(tmp_path),
                                                    "PATH": "/usr/bin:/bin"})
    assert out.stdout.split() == ["True", "True", "True"], out.stderr


def test_a_bad_deck_leaves_the_collector_running():
    import gc

    quiz(str(DECKS / "empty.yaml"))
    assert gc.isenabled()


def test_plain_app_py_path_reports_a_bad_deck_like_the_command(capsys, tmp_path):
    from quizgen.quiz.launch import main as plain_main

    assert plain_main(str(tmp_path / "gone.yaml")) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "no such file" in err and err.count("\n") == 1


def test_plain_app_py_path_needs_no_click(tmp_path):
    probe = (
        "import sys\n"
        "from quizgen.quiz.launch import launch\n"
        f"launch({str(DECKS / 'harbour-en.yaml')!r})\n"
        "print('click' in sys.modules, 'textual.app' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=60, cwd=ROOT, env={"QUIZGEN_DATA_DIR": str(tmp_path),
                                                    "PATH": "/usr/bin:/bin"})
    assert out.stdout.split() == ["False", "True"], out.stderr


HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


@pytest.mark.parametrize(("start", "new", "message"), [
    ("  - {path:", "  - {path: sources/pier.txt, sha256: '00', title: [a, b]}",
     ":9: source 1: 'title' must be text"),
    ("    fact:", "    fact: hello", ":18: question hostile-1: 'fact' must be a mapping"),
    ("settings:", "settings: [1, 2]", ":7: 'settings' must be a mapping"),
])
def test_a_field_of_the_wrong_type_stops_the_quiz_before_it_starts(tmp_path, start, new,
                                                                     message):
    lines = (HOSTILE / "control-characters.yaml").read_text(encoding="utf-8").splitlines()
    lines = [new if line.startswith(start) else line for line in lines]
    deck = tmp_path / "deck.yaml"
    deck.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert one_line_error(quiz(str(deck))) == f"Error: {deck}{message}"


@pytest.mark.parametrize("name", ["alias-bomb-title.yaml", "alias-bomb-fact.yaml"])
def test_an_alias_bomb_stops_the_quiz_before_it_starts(name):
    assert "alias bomb" in one_line_error(quiz(str(HOSTILE / name)))


def test_a_deck_cut_short_stops_the_quiz_before_it_starts(tmp_path):
    text = (ROOT / "decks" / "putin-vietnam-2024" / "deck.yaml").read_text(encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    deck.write_text(text[:len(text) // 2], encoding="utf-8")  # 22 of its 45 questions
    assert one_line_error(quiz(str(deck))).endswith(CUT)
