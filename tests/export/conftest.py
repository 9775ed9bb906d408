"""Shared fixtures: the hand-written export decks in tests/fixtures/export/."""

from pathlib import Path

import pytest

from quizgen.deck import Deck, load_deck

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "export"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(params=["berita-id.yaml", "hostile-en.yaml"])
def any_deck(request) -> Deck:
    """Each fixture deck in turn: Indonesian news, and English text that tries to be markup."""
    return load_deck(FIXTURES / request.param)


@pytest.fixture
def berita() -> Deck:
    return load_deck(FIXTURES / "berita-id.yaml")


@pytest.fixture
def hostile() -> Deck:
    return load_deck(FIXTURES / "hostile-en.yaml")
