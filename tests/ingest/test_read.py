"""Reading files: encodings, refused inputs and folders mixing good and bad files."""

from pathlib import Path

import pytest

from quizgen.document import Document
from quizgen.errors import QuizgenError
from quizgen.ingest import ingest_text, iter_documents, read_document
from quizgen.ingest.decode import decode

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


def test_cp1252_file_is_decoded():
    raw = (ARTICLES / "id_cafe_cp1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    doc = read_document(ARTICLES / "id_cafe_cp1252.txt")
    assert doc.title == "Café Tua di Kota Lama Ditutup Setelah 80 Tahun"
    assert "Frédéric Santoso" in doc.text
    assert "“Kami sudah berusaha bertahan. Sayangnya angka tidak bohong,” katanya." in doc.text
    assert doc.lang == "id"


def test_utf16_file_with_bom_is_decoded():
    doc = read_document(ARTICLES / "en_mangrove_utf16.txt")
    assert doc.title == "Volunteers Plant 5,000 Mangroves Along the Bay"
    assert len(doc.paragraphs) == 3
    assert doc.lang == "en"


def test_utf8_bom_is_not_part_of_the_title():
    doc = read_document(ARTICLES / "id_bom_utf8.txt")
    assert doc.title == "Petani Garam Panen Lebih Awal"


def test_sha256_is_of_the_raw_bytes():
    import hashlib

    raw = (ARTICLES / "en_mangrove_utf16.txt").read_bytes()
    assert read_document(ARTICLES / "en_mangrove_utf16.txt").sha256 == (
        hashlib.sha256(raw).hexdigest()
    )


@pytest.mark.parametrize(
    "name, message",
    [
        ("binary_image.txt", "binary file (a PNG image)"),
        ("empty.txt", "empty file"),
        ("mixed/02_nul.txt", "binary file (contains NUL bytes)"),
        ("mixed/03_empty.md", "empty file"),
        ("mixed/04_boilerplate.txt", "no article text: only boilerplate"),
        ("mixed/06_fake.pdf.txt", "binary file (a PDF document)"),
        ("does-not-exist.txt", "no such file"),
    ],
)
def test_bad_file_is_refused_with_one_line_naming_it(name, message):
    path = ARTICLES / name
    with pytest.raises(QuizgenError) as err:
        read_document(path)
    text = str(err.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "\n" not in text


def test_utf16_without_bom_is_recognised():
    text = "Judul\n\nIsi berita yang cukup panjang untuk dikenali."
    assert decode(text.encode("utf-16-le"), "x.txt") == text
    assert decode(text.encode("utf-16-be"), "x.txt") == text


def test_utf8_with_a_few_stray_cp1252_bytes_keeps_its_utf8():
    raw = "Kata “kutipan” dan café".encode() + b" \x93tempelan\x94 " + "lagi — é".encode()
    assert decode(raw, "x.txt") == "Kata “kutipan” dan café “tempelan” lagi — é"


def test_legacy_code_pages_prefer_cp1252_but_follow_clear_evidence():
    assert decode("Señor Müller „ja“ – naja… 5€".encode("cp1252"), "x") == (
        "Señor Müller „ja“ – naja… 5€"
    )
    assert decode("Zażółć gęślą jaźń".encode("cp1250"), "x") == "Zażółć gęślą jaźń"


def test_decode_refuses_control_bytes_and_handles_crlf():
    with pytest.raises(QuizgenError, match="control bytes"):
        decode(b"abc\x01\x02\x03\x04\x05\x06", "x.txt")
    assert decode(b"a\r\nb\rc", "x.txt") == "a\nb\nc"


def test_folder_reads_supported_files_sorted_and_reports_the_bad_ones():
    results = list(iter_documents([ARTICLES / "mixed"]))
    names = [Path(r.path).name if isinstance(r, Document) else Path(r.path).name for r in results]
    # README.md, the hidden file and notes.csv are skipped
    assert names == [
        "01_good.txt",
        "02_nul.txt",
        "03_empty.md",
        "04_boilerplate.txt",
        "05_good.md",
        "06_fake.pdf.txt",
    ]
    good = [r for r in results if isinstance(r, Document)]
    assert [d.title for d in good] == [
        "Jalan Tol Baru Dibuka untuk Mudik",
        "Museum Opens Night Tours",
    ]
    assert [d.lang for d in good] == ["id", "en"]
    assert sum(isinstance(r, QuizgenError) for r in results) == 4


def test_files_and_folders_mix_and_errors_do_not_stop_the_rest(tmp_path):
    missing = tmp_path / "missing.txt"
    results = list(iter_documents([missing, ARTICLES / "en_storm.txt", tmp_path]))
    assert isinstance(results[0], QuizgenError) and "no such file" in str(results[0])
    assert isinstance(results[1], Document)
    assert isinstance(results[2], QuizgenError) and "holds no" in str(results[2])


def test_iter_documents_is_lazy():
    results = iter_documents([ARTICLES / "en_storm.txt", ARTICLES / "does-not-exist.txt"])
    first = next(results)
    assert isinstance(first, Document)


def test_ingest_text_on_plain_text():
    doc = ingest_text("Judul Berita\n\nPresiden tiba di Hanoi pada Rabu. Ia disambut hangat.")
    assert doc.title == "Judul Berita"
    assert doc.path == "<text>"
    assert doc.sha256 == ""
    assert [s.text for s in doc.sentences] == [
        "Presiden tiba di Hanoi pada Rabu.",
        "Ia disambut hangat.",
    ]
    assert doc.lang == "id"


def test_ingest_text_with_nothing_left_returns_an_empty_document():
    doc = ingest_text("Baca juga: Sesuatu yang lain\n\nBack To Top\n")
    assert doc.text == "" and doc.paragraphs == [] and doc.sentences == []
    assert [r.reason for r in doc.removed] == ["read-also", "nav"]


def test_unknown_language_override_is_refused():
    with pytest.raises(QuizgenError, match="unsupported language 'fr'"):
        ingest_text("Title\n\nBody text here.", lang="fr")
