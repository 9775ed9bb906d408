"""Hand-made facts about an invented summit (the fact model is the contract with extraction)."""

import pytest

from quizgen.facts import Conflict, Count, DateFact, Person, Quote, Side, Source
from quizgen.generate import Corpus

# two articles: a deck of several, so stems name the article ('Menurut artikel "..."')
DOC_A, DOC_B = "kunjungan_norwegia.txt", "nota-energi.txt"
SENTENCES = {
    (DOC_A, 0): "Perdana Menteri Norwegia Ingrid Solberg tiba di Jakarta pada Selasa (14-05-2024).",
    (DOC_A, 1): "Solberg dan Widodo menandatangani 9 nota kesepahaman di bidang energi.",
    (DOC_A, 2): '"Kami ingin memperluas kerja sama energi hijau dengan Indonesia," kata Solberg.',
    (DOC_A, 3): '"Kunjungan ini membuka babak baru hubungan kedua negara di bidang perikanan," '
                "ujar Widodo.",
    (DOC_B, 0): "Menteri Luar Negeri Indonesia Retno Marsudi mendampingi kunjungan itu.",
    (DOC_B, 1): '"Kesepakatan ini penting bagi nelayan kecil di seluruh pesisir utara," '
                "kata Retno.",
    (DOC_B, 2): '"Kami akan memantau pelaksanaan setiap nota dengan sangat cermat," '
                "kata Hans Berg, analis di Universitas Oslo.",
    (DOC_B, 3): "Delegasi itu berangkat pada Rabu atau Kamis.",
    (DOC_B, 4): "Kedua negara pertama kali menjalin hubungan pada Maret 1950.",
}


def src(doc, i, text=None):
    s = SENTENCES[(doc, i)]
    text = text or s
    start = s.find(text)
    return Source(doc=doc, sentence=i, start=start, end=start + len(text), text=text)


def make_facts():
    return [
        Person("Ingrid Solberg", aliases=["Solberg"], roles=["Perdana Menteri Norwegia"],
               sources=[src(DOC_A, 0, "Perdana Menteri Norwegia Ingrid Solberg")]),
        Person("Joko Widodo", aliases=["Widodo"], roles=["Presiden Indonesia"],
               sources=[src(DOC_A, 1, "Widodo")]),
        Person("Retno Marsudi", aliases=["Retno"], roles=["Menteri Luar Negeri Indonesia"],
               sources=[src(DOC_B, 0, "Menteri Luar Negeri Indonesia Retno Marsudi")]),
        Person("Hans Berg", aliases=["Berg"], roles=["analis di Universitas Oslo"],
               sources=[src(DOC_B, 2, "Hans Berg, analis di Universitas Oslo")]),
        Person("Lars Eriksen", roles=["Duta Besar Norwegia untuk Indonesia"],
               sources=[src(DOC_B, 0, "Menteri")]),
        DateFact("2024-05-14", "Selasa (14-05-2024)",
                 "Perdana Menteri Norwegia Ingrid Solberg tiba di Jakarta pada Selasa (14-05-2024)",
                 sources=[src(DOC_A, 0, "Selasa (14-05-2024)")]),
        DateFact("1950-03", "Maret 1950",
                 "Kedua negara pertama kali menjalin hubungan pada Maret 1950",
                 sources=[src(DOC_B, 4, "Maret 1950")]),
        Count(9, "nota kesepahaman", "9 nota kesepahaman",
              event="Solberg dan Widodo menandatangani 9 nota kesepahaman di bidang energi",
              sources=[src(DOC_A, 1, "9 nota kesepahaman")]),
        Quote("Ingrid Solberg", "Kami ingin memperluas kerja sama energi hijau dengan Indonesia",
              True, "kata", sources=[src(DOC_A, 2)]),
        Quote("Joko Widodo",
              "Kunjungan ini membuka babak baru hubungan kedua negara di bidang perikanan",
              True, "ujar", sources=[src(DOC_A, 3)]),
        Quote("Retno Marsudi",
              "Kesepakatan ini penting bagi nelayan kecil di seluruh pesisir utara", True, "kata",
              sources=[src(DOC_B, 1)]),
        Quote("Hans Berg", "Kami akan memantau pelaksanaan setiap nota dengan sangat cermat",
              True, "kata", sources=[src(DOC_B, 2)]),
    ]


def make_corpus(facts=None, lang="id"):
    return Corpus(facts=make_facts() if facts is None else facts, lang=lang,
                  titles={DOC_A: "Solberg di Jakarta", DOC_B: "Nota energi"},
                  sentences=dict(SENTENCES))


def weekday_conflict():
    return Conflict("tanggal keberangkatan delegasi", ["Rabu", "Kamis"],
                    sides=[Side("Rabu", [src(DOC_B, 3, "Rabu")]),
                           Side("Kamis", [src(DOC_B, 3, "Kamis")])])


@pytest.fixture
def corpus():
    return make_corpus()
