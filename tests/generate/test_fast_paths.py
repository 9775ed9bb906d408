"""The generator's fast paths give exactly what the plain code they stand for gives."""

from __future__ import annotations

import random

import pytest

from quizgen.generate.distractors import sample_lazily


@pytest.mark.parametrize("n", [1, 2, 5, 21, 22, 64, 85, 86, 200, 5000])
def test_lazy_sampling_draws_as_random_sample(n):
    for k in {1, min(n, 5), min(n, 64)}:
        for seed in range(10):
            expected = random.Random(f"{seed}:x").sample(range(n), k)
            assert list(sample_lazily(random.Random(f"{seed}:x"), n, k)) == expected
