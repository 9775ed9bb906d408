"""What a new user follows in README.md: its commands and keys are the ones quizgen has."""

import shlex
from pathlib import Path

from quizgen import lang
from quizgen.quiz.session import LETTERS, MAX_OPTIONS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(program: str) -> list[list[str]]:
    """The README's command lines starting with ``program``, split as the shell would."""
    lines = [line.split("  #")[0] for line in README.splitlines() if line.startswith(program)]
    return [shlex.split(line) for line in lines]


def test_the_export_examples_write_different_files():
    from quizgen.export import default_path

    outputs = []
    for args in commands("quizgen export "):
        fmt = args[args.index("-f") + 1] if "-f" in args else "anki"
        outputs.append(args[args.index("-o") + 1] if "-o" in args else
                       str(default_path(args[2], fmt)))
    assert len(outputs) >= 5 and len(set(outputs)) == len(outputs), outputs


def test_the_readme_and_the_in_app_help_give_the_keys_the_quiz_takes():
    keys = f"1-{MAX_OPTIONS} or A-{LETTERS[MAX_OPTIONS - 1]}"
    assert keys in " ".join(README.split())
    assert lang.data("en", "ui")["help_text"].startswith(f"{keys} ")
    assert lang.data("id", "ui")["help_text"].startswith(keys.replace(" or ", " atau ") + " ")


def test_the_readme_says_how_to_switch_the_quiz_language_and_how_answer_counts():
    flat = " ".join(README.split())
    assert "python app.py --ui-lang en" in flat
    assert "`answer:` is the position of the right option in its `options:` list, counting " \
           "from 0" in flat
