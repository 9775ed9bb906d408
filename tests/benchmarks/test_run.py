"""The benchmark runs end to end on a tiny corpus and reports every metric (no timings asserted)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_test_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_corpus_varies_names_numbers_and_sizes(tmp_path):
    corpus = _load("corpus")
    stats = corpus.make_corpus(tmp_path, 6, seed=1)
    files = sorted(tmp_path.iterdir())
    assert stats["articles"] == len(files) == 6
    assert all(2500 <= f.stat().st_size <= 9000 for f in files)
    # the first template again (index 0 and index len(templates)) would differ; here: the
    # names of a gold article are gone from its copy
    first = files[0].read_text(encoding="utf-8")
    template = next(t for t in corpus.load_templates() if files[0].name.endswith(t.path.name))
    swapped = [n for n in template.names if len(n.split()[-1]) > 2 and n.split()[-1] in first]
    assert not swapped


def test_number_variation_keeps_days_times_and_codes():
    corpus = _load("corpus")
    import random

    months = {"juni", "june"}
    text = "Pada 19 Juni 2024 pukul 05.45, G20 menyebut 1 kapal dan 5.000 orang (2-1)."
    out = corpus.vary_numbers(text, random.Random(3), -28, months)
    assert "19 Juni 1996" in out and "05.45" in out and "G20" in out and "1 kapal" in out
    assert "(2-1)" in out and out.split(" orang")[0].endswith(".000")
    counts = {corpus.vary_numbers(text, random.Random(seed), 0, months).split(" orang")[0][-5:]
              for seed in range(8)}
    assert len(counts) > 2  # the count changes from copy to copy


def test_name_swap_is_consistent_across_an_article():
    corpus = _load("corpus")
    import random

    mapping = corpus.name_map(["Scott Kelly", "Mark Kelly", "To Lam"], "en", random.Random(0))
    assert set(mapping) == {"Scott", "Mark", "Kelly", "Lam"}  # "To" is too short to swap
    out = corpus.swap_names("Scott Kelly met Mark Kelly. Kelly-ish? To Lam.", mapping)
    assert out.count(mapping["Kelly"]) == 2 and "Kelly-ish" in out and "To " in out


def test_benchmark_runs_end_to_end_on_a_tiny_corpus(tmp_path):
    run = _load("run")
    out = tmp_path / "run.json"
    assert run.main(["--articles", "6", "--quick", "--stage-articles", "6",
                     "--json", str(out)]) == 0
    r = json.loads(out.read_text(encoding="utf-8"))
    assert r["corpus"]["articles"] == 6
    for key in ("facts", "build_jobs1", "build_jobs2", "rebuild_jobs2"):
        row = r[key]
        for metric in ("best_s", "median_s", "articles_per_s", "mb_per_s",
                       "articles_per_s_per_worker", "tree_peak_mb", "max_process_mb"):
            assert row[metric] > 0, (key, metric)
        assert row["timed_out"] is False
    assert r["facts"]["jsonl_lines"] > 0
    assert set(r["stages"]["seconds"]) == {"ingest", "extract", "merge", "generate", "save"}
    assert r["stages"]["questions"] > 0
    assert {"speedup_jobs2_vs_jobs1", "parallel_efficiency"} <= set(r["ratios"])
    assert r["first_question"]["median_s"] > 0
    assert r["first_question_built"]["median_s"] > 0
    assert r["first_question_built"]["questions"] > 0
    assert r["anki_export"]["questions"] > 0 and r["anki_export"]["bytes"] > 0
    imports = r["imports"]
    assert imports["quizgen_help_median_s"] > 0
    assert isinstance(imports["heavy_imported_by_quizgen_help"], list)
    assert len(r["targets"]) == 7
    assert all({"value", "target", "ratio_to_target", "met"} <= set(v)
               for v in r["targets"].values())
    for field in ("cpus", "cpu_model", "ram_gb", "python", "date_utc"):
        assert field in r["machine"]


def test_a_local_run_writes_its_figures_to_an_ignored_folder():
    """Running a benchmark as the README says leaves the recorded figures (benchmarks/results,
    tracked) alone: the default output is benchmarks/out, which .gitignore covers."""
    import shutil
    import subprocess

    for name in ("run", "startup", "export", "jobs"):
        default = _load(name).DEFAULT_JSON
        assert default.parent == BENCH / "out", name
        if shutil.which("git") and (BENCH.parent / ".git").exists():
            ignored = subprocess.run(["git", "check-ignore", "-q", str(default)],
                                     cwd=BENCH.parent)
            assert ignored.returncode == 0, f"{default} is not ignored by git"
