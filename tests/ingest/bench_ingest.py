"""Ingestion speed on the example articles, after import (not a test: run it by hand).

    python tests/ingest/bench_ingest.py

Prints the best CPU time of 30 runs, so other processes on the machine disturb it little.
"""

import time
from pathlib import Path

import quizgen.ingest as ing

SOURCES = Path(__file__).parents[2] / "decks" / "putin-vietnam-2024" / "sources"


def best_ms(fn, runs: int = 30) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best * 1000


def main() -> None:
    files = sorted(SOURCES.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    start = time.perf_counter()
    for f in files:
        ing.read_document(f)
    first = (time.perf_counter() - start) * 1000
    print(f"first run (loads the py3langid model and YAML data): {first:.0f} ms")
    total = best_ms(lambda: [ing.read_document(f) for f in files])
    n = len(files)
    print(
        f"read_document, {n} articles: {total:.2f} ms"
        f" ({total / n:.2f} ms/article, {1000 * n / total:.0f} articles/s)"
    )
    given = best_ms(lambda: [ing.ingest_text(t, lang="id") for t in texts])
    print(f"ingest_text with lang given: {given / n:.2f} ms/article")


if __name__ == "__main__":
    main()
