"""Text from a deck or template is safe to show: no control character reaches a terminal."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.safetext import CONTROL, clean


@pytest.mark.parametrize(("text", "shown"), [
    ("a\x1b[2Jb", "ab"),  # clear screen
    ("\x1b[1;31mred\x1b[0m", "red"),  # colours
    ("x\x1b]0;pwned\x07y", "xy"),  # OSC window title, ended by BEL
    ("x\x1b]8;;http://e.example\x1b\\link\x1b]8;;\x1b\\", "xlink"),  # OSC link, ended by ST
    ("a\x9b31mb", "ab"),  # the one-byte C1 CSI
    ("Pier\x1b board", "Pier board"),  # a lone ESC: only it goes
    ("open\x1b]0;never ended", "open]0;never ended"),
    ("del\x7f bell\x07 nel\x85 ff\x0c", "del bell nel ff"),
    ("cr\r\nlf", "cr\nlf"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("Đà Nẵng “quoted” — ok", "Đà Nẵng “quoted” — ok"),
])
def test_control_characters_and_sequences_are_removed(text, shown):
    assert clean(text) == shown


@given(st.text())
def test_nothing_but_tab_and_newline_is_left(text):
    out = clean(text)
    assert CONTROL.search(out) is None
    assert clean(out) == out
