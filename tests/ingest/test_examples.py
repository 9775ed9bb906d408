"""The three example articles, line by line: every content line kept, every boilerplate line
dropped with its reason. The expectations list only the boilerplate; every other line of the
raw file must survive into the clean text."""

from pathlib import Path

import pytest

from quizgen.ingest import read_document
from quizgen.ingest.boilerplate import normalize

SOURCES = Path(__file__).parents[2] / "decks" / "putin-vietnam-2024" / "sources"

WHATSAPP = (
    "Dengarkan berita terkini dan rangkaian berita kami langsung di ponsel Anda. Pilih saluran"
    " berita favorit Anda untuk mengakses Saluran WhatsApp virprom.com:"
    " https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D. Pastikan Anda sudah"
    " menginstal aplikasi WhatsApp."
)

TITLE_002 = "Putin tiba di Vietnam ketika Rusia mencari dukungan dalam menghadapi isolasi Barat"

# file -> (title, [(boilerplate line, reason), ...] in file order)
EXPECTED = {
    "000_c6fee1734dbde828.txt": (
        "Kunjungi Vietnam, Putin Ingin Bangun Arsitektur Keamanan untuk Asia",
        [
            ("Baca juga: 20 Poin Penting Perjanjian Kemitraan Rusia dan Korea Utara", "read-also"),
            ("HANOI, virprom.com –", "dateline"),  # cut from the lead's line, the rest kept
            (
                "Baca juga: Korea Selatan melepaskan tembakan peringatan setelah pelanggaran"
                " perbatasan",
                "read-also",
            ),
            (
                "Baca juga: Rusia kembali melancarkan serangan udara terhadap situs energi Ukraina",
                "read-also",
            ),
            ("Tinggalkan Balasan", "comment-form"),
            (
                "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
                "comment-form",
            ),
            ("Back To Top", "nav"),
        ],
    ),
    "002_efa264050de89061.txt": (
        TITLE_002,
        [(TITLE_002, "repeated-title")] * 4
        + [
            ("Leave a Reply", "comment-form"),
            (
                "Your email address will not be published. Required fields are marked *",
                "comment-form",
            ),
        ],
    ),
    "003_635a931258fb958a.txt": (
        "Putin Tandatangani 11 Kontrak Perjanjian Kerja Sama Dengan Vietnam, Apa Saja?",
        [
            ("Presiden Rusia Vladimir Putin bersama Presiden Vietnam To Lam", "caption"),
            ("Sumber :", "credit"),
            ("• Nhac Nguyen/Pool Photo via AP", "credit"),
            (
                "Gorok Seorang Pendeta, Pasukan Khusus Inggris Dalang Aksi Teror di Dagestan?",
                "unrelated-headline",
            ),
            (
                "Presiden Rusia Vladimir Putin tiba Noi Bai International Airport, Hanoi Vietnam",
                "caption",
            ),
            ("Photo :", "photo-credit"),
            ("• AP Photo/Minh Hoang", "photo-credit"),
            ("Dilarang Mendag Jualan, Kaspersky: Enggak Ngaruh", "unrelated-headline"),
            (
                "Istana Tegaskan Presiden Tak Campuri Urusan Pengusungan Calon Kepala Daerah di"
                " Pilkada 2024",
                "unrelated-headline",
            ),
            (
                "Sekjen PBB Antonio Guterres berbicara pada Sidang Majelis Umum PBB di New York.",
                "caption",
            ),
            ("Photo :", "photo-credit"),
            ("• Dok. PBB", "photo-credit"),
            ("Halaman Selanjutnya", "nav"),
            ("Halaman Selanjutnya", "nav"),
        ],
    ),
}


def raw_lines(name: str) -> list[str]:
    text = (SOURCES / name).read_text(encoding="utf-8")
    return [normalize(line) for line in text.split("\n") if normalize(line)]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_title_is_first_line_and_kept_once(name):
    doc = read_document(SOURCES / name)
    title, _ = EXPECTED[name]
    assert doc.title == title
    assert title not in doc.text  # the body never repeats it
    assert doc.lang == "id"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_boilerplate_line_removed_with_its_reason(name):
    doc = read_document(SOURCES / name)
    _, boilerplate = EXPECTED[name]
    removed = [(r.text, r.reason) for r in doc.removed if r.reason != "promo"]
    assert sorted(removed) == sorted(boilerplate)
    for line, _reason in boilerplate:
        assert line not in doc.text, line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_content_line_kept(name):
    doc = read_document(SOURCES / name)
    title, boilerplate = EXPECTED[name]
    dropped = {line for line, _ in boilerplate} | {title}
    prefixes = tuple(line + " " for line, reason in boilerplate if reason == "dateline")
    content = [line.removeprefix(next((p for p in prefixes if line.startswith(p)), ""))
               for line in raw_lines(name) if line not in dropped]
    assert content, name
    for line in content:
        if name.startswith("000") and line.endswith(WHATSAPP):
            line = line[: -len(WHATSAPP)].rstrip()
        assert line in doc.text, line
    # nothing but those lines (no boilerplate sneaking in): same number of words
    kept_words = sum(len(line.split()) for line in content) - len(WHATSAPP.split()) * (
        name.startswith("000")
    )
    assert len(doc.text.split()) == kept_words


def test_whatsapp_promotion_cut_from_the_end_of_the_quote_paragraph():
    doc = read_document(SOURCES / "000_c6fee1734dbde828.txt")
    last = doc.paragraphs[-1].text
    assert last.startswith("“Meskipun aspek perayaan")
    assert last.endswith("jelas Abuza.")
    assert "WhatsApp" not in doc.text
    assert [r.text for r in doc.removed if r.reason == "promo"] == [WHATSAPP]


def test_single_line_break_inside_a_paragraph_is_a_space():
    doc = read_document(SOURCES / "002_efa264050de89061.txt")
    assert "TASS melaporkan. Moskow telah menjadi pemasok utama" in doc.text
    assert "\n" not in doc.paragraphs[-2].text


def test_content_sentences_next_to_boilerplate_survive():
    doc = read_document(SOURCES / "003_635a931258fb958a.txt")
    starts = [p.text.split(",")[0] for p in doc.paragraphs]
    assert "Berbicara kepada wartawan di Vietnam pada akhir perjalanan dua harinya" in starts
    assert doc.paragraphs[-1].text == (
        "Presiden Tiongkok, Xi Jinping, juga melakukan kunjungan kenegaraan tiga bulan kemudian."
    )
    assert len(doc.paragraphs) == 15


def test_offsets_hold():
    for name in EXPECTED:
        doc = read_document(SOURCES / name)
        assert doc.text == "\n\n".join(p.text for p in doc.paragraphs)
        for span in doc.paragraphs + doc.sentences:
            assert doc.text[span.start : span.end] == span.text
        assert len(doc.sha256) == 64
