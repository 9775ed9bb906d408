"""Print the extractor's precision/recall per fact kind on the gold set.

Usage: python benchmarks/score.py [--details] [GOLD_FILE ...]
Without files, scores every tests/fixtures/gold/**/*.gold.yaml. --details lists every missed
and spurious item (article: fact) so developers can act on them.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

GOLD_PY = Path(__file__).resolve().parents[1] / "tests" / "extract" / "gold.py"


def _load_gold_module():
    spec = importlib.util.spec_from_file_location("quizgen_tests_gold", GOLD_PY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="gold files (default: all)")
    parser.add_argument("--details", action="store_true", help="list missed/spurious items")
    args = parser.parse_args(argv)
    gold = _load_gold_module()
    from quizgen.errors import QuizgenError

    try:
        golds = [gold.load_gold(p) for p in (args.files or gold.gold_files())]
    except QuizgenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    start = time.perf_counter()
    try:
        tallies = gold.score_all(golds)
    except ImportError as exc:
        print(f"extractor not available yet: {exc}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - start
    print(gold.format_table(tallies, details=args.details))
    print(f"\n{len(golds)} articles scored in {elapsed:.2f}s (ingest + extract)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
