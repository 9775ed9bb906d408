"""Markdown article -> plain text: markup stripped, words kept, images and rules dropped.

Every pattern runs in time linear in its line, however hostile the line: a link text holds
no "[" and a bold span no "*", so the scan from an unclosed mark stops at the next mark
instead of running to the end of the line from each one (``*a **b `` x 20,000 on one line
took 40 s, ``[`` x 50,000 + ``]`` x 50,000 took 43 s).
"""

from __future__ import annotations

import re

from quizgen.document import Removed

_FRONT_MATTER = re.compile(r"\A---\n.*?\n(?:---|\.\.\.)\n", re.S)
_FENCE = re.compile(r"^(```|~~~)")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_SETEXT = re.compile(r"^\s*(=+|-+)\s*$")
_URL = r"\((?:[^()]|\([^()]*\))*\)"  # one level of brackets inside: wiki/Foo_(bar)
_IMAGE_LINE = re.compile(rf"^\s*!\[[^\[\]]*\]{_URL}\s*$")
_IMAGE = re.compile(rf"!\[([^\[\]]*)\]{_URL}")
_LINK = re.compile(rf"\[([^\[\]]+)\]{_URL}")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_REF_DEF = re.compile(r"^\s*\[[^\[\]]+\]:\s*\S+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*)$")  # closing hashes are cut in code
_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_EMPHASIS = re.compile(
    r"\*\*((?:[^*]|(?<=\s)\*(?=\s))+)\*\*"  # a spaced "*" inside: "**5 * 3**"
    r"|__([^_]+)__"
    r"|(?<![\w*])\*(?![\s*])([^*]+?)(?<!\s)\*(?![\w*])"
)
_EMPHASIS_PASSES = 3  # "***both***", "**bold *italic* bold**": inner marks go first
_CODE = re.compile(r"`([^`]*)`")


def markdown_to_text(text: str) -> tuple[str, list[Removed]]:
    """Plain text of a Markdown article, and the lines dropped as markup."""
    removed: list[Removed] = []
    front = _FRONT_MATTER.match(text)
    if front:
        removed.append(Removed(front.group(0).strip(), "front-matter"))
        text = text[front.end() :]
    text = _without_comments(text)
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
            out.extend(["", heading.group(1).rstrip().rstrip("#").rstrip(), ""])
            continue
        line = _QUOTE.sub("", line)
        if _LIST.match(line):  # each list item is a paragraph of its own
            out.append("")
            line = _LIST.sub("", line)
        line = _IMAGE.sub(r"\1", line)
        line = _LINK.sub(r"\1", line)
        line = _REF_LINK.sub(r"\1", line)
        line = _CODE.sub(r"\1", line)
        for _ in range(_EMPHASIS_PASSES):
            line, found = _EMPHASIS.subn(lambda m: m.group(1) or m.group(2) or m.group(3), line)
            if not found:
                break
        out.append(line)
    return "\n".join(out), removed


def _without_comments(text: str) -> str:
    """``text`` without its ``<!-- ... -->`` comments; an unclosed one is kept as text."""
    parts, pos = [], 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no later comment can close either
        parts.append(text[pos:start])
        pos = end + 3
    parts.append(text[pos:])
    return "".join(parts)
