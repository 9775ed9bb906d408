"""``quizgen export`` from the command line."""

import shutil
import zipfile

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
