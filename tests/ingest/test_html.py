"""HTML pages: deep nesting and huge runs of inline markup still give the article's text."""

from pathlib import Path

import pytest

from quizgen.errors import QuizgenError
from quizgen.ingest import read_document
from quizgen.ingest.html import MANY_INLINE, MAX_DEPTH, _parse, html_to_text

HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"
PAGE = "<html><head><title>Harbour budget approved</title></head><body>{}</body></html>"
LEAD = "<p>The council approved the harbour budget on Tuesday after a long debate.</p>"


def test_an_article_inside_300_nested_divs_keeps_its_text():
    doc = read_document(HOSTILE / "nested_divs.html")
    assert doc.title == "Harbour budget approved"
    assert [p.text for p in doc.paragraphs] == [
        f"The council approved the harbour budget on Tuesday after debate number {i}."
        for i in (1, 2, 3)
    ]


def test_nesting_deeper_than_the_parser_allows_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "deep.html"
    depth = MAX_DEPTH + 10
    path.write_text(PAGE.format("<div>" * depth + LEAD + "</div>" * depth), encoding="utf-8")
    with pytest.raises(QuizgenError) as err:
        read_document(path)
    assert str(err.value) == f"{path}: HTML nested too deep (more than {MAX_DEPTH} levels)"


BLOCKS = {
    "p": "<p>{}</p>",
    "div": "<div>{}</div>",
    "li": "<ul><li>{}</li></ul>",
    "td": "<table><tr><td>{}</td></tr></table>",
}


INLINES = ["<span>{}</span> ", "<a href='/x'>{}</a> ", "<b><i>{}</i></b> "]


@pytest.mark.parametrize("block", BLOCKS)
@pytest.mark.parametrize("inline", INLINES)
def test_a_block_of_thousands_of_inline_elements_becomes_one_text_node(block, inline):
    # trafilatura's //p//text() searches are quadratic in a paragraph's text nodes: 200,000
    # <span> siblings took a quarter of an hour. Flattened, the paragraph is one text node.
    words = "".join(inline.format(f"w{i}") for i in range(3 * MANY_INLINE))
    tree = _parse(PAGE.format(LEAD + BLOCKS[block].format(words)), "x.html")
    element = next(e for e in tree.iter(block) if "w0" in e.text_content())
    assert len(element) == 0
    assert len(element.xpath("text()")) == 1
    assert element.text.split() == [f"w{i}" for i in range(3 * MANY_INLINE)]


def test_ordinary_inline_markup_is_left_to_trafilatura():
    html = PAGE.format(LEAD * 5 + "<p>The <b>mayor</b> said <a href='/y'>yes</a> at once.</p>")
    paragraph = next(p for p in _parse(html, "x.html").iter("p") if "mayor" in p.text_content())
    assert [child.tag for child in paragraph] == ["b", "a"]
    assert html_to_text(html).endswith("\n\nThe mayor said yes at once.")


def test_line_breaks_in_a_flattened_paragraph_are_kept():
    lines = "".join(f"<span>line {i}</span><br>" for i in range(2 * MANY_INLINE))
    paragraph = next(_parse(PAGE.format(f"<p>{lines}</p>"), "x.html").iter("p"))
    assert [child.tag for child in paragraph] == ["br"] * (2 * MANY_INLINE)
    assert paragraph[0].tail == "line 1"
