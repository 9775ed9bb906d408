"""GIFT output, parsed back by a small GIFT reader written here (escapes, title, answers)."""

import html
from dataclasses import dataclass, field

import pytest

from quizgen.export import export
from quizgen.export.gift import escape, html_text

SPECIALS = set("~=#{}:")


@dataclass
class GiftQuestion:
    title: str
    text: str
    right: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    general_feedback: str = ""


def tokens(text: str) -> list[tuple[str, bool]]:
    """(character, is_markup): a backslash makes the next character plain text."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append((text[i + 1], False))
            i += 2
        else:
            out.append((text[i], text[i] in SPECIALS))
            i += 1
    return out


def plain(toks: list[tuple[str, bool]]) -> str:
    """The text of a [html] part as a reader sees it: entities decoded, <br> as newline."""
    return html.unescape("".join(c for c, _ in toks).strip().replace("<br>", "\n"))


def parse_question(block: str) -> GiftQuestion:
    toks = tokens(block)
    assert toks[:2] == [(":", True), (":", True)], block
    end = next(i for i in range(2, len(toks)) if toks[i] == (":", True) == toks[i + 1])
    title = "".join(c for c, _ in toks[2:end])
    rest = toks[end + 2:]
    assert "".join(c for c, _ in rest[:6]) == "[html]"
    opening = rest.index(("{", True))
    closing = rest.index(("}", True))
    assert closing == len(rest) - 1, "nothing may follow the answers"
    q = GiftQuestion(title=title, text=plain(rest[6:opening]))
    body, i, current = rest[opening + 1:closing], 0, None
    while i < len(body):
        c, markup = body[i]
        if markup and c in "=~":
            current = ([], c)
            (q.right if c == "=" else q.wrong).append(current[0])
        elif markup and c == "#":
            assert [t for t in body[i:i + 4]] == [("#", True)] * 4, "only general feedback"
            q.general_feedback = plain(body[i + 4:])
            break
        else:
            assert markup is False or c.isspace(), f"unescaped {c!r} in {block!r}"
            if current is not None:
                current[0].append((c, markup))
            else:
                assert c.isspace()
        i += 1
    q.right = [plain(a) for a in q.right]
    q.wrong = [plain(a) for a in q.wrong]
    return q


def parse_gift(text: str) -> list[GiftQuestion]:
    blocks = [b for b in text.split("\n\n") if b.strip()]
    return [parse_question(b.strip()) for b in blocks if not b.lstrip().startswith("//")]


def expected(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().splitlines())


def test_every_question_and_answer_reads_back(tmp_path, any_deck):
    out = tmp_path / "deck.gift.txt"
    assert export(any_deck, "gift", out) == len(any_deck.enabled)
    parsed = parse_gift(out.read_text(encoding="utf-8"))
    assert [p.title for p in parsed] == [q.id for q in any_deck.enabled]
    for p, q in zip(parsed, any_deck.enabled, strict=True):
        assert p.text == expected(q.stem)
        assert p.right == [expected(q.correct)]
        assert sorted(p.wrong) == sorted(expected(o) for i, o in enumerate(q.options)
                                         if i != q.answer)
        assert p.general_feedback == expected(q.explanation)


def test_text_is_inert_html_and_escaped(tmp_path, hostile):
    out = tmp_path / "h.gift.txt"
    export(hostile, "gift", out)
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text
    assert "::en\\:gift\\~chars::" in text  # special characters escaped in titles too
    assert r"What is \{1 + 1\} \= ? \~ \# \: and a backslash \\ too" in text
    assert "\n\n" not in text.split("::en-aiken::", 1)[1].split("}", 1)[0]  # newline -> <br>


@pytest.mark.parametrize("text", ["%50%half", "[plain]x", "a -> b", "{T}", "x\\", "1:2"])
def test_answers_cannot_turn_into_gift_syntax(text):
    rendered = html_text(text)
    assert not rendered.startswith(("%", "["))
    assert "->" not in rendered
    assert plain(tokens(rendered)) == text
    assert all(not markup for _, markup in tokens(rendered))


def test_escape_covers_every_special_character():
    assert escape("~=#{}:\\") == "\\~\\=\\#\\{\\}\\:\\\\"
