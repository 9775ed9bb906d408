"""The build pipeline end to end, on English fixture articles written for these tests."""

import os
import shutil
from pathlib import Path

import pytest

from quizgen import yamlio
from quizgen.build import build
from quizgen.deck import load_deck, save_deck
from quizgen.errors import QuizgenError

EN = Path(__file__).parent / "fixtures" / "build" / "en"


@pytest.fixture
def corpus(tmp_path):
    """A deck folder with its own copy of the articles, as a user would lay it out."""
    folder = tmp_path / "chile-nz"
    shutil.copytree(EN, folder / "sources")
    return folder


def test_english_articles_make_a_deck(corpus):
    out = corpus / "deck.yaml"
    result = build([corpus / "sources"], out, jobs=1)
    deck = load_deck(out)
    assert deck.language == "en"
    assert deck.title == "chile-nz"
    assert [s.path for s in deck.sources] == ["sources/energy-talks.txt",
                                              "sources/harbour-accord.txt"]
    assert result.articles == 2 and not result.errors
    kinds = {q.kind for q in deck.enabled}
    assert {"quote", "role", "date", "count"} <= kinds
    stems = {q.stem for q in deck.questions}
    assert "How many agreements were signed by Navarro and Whitaker?" in stems
    for q in deck.questions:
        assert len(q.options) == 4 and len(set(q.options)) == 4
        assert all(s.doc.startswith("sources/") and s.text and s.title for s in q.sources)
        assert q.fact["sources"][0]["doc"].startswith("sources/")
    said = {q.fact["quote"]: q.correct for q in deck.questions if q.template == "who-said"}
    assert said["This accord protects the livelihoods of families on both sides of the "
                "Pacific"] == "Lucia Navarro"


def test_rebuild_is_byte_identical_and_parallel_matches(corpus):
    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1, seed=5)
    first = out.read_bytes()
    build([corpus / "sources"], out, jobs=1, seed=5)
    assert out.read_bytes() == first
    other = corpus / "again.yaml"
    build([corpus / "sources"], other, jobs=2, seed=5, title="chile-nz")
    assert other.read_bytes() == first


def test_options_and_seed_are_settings(corpus):
    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1, options=3, seed=9)
    deck = load_deck(out)
    assert deck.settings == {"seed": 9, "options": 3, "templates": "builtin"}
    assert all(len(q.options) == 3 for q in deck.questions)
    with pytest.raises(QuizgenError, match="between 2 and 6"):
        build([corpus / "sources"], out, options=7)


def test_hand_edits_survive_a_rebuild(corpus):
    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1)
    deck = load_deck(out)
    a, b, c = deck.questions[:3]
    a.stem = "Edited stem?"
    b.enabled = False
    c.options = ["X", "Y", "Z", c.correct]
    c.answer = 3
    save_deck(deck, out)
    result = build([corpus / "sources"], out, jobs=1)
    again = {q.id: q for q in load_deck(out).questions}
    assert again[a.id].stem == "Edited stem?"
    assert again[b.id].enabled is False
    assert (again[c.id].options, again[c.id].answer) == (["X", "Y", "Z", c.correct], 3)
    assert result.report.kept_edits == 3
    # and the edits are still recognised as edits on the next build
    assert build([corpus / "sources"], out, jobs=1).report.kept_edits == 3


def test_questions_whose_fact_disappeared_are_disabled_not_deleted(corpus):
    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1)
    before = load_deck(out)
    (corpus / "sources" / "energy-talks.txt").unlink()
    result = build([corpus / "sources"], out, jobs=1)
    after = load_deck(out)
    assert {q.id for q in before.questions} <= {q.id for q in after.questions}
    gone = [q for q in after.questions if not q.enabled]
    assert gone and result.report.orphaned == len(gone)
    assert all("Carrasco" not in q.stem for q in after.enabled)


def test_a_bad_file_is_reported_and_the_rest_built(corpus):
    (corpus / "sources" / "empty.txt").write_text("   \n", encoding="utf-8")
    out = corpus / "deck.yaml"
    result = build([corpus / "sources", corpus / "missing.txt"], out, jobs=2)
    assert result.articles == 2
    assert any("empty.txt" in e for e in result.errors)
    assert any("missing.txt: no such file" in e for e in result.errors)
    assert load_deck(out).questions


def test_a_bad_template_writes_no_deck(corpus):
    (corpus / "templates.yaml").write_text(
        "templates:\n  - id: x\n    fact: quote\n    stem: '{speaker.__class__}'\n"
        "    answer: speaker\n", encoding="utf-8")
    out = corpus / "deck.yaml"
    with pytest.raises(QuizgenError, match=r"templates\.yaml:4: .*not allowed"):
        build([corpus / "sources"], out, jobs=1)
    assert not out.exists()


def test_the_deck_folders_templates_are_used(corpus):
    text = (Path(__file__).parents[1] / "quizgen/templates/builtin/en.yaml").read_text()
    loc = yamlio.load_text(text, "en.yaml")
    mine = {"language": "en",
            "templates": [t for t in loc.data["templates"] if t["id"] == "who-said"]}
    mine["templates"][0]["stem"] = 'Whose words are these: "{quote}"?'
    (corpus / "templates.yaml").write_text(yamlio.dump(mine), encoding="utf-8")
    out = corpus / "deck.yaml"
    result = build([corpus / "sources"], out, jobs=1)
    deck = load_deck(out)
    assert {q.template for q in deck.questions} == {"who-said"}
    assert all(q.stem.startswith("Whose words are these") for q in deck.questions)
    assert deck.settings["templates"] == "templates.yaml"
    assert result.templates.endswith("templates.yaml")


def test_a_malformed_deck_is_not_overwritten(corpus):
    out = corpus / "deck.yaml"
    out.write_text("questions: [unclosed\n", encoding="utf-8")
    with pytest.raises(QuizgenError, match=r"deck\.yaml:\d+: YAML syntax error"):
        build([corpus / "sources"], out, jobs=1)
    assert out.read_text(encoding="utf-8") == "questions: [unclosed\n"


def _q(qid, stem="S?", options=("a", "b"), answer=0, **kw):
    from quizgen.deck import Question
    return Question(id=qid, template="t", kind="quote", stem=stem, options=list(options),
                    answer=answer, **kw)


def test_rebuild_tells_edits_from_generated_text():
    from quizgen.deck import Deck, rebuild

    first, _ = rebuild(None, Deck("d", "id", [_q("x"), _q("y"), _q("z")]))
    assert all(q.checksum for q in first.questions)
    first.questions[0].stem = "Mine?"
    new = Deck("d", "id", [_q("x", stem="New?"), _q("y", stem="Better?", explanation="e"),
                           _q("w")])
    merged, report = rebuild(first, new)
    got = {q.id: q for q in merged.questions}
    assert got["x"].stem == "Mine?"  # edited: kept
    assert (got["y"].stem, got["y"].explanation) == ("Better?", "e")  # not edited: updated
    assert got["z"].enabled is False  # its fact disappeared: kept, disabled
    assert (report.kept_edits, report.orphaned, report.added) == (1, 1, 1)
    assert [q.id for q in merged.questions] == ["x", "y", "w", "z"]


def test_a_hand_written_deck_without_checksums_keeps_what_differs():
    from quizgen.deck import Deck, rebuild

    old = Deck("d", "id", [_q("x", stem="Hand?"), _q("y")])
    merged, report = rebuild(old, Deck("d", "id", [_q("x"), _q("y")]))
    assert [q.stem for q in merged.questions] == ["Hand?", "S?"]
    assert report.kept_edits == 1


def test_an_articles_equal_strings_are_sent_as_one_object():
    import pickle

    from quizgen.build import process_file

    article = process_file(str(sorted(EN.iterdir())[0]))
    before = [f.to_dict() for f in article.facts]
    sent = pickle.loads(pickle.dumps(article))
    assert [f.to_dict() for f in sent.facts] == before  # same facts, fewer copies
    texts: dict[str, int] = {}
    for f in sent.facts:
        for s in f.sources:
            assert texts.setdefault(s.text, id(s.text)) == id(s.text)
            assert s.doc is sent.facts[0].sources[0].doc


# Rebuilds as a user makes them: the questions quizgen disabled come back, the user's stay off.

def _write_templates(folder, lang="en", rename=None, name="templates.yaml"):
    """The built-in ``lang`` templates as the deck folder's own file, ids renamed as given
    (a mistaken edit: every question of a renamed template is no longer made)."""
    from quizgen.templates import builtin_text

    data = yamlio.load_text(builtin_text(lang), "builtin").data
    for t in data["templates"]:
        t["id"] = (rename or {}).get(t["id"], t["id"])
    path = folder / name
    path.write_text(yamlio.dump(data), encoding="utf-8")
    return path


def test_questions_quizgen_disabled_come_back_once_they_can_be_made(corpus):
    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1)
    said = sorted(q.id for q in load_deck(out).questions if q.template == "who-said")
    assert said
    mistake = _write_templates(corpus, rename={"who-said": "who-spoke"})
    broken = build([corpus / "sources"], out, jobs=1)
    off = {q.id: q for q in load_deck(out).questions if not q.enabled}
    assert sorted(off) == said
    assert {(q.disabled_by, q.disabled_reason) for q in off.values()} == \
        {("quizgen", "template 'who-said' is not in templates.yaml")}
    assert broken.report.kept_edits == 0  # quizgen's doing, not the user's
    assert {k: sorted(v) for k, v in broken.report.disabled.items()} == \
        {"template 'who-said' is not in templates.yaml": said}

    mistake.unlink()
    fixed = build([corpus / "sources"], out, jobs=1)
    deck = {q.id: q for q in load_deck(out).questions}
    assert all(deck[i].enabled and not deck[i].disabled_by for i in said)
    assert sorted(fixed.report.restored) == said and fixed.report.kept_edits == 0
    # the renamed template's questions are quizgen's to disable; nothing is deleted
    assert {q.template for q in deck.values() if not q.enabled} == {"who-spoke"}


def test_only_the_users_own_enabled_false_sticks(corpus):
    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1)
    deck = load_deck(out)
    mine = deck.questions[0]
    mine.enabled = False
    save_deck(deck, out)
    # six options: most questions have too few wrong answers and quizgen disables them
    six = build([corpus / "sources"], out, jobs=1, options=6)
    assert six.report.kept == {mine.id: ["enabled: false"]}
    assert set(six.report.disabled) == {"not enough distractors"}
    back = build([corpus / "sources"], out, jobs=1, options=4)
    assert back.report.kept == {mine.id: ["enabled: false"]}
    assert len(back.report.restored) == six.report.orphaned - (mine.id in
                                                               six.report.newly_disabled)
    assert [q.id for q in load_deck(out).questions if not q.enabled] == [mine.id]


def test_the_report_names_why_a_question_was_disabled(corpus):
    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1)
    (corpus / "sources" / "energy-talks.txt").unlink()
    report = build([corpus / "sources"], out, jobs=1).report
    gone = report.disabled["its fact is no longer in the articles"]
    reasons = {q.id: q.disabled_reason for q in load_deck(out).questions if not q.enabled}
    assert gone and all(reasons[i] == "its fact is no longer in the articles" for i in gone)
    assert set(reasons.values()) <= {"its fact is no longer in the articles",
                                     "not enough distractors"}  # fewer people to choose from
    assert report.added == 0


def test_rebuild_counts_updated_questions_and_lists_kept_edits():
    from quizgen.deck import Deck, rebuild

    first, _ = rebuild(None, Deck("d", "id", [_q("x"), _q("y"), _q("z"), _q("off")]))
    first.questions[0].stem = "Mine?"
    first.questions[3].enabled = False
    new = Deck("d", "id", [_q("x", stem="New?"), _q("y", stem="Better?"), _q("off")])
    merged, report = rebuild(first, new, {"z": "not enough distractors"})
    got = {q.id: q for q in merged.questions}
    assert report.kept == {"x": ["stem"], "off": ["enabled: false"]}
    assert report.updated == 1  # y: its generated text changed; x kept the user's
    assert report.disabled == {"not enough distractors": ["z"]}
    assert (got["z"].enabled, got["z"].disabled_by, got["z"].disabled_reason) == \
        (False, "quizgen", "not enough distractors")
    # the next build can make z again: it comes back, and "off" stays the user's
    again, report = rebuild(merged, Deck("d", "id", [_q("x"), _q("y"), _q("z"), _q("off")]))
    got = {q.id: q for q in again.questions}
    assert got["z"].enabled and not got["z"].disabled_by and report.restored == ["z"]
    assert not got["off"].enabled and "off" in report.kept


# Templates and language: templates in another language than the articles are refused.

def test_templates_of_another_language_are_refused(corpus):
    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1)
    before = out.read_bytes()
    mistake = _write_templates(corpus, lang="id")
    with pytest.raises(QuizgenError) as info:
        build([corpus / "sources"], out, jobs=1)
    message = str(info.value)
    assert message.startswith(f"{mistake}: these templates are Indonesian (id) but the "
                              "articles are English (en)")
    assert "quizgen templates init --lang en" in message and "\n" not in message
    assert out.read_bytes() == before  # the English deck is untouched


def test_a_template_folder_names_the_file_in_another_language(corpus, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    _write_templates(folder, "en", name="a.yaml")
    other = _write_templates(folder, "id", name="b.yaml")  # its ids differ from a.yaml's
    with pytest.raises(QuizgenError, match=rf"^{other}: these templates are Indonesian"):
        build([corpus / "sources"], corpus / "deck.yaml", templates=folder, jobs=1)
    assert not (corpus / "deck.yaml").exists()


def test_english_templates_for_english_articles_keep_the_deck_english(corpus):
    _write_templates(corpus, "en")
    build([corpus / "sources"], corpus / "deck.yaml", jobs=1)
    assert load_deck(corpus / "deck.yaml").language == "en"


# -- writing the deck: checked before the work, never a traceback, never over a hand edit --------

def _count_reads(monkeypatch) -> list[str]:
    """The articles the build reads from now on."""
    import quizgen.build as pipeline

    read, real = [], pipeline.process_file
    monkeypatch.setattr(pipeline, "process_file",
                        lambda path, lang=None: read.append(path) or real(path, lang))
    return read


def test_an_output_folder_that_is_a_file_fails_before_any_article_is_read(corpus, monkeypatch):
    read = _count_reads(monkeypatch)
    (corpus / "notes").write_text("a file, not a folder\n")
    out = corpus / "notes" / "deck.yaml"
    with pytest.raises(QuizgenError) as err:
        build([corpus / "sources"], out, jobs=1)
    assert str(err.value) == f"{out}: cannot write: {corpus / 'notes'} is a file, not a folder"
    assert read == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_folder_fails_before_any_article_is_read(corpus, monkeypatch):
    read = _count_reads(monkeypatch)
    folder = corpus / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(QuizgenError, match=r"deck.yaml: cannot write: Permission denied$"):
            build([corpus / "sources"], folder / "deck.yaml", jobs=1)
    finally:
        folder.chmod(0o755)
    assert read == []


def test_a_full_disk_is_one_line_and_keeps_the_old_deck(corpus, monkeypatch):
    import errno

    import quizgen.atomic

    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1)
    before = out.read_bytes()
    real_fsync = os.fsync

    def full(fd):
        real_fsync(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(quizgen.atomic.os, "fsync", full)
    with pytest.raises(QuizgenError) as err:
        build([corpus / "sources"], out, jobs=1, seed=3)
    assert str(err.value) == f"{out}: cannot write: No space left on device"
    assert out.read_bytes() == before
    assert sorted(p.name for p in corpus.iterdir()) == ["deck.yaml", "sources"]  # no temp file


def test_a_deck_saved_by_hand_during_the_build_is_not_overwritten(corpus, monkeypatch):
    import quizgen.build as pipeline

    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1)
    real_merge = pipeline.merge_facts

    def merge_while_the_user_edits(per_doc):  # the editor saves while the facts are merged
        text = out.read_text(encoding="utf-8")
        out.write_text(text.replace("enabled: true", "enabled: false", 1), encoding="utf-8")
        return real_merge(per_doc)

    monkeypatch.setattr(pipeline, "merge_facts", merge_while_the_user_edits)
    with pytest.raises(QuizgenError) as err:
        build([corpus / "sources"], out, jobs=1)
    assert str(err.value) == (f"{out}: changed while this build ran, so it was not overwritten "
                              "and your edit is kept; run the build again to rebuild the deck "
                              "with it")
    assert "enabled: false" in out.read_text(encoding="utf-8")  # the hand edit is there
    monkeypatch.setattr(pipeline, "merge_facts", real_merge)
    build([corpus / "sources"], out, jobs=1)  # run again: the edit is kept by the rebuild
    assert not all(q.enabled for q in load_deck(out).questions)


# -- worker processes ------------------------------------------------------------------------

def test_workers_are_capped_at_the_cores_and_the_articles(monkeypatch):
    import quizgen.build as pipeline

    monkeypatch.setattr(pipeline, "cores", lambda: 2)
    assert pipeline.worker_count(500, 100) == 2
    assert pipeline.worker_count(500, 1) == 1
    assert pipeline.worker_count(3, 0) == 1
    # by default: one process for a small corpus (a pool costs more than it saves there)
    assert pipeline.worker_count(None, pipeline.SMALL_CORPUS - 1) == 1
    assert pipeline.worker_count(None, pipeline.SMALL_CORPUS) == 2
    assert pipeline.worker_count(2, 5) == 2  # asked for: given


def test_a_pool_is_started_only_with_the_workers_that_help(corpus, monkeypatch):
    import quizgen.build as pipeline

    started = []
    real = pipeline.start_pool
    monkeypatch.setattr(pipeline, "start_pool", lambda jobs: started.append(jobs) or real(jobs))
    monkeypatch.setattr(pipeline, "cores", lambda: 2)
    build([corpus / "sources"], corpus / "a.yaml", jobs=500, title="t")
    build([corpus / "sources"], corpus / "b.yaml", title="t")  # 2 articles: in process
    assert started == [2]
    assert (corpus / "a.yaml").read_bytes() == (corpus / "b.yaml").read_bytes()


def test_the_deck_file_says_how_answer_counts(corpus):
    out = corpus / "deck.yaml"
    build([corpus / "sources"], out, jobs=1)
    head = out.read_text(encoding="utf-8").splitlines()[:2]
    assert all(line.startswith("# ") for line in head)
    assert "answer: is the position" in head[1] and "from 0" in head[1]
