"""The start-up benchmark still reaches the first question (figures come from running it)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_benchmark():
    spec = importlib.util.spec_from_file_location("startup_bench", ROOT / "benchmarks" /
                                                  "startup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_one_run_reaches_the_first_question(tmp_path):
    bench = load_benchmark()
    seconds = bench.one_run(bench.CHILD, bench.FIXTURE, str(tmp_path))
    assert seconds > 0  # the child printed its clock once the first stem was on screen
    assert (tmp_path / "history.sqlite3").exists()  # it ran the real app, history and all
