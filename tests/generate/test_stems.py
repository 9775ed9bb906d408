"""Stems that read well: a deck of several articles names the article a question asks about,
and a quotation inside a stem has well-formed quotation marks (issue 14).

The articles are invented: a suspension bridge that gave way in a village (Indonesian), a
lighthouse keeper who retired (English)."""

from quizgen.facts import Count, DateFact, Person, Quote, Source
from quizgen.generate import Corpus, generate
from quizgen.generate.text import balanced_quotes, nest_quotes, tidy_question_mark
from quizgen.templates import Template, load_builtin

BRIDGE, MARKET = "berita/jembatan_sukarame.txt", "berita/pasar-apung.txt"
BRIDGE_SENTENCES = [
    "Kepala Desa Sukarame Wulan Pratiwi memimpin evakuasi warga.",
    "Jembatan gantung itu putus pada Jumat (7/3/2025) sore.",
    '"Kami sudah tiga kali meminta perbaikan jembatan ini," kata Wulan pada 9 Maret 2025.',
    "Camat Lembah Hijau Bayu Setiawan meninjau lokasi.",
]
MARKET_SENTENCES = [
    "Ketua Paguyuban Pedagang Rini Astuti membuka pasar apung itu.",
    "Bendahara Paguyuban Pedagang Doni Saputra mencatat 46 perahu dagang.",
    "Ketua RT Agus Salim ikut menata perahu.",
    "Pengelola Parkir Pasar Tono Wibisono mengatur kendaraan.",
]


def source(doc, sentences, i, text):
    start = sentences[i].index(text)
    return Source(doc, i, start, start + len(text), text)


def village_facts():
    b, m = BRIDGE_SENTENCES, MARKET_SENTENCES
    return [
        Person("Wulan Pratiwi", aliases=["Wulan"], roles=["Kepala Desa Sukarame"],
               sources=[source(BRIDGE, b, 0, "Kepala Desa Sukarame Wulan Pratiwi")]),
        Person("Bayu Setiawan", roles=["Camat Lembah Hijau"],
               sources=[source(BRIDGE, b, 3, "Camat Lembah Hijau Bayu Setiawan")]),
        Person("Rini Astuti", roles=["Ketua Paguyuban Pedagang"],
               sources=[source(MARKET, m, 0, "Ketua Paguyuban Pedagang Rini Astuti")]),
        Person("Doni Saputra", roles=["Bendahara Paguyuban Pedagang"],
               sources=[source(MARKET, m, 1, "Bendahara Paguyuban Pedagang Doni Saputra")]),
        Person("Agus Salim", roles=["Ketua RT"],
               sources=[source(MARKET, m, 2, "Ketua RT Agus Salim")]),
        Person("Tono Wibisono", roles=["Pengelola Parkir Pasar"],
               sources=[source(MARKET, m, 3, "Pengelola Parkir Pasar Tono Wibisono")]),
        DateFact("2025-03-09", "9 Maret 2025", "kata Wulan pada 9 Maret 2025",
                 sources=[source(BRIDGE, b, 2, "9 Maret 2025")]),
        DateFact("2025-03-07", "Jumat (7/3/2025)", "Jembatan gantung itu putus",
                 sources=[source(BRIDGE, b, 1, "Jumat (7/3/2025)")]),
        Count(46, "perahu dagang", "46 perahu dagang", event=MARKET_SENTENCES[1],
              sources=[source(MARKET, m, 1, "46 perahu dagang")]),
    ]


def village(titles, facts=None):
    sentences = {(BRIDGE, i): s for i, s in enumerate(BRIDGE_SENTENCES)}
    sentences |= {(MARKET, i): s for i, s in enumerate(MARKET_SENTENCES)}
    return Corpus(facts=village_facts() if facts is None else facts, lang="id",
                  titles=titles, sentences=sentences)


def stems(corpus, lang="id", template=None, options=4):
    templates = load_builtin(lang).templates
    return [q.stem for q in generate(corpus, templates, options=options).questions
            if template is None or q.template == template]


# --- 1. which article? ----------------------------------------------------------------------

def test_a_deck_of_several_articles_names_the_article_by_its_title():
    corpus = village({BRIDGE: "Jembatan Gantung Putus di Sukarame", MARKET: "Pasar Apung Dibuka"})
    got = stems(corpus, template="pemegang-jabatan")
    assert 'Menurut artikel "Jembatan Gantung Putus di Sukarame", siapa Camat Lembah Hijau?' \
        in got
    assert 'Menurut artikel "Pasar Apung Dibuka", siapa Ketua Paguyuban Pedagang?' in got
    assert not any("artikel ini" in s for s in stems(corpus))


def test_a_deck_of_one_article_keeps_this_article():
    facts = [f for f in village_facts() if f.sources[0].doc == BRIDGE]
    corpus = village({BRIDGE: "Jembatan Gantung Putus di Sukarame"}, facts)
    got = stems(corpus, options=2)
    assert "Menurut artikel ini, apa jabatan Bayu Setiawan?" in got
    assert "Menurut artikel ini, siapa Camat Lembah Hijau?" in got


def test_english_names_the_article_by_its_title_in_quotation_marks():
    doc_a, doc_b = "keeper.txt", "harbour.txt"
    facts = [Person(f"{first} Marlow", roles=[f"{job} of the Harbour Trust"],
                    sources=[Source(doc, 0, 0, 1, "x")])
             for first, job, doc in [("Edith", "chair", doc_a), ("Colm", "treasurer", doc_a),
                                     ("Ines", "secretary", doc_b), ("Ravi", "patron", doc_b),
                                     ("Jude", "warden", doc_b)]]
    corpus = Corpus(facts=facts, lang="en", titles={
        doc_a: "Lighthouse keeper retires after forty winters", doc_b: "Harbour gets new crane"})
    got = stems(corpus, "en")
    assert ('According to "Lighthouse keeper retires after forty winters", who is the chair '
            "of the Harbour Trust?") in got
    assert "According to \"Harbour gets new crane\", what is Ines Marlow's role?" in got


def test_without_a_usable_title_the_file_name_names_the_article():
    corpus = village({BRIDGE: "", MARKET: "https://pasar.example/berita"})
    got = stems(corpus, template="pemegang-jabatan")
    assert 'Menurut artikel "Jembatan sukarame", siapa Camat Lembah Hijau?' in got
    assert 'Menurut artikel "Pasar apung", siapa Ketua Paguyuban Pedagang?' in got


def test_two_articles_with_one_title_are_told_apart_by_their_file_names():
    corpus = village({BRIDGE: "Berita Desa", MARKET: "Berita Desa"})
    assert 'Menurut artikel "Jembatan sukarame", apa jabatan Bayu Setiawan?' in stems(corpus)


def test_a_title_that_names_the_answer_gives_way_to_the_file_name():
    corpus = village({BRIDGE: "Wulan Pratiwi Pimpin Evakuasi", MARKET: "Pasar Apung Dibuka"})
    got = stems(corpus, template="pemegang-jabatan")
    assert 'Menurut artikel "Jembatan sukarame", siapa Kepala Desa Sukarame?' in got
    assert 'Menurut artikel "Wulan Pratiwi Pimpin Evakuasi", siapa Camat Lembah Hijau?' in got


def test_titles_are_plain_one_line_and_bounded():
    corpus = village({
        BRIDGE: "<b>Jembatan</b> **Gantung** Putus:\nWarga Sukarame Terpaksa Menyeberang "
                "Sungai dengan Rakit Bambu Setiap Pagi",
        MARKET: 'Pedagang Sebut Pasar Apung "Harapan Baru"',
    })
    got = stems(corpus, template="pemegang-jabatan")
    assert ('Menurut artikel "Jembatan Gantung Putus: Warga Sukarame Terpaksa Menyeberang…", '
            "siapa Camat Lembah Hijau?") in got
    # the title's own quotation marks are nested inside the stem's
    assert "Menurut artikel \"Pedagang Sebut Pasar Apung 'Harapan Baru'\", siapa Ketua RT?" in got
    assert all("\n" not in s and "<" not in s and "*" not in s for s in got)


def test_a_users_old_template_without_article_keeps_its_wording():
    corpus = village({BRIDGE: "Jembatan Gantung Putus di Sukarame", MARKET: "Pasar Apung Dibuka"})
    old = Template(id="jabatan-lama", fact="person", stem="Menurut artikel ini, apa jabatan "
                   "{name}?", answer="role", distractors="roles",
                   explanation="Artikel {title} menyebut {name} sebagai {role_np}.")
    questions = generate(corpus, [old]).questions
    q = next(q for q in questions if q.fact["name"] == "Bayu Setiawan")
    assert q.stem == "Menurut artikel ini, apa jabatan Bayu Setiawan?"
    assert q.explanation == ("Artikel Jembatan Gantung Putus di Sukarame menyebut Bayu Setiawan "
                             "sebagai Camat Lembah Hijau.")


# --- 2. quotation marks and the question mark -------------------------------------------------

def test_a_cloze_from_a_quotation_nests_its_marks_inside_the_stems():
    got = stems(village({BRIDGE: "Jembatan Gantung Putus di Sukarame", MARKET: "Pasar Apung"}),
                template="tanggal-rumpang")
    # before: 'Lengkapi kalimat berikut: ""Kami sudah ... ini," kata Wulan pada ____."'
    assert got == ['Lengkapi kalimat berikut: "Jembatan gantung itu putus pada ____ sore."',
                   "Lengkapi kalimat berikut: \"'Kami sudah tiga kali meminta perbaikan jembatan "
                   "ini,' kata Wulan pada ____.\""]
    assert all('""' not in s and balanced_quotes(s) for s in got)


def _quotes(*texts):
    people = ["Wulan Pratiwi", "Bayu Setiawan", "Rini Astuti", "Doni Saputra"]
    return [Quote(who, text, True, "kata", sources=[source(BRIDGE, BRIDGE_SENTENCES, 2, "Kami")])
            for who, text in zip(people, texts, strict=False)]


def test_a_quotation_ending_a_question_has_no_stop_before_the_question_mark():
    facts = _quotes("Kami sudah tiga kali meminta perbaikan jembatan ini.",
                    "Apakah jembatan baru bisa selesai tahun ini?",
                    "Rakit bambu bukan jalan keluar yang aman bagi anak sekolah.",
                    "Perahu kami cukup untuk semua pedagang di pasar.")
    got = stems(village({BRIDGE: "Jembatan", MARKET: "Pasar"}, facts), template="siapa-berkata")
    assert 'Siapa yang mengatakan, "Kami sudah tiga kali meminta perbaikan jembatan ini"?' in got
    assert 'Siapa yang mengatakan, "Apakah jembatan baru bisa selesai tahun ini?"' in got
    assert not any('."?' in s or '?"?' in s for s in got)


def test_a_quotation_inside_a_quotation_is_nested_and_a_mark_cut_off_is_dropped():
    long = ('Warga menyebut jembatan itu "jembatan doa karena setiap orang yang lewat harus '
            'berdoa dulu sebelum menyeberang sungai yang deras dan dalam itu"')
    facts = _quotes(long, 'Kami menamai pasar ini "pasar harapan" sejak hari pertama',
                    "Rakit bambu bukan jalan keluar yang aman bagi anak sekolah.",
                    "Perahu kami cukup untuk semua pedagang di pasar.")
    got = stems(village({BRIDGE: "Jembatan", MARKET: "Pasar"}, facts), template="siapa-berkata")
    assert "Siapa yang mengatakan, \"Kami menamai pasar ini 'pasar harapan' sejak hari " \
           "pertama\"?" in got
    # 20 words: the closing mark of the inner quotation is cut off, so its opening one goes
    assert 'Siapa yang mengatakan, "Warga menyebut jembatan itu jembatan doa karena setiap ' \
           'orang yang lewat harus berdoa dulu sebelum menyeberang sungai yang deras dan…"?' in got
    assert all(balanced_quotes(s) and '""' not in s for s in got)


def test_a_users_cloze_template_ending_in_a_question_mark():
    corpus = village({BRIDGE: "Jembatan", MARKET: "Pasar"})
    mine = Template(id="isian", fact="count", stem='Angka berapa yang hilang dari "{cloze}"?',
                    answer="value", distractors="nearby-numbers")
    (q,) = generate(corpus, [mine]).questions
    assert q.stem == ('Angka berapa yang hilang dari "Bendahara Paguyuban Pedagang Doni Saputra '
                      'mencatat ____ perahu dagang"?')


def test_tidy_question_mark_keeps_abbreviations_and_ellipses():
    assert tidy_question_mark('Who said, "We waited."?') == 'Who said, "We waited"?'
    assert tidy_question_mark("Who leads the U.S.?") == "Who leads the U.S.?"
    assert tidy_question_mark("Who is Sam Reed Jr.?", frozenset({"jr."})) == "Who is Sam Reed Jr.?"
    assert tidy_question_mark('Who said, "We waited…"?') == 'Who said, "We waited…"?'
    assert tidy_question_mark('Who said, "Then what?"?') == 'Who said, "Then what?"'
    assert tidy_question_mark('Who said, "We waited,"?') == 'Who said, "We waited"?'


def test_nest_quotes():
    assert nest_quotes('"Kami siap," kata Wulan.') == "'Kami siap,' kata Wulan."
    assert nest_quotes("Disebut “pasar harapan” oleh warga") == "Disebut ‘pasar harapan’ oleh warga"
    assert nest_quotes('"Kami siap menunggu') == "Kami siap menunggu"
    assert nest_quotes("tanpa tanda kutip") == "tanpa tanda kutip"


def test_words_addressed_to_someone_are_asked_with_their_own_verb():
    # "meminta warga agar ..." is no that-clause: "siapa yang mengatakan bahwa warga agar ..."
    # would not read; the question uses the verb of the article instead.
    said = "warga agar mengungsi ke balai desa sebelum malam"
    facts = [*village_facts(), Quote("Wulan Pratiwi", said, direct=False, cue="meminta",
                                     sources=[source(BRIDGE, BRIDGE_SENTENCES, 0, "Wulan")])]
    corpus = village({BRIDGE: "Jembatan Sukarame putus"}, facts)
    quote_stems = [s for s in stems(corpus) if said in s]
    assert quote_stems == [
        "Menurut artikel ini, siapa yang meminta warga agar mengungsi ke balai desa sebelum malam?"
    ]
