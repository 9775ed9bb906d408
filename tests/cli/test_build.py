import shutil
from pathlib import Path

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
                 "who-said", "kept hand edits in 0 questions"):
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
