from quizgen.generate.fields import _clause, fields, split_count
from quizgen.templates.schema import SCHEMAS

from .conftest import make_corpus


def test_every_placeholder_the_schema_allows_is_filled(corpus):
    for f in corpus.facts:
        if f.kind in SCHEMAS:
            assert set(SCHEMAS[f.kind].placeholders) <= set(fields(f, corpus)), f.kind


def test_split_count_uses_the_language_number_words():
    assert split_count("Sebelas pakta", "id") == ("Sebelas", "pakta")
    assert split_count("dua puluh tiga kapal", "id") == ("dua puluh tiga", "kapal")
    assert split_count("1.250 sekolah", "id") == ("1.250", "sekolah")
    assert split_count("twenty-one players", "en") == ("twenty-one", "players")
    assert split_count("Sebelas-pakta", "id") == ("", "Sebelas-pakta")


def test_role_phrases_read_inside_a_sentence():
    corpus = make_corpus(lang="en")
    p = corpus.people[0]
    p.roles = ["a Chilean diplomat"]
    v = fields(p, corpus)
    assert (v["role"], v["role_np"]) == ("Chilean diplomat", "the Chilean diplomat")
    p.roles = ["Vietnam's President"]
    assert fields(p, corpus)["role_np"] == "Vietnam's President"
    p.roles = ["firm's director of research"]
    assert fields(p, corpus)["role_np"] == "the firm's director of research"


def test_a_cloze_sentence_is_cut_only_where_a_sentence_ends():
    glued = ("Schools stayed shut. Dr. Ana Ruiz of the U.S. Weather Service said the storm was "
             "the worst since Jan. 2019.")
    assert _clause("Jan. 2019", "", glued) == (
        "Dr. Ana Ruiz of the U.S. Weather Service said the storm was the worst since Jan. 2019.")
    assert _clause("Jan. 2019", "", "BOSTON (AP) — The storm was the worst since Jan. 2019.") == (
        "The storm was the worst since Jan. 2019.")
