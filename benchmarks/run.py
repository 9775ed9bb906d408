"""Benchmark quizgen at scale: facts, build (1 and 2 workers), memory, quiz start-up, export.

    /tmp/venv/bin/python benchmarks/run.py [--articles 2000] [--quick] [--repeat 3] [--json PATH]

Makes a synthetic corpus of N articles (benchmarks/corpus.py) in a temporary folder, then runs
the real CLI as subprocesses, as a user would (start-up included): ``quizgen facts --format
jsonl`` and ``quizgen build --jobs 1`` / ``--jobs 2``. Each command runs ``--repeat`` times; the
best and the median are reported, because the machine may be shared. Peak memory is sampled
from /proc as the summed PSS of the whole process tree (parent, workers and forked writers;
PSS splits a shared page among the processes that share it), next to the largest single
process's RSS from ``os.wait4``. An in-process pass times the build's stages (ingest,
extract, merge, generate, save) to show where the time goes. Then: launch -> first question
on screen (benchmarks/startup.py), a 10,000-question Anki export (benchmarks/export.py), and
what ``quizgen --help`` imports. Prints a table of figures against the targets and writes JSON
(default benchmarks/out/run.json, ignored by git). ``--quick`` is for smoke tests: 1 repeat, fewer
start-up runs, a 1,000-question export.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# A local run writes its figures here (ignored by git); the figures BENCHMARKS.md quotes are in
# benchmarks/results/, written only when asked for with --json benchmarks/results/NAME.json.
LOCAL = HERE / "out"
LOCAL_NOTE = "benchmarks/out/, ignored by git; --json benchmarks/results/... to record"
DEFAULT_JSON = LOCAL / "run.json"
HEAVY = ("trafilatura", "genanki", "textual", "py3langid", "numpy", "rich")
TARGETS = {
    "build_articles_per_s_per_worker": 300.0,  # for 3-5 KB articles
    "build_10k_2_workers_s": 30.0,
    "build_10k_peak_mb": 500.0,
    "first_question_s": 0.7,
    "anki_export_10k_s": 5.0,
}


def _load(name: str):
    """A sibling benchmark script as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"quizgen_bench_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def quizgen_cmd() -> list[str]:
    """The installed ``quizgen`` script next to this Python, else ``python -m quizgen``."""
    script = Path(sys.executable).with_name("quizgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "quizgen"]


# -- memory of a process tree -------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    """``pid``'s proportional set size (PSS: a page shared by n processes counts 1/n in each,
    so forked processes sharing the parent's pages are not counted twice), else its RSS."""
    for name, field in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(name) as fh:
                for line in fh:
                    if line.startswith(field):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def tree_rss_kb(pid: int) -> int:
    """Summed memory (PSS) of ``pid`` and all its descendants (0 without /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_kb(p)
        todo.extend(_children(p))
    return total


class TreeSampler(threading.Thread):
    """Samples a process tree's summed PSS every ``interval`` seconds; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak_kb = max(self.peak_kb, tree_rss_kb(self.pid))
            self.done.wait(self.interval)


def run_measured(cmd: list[str], stdout_path: Path, timeout: float) -> dict:
    """Run ``cmd``: wall seconds, peak tree PSS and largest process RSS (MB).

    After ``timeout`` seconds the command's process group (started here) is killed and the
    run is marked ``timed_out``; its seconds are then a lower bound.
    """
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, cwd=ROOT, start_new_session=True)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                timed_out = True
                os.killpg(proc.pid, signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - start
        sampler.done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0 and not timed_out:
            err.seek(0)
            tail = err.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{' '.join(cmd)} failed with status {proc.returncode}:\n{tail}")
    return {"seconds": wall, "tree_peak_mb": sampler.peak_kb / 1024,
            "max_process_mb": usage.ru_maxrss / 1024, "timed_out": timed_out}


def repeated(label: str, cmd: list[str], repeat: int, out: Path, timeout: float,
             before=None) -> dict:
    """``repeat`` runs (stopping after a time-out): best, median, peak memory."""
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(run_measured(cmd, out, timeout))
        late = " (TIMED OUT)" if runs[-1]["timed_out"] else ""
        print(f"  {label}: {runs[-1]['seconds']:.2f} s{late}, tree peak "
              f"{runs[-1]['tree_peak_mb']:.0f} MB", file=sys.stderr)
        if runs[-1]["timed_out"]:
            break
    secs = [r["seconds"] for r in runs]
    return {"command": " ".join(cmd), "runs_s": [round(s, 3) for s in secs],
            "best_s": round(min(secs), 3), "median_s": round(statistics.median(secs), 3),
            "timed_out": any(r["timed_out"] for r in runs),
            "tree_peak_mb": round(max(r["tree_peak_mb"] for r in runs), 1),
            "max_process_mb": round(max(r["max_process_mb"] for r in runs), 1)}


def add_rates(row: dict, articles: int, mbytes: float, workers: int = 1) -> dict:
    best = row["best_s"]
    row["articles_per_s"] = round(articles / best, 1)
    row["mb_per_s"] = round(mbytes / best, 3)
    row["articles_per_s_per_worker"] = round(articles / best / workers, 1)
    row["ms_per_article"] = round(best / articles * 1000, 3)
    if row.get("timed_out"):  # stopped before the end: rates are upper bounds
        row["rates_are_upper_bounds"] = True
    return row


# -- in-process stages ----------------------------------------------------------------------------

def build_stages(corpus: Path, out: Path, limit: int) -> dict:
    """Seconds in each stage of one in-process build (jobs=1) of the first ``limit`` articles,
    from build.py's own parts, and how merge time grows with the number of articles."""
    import math

    from quizgen.build import merge_facts, source_files
    from quizgen.deck import Deck, save_deck
    from quizgen.extract import extract
    from quizgen.generate import Corpus, generate
    from quizgen.ingest import read_document
    from quizgen.templates import load_builtin

    files = [f for f in source_files([corpus]) if isinstance(f, str)][:limit]
    t: dict[str, float] = {"ingest": 0.0, "extract": 0.0}
    per_doc, titles, sentences, langs = [], {}, {}, {}
    for path in files:
        t0 = time.perf_counter()
        doc = read_document(path)
        t1 = time.perf_counter()
        facts = extract(doc)
        t2 = time.perf_counter()
        t["ingest"] += t1 - t0
        t["extract"] += t2 - t1
        per_doc.append(facts)
        titles[doc.path] = doc.title
        langs[doc.lang] = langs.get(doc.lang, 0) + 1
        cited = {s.sentence for f in facts for s in f.sources}
        sentences.update({(doc.path, i): doc.sentences[i].text for i in cited
                          if 0 <= i < len(doc.sentences)})
    # merge on a quarter, a half and all of them (fresh copies: merge mutates facts)
    import copy

    scaling = {}
    for part in (len(per_doc) // 4, len(per_doc) // 2):
        if part:
            sub = copy.deepcopy(per_doc[:part])
            t0 = time.perf_counter()
            merge_facts(sub)
            scaling[part] = time.perf_counter() - t0
    t0 = time.perf_counter()
    merged = merge_facts(per_doc)
    t1 = time.perf_counter()
    scaling[len(per_doc)] = t1 - t0
    lang = max(langs, key=langs.get)
    gen = generate(Corpus(facts=merged, lang=lang, titles=titles, sentences=sentences),
                   load_builtin(lang).enabled, options=4, seed=0)
    t2 = time.perf_counter()
    save_deck(Deck(title="bench", language=lang, questions=gen.questions), out)
    t3 = time.perf_counter()
    t.update(merge=t1 - t0, generate=t2 - t1, save=t3 - t2)
    total = sum(t.values())
    sizes = sorted(scaling)
    exponent = None
    if len(sizes) >= 2 and scaling[sizes[0]] > 0.01:
        exponent = round(math.log(scaling[sizes[-1]] / scaling[sizes[0]])
                         / math.log(sizes[-1] / sizes[0]), 2)
    n = len(per_doc)
    return {"articles": n, "seconds": {k: round(v, 3) for k, v in t.items()},
            "share": {k: round(v / total, 3) for k, v in t.items()},
            "ms_per_article": {k: round(v / n * 1000, 2) for k, v in t.items()},
            "ingest_extract_articles_per_s": round(n / (t["ingest"] + t["extract"]), 1),
            "merge_seconds_by_articles": {str(k): round(v, 3) for k, v in scaling.items()},
            "merge_growth_exponent": exponent,
            "facts": sum(len(f) for f in per_doc), "merged_facts": len(merged),
            "questions": len(gen.questions)}


# -- start-up and imports -------------------------------------------------------------------------

def first_question(runs: int, deck: Path | None = None) -> dict:
    """Launch -> first question on the example deck, or on ``deck`` (e.g. the corpus's)."""
    startup = _load("startup")
    if deck is None:
        deck = startup.EXAMPLE if startup.EXAMPLE.exists() else startup.FIXTURE
    times, floor = [], []
    with tempfile.TemporaryDirectory() as data_dir:
        startup.one_run(startup.CHILD, deck, data_dir)  # warm caches, as startup.py does
        for _ in range(runs):
            times.append(startup.one_run(startup.CHILD, deck, data_dir))
            floor.append(startup.one_run(startup.BASELINE, deck, data_dir))
    return {"deck": str(deck.relative_to(ROOT) if deck.is_relative_to(ROOT) else deck.name),
            "runs": runs,
            "median_s": round(statistics.median(times), 3), "best_s": round(min(times), 3),
            "bare_textual_median_s": round(statistics.median(floor), 3)}


def built_questions(summary: Path) -> int:
    """The question count a build printed ("N enabled questions")."""
    m = re.search(r"(\d+)\s+enabled\s+questions", summary.read_text(encoding="utf-8"))
    return int(m.group(1)) if m else 0


def anki_export(questions: int, repeat: int) -> dict:
    bench = _load("export")
    from quizgen.export import export

    deck = bench.synthetic_deck(questions)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.apkg"
        first, best = bench.timed(lambda: export(deck, "anki", out), repeat)
        size = out.stat().st_size
    return {"questions": len(deck.enabled), "first_s": round(first, 3),
            "best_s": round(best, 3), "bytes": size}


def imported_modules(cmd: list[str]) -> tuple[set[str], float]:
    """Top-level packages imported by ``cmd`` (via PYTHONPROFILEIMPORTTIME) and wall seconds."""
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    wall = time.perf_counter() - start
    names = set()
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+\d+ \|\s+(\S.*)$", line)
        if m:
            names.add(m.group(1).strip().split(".")[0])
    return names, wall


def startup_imports(runs: int) -> dict:
    qg = quizgen_cmd()
    help_times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*qg, "--help"], capture_output=True, cwd=ROOT, check=True, timeout=120)
        help_times.append(time.perf_counter() - start)
    help_mods, _ = imported_modules([*qg, "--help"])
    app_mods, _ = imported_modules([sys.executable, "app.py", "--help"])
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "import quizgen.cli"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    cli_us = 0
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s+quizgen\.cli$", line)
        if m:
            cli_us = int(m.group(1))
    return {
        "quizgen_help_median_s": round(statistics.median(help_times), 3),
        "quizgen_help_best_s": round(min(help_times), 3),
        "import_quizgen_cli_cumulative_ms": round(cli_us / 1000, 1),
        "heavy_imported_by_quizgen_help": sorted(set(HEAVY) & help_mods),
        "heavy_imported_by_app_help": sorted(set(HEAVY) & app_mods),
    }


# -- report ---------------------------------------------------------------------------------------

def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
    except (OSError, TypeError):
        mem_kb = 0
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "ram_gb": round(mem_kb / 1024 ** 2, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average_1m": round(os.getloadavg()[0], 2),
            "date_utc": time.strftime("%Y-%m-%d %H:%M", time.gmtime())}


def verdicts(r: dict) -> dict:
    """Each target with the measured figure and measured/target (< 1 is good for times)."""
    n = r["corpus"]["articles"]
    j2 = r["build_jobs2"]
    j1_late = r["build_jobs1"].get("timed_out")
    projected_10k = j2["best_s"] * 10_000 / n
    bound = " [timed out]" if j2.get("timed_out") else ""
    scale = "" if n == 10_000 else " [linear projection]"
    rows = {
        "ingest+extract articles/s per worker (in-process)": (
            r["stages"]["ingest_extract_articles_per_s"],
            TARGETS["build_articles_per_s_per_worker"], "higher"),
        "build_articles_per_s_per_worker (jobs 1)": (
            r["build_jobs1"]["articles_per_s_per_worker"],
            TARGETS["build_articles_per_s_per_worker"], "higher"),
        "build_articles_per_s_per_worker (jobs 2)": (
            j2["articles_per_s_per_worker"], TARGETS["build_articles_per_s_per_worker"],
            "higher"),
        "build 10,000 articles, 2 workers (s)" + scale + bound: (
            round(projected_10k, 2), TARGETS["build_10k_2_workers_s"], "lower"),
        f"build peak memory, 2 workers, {n:,} articles (MB)" + bound: (
            j2["tree_peak_mb"], TARGETS["build_10k_peak_mb"], "lower"),
        "launch -> first question (s, median)": (
            r["first_question"]["median_s"], TARGETS["first_question_s"], "lower"),
        f"Anki export, {r['anki_export']['questions']:,} questions (s, best)": (
            r["anki_export"]["best_s"], TARGETS["anki_export_10k_s"], "lower"),
    }
    partial = {k for k in rows if "timed out" in k or ("jobs 1" in k and j1_late)
               or ("jobs 2" in k and j2.get("timed_out"))}
    out = {}
    for name, (value, target, better) in rows.items():
        ratio = value / target if target else 0.0
        ok = ratio >= 1 if better == "higher" else ratio <= 1
        # a stopped run gives bounds: a miss is certain, a pass is not known
        met = None if ok and name in partial else ok
        out[name] = {"value": value, "target": target, "ratio_to_target": round(ratio, 2),
                     "better": better, "met": met}
    return out


def print_report(r: dict) -> None:
    c = r["corpus"]
    print(f"\ncorpus: {c['articles']:,} articles, {c['bytes'] / 1e6:.1f} MB, median "
          f"{c['median_bytes'] / 1e3:.1f} KB (p10 {c['p10_bytes'] / 1e3:.1f}, p90 "
          f"{c['p90_bytes'] / 1e3:.1f}); {r['repeat']} run(s) each, best (median) shown")
    print(f"{'command':<32}{'best s':>8}{'median s':>10}{'art/s':>9}{'art/s/wk':>10}"
          f"{'MB/s':>7}{'ms/art':>8}{'tree MB':>9}{'proc MB':>9}")
    for key, label in (("facts", "facts --format jsonl"), ("build_jobs1", "build --jobs 1"),
                       ("build_jobs2", "build --jobs 2"), ("rebuild_jobs2", "rebuild --jobs 2")):
        x = r[key]
        late = x.get("timed_out")
        up = "<" if late else ""  # stopped early: rates are upper bounds, time a lower bound
        label += " (timed out)" if late else ""
        print(f"{label:<32}{('>' if late else '') + format(x['best_s'], '.2f'):>8}"
              f"{x['median_s']:>10.2f}{up + format(x['articles_per_s'], '.0f'):>9}"
              f"{up + format(x['articles_per_s_per_worker'], '.0f'):>10}"
              f"{up + format(x['mb_per_s'], '.2f'):>7}"
              f"{('>' if late else '') + format(x['ms_per_article'], '.2f'):>8}"
              f"{x['tree_peak_mb']:>9.0f}{x['max_process_mb']:>9.0f}")
    ratios = r["ratios"]
    if ratios["speedup_jobs2_vs_jobs1"] is None:
        print("speed-up of 2 workers over 1: n/a (a build timed out)")
    else:
        print(f"speed-up of 2 workers over 1: x{ratios['speedup_jobs2_vs_jobs1']:.2f} "
              f"(parallel efficiency {ratios['parallel_efficiency']:.0%}); build vs facts "
              f"(1 worker): x{ratios['build_vs_facts_time']:.2f} the time")
    s = r["stages"]
    print(f"in-process build of {s['articles']} articles (jobs 1): " + ", ".join(
        f"{k} {v:.2f}s ({s['share'][k]:.0%})" for k, v in s["seconds"].items())
        + f"; {s['facts']:,} facts -> {s['merged_facts']:,} merged -> "
          f"{s['questions']:,} questions")
    print(f"  ingest+extract alone: {s['ingest_extract_articles_per_s']:.0f} articles/s; merge "
          f"seconds by articles {s['merge_seconds_by_articles']} (grows as n^"
          f"{s['merge_growth_exponent']})")
    f = r["first_question"]
    print(f"launch -> first question: median {f['median_s']:.3f} s (best {f['best_s']:.3f}, "
          f"{f['runs']} runs); bare Textual app {f['bare_textual_median_s']:.3f} s")
    b = r.get("first_question_built")
    if b:
        print(f"  on this corpus's deck ({b['questions']:,} questions): median "
              f"{b['median_s']:.3f} s ({b['runs']} runs)")
    i = r["imports"]
    print(f"quizgen --help: {i['quizgen_help_median_s']:.3f} s median; import quizgen.cli "
          f"{i['import_quizgen_cli_cumulative_ms']:.0f} ms; heavy modules imported by --help: "
          f"{', '.join(i['heavy_imported_by_quizgen_help']) or 'none'}; by app.py --help: "
          f"{', '.join(i['heavy_imported_by_app_help']) or 'none'}")
    print(f"\n{'target':<70}{'measured':>10}{'target':>9}{'ratio':>7}  met")
    for name, v in r["targets"].items():
        sign = ">=" if v["better"] == "higher" else "<"
        print(f"{name:<70}{v['value']:>10,.2f}{sign:>4}{v['target']:>5g}"
              f"{v['ratio_to_target']:>7.2f}  { {True: 'yes', False: 'NO', None: '?'}[v['met']] }")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: 1 repeat, 1 start-up run, 1,000-question export")
    parser.add_argument("--repeat", type=int, help="runs per command (default 3; 1 if --quick)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON,
                        help=f"where to write the figures (default: {LOCAL_NOTE})")
    parser.add_argument("--timeout", type=float, default=180,
                        help="seconds before a command is stopped and marked timed out")
    parser.add_argument("--stage-articles", type=int, default=200,
                        help="articles in the in-process stage breakdown (default 200)")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 3)
    corpus_mod = _load("corpus")

    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp_name:
        tmp = Path(tmp_name)
        os.environ["QUIZGEN_CACHE_DIR"] = str(tmp / "cache")  # big decks' parsed copies
        corpus = args.keep or tmp / "corpus"
        if args.keep and corpus.exists():
            shutil.rmtree(corpus)
        t0 = time.perf_counter()
        stats = corpus_mod.make_corpus(corpus, args.articles, args.seed)
        stats["generate_s"] = round(time.perf_counter() - t0, 2)
        n, mb = stats["articles"], stats["bytes"] / 1e6
        print(f"corpus: {n:,} articles, {mb:.1f} MB in {stats['generate_s']} s", file=sys.stderr)
        r: dict = {"benchmark": "run", "machine": machine(), "corpus": stats, "repeat": repeat,
                   "quick": args.quick}
        qg = quizgen_cmd()
        r["facts"] = add_rates(repeated(
            "facts", [*qg, "facts", "--format", "jsonl", str(corpus)], repeat,
            tmp / "facts.jsonl", args.timeout), n, mb)
        with open(tmp / "facts.jsonl", "rb") as fh:
            r["facts"]["jsonl_lines"] = sum(1 for _ in fh)
        for jobs in (1, 2):
            deck = tmp / f"deck-j{jobs}.yaml"
            r[f"build_jobs{jobs}"] = add_rates(repeated(
                f"build --jobs {jobs}",
                [*qg, "build", str(corpus), "-o", str(deck), "--jobs", str(jobs)], repeat,
                tmp / f"build-j{jobs}.out", args.timeout,
                before=lambda d=deck: d.unlink(missing_ok=True)),
                n, mb, jobs)
        # as a user adding articles does: rebuild into the last deck (kept edits, cached copy)
        deck = tmp / "deck-j2.yaml"
        r["rebuild_jobs2"] = add_rates(repeated(
            "rebuild --jobs 2", [*qg, "build", str(corpus), "-o", str(deck), "--jobs", "2"],
            repeat, tmp / "rebuild-j2.out", args.timeout), n, mb, 2)
        print("  launch -> first question, this corpus's deck ...", file=sys.stderr)
        r["first_question_built"] = first_question(1 if args.quick else 3, deck)
        r["first_question_built"]["questions"] = built_questions(tmp / "build-j2.out")
        j1, j2 = r["build_jobs1"]["best_s"], r["build_jobs2"]["best_s"]
        late = any(r[k]["timed_out"] for k in ("facts", "build_jobs1", "build_jobs2"))
        r["ratios"] = {  # None when a run was stopped: a ratio of two bounds means nothing
            "speedup_jobs2_vs_jobs1": None if late else round(j1 / j2, 2),
            "parallel_efficiency": None if late else round(j1 / j2 / 2, 2),
            "build_vs_facts_time": None if late else round(j1 / r["facts"]["best_s"], 2),
            "ms_per_article_vs_target_jobs1": round(
                r["build_jobs1"]["ms_per_article"]
                / (1000 / TARGETS["build_articles_per_s_per_worker"]), 2)}
        print("  in-process stages ...", file=sys.stderr)
        r["stages"] = build_stages(corpus, tmp / "deck-stages.yaml", args.stage_articles)
    print("  launch -> first question ...", file=sys.stderr)
    r["first_question"] = first_question(1 if args.quick else 7)
    print("  Anki export ...", file=sys.stderr)
    r["anki_export"] = anki_export(1000 if args.quick else 10_000, repeat)
    print("  imports ...", file=sys.stderr)
    r["imports"] = startup_imports(1 if args.quick else 5)
    r["targets"] = verdicts(r)
    print_report(r)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
