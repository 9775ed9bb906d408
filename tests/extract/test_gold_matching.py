"""The gold-set matchers and scorer on hand-made facts (no extractor needed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from quizgen.errors import QuizgenError
from quizgen.facts import Count, DateFact, Person, Quote


def _load_gold_module():
    name = "quizgen_tests_gold"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("gold.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


gold = _load_gold_module()


def test_names_ignore_case_hyphens_spaces_and_accents():
    assert gold.norm_name("Kim Jong-un") == gold.norm_name("kim jong un")
    assert gold.norm_name("Jean-Noël Barrot") == gold.norm_name("Jean Noel Barrot")
    assert gold.norm_name("Kim Yo Jong") != gold.norm_name("Kim Jong Un")


def test_person_matches_by_name_or_alias():
    g = {"name": "Kim Jong Un", "aliases": []}
    assert gold.person_matches(g, Person(name="Kim Jong-un"))
    assert gold.person_matches(g, Person(name="Kim", aliases=["Kim Jong Un"]))
    assert not gold.person_matches(g, Person(name="Kim Yo Jong"))
    assert not gold.person_matches({"name": "Vladimir Putin"}, Person(name="Putin"))


def test_roles_match_when_equal_or_one_contains_the_other_as_words():
    assert gold.role_matches("Presiden Rusia", "presiden rusia")
    assert gold.role_matches("seorang profesor di US National War College",
                             "profesor di US National War College")
    assert gold.role_matches("Presiden Rusia", "Presiden")
    assert not gold.role_matches("Presiden Rusia", "Presiden Vietnam")
    assert not gold.role_matches("Presiden", "Wapres")  # whole words only
    assert not gold.role_matches("Presiden", "")


def test_dates_match_by_iso_value():
    g = {"value": "2024-06-20", "text": "Kamis (20-06-2024)"}
    assert gold.date_matches(g, DateFact(value="2024-06-20", text="20 Juni 2024", event=""))
    assert not gold.date_matches(g, DateFact(value="2024-06", text="Juni 2024", event=""))


def test_counts_match_by_value_bound_and_unit():
    g = {"value": 11, "unit": "nota kerja sama", "bound": "exact"}
    assert gold.count_matches(g, Count(value=11, unit="nota", text="11 nota"))
    assert gold.count_matches(g, Count(value=11, unit="Nota Kerja Sama di", text=""))
    assert not gold.count_matches(g, Count(value=11, unit="nota", text="", bound="at_least"))
    assert not gold.count_matches(g, Count(value=12, unit="nota kerja sama", text=""))
    assert not gold.count_matches(g, Count(value=11, unit="pakta", text=""))
    assert not gold.count_matches(g, Count(value=11, unit="", text=""))


def test_quotes_match_by_speaker_and_contained_fragment():
    g = {"speaker": "Vladimir Putin", "quote": "Kami bertekad untuk memperdalam", "direct": True}
    q = Quote(speaker="Vladimir Putin", quote="“Kami  bertekad untuk memperdalam kemitraan,”",
              direct=True, cue="kata")
    assert gold.quote_matches(g, q)
    assert not gold.quote_matches(g, Quote(speaker="To Lam", quote=q.quote, direct=True, cue=""))
    assert not gold.quote_matches(
        g, Quote(speaker="Vladimir Putin", quote="Kami bertekad", direct=True, cue="")
    )


def _gold(tmp_path: Path, text: str) -> object:
    path = tmp_path / "a.gold.yaml"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("article", encoding="utf-8")
    return gold.load_gold(path)


GOLD_YAML = """
people:
  - {name: Vladimir Putin, roles: [Presiden Rusia]}
  - {name: To Lam, roles: [Presiden Vietnam]}
  - {name: Antonio Guterres, optional: true}
dates:
  - {value: "2024-06-20"}
  - {value: "2060", optional: true}
counts:
  - {value: 11, unit: nota kerja sama}
  - {value: 10, unit: perusahaan, bound: at_least}
quotes:
  - {speaker: Vladimir Putin, quote: "Kami bertekad"}
"""


def test_scoring_counts_hits_misses_spurious_and_ignores_optional(tmp_path):
    g = _gold(tmp_path, GOLD_YAML)
    assert g.article == tmp_path / "a.txt"
    facts = [
        Person(name="Vladimir Putin", aliases=["Putin"], roles=["Presiden Rusia", "Presiden"]),
        Person(name="Rabu"),  # spurious: a weekday
        Person(name="Antonio Guterres", roles=["Sekjen PBB"]),  # optional: not counted
        DateFact(value="2024-06-20", text="Kamis (20-06-2024)", event=""),
        DateFact(value="2024-06-20", text="20 Juni 2024", event=""),  # same value: counted once
        DateFact(value="2060", text="2060", event=""),  # optional: not counted
        Count(value=11, unit="nota kerja sama", text="11 nota kerja sama"),
        Count(value=10, unit="perusahaan", text="10 perusahaan"),  # wrong bound: spurious
        Quote(speaker="Vladimir Putin", quote="Kami bertekad untuk", direct=True, cue="kata"),
        Quote(speaker="To Lam", quote="Kami bertekad untuk", direct=True, cue="kata"),
    ]
    tallies = {k: gold.Tally() for k in gold.KINDS}
    gold.score_article(g, facts, tallies)
    p, r, d, c, q = (tallies[k] for k in gold.KINDS)
    assert (p.tp, p.extracted, p.gold) == (1, 2, 2)
    assert p.missed == ["a.txt: To Lam"] and p.spurious == ["a.txt: Rabu aliases=[] roles=[]"]
    assert (r.tp, r.extracted, r.gold) == (1, 2, 2)  # "Presiden" is spurious once matched
    assert (d.tp, d.extracted, d.gold) == (1, 1, 1)
    assert (c.tp, c.extracted, c.gold) == (1, 2, 2)
    assert (q.tp, q.extracted, q.gold) == (1, 2, 1)
    assert q.precision == 0.5 and q.recall == 1.0
    table = gold.format_table(tallies, details=True)
    assert "person missed (1)" in table and "To Lam" in table


def test_scoring_is_micro_averaged_over_articles(tmp_path):
    g = _gold(tmp_path, GOLD_YAML)
    tallies = {k: gold.Tally() for k in gold.KINDS}
    gold.score_article(g, [Person(name="Vladimir Putin")], tallies)
    gold.score_article(g, [Person(name="To Lam"), Person(name="Vladimir Putin")], tallies)
    assert tallies["person"].tp == 3 and tallies["person"].gold == 4
    assert tallies["person"].recall == 0.75 and tallies["person"].precision == 1.0


@pytest.mark.parametrize(
    "text, message",
    [
        ("people: [{roles: [x]}]", "lacks name"),
        ("dates: [{value: 20-06-2024}]", "YYYY-MM-DD"),
        ("counts: [{value: 11, unit: x, bound: about}]", "bound"),
        ("quotes: [{speaker: Nobody, quote: x}]", "not in people"),
        ("stuff: 1", "unknown key"),
    ],
)
def test_bad_gold_files_fail_with_file_and_line(tmp_path, text, message):
    with pytest.raises(QuizgenError, match=message) as info:
        _gold(tmp_path, text)
    assert "a.gold.yaml" in str(info.value)


def test_matching_reroutes_so_no_gold_item_is_missed_needlessly():
    required = gold.GoldItem("quote", {"speaker": "A", "quote": "late step"})
    optional = gold.GoldItem("quote", {"speaker": "A", "quote": "agreements were"}, True)
    reported = Quote(speaker="A", quote="the agreements were a late step", direct=False, cue="")
    direct = Quote(speaker="A", quote="a late step", direct=True, cue="")
    pairs, missed, spurious = gold.match_one_to_one(
        [required, optional], [reported, direct], gold.quote_matches
    )
    assert missed == [] and spurious == []
    assert (required, direct) in pairs and (optional, reported) in pairs
