"""Clauses: a date on a headline-like line dates no event; such a line is short."""

from quizgen.extract.clauses import HEADLINE_MAX, in_headline

HEADLINE = "- OJK Blokir Ratusan Pinjol Ilegal pada Senin (17/6/2024)"


def test_a_related_article_link_is_a_headline():
    text = f"Paragraf pertama berakhir di sini.\n{HEADLINE}\nParagraf berikutnya."
    assert in_headline(text, text.index("Senin"))
    assert not in_headline(text, text.index("berikutnya"))


def test_a_line_longer_than_a_headline_is_not_one_so_a_long_line_is_never_scanned_whole():
    # one line of 100,000 capitalised words without a full stop: each of its dates used to
    # rescan the whole line (quadratic in a one-line article); only HEADLINE_MAX is looked at
    words = " ".join(["Presiden Tiba Di Hanoi Pada Senin (17/6/2024)"] * 2_000)
    assert len(words) > 2 * HEADLINE_MAX
    for pos in (0, len(words) // 2, len(words) - 10):
        assert not in_headline(words, pos)
    short = words[: HEADLINE_MAX // 2]
    assert in_headline(short.rsplit(" ", 1)[0], 10)
