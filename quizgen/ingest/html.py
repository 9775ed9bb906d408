"""HTML page -> plain text (title line, blank line, one paragraph per block) via trafilatura.

trafilatura drops navigation, sidebars, share bars, footers and (with include_comments off)
reader comments; it is imported lazily because importing it takes about half a second.

We parse the page ourselves, with trafilatura's parser settings and two changes: libxml2's
"huge" mode, so text inside more than 255 nested elements is kept (up to ``MAX_DEPTH``; deeper
is an error, not a silently empty article), and a block holding more than ``MANY_INLINE``
inline elements side by side flattened to its text: trafilatura's ``//p//text()`` searches
take time quadratic in a paragraph's text nodes (200,000 ``<span>`` siblings took a quarter
of an hour).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizgen.errors import QuizgenError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

MAX_DEPTH = 2048  # libxml2's nesting limit in huge mode; beyond it the parser stops
MANY_INLINE = 500  # inline elements side by side in one block: no writer made that by hand
INLINE = frozenset(  # the phrasing elements a paragraph is made of
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "ins", "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var",
    }
)


def html_to_text(html: str, path: str = "<html>") -> str:
    """The article in ``html`` as plain text; empty when no article body was found."""
    import trafilatura

    tree = _parse(html, path)
    if tree is None:
        return ""
    result = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,  # for the title; the date search below is the slow part of it
        date_extraction_params={"extensive_search": False, "original_date": False},
        favor_precision=False,
    )
    if result is None:
        return ""
    body = (result.text or "").strip()
    title = (result.title or "").strip()
    blocks = [line.strip() for line in body.split("\n") if line.strip()]
    if blocks and title and _same_headline(title, blocks[0]):
        title = blocks.pop(0)  # the <h1> beats <title>, which often carries the site's name
    if title:
        blocks.insert(0, title)  # a later repeat of it is dropped as repeated-title
    return "\n\n".join(blocks)


def _parse(html: str, path: str) -> HtmlElement | None:
    """The page's tree (None if it holds no element); QuizgenError if nested too deep."""
    from lxml import etree
    from lxml.html import HTMLParser, fromstring

    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        tree = fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except etree.ParserError:  # "Document is empty"
        return None
    if any("Excessive depth" in error.message for error in parser.error_log):
        raise QuizgenError(f"HTML nested too deep (more than {MAX_DEPTH} levels)", path)
    for element in list(tree.iter()):
        if sum(child.tag in INLINE for child in element) > MANY_INLINE:
            _flatten(element)
    return tree


def _flatten(element: HtmlElement) -> None:
    """The inline markup inside ``element`` dropped, its text kept as one text node."""
    from lxml import etree

    etree.strip_tags(element, *INLINE)
    # stripping leaves one text node per element; setting the text makes them one again
    element.text = element.text
    for child in element:
        child.tail = child.tail


def _same_headline(title: str, first: str) -> bool:
    a, b = title.casefold(), first.casefold()
    return len(first) <= 200 and (a in b or b in a)
