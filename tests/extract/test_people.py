"""People and their roles, as readable examples in both languages (traps included)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.extract.people import extract_people
from quizgen.ingest import ingest_text


def ingest(text: str, lang: str = "id"):
    """A document whose body is ``text`` (the first line of an article is its title)."""
    return ingest_text("Judul berita\n\n" + text, "t.txt", lang)


def people(text: str, lang: str = "id") -> dict[str, list[str]]:
    return {p.name: p.roles for p in extract_people(ingest(text, lang))}


def test_indonesian_title_country_name():
    found = people("Presiden Rusia Vladimir Putin tiba di Hanoi pada Kamis malam.")
    assert found == {"Vladimir Putin": ["Presiden Rusia"]}


def test_multiword_titles_and_organisations():
    found = people(
        "Ia disambut Wakil Perdana Menteri Vietnam Tran Hong Ha. Sekjen PBB Antonio Guterres "
        "mengirim pesan, sementara Duta Besar Vietnam untuk Rusia Dang Minh Koi hadir."
    )
    assert found["Tran Hong Ha"] == ["Wakil Perdana Menteri Vietnam"]
    assert found["Antonio Guterres"] == ["Sekjen PBB"]
    assert found["Dang Minh Koi"] == ["Duta Besar Vietnam untuk Rusia"]


def test_appositive_role_drops_the_article():
    found = people(
        "Hal itu penting, kata Zachary Abuza, seorang profesor di US National War College."
    )
    assert found == {"Zachary Abuza": ["profesor di US National War College"]}


def test_comma_wrapped_name_after_title():
    found = people("Presiden Vietnam, To Lam, sebelumnya mengatakan hal serupa.")
    assert found == {"To Lam": ["Presiden Vietnam"]}


def test_names_joined_by_dan_keep_their_own_roles():
    found = people(
        "Acara dihadiri Presiden Prancis Emmanuel Macron dan Perdana Menteri Jepang Fumio "
        "Kishida di Jakarta."
    )
    assert found["Emmanuel Macron"] == ["Presiden Prancis"]
    assert found["Fumio Kishida"] == ["Perdana Menteri Jepang"]


def test_short_form_becomes_an_alias():
    doc = ingest(
        "Presiden Rusia Vladimir Putin tiba di Hanoi. Putin kemudian bertemu para pemimpin."
    )
    (putin,) = extract_people(doc)
    assert putin.name == "Vladimir Putin" and putin.aliases == ["Putin"]
    assert putin.sources[0].text == "Presiden Rusia Vladimir Putin"


def test_two_people_sharing_a_surname_stay_two():
    found = people(
        "Presiden AS Joe Biden tiba bersama istrinya. Ibu negara Jill Biden mengatakan "
        "kunjungan itu menyenangkan. Biden lalu kembali ke Washington."
    )
    assert "Joe Biden" in found and "Jill Biden" in found
    assert len(found) == 2


def test_title_alone_organisations_and_places_are_not_people():
    found = people(
        "Presiden Rusia tiba di Hanoi. Partai Komunis Vietnam dan NATO mengeluarkan pernyataan. "
        "Kantor Berita Vietnam melaporkan pada Kamis bahwa Amerika Serikat keberatan."
    )
    assert found == {}


def test_outlet_after_an_outlet_word_is_not_a_person():
    found = people(
        "Opini itu terbit di surat kabar partai Komunis Vietnam, Nhan Dan, pada Rabu. "
        "Menurut kantor berita Rusia TASS, kunjungan berlangsung dua hari."
    )
    assert found == {}


def test_untitled_name_only_when_used_as_a_speaker():
    assert people("Budi Santoso mengatakan harga beras naik.") == {"Budi Santoso": []}
    assert people("Rombongan tiba di Noi Bai International Airport pada malam hari.") == {}


def test_english_titles_possessive_and_appositive():
    found = people(
        "Russian President Vladimir Putin met Vietnam's President To Lam on Thursday. "
        "Sergei Lavrov, the foreign minister of Russia, joined them.",
        "en",
    )
    assert found["Vladimir Putin"] == ["Russian President"]
    assert found["To Lam"] == ["Vietnam's President"]
    assert found["Sergei Lavrov"] == ["foreign minister of Russia"]


def test_english_name_with_hyphen_variant_is_one_person():
    doc = ingest(
        "North Korean leader Kim Jong Un hosted the visit. Later Kim Jong-un said the talks "
        "were useful.",
        "en",
    )
    found = extract_people(doc)
    assert [p.name for p in found] == ["Kim Jong Un"]
    assert "Kim Jong-un" in found[0].aliases


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_never_crashes(text):
    for lang in ("id", "en"):
        doc = ingest_text(text, "x.txt", lang)
        for p in extract_people(doc):
            assert p.name
            for s in p.sources:
                assert s.text == doc.text[s.start : s.end]


def test_english_appositive_with_organisation_and_adjectives():
    found = people(
        "Luca Maestri, Apple's chief financial officer, said margins would hold. "
        "Jerome Powell, the Federal Reserve chair, is due to speak on Friday.",
        "en",
    )
    assert found["Luca Maestri"] == ["Apple's chief financial officer"]
    assert found["Jerome Powell"] == ["Federal Reserve chair"]


def test_indonesian_role_crossing_an_institution_name():
    found = people(
        "Pengamat Rusia dari Universitas Gadjah Mada, Bambang Hartono, mengatakan kedekatan "
        "itu perlu dikelola."
    )
    assert found == {"Bambang Hartono": ["Pengamat Rusia dari Universitas Gadjah Mada"]}


def test_mononym_after_a_title_when_used_as_speaker():
    found = people(
        "Menteri Luar Negeri Sugiono tiba di Moskow. Sugiono menegaskan bahwa Indonesia "
        "tetap bebas aktif."
    )
    assert found == {"Sugiono": ["Menteri Luar Negeri"]}


def test_two_names_after_one_role_share_it():
    found = people(
        "Pengamat ekonomi, Lina Alexandra dan Andrew Mantong, menilai pertemuan itu produktif."
    )
    assert found == {
        "Lina Alexandra": ["Pengamat ekonomi"],
        "Andrew Mantong": ["Pengamat ekonomi"],
    }


def test_dan_inside_an_office_name_but_never_between_two_titles():
    found = people(
        "Menteri Pendidikan Dasar dan Menengah Abdul Mu'ti datang ke Surabaya. Presiden Rusia "
        "dan Perdana Menteri Vietnam Pham Minh Chinh bertemu di Hanoi."
    )
    assert found["Abdul Mu'ti"] == ["Menteri Pendidikan Dasar dan Menengah"]
    assert found["Pham Minh Chinh"] == ["Perdana Menteri Vietnam"]


def test_dotted_honorific_is_not_a_role():
    found = people("Ahli gizi, Dr. Lailatul Muniroh, mengingatkan bahwa gizi anak penting.")
    assert found == {"Lailatul Muniroh": []}


def test_the_one_told_is_not_a_speaker():
    assert people("A senior official told Capital Wire on condition of anonymity.", "en") == {}


def test_middle_initials_stay_inside_a_name():
    found = people("Union leader Grace O. Mensah told reporters the strike would last 48 hours.",
                   "en")
    assert found == {"Grace O. Mensah": ["Union leader"]}
    found = people("Direktur operasi perusahaan, Ir. Lestari T. Nugroho, mengatakan jadwal "
                   "ditambah. Nugroho juga meninjau stasiun.")
    assert "Lestari T. Nugroho" in found and "T. Nugroho" not in found


def test_an_honorific_is_no_role_but_the_role_before_it_is():
    assert people("Dr. Amelia Ortiz said the ward would reopen on Monday.", "en") == {
        "Amelia Ortiz": []}
    assert people("Hospital director Dr. Amelia Ortiz said the ward would reopen.", "en") == {
        "Amelia Ortiz": ["Hospital director"]}
    assert people("Menteri Kesehatan Dr. Budi Santoso mengatakan vaksin tiba pekan depan.") == {
        "Budi Santoso": ["Menteri Kesehatan"]}


def test_an_agency_after_a_dotted_acronym_is_no_person():
    found = people("The U.S. Coast Guard said two boats sank. Dr. Amelia Ortiz of the U.S. "
                   "Weather Service said the storm was the strongest since 2019.", "en")
    assert found == {"Amelia Ortiz": []}


def test_a_role_never_reaches_back_into_the_previous_paragraph():
    found = people("The bill was released by the Appropriations Committee.\n\n"
                   "Operations manager Diana Asherham said the ferry would run again.", "en")
    assert found == {"Diana Asherham": ["Operations manager"]}


def test_an_english_office_may_end_in_the_place_it_serves():
    found = people("The MP for Penrith and Solway, Markus Campbell-Reid, said he had written "
                   "to the minister.", "en")
    assert found == {"Markus Campbell-Reid": ["MP for Penrith and Solway"]}


def test_occupations_and_utilities():
    assert people("Insurance broker Ellen Marsh said premiums had risen.", "en") == {
        "Ellen Marsh": ["Insurance broker"]}
    assert people("Dr Hannah Ostrowski, a freshwater ecologist at Cardiff University, said "
                  "the figures matched.", "en") == {
        "Hannah Ostrowski": ["freshwater ecologist at Cardiff University"]}
    assert people("Severn Valley Water said in a statement that it had spent more.", "en") == {}


def test_plural_titles_and_state_companies_are_no_part_of_a_name():
    assert people("Commissioners Larry Dunmore and Keisha Pryor voted against the plan. "
                  "Survivor Yusuf Pakaya, 43, said he had been asleep.", "en") == {
        "Larry Dunmore": [], "Keisha Pryor": [], "Yusuf Pakaya": ["Survivor"]}
    found = people("Pemimpin Wilayah Perum Bulog NTT Yosef Ola Beding di Kupang mengatakan "
                   "stok aman.")
    assert found == {"Yosef Ola Beding": ["Pemimpin Wilayah Perum Bulog NTT"]}


def test_an_office_ending_in_a_city_gives_no_person_named_after_the_city():
    found = people("Salah satu saksi adalah Kepala Balai Wilayah Sungai Sulawesi IV Kendari, "
                   "Hamdan Lasaeba. Kepala Pusat Data BNPB Rahmat Saleh mengatakan semua aman.")
    assert "Kendari" not in found and "Pusat Data" not in found
    assert "Rahmat Saleh" in found


# --------------------------------------------------------------------------- real-news patterns
# People without a known title, as real articles name them (issue 13).


def test_an_age_in_brackets_makes_a_person_even_of_one_word():
    found = people("Korban meninggal adalah Sumarni (57 tahun) dan Jaka (9). Keduanya tinggal "
                   "di Cilacap.")
    assert found == {"Sumarni": [], "Jaka": []}


def test_names_listed_with_a_person_are_people_but_a_lone_comma_is_no_list():
    found = people("Hadir pula Elena Ruiz dari Chile, Tomas Novak dari Ceko, dan Duta Besar "
                   "Mesir Aminah Yusuf.")
    assert set(found) == {"Elena Ruiz", "Tomas Novak", "Aminah Yusuf"}
    found = people("Pelatih Persita Tangerang, Budi Santoso menyebut timnya siap.")
    assert found == {"Budi Santoso": ["Pelatih Persita Tangerang"]}


def test_honorific_and_numbered_unit_before_a_one_word_name():
    found = people("Bu Darti menangis. Ketua RW 05 Sutarno mengatakan air naik cepat.")
    assert found == {"Darti": [], "Sutarno": ["Ketua RW 05"]}


def test_comma_between_role_and_name_with_a_rank_or_a_speech_verb():
    found = people("Kapolres Sleman, AKBP Yuswanto Ardi mengatakan pelaku ditangkap. Kepala "
                   "Dinas Pendidikan Bantul, Nur Hidayat menjelaskan sekolah tetap buka.")
    assert found["Yuswanto Ardi"] == ["Kapolres Sleman", "AKBP"]
    assert found["Nur Hidayat"] == ["Kepala Dinas Pendidikan Bantul"]


def test_a_title_word_inside_a_body_name_is_no_role():
    found = people("Asosiasi Peternak Sapi Boyolali menyebut harga pakan naik.")
    assert found == {}


def test_a_person_noun_before_a_place_names_no_person():
    found = people("Ia merupakan warga Kemayoran, sedangkan korban lain warga Bogor.")
    assert found == {}


def test_possessive_owner_and_age_between_commas_in_english():
    found = people("Norway's Ingrid Dahl won ahead of the club's Hannah Pryce. Later Omar "
                   "Haddad, 34, took the men's race.", "en")
    assert set(found) == {"Ingrid Dahl", "Hannah Pryce", "Omar Haddad"}


def test_a_common_given_name_starts_a_person_unless_the_article_uses_it_as_a_word():
    assert set(people("The final saw Greg Holloway win the long jump.", "en")) == {"Greg Holloway"}
    found = people("The grace period ends soon. Grace Chapel opened in May.", "en")
    assert found == {}


def test_a_one_word_short_form_with_an_age_finds_its_full_name():
    found = people("The pass went to Marcus Tildon. Tildon, 26, scored twice.", "en")
    assert found == {"Marcus Tildon": []}


def test_a_word_the_article_uses_as_a_place_is_no_one_word_name():
    found = people("Pendaftaran di Kabupaten Tegal ditutup. Pengurus PKB Tegal tidak datang.")
    assert found == {}


def test_a_role_after_a_copula_and_no_next_persons_role_as_an_appositive():
    found = people("Korban lain, Sumirah (30 tahun) merupakan warga Kelurahan Cibubur. Ketua RW "
                   "04 Darto, Ketua RT 01/04 Wagimin, dan Ketua RT 02/04 Udin hadir.")
    assert found == {"Sumirah": ["warga Kelurahan Cibubur"], "Darto": ["Ketua RW 04"],
                     "Wagimin": ["Ketua RT 01/04"], "Udin": ["Ketua RT 02/04"]}


def test_an_honorific_after_the_comma_keeps_the_office_before_it():
    found = people("Imam Besar Masjid Al-Ikhlas, KH. Sobri Lubis mengatakan sapi sudah tiba.")
    assert found == {"Sobri Lubis": ["Imam Besar Masjid Al-Ikhlas"]}


def test_an_appositive_naming_another_person_is_no_role_and_address_titles_are_none():
    found = people("The appeal of Daniel Osei, Mr Kofi Lartey, was heard by Mr Justice Amon "
                   "Boateng on Monday. Prof Ada Nwosu, Dean of the law faculty, said the case "
                   "was rare.",
                   "en")
    assert found["Daniel Osei"] == [] and found["Amon Boateng"] == []
    assert found["Ada Nwosu"] == ["Dean of the law faculty"]


def test_a_role_may_hold_a_comma_list_of_fields():
    # Offices named after several fields list them with commas, in either language.
    found = people(
        "Kepala Bidang Sarana, Prasarana, dan Perhubungan Dinas PUPR Rendra Wiratama "
        "meninjau jembatan itu."
    )
    assert found["Rendra Wiratama"] == [
        "Kepala Bidang Sarana, Prasarana, dan Perhubungan Dinas PUPR"
    ]
    found = people(
        "Exports rose again, said Energy, Water and Mines Minister Carla Benedetti.", "en"
    )
    assert found["Carla Benedetti"] == ["Energy, Water and Mines Minister"]
    # Two people joined by "and" keep their own titles.
    found = people("President Tomas Reyes and Prime Minister Ana Lind met in Oslo.", "en")
    assert found["Ana Lind"] == ["Prime Minister"]


def test_a_long_honorific_name_after_an_office_is_one_person():
    # Malaysian-style honorific chains run past four words; later the article shortens them
    # to the first and a later word.
    found = extract_people(ingest(
        "Exports of palm oil rose, said Plantation Minister Tengku Datuk Seri Hanif Omar "
        "Rahman.\n\nTengku Hanif added that prices would hold.", "en"))
    assert [(p.name, p.roles, p.aliases) for p in found] == [
        ("Tengku Datuk Seri Hanif Omar Rahman", ["Plantation Minister"], ["Tengku Hanif"])
    ]


def test_a_rank_after_an_office_and_a_comma_is_a_role_too():
    found = people(
        "Hal itu disampaikan Kapolres Sleman, Kombes Pol Dr. Budi Hartono, saat jumpa pers."
    )
    assert found == {"Budi Hartono": ["Kapolres Sleman", "Kombes Pol"]}


def test_what_a_person_is_before_a_naming_word_is_a_role():
    found = people("Seorang bocah bernama Rafi Ardiansyah (7) hanyut di saluran irigasi.")
    assert found == {"Rafi Ardiansyah": ["bocah"]}
    found = people("A nurse named Tom Elridge found the boy near the ridge.", "en")
    assert found == {"Tom Elridge": ["nurse"]}


def test_a_copula_after_a_relative_clause_or_a_list_describes_each_name():
    found = people(
        "Dua korban meninggal. Sari Utami (34) dan Budi Santoso (40) merupakan warga Desa "
        "Mekarsari. Rudi Hartanto (16) yang tersengat listrik merupakan warga Kemiri."
    )
    assert found == {
        "Sari Utami": ["warga Desa Mekarsari"],
        "Budi Santoso": ["warga Desa Mekarsari"],
        "Rudi Hartanto": ["warga Kemiri"],
    }


def test_dotted_initials_before_a_surname_are_part_of_the_name():
    found = people(
        "K.L. Mensah, chair of the Coastal Fisheries Board, said catches fell. "
        "Judge R.A. Owusu adjourned the case.", "en")
    assert found == {
        "K.L. Mensah": ["chair of the Coastal Fisheries Board"], "R.A. Owusu": ["Judge"]
    }


def test_an_ex_title_after_a_comma_with_two_fields():
    found = people(
        "Kofi Mensah Boateng, ex-Minister for Roads and Transport, was sentenced in 2006. "
        "Ann Hale, the mayor of Leeds and Bob Wu, the mayor of York, met.", "en")
    assert found == {
        "Kofi Mensah Boateng": ["ex-Minister for Roads and Transport"],
        # a place after "of" joined to the next name is no listed person
        "Ann Hale": ["mayor of Leeds"],
        "Bob Wu": ["mayor of York"],
    }
    assert people("Hakim memvonis eks-Kapolda Jawa Timur Arif Santoso dua tahun.") == {
        "Arif Santoso": ["eks-Kapolda Jawa Timur"]
    }


def test_a_list_of_names_with_origins_joins_a_person_named_elsewhere():
    # Only one of the listed delegates speaks later; the list makes the rest people too,
    # and a two-word origin ("Papua Nugini") is no name of its own.
    found = people(
        "Delegasi yang hadir antara lain Rosa Milena Duarte dari Kolombia, Henrik Aalto dari "
        "Papua Nugini, dan Tomas Brenner dari Austria.\n\n"
        "Tomas Brenner mengatakan kerja sama akan diperluas."
    )
    assert set(found) == {"Rosa Milena Duarte", "Henrik Aalto", "Tomas Brenner"}


def test_a_role_after_yang_juga_or_who_is_also_and_after_menurut_penuturan():
    assert people("“Ada lima pabrik di hulu,” kata Darto, yang juga aktivis Kali Bersih.") \
        == {"Darto": ["aktivis Kali Bersih"]}
    assert people("Menurut penuturan Darto, salah satu warga setempat, pabrik buka malam.") \
        == {"Darto": ["warga setempat"]}
    assert people("The pier is unsafe, said Ann Moyo, who is also a nurse at the clinic.",
                  "en") == {"Ann Moyo": ["nurse at the clinic"]}


def test_a_group_named_with_a_number_word_is_no_person():
    # "Satu" is a number: "Satu Bumi" is the group the activist belongs to
    assert "Satu Bumi" not in people("Ia aktivis Satu Bumi sejak 2015.")


def test_names_listed_after_yakni_or_termasuk_get_the_noun_that_introduces_them():
    assert people(
        "Empat warga tewas. Tiga di antaranya merupakan korban banjir. Mereka yakni Sari Utami "
        "(40), Budi Santoso (52), dan Rudi Hartanto.") == {
        "Sari Utami": ["korban"], "Budi Santoso": ["korban"], "Rudi Hartanto": ["korban"]}
    found = people(
        "Di antara para duta besar yang hadir, termasuk Rosa Milena Duarte dari Kolombia, "
        "Henrik Aalto dari Finlandia, dan Tomas Brenner dari Austria.")
    assert set(map(tuple, found.values())) == {("duta besar",)}
