"""Property tests: any text goes through ingest_text without crashing, and offsets hold."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.ingest import ingest_text
from quizgen.ingest.sentences import split_sentences

# Pieces that exercise the boilerplate rules and the splitter, mixed with arbitrary text.
PIECES = st.sampled_from(
    [
        "Baca juga:",
        "Baca jugaBerita",
        "Sumber :",
        "• AP Photo/X",
        "Photo :",
        "(Foto: A)",
        "Leave a Reply",
        "Tinggalkan Balasan",
        "Back To Top",
        "Halaman Selanjutnya",
        "Saluran WhatsApp",
        "Dr.",
        "No.",
        "J.",
        "“",
        "”",
        '"',
        ".",
        "?",
        "!",
        "…",
        ",",
        " ",
        "\n",
        "\n\n",
        "\u00a0",
        "\t",
        "\r\n",
        "Putin",
        "kata",
        "1,5",
        "3.000",
        "21/06/2024",
        "\ufeff",
        "\u200b",
        "#",
        "*",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def check(doc):
    assert doc.text == "\n\n".join(p.text for p in doc.paragraphs)
    for span in doc.paragraphs + doc.sentences:
        assert 0 <= span.start < span.end <= len(doc.text)
        assert doc.text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
    for paragraph in doc.paragraphs:
        assert "\n" not in paragraph.text
    assert doc.lang in ("id", "en")
    assert "\n" not in doc.title


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_ingest_text_never_crashes_and_offsets_hold(text):
    check(ingest_text(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    check(ingest_text(text, lang="en"))


@settings(max_examples=300, deadline=None)
@given(TEXT.map(lambda t: " ".join(t.split())))
def test_sentences_cover_the_paragraph_in_order(paragraph):
    spans = split_sentences(paragraph)
    covered = " ".join(paragraph[s:e] for s, e in spans)
    assert covered == paragraph.strip()
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
