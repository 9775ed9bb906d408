"""quizgen.check: each check flags the fixture question made for it, and nothing clean."""

from pathlib import Path

import pytest

from quizgen.check import CHECK_NAMES, CHECKS, Finding, check_deck, load_for_check, selected
from quizgen.check.text import date_value, norm, number_value, plain
from quizgen.deck import load_deck, save_deck
from quizgen.errors import QuizgenError

FIXTURES = Path(__file__).parent / "fixtures" / "check"
GOLD = Path(__file__).parent / "fixtures" / "gold"

# question id -> the checks that must flag it; every other question must not be flagged
EXPECTED = {
    "suspects-en.yaml": {
        "answer-wrong-option": {"answer-not-option"},
        "answer-missing": {"answer-not-option"},
        "duplicate-text": {"duplicate-options"},
        "duplicate-number": {"duplicate-options"},
        "duplicate-date": {"duplicate-options"},
        "true-alias": {"option-true"},
        "true-role": {"option-true"},
        "true-speaker": {"option-true"},
        "true-bound": {"option-true"},
        "language-quote": {"language"},
        "language-option": {"language"},
        "alone-lowercase": {"stem-alone"},
        "alone-pronoun": {"stem-alone"},
        "alone-list": {"stem-alone"},
        "alone-option-written": {"stem-alone"},
        "iso-date": {"dates-readable"},
        "twin-which-quote": {"twins"},
        "twin-stem-b": {"twins"},
        "source-unnamed": {"source-named"},
    },
    "suspects-id.yaml": {
        "sendiri-itu": {"stem-alone"},
        "sendiri-hal-itu": {"stem-alone"},
        "sendiri-daftar": {"stem-alone"},
        "bahasa-opsi": {"language"},
        "bahasa-kutipan": {"language"},
        "ganda-angka": {"duplicate-options"},
        "ganda-kata-bilangan": {"duplicate-options"},
        "ganda-tanggal": {"duplicate-options"},
        "iso-tanggal": {"dates-readable"},
    },
    "clean.yaml": {},
}


def flagged(findings: list[Finding]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in findings:
        out.setdefault(f.question, set()).add(f.check)
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_fixture_question_gets_exactly_its_checks(name):
    deck = load_deck(FIXTURES / name)
    assert flagged(check_deck(deck)) == EXPECTED[name]


@pytest.mark.parametrize("check", CHECK_NAMES)
def test_each_check_alone_flags_its_questions_and_no_clean_one(check):
    for name, expected in EXPECTED.items():
        deck = load_deck(FIXTURES / name)
        got = {f.question for f in check_deck(deck, [check])}
        assert got == {qid for qid, checks in expected.items() if check in checks}, name
        assert not any(qid.startswith(("clean-", "bersih-")) for qid in got)


def test_every_check_is_covered_by_a_fixture_and_documented():
    covered = {c for exp in EXPECTED.values() for checks in exp.values() for c in checks}
    assert covered == set(CHECK_NAMES)
    for check in CHECKS:
        assert check.summary, f"{check.name} has no docstring saying why"


def test_disabled_questions_are_not_checked():
    deck = load_deck(FIXTURES / "suspects-en.yaml")
    assert "disabled-suspect" not in {f.question for f in check_deck(deck)}


def test_findings_are_in_deck_order_one_line_each():
    deck = load_deck(FIXTURES / "suspects-en.yaml")
    findings = check_deck(deck)
    order = [q.id for q in deck.questions]
    positions = [order.index(f.question) for f in findings]
    assert positions == sorted(positions)
    line = findings[0].line()
    qid, check, reason = line.split("  ", 2)
    assert (qid, check) == ("answer-wrong-option", "answer-not-option")
    assert "Bramwell Tusk" in reason and "\n" not in line


def test_a_line_strips_control_characters():
    f = Finding("q\x1b[31m1", "language", "option 1 \"a\nb\x07\u202e\" reads as English")
    line = f.line()
    assert "\x1b" not in line and "\n" not in line and "\x07" not in line
    assert "\u202e" not in line
    assert line.startswith("q [31m1  language  ")


def test_only_and_skip_pick_checks():
    assert selected() == list(CHECK_NAMES)
    assert selected(only=["twins", "language"]) == ["language", "twins"]
    assert "twins" not in selected(skip=["twins"])
    assert selected(only=["twins"], skip=["twins"]) == []
    with pytest.raises(QuizgenError, match="unknown check 'nope'"):
        selected(only=["nope"])


def test_an_answer_out_of_range_is_reported_not_fatal():
    path = FIXTURES / "answer-out-of-range.yaml"
    with pytest.raises(QuizgenError):
        load_deck(path)  # the other commands refuse such a deck
    deck, bad = load_for_check(path)
    assert bad == {"ferry-count": "answer 3 is not an option index (0..2)"}
    findings = check_deck(deck, bad_answer=bad)
    assert [(f.question, f.check) for f in findings] == [("ferry-count", "answer-not-option")]


def test_other_deck_problems_stay_errors(tmp_path):
    bad = tmp_path / "deck.yaml"
    bad.write_text("format: 1\nquestions:\n  - id: a\n    stem: s\n    options: [x]\n"
                   "    answer: 5\n", encoding="utf-8")
    with pytest.raises(QuizgenError, match="needs at least 2 options"):
        load_for_check(bad)
    with pytest.raises(QuizgenError):
        load_for_check(tmp_path / "missing.yaml")


def test_a_deck_cut_short_stays_an_error_even_with_an_answer_out_of_range(tmp_path):
    path = tmp_path / "deck.yaml"
    save_deck(load_for_check(FIXTURES / "answer-out-of-range.yaml")[0], path)
    text = path.read_text(encoding="utf-8").replace("answer: 0", "answer: 3", 1)
    path.write_text(text[:text.rindex("\n- id:")], encoding="utf-8")
    with pytest.raises(QuizgenError, match="cut short"):
        load_for_check(path)


@pytest.mark.parametrize("text, value", [
    ("1,200", 1200), ("1.200", 1200), ("1200", 1200), ("dua belas", 12), ("twelve", 12),
    ("3.5 billion", 3_500_000_000), ("Ashgrove", None), ("12 boats", None),
])
def test_number_value(text, value):
    assert number_value(text, "id" if text in ("1.200", "dua belas") else "en") == value


def test_date_value_reads_dates_as_readers_write_them():
    a = date_value("Friday, March 7")
    for text in ("7 Maret 2025", "Jumat (7/3)", "2025-03-07", "7th of March, 2025",
                 "Jumat, 7 Maret 2025"):
        d = date_value(text)
        assert d is not None and d.agrees(a), text
    assert not date_value("8 March").agrees(a)
    assert date_value("Agus Rimbaldi") is None and date_value("March") is None


def test_norm_ignores_case_accents_spaces_and_punctuation():
    assert norm(" Jean-Noël  BARROT. ") == norm("jean noel barrot")
    assert plain("a\tb\r\nc") == "a b c"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_built_deck_of_one_language_has_no_false_alarms(tmp_path, lang):
    """On the gold articles of one language, only the checks that find real problems in
    them (clozes needing their context, twin questions) may fire."""
    from quizgen.build import build

    sources = sorted(str(p) for p in GOLD.glob(f"{lang}_*") if p.suffix in (".txt", ".md",
                                                                               ".html"))
    result = build(sources, tmp_path / "deck.yaml", title="gold", lang=lang, jobs=1)
    findings = check_deck(result.deck)
    assert {f.check for f in findings} <= {"stem-alone", "twins"}
    assert len(findings) < len(result.deck.enabled) / 2


def test_a_hand_edited_fact_of_any_shape_is_checked_not_fatal(tmp_path):
    path = tmp_path / "deck.yaml"
    path.write_text(
        "questions:\n"
        "- {id: a, stem: Who is the minister?, options: [Ana, Ben], answer: 0,\n"
        "   fact: {kind: person, name: Ana, roles: true, aliases: 3}}\n"
        "- {id: b, stem: How many?, options: ['3', '4'], answer: 0,\n"
        "   fact: {kind: count, 1: one, x: two, value: 3, bound: 7}}\n"
        "- {id: c, stem: How many boats?, options: ['3', '5'], answer: 0,\n"
        "   fact: {kind: count, 1: one, x: two, value: 3, bound: 7}}\n", encoding="utf-8")
    deck, bad = load_for_check(path)  # roles not a list; keys that cannot be sorted together
    assert [f for f in check_deck(deck, bad_answer=bad) if f.check == "answer-not-option"] == []
