"""The ingest word lists parse as strings: YAML reads bare no/yes/on/off/null as non-strings."""

import pytest

from quizgen.lang import LANGUAGES, data

WORD_LISTS = [
    ("stopwords", "words"),
    ("abbreviations", "abbreviations"),
    ("abbreviations", "before_number"),
    ("abbreviations", "may_end"),
    ("sentence_ends", "never_final"),
    ("boilerplate", "promo_keywords"),
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("concern, key", WORD_LISTS)
def test_every_word_list_entry_is_a_string(lang, concern, key):
    entries = data(lang, concern).get(key) or []
    assert [e for e in entries if not isinstance(e, str)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_boilerplate_pattern_is_a_string(lang):
    spec = data(lang, "boilerplate")
    patterns = [p for ps in (spec.get("lines") or {}).values() for p in ps]
    patterns += spec.get("promos") or []
    patterns += spec.get("tail") or []
    patterns += [label["label"] for label in spec.get("labels") or []]
    assert patterns and all(isinstance(p, str) for p in patterns)
