"""A big deck is reopened from its parsed copy, unless the deck file changed since."""

from dataclasses import replace

import pytest

from quizgen import deckcache, yamlio
from quizgen.deck import Deck, Question, QuestionSource, load_deck, save_deck


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(deckcache.ENV_VAR, str(tmp_path / "cache"))
    monkeypatch.setattr(deckcache, "MIN_QUESTIONS", 2)
    return tmp_path / "cache"


def _deck(n: int = 5) -> Deck:
    return Deck(title="Besar", language="id", questions=[
        Question(id=f"q-{i}", template="t", kind="quote", stem=f"Siapa {i} “kutipan”?",
                 options=["A", "B", "C"], answer=i % 3, explanation="é",
                 fact={"kind": "quote", "n": i, "ok": None},
                 sources=[QuestionSource(doc="a.txt", sentence=i, start=0, end=3)])
        for i in range(n)])


def _no_yaml(monkeypatch):
    def fail(path):
        raise AssertionError("parsed the YAML")
    monkeypatch.setattr(yamlio, "load_file", fail)


def test_a_saved_big_deck_reopens_from_its_copy(tmp_path, cache, monkeypatch):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    assert deckcache.entry(path).is_file()
    _no_yaml(monkeypatch)
    assert load_deck(path) == _deck()


def test_a_small_deck_gets_no_copy(tmp_path, cache):
    save_deck(_deck(1), tmp_path / "deck.yaml")
    assert not cache.exists()


def test_a_hand_edited_deck_is_read_from_its_yaml_and_copied_again(tmp_path, cache,
                                                                    monkeypatch):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    path.write_text(path.read_text(encoding="utf-8").replace("Siapa 3", "Kapan 3"),
                    encoding="utf-8")
    edited = load_deck(path)
    assert edited.questions[3].stem == "Kapan 3 “kutipan”?"
    _no_yaml(monkeypatch)
    assert load_deck(path) == edited  # the edit was copied for next time


@pytest.mark.parametrize("damage", [b"", b"not json\n", b'{"version": 1}\n',
                                    b'{"version": 999}\n{}\n', b"STAMP\n{}\n{}\n"])
def test_a_damaged_copy_is_ignored(tmp_path, cache, damage):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    entry = deckcache.entry(path)
    stamp = entry.read_bytes().split(b"\n", 1)[0]
    entry.write_bytes(damage.replace(b"STAMP", stamp))
    assert load_deck(path) == _deck()


def test_a_truncated_copy_is_ignored(tmp_path, cache):
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    entry = deckcache.entry(path)
    entry.write_bytes(entry.read_bytes().rsplit(b"\n", 2)[0] + b"\n")
    assert load_deck(path) == _deck()


def test_an_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(deckcache.ENV_VAR, str(blocker))
    monkeypatch.setattr(deckcache, "MIN_QUESTIONS", 2)
    path = tmp_path / "deck.yaml"
    save_deck(_deck(), path)
    assert load_deck(path) == _deck()


def test_a_value_json_cannot_hold_leaves_no_copy(tmp_path, cache):
    import datetime as dt

    deck = _deck()
    deck.questions[0] = replace(deck.questions[0], fact={"when": dt.date(2024, 6, 19)})
    path = tmp_path / "deck.yaml"
    save_deck(deck, path)
    assert not deckcache.entry(path).exists()
    assert load_deck(path).questions[0].fact == {"when": dt.date(2024, 6, 19)}
