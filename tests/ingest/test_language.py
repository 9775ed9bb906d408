"""Language identification: Indonesian (Malay counts as Indonesian) or English."""

import pytest

from quizgen.ingest.language import by_markers, detect_language


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Presiden tiba di ibu kota pada hari Rabu setelah pertemuan dengan para menteri.", "id"),
        # Malay wording: still our Indonesian
        ("Kerajaan akan melaksanakan dasar baharu itu mulai bulan hadapan, kata menteri.", "id"),
        ("The president arrived in the capital on Wednesday after meeting the ministers.", "en"),
        ("", "id"),
        ("12345 !!! ---", "id"),
    ],
)
def test_detect(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Presiden tiba di ibu kota pada hari Rabu setelah pertemuan dengan para menteri.", "id"),
        ("The president arrived in the capital on Wednesday after meeting the ministers.", "en"),
        ("Back To Top Back To Top Back To Top Back To Top", None),  # one word repeated
        ("Putin Hanoi Vietnam Moskow", None),  # no function words: the model decides
        ("The minister said di Jakarta dan di Bandung yang ini itu", None),  # mixed
    ],
)
def test_markers_decide_only_clear_cut_samples(text, lang):
    assert by_markers(text) == lang


def test_marker_words_belong_to_one_language():
    from quizgen.lang import LANGUAGES, data

    lists = [{str(w).casefold() for w in data(lang, "detect")["markers"]} for lang in LANGUAGES]
    assert all(len(words) >= 20 for words in lists)
    assert set.intersection(*lists) == set()
