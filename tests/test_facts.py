from dataclasses import asdict

import pytest

from quizgen.facts import Conflict, Count, DateFact, Person, Quote, Side, Source, fact_from_dict

SRC = Source(doc="a.txt", sentence=2, start=10, end=20, text="evidence")
FACTS = [
    Person(name="Ana Lima", aliases=["Lima"], roles=["Menteri Luar Negeri"], sources=[SRC]),
    DateFact(value="2024-06-19", text="19 Juni", event="tiba", weekday="Rabu", sources=[SRC]),
    Count(value=11, unit="nota", text="11 nota", bound="at_least", sources=[SRC, SRC]),
    Quote(speaker="Ana Lima", quote="Kami siap.", direct=True, cue="kata", sources=[SRC]),
    Conflict(about="tiba", values=["Rabu", "Kamis"],
             sides=[Side("Rabu", [SRC]), Side("Kamis", [])], sources=[SRC]),
]


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f.kind)
def test_to_dict_is_asdict_with_kind_first_and_sources_last(fact):
    expected = {"kind": fact.kind, **asdict(fact)}
    expected["sources"] = expected.pop("sources")
    data = fact.to_dict()
    assert data == expected and list(data) == list(expected)
    assert fact_from_dict(data) == fact


def test_to_dict_copies_lists():
    p = FACTS[0]
    p.to_dict()["aliases"].append("x")
    assert p.aliases == ["Lima"]
