"""Precision and recall of the extractor per fact kind on the gold set (tests/fixtures/gold).

Run ``python benchmarks/score.py`` to see the full table with every missed/spurious item.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

# Only ever raise these: each is a floor the extractor has already reached.
THRESHOLDS: dict[str, dict[str, float]] = {
    "person": {"precision": 0.98, "recall": 0.95},
    "role": {"precision": 0.98, "recall": 0.94},
    "date": {"precision": 0.98, "recall": 0.98},
    "count": {"precision": 0.97, "recall": 0.97},
    "quote": {"precision": 0.98, "recall": 0.93},
}


def _load_gold_module():
    name = "quizgen_tests_gold"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("gold.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


gold = _load_gold_module()


@pytest.fixture(scope="module")
def tallies():
    for module in ("quizgen.ingest", "quizgen.extract.people", "quizgen.extract.dates",
                   "quizgen.extract.counts", "quizgen.extract.quotes"):
        pytest.importorskip(module)
    return gold.score_all()


@pytest.mark.parametrize("kind", gold.KINDS)
def test_extractor_meets_thresholds(tallies, kind):
    t = tallies[kind]
    want = THRESHOLDS[kind]
    ok = t.precision >= want["precision"] and t.recall >= want["recall"]
    report = gold.format_table(tallies) + "\n\n" + gold.format_table({kind: t}, details=True)
    assert ok, (
        f"{kind}: precision {t.precision:.3f} (min {want['precision']}), "
        f"recall {t.recall:.3f} (min {want['recall']})\n{report}"
    )


def test_thresholds_cover_every_kind():
    assert set(THRESHOLDS) == set(gold.KINDS)
