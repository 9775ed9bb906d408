import datetime as dt
from collections import Counter
from dataclasses import replace

import pytest

from quizgen.facts import Conflict, Count, DateFact, Person, Quote, Side, Source
from quizgen.generate import generate, question_id
from quizgen.generate.text import contains_words, norm
from quizgen.templates import load_builtin

from .conftest import DOC_A, DOC_B, make_corpus, make_facts, src, weekday_conflict

TEMPLATES = load_builtin("id").templates


def by_template(gen):
    out = {}
    for q in gen.questions:
        out.setdefault(q.template, []).append(q)
    return out


def test_every_template_kind_is_generated(corpus):
    gen = generate(corpus, TEMPLATES)
    kinds = {q.kind for q in gen.questions}
    assert kinds == {"quote", "person", "role", "date", "count"}
    qs = by_template(gen)
    assert [q.stem for q in qs["berapa"]] == [
        "Berapa nota kesepahaman yang ditandatangani Solberg dan Widodo?"]
    # the title "Solberg di Jakarta" would give the answer away: the file name names the article
    assert 'Menurut artikel "Kunjungan norwegia", siapa Perdana Menteri Norwegia?' in \
        [q.stem for q in qs["pemegang-jabatan"]]
    assert ('Menurut artikel "Solberg di Jakarta", kapan Perdana Menteri Norwegia Ingrid Solberg '
            'tiba di Jakarta?') in [q.stem for q in qs["kapan"]]
    assert [q.stem for q in qs["tanggal-rumpang"]] == [
        'Lengkapi kalimat berikut: "Kedua negara pertama kali menjalin hubungan pada ____."']


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_option_count_and_one_correct_answer(corpus, n):
    gen = generate(corpus, TEMPLATES, options=n)
    assert gen.questions
    for q in gen.questions:
        assert len(q.options) == n
        assert len({norm(o) for o in q.options}) == n  # no two options mean the same
        assert 0 <= q.answer < n


def test_option_count_bounds(corpus):
    for n in (1, 7):
        with pytest.raises(ValueError):
            generate(corpus, TEMPLATES, options=n)


def test_correct_option_is_the_fact(corpus):
    gen = generate(corpus, TEMPLATES)
    for q in gen.questions:
        f = q.fact
        if q.template == "siapa-berkata":
            assert q.correct == f["speaker"]
        if q.template == "pemegang-jabatan":
            assert q.correct == f["name"]
        if q.kind == "count":
            assert q.correct == str(f["value"])
        if q.kind == "date":
            assert q.correct == f["text"]


def test_stem_never_contains_its_answer(corpus):
    for q in generate(corpus, TEMPLATES).questions:
        assert not contains_words(q.stem, q.correct), q.stem


def test_giveaway_is_dropped():
    facts = make_facts()
    facts.append(Quote("Ingrid Solberg", "Solberg tidak akan mundur dari perjanjian energi ini",
                       True, "kata", sources=[src(DOC_A, 2)]))
    gen = generate(make_corpus(facts), TEMPLATES)
    assert gen.dropped["siapa-berkata: stem gives the answer away"] == 1
    assert all("Solberg tidak akan" not in q.stem for q in gen.questions)


def test_long_quote_is_shortened_at_a_word_boundary():
    text = ("Kami akan terus bekerja sama di bidang energi perikanan pendidikan kesehatan "
            "pariwisata perdagangan teknologi budaya olahraga riset pertanian kehutanan "
            "transportasi keamanan pertahanan diplomasi lingkungan iklim air laut")
    words = text.split()
    facts = make_facts()
    facts.append(Quote("Retno Marsudi", " ".join(words), True, "kata",
                       sources=[src(DOC_B, 1)]))
    gen = generate(make_corpus(facts), TEMPLATES)
    (q,) = [q for q in gen.questions if q.template == "siapa-berkata" and "pariwisata" in q.stem]
    assert q.stem.endswith(' kehutanan transportasi…"?')  # 20 words
    assert " ".join(words) in q.explanation


def test_ids_are_stable_across_order_and_wording(corpus):
    gen = generate(corpus, TEMPLATES)
    facts = list(reversed(make_facts()))
    reworded = [replace(t, stem=t.stem.replace("Menurut {article}", "Dalam {article}"))
                for t in TEMPLATES]
    again = generate(make_corpus(facts), reworded)
    assert [q.id for q in gen.questions] == [q.id for q in again.questions]
    person = make_facts()[0]
    assert question_id("pemegang-jabatan", person) in {q.id for q in gen.questions}


def test_determinism_and_seed(corpus):
    a = generate(corpus, TEMPLATES, seed=1)
    b = generate(make_corpus(), TEMPLATES, seed=1)
    assert a.questions == b.questions
    c = generate(make_corpus(), TEMPLATES, seed=2)
    assert [q.answer for q in a.questions] != [q.answer for q in c.questions]


def test_correct_position_is_spread_evenly_within_each_template():
    for seed in range(5):
        per_template = {}
        for q in generate(make_corpus(), TEMPLATES, seed=seed).questions:
            per_template.setdefault(q.template, Counter())[q.answer] += 1
        for counts in per_template.values():
            assert max(counts.values()) - min(counts[i] for i in range(4)) <= 1, counts


def test_alias_is_never_a_distractor():
    facts = make_facts()
    facts[1] = replace(facts[1], aliases=["Widodo", "Jokowi"])
    # extraction left a short form as a separate person: it must not be offered
    facts.append(Person("Jokowi", roles=["Presiden"], sources=[src(DOC_A, 1, "Widodo")]))
    gen = generate(make_corpus(facts), TEMPLATES, options=6)
    for q in gen.questions:
        if q.correct == "Joko Widodo":
            assert "Jokowi" not in q.options


def test_a_distractor_is_never_also_true():
    facts = make_facts()
    # two people given the same role: asking who holds it has no single answer
    facts.append(Person("Budi Santoso", roles=["Perdana Menteri Norwegia"],
                        sources=[src(DOC_B, 0, "Menteri")]))
    # a role that overlaps the question's: she may not be offered as a wrong answer
    facts.append(Person("Siti Rahma", roles=["Menteri Luar Negeri"],
                        sources=[src(DOC_B, 0, "Menteri")]))
    # another article gives 8 for the same signing
    facts.append(Count(8, "nota kesepahaman", "8 nota kesepahaman",
                       event="Solberg dan Widodo menandatangani 8 nota kesepahaman",
                       sources=[src(DOC_B, 2, "nota")]))
    gen = generate(make_corpus(facts), TEMPLATES, options=4)
    qs = by_template(gen)
    assert "pemegang-jabatan: role held by several people" in gen.dropped
    for q in qs["berapa"]:  # another source says 8 memoranda, and that one says 9
        assert {"8", "9"} & set(q.options) == {q.correct}
    assert not any("Perdana Menteri Norwegia" in q.stem for q in qs["pemegang-jabatan"])
    for seed in range(8):
        for q in generate(make_corpus(facts), TEMPLATES, options=6, seed=seed).questions:
            if q.stem == 'Menurut artikel "Nota energi", siapa Menteri Luar Negeri Indonesia?':
                assert "Siti Rahma" not in q.options


def test_a_role_that_another_person_holds_more_specifically_is_not_asked():
    facts = [*_people_en(), Person("Lena Holm", roles=["Foreign Minister"],
                                   sources=[src(DOC_A, 0, "P")]),
             Person("Jean Roux", roles=["foreign minister of France"],
                    sources=[src(DOC_A, 0, "P")])]
    gen = generate(make_corpus(facts, lang="en"), load_builtin("en").templates)
    stems = [q.stem for q in gen.questions]
    assert 'According to "Solberg di Jakarta", who is the Foreign Minister?' not in stems
    assert 'According to "Solberg di Jakarta", who is the foreign minister of France?' in stems


def test_role_distractors_exclude_the_persons_other_roles():
    facts = make_facts()
    facts[2] = replace(facts[2], roles=["Menteri Luar Negeri Indonesia", "Duta Besar Norwegia "
                                        "untuk Indonesia"])
    gen = generate(make_corpus(facts), TEMPLATES, options=4)
    for q in by_template(gen)["jabatan-tokoh"]:
        if q.fact["name"] == "Retno Marsudi":
            assert "Duta Besar Norwegia untuk Indonesia" not in q.options


def test_quote_distractors_are_quotes_by_other_speakers(corpus):
    facts = {f.quote: f.speaker for f in corpus.quotes}
    for q in by_template(generate(corpus, TEMPLATES))["kutipan-tokoh"]:
        speakers = [facts[o] for o in q.options]
        assert speakers.count(q.fact["speaker"]) == 1
        assert speakers[q.answer] == q.fact["speaker"]


def test_date_distractors_share_format_granularity_and_true_weekdays(corpus):
    weekdays = corpus.words["weekdays"]
    for q in generate(corpus, TEMPLATES, options=6).questions:
        if q.kind != "date":
            continue
        for o in q.options:
            if q.fact["value"] == "2024-05-14":
                wd, rest = o.split(" (")
                d = dt.datetime.strptime(rest.rstrip(")"), "%d-%m-%Y").date()
                assert weekdays[d.weekday()] == wd
            else:
                month, year = o.split()
                assert month in corpus.words["months"] and len(year) == 4


def test_a_date_another_source_gives_for_the_same_event_is_never_offered():
    facts = make_facts()
    event = facts[5].event
    facts.append(DateFact("2024-05-16", "Kamis (16-05-2024)", event,
                          sources=[src(DOC_B, 0, "Menteri")]))
    for seed in range(6):
        for q in generate(make_corpus(facts), TEMPLATES, options=6, seed=seed).questions:
            if q.kind == "date" and q.fact["value"] != "1950-03":
                assert {"Kamis (16-05-2024)", "Selasa (14-05-2024)"} & set(q.options) == \
                    {q.correct}


def test_conflicts_are_not_quizzed_and_never_offered():
    facts = make_facts()
    conflict = weekday_conflict()
    # a count whose source is evidence for a side of the conflict
    facts.append(Count(3, "kapal", "3 kapal", event="", sources=[src(DOC_B, 3, "Rabu")]))
    # a date whose value is one of a date conflict's values
    facts.append(Conflict("date of the first talks", ["1950-03", "1950-04"],
                          sides=[Side("1950-03", []), Side("1950-04", [])]))
    facts.append(conflict)
    gen = generate(make_corpus(facts), TEMPLATES, options=6, seed=3)
    assert not any(q.fact.get("unit") == "kapal" for q in gen.questions)
    assert not any(q.fact.get("value") == "1950-03" for q in gen.questions)
    assert gen.dropped["count fact in conflict: not quizzed"] == 1
    assert gen.dropped["date fact in conflict: not quizzed"] == 1
    for seed in range(10):
        for q in generate(make_corpus(facts), TEMPLATES, options=6, seed=seed).questions:
            if q.kind == "date":
                assert not any(w in o for o in q.options for w in ("Rabu", "Kamis")), q.options
    assert conflict in gen.conflicts


def test_a_date_inside_a_conflict_value_is_neither_quizzed_nor_offered():
    facts = make_facts()
    facts.append(Conflict("Solberg · visit · day", ["2024-05-14 (Selasa)", "Senin"],
                          sides=[Side("2024-05-14 (Selasa)", []), Side("Senin", [])]))
    gen = generate(make_corpus(facts), TEMPLATES, options=6)
    assert not any(q.fact.get("value") == "2024-05-14" for q in gen.questions)
    assert gen.dropped["date fact in conflict: not quizzed"] == 1


def test_disputed_facts_are_not_quizzed():
    facts = [replace(f, disputed=True) if isinstance(f, Count | DateFact) else f
             for f in make_facts()]
    kinds = {q.kind for q in generate(make_corpus(facts), TEMPLATES).questions}
    assert "count" not in kinds and "date" not in kinds


def test_not_enough_distractors_drops_the_question():
    facts = [f for f in make_facts() if isinstance(f, Quote)][:2]
    gen = generate(make_corpus(facts), TEMPLATES, options=4)
    assert not gen.questions
    assert gen.dropped["siapa-berkata: not enough distractors"] == 2
    assert len(generate(make_corpus(facts), TEMPLATES, options=2).questions) > 0


def test_english_passive_and_role_wording():
    facts = [
        Person("Lucia Navarro", roles=["Chilean President"], sources=[src(DOC_A, 0, "P")]),
        Person("Thomas Whitaker", roles=["New Zealand Prime Minister"],
               sources=[src(DOC_A, 0, "P")]),
        Person("Aroha Tane", roles=["New Zealand's Energy Minister"],
               sources=[src(DOC_A, 0, "P")]),
        Person("Diego Carrasco", roles=["Chilean Energy Minister"], sources=[src(DOC_A, 0, "P")]),
        Count(7, "agreements", "seven agreements", sources=[src(DOC_A, 1, "9 nota kesepahaman")],
              event="Navarro and Whitaker signed seven agreements covering fishing quotas"),
    ]
    gen = generate(make_corpus(facts, lang="en"), load_builtin("en").templates)
    stems = {q.stem for q in gen.questions}
    assert "How many agreements were signed by Navarro and Whitaker?" in stems
    assert 'According to "Solberg di Jakarta", who is the Chilean President?' in stems
    assert 'According to "Solberg di Jakarta", who is New Zealand\'s Energy Minister?' in stems


def _english(facts, sentence):
    corpus = make_corpus(facts, lang="en")
    corpus.sentences[(DOC_A, 5)] = sentence
    return generate(corpus, load_builtin("en").templates)


def _people_en():
    return [Person(f"Person {c}", roles=[f"{c} Minister"], sources=[src(DOC_A, 0, "P")])
            for c in "ABCDE"]


def test_large_numbers_are_written_as_the_language_writes_them():
    sentence = "Health officials recorded 210,644 dengue cases in 2024."
    count = Count(210644, "dengue cases", "210,644 dengue cases", event=sentence,
                  sources=[Source(DOC_A, 5, 26, 46, "210,644 dengue cases")])
    gen = _english([*_people_en(), count], sentence)
    (q,) = [q for q in gen.questions if q.kind == "count"]
    assert q.correct == "210,644"
    assert all(o.count(",") == 1 for o in q.options)
    assert q.stem == 'Fill in the blank: "Health officials recorded ____ dengue cases in 2024."'


def test_passive_agent_reads_inside_a_sentence():
    sentence = "The company sold 300 new shares on Monday."
    count = Count(300, "new shares", "300 new shares", event=sentence,
                  sources=[Source(DOC_A, 5, 17, 31, "300 new shares")])
    gen = _english([*_people_en(), count], sentence)
    assert [q.stem for q in gen.questions if q.kind == "count"] == [
        "How many new shares were sold by the company?"]
    sentence = "The coach has won 2 trophies."
    count = Count(2, "trophies", "2 trophies", event=sentence,
                  sources=[Source(DOC_A, 5, 18, 28, "2 trophies")])
    gen = _english([*_people_en(), count], sentence)
    assert [q.template for q in gen.questions if q.kind == "count"] == ["count-cloze"]


def test_no_wh_question_when_the_date_may_belong_to_an_embedded_clause():
    facts = make_facts()
    facts.append(DateFact("2018-01", "Januari 2018",
                          "Retno menjelaskan bahwa pemerintah menerbitkan obligasi pada Januari "
                          "2018", sources=[src(DOC_B, 0, "Menteri")]))
    gen = generate(make_corpus(facts), TEMPLATES)
    (q,) = [q for q in gen.questions if q.fact.get("value") == "2018-01"]
    assert q.template == "tanggal-rumpang"


def test_a_questions_fact_is_the_facts_dict_with_the_decks_document_names():
    from quizgen.generate import fact_dict

    facts = [*make_facts(), weekday_conflict()]
    for f in facts:
        expected = f.to_dict()
        for s in expected["sources"]:
            s["doc"] = "decks/" + s["doc"]
        got = fact_dict(f, lambda d: "decks/" + d)
        assert got == expected
        assert list(got) == list(expected)  # same key order, so the deck file is the same


def test_names_of_gives_a_fresh_set_each_time(corpus):
    name = corpus.people[0].name
    names = corpus.names_of(name)
    names.add("someone else")
    assert "someone else" not in corpus.names_of(name)
    assert norm(name) in corpus.names_of(name)


def test_everyone_who_said_a_quote_is_named_by_speakers_of(corpus):
    from quizgen.generate import distractors as dis
    from quizgen.generate.conflicts import Conflicts

    ok = Conflicts(corpus.conflicts)
    q = corpus.quotes[0]
    names = dis.speakers_of(corpus, ok, q.quote)
    assert corpus.names_of(q.speaker) <= names
    assert dis.speakers_of(corpus, ok, q.quote + " ") is names or \
        dis.speakers_of(corpus, ok, q.quote + " ") == names  # same normalised quote
    assert dis.speakers_of(corpus, ok, "words nobody said") == frozenset()
