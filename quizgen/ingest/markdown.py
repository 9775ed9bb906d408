"""Markdown article -> plain text: markup stripped, words kept, images and rules dropped."""

from __future__ import annotations

import re

from quizgen.document import Removed

_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^(```|~~~)")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s*\[[^\]]+\]:\s*\S+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
_CODE = re.compile(r"`([^`]*)`")


def markdown_to_text(text: str) -> tuple[str, list[Removed]]:
    """Plain text of a Markdown article, and the lines dropped as markup."""
    removed: list[Removed] = []
    front = _FRONT_MATTER.match(text)
    if front:
        removed.append(Removed(front.group(0).strip(), "front-matter"))
        text = text[front.end() :]
    text = _COMMENT.sub("", text)
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line.strip()):
            fenced = not fenced
            removed.append(Removed(line.strip(), "markup"))
            continue
        if fenced:
            if line.strip():
                removed.append(Removed(line.strip(), "code"))
            continue
        if _RULE.match(line) or (_SETEXT.match(line) and out and out[-1].strip()):
            removed.append(Removed(line.strip(), "markup"))
            out.append("")  # a rule or heading underline ends the block above it
            continue
        if _IMAGE_LINE.match(line):
            removed.append(Removed(line.strip(), "image"))
            continue
        if _REF_DEF.match(line):
            removed.append(Removed(line.strip(), "markup"))
            continue
        heading = _HEADING.match(line)
        if heading:  # a heading is a block of its own
            out.extend(["", heading.group(1), ""])
            continue
        line = _QUOTE.sub("", line)
        if _LIST.match(line):  # each list item is a paragraph of its own
            out.append("")
            line = _LIST.sub("", line)
        line = _IMAGE.sub(r"\1", line)
        line = _LINK.sub(r"\1", line)
        line = _REF_LINK.sub(r"\1", line)
        line = _CODE.sub(r"\1", line)
        line = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3), line)
        out.append(line)
    return "\n".join(out), removed
