"""Who said what, as readable examples in both languages (traps included)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.extract.people import extract_people
from quizgen.extract.quotes import extract_quotes
from quizgen.ingest import ingest_text


def ingest(text: str, lang: str = "id"):
    """A document whose body is ``text`` (the first line of an article is its title)."""
    return ingest_text("Judul berita\n\n" + text, "t.txt", lang)


def quotes(text: str, lang: str = "id"):
    doc = ingest(text, lang)
    return extract_quotes(doc, extract_people(doc))


def test_direct_quote_with_cue_after():
    (q,) = quotes(
        "Presiden Rusia Vladimir Putin tiba di Hanoi.\n\n"
        "“Kami bertekad memperdalam kemitraan dengan Vietnam,” kata Putin."
    )
    assert (q.speaker, q.direct, q.cue, q.via) == ("Vladimir Putin", True, "kata", None)
    assert q.quote == "Kami bertekad memperdalam kemitraan dengan Vietnam"
    assert q.sources[0].text == q.quote


def test_straight_and_mixed_quote_marks():
    found = quotes(
        "Presiden Vietnam To Lam menyambut tamunya. "
        '"Kerja sama ini penting bagi kawasan," ucap Lam. '
        '"Kami siap melangkah lebih jauh,” jelas To Lam.'
    )
    assert [(q.speaker, q.cue) for q in found] == [("To Lam", "ucap"), ("To Lam", "jelas")]


def test_pronoun_cue_resolves_to_the_person_just_mentioned():
    (q,) = quotes(
        "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Jakarta pada Senin.\n\n"
        "“Indonesia adalah mitra yang dapat diandalkan,” ujarnya."
    )
    assert q.speaker == "Sergei Lavrov" and q.cue == "ujarnya"


def test_outlet_is_never_the_speaker_but_goes_in_via():
    found = quotes(
        "Presiden Rusia Vladimir Putin mengunjungi Hanoi.\n\n"
        "“Kami ingin perdamaian,” kata Putin seperti dikutip media Rusia.\n\n"
        "Juru bicara kedutaan mengkritik kunjungan itu. “Tidak ada negara yang boleh "
        "memberi panggung,” menurut Reuters."
    )
    assert [(q.speaker, q.via) for q in found] == [("Vladimir Putin", "media Rusia")]


def test_reported_speech_with_bahwa_and_outlet():
    (q,) = quotes(
        "Presiden Rusia Vladimir Putin tiba di Hanoi.\n\n"
        "Dia yang dikutip oleh kantor berita Rusia TASS mengatakan bahwa kedua negara "
        "memiliki kepentingan bersama di kawasan."
    )
    assert (q.speaker, q.direct, q.cue, q.via) == (
        "Vladimir Putin",
        False,
        "mengatakan",
        "TASS",
    )
    assert q.quote == "kedua negara memiliki kepentingan bersama di kawasan"


def test_menurut_person_and_trailing_kata():
    found = quotes(
        "Menurut Presiden Vietnam To Lam, Rusia telah berkontribusi bagi perdamaian dunia.\n\n"
        "Kunjungan itu memperkuat posisi Moskow di Asia, kata Zachary Abuza, seorang profesor "
        "di US National War College."
    )
    assert [(q.speaker, q.cue, q.direct) for q in found] == [
        ("To Lam", "Menurut", False),
        ("Zachary Abuza", "kata", False),
    ]
    assert found[1].quote == "Kunjungan itu memperkuat posisi Moskow di Asia"


def test_menuduh_with_outlet_after():
    (q,) = quotes(
        "Presiden Rusia Vladimir Putin berbicara di Hanoi.\n\n"
        "Putin menuduh aliansi militer NATO menciptakan ancaman bagi Rusia, TASS melaporkan."
    )
    assert (q.cue, q.via, q.quote) == (
        "menuduh",
        "TASS",
        "aliansi militer NATO menciptakan ancaman bagi Rusia",
    )


def test_ambiguous_surname_drops_the_quote():
    found = quotes(
        "Presiden AS Joe Biden dan ibu negara Jill Biden tiba di Hanoi.\n\n"
        "“Kami senang berada di sini,” kata Biden."
    )
    assert found == []


def test_unnamed_speaker_is_dropped():
    found = quotes(
        "Seorang juru bicara kedutaan mengatakan bahwa kunjungan itu tidak pantas dilakukan."
    )
    assert found == []


def test_split_quote_with_cue_inside():
    (q,) = quotes(
        "Perdana Menteri Jepang Fumio Kishida hadir.\n\n"
        "“Kami berterima kasih,” kata Kishida, “dan kami akan kembali tahun depan.”"
    )
    assert q.quote == "Kami berterima kasih dan kami akan kembali tahun depan."


def test_english_said_after_name_and_pronoun():
    found = quotes(
        "Russian President Vladimir Putin arrived in Hanoi on Thursday.\n\n"
        '"We are determined to deepen our partnership," Putin told reporters. '
        '"Vietnam is a priority," he added.',
        "en",
    )
    assert [(q.speaker, q.cue) for q in found] == [
        ("Vladimir Putin", "told reporters"),
        ("Vladimir Putin", "added"),
    ]


def test_english_reported_speech_and_according_to():
    found = quotes(
        "Vietnam's President To Lam said that the two countries would expand trade.\n\n"
        "According to Carlyle Thayer, a professor at the Australian Defence Force Academy, "
        "the visit was a public relations win for Moscow",
        "en",
    )
    assert [(q.speaker, q.cue, q.quote) for q in found] == [
        ("To Lam", "said", "the two countries would expand trade"),
        ("Carlyle Thayer", "According to", "the visit was a public relations win for Moscow"),
    ]


def test_english_epithet_speaker_and_outlet_via():
    found = quotes(
        "Foreign Minister Penny Wong arrived in Jakarta.\n\n"
        '"Australia wants a stable region," the minister told the AP.',
        "en",
    )
    assert [(q.speaker, q.via) for q in found] == [("Penny Wong", "AP")]


def test_scare_quotes_are_not_quotes():
    assert (
        quotes("Presiden Vietnam To Lam mendukung apa yang disebut “diplomasi bambu” di kawasan.")
        == []
    )


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_never_crashes(text):
    for lang in ("id", "en"):
        doc = ingest_text(text, "x.txt", lang)
        for q in extract_quotes(doc, extract_people(doc)):
            assert q.speaker and q.quote
            for s in q.sources:
                assert s.text == doc.text[s.start : s.end]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Presiden",
                "Rusia",
                "Vladimir",
                "Putin",
                "kata",
                "“",
                "”",
                '"',
                ",",
                ".",
                "ia",
                "mengatakan",
                "bahwa",
                "Menurut",
                "Reuters",
                "said",
                "he",
                "the",
                "minister",
                "\n\n",
            ]
        ),
        max_size=60,
    )
)
def test_word_salad_of_cues_never_crashes(words):
    text = "Judul\n\n" + " ".join(words)
    for lang in ("id", "en"):
        doc = ingest_text(text, "x.txt", lang)
        extract_quotes(doc, extract_people(doc))


def test_indonesian_epithet_speaker():
    (q,) = quotes(
        "Presiden Rusia Vladimir Putin tiba di Hanoi.\n\n"
        "Pemimpin Rusia itu mengatakan bahwa kerja sama energi akan diperluas tahun depan."
    )
    assert (q.speaker, q.cue) == ("Vladimir Putin", "mengatakan")


def test_pronoun_after_an_unnamed_speaker_is_dropped():
    found = quotes(
        "Menteri Keuangan Sri Mulyani Indrawati membuka forum itu.\n\n"
        "Aviliani berpendapat lain. Dia mengingatkan bahwa daya beli masyarakat terus melemah."
    )
    assert found == []


def test_continuation_quote_keeps_the_speaker():
    found = quotes(
        "Maria Okafor, the leader of the borough council, spoke after the vote. "
        '"Every season we delay, the sea takes more," she said. "This is our biggest '
        'investment in a generation."',
        "en",
    )
    assert [q.speaker for q in found] == ["Maria Okafor", "Maria Okafor"]
    assert found[1].quote == "This is our biggest investment in a generation."


def test_dateline_publisher_is_not_a_via():
    found = quotes(
        "WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken said on Tuesday that "
        "Washington would send more aid.",
        "en",
    )
    assert [(q.speaker, q.via) for q in found] == [("Antony Blinken", None)]


def test_adding_that_is_a_second_reported_clause():
    found = quotes(
        "Health Minister Budi Sadikin visited the clinic. The vaccine will reach three "
        "provinces by March, Budi said, adding that two million doses had arrived.",
        "en",
    )
    assert [(q.speaker, q.cue, q.quote) for q in found] == [
        ("Budi Sadikin", "said", "The vaccine will reach three provinces by March"),
        ("Budi Sadikin", "adding", "two million doses had arrived"),
    ]


def test_menurut_inside_the_sentence():
    (q,) = quotes(
        "Juru bicara Kremlin Dmitry Peskov berbicara kepada wartawan.\n\n"
        "Putin sendiri, menurut Peskov, mengundang Prabowo untuk menghadiri parade."
    )
    assert (q.speaker, q.cue) == ("Dmitry Peskov", "menurut")
    assert q.quote == "Putin sendiri mengundang Prabowo untuk menghadiri parade"


def test_an_affiliation_with_an_article_stands_between_speaker_and_verb():
    found = quotes("Dr. Amelia Ortiz of the U.S. Weather Service said the storm was the "
                   "strongest since 2019.", "en")
    assert [(q.speaker, q.quote) for q in found] == [
        ("Amelia Ortiz", "the storm was the strongest since 2019")]


def test_a_listener_after_told_is_no_part_of_what_was_said():
    (q,) = quotes("Mayor Ana Lee told the council the budget was balanced.", "en")
    assert (q.speaker, q.quote) == ("Ana Lee", "the budget was balanced")


def test_a_quotation_left_open_runs_on_into_the_next_paragraph():
    found = quotes(
        "Coach Dana Whitfield spoke after the match.\n\n"
        "“We lost the first half, and we knew it.\n\n"
        "“In the second half the young players found their legs,” she said.",
        "en",
    )
    assert [(q.speaker, q.quote) for q in found] == [
        ("Dana Whitfield", "We lost the first half, and we knew it."),
        ("Dana Whitfield", "In the second half the young players found their legs"),
    ]


def test_an_open_quotation_after_reported_speech_is_the_same_speaker():
    found = quotes(
        "Council leader Martin Oyelaran said the budget was fair. “We have protected every "
        "library and every bus route this year.\n\nThe vote is on Monday.",
        "en",
    )
    assert [q.speaker for q in found] == ["Martin Oyelaran", "Martin Oyelaran"]
    assert found[1].quote.startswith("We have protected every library")


def test_a_relative_clause_between_speaker_and_verb():
    (q,) = quotes("Banjir melanda Kecamatan Cibadak. Camat Cibadak Hendra Gunawan yang ikut "
                  "meninjau lokasi menjelaskan, 30 rumah rusak berat.")
    assert (q.speaker, q.quote) == ("Hendra Gunawan", "30 rumah rusak berat")


def test_a_bare_title_opening_a_sentence_names_the_person_with_that_title():
    found = quotes("Kapolres Sleman AKBP Yuswanto Ardi memimpin penangkapan. Kapolres "
                   "menjelaskan, pelaku sudah dua kali ditangkap.")
    assert [(q.speaker, q.quote) for q in found] == [
        ("Yuswanto Ardi", "pelaku sudah dua kali ditangkap")]


def test_an_adverbial_phrase_between_speaker_and_verb():
    (q,) = quotes("Kepala Dinas Kominfo Sumba, Yohanes Kaka, dalam sambutannya menjelaskan bahwa "
                  "layanan itu kini bisa diakses dari desa.")
    assert (q.speaker, q.quote) == ("Yohanes Kaka", "layanan itu kini bisa diakses dari desa")


def test_an_after_quote_cue_inserted_between_commas():
    found = quotes("Ketua kelompok tani Marsudi Wibowo datang ke balai desa. Sebagian anggota, "
                   "lanjut Marsudi, sudah menjual sapinya.")
    assert [(q.speaker, q.quote) for q in found] == [
        ("Marsudi Wibowo", "Sebagian anggota sudah menjual sapinya")]


def test_a_gendered_pronoun_never_resolves_to_someone_of_the_other_gender():
    found = quotes("Mr Daniel Brooks coached Mary Okafor for ten years. "
                   "\"It was the hardest choice,\" she told the radio.", "en")
    assert [q.speaker for q in found] == ["Mary Okafor"]


def test_a_participle_after_the_subject_reports_its_words():
    found = quotes("Coach Dana Whitfield issued a statement saying the club would appeal the "
                   "ban.", "en")
    assert [(q.speaker, q.quote) for q in found] == [
        ("Dana Whitfield", "the club would appeal the ban")]


def test_a_quotation_after_the_rest_of_its_attribution_sentence_continues_it():
    found = quotes("Coach Dana Whitfield spoke after the final.\n\n“We were tired,” she told the "
                   "radio on Monday. “Next year we will be ready.”", "en")
    assert [q.speaker for q in found] == ["Dana Whitfield", "Dana Whitfield"]


def test_a_nya_cue_after_a_sentence_opened_by_an_adverb_keeps_the_speaker():
    # "Semula," is an adverb before a comma, not a person we cannot name: the pronoun in
    # "tegasnya" still means the last speaker; "keluhnya" is a cue like "katanya".
    found = quotes(
        "“Harga sudah turun jauh,” ujar peternak Rina Wati, Kamis (23/9/2021).\n\n"
        "Semula, para peternak berusaha menahan telur agar tidak dijual.\n\n"
        "“Ditahan tapi harga malah merosot,” tegasnya.\n\n"
        "“Pasokan datang dari luar kota,” keluhnya."
    )
    assert [(q.speaker, q.cue) for q in found] == [
        ("Rina Wati", "ujar"), ("Rina Wati", "tegasnya"), ("Rina Wati", "keluhnya")
    ]


def test_a_name_before_a_comma_and_an_aside_is_still_someone_unknown():
    # "Aditya, yang ..., berkata" names someone the article never presents: "dia" after it
    # is not the earlier speaker.
    found = quotes(
        "“Kami siap,” ujar Kepala Dinas PUPR Rendra Wiratama.\n\n"
        "Aditya, yang tinggal di tepi sungai, berkata lain. "
        "Dia mengatakan banjir datang tiap tahun."
    )
    assert [q.speaker for q in found] == ["Rendra Wiratama"]


def test_a_description_closed_by_itu_stands_for_the_last_speaker():
    found = quotes(
        "“Pelaku kami tangkap di rumahnya,” ujar Kapolres Sleman AKBP Yuswanto Ardi.\n\n"
        "Orang nomor satu di Polres Sleman itu menambahkan, tersangka masih diperiksa.\n\n"
        "Pria kelahiran Bantul itu juga mengatakan bahwa barang bukti sudah disita.\n\n"
        "Pria itu kemudian pergi."
    )
    assert [(q.speaker, q.quote) for q in found] == [
        ("Yuswanto Ardi", "Pelaku kami tangkap di rumahnya"),
        ("Yuswanto Ardi", "tersangka masih diperiksa"),
        ("Yuswanto Ardi", "barang bukti sudah disita"),
    ]


def test_urging_someone_to_act_is_reported_speech_when_to_or_agar_follows():
    found = quotes(
        "Mayor Ann Hale urged residents of the valley to leave their homes before dark. "
        "She also urged restraint.", "en")
    assert [(q.speaker, q.quote, q.cue) for q in found] == [
        ("Ann Hale", "residents of the valley to leave their homes before dark", "urged")]
    found = quotes(
        "Bupati Garut Rudy Gunawan meminta warga agar segera mengungsi. Polisi masih meminta "
        "keterangan saksi. Rudy juga mengajak warga untuk menjaga kebersihan sungai.")
    assert [(q.speaker, q.quote, q.cue) for q in found] == [
        ("Rudy Gunawan", "warga agar segera mengungsi", "meminta"),
        ("Rudy Gunawan", "warga untuk menjaga kebersihan sungai", "mengajak"),
    ]


def test_the_subject_speaks_past_a_long_aside_naming_someone_else():
    found = quotes(
        "Prof Nkem Obi, the vice chancellor, opened the hall.\n\n"
        "Obi, who was represented by Dr Ada Eze, the registrar of the university, urged the "
        "students to use the new library well.", "en")
    assert [(q.speaker, q.cue) for q in found] == [("Nkem Obi", "urged")]


def test_an_open_quote_cut_off_where_the_article_ends_is_no_quote():
    found = quotes(
        "Kepala Dinas PUPR Rendra Wiratama meninjau jembatan.\n\n"
        "“Kami akan memperbaiki jembatan ini secepatnya,” ujar Rendra.\n\n"
        "“Warga sudah lama menunggu perbaikan dari pemerintah dan kami berterima kas")
    assert [q.quote for q in found] == ["Kami akan memperbaiki jembatan ini secepatnya"]
