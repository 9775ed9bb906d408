"""A deck of any shape (hand-edited, half broken, hostile) gives a clear error or a result from
every command that reads it (load, every export, ``quizgen check``), never a traceback."""

import contextlib
import tempfile
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.cli import main
from quizgen.deck import load_deck
from quizgen.errors import QuizgenError
from quizgen.export import FORMATS, export

texts = st.text(max_size=30) | st.sampled_from(
    ["", " ", "Ana Silva", "2024-06-20", "1,200", "at_least", "quote", "person", "date",
     "count", "\x1b[2J", "dua belas", "Jumat, 21 Juni 2024", "- x", "{1}"])
scalars = st.none() | st.booleans() | st.integers(-3, 10**20) | st.floats() | texts | st.dates()
anything = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(scalars, inner, max_size=4), max_leaves=12)


def field(valid):
    """Mostly a valid value, one time in sixteen anything at all."""
    return st.integers(0, 15).flatmap(lambda n: anything if n == 5 else valid)


def mapping(required: dict, optional: dict | None = None):
    """A mapping of the ``required`` fields and some of the ``optional`` ones (each a
    strategy), now and then with a required one left out or an unknown key added."""
    def shape(drop, extra):
        return st.fixed_dictionaries({k: v for k, v in required.items() if k != drop},
                                     optional=optional or {}).map(lambda d: {**extra, **d})

    drops = st.integers(0, 15).map(lambda n: dict(enumerate(required, 5)).get(n))
    return st.tuples(drops, st.dictionaries(texts, anything, max_size=1) | st.just({})
                     ).flatmap(lambda de: shape(*de))


KINDS = ["quote", "person", "date", "count"]
FACT_FIELDS = ("speaker", "quote", "name", "aliases", "roles", "value", "bound", "unit", "text",
               "event", "granularity", "direct", "sources")
fact = mapping({"kind": field(st.sampled_from(KINDS))},
               {k: scalars | anything for k in FACT_FIELDS})
source = mapping({"doc": field(texts), "sentence": field(st.integers(0, 9)),
                  "start": field(st.integers(0, 99)), "end": field(st.integers(0, 99))},
                 {"title": field(texts), "text": field(texts)})
question = mapping(
    {"id": field(st.sampled_from(["q-1", "q-2", "q-3"])), "stem": field(texts),
     "options": field(st.lists(texts, min_size=2, max_size=7)),
     "answer": field(st.integers(0, 2) | st.integers(-1, 6))},
    {"template": field(texts), "kind": field(st.sampled_from(KINDS)),
     "explanation": field(texts), "fact": field(fact),
     "sources": field(st.lists(source, max_size=2)), "enabled": field(st.booleans()),
     "checksum": field(texts), "disabled_by": field(st.sampled_from(["quizgen", ""])),
     "disabled_reason": field(texts)})
deck = mapping({"questions": st.lists(question, min_size=1, max_size=4)}, {
    "format": field(st.just(1)), "title": field(texts),
    "language": field(st.sampled_from(["id", "en", "xx"])),
    "settings": field(st.dictionaries(texts, anything, max_size=3)),
    "sources": field(st.lists(mapping({"path": field(texts), "sha256": field(texts)},
                                      {"title": field(texts)}), max_size=2))})

# valid decks whose facts hold anything: a fact is free-form, and the checks and exports read it
words = st.sampled_from(["Ana Silva", "Ben Okoro", "20 June 2024", "1,200", "twelve", "3",
                         "Menteri", "minister", "Jumat, 21 Juni 2024", "the pier"])
kept = st.fixed_dictionaries(
    {"id": st.uuids().map(str), "stem": words.map(lambda w: f"Who or what: {w}?"),
     "options": st.lists(words, min_size=2, max_size=4, unique=True),
     "answer": st.just(0), "fact": fact},
    optional={"kind": st.sampled_from(KINDS),
              "template": st.sampled_from(["which-quote", "kutipan-tokoh", "who-said"])})
sound = st.fixed_dictionaries(
    {"format": st.just(1), "questions": st.lists(kept, min_size=1, max_size=4)},
    optional={"language": st.sampled_from(["id", "en", "xx"]),
              "settings": st.dictionaries(texts, anything)})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(deck, deck, sound, anything))
def test_any_yaml_as_a_deck_gives_an_error_or_a_result(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deck.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            loaded = load_deck(path)
        except QuizgenError:
            loaded = None
        for fmt in FORMATS if loaded else ():
            with contextlib.suppress(QuizgenError):
                export(loaded, fmt, Path(tmp) / f"out.{fmt}", deck_path=str(path))
        result = CliRunner().invoke(main, ["check", str(path)])
        assert isinstance(result.exception, SystemExit | None), result.output
        assert result.exit_code in (0, 1, 2)  # no suspects, suspects, an unreadable deck
