"""Merging the facts of several articles: entities, corroboration and conflicts."""

from quizgen.facts import Conflict, Count, DateFact, Person, Quote, Source, WeekdayMention
from quizgen.merge import People, Phrases, merge


def src(doc: str, text: str, start: int = 0) -> Source:
    return Source(doc=doc, sentence=0, start=start, end=start + len(text), text=text)


def person(doc: str, name: str, *aliases: str, roles: tuple[str, ...] = ()) -> Person:
    return Person(name=name, aliases=list(aliases), roles=list(roles), sources=[src(doc, name)])


def of(kind, facts):
    return [f for f in facts if isinstance(f, kind)]


# --------------------------------------------------------------------------- people


def test_one_person_under_several_names():
    facts = merge([
        [person("a", "Vladimir Putin", "Putin", roles=("Presiden Rusia",))],
        [person("b", "Putin", roles=("presiden Rusia", "pemimpin Rusia"))],
        [person("c", "Vladimir Putin", roles=("Presiden Rusia",))],
    ])
    [p] = of(Person, facts)
    assert p.name == "Vladimir Putin"
    assert p.aliases == ["Putin"]
    assert p.roles == ["Presiden Rusia", "pemimpin Rusia"]  # case-insensitive de-duplication
    assert {s.doc for s in p.sources} == {"a", "b", "c"}


def test_spelling_variants_are_one_person():
    facts = merge([[person("a", "Kim Jong Un")], [person("b", "Kim Jong-un")],
                   [person("c", "Lam")], [person("d", "To Lam", "Lam")]])
    names = sorted(p.name for p in of(Person, facts))
    assert names == ["Kim Jong Un", "To Lam"]
    kim = next(p for p in of(Person, facts) if p.name == "Kim Jong Un")
    assert kim.aliases == ["Kim Jong-un"]


def test_two_people_sharing_a_surname_stay_two():
    facts = merge([
        [person("a", "Hendra Siregar", "Siregar", roles=("Kepala BPBD",)),
         person("a", "Marlina Siregar")],
        [person("b", "Siregar")],  # ambiguous: joins neither
    ])
    names = sorted(p.name for p in of(Person, facts))
    assert names == ["Hendra Siregar", "Marlina Siregar", "Siregar"]


def test_a_clause_names_people_by_name_alias_or_unique_role():
    people = People([[person("a", "To Lam", "Lam", roles=("Presiden Vietnam",)),
                      person("a", "Vladimir Putin", "Putin", roles=("Presiden Rusia",))]])
    names = lambda text: sorted(people.entities[i].name for i in people.actors(0, text))  # noqa: E731
    assert names("Lam dan Putin menandatangani 11 nota") == ["To Lam", "Vladimir Putin"]
    assert names("Presiden Rusia tiba di bandara Hanoi") == ["Vladimir Putin"]
    assert names("The delegation flew to Hanoi") == []  # "to" is not To Lam


def test_quote_speakers_take_the_canonical_name_and_repeats_merge():
    q1 = Quote(speaker="Putin", quote="Kami bertekad memperdalam kemitraan strategis.",
               direct=True, cue="kata", sources=[src("a", "Kami bertekad")])
    q2 = Quote(speaker="Vladimir Putin", quote="Kami bertekad memperdalam kemitraan strategis",
               direct=True, cue="ujar", sources=[src("b", "Kami bertekad")])
    q3 = Quote(speaker="Vladimir Putin", quote="Sesuatu yang lain sama sekali.", direct=True,
               cue="kata", sources=[src("b", "Sesuatu", 50)])
    facts = merge([[person("a", "Putin"), q1],
                   [person("b", "Vladimir Putin", "Putin"), q2, q3]])
    quotes = of(Quote, facts)
    assert [q.speaker for q in quotes] == ["Vladimir Putin", "Vladimir Putin"]
    assert {s.doc for s in quotes[0].sources} == {"a", "b"}


# --------------------------------------------------------------------------- counts


def count(doc: str, value: int, unit: str, event: str, bound: str = "exact") -> Count:
    text = f"{value} {unit}"
    return Count(value=value, unit=unit, text=text, bound=bound, event=event,
                 sources=[src(doc, text)])


def test_same_count_in_two_articles_is_corroborated():
    a = count("a", 11, "pakta", "Sebelas pakta yang ditandatangani di Hanoi tidak setingkat")
    b = count("b", 11, "nota kerja sama", "Lam dan Putin menandatangani 11 nota kerja sama")
    facts = merge([[a], [person("b", "To Lam", "Lam"), person("b", "Vladimir Putin"), b]])
    [c] = of(Count, facts)
    assert c.value == 11 and not c.disputed
    assert {s.doc for s in c.sources} == {"a", "b"}
    assert of(Conflict, facts) == []


def test_counts_of_different_things_stay_apart():
    a = count("a", 11, "pakta", "Putin menandatangani 11 pakta")
    b = count("b", 11, "orang", "11 orang tewas")
    assert len(of(Count, merge([[a], [b]]))) == 2


def test_different_counts_for_the_same_event_are_a_conflict():
    people = [person("a", "Vladimir Putin", "Putin")]
    a = count("a", 11, "agreements", "Putin signed 11 agreements in Hanoi")
    b = count("b", 15, "dokumen", "Putin menandatangani 15 dokumen di Hanoi")
    facts = merge([[*people, a], [person("b", "Putin"), b]])
    [conflict] = of(Conflict, facts)
    assert conflict.values == ["11 agreements", "15 dokumen"]
    assert [s.sources[0].doc for s in conflict.sides] == ["a", "b"]
    assert "agreements" in conflict.about and "Vladimir Putin" in conflict.about
    assert all(c.disputed for c in of(Count, facts))
    assert conflict.to_dict()["sides"][0]["sources"][0]["doc"] == "a"


def test_a_lower_bound_does_not_contradict_a_larger_count():
    people = [person("a", "Vladimir Putin", "Putin")]
    a = count("a", 10, "agreements", "Putin signed more than 10 agreements", "at_least")
    b = count("b", 11, "agreements", "Putin signed 11 agreements")
    facts = merge([[*people, a], [b]])
    assert of(Conflict, facts) == []


def test_counts_without_an_actor_are_never_a_conflict():
    a = count("a", 11, "pakta", "11 pakta ditandatangani")
    b = count("b", 15, "dokumen", "15 dokumen ditandatangani")
    assert of(Conflict, merge([[a], [b]])) == []


# --------------------------------------------------------------------------- dates


def date(doc: str, value: str, text: str, event: str, weekday: str | None = None) -> DateFact:
    return DateFact(value=value, text=text, event=event, weekday=weekday,
                    sources=[src(doc, text)])


def weekday(doc: str, name: str, event: str) -> WeekdayMention:
    return WeekdayMention(weekday=name, text=name, event=event, sources=[src(doc, name)])


def putin(doc: str) -> Person:
    return person(doc, "Vladimir Putin", "Putin", roles=("Presiden Rusia",))


def test_wednesday_against_thursday_is_a_conflict_about_the_arrival_day():
    a = date("a", "2024-06-20", "Kamis (20-06-2024)",
             "Presiden Rusia Vladimir Putin langsung mengunjungi Vietnam", "Kamis")
    b = weekday("b", "Rabu", "Presiden Rusia Vladimir Putin tiba di ibu kota Vietnam, Hanoi")
    c = date("c", "2024-06-20", "Kamis dini hari, 20 Juni 2024",
             "Presiden Rusia tiba di bandara Hanoi", "Kamis")
    facts = merge([[putin("a"), a], [putin("b"), b], [putin("c"), c]])
    [d] = of(DateFact, facts)  # a and c: one date, two sources
    assert d.value == "2024-06-20" and d.disputed
    assert {s.doc for s in d.sources} == {"a", "c"}
    [conflict] = of(Conflict, facts)
    assert conflict.values == ["2024-06-20 (Kamis)", "Rabu"]
    assert [sorted(s.doc for s in side.sources) for side in conflict.sides] == [["a", "c"], ["b"]]
    assert "Vladimir Putin" in conflict.about
    assert of(WeekdayMention, facts) == []  # evidence only


def test_a_matching_weekday_is_no_conflict():
    a = date("a", "2024-06-20", "20 June 2024", "Putin arrived in Hanoi")
    b = weekday("b", "Thursday", "Putin arrived in Vietnam")
    facts = merge([[putin("a"), a], [putin("b"), b]])
    assert of(Conflict, facts) == []
    assert not of(DateFact, facts)[0].disputed


def test_dates_far_apart_are_different_occurrences_not_a_conflict():
    a = date("a", "2017-11-10", "10 November 2017", "Putin mengunjungi Vietnam")
    b = date("b", "2024-06-20", "20 Juni 2024", "Putin mengunjungi Vietnam")
    facts = merge([[putin("a"), a], [putin("b"), b]])
    assert of(Conflict, facts) == []
    assert len(of(DateFact, facts)) == 2


def test_different_days_for_different_people_are_no_conflict():
    a = date("a", "2024-06-20", "20 Juni 2024", "Putin tiba di Hanoi")
    b = date("b", "2024-06-19", "19 Juni 2024", "Xi Jinping tiba di Hanoi")
    facts = merge([[putin("a"), a], [person("b", "Xi Jinping"), b]])
    assert of(Conflict, facts) == []


def test_same_article_stating_a_date_twice_is_one_fact():
    a1 = date("a", "2024-05-14", "Selasa (14/5/2024)", "Yoko Kamikawa tiba di Jakarta")
    a2 = date("a", "2024-05-14", "Selasa (14/5/2024)", "Yoko Kamikawa tiba di Jakarta")
    a2.sources = [src("a", "Selasa (14/5/2024)", 300)]
    facts = merge([[person("a", "Yoko Kamikawa"), a1, a2]])
    [d] = of(DateFact, facts)
    assert len(d.sources) == 2


# --------------------------------------------------------------------------- at scale
# Merging indexes facts (by speaker, value, event, actor) instead of comparing every pair;
# these tests pin that the indexes find exactly what comparing every pair would.


def test_a_reworded_quote_in_another_article_still_merges():
    q1 = Quote(speaker="Mia Okafor", quote="We will rebuild the harbour before the monsoon.",
               direct=True, cue="said", sources=[src("a", "We will")])
    q2 = Quote(speaker="Okafor", quote="We will rebuild the harbor before the monsoon",
               direct=True, cue="says", sources=[src("b", "We will")])
    q3 = Quote(speaker="Okafor", quote="We will rebuild the school after the monsoon season.",
               direct=True, cue="says", sources=[src("b", "We will", 80)])
    facts = merge([[person("a", "Mia Okafor"), q1], [person("b", "Okafor"), q2, q3]])
    quotes = of(Quote, facts)
    assert [q.quote for q in quotes] == [q1.quote, q3.quote]  # 'harbor' merges, 'school' not
    assert {s.doc for s in quotes[0].sources} == {"a", "b"}


def _merge_quotes_pairwise(quotes: list[Quote]) -> list[tuple[str, str, list[str]]]:
    """What merging quotes means, written the slow way: every quote against every kept one."""
    import difflib

    from quizgen.merge import key

    def similar(a: str, b: str) -> bool:
        x, y = key(a), key(b)
        if not x or not y:
            return False
        if x in y or y in x:
            return min(len(x), len(y)) >= 0.6 * max(len(x), len(y))
        return difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() >= 0.85

    out: list[tuple[str, str, list[str]]] = []
    for q in quotes:
        for m in out:
            if key(m[0]) == key(q.speaker) and similar(m[1], q.quote):
                m[2].extend(s.doc for s in q.sources if s.doc not in m[2])
                break
        else:
            out.append((q.speaker, q.quote, [s.doc for s in q.sources]))
    return out


def test_many_quotes_by_many_speakers_merge_as_comparing_every_pair_would():
    import random

    rng = random.Random(7)
    speakers = ["Ana Lima", "ana lima", "Budi Santoso", "Chen Wei", "Dewi Lestari", "Émile Roy",
                "Emile Roy"]
    words = ["we", "will", "build", "the", "new", "port", "bridge", "road", "school", "before",
             "after", "rain", "season", "year"]
    bases = [" ".join(rng.choice(words) for _ in range(rng.randint(3, 12))) for _ in range(25)]
    quotes = []
    for n in range(400):
        text = rng.choice(bases).split()
        for _ in range(rng.randint(0, 2)):  # reword a little: drop, change or add a word
            i = rng.randrange(len(text))
            op = rng.choice(["drop", "change", "add"])
            if op == "drop" and len(text) > 1:
                del text[i]
            elif op == "change":
                text[i] = rng.choice(words)
            else:
                text.insert(i, rng.choice(words))
        quotes.append(Quote(speaker=rng.choice(speakers), quote=" ".join(text).capitalize() + ".",
                            direct=True, cue="said", sources=[src(f"d{n % 37}", "x", n)]))
    expected = _merge_quotes_pairwise(quotes)
    got = of(Quote, merge([quotes]))
    assert [(q.speaker, q.quote, list(dict.fromkeys(s.doc for s in q.sources))) for q in got] \
        == expected
    assert 20 < len(got) < 300  # some merged, many did not


def test_phrases_find_what_whole_word_containment_finds():
    import random

    from quizgen.merge import Phrases

    rng = random.Random(3)
    vocab = ["to", "lam", "putin", "presiden", "rusia", "tiba", "di", "hanoi", "kim", "jong"]
    phrases = {" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 3))): n
               for n in range(40)}
    index = Phrases(phrases.items())
    for _ in range(300):
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 12)))
        expected = {v for p, v in phrases.items() if f" {p} " in f" {text} "}
        assert set(index.find(text)) == expected, text


def test_events_candidates_hold_every_item_of_the_same_event():
    import random

    from quizgen.merge import Events, Item

    rng = random.Random(5)

    def item() -> Item:
        return Item(fact=None, doc=0,  # type: ignore[arg-type]
                    actors=frozenset(rng.sample(range(6), rng.randint(0, 2))),
                    verbs=frozenset(rng.sample(["arrive", "sign", "visit"], rng.randint(0, 2))),
                    event_key=rng.choice(["", "", "putin tiba", "lam tiba"]))

    items = [item() for _ in range(200)]
    events = Events(items[:100])
    for it in items[100:]:
        for need in (True, False):
            matches = [n for n, m in enumerate(events.items) if m.same_event(it, need)]
            assert set(matches) <= set(events.candidates(it, need))
            assert events.first(it, need) == (matches[0] if matches else None)


def test_an_article_disagreeing_with_any_other_makes_a_count_conflict():
    import itertools
    import random

    from quizgen.merge import Item, _clash, _range

    rng = random.Random(11)
    for _ in range(300):
        items = [Item(count(f"d{rng.randrange(3)}", rng.randint(8, 14), "ships", "x",
                            rng.choice(["exact", "exact", "at_least", "at_most"])),
                      rng.randrange(3), frozenset(), frozenset(), "")
                 for _ in range(rng.randint(1, 5))]

        def compatible(a: Count, b: Count) -> bool:
            (lo_a, hi_a), (lo_b, hi_b) = _range(a), _range(b)
            return max(lo_a, lo_b) <= min(hi_a, hi_b)

        expected = any(x.doc != y.doc and not compatible(x.fact, y.fact)  # type: ignore[arg-type]
                       for x, y in itertools.product(items, items))
        assert _clash(items) == expected


def test_phrases_are_found_as_whole_words_in_text_order():
    p = Phrases([("putri", 1), ("putri ayu", 2), ("putri ayu lestari", 3), ("ayu", 4)])
    assert p.find("kata putri ayu lestari kemarin") == [1, 2, 3, 4]
    assert p.find("putrinya ayu") == [4]
    assert p.find("") == []


def test_a_fact_told_many_times_keeps_each_source_once_in_order():
    def told(doc):
        return [Count(11, "pakta", "11 pakta", event="Putin menandatangani 11 pakta",
                      sources=[Source(doc=doc, sentence=0, start=0, end=8, text="11 pakta")])]

    per_doc = [told(f"{i % 40}.txt") for i in range(120)]  # 40 articles, each seen 3 times
    (count,) = [f for f in merge(per_doc) if f.kind == "count"]
    assert [s.doc for s in count.sources] == [f"{i}.txt" for i in range(40)]
