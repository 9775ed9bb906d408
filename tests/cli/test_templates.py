from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import main
from quizgen.deck import load_deck
from quizgen.templates import load_builtin, load_templates

EN = Path(__file__).parents[1] / "fixtures" / "build" / "en"


def test_init_writes_an_editable_copy_and_never_overwrites(tmp_path):
    runner = CliRunner()
    path = tmp_path / "templates.yaml"
    result = runner.invoke(main, ["templates", "init", str(path), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert [t.id for t in load_templates(path).templates] == \
        [t.id for t in load_builtin("en").templates]
    path.write_text("# mine\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(main, ["templates", "init", str(path)])
    assert result.exit_code == 1 and "already exists" in result.output
    assert path.read_text(encoding="utf-8").startswith("# mine")
    result = runner.invoke(main, ["templates", "init", str(path), "--force"])
    assert result.exit_code == 0 and not path.read_text(encoding="utf-8").startswith("# mine")


def test_init_into_a_folder(tmp_path):
    result = CliRunner().invoke(main, ["templates", "init", str(tmp_path)])
    assert result.exit_code == 0
    assert load_templates(tmp_path / "templates.yaml").language == "id"


def test_check_reports_ok_or_the_line_at_fault(tmp_path):
    runner = CliRunner()
    path = tmp_path / "t.yaml"
    runner.invoke(main, ["templates", "init", str(path)])
    result = runner.invoke(main, ["templates", "check", str(path)])
    assert result.exit_code == 0 and "templates OK" in result.output
    text = path.read_text(encoding="utf-8").replace('"{quote}"?', '"{quote[0]}"?', 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "{quote[0]}" in t)
    result = runner.invoke(main, ["templates", "check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:{line}: template 'siapa-berkata': placeholder {{quote[0]}} is not allowed" \
        in result.output


def test_check_without_path_checks_the_builtins(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["templates", "check"])
    assert result.exit_code == 0
    assert "built-in id" in result.output and "built-in en" in result.output


def test_preview_renders_samples_and_writes_nothing(tmp_path):
    runner = CliRunner()
    path = tmp_path / "t.yaml"
    runner.invoke(main, ["templates", "init", str(path), "--lang", "en"])
    result = runner.invoke(main, ["templates", "preview", str(path), str(EN), "--samples", "1"])
    assert result.exit_code == 0, result.output
    assert "who-said (quote -> speaker)" in result.output
    assert "How many agreements were signed by Navarro and Whitaker?" in result.output
    assert "* " in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.yaml"]
    # without a template file: the built-ins for the articles' language
    result = runner.invoke(main, ["templates", "preview", str(EN)])
    assert result.exit_code == 0 and "who-stated" in result.output


def test_init_in_an_english_decks_folder_writes_english_templates(tmp_path):
    runner = CliRunner()
    deck = tmp_path / "deck.yaml"
    result = runner.invoke(main, ["build", str(EN), "-o", str(deck), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["templates", "init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "built-in en templates, the language of deck.yaml" in result.output
    assert load_templates(tmp_path / "templates.yaml").language == "en"
    # so the next build stays English, with the folder's templates
    result = runner.invoke(main, ["build", str(EN), "-o", str(deck), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert load_deck(deck).language == "en" and "templates.yaml" in result.output
    # --lang still chooses
    result = runner.invoke(main, ["templates", "init", str(tmp_path / "id.yaml"), "--lang", "id"])
    assert result.exit_code == 0 and load_templates(tmp_path / "id.yaml").language == "id"


def test_init_refuses_to_guess_between_decks_of_two_languages(tmp_path):
    from quizgen.deck import Deck, save_deck

    save_deck(Deck("a", "en"), tmp_path / "a.yaml")
    save_deck(Deck("b", "id"), tmp_path / "b.yaml")
    result = CliRunner().invoke(main, ["templates", "init", str(tmp_path)])
    assert result.exit_code == 1
    assert "decks of several languages here (a.yaml: en, b.yaml: id); choose with --lang" \
        in result.output
    assert not (tmp_path / "templates.yaml").exists()


def test_preview_refuses_templates_in_another_language(tmp_path):
    runner = CliRunner()
    path = tmp_path / "t.yaml"
    runner.invoke(main, ["templates", "init", str(path), "--lang", "id"])
    result = runner.invoke(main, ["templates", "preview", str(path), str(EN)])
    assert result.exit_code == 1
    assert f"{path}: these templates are Indonesian (id) but the articles are English (en)" \
        in result.output


def test_an_unknown_language_is_refused_by_check_and_build_alike(tmp_path):
    path = tmp_path / "t.yaml"
    CliRunner().invoke(main, ["templates", "init", str(path), "--lang", "en"])
    text = path.read_text(encoding="utf-8").replace("language: en", "language: xx")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("language: xx") + 1
    expected = f"Error: {path}:{line}: unknown language 'xx' (known: en, id)\n"
    check = CliRunner().invoke(main, ["templates", "check", str(path)])
    assert (check.exit_code, check.output) == (1, expected)
    build = CliRunner().invoke(main, ["build", str(EN), "-o", str(tmp_path / "deck.yaml"),
                                      "--templates", str(path)])
    assert (build.exit_code, build.output) == (1, expected)


def test_preview_prints_paths_with_rich_markup_as_they_are(tmp_path):
    import shutil

    sources = tmp_path / "[blink]src"
    shutil.copytree(EN, sources)
    (sources / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["templates", "preview", str(sources), "--samples", "1"],
                                env={"COLUMNS": "500"})  # a long tmp path on one line
    assert result.exit_code == 0, result.output
    assert f"skipped {sources / 'empty.txt'}: " in result.output
