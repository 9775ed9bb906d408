import contextlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import main
from quizgen.deck import load_deck

EN = Path(__file__).parents[1] / "fixtures" / "build" / "en"


def test_build_prints_a_summary_and_writes_the_deck(tmp_path):
    shutil.copytree(EN, tmp_path / "sources")
    out = tmp_path / "deck.yaml"
    result = CliRunner().invoke(main, ["build", str(tmp_path / "sources"), "-o", str(out),
                                       "--title", "Chile–NZ", "--options", "5", "--seed", "2",
                                       "--jobs", "1", "--lang", "en"])
    assert result.exit_code == 0, result.output
    deck = load_deck(out)
    assert deck.title == "Chile–NZ" and deck.language == "en"
    assert all(len(q.options) == 5 for q in deck.questions)
    for text in ("enabled questions", "from 2 articles", "Facts", "Questions by template",
                 "who-said", "new deck: "):
        assert text in result.output


def test_build_refuses_bad_options_and_bad_templates(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(EN), "-o", str(tmp_path / "d.yaml"),
                                  "--options", "7"])
    assert result.exit_code == 2
    bad = tmp_path / "t.yaml"
    bad.write_text("templates:\n  - id: x\n    fact: rumour\n    stem: s\n    answer: a\n",
                   encoding="utf-8")
    result = runner.invoke(main, ["build", str(EN), "-o", str(tmp_path / "d.yaml"),
                                  "--templates", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:3: template 'x': unknown fact kind 'rumour'" in result.output
    assert not (tmp_path / "d.yaml").exists()


def test_conflicts_are_listed_and_not_quizzed(tmp_path, monkeypatch):
    """Whatever merge reports as a conflict is listed, and its facts give no question."""
    import quizgen.build as pipeline
    from quizgen.facts import Conflict, Count, Side

    real = pipeline.merge_facts

    def merge_with_conflict(per_doc):
        facts = real(per_doc)
        counts = [f for f in facts if isinstance(f, Count) and f.unit == "memorandums"]
        assert counts
        side = Side(str(counts[0].value), list(counts[0].sources))
        return [*facts, Conflict("memorandums drafted", [side.value, "6"],
                                 sides=[side, Side("6", [])])]

    monkeypatch.setattr(pipeline, "merge_facts", merge_with_conflict)
    out = tmp_path / "d.yaml"
    result = CliRunner().invoke(main, ["build", str(EN), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "conflict memorandums drafted: 4 (energy-talks.txt) vs 6" in result.output
    deck = load_deck(out)
    assert not any(q.fact.get("unit") == "memorandums" for q in deck.questions)
    assert not any("6" in q.options for q in deck.questions if q.kind == "count")


def _build(deck, *more):
    result = CliRunner().invoke(main, ["build", str(deck.parent / "sources"), "-o", str(deck),
                                       "--jobs", "1", *more])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_rebuild_report_says_what_was_kept_updated_and_disabled(tmp_path):
    """A user's rebuilds: a hand edit, a mistaken template file, the file fixed."""
    from quizgen.deck import save_deck

    shutil.copytree(EN, tmp_path / "sources")
    deck = tmp_path / "deck.yaml"
    assert "new deck: 28 questions" in _build(deck)
    d = load_deck(deck)
    mine = d.questions[1]
    mine.enabled = False
    save_deck(d, deck)
    said = sorted(q.id for q in d.questions if q.template == "who-said" and q is not mine)

    templates = tmp_path / "templates.yaml"
    CliRunner().invoke(main, ["templates", "init", str(templates)])
    text = templates.read_text(encoding="utf-8")
    templates.write_text(text.replace("- id: who-said\n", "- id: who-spoke\n"), encoding="utf-8")
    out = _build(deck)
    assert "rebuilt: 5 new, 0 updated, 0 back" in out
    assert f"kept your hand edits in 1 question: {mine.id} (enabled: false)" in out
    assert f"  {len(said)} template 'who-said' is not in templates.yaml: {said[0]}" in out

    templates.write_text(text, encoding="utf-8")
    out = _build(deck)
    assert f"rebuilt: 0 new, 0 updated, {len(said)} back (quizgen had disabled them" in out
    assert f"kept your hand edits in 1 question: {mine.id} (enabled: false)" in out
    assert "  5 template 'who-spoke' is not in templates.yaml" in out
    assert len(load_deck(deck).enabled) == 27  # all but the one the user switched off


def test_build_refuses_templates_in_another_language_in_one_line(tmp_path):
    shutil.copytree(EN, tmp_path / "sources")
    deck = tmp_path / "deck.yaml"
    _build(deck)
    before = deck.read_bytes()
    templates = tmp_path / "templates.yaml"
    CliRunner().invoke(main, ["templates", "init", str(templates), "--lang", "id"])
    result = CliRunner().invoke(main, ["build", str(tmp_path / "sources"), "-o", str(deck),
                                       "--jobs", "1"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {templates}: these templates are Indonesian (id) "
                                    "but the articles are English (en); nothing was built")
    assert result.output.count("\n") == 1
    assert deck.read_bytes() == before


def test_paths_with_rich_markup_are_printed_as_they_are(tmp_path, monkeypatch):
    folder = tmp_path / "[blink]DIR"
    shutil.copytree(EN, folder)
    (folder / "[red]empty.txt").write_text("")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "[blink]DIR", "-o", "[reverse]out.yaml",
                                       "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("[reverse]out.yaml: 28 enabled questions")
    assert "skipped [blink]DIR/[red]empty.txt: " in result.output
    assert (tmp_path / "[reverse]out.yaml").is_file()


def test_too_many_jobs_are_capped_and_said_once(tmp_path, monkeypatch):
    import quizgen.build as pipeline

    monkeypatch.setattr(pipeline, "cores", lambda: 2)
    result = CliRunner().invoke(
        main, ["build", str(EN), "-o", str(tmp_path / "d.yaml"), "--jobs", "500"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ("--jobs 500: 2 worker processes, as many as can help (2 cores, "
                             "2 articles)\n")
    one = CliRunner().invoke(main, ["build", str(EN / "energy-talks.txt"), "-o",
                                    str(tmp_path / "e.yaml"), "--jobs", "2"])
    assert one.stderr == "--jobs 2: 1 worker process, as many as can help (2 cores, 1 article)\n"
    help_text = " ".join(CliRunner().invoke(main, ["build", "--help"]).output.split())
    assert f"default: one for fewer than {pipeline.SMALL_CORPUS} articles" in help_text


def test_sigterm_during_the_write_removes_the_half_written_deck(tmp_path, monkeypatch):
    """A SIGTERM arriving while the deck is written (here: at its fsync) stops the build with
    status 143 and leaves neither a temp file nor a changed deck."""
    import os
    import signal

    import quizgen.atomic

    out = tmp_path / "deck.yaml"
    args = ["build", str(EN), "-o", str(out), "--jobs", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    before = out.read_bytes()
    monkeypatch.setattr(quizgen.atomic.os, "fsync",
                        lambda fd: os.kill(os.getpid(), signal.SIGTERM))
    ignore = signal.signal(signal.SIGTERM, lambda *_: None)  # were the build not to handle it
    try:
        result = CliRunner().invoke(main, [*args, "--seed", "4"])
    finally:
        signal.signal(signal.SIGTERM, ignore)
    assert result.exit_code == 128 + signal.SIGTERM
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.yaml"]


# -- a build stopped from outside: its workers go with it -------------------------------------

# `quizgen build --jobs 2` whose workers take their time over each article, so that they are
# surely at work when the test signals the parent
SLOW_BUILD = """
import os, sys, time
if os.environ.get("AS_IF_NOT_LINUX"):  # the workers poll their parent instead of prctl
    sys.platform = "not-linux"
import quizgen.build
quizgen.build.cores = lambda: 2  # two workers even on a one-core machine
quizgen.build.process_file = lambda path, lang=None: time.sleep(600)
from quizgen.cli import main
main(sys.argv[1:])
"""


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")  # a zombie has exited


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # the thread ended meanwhile
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _wait(condition, what: str, tries: int = 600) -> None:
    """Poll ``condition`` (every 0.05 s); fail naming ``what`` if it never holds."""
    import time

    for _ in range(tries):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
@pytest.mark.parametrize(("sig", "poll"), [("SIGTERM", False), ("SIGHUP", False),
                                           ("SIGKILL", False), ("SIGKILL", True)])
def test_workers_do_not_outlive_a_stopped_build(tmp_path, sig, poll):
    import os
    import signal
    import subprocess
    import sys

    many = tmp_path / "sources"
    many.mkdir()
    for i in range(4):
        for f in EN.iterdir():
            shutil.copy(f, many / f"{i}-{f.name}")
    proc = subprocess.Popen([sys.executable, "-c", SLOW_BUILD, "build", str(many), "-o",
                             str(tmp_path / "deck.yaml"), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=dict(os.environ, AS_IF_NOT_LINUX="1" if poll else ""))
    try:
        _wait(lambda: len(_children(proc.pid)) == 2, "two workers started")
        workers = _children(proc.pid)
        proc.send_signal(getattr(signal, sig))
        proc.communicate(timeout=60)
    finally:
        proc.kill()
    _wait(lambda: not any(_alive(w) for w in workers), "the workers exited")
    code = getattr(signal, sig)
    assert proc.returncode == (-code if sig == "SIGKILL" else 128 + code)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources"]
