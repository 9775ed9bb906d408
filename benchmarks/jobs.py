"""Where a second worker starts to pay: ``quizgen build --jobs 1`` vs ``--jobs 2`` by corpus size.

    /tmp/venv/bin/python benchmarks/jobs.py [--sizes 1,2,4,...] [--repeat 5] [--json PATH]

Starting a pool (forking, sending each article and its facts back) costs a fixed amount; for a
handful of articles it is more than the second core saves. This runs the real CLI on the first
N articles of one synthetic corpus (benchmarks/corpus.py) for each N, alternating 1 and 2
workers, and reports the best and median wall time of each; the smallest N from which 2 workers
are faster (by best and by median) is the crossover that ``quizgen.build.SMALL_CORPUS`` follows.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE / "out" / "jobs.json"  # ignored by git; --json benchmarks/results/... records
SIZES = (1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 128)


def _load(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"quizgen_bench_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def timed_build(qg: list[str], corpus: Path, deck: Path, jobs: int) -> float:
    deck.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run([*qg, "build", str(corpus), "-o", str(deck), "--jobs", str(jobs)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def crossover(rows: list[dict], key: str) -> int | None:
    """The smallest size from which 2 workers stay faster than 1 (by ``key``)."""
    found = None
    for row in rows:
        faster = row["jobs2"][key] < row["jobs1"][key]
        found = (found or row["articles"]) if faster else None
    return found


def main(argv: list[str] | None = None) -> int:
    run = _load("run")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="article counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON,
                        help=f"where to write the figures (default: {run.LOCAL_NOTE})")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    corpus_mod = _load("corpus")
    qg = run.quizgen_cmd()
    rows = []
    with tempfile.TemporaryDirectory(prefix="quizgen-jobs-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["QUIZGEN_CACHE_DIR"] = str(tmp / "cache")
        corpus_mod.make_corpus(tmp / "all", max(sizes), args.seed)
        files = sorted((tmp / "all").iterdir())
        for n in sizes:
            corpus = tmp / f"n{n}"
            corpus.mkdir()
            for f in files[:n]:
                (corpus / f.name).symlink_to(f)
            times: dict[int, list[float]] = {1: [], 2: []}
            timed_build(qg, corpus, tmp / "warm.yaml", 1)
            for _ in range(args.repeat):  # alternating, so both see the same machine load
                for jobs in (1, 2):
                    times[jobs].append(timed_build(qg, corpus, tmp / "deck.yaml", jobs))
            row = {"articles": n, **{f"jobs{j}": {"best_s": round(min(t), 3),
                                                  "median_s": round(statistics.median(t), 3)}
                                     for j, t in times.items()}}
            rows.append(row)
            print(f"{n:>5} articles: --jobs 1 best {row['jobs1']['best_s']:.3f} s median "
                  f"{row['jobs1']['median_s']:.3f} s | --jobs 2 best {row['jobs2']['best_s']:.3f}"
                  f" s median {row['jobs2']['median_s']:.3f} s", flush=True)
    result = {"benchmark": "jobs", "machine": run.machine(), "repeat": args.repeat,
              "rows": rows, "crossover_best": crossover(rows, "best_s"),
              "crossover_median": crossover(rows, "median_s")}
    print(f"2 workers faster from {result['crossover_best']} articles (best), "
          f"{result['crossover_median']} (median)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
