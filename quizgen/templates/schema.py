"""What a template may say, per fact kind: placeholders, answers, distractor sources, conditions.

This table is the single place that defines the template language; the loader validates
against it and ``quizgen.generate.fields`` fills exactly these placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass

# every kind: {title} (the article's title, else its file name), {article} (the article as a
# question names it: "artikel ini" / "the article" in a deck of one article, its title in
# quotation marks in a deck of several), {sentence} (the evidence sentence)
COMMON = ("title", "article", "sentence")


@dataclass(frozen=True)
class FactSchema:
    placeholders: tuple[str, ...]
    # answer name -> (question kind in the deck, placeholders that reveal it, distractor sources)
    answers: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]
    conditions: dict[str, type]


SCHEMAS: dict[str, FactSchema] = {
    "quote": FactSchema(
        placeholders=("speaker", "role", "role_np", "quote", "quote_inline", "quote_full",
                      "quote_full_inline", "cue", "via", *COMMON),
        answers={
            "speaker": ("quote", ("speaker",), ("speakers", "people")),
            "quote": ("quote", ("quote", "quote_inline", "quote_full", "quote_full_inline"),
                      ("quotes",)),
        },
        # complete: the quote starts like a sentence (not a fragment such as "bidang ...");
        # addressed: the words start with the one addressed ("urged the residents to ...")
        conditions={"direct": bool, "complete": bool, "min_words": int, "max_words": int,
                    "addressed": bool},
    ),
    "person": FactSchema(
        placeholders=("name", "role", "role_np", *COMMON),
        answers={
            "name": ("person", ("name",), ("people",)),
            "role": ("role", ("role", "role_np"), ("roles",)),
        },
        conditions={"min_role_words": int},
    ),
    "date": FactSchema(
        placeholders=("date", "value", "event", "cloze", "clause", *COMMON),
        answers={"date": ("date", ("date", "value"), ("dates", "nearby-dates"))},
        conditions={"granularity": list, "wh": bool},
    ),
    "count": FactSchema(
        placeholders=("value", "number", "unit", "text", "event", "cloze", "passive", "agent",
                      *COMMON),
        answers={"value": ("count", ("value", "number", "text"), ("numbers", "nearby-numbers"))},
        conditions={"units": list, "min_value": int, "max_value": int, "bound": list,
                    "passive": bool},
    ),
}

GRANULARITIES = ("day", "month", "year")
BOUNDS = ("exact", "at_least", "at_most")
