"""HTML page -> plain text (title line, blank line, one paragraph per block) via trafilatura.

trafilatura drops navigation, sidebars, share bars, footers and (with include_comments off)
reader comments; it is imported lazily because importing it takes about half a second.
"""

from __future__ import annotations


def html_to_text(html: str) -> str:
    """The article in ``html`` as plain text; empty when no article body was found."""
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
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


def _same_headline(title: str, first: str) -> bool:
    a, b = title.casefold(), first.casefold()
    return len(first) <= 200 and (a in b or b in a)
