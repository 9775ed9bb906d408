"""The generator's fast paths give exactly what the plain code they stand for gives."""

from __future__ import annotations

import random

import pytest

from quizgen.generate import _render
from quizgen.generate.distractors import sample_lazily
from quizgen.templates import render


@pytest.mark.parametrize("text", ["Siapa {role_np}?", "{x}", "", "plain", "{{{x}}} and }}{{",
                                  "q {x}{z}.", "a {{b}} {z}}}"])
def test_render_from_a_cached_plan_is_render(text):
    values = {"x": "X {y}", "z": "Z", "role_np": "the Chilean President"}
    assert _render(text, values) == render(text, values)


def test_a_stray_brace_fails_as_render_does():
    with pytest.raises(KeyError):
        render("a { b", {})
    with pytest.raises(KeyError):
        _render("a { b", {})


@pytest.mark.parametrize("n", [1, 2, 5, 21, 22, 64, 85, 86, 200, 5000])
def test_lazy_sampling_draws_as_random_sample(n):
    for k in {1, min(n, 5), min(n, 64)}:
        for seed in range(10):
            expected = random.Random(f"{seed}:x").sample(range(n), k)
            assert list(sample_lazily(random.Random(f"{seed}:x"), n, k)) == expected
