"""Two fixture pages full of page furniture (read counters, reading times, related-story
blocks with dates, comment notices, republished notes, promotions), in both languages: the
furniture goes with its reason, and real sentences that mention "read", "dibaca" or
"related" stay."""

from pathlib import Path

from quizgen.ingest import read_document

ARTICLES = Path(__file__).parents[1] / "fixtures" / "articles"


def sentences(name: str) -> list[str]:
    return [s.text for s in read_document(ARTICLES / name).sentences]


def removed(name: str) -> list[tuple[str, str]]:
    return [(r.reason, r.text) for r in read_document(ARTICLES / name).removed]


def test_english_page():
    assert sentences("en_ferry_related.txt") == [
        "The island ferry returned to service on Wednesday after a"
        " three-week break for engine repairs, the operator said.",
        "Operations manager Colin Brandt said the vessel would run six crossings a day until the"
        " summer timetable begins.",
        '"Everything was checked twice. We are confident in the new engines," he said.',
        '"Passengers can book online again." The harbour board said in a statement.',
        "Related talks with the harbour board covered a second berth for freight, which could"
        " open next year.",
        "Fares stay at $14 for adults, though the related parking charge rises by $1 in April.",
    ]
    assert removed("en_ferry_related.txt") == [
        ("byline", "By Dana Whitlow"),
        ("counter", "4 min read"),
        ("dateline", "PORT ELLIS, March 12 -"),
        (
            "promo",
            "Sign up for our morning briefing, delivered to your inbox every weekday."
            " Follow Harbour Daily on Instagram.",
        ),
        ("related", "RELATED STORIES"),
        ("related", "Harbour board approves budget for new breakwater"),
        ("related", "9 February 2025"),
        ("related", "Fishing fleet returns early as storm season ends"),
        ("related", "2 February 2025"),
        ("comment-form", "Comments may take up to 24 hours to appear"),
        ("comment-form", "Comments (12)"),
        (
            "comment-form",
            "We reserve the right to remove comments that break our community rules.",
        ),
    ]


def test_indonesian_page():
    assert sentences("id_pasar_ikan.txt") == [
        "PESISIR UTARA - Pemerintah kabupaten meresmikan pasar ikan baru di pesisir utara pada"
        " Rabu (11/6/2025) pagi.",
        "Pasar itu menampung 240 pedagang dan dilengkapi ruang pendingin.",
        # a stray full stop before a quote: the quote is a new sentence, kept with its cue
        "Kepala Dinas Perikanan, Ir. Wahyu Santoso, mengatakan.",
        "“Pasar buka setiap hari mulai pukul 04.00. Retribusi tidak naik,” kata Wahyu.",
        "Ia menambahkan buku panduan pasar sudah dibaca 300 pedagang sebelum peresmian.",
        "Biaya pembangunan mencapai Rp 1,5 miliar, dll.",
        "Dana berasal dari APBD.",
    ]
    assert [reason for reason, _ in removed("id_pasar_ikan.txt")] == [
        "counter",
        "counter",
        "promo",
        "related",
        "related",
        "related",
        "related",
        "comment-form",
        "comment-form",
        "republished",
    ]
