"""Boilerplate rules one at a time, on small articles, including what must NOT be removed."""

from pathlib import Path

import pytest

from quizgen.ingest import ingest_text, read_document

HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"

LEAD = (
    "Pemerintah kota membuka taman baru seluas dua hektare di pusat kota pada Senin pagi.\n\n"
    "Taman itu dilengkapi jalur lari, kolam, dan perpustakaan kecil untuk anak-anak.\n\n"
    "Wali kota mengatakan taman akan buka setiap hari mulai pukul enam pagi.\n\n"
)


def article(body: str, title: str = "Taman Baru Dibuka di Pusat Kota") -> str:
    return f"{title}\n\n{LEAD}{body}"


def removed(doc) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in doc.removed]


def test_read_also_headline_on_the_next_line_even_after_a_blank():
    doc = ingest_text(article("Baca juga:\n\nHarga Beras Naik Lagi di Pasar Induk\n\nPenutup."))
    assert removed(doc) == [
        ("Baca juga:", "read-also"),
        ("Harga Beras Naik Lagi di Pasar Induk", "read-also"),
    ]
    assert doc.paragraphs[-1].text == "Penutup."


def test_read_also_alone_does_not_swallow_a_real_paragraph():
    doc = ingest_text(article("Baca juga:\nWarga menyambut baik taman itu dan berharap dirawat."))
    assert removed(doc) == [("Baca juga:", "read-also")]
    assert doc.paragraphs[-1].text == "Warga menyambut baik taman itu dan berharap dirawat."


def test_labels_need_their_colon_or_a_word_boundary():
    body = (
        "Sumbernya di balai kota menyebut biaya taman mencapai Rp 5 miliar.\n\n"
        "Editor senior harian lokal ikut hadir dalam peresmian.\n\n"
        "Foto-foto taman beredar luas di media sosial."
    )
    doc = ingest_text(article(body))
    assert doc.removed == []
    assert len(doc.paragraphs) == 6


def test_plain_source_line_at_the_end_keeps_the_short_last_paragraph():
    for agency in ("Antara", "Reuters"):
        doc = ingest_text(article(f"Peresmian dihadiri ratusan warga.\n\nSumber :\n{agency}"))
        assert doc.paragraphs[-1].text == "Peresmian dihadiri ratusan warga."
        assert removed(doc) == [("Sumber :", "credit"), (agency, "credit")]


def test_a_long_photo_line_is_a_caption_itself_and_spares_the_line_above():
    body = (
        "Peresmian dihadiri ratusan warga.\n\n"
        "Foto: Wali kota menggunting pita di gerbang utama taman disaksikan warga sekitar\n\n"
        "Penutup."
    )
    doc = ingest_text(article(body))
    assert "Peresmian dihadiri ratusan warga." in doc.text
    assert [r.reason for r in doc.removed] == ["photo-credit"]


def test_a_first_line_too_long_for_a_title_stays_in_the_body():
    first = "Pemerintah kota membuka taman baru seluas dua hektare di pusat kota. " * 4
    doc = ingest_text(first.strip() + "\n\nParagraf kedua.")
    assert doc.title == ""
    assert [p.text for p in doc.paragraphs] == [first.strip(), "Paragraf kedua."]


def test_caption_above_a_photo_credit_block():
    doc = ingest_text(
        article("Anak-anak bermain di kolam taman\n\nFoto:\n• Dok. Humas Kota\n\nPenutup.")
    )
    assert removed(doc) == [
        ("Anak-anak bermain di kolam taman", "caption"),
        ("Foto:", "photo-credit"),
        ("• Dok. Humas Kota", "photo-credit"),
    ]


def test_comment_header_ends_the_article_but_not_too_early():
    early = ingest_text("Judul Berita\n\nTinggalkan komentar\n\n" + LEAD)
    assert removed(early) == [("Tinggalkan komentar", "comment-form")]
    assert len(early.paragraphs) == 3  # a link near the top does not end the article
    late = ingest_text(article("Leave a Reply\n\nGreat park, thanks!\n\nSaya setuju sekali."))
    assert [r.reason for r in late.removed] == [
        "comment-form",
        "comment-section",
        "comment-section",
    ]
    assert len(late.paragraphs) == 3


def test_promotion_line_in_the_middle_and_news_about_whatsapp_kept():
    body = (
        "Gabung ke saluran WhatsApp Warta Kota untuk kabar terbaru.\n\n"
        "Layanan WhatsApp sempat terganggu selama dua jam pada Selasa malam."
    )
    doc = ingest_text(article(body))
    assert removed(doc) == [("Gabung ke saluran WhatsApp Warta Kota untuk kabar terbaru.", "promo")]
    assert doc.paragraphs[-1].text.startswith("Layanan WhatsApp sempat terganggu")


def test_newsletter_glued_to_an_english_paragraph_is_cut():
    text = (
        "Park Opens Downtown\n\nThe city opened a two-hectare park on Monday. It has a running"
        " track and a small library. Sign up for our morning newsletter to get stories like this"
        " in your inbox.\n\nThe mayor said it would open daily."
    )
    doc = ingest_text(text)
    assert doc.paragraphs[0].text == (
        "The city opened a two-hectare park on Monday. It has a running track and a small library."
    )
    assert removed(doc) == [
        (
            "Sign up for our morning newsletter to get stories like this in your inbox.",
            "promo",
        )
    ]


def test_both_languages_patterns_apply_to_every_article():
    doc = ingest_text(article("Advertisement\n\nRead more: Another story here\n\nIklan"))
    assert [r.reason for r in doc.removed] == ["nav", "read-also", "nav"]
    assert doc.lang == "id"


def test_repeated_title_with_other_case_and_punctuation():
    doc = ingest_text(article("TAMAN BARU DIBUKA DI PUSAT KOTA!\n\nPenutup."))
    assert removed(doc) == [("TAMAN BARU DIBUKA DI PUSAT KOTA!", "repeated-title")]


def test_subheadings_that_belong_to_the_article_are_kept():
    body = (
        "Fasilitas Taman untuk Anak dan Perpustakaan\n\n"
        "Jadwal Buka\n\n"
        "Perpustakaan taman menyediakan 500 buku cerita."
    )
    doc = ingest_text(article(body))
    assert doc.removed == []
    assert [p.text for p in doc.paragraphs][3:5] == [
        "Fasilitas Taman untuk Anak dan Perpustakaan",
        "Jadwal Buka",
    ]


def test_injected_headline_of_another_story_is_dropped():
    doc = ingest_text(article("Penyanyi Dangdut Rilis Album Religi Jelang Ramadan\n\nPenutup."))
    assert removed(doc) == [
        ("Penyanyi Dangdut Rilis Album Religi Jelang Ramadan", "unrelated-headline")
    ]


def test_bylines_and_agency_codes():
    body = "Penutup berita ini.\n\nPenulis: Andi\nEditor: Budi\n(ant/rds)"
    doc = ingest_text(article(body))
    assert [r.reason for r in doc.removed] == ["byline", "byline", "byline"]


def test_hard_line_breaks_inside_a_paragraph_become_spaces():
    doc = ingest_text("Judul\n\nBaris satu yang\npanjang sekali\n  dan berlanjut.\n\nLain.")
    assert doc.paragraphs[0].text == "Baris satu yang panjang sekali dan berlanjut."


def test_whitespace_oddities_are_normalised():
    doc = ingest_text("Judul\u200b\r\n\r\nSatu\u00a0\u00a0dua\ttiga.\ufeff")
    assert doc.title == "Judul"
    assert doc.text == "Satu dua tiga."


def test_every_promo_pattern_is_reachable_through_a_keyword():
    """Promos are only tried on sentences holding a promo keyword: each pattern needs one."""
    from quizgen.ingest.boilerplate import rules
    from quizgen.lang import LANGUAGES, data

    keywords = rules().promo_keywords
    for lang in LANGUAGES:
        for pattern in data(lang, "boilerplate")["promos"]:
            assert any(k in pattern.casefold() for k in keywords), (lang, pattern)


def test_text_with_one_paragraph_per_line_and_no_blank_lines():
    text = (
        "Judul Berita Hari Ini\n"
        "Kalimat pertama paragraf satu. Masih paragraf satu.\n"
        "Baca juga: Berita Lain Yang Tidak Terkait\n"
        "Paragraf dua di sini.\n"
        "Paragraf tiga ditutup."
    )
    doc = ingest_text(text)
    assert [p.text for p in doc.paragraphs] == [
        "Kalimat pertama paragraf satu. Masih paragraf satu.",
        "Paragraf dua di sini.",
        "Paragraf tiga ditutup.",
    ]


def test_hard_wrapped_text_without_blank_lines_is_still_joined():
    text = "Judul\n\nTeks ini dibungkus pada\nlebar tetap sehingga baris\njarang berakhir titik."
    doc = ingest_text(text)
    assert [p.text for p in doc.paragraphs] == [
        "Teks ini dibungkus pada lebar tetap sehingga baris jarang berakhir titik."
    ]


def test_a_subheading_sharing_one_word_in_five_is_kept():
    body = "Perpustakaan Mungil Favorit Pengunjung Cilik\n\nPenutup."
    doc = ingest_text(article(body))
    assert doc.removed == []  # shares "perpustakaan" with the article: 1 of 5 content words


EN_PAGE = """Council Approves New Cycle Lanes for Harbour District

The city council voted on Tuesday to build eight kilometres of protected cycle lanes in the \
harbour district, ending a year of debate.

Councillor Maya Trent said the lanes would open in stages from next spring.

Related talks were held with bus operators, who asked for shared stops at three junctions.

The related costs, about $4.2 million, will come from the transport budget.

5 min read

RELATED STORIES

Harbour ferry fares to rise in January
2 October 2024
Night market returns to the old quay

Comments may take up to 24 hours to appear

Comments (3)

Comments are closed for this article.
"""


def test_english_related_block_counters_and_comment_notices_go_real_related_sentences_stay():
    doc = ingest_text(EN_PAGE)
    assert [p.text[:22] for p in doc.paragraphs] == [
        "The city council voted",
        "Councillor Maya Trent ",
        "Related talks were hel",
        "The related costs, abo",
    ]
    assert removed(doc) == [
        ("5 min read", "counter"),
        ("RELATED STORIES", "related"),
        ("Harbour ferry fares to rise in January", "related"),
        ("2 October 2024", "related"),
        ("Night market returns to the old quay", "related"),
        ("Comments may take up to 24 hours to appear", "comment-form"),
        ("Comments (3)", "comment-form"),
        ("Comments are closed for this article.", "comment-form"),
    ]


def test_related_block_ends_at_the_first_real_paragraph():
    doc = ingest_text(
        article("Berita Terkait\n\nHarga Cabai Turun di Pasar Induk\n\nWarga senang taman dibuka.")
    )
    assert removed(doc) == [
        ("Berita Terkait", "related"),
        ("Harga Cabai Turun di Pasar Induk", "related"),
    ]
    assert doc.paragraphs[-1].text == "Warga senang taman dibuka."


def test_indonesian_counters_promotions_and_comment_notices():
    body = (
        "Artikel ini telah dibaca 1.284 kali\n\n"
        "Buku panduan taman sudah dibaca 300 warga sebelum peresmian, kata kepala dinas.\n\n"
        "Kepala dinas mengatakan taman buka setiap hari. Dapatkan update berita pilihan dan"
        " breaking news setiap hari dari Harian Kota. Simak berita lainnya di Google News.\n\n"
        "Waktu baca 3 menit\n\n"
        "Tulis Komentar\n\n"
        "Komentar akan ditampilkan setelah disetujui moderator.\n\n"
        'Artikel ini telah tayang di HarianKota.com dengan judul "Taman Baru", klik untuk baca:'
        " https://contoh.id/taman"
    )
    doc = ingest_text(article(body))
    assert [p.text for p in doc.paragraphs[-2:]] == [
        "Buku panduan taman sudah dibaca 300 warga sebelum peresmian, kata kepala dinas.",
        "Kepala dinas mengatakan taman buka setiap hari.",
    ]
    assert [r.reason for r in doc.removed] == [
        "counter",
        "promo",
        "counter",
        "comment-form",
        "comment-form",
        "republished",
    ]


def test_a_dateline_or_a_scraper_header_before_the_lead_is_cut_and_the_lead_kept():
    doc = ingest_text("Dua Kapal Tenggelam\n\nMATARAM, Kabarkita.id - Dua kapal nelayan tenggelam "
                      "di Selat Lombok.\n\nTim SAR masih mencari.")
    assert doc.paragraphs[0].text == "Dua kapal nelayan tenggelam di Selat Lombok."
    assert ("MATARAM, Kabarkita.id -", "dateline") in removed(doc)
    doc = ingest_text(" date 2023-05-04 Two fishing boats sank off the coast on Tuesday, the "
                      "coastguard said, and a search for the crew goes on.\n\nMore later.")
    assert doc.title == ""  # a long first line with its full stop is the lead, not a title
    assert doc.paragraphs[0].text.startswith("Two fishing boats sank")
    assert ("date 2023-05-04", "scraper-header") in removed(doc)


def test_a_date_line_or_a_sentence_is_no_dateline():
    doc = ingest_text("Wali Kota Absen\n\nKamis, 5 Juni 2025 | 14:20 WIB\n\nMeanwhile, the mayor "
                      "- who was away - said nothing at all.")
    assert doc.paragraphs[-1].text.startswith("Meanwhile, the mayor - who")
    assert [r for r in doc.removed if r.reason == "dateline"] == []


def test_bylines_and_share_prompts_are_named_for_what_they_are():
    doc = read_document(HOSTILE / "byline_share.txt")
    assert removed(doc) == [
        ("By Sarah Lindqvist, Nordic correspondent", "byline"),
        ("Share this article: Facebook · X · Email", "share"),
        ("Share this story, choose your platform!", "share"),
    ]
    assert len(doc.paragraphs) == 4


ENGLISH_LEAD = (
    "The city council approved a new harbour budget on Tuesday after a long debate.\n\n"
    "The mayor said the budget would pay for new piers.\n\n"
    "Opponents argued about the port.\n\n"
)


@pytest.mark.parametrize(
    "line, reason",
    [
        ("By Sarah Lindqvist", "byline"),
        ("By Sarah Lindqvist, Staff Reporter", "byline"),
        ("By Sarah Lindqvist and Tom Berg, Reuters", "byline"),
        ("By Sarah Lindqvist in Stockholm", "byline"),
        ("By Sarah Lindqvist | June 20, 2024", "byline"),
        ("By Sarah Lindqvist · 4 min read", "byline"),
        ("Sarah Lindqvist, Staff Writer", "byline"),
        ("Share this article", "share"),
        ("Share this article on Facebook", "share"),
        ("Share on Facebook Share on X", "share"),
        ("Share: Facebook | X | Email", "share"),
        ("Share this article with a friend", "share"),
    ],
)
def test_byline_and_share_shapes(line, reason):
    doc = ingest_text(f"Council approves new harbour budget\n\n{line}\n\n{ENGLISH_LEAD}The end.")
    assert removed(doc) == [(line, reason)]


@pytest.mark.parametrize(
    "line",
    ["By Tuesday, the council had voted.", "Shares in the company rose sharply on Tuesday."],
)
def test_sentences_that_open_like_a_byline_or_a_share_prompt_stay(line):
    doc = ingest_text(f"Council approves new harbour budget\n\n{line}\n\n{ENGLISH_LEAD}The end.")
    assert removed(doc) == []
