"""Counts: numbers of things, with their counted noun, bound and clause."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.extract.counts import extract_counts, grammar, parse_words
from quizgen.ingest import ingest_text


def counts(text: str, lang: str = "id"):
    return extract_counts(ingest_text(f"Judul\n\n{text}", "a.txt", lang))


def triples(text: str, lang: str = "id") -> list[tuple[int, str, str]]:
    return [(c.value, c.unit, c.bound) for c in counts(text, lang)]


# --------------------------------------------------------------------------- number words


def test_indonesian_number_words():
    g = grammar("id")
    assert parse_words(g, "sebelas") == 11
    assert parse_words(g, "dua belas") == 12
    assert parse_words(g, "dua puluh tiga") == 23
    assert parse_words(g, "tiga ratus") == 300
    assert parse_words(g, "seratus dua puluh lima") == 125
    assert parse_words(g, "seribu") == 1000
    assert parse_words(g, "dua ribu tiga ratus") == 2300
    assert parse_words(g, "lima juta") == 5_000_000
    assert parse_words(g, "dua tiga") is None


def test_english_number_words():
    g = grammar("en")
    assert parse_words(g, "eight") == 8
    assert parse_words(g, "twenty-one") == 21
    assert parse_words(g, "three hundred") == 300
    assert parse_words(g, "one hundred and twenty") == 120
    assert parse_words(g, "two thousand five hundred") == 2500


# --------------------------------------------------------------------------- Indonesian counts


def test_digits_and_multi_word_unit():
    [c] = counts("Lam dan Putin menandatangani 11 nota kerja sama di berbagai bidang "
                 "termasuk energi.")
    assert (c.value, c.unit, c.text, c.bound) == (11, "nota kerja sama", "11 nota kerja sama",
                                                  "exact")
    assert c.event == "Lam dan Putin menandatangani 11 nota kerja sama di berbagai bidang " \
                      "termasuk energi"
    [s] = c.sources
    assert s.text == c.text


def test_number_words_at_sentence_start():
    assert triples("Sebelas pakta yang ditandatangani di Hanoi tidak setingkat perjanjian itu.") \
        == [(11, "pakta", "exact")]
    assert triples("Kedua menteri menandatangani tiga nota kesepahaman.") == \
        [(3, "nota kesepahaman", "exact")]


def test_compound_number_words():
    assert triples("Air merendam tiga ratus rumah di dua puluh tiga desa.") == [
        (300, "rumah", "exact"), (23, "desa", "exact")]


def test_days_and_thousands_separator():
    assert triples("Kunjungan dua hari itu diikuti 15 dokumen dan 1.500 peserta.") == [
        (2, "hari", "exact"), (15, "dokumen", "exact"), (1500, "peserta", "exact")]


def test_lower_and_upper_bounds():
    [c] = counts("Sementara itu, lebih dari 10 perusahaan Jepang menyatakan minat berinvestasi.")
    assert (c.value, c.unit, c.bound, c.text) == (10, "perusahaan", "at_least",
                                                  "lebih dari 10 perusahaan")
    assert triples("Sedikitnya 12 orang tewas dalam kecelakaan itu.") == [(12, "orang", "at_least")]
    assert triples("Hampir 40 rumah rusak diterjang angin.") == [(40, "rumah", "at_most")]


def test_not_counts_indonesian():
    text = (
        "Ini kunjungan keenam dan peringatan ke-16 hubungan kedua negara. Kedua belah pihak "
        "bertemu pukul 10.00 WIB. Nilainya Rp 4,2 triliun atau 20 persen dari US$ 2 miliar. "
        "Sejumlah perjanjian dan belasan dokumen disiapkan. Salah satu pejabat hadir. "
        "Ini satu-satunya jalan. Pada 2024 harga naik 1,5 kali. Hubungan dua negara membaik. "
        "Dua hari lalu ia kembali. Sekitar 100 orang hadir."
    )
    assert triples(text) == []


def test_two_of_something_is_a_count_but_the_two_of_them_is_not():
    assert triples("Putin dipeluk oleh dua pemimpin komunisnya.") == [(2, "pemimpin", "exact")]
    assert triples("Two leaders met in Hanoi.", "en") == [(2, "leaders", "exact")]
    assert triples("The two leaders met in Hanoi.", "en") == []
    assert triples("It is the best deal between our two countries. The two navies met.",
                   "en") == []


def test_time_after_an_event_is_a_count_but_time_back_from_today_is_not():
    assert triples("Xi melakukan kunjungan tiga bulan kemudian.") == [(3, "bulan", "exact")]
    assert triples("Xi melakukan kunjungan tiga bulan lalu.") == []
    assert triples("Xi visited three months later.", "en") == [(3, "months", "exact")]
    assert triples("Xi visited three months ago.", "en") == []


def test_one_of_a_known_kind_of_thing_is_a_count_but_one_day_is_not():
    assert triples("Tuan rumah membawa pulang satu gelar dan satu poin.") == [
        (1, "gelar", "exact")]
    assert triples("Satu hari ia akan kembali.") == []
    assert triples("One person died and one beach closed.", "en") == [(1, "person", "exact")]


def test_possessive_unit_is_read_as_its_noun():
    [c] = counts("Berbicara di akhir perjalanan dua harinya, Putin menjawab wartawan.")
    assert (c.value, c.unit, c.text) == (2, "hari", "dua harinya")


def test_verb_after_a_number_is_no_unit():
    assert triples("Dari lima korban, tiga dilaporkan hilang.") == [(5, "korban", "exact")]


# --------------------------------------------------------------------------- English counts


def test_english_counts():
    assert triples("Scholz and Widodo signed eight pacts and seven agreements.", "en") == [
        (8, "pacts", "exact"), (7, "agreements", "exact")]
    assert triples("Twenty-one German companies already operate there.", "en") == [
        (21, "German companies", "exact")]
    assert triples("The council approved three hundred new homes.", "en") == [
        (300, "new homes", "exact")]


def test_english_bounds():
    assert triples("Over 10 German firms submitted proposals.", "en") == [
        (10, "German firms", "at_least")]
    assert triples("At least 10,000 containers were sent.", "en") == [
        (10000, "containers", "at_least")]
    assert triples("It may take up to 24 hours.", "en") == [(24, "hours", "at_most")]


def test_not_counts_english():
    text = (
        "It was his 2nd trip and the first visit. Both countries signed deals worth $10 billion, "
        "or 20 percent of trade, at 9 p.m. on June 20. Several leaders and dozens of officials "
        "came. One of them left. The two leaders met two days ago. About 30 people watched. "
        "A 1961 treaty still applies. The 5.5 magnitude quake hit."
    )
    assert triples(text, "en") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    list("0123456789.,-% \n") + ["dua", "puluh", "belas", "ratus", "ribu", "juta", "se",
                                  "twenty", "hundred", "and", "lebih dari", "orang", "pakta",
                                  "hari", "nota", "kerja", "sama", "ke-", "Rp", "$", " "]
), max_size=80).map("".join), st.sampled_from(["id", "en"]))
def test_arbitrary_text_never_crashes(text, lang):
    for c in extract_counts(ingest_text(f"T\n\n{text}", "x.txt", lang)):
        assert c.text == c.sources[0].text
        assert isinstance(c.value, int) and c.value >= 0
        assert c.bound in ("exact", "at_least", "at_most")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["id", "en"]))
def test_arbitrary_unicode_never_crashes(text, lang):
    extract_counts(ingest_text(f"T\n\n{text}", "x.txt", lang))


def test_an_age_in_brackets_after_a_name_is_no_count():
    assert triples("Korban adalah Sumarni (57 tahun) dan Jaka (9). Tim mengerahkan 40 "
                   "personel.") == [(40, "personel", "exact")]


def test_a_rank_or_a_legal_clause_is_no_count():
    assert triples("Tim itu berada di peringkat 10 klasemen. Ia dijerat Pasal 114 ayat (2) dan "
                   "112 ayat (2).") == []


def test_points_scored_are_counts_but_percentage_points_are_not():
    assert [(v, u) for v, u, _ in triples(
        "She won by 306 points and finished with 6,955 points. Rates rose by 2 percentage "
        "points.", "en")] == [(306, "points"), (6955, "points")]
