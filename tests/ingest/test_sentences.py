"""The sentence splitter's hard cases, in both languages."""

import pytest

from quizgen.ingest.sentences import quote_spans, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # abbreviations, titles and initials
        (
            "Dr. Budi tiba di Jl. Sudirman No. 5. Ia disambut Prof. J. K. Lubis.",
            ["Dr. Budi tiba di Jl. Sudirman No. 5.", "Ia disambut Prof. J. K. Lubis."],
        ),
        (
            "Mr. Smith met Gen. Ortiz in St. Louis on Jan. 5. They spoke for an hour.",
            ["Mr. Smith met Gen. Ortiz in St. Louis on Jan. 5.", "They spoke for an hour."],
        ),
        (
            "Pejabat AS dan PBB hadir. Mereka menolak berkomentar.",
            ["Pejabat AS dan PBB hadir.", "Mereka menolak berkomentar."],
        ),
        (
            "The U.S. Navy sent two ships. Officials in Washington confirmed it.",
            ["The U.S. Navy sent two ships.", "Officials in Washington confirmed it."],
        ),
        (
            "Gedung itu milik PT. Maju Jaya, dll. Pemiliknya Ir. Siti, S.H. dari Bandung.",
            ["Gedung itu milik PT. Maju Jaya, dll.", "Pemiliknya Ir. Siti, S.H. dari Bandung."],
        ),
        # numbers, dates and money
        (
            "Inflasi naik 1,5 persen menjadi Rp 3.000 pada 20-06-2024. Harga turun pada"
            " 21/06/2024 pukul 10.30 WIB.",
            [
                "Inflasi naik 1,5 persen menjadi Rp 3.000 pada 20-06-2024.",
                "Harga turun pada 21/06/2024 pukul 10.30 WIB.",
            ],
        ),
        (
            "Output grew 3.5% to $1.2 billion. See p. 12 for details.",
            ["Output grew 3.5% to $1.2 billion.", "See p. 12 for details."],
        ),
        (
            "Doors open at 9 a.m. on Friday and close at 5 p.m. The mayor will attend.",
            ["Doors open at 9 a.m. on Friday and close at 5 p.m.", "The mayor will attend."],
        ),
        (
            "Acme Inc. said sales rose. The deal closed with Bolt Inc. Shares rose 4%.",
            ["Acme Inc. said sales rose.", "The deal closed with Bolt Inc.", "Shares rose 4%."],
        ),
        (
            "He said no. Nobody argued.",
            ["He said no.", "Nobody argued."],
        ),
        # quotations stay whole, with their attribution
        (
            "“Kami siap. Semua sudah diatur. Tidak ada masalah,” kata Budi. Ia lalu pergi.",
            ["“Kami siap. Semua sudah diatur. Tidak ada masalah,” kata Budi.", "Ia lalu pergi."],
        ),
        (
            '"We are ready. Everything is in place," she said. The vote is on Monday.',
            ['"We are ready. Everything is in place," she said.', "The vote is on Monday."],
        ),
        (
            "Menjadi “kesempatan bagi kedua negara.” TASS melaporkan. Sidang dimulai besok.",
            ["Menjadi “kesempatan bagi kedua negara.” TASS melaporkan.", "Sidang dimulai besok."],
        ),
        (
            "Dia bertanya, “Kapan selesai? Besok?” Tidak ada yang menjawab pertanyaan itu.",
            ["Dia bertanya, “Kapan selesai? Besok?”", "Tidak ada yang menjawab pertanyaan itu."],
        ),
        # a clause after a quote stays with it only when it is an attribution (a speech cue)
        (
            "“Kami menolak,” ujarnya. “Ini tidak adil.” Sidang ditunda.",
            ["“Kami menolak,” ujarnya.", "“Ini tidak adil.”", "Sidang ditunda."],
        ),
        (
            '"We lost everything." The Kremlin said in a statement. Talks resume today.',
            ['"We lost everything." The Kremlin said in a statement.', "Talks resume today."],
        ),
        # a quote opened after a full stop is a new sentence, kept with a cue that follows it
        (
            "Juru bicara itu mengatakan. “Tidak ada korban jiwa,” kata dia. Polisi menyelidiki.",
            [
                "Juru bicara itu mengatakan.",
                "“Tidak ada korban jiwa,” kata dia.",
                "Polisi menyelidiki.",
            ],
        ),
        (
            "Juru bicara itu mengatakan. “Tidak ada korban. Semua selamat.” Polisi menyelidiki.",
            [
                "Juru bicara itu mengatakan.",
                "“Tidak ada korban. Semua selamat.”",
                "Polisi menyelidiki.",
            ],
        ),
        (
            "“Kenapa harus sekarang?” kata dia. “Hentikan!” teriak warga. Rapat bubar.",
            ["“Kenapa harus sekarang?” kata dia.", "“Hentikan!” teriak warga.", "Rapat bubar."],
        ),
        # dotted acronyms end a sentence before a word that only opens one
        (
            "He lives in the U.S. He moved there in 2010. Mr. Lee of the U.S. Will Smith Co. came.",
            [
                "He lives in the U.S.",
                "He moved there in 2010.",
                "Mr. Lee of the U.S. Will Smith Co. came.",
            ],
        ),
        # list abbreviations end a sentence only before a capital
        (
            "PT Bank Kota Tbk. (BKOT) mencatat laba. Surat a.n. Kepala Dinas tiba, dll. Ia pulang.",
            [
                "PT Bank Kota Tbk. (BKOT) mencatat laba.",
                "Surat a.n. Kepala Dinas tiba, dll.",
                "Ia pulang.",
            ],
        ),
        (
            "Dana Rp 1,5 triliun cair di www.kota.go.id. Tanya info@kota.id. Warga menunggu..."
            " Lalu pulang.",
            [
                "Dana Rp 1,5 triliun cair di www.kota.go.id.",
                "Tanya info@kota.id.",
                "Warga menunggu...",
                "Lalu pulang.",
            ],
        ),
        # an unclosed quotation does not swallow the rest of the paragraph
        (
            "Ia menyebut “jalan tengah. Rapat ditunda. Keputusan diambil pekan depan.",
            ["Ia menyebut “jalan tengah.", "Rapat ditunda.", "Keputusan diambil pekan depan."],
        ),
        # stray full stops seen on real pages
        (
            "Duta besar mengatakan kepada. Kantor Berita Vietnam bahwa kunjungan itu penting.",
            ["Duta besar mengatakan kepada. Kantor Berita Vietnam bahwa kunjungan itu penting."],
        ),
        (
            "Ia mengkritik keadaannya. kekejaman itu terus berlanjut. Sidang ditunda.",
            ["Ia mengkritik keadaannya. kekejaman itu terus berlanjut.", "Sidang ditunda."],
        ),
        # other terminators
        (
            "Apa artinya? Belum jelas! Kita tunggu… Hasilnya keluar besok.",
            ["Apa artinya?", "Belum jelas!", "Kita tunggu…", "Hasilnya keluar besok."],
        ),
        ("Tanpa titik di akhir", ["Tanpa titik di akhir"]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


def test_spans_are_stripped_offsets_into_the_text():
    text = "  Satu kalimat.   Dua kalimat.  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Satu kalimat.", "Dua kalimat."]


def test_quote_spans_match_curly_and_straight_mixed():
    text = 'Ia menyebut "diplomasi bambu” sebagai kunci.'
    ((start, end),) = quote_spans(text)
    assert text[start:end] == '"diplomasi bambu”'
