import re
import tempfile
from dataclasses import asdict, is_dataclass, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.deck import CUT, END, HEAD, Deck, Question, QuestionSource, load_deck, save_deck
from quizgen.errors import QuizgenError
from quizgen.safetext import CONTROL


def _deck() -> Deck:
    q = Question(
        id="q-1", template="who-said", kind="quote", stem="Siapa yang mengatakan [AS] ini?",
        options=["A", "B", "C", "D"], answer=2, explanation="x",
        fact={"kind": "quote", "speaker": "C"},
        sources=[QuestionSource(doc="a.txt", sentence=1, start=0, end=5, title="T", text="t")],
    )
    return Deck(title="Contoh", language="id", questions=[q])


def test_round_trip(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    assert load_deck(path) == _deck()
    assert "Siapa yang mengatakan [AS] ini?" in path.read_text(encoding="utf-8")


def test_syntax_error_names_file_and_line(tmp_path):
    path = tmp_path / "deck.yaml"
    path.write_text("title: x\nquestions:\n  - id: a\n    stem: [unclosed\n", encoding="utf-8")
    with pytest.raises(QuizgenError) as info:
        load_deck(path)
    assert str(info.value).startswith(f"{path}:")
    assert "\n" not in str(info.value)


def test_bad_answer_index_points_at_its_line(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    text = path.read_text(encoding="utf-8").replace("answer: 2", "answer: 9")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  answer: 9") + 1
    with pytest.raises(QuizgenError, match=rf":{line}: question q-1: answer 9"):
        load_deck(path)


def test_missing_deck(tmp_path):
    with pytest.raises(QuizgenError, match="no such file"):
        load_deck(tmp_path / "nope.yaml")


# any text a deck can show: no surrogates, no control characters but tab and newline (the
# others are dropped on reading, see test_control_characters_never_leave_the_deck_file)
texts = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n"))
tricky = st.sampled_from(["yes", "no", "~", "null", "1e3", "- item", "a: b", "# x", "'q'",
                          '"q"', "tab\there", "two\nlines\n", "🎉", "", " padded "])


@settings(max_examples=100, deadline=None)
@given(stem=texts | tricky, options=st.lists(texts | tricky, min_size=2, max_size=6),
       explanation=texts | tricky, quote=texts | tricky, text=texts | tricky)
def test_any_text_survives_save_and_load(stem, options, explanation, quote, text):
    deck = _deck()
    q = deck.questions[0]
    q.stem, q.options, q.answer, q.explanation = stem, options, len(options) - 1, explanation
    q.fact = {"kind": "quote", "quote": quote, "count": 3, "direct": False, "via": None,
              "sources": [{"doc": text, "start": 1}]}
    q.sources[0].text = text
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.yaml"
        save_deck(deck, path)
        first = path.read_bytes()
        assert load_deck(path) == deck
        save_deck(load_deck(path), path)
        assert path.read_bytes() == first  # same deck, same bytes


def test_a_failed_save_keeps_the_old_deck(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    before = path.read_bytes()
    broken = _deck()
    broken.questions = [_deck().questions[0]] * 3 + [replace(_deck().questions[0],
                                                             fact={"x": object()})]
    with pytest.raises(TypeError):
        save_deck(broken, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"]


def test_an_empty_deck_is_valid(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(Deck(title="Kosong", language="en"), path)
    assert "questions: []" in path.read_text(encoding="utf-8")
    assert load_deck(path) == Deck(title="Kosong", language="en")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("  stem: Siapa", "  stm: Siapa", "question 1 has no 'stem'"),
    ("  answer: 2", "  answer: two", "question q-1: 'answer' must be an integer"),
    ("  answer: 2", "  answer: true", "question q-1: 'answer' must be an integer"),
    ("- id: q-1", "- id: [q-1]", "question 1: 'id' must be text"),
    ("  - C\n  - D\n", "", "question q-1: answer 2 is not an option index (0..1)"),
    ("  - A\n  - B\n  - C\n  - D\n", "  - A\n", "question q-1: needs at least 2 options"),
    ("  - B\n", "  - 7\n", "question q-1: every option must be text"),
    ("  enabled: true", "  enabled: maybe", "question q-1: 'enabled' must be true or false"),
    ("    sentence: 1\n", "    sentense: 1\n", "question q-1: source 1: unknown key 'sentense'"),
    ("    sentence: 1\n", "", "question q-1: source 1 has no 'sentence'"),
    ("    sentence: 1\n", "    sentence: one\n",
     "question q-1: source 1: 'sentence' must be an integer"),
    ("  sources:\n  - doc", "  sources:\n  - 7\n  - doc",
     "question q-1: source 1 is not a mapping"),
    ("    title: T\n", "    title: 42\n", "question q-1: source 1: 'title' must be text"),
    ("    text: t\n", "    text: [a, b]\n", "question q-1: source 1: 'text' must be text"),
    ("  fact:\n    kind: quote\n    speaker: C\n", "  fact: hello\n",
     "question q-1: 'fact' must be a mapping"),
    ("  fact:\n    kind: quote\n    speaker: C\n", "  fact: [1, 2]\n",
     "question q-1: 'fact' must be a mapping"),
    ("  explanation: x\n", "  explanation: [a, b]\n", "question q-1: 'explanation' must be text"),
    ("  template: who-said\n", "  template: {a: 1}\n", "question q-1: 'template' must be text"),
    ("  checksum: ''\n", "  checksum: 5\n", "question q-1: 'checksum' must be text"),
])
def test_malformed_questions_are_one_line_errors(tmp_path, old, new, message):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(QuizgenError) as info:
        load_deck(path)
    assert re.match(rf"{re.escape(str(path))}:\d+: ", str(info.value))  # file:line: ...
    assert message in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("old", "new", "message"), [
    ("settings: {}", "settings: [1, 2]", "'settings' must be a mapping"),
    ("title: Contoh", "title: [a, b]", "'title' must be text"),
    ("language: id", "language: 7", "'language' must be text"),
    ("sources: []", "sources: [{path: a.txt, sha256: '0', title: [a, b]}]",
     "source 1: 'title' must be text"),
    ("sources: []", "sources: [{path: a.txt}]", "source 1 has no 'sha256'"),
    ("sources: []", "sources: 3", "'sources' must be a list"),
])
def test_malformed_deck_heads_are_one_line_errors(tmp_path, old, new, message):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text.splitlines().index(old) + 1
    with pytest.raises(QuizgenError) as info:
        load_deck(path)
    assert str(info.value) == f"{path}:{line}: {message}"


def test_an_empty_or_null_source_title_and_text_read_as_empty(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    text = path.read_text(encoding="utf-8").replace("    title: T\n", "    title:\n")
    path.write_text(text.replace("    text: t\n", "    text: null\n"), encoding="utf-8")
    src = load_deck(path).questions[0].sources[0]
    assert (src.title, src.text) == ("", "")


def test_duplicate_ids_point_at_the_second(tmp_path):
    path = tmp_path / "deck.yaml"
    deck = _deck()
    deck.questions.append(replace(deck.questions[0]))
    save_deck(deck, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    second = [n for n, line in enumerate(lines, 1) if line == "- id: q-1"][1]
    with pytest.raises(QuizgenError, match=rf":{second}: duplicate question id 'q-1'"):
        load_deck(path)


def test_a_question_that_is_not_a_mapping(tmp_path):
    path = tmp_path / "deck.yaml"
    path.write_text("title: x\nquestions:\n- just text\n", encoding="utf-8")
    with pytest.raises(QuizgenError, match=r"deck\.yaml:3: question 1 is not a mapping"):
        load_deck(path)


def test_quizgen_marks_the_questions_it_disabled_and_only_those(tmp_path):
    path = tmp_path / "deck.yaml"
    deck = _deck()
    mine = replace(deck.questions[0], id="q-2", enabled=False)
    tools = replace(deck.questions[0], id="q-3", enabled=False, disabled_by="quizgen",
                    disabled_reason="not enough distractors")
    deck.questions += [mine, tools]
    save_deck(deck, path)
    text = path.read_text(encoding="utf-8")
    assert text.count("disabled_by: quizgen") == 1
    assert "disabled_reason: not enough distractors" in text
    assert load_deck(path) == deck
    assert [q.disabled_by_tool for q in load_deck(path).questions] == [False, False, True]


def test_a_deck_written_before_disabled_by_loads_its_enabled_false_as_the_users(tmp_path):
    path = tmp_path / "deck.yaml"
    path.write_text("format: 1\ntitle: Lama\nlanguage: en\nquestions:\n"
                    "- {id: a, stem: 'Who?', options: [X, Y], answer: 0, enabled: false}\n",
                    encoding="utf-8")
    (q,) = load_deck(path).questions
    assert not q.enabled and not q.disabled_by_tool


def test_enabling_a_question_quizgen_disabled_makes_it_the_users(tmp_path):
    path = tmp_path / "deck.yaml"
    path.write_text("title: t\nquestions:\n- {id: a, stem: 'Who?', options: [X, Y], answer: 0,"
                    " enabled: true, disabled_by: quizgen, disabled_reason: gone}\n",
                    encoding="utf-8")
    (q,) = load_deck(path).questions
    assert q.enabled and q.disabled_by == "" and q.disabled_reason == ""
    path.write_text(path.read_text(encoding="utf-8").replace("quizgen", "me"),
                    encoding="utf-8")
    with pytest.raises(QuizgenError, match=r":3: question a: 'disabled_by' can only be quizgen"):
        load_deck(path)


def test_peek_language_reads_a_decks_head_only(tmp_path):
    from quizgen.deck import peek_language

    path = tmp_path / "deck.yaml"
    save_deck(replace(_deck(), language="en"), path)
    assert peek_language(path) == "en"
    (tmp_path / "t.yaml").write_text("language: id\ntemplates: []\n", encoding="utf-8")
    assert peek_language(tmp_path / "t.yaml") is None  # a template file is no deck
    assert peek_language(tmp_path / "missing.yaml") is None


HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"


def _strings(value) -> list[str]:
    """Every string in a deck (its dataclasses as dicts), keys included."""
    if is_dataclass(value):
        value = asdict(value)
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def test_control_characters_never_leave_the_deck_file():
    deck = load_deck(HOSTILE / "control-characters.yaml")
    assert not [s for s in _strings(deck) if CONTROL.search(s)]
    q = deck.questions[0]
    assert deck.title == "Harbour week"
    assert q.options == ["Ana Silva", "Ben Okoro", "Chen Li"]
    assert q.explanation == "Ana Silva said it on Monday."
    assert q.fact["speaker"] == "Ana Silva"
    assert (q.sources[0].title, deck.sources[0].title) == ("Pier news", "Pier news")


@pytest.mark.parametrize("name", ["alias-bomb-title.yaml", "alias-bomb-fact.yaml"])
def test_an_alias_bomb_deck_is_refused_in_one_line(name):
    with pytest.raises(QuizgenError, match="alias bomb") as info:
        load_deck(HOSTILE / name)
    assert str(info.value).startswith(f"{HOSTILE / name}: aliases (*name) expand past ")


def _long_deck(n: int = 45) -> Deck:
    deck = _deck()
    deck.questions = [replace(deck.questions[0], id=f"q-{i}") for i in range(n)]
    for q in deck.questions:
        q.stamp()
    return deck


def test_quizgen_marks_where_its_deck_starts_and_ends(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(_long_deck(2), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert (lines[0] + "\n", lines[-1]) == (HEAD, END)
    (tmp_path / "more.yaml").write_text(  # a question added below the last line is read
        path.read_text(encoding="utf-8") + "- {id: mine, stem: x?, options: [a, b], answer: 0}\n",
        encoding="utf-8")
    assert [q.id for q in load_deck(tmp_path / "more.yaml").questions] == ["q-0", "q-1", "mine"]


def test_a_deck_cut_short_anywhere_is_reported_never_read_as_a_smaller_deck(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(_long_deck(3), path)
    text = path.read_bytes()
    for cut in range(len(HEAD), len(text) - 1):
        path.write_bytes(text[:cut])
        with pytest.raises(QuizgenError) as info:
            load_deck(path)
        line = text[:cut].count(b"\n") + (not text[:cut].endswith(b"\n"))
        assert str(info.value) == f"{path}:{line}: no last line '{END}': {CUT}"


def test_an_older_deck_cut_in_its_last_question_is_reported(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(_long_deck(45), path)
    old = path.read_text(encoding="utf-8").removeprefix(HEAD).removesuffix(END + "\n")
    old = old.split("\n", 1)[1] if old.startswith("# ") else old  # and its answer note
    path.write_text(old, encoding="utf-8")  # as quizgen wrote decks before HEAD and END
    assert len(load_deck(path).questions) == 45
    half = old[:len(old) // 2]
    assert not half.endswith("\n")  # cut mid-line, as a full disk or a stopped copy does
    path.write_text(half, encoding="utf-8")
    with pytest.raises(QuizgenError, match="YAML syntax error at the end of the file .*"
                       + re.escape(CUT)):  # the cut is in the middle of a key
        load_deck(path)
    half = old[:old.index("  stem: ", len(old) // 2) + 12]  # in the middle of a value
    path.write_text(half, encoding="utf-8")
    with pytest.raises(QuizgenError, match=r"the last question stops before its '\w+': "
                       + re.escape(CUT)):
        load_deck(path)
    cut_checksum = old[:old.rindex("checksum: ") + 15]
    path.write_text(cut_checksum, encoding="utf-8")
    with pytest.raises(QuizgenError, match="stops before its whole 'checksum'"):
        load_deck(path)


def test_a_hand_written_deck_needs_no_last_line_and_no_checksums(tmp_path):
    path = tmp_path / "deck.yaml"
    path.write_text("questions:\n"
                    "- {id: a, stem: A?, options: [x, y], answer: 0, explanation: because}\n"
                    "- {id: b, stem: B?, options: [x, y], answer: 1}\n", encoding="utf-8")
    assert [q.id for q in load_deck(path).questions] == ["a", "b"]
