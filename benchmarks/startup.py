"""Benchmark: time from launching the quiz to the first question on screen (target < 0.7 s).

    /tmp/venv/bin/python benchmarks/startup.py [DECK.yaml] [--runs 7] [--json PATH]

Each run is a fresh Python process (so imports are paid as a user pays them) that does what
plain ``python app.py`` does -- ``quizgen.quiz.launch.launch()`` (check the deck, import the
UI), then start the app -- but headless: once the start screen is up it presses Enter (the
default choices) and stops the clock once the first question's stem is mounted and showing.
(With arguments, ``python app.py DECK -n 5`` first imports click to parse them: ~10-15 ms more.)
The time is measured from just before the process is spawned, and the median of the runs is
reported; the history goes to a throwaway folder. The same harness on a bare Textual app (one
line of text) is timed alongside, as the floor on this machine: the machine may be busy, and
Python plus Textual alone take a large share of the budget.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "decks" / "putin-vietnam-2024" / "deck.yaml"
DEFAULT_JSON = ROOT / "benchmarks" / "out" / "startup.json"  # ignored by git (see --json)
FIXTURE = ROOT / "tests" / "fixtures" / "decks" / "pelabuhan-id.yaml"

CHILD = r"""
import asyncio, sys, time
deck_path = sys.argv[1]
from quizgen.quiz.launch import launch
app = launch(deck_path)  # what `python app.py` does before app.run()
from quizgen.quiz.screens.question import QuestionScreen

async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        while True:
            screen = app.screen
            if isinstance(screen, QuestionScreen) and screen.is_mounted:
                stem = screen.query("#stem")
                if stem and str(stem.first().content) == screen.session.current.stem \
                        and stem.first().region.height > 0:
                    break
            await asyncio.sleep(0.001)
        print(time.time(), flush=True)
        app.exit()

asyncio.run(main())
"""


# The floor on this machine: the same harness on a bare Textual app showing one line of text.
BASELINE = r"""
import asyncio, time
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("hello")

async def main():
    app = Bare()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        print(time.time(), flush=True)
        app.exit()

asyncio.run(main())
"""


def one_run(code: str, deck: Path, data_dir: str) -> float:
    env = dict(os.environ, QUIZGEN_DATA_DIR=data_dir)
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code, str(deck)], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=120, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("deck", nargs="?", type=Path,
                        default=EXAMPLE if EXAMPLE.exists() else FIXTURE)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON,
                        help="where to write the figures (default: benchmarks/out/, ignored by "
                             "git; --json benchmarks/results/startup.json to record)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        one_run(CHILD, args.deck, data_dir)  # warm the OS file cache and .pyc files
        times, floor = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            times.append(one_run(CHILD, args.deck, data_dir))
            floor.append(one_run(BASELINE, args.deck, data_dir))
    median, base = statistics.median(times), statistics.median(floor)
    load = os.getloadavg()[0]
    print(f"deck: {args.deck.relative_to(ROOT) if args.deck.is_relative_to(ROOT) else args.deck}")
    print(f"launch -> first question on screen, {args.runs} runs: median {median:.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f}); target < 0.7 s")
    print(f"bare Textual app, same harness: median {base:.3f} s (quizgen adds "
          f"{median - base:.3f} s, x{median / base:.2f}); "
          f"load average {load:.2f} on {os.cpu_count()} CPUs")
    result = {
        "benchmark": "startup", "deck": str(args.deck), "runs": args.runs,
        "median_s": round(median, 4), "min_s": round(min(times), 4),
        "max_s": round(max(times), 4), "bare_textual_median_s": round(base, 4),
        "ratio_to_bare": round(median / base, 3),
        "target_s": 0.7, "load_average": round(load, 2), "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
