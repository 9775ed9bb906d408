"""Reading files: encodings, refused inputs and folders mixing good and bad files."""

import io
import os
from pathlib import Path

import pytest

from quizgen import ingest
from quizgen.document import Document
from quizgen.errors import QuizgenError
from quizgen.ingest import MAX_MB_VAR, ingest_text, iter_documents, read_document
from quizgen.ingest.decode import decode, text_only

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"
HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"


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


# -- hostile files (issue 16) -------------------------------------------------------------


def is_clean(text: str) -> bool:
    """No C0 control but tab and newline, no DEL, no C1 control."""
    return not any(
        (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F for c in text
    )


def test_terminal_escapes_and_control_characters_are_removed_at_ingest():
    doc = read_document(HOSTILE / "terminal_escapes.txt")
    assert doc.title == "Harbour council approves new budget"  # the OSC title sequence is gone
    assert "approved the harbour budget on Tuesday" in doc.text  # colours gone, words kept
    assert "said Mayor Ingrid Halvorsen, who" in doc.text  # DEL
    assert "for dredging and another" in doc.text  # C1 NEL
    assert "voted against the plan. Read more" in doc.text  # OSC 8 hyperlink, text kept
    assert all(is_clean(t) for t in [doc.title, doc.text, *(r.text for r in doc.removed)])


def test_escape_sequences_are_removed_whole_and_plain_text_kept():
    assert text_only("a\x1b[2J\x1b[1;31mred\x1b[0m b") == "ared b"  # CSI
    assert text_only("\x1b]0;title\x07x \x1b]8;;http://e\x1b\\y") == "x y"  # OSC (BEL, ST)
    assert text_only("\x9b31mc \x1b(Bd \x1bce") == "c d e"  # 8-bit CSI, two-byte escapes
    assert text_only("\x1b]never ended\nnext") == "never ended\nnext"  # nothing more lost
    assert text_only("t\tab\x00\x08\x0b\x7f\x85\x9f!\r\n") == "t\tab!\n"


def test_ingest_text_removes_controls_too():
    doc = ingest_text("Title \x1b[5mnow\n\nBody \x1b[31mtext\x1b[0m here.")
    assert doc.title == "Title now"
    assert doc.text == "Body text here."


def test_utf8_article_with_a_latin1_paragraph_keeps_its_utf8():
    raw = (HOSTILE / "mixed_latin1_paragraph.txt").read_bytes()
    doc = read_document(HOSTILE / "mixed_latin1_paragraph.txt")
    assert doc.title == "Café owners meet the mayor of São Paulo"
    assert [p.text for p in doc.paragraphs] == [
        "The owners said “we will stay” on Monday — all of them.",
        "François Léclerc, the maître d'hôtel of the café à la gare, said the café would "
        "close: «désolé, c'est fini», he told Régine and Renée Élise at the crêpe stand.",
        "“It is over,” said the owner – there since 1990.",
        "“We tried,” he added.",
    ]
    # the Latin-1 paragraph alone holds more invalid bytes than the rest has UTF-8 sequences
    assert raw.decode("utf-8", errors="replace").count("\ufffd") > 10


def test_cp1252_holes_in_utf8_become_nothing_rather_than_a_replacement_character():
    assert decode("“ok” é".encode() + b" \x81\x93x\x94", "x.txt") == "“ok” é “x”"


@pytest.mark.parametrize("make", ["fifo", "device", "folder"])
def test_only_regular_files_are_read(tmp_path, make):
    if make == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)  # nobody writes to it: opening it the ordinary way would wait forever
        message = "not a regular file (a named pipe)"
    elif make == "device":
        path = Path("/dev/zero")  # endless: read whole it would fill the memory
        message = "not a regular file (a character device)"
    else:
        path = tmp_path / "folder.txt"
        path.mkdir()
        message = "is a folder"
    with pytest.raises(QuizgenError) as err:
        read_document(path)
    assert str(err.value).startswith(f"{path}: {message}")


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("Title\n\n" + "A sentence of the article. " * 100, encoding="utf-8")
    monkeypatch.setenv(MAX_MB_VAR, "0.001")  # 1,000 bytes
    with pytest.raises(QuizgenError) as err:
        read_document(path)
    assert str(err.value) == (
        f"{path}: file too large (over 0.001 MB; set QUIZGEN_MAX_ARTICLE_MB to raise the limit)"
    )
    monkeypatch.setenv(MAX_MB_VAR, "0.01")
    assert read_document(path).title == "Title"


def test_the_size_limit_reads_at_most_one_byte_past_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 50_000)
    monkeypatch.setenv(MAX_MB_VAR, "0.002")
    sizes = []

    class Recording(io.FileIO):
        def read(self, size=-1):
            sizes.append(size)
            return super().read(size)

    monkeypatch.setattr(ingest, "open", Recording, raising=False)
    with pytest.raises(QuizgenError, match="too large"):
        read_document(path)
    assert sizes == [2_001]


@pytest.mark.parametrize("value", ["abc", "0", "-3", "inf", "nan"])
def test_a_bad_size_limit_is_named(monkeypatch, value):
    monkeypatch.setenv(MAX_MB_VAR, value)
    with pytest.raises(QuizgenError) as err:
        read_document(ARTICLES / "en_storm.txt")
    assert str(err.value) == (
        f"QUIZGEN_MAX_ARTICLE_MB must be a positive number of megabytes, not {value!r}"
    )
