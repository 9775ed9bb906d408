"""The generator's fast paths give exactly what the plain code they stand for gives."""

from __future__ import annotations

import random

import pytest

from quizgen.generate.distractors import sample_lazily
from quizgen.generate.text import contains_any, contains_words


@pytest.mark.parametrize("n", [1, 2, 5, 21, 22, 64, 85, 86, 200, 5000])
def test_lazy_sampling_draws_as_random_sample(n):
    for k in {1, min(n, 5), min(n, 64)}:
        for seed in range(10):
            expected = random.Random(f"{seed}:x").sample(range(n), k)
            assert list(sample_lazily(random.Random(f"{seed}:x"), n, k)) == expected


@pytest.mark.parametrize(("needles", "expected"), [
    (["Widodo"], True), (["widodo."], True), (["Wido"], False), (["", "Solberg"], False),
    (["x", "Perdana Menteri"], True), ([], False),
])
def test_contains_any_is_contains_words_for_each_needle(needles, expected):
    stem = "Siapa yang ditemui Perdana Menteri di Jakarta, kata Widodo?"
    assert contains_any(stem, needles) is expected
    assert expected == any(contains_words(stem, n) for n in needles)
