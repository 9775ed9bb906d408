"""Exported .apkg files, re-imported with the official ``anki`` package into a fresh collection.

``anki`` is AGPL and used only here, as the judge of what Anki really does with our files.
"""

import html
import time
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition

from quizgen.deck import Deck, Question, QuestionSource, load_deck, save_deck
from quizgen.export import anki as anki_export
from quizgen.export import export
from quizgen.export.questions import enabled_items

ALWAYS = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path, **options):
    request = ImportAnkiPackageRequest(package_path=str(path),
                                       options=ImportAnkiPackageOptions(**options))
    return col.import_anki_package(request).log


def notes_by_guid(col: Collection) -> dict:
    return {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}


def card_of(col: Collection, note):
    return col.get_card(note.card_ids()[0])


def test_counts_fields_tags_and_deck(col, tmp_path, berita):
    out = tmp_path / "berita.apkg"
    assert export(berita, "anki", out) == 3
    log = import_apkg(col, out)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (3, 0, 0)
    assert col.note_count() == col.card_count() == 3  # the disabled question is left out

    notes = notes_by_guid(col)
    assert set(notes) == {genanki.guid_for(q) for q in ("id-q1", "id-q2", "id-q3")}
    q1 = dict(notes[genanki.guid_for("id-q1")].items())
    assert q1 == {
        "Question": "Siapa yang mengatakan bahwa kerja sama energi &quot;akan diperluas&quot;?",
        "OptionA": "Nguyen Van An", "OptionB": "Budi Santoso", "OptionC": "Tran Thi Mai",
        "OptionD": "Ahmad Fauzi", "OptionE": "", "OptionF": "",
        "AnswerLetter": "C", "AnswerText": "Tran Thi Mai",
        "Explanation": "Tran Thi Mai menyampaikannya dalam jumpa pers di Hanoi.",
        "Source": '<div class="source-title">Presiden Tiba di Hanoi untuk Kunjungan Dua Hari'
                  '</div><blockquote class="evidence">Kerja sama energi akan diperluas, kata '
                  "Tran Thi Mai kepada wartawan.</blockquote>",
        "QuestionId": "id-q1", "Extra1": "", "Extra2": "",
    }
    assert sorted(notes[genanki.guid_for("id-q1")].tags) == sorted([
        "quizgen", "quizgen::kind::quote", "quizgen::lang::id",
        "quizgen::source::presiden-tiba-di-hanoi-untuk-kunjungan-dua-hari",
    ])
    q3 = notes[genanki.guid_for("id-q3")]
    assert q3["Question"] == \
        "Berapa dokumen kerja sama yang ditandatangani?<br>(jawab dengan angka)"
    assert [q3[f"Option{x}"] for x in "ABCDEF"] == \
        ["11", "12", "-5", "=1+1", "lebih dari 20", "tidak disebutkan"]
    assert q3["Explanation"].endswith("pendidikan &amp; pariwisata.")

    deck_names = [d.name for d in col.decks.all_names_and_ids()]
    assert "quizgen::Kunjungan Kenegaraan ke Hanoi" in deck_names
    assert len(col.find_cards('deck:"quizgen::Kunjungan Kenegaraan ke Hanoi"')) == 3
    model = col.models.by_name("quizgen multiple choice")
    assert [f["name"] for f in model["flds"]] == anki_export.MC_FIELDS


def test_cards_render_question_options_and_highlighted_answer(col, tmp_path, berita):
    out = tmp_path / "berita.apkg"
    export(berita, "anki", out)
    import_apkg(col, out)
    card = card_of(col, notes_by_guid(col)[genanki.guid_for("id-q1")])
    front, back = card.question(), card.answer()
    for text in ("akan diperluas", "A.</span>", "Nguyen Van An", "D.</span>", "Ahmad Fauzi"):
        assert text in front and text in back
    assert "E.</span>" not in front  # empty option slots are not shown
    assert '<div class="answer-line">' not in front and "jumpa pers" not in front
    assert 'class="quizgen answered answer-C"' in back
    assert '<li class="opt opt-C"><span class="letter">C.</span>' in back
    assert '<div class="answer-line">C. Tran Thi Mai</div>' in back
    assert "jumpa pers di Hanoi" in back
    assert "Presiden Tiba di Hanoi" in back and "kepada wartawan" in back
    # The CSS highlight for the answer letter and the dark-mode rules travel with the card.
    assert ".answer-C .opt-C" in back and ".nightMode" in back and ".night_mode" in back


def test_two_options_render_only_two(col, tmp_path, berita):
    out = tmp_path / "b.apkg"
    export(berita, "anki", out)
    import_apkg(col, out)
    front = card_of(col, notes_by_guid(col)[genanki.guid_for("id-q2")]).question()
    assert "B.</span>" in front and "C.</span>" not in front


def test_hostile_text_stays_inert(col, tmp_path, hostile):
    out = tmp_path / "hostile.apkg"
    export(hostile, "anki", out)
    import_apkg(col, out)
    assert col.note_count() == 4
    rendered = ""
    for note in notes_by_guid(col).values():
        card = card_of(col, note)
        rendered += card.question() + card.answer()
        assert card.question_av_tags() == [] and card.answer_av_tags() == []  # no [sound:]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in rendered
    assert "Bob &lt;img src=x onerror=alert(1)&gt;" in rendered
    assert "3 &lt; 4 and 5 &gt; 2" in rendered
    assert "&lt;b&gt;Alice&lt;/b&gt;" in rendered
    assert "Board &lt;i&gt;Notes&lt;/i&gt;" in rendered
    for raw in ("<script", "<img", "<b>", "<i>", "[sound:"):
        assert raw not in rendered
    assert "&#91;sound:boom.mp3]" in rendered
    # Line breaks from the article survive as <br>, both \n and \r\n.
    assert "Multi<br>line<br>explanation" in rendered
    note = notes_by_guid(col)[genanki.guid_for("en:gift~chars")]
    assert note["OptionF"] == "c\\d" and note["QuestionId"] == "en:gift~chars"
    assert "quizgen::source::board-i-notes-i-spring-edition" in \
        notes_by_guid(col)[genanki.guid_for("en-script")].tags
    assert "quizgen::source::no-title" in notes_by_guid(col)[genanki.guid_for("en-aiken")].tags


def test_reexport_after_editing_updates_instead_of_duplicating(col, tmp_path, fixtures_dir):
    deck_path = tmp_path / "deck.yaml"
    save_deck(load_deck(fixtures_dir / "berita-id.yaml"), deck_path)
    out = tmp_path / "deck.apkg"
    export(load_deck(deck_path), "anki", out)
    assert len(import_apkg(col, out).new) == 3

    edited = load_deck(deck_path)
    edited.questions[0].stem = "Siapa yang berbicara soal energi?"
    save_deck(edited, deck_path)
    # Re-exported at once, most likely within the same second as the first export.
    export(load_deck(deck_path), "anki", out)
    log = import_apkg(col, out)  # default update condition: "if newer"
    assert (len(log.new), len(log.duplicate)) == (0, 0)
    # Anki logs every note of a newer package as updated, changed or not.
    assert "Siapa yang berbicara soal energi?" in [n.fields[0] for n in log.updated]
    assert col.note_count() == col.card_count() == 3
    assert notes_by_guid(col)[genanki.guid_for("id-q1")]["Question"] == \
        "Siapa yang berbicara soal energi?"


def test_reexport_to_another_file_a_second_later_updates(col, tmp_path, berita):
    export(berita, "anki", tmp_path / "1.apkg")
    import_apkg(col, tmp_path / "1.apkg")
    berita.questions[1].stem = "Kapan rombongan mendarat?"
    time.sleep(1.05)  # a new file gets no help from export_time(); Anki counts whole seconds
    export(berita, "anki", tmp_path / "2.apkg")
    log = import_apkg(col, tmp_path / "2.apkg")
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 3, 0)
    assert notes_by_guid(col)[genanki.guid_for("id-q2")]["Question"] == \
        "Kapan rombongan mendarat?"


def test_equal_note_times_never_update(col, berita):
    """Why the export time is never fixed: Anki skips a note whose time equals its copy's,
    with the default "if newer" and even with "always"."""
    items = enabled_items(berita)
    first = anki_export.package_bytes(anki_export.build_package(berita, items), 1_700_000_000)
    berita.questions[0].stem = "Diubah"
    second = anki_export.package_bytes(anki_export.build_package(berita, items), 1_700_000_000)
    folder = Path(col.path).parent
    (folder / "1.apkg").write_bytes(first)
    (folder / "2.apkg").write_bytes(second)
    import_apkg(col, folder / "1.apkg")
    log = import_apkg(col, folder / "2.apkg")
    assert (len(log.updated), len(log.duplicate)) == (0, 3)
    assert notes_by_guid(col)[genanki.guid_for("id-q1")]["Question"] != "Diubah"
    log = import_apkg(col, folder / "2.apkg", update_notes=ALWAYS)
    assert (len(log.updated), len(log.duplicate)) == (0, 3)
    assert notes_by_guid(col)[genanki.guid_for("id-q1")]["Question"] != "Diubah"


def test_export_time_moves_past_a_package_written_this_second(tmp_path):
    out = tmp_path / "x.apkg"
    assert abs(anki_export.export_time(out) - time.time()) < 5  # no file yet: now
    out.write_bytes(b"")
    assert anki_export.export_time(out) >= int(out.stat().st_mtime) + 1


def test_basic_cards(col, tmp_path, berita):
    out = tmp_path / "basic.apkg"
    export(berita, "anki", out, card_style="basic")
    assert len(import_apkg(col, out).new) == 3
    note = notes_by_guid(col)[genanki.guid_for("id-q1", "basic")]
    assert note.note_type()["name"] == "quizgen basic"
    assert note["Back"] == "Tran Thi Mai"
    card = card_of(col, note)
    assert "akan diperluas" in card.question() and "Tran Thi Mai" not in card.question()
    assert '<div class="answer-line">Tran Thi Mai</div>' in card.answer()
    assert "kepada wartawan" in card.answer()


def test_basic_and_multiple_choice_do_not_collide(col, tmp_path, berita):
    export(berita, "anki", tmp_path / "mc.apkg")
    export(berita, "anki", tmp_path / "basic.apkg", card_style="basic")
    import_apkg(col, tmp_path / "mc.apkg")
    log = import_apkg(col, tmp_path / "basic.apkg")
    assert (len(log.new), len(log.conflicting)) == (3, 0)
    assert col.note_count() == 6


def test_ids_are_stable():
    assert anki_export.MC_MODEL.model_id == 1_658_392_741
    assert anki_export.BASIC_MODEL.model_id == 1_658_392_742
    assert anki_export.deck_id("quizgen::A") == anki_export.deck_id("quizgen::A")
    assert anki_export.deck_id("quizgen::A") != anki_export.deck_id("quizgen::B")
    assert (1 << 30) <= anki_export.deck_id("quizgen::A") < (1 << 31)


def test_written_atomically_leaving_no_temp_files(tmp_path, berita):
    out = tmp_path / "out" / "berita.apkg"
    export(berita, "anki", out)
    export(berita, "anki", out)
    assert [p.name for p in out.parent.iterdir()] == ["berita.apkg"]


def test_field_escaping_rules():
    assert anki_export.text_field('3 < 4 & "q" [sound:x]\nnext') == \
        "3 &lt; 4 &amp; &quot;q&quot; &#91;sound:x]<br>next"
    assert html.unescape(anki_export.text_field("<img src=x>")) == "<img src=x>"


# Basic cards: every card answers the question its front asks, one card per question, and no
# two cards of a deck with the same front. Invented people and words throughout.

def _bq(qid, stem, options, answer, *, template="custom", kind="quote", fact=None,
        explanation=""):
    src = QuestionSource(doc="sources/lumbra.txt", sentence=1, start=0, end=10,
                         title="Dewan Lumbra Bersidang", text="Orvel Tamsin berbicara.")
    return Question(id=qid, template=template, kind=kind, stem=stem, options=list(options),
                    answer=answer, explanation=explanation, fact=fact or {}, sources=[src])


def _basic_deck() -> Deck:
    orvel = {"kind": "quote", "speaker": "Orvel Tamsin"}
    quotes = ["Jembatan Kelor dibuka tahun depan", "Pasar Wibra tetap buka",
              "Kami menolak <b>pajak</b> [sound:x.mp3]", "Sungai Dalu harus bersih"]
    return Deck(title="Lumbra", language="id", questions=[
        # The same which-quote stem three times: only the options tell them apart.
        _bq("wq-1", "Which of these did Orvel Tamsin say?", quotes, 0, template="which-quote",
            fact=orvel),
        _bq("wq-2", "Which of these did Orvel Tamsin say?", quotes[::-1], 2,
            template="which-quote", fact=orvel),
        _bq("wq-3", "Which of these did Orvel Tamsin say?", quotes[1:], 2,
            template="which-quote", fact=orvel),
        _bq("kt-1", "Manakah dari kutipan berikut yang diucapkan Orvel Tamsin?", quotes, 1,
            template="kutipan-tokoh", fact=orvel),
        # A hand-written template, recognised by its stem.
        _bq("hw-1", "Menurut artikel ini, manakah yang benar tentang Jembatan Kelor?",
            ["Dibangun 1990", "Dibuka tahun depan"], 1, kind="date"),
        # Plain questions: answerable without options.
        _bq("ws-1", 'Siapa yang mengatakan, "Pasar Wibra tetap buka"?',
            ["Orvel Tamsin", "Peri Lanak", "Dosmi Arat"], 0, template="who-said", fact=orvel),
        # The same front and answer twice (two articles): one card.
        _bq("ka-1", "Siapa ketua Dewan Lumbra?", ["Peri Lanak", "Dosmi Arat"], 0,
            kind="person"),
        _bq("ka-2", "Siapa ketua Dewan Lumbra?", ["Dosmi Arat", "Peri Lanak", "Orvel Tamsin"],
            1, kind="person"),
        # The same front, different answers: both show their options.
        _bq("wk-1", "Siapa wakil ketua Dewan Lumbra?", ["Gandi Ruso", "Mela Tirup"], 0,
            kind="person"),
        _bq("wk-2", "Siapa wakil ketua  dewan lumbra?", ["Hobar Sen", "Mela Tirup"], 1,
            kind="person"),
        # The same front and options as wk-1 but another answer: the first one is kept.
        _bq("wk-3", "Siapa wakil ketua Dewan Lumbra?", ["Gandi Ruso", "Mela Tirup"], 1,
            kind="person"),
    ])


def _basic_cards_by_id(col) -> dict:
    """QuestionId -> (note, front, back) for every card, checking one card per note."""
    out = {}
    for note in notes_by_guid(col).values():
        assert len(note.card_ids()) == 1
        card = card_of(col, note)
        out[note["QuestionId"]] = (note, card.question(), card.answer())
    return out


def _stem_html(rendered: str) -> str:
    return rendered.split('<div class="stem">', 1)[1].split("</div>", 1)[0]


def test_basic_which_quote_cards_show_lettered_options_and_answer_letter(col, tmp_path):
    out = tmp_path / "basic.apkg"
    export(_basic_deck(), "anki", out, card_style="basic")
    import_apkg(col, out)
    cards = _basic_cards_by_id(col)
    note, front, back = cards["wq-2"]
    assert note.guid == genanki.guid_for("wq-2", "basic")
    for letter, text in zip("ABCD", ["Sungai Dalu harus bersih",
                                     "Kami menolak &lt;b&gt;pajak&lt;/b&gt; &#91;sound:x.mp3]",
                                     "Pasar Wibra tetap buka",
                                     "Jembatan Kelor dibuka tahun depan"], strict=True):
        expected = f'<span class="letter">{letter}.</span><span class="text">{text}</span>'
        assert expected in front and expected in back
    assert '<div class="answer-line">' not in front
    assert '<div class="answer-line">C. Pasar Wibra tetap buka</div>' in back
    assert "<b>" not in front + back and "[sound:" not in front + back
    assert col.get_card(note.card_ids()[0]).question_av_tags() == []
    assert '<div class="answer-line">B. Pasar Wibra tetap buka</div>' in cards["kt-1"][2]
    assert '<span class="letter">B.</span><span class="text">Dibuka tahun depan' \
        in cards["hw-1"][1]
    assert '<div class="answer-line">B. Dibuka tahun depan</div>' in cards["hw-1"][2]
    # A question answerable from its stem stays a plain question -> answer card.
    note, front, back = cards["ws-1"]
    assert 'class="options"' not in front and "Peri Lanak" not in front
    assert '<div class="answer-line">Orvel Tamsin</div>' in back


def test_basic_one_card_per_question_and_no_repeated_front(col, tmp_path):
    out = tmp_path / "basic.apkg"
    assert export(_basic_deck(), "anki", out, card_style="basic") == 9
    log = import_apkg(col, out)
    assert (len(log.new), len(log.duplicate)) == (9, 0)
    assert col.note_count() == col.card_count() == 9
    cards = _basic_cards_by_id(col)
    assert "ka-2" not in cards and "wk-3" not in cards
    fronts = [front for _, front, _ in cards.values()]
    assert len(set(fronts)) == len(fronts)
    stems = [" ".join(html.unescape(_stem_html(f)).casefold().split()) for f in fronts]
    assert len(set(stems)) == len(stems)
    assert '<div class="answer-line">Peri Lanak</div>' in cards["ka-1"][2]
    # Same front, different answers: the options make the fronts (and answers) distinct.
    assert '<span class="text">Mela Tirup</span>' in cards["wk-1"][1]
    assert '<div class="answer-line">A. Gandi Ruso</div>' in cards["wk-1"][2]
    assert '<div class="answer-line">B. Mela Tirup</div>' in cards["wk-2"][2]


def test_basic_reexport_updates_cards_with_options(col, tmp_path):
    deck = _basic_deck()
    out = tmp_path / "basic.apkg"
    export(deck, "anki", out, card_style="basic")
    import_apkg(col, out)
    deck.questions[0].options[1] = "Pasar Wibra buka sampai malam"
    export(deck, "anki", out, card_style="basic")
    log = import_apkg(col, out)
    assert (len(log.new), len(log.duplicate)) == (0, 0)
    assert col.note_count() == col.card_count() == 9
    front = _basic_cards_by_id(col)["wq-1"][1]
    assert "Pasar Wibra buka sampai malam" in front


@pytest.mark.parametrize(("stem", "options", "answer", "template", "fact", "expected"), [
    ("Which of these did Orvel say?", ["x y", "z w"], 0, "which-quote", {}, True),
    ("Manakah dari kutipan berikut yang diucapkan Orvel?", ["x", "z"], 0, "kutipan-tokoh",
     {}, True),
    ("Orvel said it; which one of the following is it?", ["x", "z"], 1, "t", {}, True),
    ("Pernyataan mana yang benar?", ["x", "z"], 1, "t", {}, True),
    ("Apa kata Orvel?", ["Jembatan dibuka", "Pasar tutup"], 0, "t",
     {"kind": "quote", "speaker": "Orvel"}, True),  # the answer is one of Orvel's quotes
    ("Siapa yang berkata, \"Pasar tutup\"?", ["Orvel", "Peri"], 0, "t",
     {"kind": "quote", "speaker": "Orvel"}, False),
    ("Who chairs the Lumbra council?", ["Peri", "All of the above"], 1, "t", {}, True),
    ("Lengkapi kalimat berikut: \"Pasar dibuka ____\"", ["Senin", "Selasa"], 0, "t", {},
     False),
    ("Which country did Orvel visit?", ["Lumbra", "Dalu"], 0, "t", {}, False),
])
def test_needs_options(stem, options, answer, template, fact, expected):
    q = Question(id="q", template=template, kind="k", stem=stem, options=options,
                 answer=answer, fact=fact)
    assert anki_export.needs_options(q) is expected
