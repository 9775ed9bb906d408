"""Benchmark: export N synthetic questions to every format (target: 10,000 to Anki < 5 s).

    /tmp/venv/bin/python benchmarks/export.py [--questions 10000] [--json PATH]

Prints a table and writes the figures as JSON. Questions vary in option count (2-6),
length, sources and hostile characters so escaping is exercised, not skipped.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

from quizgen.deck import Deck, Question, QuestionSource
from quizgen.export import FORMATS, export
from quizgen.export import anki as anki_export
from quizgen.export.questions import enabled_items

DEFAULT_JSON = Path(__file__).resolve().with_name("out") / "export.json"  # ignored by git

WORDS = [
    "presiden", "kunjungan", "kerja", "sama", "energi", "menteri", "pelabuhan", "investasi",
    "perdagangan", "<b>tag</b>", "3<4", "a&b", "{kurung}", "~tilde", "=sama", "#pagar", ":titik",
    "dua\nbaris",
]


def synthetic_deck(n: int, seed: int = 0) -> Deck:
    """``n`` enabled questions, plus one disabled question after every 19 (skipped on export)."""
    rng = random.Random(seed)

    def text(k: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(k)).strip() or "kata"

    questions = []
    for i in range(n + n // 19):
        count = rng.randint(2, 6)
        options = [f"{text(rng.randint(1, 4))} {i}-{j}" for j in range(count)]
        title = f"Artikel {i % 50}: {text(5)}"
        questions.append(Question(
            id=f"q-{i:05d}", template="bench", kind=rng.choice(["quote", "date", "count"]),
            stem=f"{text(rng.randint(8, 20))}?", options=options,
            answer=rng.randrange(count), explanation=text(rng.randint(0, 25)),
            sources=[QuestionSource(doc=f"sources/{i % 50}.txt", sentence=i, start=0, end=10,
                                    title=title, text=text(rng.randint(10, 30)))],
            enabled=i % 20 != 19,
        ))
    return Deck(title="Benchmark", language="id", questions=questions)


def timed(fn, repeat: int) -> tuple[float, float]:
    """(first run, best run) in seconds; the first includes importing the format's libraries."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs[0], min(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON,
                        help="where to write the figures (default: benchmarks/out/, ignored by "
                             "git; --json benchmarks/results/export.json to record)")
    args = parser.parse_args(argv)

    deck = synthetic_deck(args.questions)
    exported = len(deck.enabled)
    rows: dict[str, dict[str, float]] = {}
    jobs = [(name, name, {}) for name in FORMATS] + [
        ("anki --card-style basic", "anki", {"card_style": "basic"})]
    with tempfile.TemporaryDirectory() as tmp:
        for label, fmt, options in jobs:
            out = Path(tmp) / f"bench-{len(rows)}{FORMATS[fmt].suffix}"
            first, best = timed(lambda fmt=fmt, out=out, options=options:
                                export(deck, fmt, out, **options), args.repeat)
            rows[label] = {"first_seconds": round(first, 3), "best_seconds": round(best, 3),
                           "bytes": out.stat().st_size}
    # Where the Anki time goes: building genanki notes vs writing the SQLite + zip.
    items = enabled_items(deck)
    t0 = time.perf_counter()
    package = anki_export.build_package(deck, items)
    t1 = time.perf_counter()
    anki_export.package_bytes(package)
    t2 = time.perf_counter()
    breakdown = {"build_notes": round(t1 - t0, 3), "write_package": round(t2 - t1, 3)}

    print(f"Exporting {exported:,} enabled questions (of {len(deck.questions):,})")
    print(f"{'format':<26}{'first s':>9}{'best s':>9}{'questions/s':>13}{'size':>11}")
    for name, row in rows.items():
        rate = exported / row["best_seconds"] if row["best_seconds"] else float("inf")
        print(f"{name:<26}{row['first_seconds']:>9.3f}{row['best_seconds']:>9.3f}"
              f"{rate:>13,.0f}{row['bytes'] / 1e6:>9.2f}MB")
    print(f"anki breakdown: build notes {breakdown['build_notes']:.3f}s, "
          f"write package {breakdown['write_package']:.3f}s")

    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "benchmark": "export", "questions": args.questions, "exported": exported,
        "repeat": args.repeat,
        "python": platform.python_version(), "machine": platform.machine(),
        "formats": rows, "anki_breakdown": breakdown, "target_anki_seconds": 5.0,
    }, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
