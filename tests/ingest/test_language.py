"""Language identification: Indonesian (Malay counts as Indonesian) or English."""

import pytest

from quizgen.ingest.language import detect_language


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
