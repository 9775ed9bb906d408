"""Wire and regional-news styles that tuning on one gold set missed: title-case role
compounds, office units after Indonesian titles, ranks, bracketed acronyms, surname particles,
party tags, durations after "over", classifiers."""

from quizgen.extract.counts import extract_counts
from quizgen.extract.people import extract_people
from quizgen.extract.quotes import extract_quotes
from quizgen.ingest import ingest_text


def ingest(text: str, lang: str):
    return ingest_text("Judul berita\n\n" + text, "t.txt", lang)


def kept(text: str, lang: str) -> str:
    """The article's text as the extractor reads it (boilerplate removed)."""
    return " ".join(s.text for s in ingest(text, lang).sentences)


def people(text: str, lang: str) -> dict[str, list[str]]:
    return {p.name: p.roles for p in extract_people(ingest(text, lang))}


def quotes(text: str, lang: str) -> list[tuple[str, str]]:
    doc = ingest(text, lang)
    return [(q.speaker, q.quote) for q in extract_quotes(doc, extract_people(doc))]


def counts(text: str, lang: str) -> list[tuple[int, str, str]]:
    return [(c.value, c.unit, c.bound) for c in extract_counts(ingest(text, lang))]


def test_english_title_case_role_compounds():
    found = people(
        "Senate Minority Whip Dana Hollis opposed the plan. Transport Minister Ruud Janssen "
        "backed it, and House Speaker Tom Avery scheduled a vote.",
        "en",
    )
    assert found["Dana Hollis"] == ["Senate Minority Whip"]
    assert found["Ruud Janssen"] == ["Transport Minister"]
    assert found["Tom Avery"] == ["House Speaker"]


def test_lower_case_role_words_and_abbreviated_title():
    found = people(
        "The deal was announced by press secretary Lena Ortiz. Sen. Mark Ellison, R-Tex., "
        "voted against it.",
        "en",
    )
    assert found["Lena Ortiz"] == ["press secretary"]
    assert found["Mark Ellison"] == ["Sen."]


def test_indonesian_office_unit_after_title_from_article_places():
    found = people(
        "Banjir melanda Kabupaten Cilacap. Bupati Cilacap Rahmat Hidayat meninjau lokasi. "
        "Menurut Rahmat, bantuan sudah dikirim.",
        "id",
    )
    assert found == {"Rahmat Hidayat": ["Bupati Cilacap"]}


def test_indonesian_rank_sits_between_office_and_name():
    found = people(
        "Kapolres Metro Bekasi Kombes Dedi Susanto mengatakan pelaku sudah ditahan. "
        "Kasat Reskrim Polres Metro Bekasi AKP Yudi Pratama menambahkan, barang bukti disita.",
        "id",
    )
    # the office comes first (questions use it); the rank is a role of its own
    assert found["Dedi Susanto"] == ["Kapolres Metro Bekasi", "Kombes"]
    assert found["Yudi Pratama"] == ["Kasat Reskrim Polres Metro Bekasi", "AKP"]


def test_bracketed_acronym_inside_an_indonesian_role():
    found = people(
        "Kepala Badan Riset dan Inovasi Nasional (BRIN) Laksana Tri Handoko mengatakan "
        "anggaran riset naik.",
        "id",
    )
    assert found == {"Laksana Tri Handoko": ["Kepala Badan Riset dan Inovasi Nasional (BRIN)"]}


def test_surname_particles_in_short_forms_and_quotes():
    doc = ingest(
        'Trade envoy Anouk van der Linden met the ministers. "We are close," van der Linden '
        "said.",
        "en",
    )
    (person,) = extract_people(doc)
    assert person.name == "Anouk van der Linden"
    assert "van der Linden" in person.aliases
    assert [(q.speaker, q.quote) for q in extract_quotes(doc, [person])] == [
        ("Anouk van der Linden", "We are close")
    ]


def test_party_tag_and_relative_clause_before_the_verb():
    found = quotes(
        "Sen. Mark Ellison, R-Tex., who chairs the panel, said the budget would pass next week.",
        "en",
    )
    assert found == [("Mark Ellison", "the budget would pass next week")]


def test_indonesian_cue_title_rank_name_listener_and_date():
    found = quotes(
        '"Pelaku kami tangkap di terminal," kata Kapolsek Tanah Abang AKBP Rudi Hartanto '
        "kepada wartawan, Senin (4/3/2024).",
        "id",
    )
    assert found == [("Rudi Hartanto", "Pelaku kami tangkap di terminal")]


def test_bracketed_age_between_name_and_verb():
    found = quotes(
        "Seorang warga, Nur Aini (52), mengatakan air naik sangat cepat pada malam hari.", "id"
    )
    assert found == [("Nur Aini", "air naik sangat cepat pada malam hari")]


def test_naming_verb_before_a_quoted_phrase():
    found = quotes('Mayor Ellen Park called the plan "a blueprint for the next decade".', "en")
    assert found == [("Ellen Park", "a blueprint for the next decade")]


def test_over_a_span_of_time_after_a_rate_is_a_duration():
    found = counts(
        "Wages rise 4% over two years. The strike was the first in over 30 years, and over "
        "50 ships waited.",
        "en",
    )
    assert (2, "years", "exact") in found
    assert (30, "years", "at_least") in found
    assert (50, "ships", "at_least") in found


def test_classifier_keeps_the_whole_noun_phrase():
    found = counts("Petugas menyita tiga unit mobil boks dan dua buah telepon genggam.", "id")
    assert (3, "mobil boks", "exact") in found
    assert (2, "telepon genggam", "exact") in found


def test_place_and_weekday_between_name_and_verb():
    found = quotes(
        "Kepala Dinas Perikanan Kabupaten Cianjur Sutrisno di Cianjur, Selasa, menyampaikan "
        "bahwa bibit ikan dibagikan gratis kepada nelayan.",
        "id",
    )
    assert found == [("Sutrisno", "bibit ikan dibagikan gratis kepada nelayan")]


def test_field_words_after_an_indonesian_title():
    found = people(
        "Peneliti ekologi laut dari Universitas Hasanuddin, Rina Amalia, menilai terumbu "
        "karang rusak parah.",
        "id",
    )
    assert found == {"Rina Amalia": ["Peneliti ekologi laut dari Universitas Hasanuddin"]}


def test_multi_sentence_copyright_contact_and_reporter_lines_are_boilerplate():
    text = kept("The council met on Monday.\n\nDana Whitcomb can be reached at dw@example.com "
                "or 555-0142.\n\nCopyright 2026 The Associated Press. All Rights Reserved.\n",
                "en")
    assert "reached" not in text and "Rights" not in text and "council met" in text
    text = kept("Laporan Wartawan TribunJabar.id, Ardi Nugraha\n\nJembatan itu putus pada "
                "Senin pagi.\n", "id")
    assert "Laporan" not in text and "Jembatan itu putus" in text


def test_subscription_offers_and_listen_rails_are_boilerplate():
    text = kept("The board met on Monday.\n\nSubscribe to the Calder Courier for $1 a week.\n\n"
                "Listen to these stories Kenya's health workers: a decade of strikes\n", "en")
    assert "Subscribe" not in text and "Listen" not in text and "board met" in text
