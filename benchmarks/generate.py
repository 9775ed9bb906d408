"""Benchmark: question generation alone (``quizgen.generate.generate``), CPU and memory.

    /tmp/venv/bin/python benchmarks/generate.py CORPUS_DIR [--jobs 2] [--cache PATH] [--trace]

Reads and merges the corpus once (``--cache`` keeps the merged Corpus as a pickle, so the
next run skips extraction), then times ``generate`` with the built-in templates of the
corpus's language, options=4, seed=0. CPU time (``time.process_time``), not wall time: the
machine is shared. Memory: RSS growth and peak RSS growth of this process during generate;
with ``--trace``, tracemalloc's peak too (slower: about 3x the CPU time).
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import time
import tracemalloc
from functools import cache


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
    return 0.0


def _corpus(source: str, jobs: int, cache_path: str | None):
    if cache_path and os.path.exists(cache_path):
        with open(cache_path, "rb") as f:
            return pickle.load(f)
    from quizgen.build import read_corpus

    corpus, _ = read_corpus([source], jobs=jobs)
    if cache_path:
        with open(cache_path, "wb") as f:
            pickle.dump(corpus, f, protocol=pickle.HIGHEST_PROTOCOL)
    return corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", help="pickle of the merged corpus (made if missing)")
    ap.add_argument("--trace", action="store_true", help="also tracemalloc's peak")
    args = ap.parse_args()

    from quizgen.generate import generate
    from quizgen.templates import load_builtin

    corpus = _corpus(args.corpus, args.jobs, args.cache)
    templates = load_builtin(corpus.lang).enabled

    @cache
    def doc_path(p: str) -> str:  # as the build names documents: one string per document
        return "sources/" + os.path.basename(p)

    gc.collect()
    if args.trace:
        tracemalloc.start()
    rss, peak = _rss_mb(), _peak_mb()
    t0 = time.process_time()
    gen = generate(corpus, templates, options=4, seed=0, doc_path=doc_path)
    cpu = time.process_time() - t0
    n = len(gen.questions) or 1
    print(f"{len(corpus.facts)} facts -> {len(gen.questions)} questions")
    print(f"generate: {cpu:.2f} s CPU ({cpu * 1000 / n:.3f} ms/question)")
    print(f"RSS: +{_rss_mb() - rss:.0f} MB ({(_rss_mb() - rss) * 2**20 / n:.0f} B/question), "
          f"peak +{_peak_mb() - peak:.0f} MB")
    if args.trace:
        current, top = tracemalloc.get_traced_memory()
        print(f"traced: {current / 2**20:.1f} MB kept, {top / 2**20:.1f} MB peak "
              f"({current / n:.0f} B/question kept)")


if __name__ == "__main__":
    main()
