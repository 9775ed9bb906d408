"""{article}: how a question names its article (issue 14); user templates may use it, and
`quizgen templates check` accepts it. Old copies of the built-ins keep loading."""

from click.testing import CliRunner

from quizgen.cli import main
from quizgen.templates import builtin_text, load_templates
from quizgen.templates.schema import SCHEMAS

MINE = """\
language: en
templates:
  - id: who-holds-role
    fact: person
    stem: 'In {article}, who is {role_np}?'
    answer: name
    explanation: '{title}: {name} is {role_np}.'
  - id: when-cloze
    fact: date
    stem: 'Which date completes "{cloze}" in {article}?'
    answer: date
"""

# a copy made by `quizgen templates init` before {article} existed
OLD_COPY = """\
language: id
templates:
  - id: pemegang-jabatan
    fact: person
    when: {min_role_words: 2}
    stem: 'Menurut artikel ini, siapa {role_np}?'
    answer: name
    distractors: people
    explanation: 'Artikel menyebut {name} sebagai {role_np}.'
"""


def test_every_fact_kind_knows_article():
    assert all("article" in s.placeholders and "title" in s.placeholders
               for s in SCHEMAS.values())


def test_templates_check_accepts_article(tmp_path):
    path = tmp_path / "templates.yaml"
    path.write_text(MINE, encoding="utf-8")
    result = CliRunner().invoke(main, ["templates", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 templates OK" in result.output
    assert [t.stem for t in load_templates(path).templates][0] == \
        "In {article}, who is {role_np}?"


def test_an_old_copy_of_the_builtins_still_loads(tmp_path):
    path = tmp_path / "templates.yaml"
    path.write_text(OLD_COPY, encoding="utf-8")
    result = CliRunner().invoke(main, ["templates", "check", str(path)])
    assert result.exit_code == 0, result.output


def test_a_fresh_copy_of_the_builtins_uses_article_and_checks(tmp_path):
    for lang in ("id", "en"):
        path = tmp_path / f"{lang}.yaml"
        result = CliRunner().invoke(main, ["templates", "init", str(path), "--lang", lang])
        assert result.exit_code == 0, result.output
        assert path.read_text(encoding="utf-8") == builtin_text(lang)
        assert "{article}" in builtin_text(lang)
        assert "artikel ini" not in builtin_text(lang).split("templates:")[1]
        assert "the article" not in builtin_text(lang).split("templates:")[1]
        check = CliRunner().invoke(main, ["templates", "check", str(path)])
        assert check.exit_code == 0, check.output
