"""Fact extraction from one cleaned article.

Each kind has its own module; all of them read their language knowledge from
``quizgen.lang`` data files, never from wording hard-coded here.
"""

from __future__ import annotations

from quizgen.document import Document
from quizgen.facts import Fact


def extract(doc: Document) -> list[Fact]:
    """All facts of one article, each with its sources (doc, sentence, span)."""
    from quizgen.extract.counts import extract_counts
    from quizgen.extract.dates import extract_dates
    from quizgen.extract.people import extract_people
    from quizgen.extract.quotes import extract_quotes

    people = extract_people(doc)
    return [*people, *extract_dates(doc), *extract_counts(doc), *extract_quotes(doc, people)]
