"""Dates: absolute dates tied to an event, ISO values, never resolved against today."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.extract.dates import extract_dates
from quizgen.facts import DateFact, WeekdayMention
from quizgen.ingest import ingest_text


def doc_of(text: str, lang: str = "id"):
    """An article: the first paragraph of a text is its title, so give it one."""
    return ingest_text(f"Judul\n\n{text}", "a.txt", lang)


def dates(text: str, lang: str = "id") -> list[DateFact]:
    doc = doc_of(text, lang)
    return [f for f in extract_dates(doc) if isinstance(f, DateFact)]


def weekdays(text: str, lang: str = "id") -> list[WeekdayMention]:
    doc = doc_of(text, lang)
    return [f for f in extract_dates(doc) if isinstance(f, WeekdayMention)]


def values(text: str, lang: str = "id") -> list[str]:
    return [f.value for f in dates(text, lang)]


# --------------------------------------------------------------------------- Indonesian forms


def test_weekday_with_numeric_date_in_brackets_is_day_first():
    [d] = dates("Presiden Rusia Vladimir Putin langsung mengunjungi Vietnam "
                "pada Kamis (20-06-2024).")
    assert d.value == "2024-06-20"
    assert d.text == "Kamis (20-06-2024)"
    assert d.weekday == "Kamis"
    assert d.event == "Presiden Rusia Vladimir Putin langsung mengunjungi Vietnam"
    assert d.note is None


def test_slashes_and_dots_are_day_first_too():
    assert values("Menteri itu tiba di Jakarta pada Jumat (21/06/2024).") == ["2024-06-21"]
    assert values("Kapal itu berlabuh di Makassar pada 3.7.2023 sore.") == ["2023-07-03"]


def test_weekday_time_of_day_and_month_name():
    [d] = dates("Presiden Rusia tiba di bandara Hanoi pada Kamis dini hari, 20 Juni 2024, "
                "dan disambut di karpet merah.")
    assert (d.value, d.text) == ("2024-06-20", "Kamis dini hari, 20 Juni 2024")
    assert d.event == "Presiden Rusia tiba di bandara Hanoi"


def test_a_range_of_days_dates_from_its_first_day():
    [d] = dates("Rapat Dewan Gubernur digelar pada 20-21 Agustus 2024 di Jakarta.")
    assert (d.value, d.text) == ("2024-08-20", "20-21 Agustus 2024")
    assert values("The summit ran on June 20–21, 2024 in Hanoi.", "en") == ["2024-06-20"]


def test_month_and_year_only_gives_year_month():
    [d] = dates("Itu sanksi terbaru sejak invasi besar-besaran ke Ukraina pada Februari 2022.")
    assert d.value == "2022-02"
    assert d.event == "invasi besar-besaran ke Ukraina"


def test_abbreviated_month():
    assert values("Gedung itu diresmikan pada 5 Des. 2019 oleh gubernur.") == ["2019-12-05"]


def test_short_date_takes_the_year_the_article_gives():
    text = ("Delegasi tiba di Bali pada Senin (2/6/2025) untuk forum iklim.\n\n"
            "Pada Selasa (3/6), delegasi membahas perdagangan karbon lintas negara.")
    assert values(text) == ["2025-06-02", "2025-06-03"]


def test_short_date_without_a_year_in_the_article_is_dropped():
    assert values("Pada Selasa (3/6), delegasi membahas perdagangan karbon.") == []


def test_stated_weekday_picks_the_year_among_the_articles_years():
    text = ("Perang pecah pada Februari 2022. Konflik berlanjut hingga Maret 2024.\n\n"
            "Pada Kamis (20/6), presiden mengunjungi Hanoi.")
    # 20 June is a Thursday in 2024, not in 2022
    assert "2024-06-20" in values(text)


def test_short_numeric_date_without_weekday_is_not_a_date():
    assert values("Skor akhir pertandingan itu (21/15) pada Mei 2024 tercatat rapi.") == ["2024-05"]


def test_weekday_alone_or_relative_phrase_is_not_a_date():
    assert values("Rombongan itu tiba pada hari Rabu setelah menempuh perjalanan jauh.") == []
    assert values("Tahun lalu, Vietnam menjadi tuan rumah bagi Xi Jinping.") == []
    assert values("Kemarin presiden bertemu menteri pada Minggu malam.") == []


def test_invalid_dates_are_dropped():
    assert values("Rapat itu digelar pada 31 Februari 2024 di Jakarta.") == []
    assert values("Rapat itu digelar pada Senin (30/13/2024) di Jakarta.") == []


def test_weekday_that_contradicts_the_date_is_kept_with_a_note():
    [d] = dates("Menteri itu tiba di Tokyo pada Jumat (20/06/2024) untuk kunjungan kerja.")
    assert d.value == "2024-06-20"
    assert d.note and "Jumat" in d.note and "Thursday" in d.note


def test_report_dateline_is_not_an_event_date():
    text = ("Seperti dilansir Reuters, Jumat (21/06/2024), kunjungan Putin menuai kritik.\n\n"
            "“Kerja sama ini penting,” kata To Lam, dikutip dari The Guardian, Jumat, "
            "21 Juni 2024.")
    assert values(text) == []


def test_trailing_date_belongs_to_the_clause_before_it():
    [d] = dates("Menteri Luar Negeri Retno Marsudi menyambut tamunya di Jakarta, "
                "Selasa (14/5/2024).")
    assert d.value == "2024-05-14"
    assert d.event.endswith("menyambut tamunya di Jakarta")


def test_leading_time_phrase_gives_the_date_to_the_clause_after_it():
    text = "Pada Mei 2025 acara dimulai.\n\nPada hari kedua, Selasa (3/6), delegasi membahas pajak."
    d = [x for x in dates(text) if x.value == "2025-06-03"][0]
    assert d.event == "delegasi membahas pajak"


def test_publication_stamp_line_is_not_a_date():
    assert values("KabarKita.com - Senin, 10 Maret 2025 - 08:15 WIB\n\nBanjir melanda kota.") == []


def test_headline_line_is_not_an_event():
    text = ("Polisi menangkap tiga tersangka pada Mei 2024.\n\n"
            "- OJK Blokir Ratusan Pinjol Ilegal pada Senin (17/6/2024)")
    assert values(text) == ["2024-05"]


def test_bare_year_needs_a_marker():
    assert values("Kapal selam itu ditawarkan pada 2019 namun batal dibeli.") == ["2019"]
    assert values("Visi 2045 dibahas oleh para menteri.") == []


def test_weekday_mention_tied_to_an_event_verb():
    [w] = weekdays("Presiden Rusia Vladimir Putin tiba di ibu kota Vietnam, Hanoi, pada hari Rabu, "
                   "setelah pertemuan di Korea Utara.")
    assert w.weekday == "Rabu"
    assert w.event == "Presiden Rusia Vladimir Putin tiba di ibu kota Vietnam, Hanoi"
    assert weekdays("Pasar itu ramai pada hari Rabu.") == []


def test_sources_point_at_the_date_as_written():
    text = "Presiden tiba di Hanoi pada Kamis (20/06/2024)."
    doc = doc_of(text)
    [d] = [f for f in extract_dates(doc) if isinstance(f, DateFact)]
    [s] = d.sources
    assert (s.doc, s.sentence) == ("a.txt", 0)
    assert doc.text[s.start:s.end] == s.text == d.text


# --------------------------------------------------------------------------- English forms


def test_english_month_first_and_day_first():
    assert values("Putin arrived in Hanoi on June 20, 2024, for talks.", "en") == ["2024-06-20"]
    assert values("The summit opened in Jakarta on 20 June 2024.", "en") == ["2024-06-20"]
    assert values("Prices rose sharply in February 2022.", "en") == ["2022-02"]


def test_english_weekday_and_inferred_year():
    text = ("Scholz signed eight pacts on Wednesday, October 18, 2023.\n\n"
            "He flew to Jakarta on Tuesday (October 17) after a stop in Singapore.")
    assert values(text, "en") == ["2023-10-18", "2023-10-17"]


def test_english_event_is_trimmed():
    [d] = dates("Russian President Vladimir Putin arrived in Hanoi early on Thursday, "
                "June 20, 2024.", "en")
    assert d.event == "Russian President Vladimir Putin arrived in Hanoi"


def test_english_relative_and_modal_may_are_not_dates():
    assert values("Last month the minister said talks may 2 weeks later resume.", "en") == []
    assert values("The deal was signed last Wednesday.", "en") == []


def test_dateline_place_is_no_event():
    text = "HANOI, June 20, 2024 (Reuters) - Russian President Vladimir Putin arrived in Hanoi."
    assert values(text, "en") == []
    assert values("Jakarta, Kamis (20/6/2024) - Presiden meresmikan jembatan baru.") == []


def test_english_report_date_is_dropped():
    assert values("The pact was criticised, Reuters reported on Friday, June 21, 2024.", "en") == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    list("0123456789/-.,() \n") + ["Kamis", "Juni", "June", "2024", "pada", "hari", "Rabu",
                                    "tiba", "dini hari", "Monday", "31", "20", " ", "dilansir"]
), max_size=80).map("".join), st.sampled_from(["id", "en"]))
def test_arbitrary_text_never_crashes(text, lang):
    for f in extract_dates(ingest_text(f"T\n\n{text}", "x.txt", lang)):
        s = f.sources[0]
        assert f.text == s.text
        if isinstance(f, DateFact):
            assert len(f.value) in (4, 7, 10)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["id", "en"]))
def test_arbitrary_unicode_never_crashes(text, lang):
    extract_dates(ingest_text(f"T\n\n{text}", "x.txt", lang))


def test_the_year_of_a_regulation_number_is_no_date():
    assert dates("Pelaku dijerat Undang-Undang Darurat Nomor 12 Tahun 1951 oleh polisi.") == []
    assert [d.value for d in dates("Jembatan itu dibangun pada tahun 1998 oleh warga.")] == [
        "1998"]


def test_a_year_after_its_marker_may_end_a_clause_or_a_sentence():
    assert values("The club, founded in 1932, moved to the valley in 2014.", "en") == [
        "1932", "2014"]
    assert values("Pabrik itu berdiri sejak 1998, lalu pindah pada 2015.") == ["1998", "2015"]
    assert values("The score was 2014-15 in 2,014 games.", "en") == []


def test_a_date_without_year_takes_the_year_of_the_page_when_the_body_has_none():
    doc = ingest_text(" date 2023-11-22 The council met after the November 1 vote and chose "
                      "a new mayor, officials said.\n\nThe mayor spoke on Friday.", "t.txt", "en")
    assert [d.value for d in extract_dates(doc) if isinstance(d, DateFact)] == ["2023-11-01"]


def test_both_ends_of_a_range_of_years_or_months_are_dates():
    assert values("Ia bertugas di Bandung pada tahun 2001-2004.") == ["2001", "2004"]
    assert values("Pada periode Maret hingga Juli 2022 tercatat 90 kasus.") == [
        "2022-03", "2022-07"]
    assert values("Prices rose between April and September 2024, the agency said.", "en") == [
        "2024-04", "2024-09"]
