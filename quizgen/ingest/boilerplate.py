"""Boilerplate removal on plain text: what is left is the title and the article's paragraphs.

Patterns are data (quizgen/lang/<lang>/boilerplate.yaml, every language applied to every
article); this module holds only the shapes that are not language knowledge:
- the title is the first real line (unless it is too long to be one: then there is no title);
  the same line later in the body is a repeated headline;
- the short line just above a photo credit ("Foto:", "Sumber :" + "• AP Photo/...") is its
  caption;
- a short line without sentence punctuation whose content words (function words are the
  ``words`` of quizgen/lang/*/stopwords.yaml, shared with extraction) barely occur in the
  rest of the article is an injected headline of another story;
- promotions glued to the end of a real paragraph are cut sentence by sentence.
Every dropped line or sentence is kept in ``removed`` with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from quizgen.document import Removed
from quizgen.ingest.sentences import split_sentences
from quizgen.lang import LANGUAGES, data

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_TITLE_KEY = re.compile(r"[\W_]+")
_LABEL_TAIL = " :：-–—|•·>»"
_BULLETS = "•·▪●"
_CLOSING = "\"”’'»)] "
_FINAL = ".!?…"

_CHROME_MAX = 240  # characters: page chrome lines are short; longer lines skip line rules
_CREDIT_MAX_WORDS = 12
_CREDIT_SHORT_WORDS = 8  # a credit this short has its caption on the line above
_TITLE_MAX = 200  # characters: a longer first line is the article's first paragraph
_TITLE_SENTENCE = 14  # words: a first line this long ending in a full stop is a paragraph
_PREFIX_LINES = 3  # datelines and scraper headers stand before the first few lines of text
_PREFIX_REST_WORDS = 4  # what follows a dateline is a sentence
_HEADLINE_MAX_WORDS = 25
_CAPTION_MAX_WORDS = 30
_UNRELATED_MIN_WORDS = 4  # content words: shorter lines may be real subheadings
_UNRELATED_MAX_SHARED = 0.2  # share of its content words found in the article: below = unrelated
_UNRELATED_MIN_CONTEXT = 3  # paragraphs needed before judging a line unrelated


@dataclass(frozen=True)
class _Label:
    reason: str
    pattern: re.Pattern[str]
    next: str | None
    caption: str | None
    alone: bool = False  # without its colon the label must be the whole line


@dataclass(frozen=True)
class _Rules:
    lines: re.Pattern[str]  # one alternation; the group named r<k> is line_reasons[k]
    line_reasons: tuple[str, ...]
    labels: tuple[_Label, ...]
    any_label: re.Pattern[str]  # all label patterns as one: most lines start with none
    promo: re.Pattern[str]
    promo_keywords: tuple[str, ...]
    tail: re.Pattern[str]
    caption_above: frozenset[str]
    stopwords: frozenset[str]
    prefix: re.Pattern[str] | None = None  # groups p<k>: prefix_reasons[k]
    prefix_reasons: tuple[str, ...] = ()


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@cache
def rules() -> _Rules:
    """All languages' boilerplate rules, compiled once."""
    lines: dict[str, list[str]] = {}
    labels: list[_Label] = []
    promos: list[str] = []
    promo_keywords: set[str] = set()
    tails: list[str] = []
    caption_above: set[str] = set()
    stopwords: set[str] = set()
    prefixes: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        spec = data(lang, "boilerplate")
        for reason, patterns in (spec.get("prefixes") or {}).items():
            prefixes.setdefault(reason, []).extend(patterns)
        for reason, patterns in (spec.get("lines") or {}).items():
            lines.setdefault(reason, []).extend(patterns)
        for label in spec.get("labels") or []:
            mode = label.get("colon", "required")
            colon = r"\s*[:：]" if mode == "required" else r"\s*[:：]?"
            labels.append(
                _Label(
                    reason=label["reason"],
                    pattern=re.compile(rf"(?:{label['label']}){colon}", re.I),
                    next=label.get("next"),
                    caption=label.get("caption"),
                    alone=mode == "alone",
                )
            )
        promos.extend(spec.get("promos") or [])
        promo_keywords.update(k.casefold() for k in spec.get("promo_keywords") or [])
        tails.extend(spec.get("tail") or [])
        caption_above.update(spec.get("caption_above") or [])
        stopwords.update(
            w.casefold() for w in data(lang, "stopwords")["words"] if isinstance(w, str)
        )
    return _Rules(
        lines=re.compile(
            "(?:"
            + "|".join(f"(?P<r{k}>{_alternation(p)})" for k, p in enumerate(lines.values()))
            + r")[ .]*",
            re.I,
        ),
        line_reasons=tuple(lines),
        labels=tuple(labels),
        any_label=re.compile(_alternation([label.pattern.pattern for label in labels]), re.I),
        promo=re.compile(_alternation(promos), re.I),
        promo_keywords=tuple(sorted(promo_keywords)),
        tail=re.compile(_alternation(tails), re.I),
        caption_above=frozenset(caption_above),
        stopwords=frozenset(stopwords),
        prefix=re.compile(
            "|".join(f"(?P<p{k}>{_alternation(p)})" for k, p in enumerate(prefixes.values())),
            re.I,
        ) if prefixes else None,
        prefix_reasons=tuple(prefixes),
    )


@dataclass
class Cleaned:
    """The article as title + paragraphs (each one line of collapsed whitespace)."""

    title: str
    paragraphs: list[str]
    removed: list[Removed] = field(default_factory=list)
    sentences: list[list[tuple[int, int]]] = field(default_factory=list)  # per paragraph


def normalize(line: str) -> str:
    """One line with every whitespace run (NBSP, tabs, zero-width) collapsed to a space."""
    return " ".join(_ZERO_WIDTH.sub("", line).split())


def clean(text: str) -> Cleaned:
    """Split ``text`` into title and paragraphs, dropping boilerplate (see module doc)."""
    r = rules()
    lines = [" ".join(line.split()) for line in _ZERO_WIDTH.sub("", text).split("\n")]
    n = len(lines)
    reason: list[str | None] = [None] * n  # None: kept (or blank)
    captions: list[int] = []  # indices of credit lines whose caption sits above them
    pending: tuple[_Label, int] | None = None  # label alone on its line: its line index
    tail = False
    seen_text = 0
    cut: list[tuple[int, Removed]] = []  # prefixes cut from the start of a line
    for i, line in enumerate(lines):
        if not line:
            continue
        if seen_text < _PREFIX_LINES and r.prefix is not None:
            line = lines[i] = _cut_prefixes(i, line, r, cut)
        announced, pending = pending, None
        if announced and i - announced[1] > 2:
            announced = None
        why = None
        if tail:
            why = _line_reason(line, r) or "comment-section"
        elif len(line) <= _CHROME_MAX:
            if seen_text > 2 and r.tail.fullmatch(line.rstrip(" .:")):
                tail = True
                why = "comment-form"
            if why is None and announced and _fits(announced[0].next, line):
                why = announced[0].reason
                if announced[0].caption == "with-credit" and _photo_credit(line):
                    captions.append(i)
                if announced[0].next == "headlines":
                    own = _line_reason(line, r)  # a comment notice after the block is not news
                    if own is None or own == "timestamp":
                        pending = (announced[0], i)  # the block goes on while headlines follow
                    else:
                        why = own
            if why is None:
                why = _line_reason(line, r)
                if why in r.caption_above and _short_credit(line):
                    captions.append(i)
            if why is None:
                label, alone = _label(line, r)
                if label is not None:
                    why = label.reason
                    if label.caption == "always" and _short_credit(line):
                        captions.append(i)
                    if alone and label.next:
                        pending = (label, i)
        reason[i] = why
        if why is None:
            seen_text += 1

    kept = [i for i in range(n) if lines[i] and reason[i] is None]
    title_index = kept[0] if kept and _title_shaped(lines[kept[0]]) else -1
    for i in captions:
        j = _caption_above(lines, reason, i, title_index)
        if j is not None:
            reason[j] = "caption"
    title = lines[title_index] if title_index >= 0 else ""
    title_key = _TITLE_KEY.sub(" ", title.casefold()).strip()
    for i in kept[1:] if title else []:
        if (
            reason[i] is None
            and abs(len(lines[i]) - len(title)) <= 8
            and _TITLE_KEY.sub(" ", lines[i].casefold()).strip() == title_key
        ):
            reason[i] = "repeated-title"

    # (line index, removal): sorted at the end so removals read in document order
    removed = [(i, Removed(lines[i], reason[i])) for i in range(n) if lines[i] and reason[i]]
    removed += cut
    paragraphs: list[str] = []
    sentences: list[list[tuple[int, int]]] = []
    one_line: list[bool] = []
    first_line: list[int] = []
    folded = " ".join(lines).casefold()
    keywords = tuple(k for k in r.promo_keywords if k in folded)  # the few this article has
    for segment in _segments(lines, reason, title_index):
        paragraph = " ".join(lines[i] for i in segment)
        spans = split_sentences(paragraph)
        keep = _promo_tail(paragraph, spans, r, keywords)
        if keep < len(spans):
            end = spans[keep - 1][1] if keep else 0
            removed.append((segment[-1], Removed(paragraph[end:].strip(), "promo")))
            paragraph, spans = paragraph[:end], spans[:keep]
        if paragraph:
            paragraphs.append(paragraph)
            sentences.append(spans)
            one_line.append(len(segment) == 1)
            first_line.append(segment[0])
    drop = set(_unrelated(title, paragraphs, one_line, r))
    for k in drop:
        removed.append((first_line[k], Removed(paragraphs[k], "unrelated-headline")))
    removed.sort(key=lambda item: item[0])
    return Cleaned(
        title,
        [p for k, p in enumerate(paragraphs) if k not in drop],
        [item[1] for item in removed],
        [s for k, s in enumerate(sentences) if k not in drop],
    )


def _cut_prefixes(i: int, line: str, r: _Rules, cut: list[tuple[int, Removed]]) -> str:
    """The line without what a scraper or a wire puts before the lead ("date 2024-09-13",
    "JAKARTA, KOMPAS.com -"): each cut prefix goes into ``cut`` with its reason."""
    while True:
        m = r.prefix.match(line)
        if m is None or len(line[m.end() :].split()) < _PREFIX_REST_WORDS:
            return line  # "Kamis, 5 Juni 2025 | 14:20 WIB" is a date line, not a dateline
        reason = r.prefix_reasons[int(m.lastgroup[1:])]
        cut.append((i, Removed(line[: m.end()].strip(), reason)))
        line = line[m.end() :]


def _title_shaped(line: str) -> bool:
    """Can the first line be the title? Not when it is too long, nor when it reads as a
    paragraph (a long sentence with its full stop: the page had no title line)."""
    if len(line) > _TITLE_MAX:
        return False
    return not (line.rstrip(_CLOSING)[-1:] in _FINAL and len(line.split()) >= _TITLE_SENTENCE)


def _line_reason(line: str, r: _Rules) -> str | None:
    m = r.lines.fullmatch(line)
    if m is None:
        return None
    return r.line_reasons[int(m.lastgroup[1:])]  # the reason's group closes last


def _photo_credit(line: str) -> bool:
    """A credit naming a photographer or agency: "• AP Photo/Minh Hoang", "Reuters/Jane Roe"."""
    return (line[0] in _BULLETS or "/" in line) and _short_credit(line)


def _short_credit(line: str) -> bool:
    """Short enough to be a credit; a long "Foto: ..." line is a caption, not a credit."""
    return len(line.split()) <= _CREDIT_SHORT_WORDS


def _label(line: str, r: _Rules) -> tuple[_Label | None, bool]:
    """The label rule ``line`` starts with, and whether the label stands alone on the line."""
    if r.any_label.match(line) is None:
        return None, False
    for label in r.labels:
        m = label.pattern.match(line)
        if not m:
            continue
        rest = line[m.end() :]
        colon = line[m.end() - 1] in ":："
        if rest[:1].islower() and not colon:
            continue  # "Baca jugalah ..." / "Sumbernya ...": the label is part of a word
        if label.alone and not colon and rest.strip(_LABEL_TAIL):
            continue  # "Related talks were held ...": prose, not a heading
        return label, not rest.strip(_LABEL_TAIL)
    return None, False


def _fits(shape: str | None, line: str) -> bool:
    """Whether ``line`` can be what a lone label announced (a headline or a photo credit)."""
    words = len(line.split())
    if shape == "credit":
        return words <= _CREDIT_MAX_WORDS
    if shape in ("headline", "headlines"):
        return words <= _HEADLINE_MAX_WORDS and _headline_shaped(line)
    return False


def _headline_shaped(line: str) -> bool:
    """No sentence-final full stop and no sentence break inside: a headline, not prose."""
    stripped = line.rstrip("\"”’'»)] ")
    if not stripped or stripped[-1] in ".,;:…":
        return False
    return ". " not in line


def _caption_above(lines: list[str], reason: list[str | None], i: int, title: int) -> int | None:
    """The caption line above the credit at ``i``: short, alone in its block, not the title."""
    j = i - 1
    while j >= 0 and j >= i - 2 and lines[j] and reason[j] is not None:
        j -= 1  # the credit label above a credit line
    blanks = 0
    while j >= 0 and not lines[j]:
        blanks += 1
        j -= 1
    if j < 0 or blanks > 2 or j == title or reason[j] is not None:
        return None
    if j > 0 and lines[j - 1] and reason[j - 1] is None:
        return None  # the last line of a wrapped paragraph, not a caption
    if len(lines[j].split()) > _CAPTION_MAX_WORDS or len(split_sentences(lines[j])) > 1:
        return None
    return j


def _segments(lines: list[str], reason: list[str | None], title: int) -> list[list[int]]:
    """Runs of kept lines; a blank or dropped line ends a paragraph.

    A body without any blank line whose lines mostly end a sentence is written one paragraph
    per line (not hard-wrapped), so there every line is a paragraph of its own.
    """
    per_line = _one_paragraph_per_line(lines[title + 1 :])
    segments: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if i == title:
            continue
        if line and reason[i] is None:
            if per_line and current:
                segments.append(current)
                current = []
            current.append(i)
        elif current:
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    return segments


def _one_paragraph_per_line(body: list[str]) -> bool:
    while body and not body[0]:
        body = body[1:]
    while body and not body[-1]:
        body = body[:-1]
    if len(body) < 3 or "" in body:
        return False
    ends = sum(line.rstrip(_CLOSING)[-1:] in _FINAL for line in body)
    return ends >= 0.6 * len(body)


def _promo_tail(
    paragraph: str, spans: list[tuple[int, int]], r: _Rules, keywords: tuple[str, ...]
) -> int:
    """How many leading sentences to keep: promotions glued to the end are cut."""
    keep = len(spans)
    folded = paragraph.casefold()
    if not any(k in folded for k in keywords):
        return keep  # one keyword scan per paragraph instead of one per sentence
    while keep > 0 and _is_promo(paragraph[spans[keep - 1][0] : spans[keep - 1][1]], r, keywords):
        keep -= 1
    return keep


def _is_promo(sentence: str, r: _Rules, keywords: tuple[str, ...]) -> bool:
    folded = sentence.casefold()
    if not any(k in folded for k in keywords):
        return False  # cheap gate: the promo regexes are slow on ordinary sentences
    return r.promo.search(sentence) is not None


def content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    """Lowercased words of three letters or more that are not function words."""
    found = set(_WORD.findall(text.casefold()))  # distinct words first: fewer to filter
    return {w for w in found if len(w) > 2} - stopwords


def _unrelated(title: str, paragraphs: list[str], one_line: list[bool], r: _Rules) -> list[int]:
    """Indices of one-line headline-shaped paragraphs sharing almost no words with the rest."""
    candidates: dict[int, set[str]] = {}
    for k, p in enumerate(paragraphs):
        if one_line[k] and len(p.split()) <= _HEADLINE_MAX_WORDS and _headline_shaped(p):
            words = content_words(p, r.stopwords)
            if len(words) >= _UNRELATED_MIN_WORDS:
                candidates[k] = words
    context = [p for k, p in enumerate(paragraphs) if k not in candidates]
    if not candidates or len(context) < _UNRELATED_MIN_CONTEXT:
        return []
    vocabulary = content_words("\n".join([title, *context]), r.stopwords)
    return [
        k
        for k, words in candidates.items()
        if len(words & vocabulary) / len(words) < _UNRELATED_MAX_SHARED
    ]
