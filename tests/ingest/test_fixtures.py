"""Fixture articles written for these tests (tests/fixtures/articles), both languages and every
format, each carrying the nasty cases: read-also in all shapes, captions and credits, comment
forms, page chrome, promotions glued to a paragraph, bylines, a repeated headline and an
injected headline of another story."""

from pathlib import Path

import pytest

from quizgen.ingest import read_document

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"

# file -> (lang, title, paragraphs in order, removed (text, reason) in any order)
CASES = {
    "id_banjir.txt": (
        "id",
        "Banjir Rendam Ratusan Rumah di Kota Lembah Hijau",
        [
            "LEMBAH HIJAU – Hujan deras yang turun sejak Senin (3/3/2025) malam membuat Sungai"
            " Cipelang meluap dan merendam 412 rumah di tiga kelurahan.",
            "Kepala Badan Penanggulangan Bencana Daerah (BPBD) setempat, Dr. Hendra S. Wibowo,"
            " mengatakan ketinggian air mencapai 1,5 meter di titik terdalam. “Kami sudah"
            " mengerahkan 12 perahu karet. Warga lansia kami evakuasi lebih dulu. Posko dibuka di"
            " Jl. Merdeka No. 17,” kata Hendra.",
            "Menurut catatan BPBD, kerugian sementara ditaksir Rp 3.000.000.000 atau sekitar Rp 3"
            " miliar.",
            "Pemerintah kota menetapkan status tanggap darurat hingga 17-03-2025. Bantuan logistik"
            " mulai disalurkan pada 5/3/2025 pagi.",
            "Wali Kota Lembah Hijau, Ir. Siti Aminah, meninjau lokasi pada Selasa siang. Ia meminta"
            " warga tetap waspada karena hujan diperkirakan masih turun.",
        ],
        [
            ("Penulis: Rina Kusuma", "byline"),
            ("Redaktur: Agus Salim", "byline"),
            ("Banjir Rendam Ratusan Rumah di Kota Lembah Hijau", "repeated-title"),
            ("Baca juga: Jembatan Gantung Putus, Warga Desa Terisolasi", "read-also"),
            ("Baca jugaSekolah Diliburkan Selama Tiga Hari", "read-also"),
            ("Warga mengungsi di balai kelurahan", "caption"),
            ("Sumber :", "credit"),
            ("• ANTARA FOTO/Budi Santoso", "credit"),
            ("Baca Juga :", "read-also"),
            ("Harga Cabai Rawit Melonjak Jelang Lebaran", "read-also"),
            ("Artis Terkenal Umumkan Pernikahan Kedua di Bali", "unrelated-headline"),
            (
                "Relawan membagikan nasi bungkus kepada pengungsi. (Foto: Dok. BPBD Lembah Hijau)",
                "caption",
            ),
            (
                "Ikuti berita terkini dan pilihan kami langsung di ponsel Anda lewat saluran"
                " WhatsApp Harian Lembah: https://whatsapp.com/channel/contoh. Pastikan Anda sudah"
                " memasang aplikasi WhatsApp.",
                "promo",
            ),
            ("ADVERTISEMENT", "nav"),
            ("Halaman Selanjutnya", "nav"),
            ("Tinggalkan Balasan", "comment-form"),
            (
                "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
                "comment-form",
            ),
            ("Komentar *", "comment-form"),
            ("Nama *", "comment-form"),
            (
                "Simpan nama, email, dan situs web saya pada peramban ini untuk komentar saya"
                " berikutnya.",
                "comment-form",
            ),
        ],
    ),
    "en_storm.txt": (
        "en",
        "Storm Knocks Out Power Across Northern Harbour Towns",
        [
            "NORTHPORT — A winter storm with gusts of up to 110 km/h cut electricity to about"
            " 38,000 homes on Tuesday, the regional grid operator said.",
            'Crews from Coastline Power worked through the night. "We have restored about half of'
            " the affected customers. The rest should be back by Thursday. Please stay away from"
            " fallen lines,\" said Mr. J. R. Holloway, the company's operations chief.",
            "Schools in three districts stayed closed. Dr. Amelia Ortiz of the U.S. Weather"
            " Service said the storm was the strongest to hit the coast since Jan. 2019, when a"
            " similar system flooded the old port.",
            "The council set up warming centres at No. 4 Main Street and at the sports hall."
            " Residents can call 0800 123 456 for help.",
        ],
        [
            ("By Daniel Reeve", "byline"),
            ("Advertisement", "nav"),
            ("Read more: Ferry services suspended as gales sweep the coast", "read-also"),
            ("A crew repairs a pole on Harbour Road.", "caption"),
            ("Photo: Coastline Power/Sam Lee", "photo-credit"),
            ("Celebrity Chef Opens Glamorous Restaurant In Paris", "unrelated-headline"),
            (
                "Sign up for our daily newsletter to get the latest updates in your inbox.",
                "promo",
            ),
            ("(Reporting by Daniel Reeve; Editing by Ruth Cole)", "byline"),
            ("Leave a Reply", "comment-form"),
            (
                "Your email address will not be published. Required fields are marked *",
                "comment-form",
            ),
            ("Comment *", "comment-form"),
            ("Post Comment", "comment-form"),
        ],
    ),
    "id_pasar.md": (
        "id",
        "Pasar Terapung Kembali Dibuka Setelah Renovasi",
        [
            "Pasar terapung di tepi Sungai Martapura kembali dibuka pada Sabtu, 12 April 2025,"
            " setelah direnovasi selama delapan bulan.",
            "Kepala dinas pariwisata, Drs. H. Mahmud, menyebut jumlah pedagang naik menjadi 150"
            ' orang. "Dulu hanya 90 pedagang. Sekarang hampir dua kali lipat," ujarnya.',
            "Dermaga baru",  # a real subheading: shares its words with the article
            "Pemerintah membangun dua dermaga baru senilai Rp 4,5 miliar. Pengunjung kini bisa"
            " naik dari sisi timur dan barat sungai.",
            "Jam buka: pukul 05.00 hingga 09.00 WITA",
            "Tiket masuk gratis",
        ],
        [
            ("---\ntitle: Pasar terapung\ntags: [wisata]\n---", "front-matter"),
            ("![Pedagang di atas perahu](img/pasar.jpg)", "image"),
            ("Foto: Dok. Dinas Pariwisata", "photo-credit"),
            ("Baca juga: Festival Perahu Hias Digelar Akhir Pekan Ini", "read-also"),
            ("Editor: Lestari Wulan", "byline"),
        ],
    ),
    "en_rice.md": (
        "en",
        "Rice Prices Climb as Dry Season Drags On",
        [
            "Rice prices at wholesale markets rose 4.2% in March, the third monthly rise in a row,"
            " according to figures released on Friday.",
            'Traders blamed a long dry spell that cut yields in the south. "Stocks are thin.'
            ' Buyers are nervous. Nobody wants to sell before the next harvest," said trader'
            " Tom K. Lin.",
            "The ministry said it would release 200,000 tonnes from reserves, starting on"
            " 21/04/2025.",
        ],
        [
            ("By Priya Natarajan", "byline"),
            ("![Farmers harvesting](rice.jpg)", "image"),
            ("Farmers harvest a late crop near the river delta.", "caption"),
            ("Image: Agriculture Ministry", "photo-credit"),
            ("Related: Fertiliser costs weigh on small farms", "read-also"),
            ("Advertisement", "nav"),
            ("Follow us on Twitter for more market news.", "promo"),
        ],
    ),
}

# Wire- and portal-style pages: timestamps, image source/caption pairs, captions with an inline
# credit, outlet photo credits, "Pilihan Editor", a channel promotion glued to the last
# paragraph, contributor and agency lines, copyright notices.
CASES["en_wire.txt"] = (
    "en",
    "Dockworkers Strike Halts Cargo at Two Major Ports",
    [
        "About 4,500 dockworkers walked off the job on Tuesday at two of"
        " the country's busiest ports, leaving dozens of container ships waiting offshore, union"
        " officials said.",
        "The union wants a 9% pay rise over two years. Employers have offered 5.5%, according to"
        ' a statement from the ports association, which called the walkout "unnecessary and'
        ' damaging."',
        'Union leader Grace O. Mensah told reporters the strike would last 48 hours. "Our members'
        " kept the ports running through the pandemic. They deserve a fair deal. We are ready to"
        ' talk tonight," she said.',
        "Shipping analysts said each day of stoppage could delay about 60,000 containers. Prices"
        " of some imported goods may rise if the dispute drags on, they said.",
    ],
    [
        ("Published June 3, 2025 6:40 am GMT", "timestamp"),
        ("LONDON, June 3 (Wire) -", "dateline"),
        ("Image source, Getty Images", "photo-credit"),
        (
            "Image caption, Idle cranes stand over empty berths at the southern terminal",
            "caption",
        ),
        ("Truck drivers queue outside the northern gate. Photograph: Tom Avery/Wire", "caption"),
        ("Follow our coverage of the dispute at https://example.com/ports", "promo"),
        ("Associated reporter Nia Cole contributed to this report.", "byline"),
        ("Reporting by Sam Hill; Editing by Ruth Cole", "byline"),
        ("Our Standards: The Wire Trust Principles.", "nav"),
    ],
)
CASES["id_kereta.txt"] = (
    "id",
    "Kereta Cepat Tambah Jadwal Selama Libur Sekolah",
    [
        "Operator kereta cepat menambah 12 perjalanan per hari selama"
        " libur sekolah, mulai 20 Juni hingga 13 Juli 2025.",
        "Direktur operasi perusahaan, Ir. Bambang T. Nugroho, mengatakan tambahan jadwal"
        ' disiapkan karena penjualan tiket naik 35 persen dibanding tahun lalu. "Kami sudah'
        ' menyiapkan 8 rangkaian. Petugas di stasiun juga kami tambah," ujarnya, Kamis'
        " (5/6/2025).",
        "Menurut dia, tiket termurah tetap dijual Rp 150.000 untuk kelas ekonomi premium."
        " Penumpang diimbau membeli tiket lewat aplikasi resmi agar tidak tertipu calo.",
        "Sejak beroperasi, kereta cepat telah mengangkut lebih dari 10 juta penumpang.",
    ],
    [
        ("Kamis, 5 Juni 2025 | 14:20 WIB", "timestamp"),
        ("BANDUNG, WARTAKITA.com -", "dateline"),
        ("Lihat Foto", "nav"),
        ("Penumpang menunggu kereta di stasiun keberangkatan", "caption"),
        ("WARTAKITA.com/Rudi Hartono", "photo-credit"),
        ("Pilihan Editor: Tarif Ojek Daring Naik Mulai Bulan Depan", "read-also"),
        (
            "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran"
            " andalanmu akses berita WARTAKITA.com WhatsApp Channel :"
            " https://www.whatsapp.com/channel/contoh. Pastikan kamu sudah install aplikasi"
            " WhatsApp ya.",
            "promo",
        ),
        ("(rdh/agn)", "byline"),
        (
            "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk"
            " AI di situs web ini tanpa izin tertulis.",
            "copyright",
        ),
    ],
)

# HTML: trafilatura drops nav, sidebar, share bar, comments and footer before our own pass.
HTML_CASES = {
    "id_sekolah.html": (
        "id",
        "Sekolah Rakyat Dibuka di Lereng Gunung",
        [
            "Sebuah sekolah rakyat resmi dibuka di Desa Sukamaju",
            "Kepala desa, Bpk. Slamet Riyadi, mengatakan",
            "Menurut dia, sebelum sekolah ini berdiri",
            "Pemerintah kabupaten berjanji menambah dua ruang kelas",
        ],
        [
            "Beranda",
            "Olahraga",
            "Terpopuler",
            "Harga emas",
            "Semoga sekolahnya",
            "Hak cipta",
            "Tentang kami",
            "Bagikan",
            "Baca juga",
            "Guru Honorer",
            "Warta Contoh",
        ],
    ),
    "en_library.html": (
        "en",
        "City Library Extends Opening Hours",
        [
            "The central library in Eastwick will stay open until 10 p.m. on weekdays",
            "The change follows a survey in which 2,300 residents",
            "The extra hours will cost about $180,000 a year",
            "Weekend hours will not change.",
        ],
        [
            "Subscribe",
            "Log in",
            "Sport",
            "Most read",
            "Local team",
            "Finally!",
            "Sunday opening",
            "All rights reserved",
            "Privacy",
            "Advertisement",
            "By Laura Mendes",
            "Example Gazette",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_fixture_article_line_by_line(name):
    lang, title, paragraphs, removed = CASES[name]
    doc = read_document(ARTICLES / name)
    assert doc.lang == lang
    assert doc.title == title
    assert [p.text for p in doc.paragraphs] == paragraphs
    assert sorted((r.text, r.reason) for r in doc.removed) == sorted(removed)


@pytest.mark.parametrize("name", sorted(HTML_CASES))
def test_html_article_keeps_the_body_and_drops_the_page(name):
    lang, title, starts, absent = HTML_CASES[name]
    doc = read_document(ARTICLES / name)
    assert doc.lang == lang
    assert doc.title == title
    assert len(doc.paragraphs) == len(starts)
    for paragraph, start in zip(doc.paragraphs, starts, strict=True):
        assert paragraph.text.startswith(start)
    for chrome in absent:
        assert chrome not in doc.text


def test_lang_override_wins_over_detection():
    doc = read_document(ARTICLES / "en_storm.txt", lang="id")
    assert doc.lang == "id"


@pytest.mark.parametrize("name", sorted(CASES) + sorted(HTML_CASES))
def test_fixture_offsets_hold(name):
    doc = read_document(ARTICLES / name)
    assert doc.text == "\n\n".join(p.text for p in doc.paragraphs)
    for span in doc.paragraphs + doc.sentences:
        assert doc.text[span.start : span.end] == span.text
    # sentences tile each paragraph in order
    assert [s.start for s in doc.sentences] == sorted(s.start for s in doc.sentences)


def test_html_title_comes_from_the_h1_not_the_site_suffixed_title(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Harbour Reopens After Storm - The Example Gazette</title></head>"
        "<body><nav><a href='/'>Home</a></nav><article><h1>Harbour Reopens After Storm</h1>"
        "<p>The harbour reopened on Friday after a three-day closure, port officials said in a"
        " statement to reporters.</p><p>Ferries resumed their normal timetable in the"
        " afternoon, with extra sailings planned for the weekend.</p></article></body></html>",
        encoding="utf-8",
    )
    doc = read_document(page)
    assert doc.title == "Harbour Reopens After Storm"
    assert [p.text[:20] for p in doc.paragraphs] == ["The harbour reopened", "Ferries resumed thei"]
