import string

from quizgen import lang
from quizgen.quiz.text import UIText, ui_language


def fields(value: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(value) if f}


def test_every_ui_string_exists_in_both_languages_with_the_same_fields():
    en, id_ = lang.data("en", "ui"), lang.data("id", "ui")
    assert en.keys() == id_.keys()
    assert all(isinstance(k, str) for k in en)  # no YAML 1.1 surprises (yes/no/on/off keys)
    for key, value in en.items():
        if isinstance(value, str):
            assert fields(value) == fields(id_[key]), key
    assert en["kinds"].keys() == id_["kinds"].keys()


def test_ui_follows_the_deck_unless_overridden():
    assert ui_language("id") == "id"
    assert ui_language("en") == "en"
    assert ui_language("fr") == "en"  # no UI strings for it: English
    assert ui_language("id", "en") == "en"


def test_formatting_kinds_and_durations():
    t = UIText("id")
    assert t("position", n=2, total=10) == "Soal 2 dari 10"
    assert t.kind("quote") == "Kutipan"
    assert t.kind("brand-new-kind") == "brand-new-kind"
    assert UIText("en").duration(42) == "42 s"
    assert UIText("en").duration(125) == "2:05 min"
