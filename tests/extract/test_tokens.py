"""The token layer: one pass over the whole text gives the tokens of each sentence."""

from quizgen.document import Document, Span
from quizgen.extract.names import tokens
from quizgen.ingest import ingest_text


def _per_sentence(doc: Document) -> list[tuple[int, int, str, int]]:
    from quizgen.extract.names import TOKEN_RE

    return [
        (m.start(), m.end(), m.group(), si)
        for si, s in enumerate(doc.sentences)
        for m in TOKEN_RE.finditer(doc.text, s.start, s.end)
    ]


def _got(doc: Document) -> list[tuple[int, int, str, int]]:
    t = tokens(doc)
    return list(zip(t.start, t.end, t.word, t.sent, strict=True))


def test_whole_text_pass_matches_sentence_by_sentence():
    doc = ingest_text(
        "Judul Berita\n\nPresiden Joko Widodo tiba di Jakarta. Dr. Siti pergi ke A.S. kemarin."
        "\n\nThe U.S. envoy said it was fine.",
        lang="id",
    )
    assert _got(doc) == _per_sentence(doc)


def test_token_over_a_sentence_edge_is_cut_there():
    text = "Alpha beta gamma delta"
    sentences = [Span(0, 8, text[:8]), Span(8, len(text), text[8:])]  # cut inside "beta"
    doc = Document("x", "", "en", "", text, [Span(0, len(text), text)], sentences)
    assert _got(doc) == _per_sentence(doc)
    assert [w for _, _, w, _ in _got(doc)] == ["Alpha", "be", "ta", "gamma", "delta"]
