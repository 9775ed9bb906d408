import pytest

from quizgen.errors import QuizgenError
from quizgen.templates import load_builtin, load_templates
from quizgen.templates.schema import SCHEMAS

GOOD = """\
language: id
templates:
  - id: siapa-berkata
    fact: quote
    when: {direct: true, min_words: 4}
    stem: 'Siapa yang mengatakan, "{quote}"?'
    answer: speaker
    distractors: speakers
    explanation: '{speaker}: "{quote_full}"'
"""


def write(tmp_path, text, name="t.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path, text):
    path = write(tmp_path, text)
    with pytest.raises(QuizgenError) as info:
        load_templates(path)
    message = str(info.value)
    assert "\n" not in message
    return path, info.value


@pytest.mark.parametrize("lang", ["id", "en"])
def test_builtin_sets_cover_every_kind_and_answer(lang):
    ts = load_builtin(lang)
    assert ts.language == lang
    pairs = {(t.fact, t.answer) for t in ts.templates}
    assert pairs == {(kind, a) for kind, s in SCHEMAS.items() for a in s.answers}
    assert {t.question_kind for t in ts.templates} == {"quote", "person", "role", "date",
                                                       "count"}


def test_good_file_loads_with_lines(tmp_path):
    ts = load_templates(write(tmp_path, GOOD))
    (t,) = ts.templates
    assert (t.id, t.fact, t.answer, t.distractors, t.line) == (
        "siapa-berkata", "quote", "speaker", "speakers", 3)
    assert t.when == {"direct": True, "min_words": 4}


@pytest.mark.parametrize(
    ("old", "new", "line", "reason"),
    [
        ("fact: quote", "fact: rumour", 4, "unknown fact kind 'rumour'"),
        ("{quote}", "{kutipan}", 6, "unknown placeholder {kutipan}"),
        ("{quote}", "{quote.__class__}", 6, "placeholder {quote.__class__} is not allowed"),
        ("{quote}", "{quote[0]}", 6, "placeholder {quote[0]} is not allowed"),
        ("{quote}", "{quote!r}", 6, "not allowed"),
        ("{quote}", "{quote", 6, "stray '{'"),
        ("{quote}", "{speaker}", 6, "gives the answer away"),
        ("    answer: speaker\n", "", 3, "missing key 'answer'"),
        ("min_words: 4", "min_words: banyak", 5, "'min_words' must be a whole number"),
        ("direct: true", "langsung: true", 5, "unknown condition 'langsung'"),
        ("    distractors: speakers\n", "    distractors: dates\n", 8,
         "distractors 'dates' do not fit"),
        ("answer: speaker", "answer: cue", 7, "has no answer 'cue'"),
        ("    explanation", "    bonus: 1\n    explanation", 9, "unknown key 'bonus'"),
        ("stem: 'Siapa", "stem: ['Siapa", 7, "YAML syntax error"),  # where YAML notices
        ("id: siapa-berkata", "id: 12", 3, "'id' must be text"),
        ("language: id", "language: xx", 1, "unknown language 'xx' (known: en, id)"),
    ],
)
def test_bad_templates_are_refused_with_file_and_line(tmp_path, old, new, line, reason):
    assert old in GOOD
    path, err = error_for(tmp_path, GOOD.replace(old, new))
    assert err.path == str(path)
    assert err.line == line, str(err)
    assert reason in str(err)
    assert str(err).startswith(f"{path}:{line}: ")


def test_duplicate_ids_across_a_folder(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(QuizgenError, match=r"b\.yaml:3: duplicate template id 'siapa-berkata' "
                                           r"\(first at .*a\.yaml:3\)"):
        load_templates(tmp_path)


def test_not_a_template_file(tmp_path):
    _, err = error_for(tmp_path, "- just\n- a list\n")
    assert "mapping with a 'templates:' list" in str(err)


def test_empty_folder_and_missing_file(tmp_path):
    with pytest.raises(QuizgenError, match="no template files"):
        load_templates(tmp_path)
    with pytest.raises(QuizgenError, match="no such file"):
        load_templates(tmp_path / "nope.yaml")


def test_control_characters_in_a_template_never_reach_a_question(tmp_path):
    text = GOOD.replace("'Siapa yang mengatakan,", '"\\e]0;pwned\\aSiapa\\e[2J yang mengatakan,')
    text = text.replace('"{quote}"?\'', '\\"{quote}\\"?"')
    stem = load_templates(write(tmp_path, text)).templates[0].stem
    assert stem == 'Siapa yang mengatakan, "{quote}"?'
