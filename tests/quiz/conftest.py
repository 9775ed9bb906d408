"""Shared fixtures: every quiz test keeps its history in a temporary folder, never in $HOME.

Async tests (``async def test_...``) are run with ``asyncio.run`` by the hook below, since the
Pilot is async and no asyncio plugin for pytest is installed.
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from quizgen.deck import load_deck

DECKS = Path(__file__).resolve().parents[1] / "fixtures" / "decks"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        names = pyfuncitem._fixtureinfo.argnames
        kwargs = {name: pyfuncitem.funcargs[name] for name in names}
        asyncio.run(pyfuncitem.obj(**kwargs))
        return True
    return None


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "data"
    monkeypatch.setenv("QUIZGEN_DATA_DIR", str(path))
    return path


class TickClock:
    """A fake monotonic clock: every reading is `step` seconds after the previous one."""

    def __init__(self, step: float = 2.0):
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def make_app():
    """``make_app("pelabuhan-id", count=4)``: a QuizApp on a fixture deck, seeded, fake clock."""
    from quizgen.quiz.app import QuizApp

    def make(name: str = "pelabuhan-id", **kwargs) -> QuizApp:
        path = DECKS / f"{name}.yaml"
        kwargs.setdefault("seed", 7)
        kwargs.setdefault("clock", TickClock())
        return QuizApp(load_deck(path), path, **kwargs)

    return make
