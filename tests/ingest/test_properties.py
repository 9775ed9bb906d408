"""Property tests: any text goes through ingest_text without crashing, and offsets hold; any
bytes as an article file give a document or a one-line error naming the file."""

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.cli import main
from quizgen.errors import QuizgenError
from quizgen.extract import extract
from quizgen.ingest import ingest_text, read_document
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


# -- arbitrary bytes as an article file (issue 16) ------------------------------------------

HOSTILE_BYTES = st.sampled_from(
    [
        b"\xef\xbb\xbf",  # UTF-8 BOM
        b"\xff\xfe",  # UTF-16 LE BOM
        b"\x1b[2J",
        b"\x1b]0;title\x07",
        b"\x9b31m",
        b"\x00",
        b"\x85",
        b"\x93quoted\x94",
        b"<div>",
        b"</div>",
        b"<p>",
        b"<span>x</span>",
        b"<!--",
        b"**",
        b"*a ",
        b"[",
        b"](",
        b")",
        b"\n\n",
        b"\r\n",
    ]
)
ARTICLE_BYTES = st.lists(
    st.one_of(
        HOSTILE_BYTES,
        st.binary(max_size=16),
        TEXT.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
        TEXT.map(lambda t: t.encode("cp1252", errors="replace")),
    ),
    max_size=40,
).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(raw=ARTICLE_BYTES, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_arbitrary_bytes_give_a_document_or_a_clear_error_never_a_traceback(raw, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(raw)
        try:
            doc = read_document(path)
        except QuizgenError as exc:
            assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
            return
    check(doc)
    for text in [doc.title, doc.text, *(r.text for r in doc.removed)]:
        assert not any(
            (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in text
        )
    extract(doc)  # raises nothing


@settings(max_examples=15, deadline=None)
@given(raw=ARTICLE_BYTES, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_arbitrary_bytes_through_the_facts_command(raw, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"article{suffix}"
        path.write_bytes(raw)
        result = CliRunner().invoke(main, ["facts", "--format", "jsonl", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1)
    if result.exit_code == 1:
        assert result.stderr.strip().count("\n") == 0 and str(path) in result.stderr
