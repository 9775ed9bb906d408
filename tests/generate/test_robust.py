"""The generator never crashes on odd facts, and what it makes is always well formed."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.facts import Count, DateFact, Person, Quote, Source
from quizgen.generate import Corpus, generate
from quizgen.generate.text import norm
from quizgen.templates import load_builtin

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
words = st.lists(st.sampled_from(["Presiden", "Menteri", "Rusia", "Lam", "dan", "11", "Juni",
                                  "menandatangani", "nota", "kata", "pada", "Kamis", "(20/6)",
                                  "2024", "the", "signed", "March", ",", "\"", "{x}"]),
                 max_size=12).map(" ".join)
src = st.builds(Source, doc=st.sampled_from(["a.txt", "b.txt"]), sentence=st.integers(0, 3),
                start=st.integers(0, 50), end=st.integers(0, 60), text=words | text)
fact = st.one_of(
    st.builds(Person, name=words | text, aliases=st.lists(words, max_size=2),
              roles=st.lists(words | text, max_size=2), sources=st.lists(src, max_size=2)),
    st.builds(Quote, speaker=words, quote=words | text, direct=st.booleans(), cue=words,
              sources=st.lists(src, max_size=2)),
    st.builds(Count, value=st.integers(-5, 10**7), unit=words, text=words,
              bound=st.sampled_from(["exact", "at_least"]), event=words,
              sources=st.lists(src, max_size=2)),
    st.builds(DateFact, value=st.sampled_from(["2024-06-20", "2024-02", "1999", "2024-13-40",
                                                "x"]),
              text=words, event=words, sources=st.lists(src, max_size=2)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(fact, max_size=14), st.sampled_from(["id", "en"]), st.integers(2, 6),
       st.dictionaries(st.tuples(st.sampled_from(["a.txt", "b.txt"]), st.integers(0, 3)),
                       words, max_size=6))
def test_generate_never_crashes_and_questions_are_well_formed(facts, lang, n, sentences):
    corpus = Corpus(facts=facts, lang=lang, sentences=sentences)
    gen = generate(corpus, load_builtin(lang).templates, options=n)
    for q in gen.questions:
        assert len(q.options) == n and 0 <= q.answer < n
        assert len({norm(o) for o in q.options}) == n
        assert "\n" not in q.stem


def test_lazy_sampling_draws_what_random_sample_draws():
    import random

    from quizgen.generate.distractors import sample_lazily

    for n, k in [(1, 1), (5, 5), (40, 16), (277, 64), (278, 64), (10_000, 64)]:
        for seed in range(5):
            assert list(sample_lazily(random.Random(seed), n, k)) == random.Random(
                seed).sample(range(n), k)
