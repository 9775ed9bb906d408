"""The fast YAML writer and reader: whatever is written reads back exactly, as PyYAML reads it."""

import string

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen import safetext, yamlio
from quizgen.errors import QuizgenError

TRICKY = [
    "", " ", "a: b", "a:b", "key:", "# not a comment", "a #b", "a# b", "- item", "-", "-5", "?",
    "? x", ":x", "yes", "no", "No", "on", "OFF", "y", "~", "null", "Null", "true", "1e3", "1.0e+3",
    "0x1F", "0o17", "1_000", "1:30", "12:30:45", ".inf", "-.Inf", ".nan", "2024-06-20", "=", "<<",
    "tab\there", "\ttab first", "new\nline", "trailing newline\n", "two\n\n", "\n", "\nleading",
    " leading space", "trailing space ", "line \nwith trailing space", "'single'", '"double"',
    "it's", "a\x01b", "\x7f", "\x85nel", "line\u2028sep", "\ufeffbom", "emoji 🎉 ok", "&anchor",
    "*alias", "!tag", "|", ">", "%", "@", "`", "[x]", "{x: 1}", "a, b", "---", "...", "\r\n",
    "ünïcödé", "Jumat, 21 Juni 2024.", "100%", "#", "a\u00a0", "\u00a0",
    "a\n---\nb", "a\n...\n", "a\n# c", "a\n  indented", "a\n\n\nb", "x\n- y", "k: v\nz: w",
    "ends\n\n", "a\n \nb", "a\n\tb", "| not a block", "it's\n'quoted'",
]

# any text without surrogates (a str that UTF-8 cannot encode is not a deck's concern)
texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"))
words = st.lists(st.sampled_from(TRICKY) | st.text(string.ascii_letters + "'#:-\"", max_size=12),
                 min_size=10, max_size=60).map(" ".join)
scalars = (st.none() | st.booleans() | st.integers() | st.floats() | texts | words
           | st.sampled_from(TRICKY))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(texts | st.sampled_from(TRICKY), inner, max_size=4),
                      max_leaves=20)


def _same(a, b) -> bool:
    """Equality where NaN equals NaN."""
    if isinstance(a, float) and a != a:
        return isinstance(b, float) and b != b
    if isinstance(a, dict):
        return (isinstance(b, dict) and list(a) == list(b)
                and all(_same(a[k], b[k]) for k in a))
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_read_back_as_themselves(text):
    doc = {text: text, "list": [text, [text]], "map": {"k": text}}
    dumped = yamlio.dump_fast(doc)
    assert yaml.safe_load(dumped) == doc
    assert yamlio.load_text(dumped, "t.yaml").data == doc


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(texts | st.sampled_from(TRICKY), values, max_size=6))
def test_anything_round_trips_through_both_readers(doc):
    dumped = yamlio.dump_fast(doc)
    assert _same(yaml.load(dumped, Loader=yaml.SafeLoader), doc)  # pure-Python reader too
    assert _same(yamlio.load_text(dumped, "t.yaml").data, doc)
    assert yamlio.dump_fast(doc) == dumped  # deterministic


@settings(max_examples=200, deadline=None)
@given(words, st.integers(0, 6))
def test_long_text_is_folded_readably_and_reads_back(text, depth):
    doc: object = {"stem": text}
    for _ in range(depth):
        doc = {"nested": [doc]}
    dumped = yamlio.dump_fast(doc)
    assert yamlio.load_text(dumped, "t.yaml").data == doc
    if yamlio._is_plain(text):
        assert all(len(line) <= yamlio.WIDTH or " " not in line.strip()[yamlio.WIDTH:]
                   for line in dumped.splitlines() if line.strip().startswith(text[:5]))


@settings(max_examples=500, deadline=None)
@given(st.text(st.characters(max_codepoint=127), min_size=1) | st.sampled_from(TRICKY[1:])
       | words)
def test_the_ascii_shortcut_decides_as_the_regex(text):
    if text.isascii():
        assert yamlio._ascii_not_plain(text) == bool(yamlio._NOT_PLAIN.search(text))


def test_layout_is_block_style_one_key_per_line():
    doc = {"questions": [{"id": "q-1", "options": ["A", "11"], "fact": {}, "sources": [],
                          "text": "first line\nsecond line"}]}
    assert yamlio.dump_fast(doc) == (
        "questions:\n"
        "- id: q-1\n"
        "  options:\n"
        "  - A\n"
        "  - '11'\n"
        "  fact: {}\n"
        "  sources: []\n"
        "  text: |-\n"
        "    first line\n"
        "    second line\n"
    )


def test_matches_pyyaml_layout_on_ordinary_data():
    doc = {"title": "Contoh", "settings": {"seed": 0, "options": 4}, "questions": [
        {"stem": "Siapa yang mengatakan, \"Kami bertekad untuk memperdalam kemitraan strategis "
                 "komprehensif dengan negara itu, yang masih menjadi salah satu prioritas\"?",
         "options": ["10", "Ya", "it's"], "answer": 1, "ok": True, "via": None,
         "sources": [{"doc": "a.txt", "start": 3}]}]}
    assert yamlio.dump_fast(doc) == yaml.safe_dump(
        doc, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def test_streamed_lists_accept_generators():
    chunks = list(yamlio.dump_chunks({"a": 1, "items": (i for i in range(3))}, lists=["items"]))
    assert chunks == ["a: 1\n", "items:\n", "- 0\n", "- 1\n", "- 2\n"]
    assert list(yamlio.dump_chunks({"items": iter(())}, lists=["items"])) == ["items: []\n"]


def test_dates_a_user_typed_are_written_back_as_dates():
    import datetime as dt

    data = {"day": dt.date(2024, 6, 19), "at": dt.datetime(2024, 6, 19, 8, 30)}
    text = yamlio.dump_fast(data)
    assert text == yamlio.dump(data)
    assert yaml.safe_load(text) == data


def test_unknown_types_are_refused():
    with pytest.raises(TypeError):
        yamlio.dump_fast({"x": object()})


@pytest.mark.parametrize("text", [
    "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",  # anchors and merge keys
    "a: !!str 123\nb: !!int '7'\n",  # explicit tags
    "when: 2024-06-20\nat: 2024-06-20 10:00:00\nn: 0x1F\nm: 1:30\nf: .inf\nb: yes\n",
    "? [complex, key]\n: v\n",
    "dup: 1\ndup: 2\n",
    "",
    "--- just a string\n",
])
def test_fast_reader_reads_what_pyyaml_reads(text):
    try:
        expected = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        with pytest.raises(QuizgenError):
            yamlio.load_text(text, "t.yaml")
        return
    assert yamlio.load_text(text, "t.yaml").data == expected


@pytest.mark.parametrize(("text", "line"), [
    ("a: 1\nb: [unclosed\n", 3), ("a: 1\n---\nb: 2\n", 2), ("a: =\n", None),
    ("a: b: c\n", 1),
])
def test_errors_are_one_line_with_file(text, line, tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    for load in (lambda: yamlio.load_file(path), lambda: yamlio.load_text(text, str(path))):
        with pytest.raises(QuizgenError) as info:
            load()
        message = str(info.value)
        assert message.startswith(f"{path}:" + (f"{line}:" if line else ""))
        assert "\n" not in message


def test_file_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"title: \xff\xfe broken\n")
    with pytest.raises(QuizgenError, match="not UTF-8"):
        yamlio.load_file(bad)
    with pytest.raises(QuizgenError, match="is a folder"):
        yamlio.load_file(tmp_path)
    with pytest.raises(QuizgenError, match="no such file"):
        yamlio.load_file(tmp_path / "none.yaml")


def test_lines_are_found_after_a_fast_read(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufeffa: 1\nitems:\n- x\n- y: 2\n".encode())
    loc = yamlio.load_file(path)
    assert loc.data == {"a": 1, "items": ["x", {"y": 2}]}
    assert loc.line("items", 1, "y") == 4
    assert loc.line("nope") == 1


def test_without_libyaml_the_python_reader_is_used(monkeypatch, tmp_path):
    monkeypatch.setattr(yamlio, "_Parser", yaml.SafeLoader)
    monkeypatch.setattr(yamlio, "_Loader", yaml.SafeLoader)
    doc = {"a": [1, "two", {"t": "x\ny", "yes": "no"}], "b": None}
    path = tmp_path / "x.yaml"
    path.write_text(yamlio.dump_fast(doc), encoding="utf-8")
    loc = yamlio.load_file(path)
    assert loc.data == doc
    assert loc.line("a", 2, "yes") == 7  # after the two-line literal block
    path.write_bytes(b"a: \xff\n")
    with pytest.raises(QuizgenError, match="not UTF-8"):
        yamlio.load_file(path)
    path.write_text("a: [1\n", encoding="utf-8")
    with pytest.raises(QuizgenError, match=r"x\.yaml:2: YAML syntax error"):
        yamlio.load_file(path)


def _bomb(levels: int = 10) -> str:
    """'Billion laughs': each level a list of nine aliases of the level before."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_before_it_is_built(tmp_path):
    text = _bomb()  # 9**10 strings from 600 bytes
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    for load in (lambda: yamlio.load_file(path), lambda: yamlio.load_text(text, str(path))):
        with pytest.raises(QuizgenError, match="alias bomb") as info:
            load()
        assert str(info.value).startswith(f"{path}: aliases (*name) expand past ")


def test_an_alias_inside_its_own_anchor_is_refused():
    with pytest.raises(QuizgenError, match=r"^t\.yaml:1: nested .* an alias inside its own"):
        yamlio.load_text("a: &a [x, *a]\n", "t.yaml")


def test_aliases_within_the_budget_are_read_as_pyyaml_reads_them():
    text = _bomb(4) + "again: [*l3, *l3]\n"  # 9**4 * 3 strings: a legitimate, if odd, file
    assert yamlio.load_text(text, "t.yaml").data == yaml.safe_load(text)


@pytest.mark.parametrize("anchor", ["", "a: &x 1\n"])  # the fast reader, and PyYAML's
def test_nesting_deeper_than_the_stack_allows_is_refused_with_its_line(anchor):
    depth = yamlio.MAX_DEPTH
    ok = anchor + "b:\n" + "".join(f"{' ' * n}- \n" for n in range(depth - 2)) + " " * depth + "x\n"
    assert yamlio.load_text(ok, "t.yaml").data["b"]
    deep = anchor + "b: " + "[" * (depth + 1) + "]" * (depth + 1) + "\n"
    line = anchor.count("\n") + 1
    with pytest.raises(QuizgenError, match=rf"^t\.yaml:{line}: nested more than {depth} levels"):
        yamlio.load_text(deep, "t.yaml")


@pytest.mark.parametrize("text", [
    'title: "\\e]0;pwned\\aHarbour \\e[31mweek\\x7f"\n"key\\e[2J": ["\\x9b31mx", plain]\n',
    'a: &x "\\e]0;pwned\\aHarbour \\e[31mweek\\x7f"\nb: *x\n"key\\e[2J": !!str "\\x9b31mx"\n',
])
def test_clean_text_drops_control_characters_from_every_string(text):
    def strings(value):
        if isinstance(value, dict):
            return [s for k, v in value.items() for s in (*strings(k), *strings(v))]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return [value] if isinstance(value, str) else []

    kept = strings(yamlio.load_text(text, "t.yaml").data)
    assert any("\x1b" in s for s in kept)  # by default, what was written reads back exactly
    shown = strings(yamlio.load_text(text, "t.yaml", clean_text=True).data)
    assert "Harbour week" in shown and "key" in shown and "x" in shown
    assert not any(safetext.CONTROL.search(s) for s in shown)
