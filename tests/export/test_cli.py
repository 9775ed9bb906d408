"""``quizgen export`` from the command line."""

import re
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import main


@pytest.fixture
def deck_file(tmp_path, fixtures_dir):
    path = tmp_path / "berita.yaml"
    shutil.copy(fixtures_dir / "berita-id.yaml", path)
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(("fmt", "suffix"), [("anki", ".apkg"), ("gift", ".gift.txt"),
                                             ("aiken", ".aiken.txt"), ("csv", ".csv")])
def test_default_output_sits_beside_the_deck(deck_file, fmt, suffix):
    result = run("export", str(deck_file), "--format", fmt)
    assert result.exit_code == 0, result.output
    out = deck_file.with_name("berita" + suffix)
    assert result.output.strip() == f"Wrote 3 questions to {out}"
    assert out.stat().st_size > 0


def test_anki_is_the_default_format_and_o_sets_the_path(deck_file, tmp_path):
    out = tmp_path / "sub" / "my deck.apkg"
    result = run("export", str(deck_file), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert set(zipfile.ZipFile(out).namelist()) == {"collection.anki2", "media"}


def test_card_style_basic(deck_file, tmp_path):
    result = run("export", str(deck_file), "--card-style", "basic", "-o", str(tmp_path / "b.apkg"))
    assert result.exit_code == 0, result.output


def test_card_style_only_for_anki(deck_file):
    result = run("export", str(deck_file), "-f", "csv", "--card-style", "basic")
    assert result.exit_code == 1
    assert "--card-style applies to --format anki, not csv" in result.output


def test_bad_deck_is_one_line_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("questions:\n  - id: a\n    stem: x\n    options: [a]\n    answer: 0\n",
                   encoding="utf-8")
    result = run("export", str(bad))
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {bad}:4: question a: needs at least 2 options"
    assert not (tmp_path / "bad.apkg").exists()


def test_too_many_options_names_the_deck(tmp_path):
    deck = tmp_path / "seven.yaml"
    deck.write_text("questions:\n  - id: q7\n    stem: x\n    options: [a, b, c, d, e, f, g]\n"
                    "    answer: 0\n", encoding="utf-8")
    result = run("export", str(deck), "-f", "gift")
    assert result.exit_code == 1
    assert f"Error: {deck}: question q7: 7 options" in result.output


def test_unwritable_output_is_a_clean_error(deck_file, tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    out = tmp_path / "a-file" / "deck.csv"  # its folder is a file
    result = run("export", str(deck_file), "-f", "csv", "-o", str(out))
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {out}: cannot write: ")
    assert len(result.output.strip().splitlines()) == 1


def test_cli_formats_match_the_registry():
    from quizgen.cli.export import FORMAT_NAMES
    from quizgen.export import FORMATS

    assert set(FORMAT_NAMES) == set(FORMATS)


HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
FORMATS = ["anki", "gift", "aiken", "csv"]
# what may stand in an export: tab, newline, CR (CSV rows end in CRLF), Anki's field separator
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1e\x7f-\x9f]")


def exported_text(path: Path, fmt: str) -> str:
    if fmt != "anki":
        return path.read_text(encoding="utf-8-sig")
    with zipfile.ZipFile(path) as zf, tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.anki2"
        db.write_bytes(zf.read("collection.anki2"))
        with sqlite3.connect(db) as conn:
            rows = conn.execute("select flds, tags from notes").fetchall()
            names = conn.execute("select decks from col").fetchall()
    return "\n".join(f"{flds}\n{tags}" for flds, tags in rows) + str(names)


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_export_carries_control_characters(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = run("export", str(HOSTILE / "control-characters.yaml"), "-f", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    text = exported_text(out, fmt)
    assert "Ana Silva" in text and "Ben Okoro" in text
    assert not _CONTROL.findall(text)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["alias-bomb-title.yaml", "alias-bomb-fact.yaml"])
def test_an_alias_bomb_is_one_line_and_writes_nothing(tmp_path, fmt, name):
    out = tmp_path / "out"
    result = run("export", str(HOSTILE / name), "-f", fmt, "-o", str(out))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: {HOSTILE / name}: " + result.output.split(": ", 2)[2].rstrip("\n")]
    assert "alias bomb" in result.output and not out.exists()


TYPE_GAPS = [  # (the line of the control-characters deck that starts so, its new text, message)
    ("    fact:", "    fact: hello", "question hostile-1: 'fact' must be a mapping"),
    ("    fact:", "    fact: [1, 2]", "question hostile-1: 'fact' must be a mapping"),
    ("settings:", "settings: [1, 2]", "'settings' must be a mapping"),
    ("        title:", "        title: 42", "question hostile-1: source 1: 'title' must be text"),
    ("        title:", "        title: [a, b]",
     "question hostile-1: source 1: 'title' must be text"),
    ("        text:", "        text: 7", "question hostile-1: source 1: 'text' must be text"),
    ("    explanation:", "    explanation: [a, b]",
     "question hostile-1: 'explanation' must be text"),
    ("  - {path:", "  - {path: sources/pier.txt, sha256: '00', title: [a, b]}",
     "source 1: 'title' must be text"),
    ("    answer:", "    answer: one", "question hostile-1: 'answer' must be an integer"),
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("start", "new", "message"), TYPE_GAPS)
def test_a_field_of_the_wrong_type_is_one_line_with_file_and_line(tmp_path, fmt, start, new,
                                                                  message):
    lines = (HOSTILE / "control-characters.yaml").read_text(encoding="utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith(start))
    lines[at] = new
    deck = tmp_path / "deck.yaml"
    deck.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("export", str(deck), "-f", fmt, "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.output == f"Error: {deck}:{at + 1}: {message}\n"
