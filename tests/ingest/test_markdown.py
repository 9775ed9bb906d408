"""Markdown markup stripped in linear time: unclosed marks stay as text, nesting still works."""

from quizgen.ingest.markdown import markdown_to_text


def body(markdown: str) -> str:
    return markdown_to_text(markdown)[0]


def test_nested_emphasis_is_stripped_whole():
    assert body("**bold *italic* bold**") == "bold italic bold"
    assert body("***both***") == "both"
    assert body("a *b* c **d** e __f__ g and **5 * 3**") == "a b c d e f g and 5 * 3"
    assert body("x*y*z and 2*3*4 and **unclosed") == "x*y*z and 2*3*4 and **unclosed"


def test_a_link_whose_address_holds_brackets_keeps_only_its_text():
    assert body("See [Hanoi](https://en.wikipedia.org/wiki/Hanoi_(city)) today.") == (
        "See Hanoi today."
    )
    assert body("![a photo](p.png) and [a ref][1]") == "a photo and a ref"


def test_unclosed_marks_on_a_long_line_stay_as_text():
    # each mark's scan ends at the next mark: these took 40 s and 43 s at full size
    emphasis = "*a **b " * 2_000
    assert body(emphasis) == emphasis
    brackets = "[" * 5_000 + "]" * 5_000
    assert body(brackets) == brackets
    links = "[a](" * 5_000
    assert body(links) == links


def test_headings_and_comments():
    assert body("# Title ##\n\ntext") == "\nTitle\n\n\ntext"
    assert body("#hashtag") == "#hashtag"
    assert body("a <!-- gone --> b <!-- never closed") == "a  b <!-- never closed"
