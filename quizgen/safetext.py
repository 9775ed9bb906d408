"""Text read from files people edit (a deck, a template) made safe to show anywhere.

A terminal runs what control characters ask for (``ESC [2J`` clears the screen, ``ESC ]0;``
renames the window), and spreadsheets and LMS importers choke on them, so quizgen keeps none
of them: C0 controls but tab and newline, DEL, C1 controls, and whole escape sequences (so
that no ``[2J`` debris is left behind).
"""

from __future__ import annotations

import re

# sequences removed whole: CSI (colours, cursor moves, clearing) and terminated strings (OSC
# window titles and links, DCS, SOS, PM, APC); of anything else only the control character
# goes, and what followed it stays as text
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` without control characters or escape sequences (tabs and newlines kept)."""
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub("", _SEQUENCE.sub("", text))
