"""``quizgen clean``: the cleaned article on stdout, removed lines and errors on stderr."""

from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import main

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


def run(*args: str):
    return CliRunner().invoke(main, ["clean", *args])


def test_prints_title_blank_line_and_paragraphs():
    result = run(str(ARTICLES / "id_bom_utf8.txt"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Petani Garam Panen Lebih Awal\n"
        "\n"
        "Petani garam di pesisir utara panen lebih awal tahun ini karena kemarau datang sejak"
        " Mei.\n"
        "\n"
        "Harga garam di tingkat petani naik menjadi Rp 1.200 per kilogram, kata ketua kelompok"
        " tani setempat.\n"
    )
    assert result.stderr == ""


def test_show_removed_lists_lines_and_reasons_on_stderr():
    result = run("--show-removed", str(ARTICLES / "en_storm.txt"))
    assert result.exit_code == 0
    assert "removed [byline] By Daniel Reeve" in result.stderr
    assert "removed [unrelated-headline] Celebrity Chef" in result.stderr
    assert "By Daniel Reeve" not in result.stdout
    assert result.stdout.startswith("Storm Knocks Out Power Across Northern Harbour Towns\n\n")


def test_bad_files_reported_one_line_each_others_still_printed_exit_1():
    result = run(str(ARTICLES / "mixed"))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    assert any("02_nul.txt: binary file" in line for line in errors)
    assert "Jalan Tol Baru Dibuka untuk Mudik" in result.stdout
    assert "Museum Opens Night Tours" in result.stdout


def test_lang_option_is_checked():
    result = run("--lang", "fr", str(ARTICLES / "en_storm.txt"))
    assert result.exit_code == 2
    assert "--lang" in result.output
