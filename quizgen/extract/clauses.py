"""The clause a date or a count belongs to, cut from its sentence.

A sentence is split at clause marks (commas, semicolons, colons, spaced dashes) except inside
protected spans (the date or count itself, whose own commas do not count), and at
subordinators ("setelah", "sejak", "after", "that"). The piece holding the span is its clause;
a date standing alone between commas ("..., Jumat (21/6/2024).") belongs to the clause before
it. Dates next to a report cue ("dilansir Reuters", "the AP reported") date the report, not
an event, and are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from quizgen import lang as langdata
from quizgen.document import Span
from quizgen.extract.lexicon import Phrases, alternation, words_re

# a comma or colon between two digits ("10,000", "21:40") is no clause mark
# (written to start with plain characters so the engine can skip to them quickly)
_MARKS = re.compile(r'[,:](?:(?<!\d.)|(?!\d))|;|\s[–—-]\s|\s[–—](?=\w)|[“”"|]')
_WORD = re.compile(r"[^\W_][\w'’-]*")
_PLAIN_WORD = re.compile(r"(?<![\w.@/])[^\W\d_]+(?![\w.@/])")  # not part of a domain or handle
MIN_WORDS = 3  # a shorter piece is an appositive or a list item, not a clause


@dataclass(frozen=True)
class ClauseGrammar:
    subordinator: re.Pattern[str]
    lead_trim: re.Pattern[str]  # a time phrase opening a piece ("Pada hari kedua")
    trim: Phrases
    report: re.Pattern[str]


@cache
def grammar(lang: str) -> ClauseGrammar:
    data = langdata.data(lang, "clauses")
    trim = alternation(data.get("trim") or [])
    return ClauseGrammar(
        subordinator=re.compile(words_re(data.get("subordinators") or []), re.IGNORECASE),
        lead_trim=re.compile(rf"^(?:[\s\W]*(?<![\w-])(?:{trim})(?![\w-]))+", re.IGNORECASE),
        trim=Phrases(data.get("trim") or []),
        report=re.compile(words_re(data.get("report_cues") or []), re.IGNORECASE),
    )


def pieces(text: str, sent: Span, protect: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence cut at clause marks, as (start, end) offsets into ``text``."""
    cuts = [m.span() for m in _MARKS.finditer(text, sent.start, sent.end)]
    protect = [(a, b) for a, b in protect if a < sent.end and b > sent.start]  # this sentence's
    if protect:
        cuts = [(x, y) for x, y in cuts if not any(a <= x < b for a, b in protect)]
    out, pos = [], sent.start
    for a, b in cuts:
        out.append((pos, a))
        pos = b
    out.append((pos, sent.end))
    return out


def tidy(g: ClauseGrammar, text: str, lead: bool = True, tail: bool = True) -> str:
    """Trim edge words ("pada", "on", "dan") and punctuation; collapse whitespace."""
    words = g.trim.strip_words(text.split(), lead, tail)
    text = " ".join(words)
    if not lead:
        text = text.lstrip(" ,;:.–—-")
    if not tail:
        text = text.rstrip(" ,;:.–—-")
    # a clause keeps balanced brackets only
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "").strip()
    return text


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _after_subordinator(g: ClauseGrammar, text: str) -> str:
    """The part after the last subordinator that still leaves words after it."""
    for m in reversed(list(g.subordinator.finditer(text))):
        rest = text[m.end() :]
        if _words(tidy(g, rest)):
            return rest
    return text


def _until_subordinator(g: ClauseGrammar, text: str) -> str:
    m = g.subordinator.search(text)
    return text[: m.start()] if m else text


def _line(text: str, sent: Span, pos: int) -> Span:
    """The part of the sentence on the line holding ``pos`` (a newline always ends a clause)."""
    a = max(sent.start, text.rfind("\n", sent.start, pos) + 1)
    b = text.find("\n", pos, sent.end)
    b = sent.end if b < 0 else b
    return Span(a, b, text[a:b])


HEADLINE_MAX = 400  # characters either side of a date: a headline-like line is shorter


def in_headline(text: str, pos: int) -> bool:
    """Is ``pos`` on a headline-like line (a related-article link, a caption title)?

    Such a line has no closing punctuation and mostly Capitalised Words:
    "- OJK Blokir Ratusan Pinjol Ilegal pada Senin (17/6/2024)".
    """
    # the line's ends are looked for near ``pos`` only: scanning a long line whole for each
    # of its dates made a one-line article quadratic
    reach = max(0, pos - HEADLINE_MAX)
    a = text.rfind("\n", reach, pos) + 1
    b = text.find("\n", pos, pos + HEADLINE_MAX)
    if (b < 0 and pos + HEADLINE_MAX < len(text)) or (a == 0 and reach > 0):
        return False  # the line reaches further than a headline does
    b = len(text) if b < 0 else b
    line = text[a:b].strip()
    if not line or line[-1] in ".!?\"”’":
        return False
    words = [w for w in _PLAIN_WORD.findall(line) if len(w) >= 3]
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and caps >= 0.6 * len(words)


def _has_content(text: str) -> bool:
    """A clause has a lower-case word: "Wulan Sari" or "JAKARTA" (a byline) is no event."""
    return any(
        len(w) >= 3 and w.islower() for w in map(re.Match.group, _PLAIN_WORD.finditer(text))
    )  # stops at the first such word


REPORT_NEAR = 5  # at most this many words between a report cue and the date it gives


def _report_near(g: ClauseGrammar, before: str) -> bool:
    """Does ``before`` (the text up to a date) end in a report cue and a few words ("dilansir
    Reuters,", "the AP reported on")? A cue further back ("told the Post the council would
    hold a hearing on") leaves the date to the event in between."""
    ends = [m.end() for m in g.report.finditer(before)]
    return bool(ends) and len(_WORD.findall(before, ends[-1])) <= REPORT_NEAR


def date_event(
    lang: str, text: str, sent: Span, start: int, end: int, protect: list[tuple[int, int]]
) -> str | None:
    """The event a date at ``text[start:end]`` belongs to, or None (report date, no clause)."""
    if in_headline(text, start):
        return None
    g = grammar(lang)
    sent = _line(text, sent, start)
    parts = pieces(text, sent, protect)
    host = next((i for i, (a, b) in enumerate(parts) if a <= start < b), len(parts) - 1)
    a, b = parts[host]
    # other dates in the same piece end the clause on their side
    a = max([a, *(y for x, y in protect if a <= y <= start and (x, y) != (start, end))])
    b = min([b, *(x for x, y in protect if end <= x <= b and (x, y) != (start, end))])
    before = _after_subordinator(g, text[a:start])
    after = _until_subordinator(g, text[end:b])
    event = None
    head = tidy(g, before)
    if _words(head):
        if _report_near(g, before):
            return None
        event = " ".join(x for x in (head, tidy(g, after, lead=False)) if x)
    else:
        # the date stands alone between clause marks: it belongs to the clause before it,
        # unless that is only a time phrase ("Pada hari kedua, Selasa (3/6), delegasi ...")
        back = ""
        for pa, pb in reversed(parts[:host]):
            back = text[pa:pb] if not back else f"{text[pa:pb]}, {back}"
            if _words(back) >= MIN_WORDS:
                break
        forward = after
        for pa, pb in parts[host + 1 :]:
            if _words(forward) >= MIN_WORDS:
                break
            forward = f"{forward} {text[pa:pb]}"
        back_is_time = (
            bool(back)
            and g.lead_trim.match(back.strip()) is not None
            and _words(tidy(g, back)) < MIN_WORDS
        )
        use_back = bool(back.strip()) and not (back_is_time and _words(forward))
        chosen = _after_subordinator(g, back) if use_back else forward
        if _report_near(g, chosen):
            return None
        event = tidy(g, chosen)
    if not event or not _has_content(sent.text):
        return None
    if not _has_content(event) and _words(event) < 2:
        return None  # a dateline place: "HANOI, June 20 (Reuters) -"
    return event


def count_event(lang: str, text: str, sent: Span, start: int, end: int) -> str:
    """The clause holding a count (the count itself stays in it)."""
    g = grammar(lang)
    sent = _line(text, sent, start)
    parts = pieces(text, sent, [(start, end)])
    a, b = next(((a, b) for a, b in parts if a <= start < b), (sent.start, sent.end))
    before = _after_subordinator(g, text[a:start])
    head = tidy(g, before, tail=False)
    tail = tidy(g, text[end:b], lead=False)
    return " ".join(x for x in (head, text[start:end], tail) if x)
