"""Safe YAML reading that can say *where* a problem is (file and line), and readable dumping.

Decks can hold hundreds of thousands of questions, so both directions have a fast path:
``load_file`` builds the data straight from libyaml's events (PyYAML's own constructor for
anything unusual) and ``dump_chunks`` writes block-style YAML piece by piece.

Files people hand us can be hostile: aliases that expand exponentially (a "billion laughs"
document of a few hundred bytes) and nesting deep enough to exhaust Python's stack are
refused with a one-line error, and ``clean_text`` drops control characters from every string.
"""

from __future__ import annotations

import datetime
import json
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from quizgen import safetext
from quizgen.errors import QuizgenError

try:
    _Loader: type = yaml.CSafeLoader
    _Dumper: type = yaml.CSafeDumper
    _Parser: Any = yaml.cyaml.CParser  # libyaml's event parser
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader, _Dumper = yaml.SafeLoader, yaml.SafeDumper
    _Parser = yaml.SafeLoader  # same get_event() interface, in Python

_RESOLVERS = yaml.resolver.Resolver.yaml_implicit_resolvers  # first character -> (tag, regexp)
_STR_TAG = "tag:yaml.org,2002:str"
MAX_DEPTH = 64  # nested collections; a deck needs 6, Python's stack gives out near 1,000
ALIAS_BUDGET = 100_000  # values that aliases may add to a document beyond its own size


class Located:
    """A parsed YAML document that can map a key path back to a line number.

    The node tree (with the line marks) is only built when a line is asked for, i.e. when
    there is an error to report: for a big deck it costs more time and memory than the data.
    """

    def __init__(self, path: str, data: Any, node: yaml.Node | None = None,
                 text: Callable[[], str] | None = None):
        self.path = path
        self.data = data
        self._node = node
        self._text = text

    @property
    def node(self) -> yaml.Node | None:
        if self._node is None and self._text is not None:
            loader = _Loader(self._text())
            try:
                self._node = loader.get_single_node()
            finally:
                loader.dispose()
            self._text = None
        return self._node

    def line(self, *keys: str | int) -> int | None:
        """1-based line of the value at ``keys`` (or of its nearest existing parent)."""
        node = self.node
        if node is None:
            return None
        for key in keys:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == key:
                        child = v
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(key, int)
                and 0 <= key < len(node.value)
            ):
                child = node.value[key]
            if child is None:
                break
            node = child
        return node.start_mark.line + 1

    def error(self, message: str, *keys: str | int) -> QuizgenError:
        return QuizgenError(message, self.path, self.line(*keys))


class _Unusual(Exception):
    """The document uses something the fast reader leaves to PyYAML (tags, anchors, merges)."""


class _Refused(yaml.YAMLError):
    """Valid YAML that quizgen will not build: too deep, or aliases that expand too far."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


def _too_deep(line: int, why: str = "") -> _Refused:
    return _Refused(f"nested more than {MAX_DEPTH} levels deep{why}", line)


_SCALAR_TAGS = {
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp",
}
_constructor = yaml.constructor.SafeConstructor()
_WILDCARD = tuple(_RESOLVERS.get(None, ()))
_WORDS = {"true": True, "false": False, "null": None, "~": None, "": None}


def _resolved(value: str) -> Any:
    """A plain scalar as the safe loader reads it (YAML 1.1 implicit types)."""
    for tag, regexp in (*_RESOLVERS.get(value[:1], ()), *_WILDCARD):
        if regexp.match(value):
            if tag not in _SCALAR_TAGS:
                raise _Unusual(tag)
            node = yaml.ScalarNode(tag, value)
            return _constructor.yaml_constructors[tag](_constructor, node)
    return value


_NO_KEY = object()


def _read_events(stream: Any, clean_text: bool = False) -> Any:
    """The document in ``stream`` built straight from libyaml's events.

    Same result as ``yaml.load(stream, CSafeLoader)`` for plain documents (mappings, lists,
    scalars), about four times faster: no node tree, no generic constructor. Anything else
    raises _Unusual and goes the slow way. With ``clean_text``, strings lose their control
    characters: YAML only lets them in through escapes of double-quoted scalars."""
    parser = _Parser(stream)
    get = parser.get_event
    scalar, m_start, s_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    m_end, s_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    stack: list[Any] = []  # open collections
    keys: list[Any] = []  # per open collection: the pending mapping key (or _NO_KEY)
    root: Any = None
    documents = 0
    seen: dict[str, str] = {}
    try:
        while True:
            event = get()
            kind = type(event)
            if kind is scalar:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual("tag or anchor")
                value = event.value
                if len(value) < 300:  # keys and repeated values (paths, names): one copy each
                    value = seen.setdefault(value, value)
                if event.implicit[0]:
                    if value[:1] in _RESOLVERS or _WILDCARD:
                        if value.isdigit() and value.isascii() and \
                                (value[0] != "0" or value == "0"):
                            value = int(value)
                        else:
                            value = _WORDS[value] if value in _WORDS else _resolved(value)
                elif clean_text and event.style == '"':
                    value = safetext.clean(value)
            elif kind is m_start or kind is s_start:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual("tag or anchor")
                if len(stack) >= MAX_DEPTH:
                    raise _too_deep(event.start_mark.line + 1)
                stack.append({} if kind is m_start else [])
                keys.append(_NO_KEY)
                continue
            elif kind is m_end or kind is s_end:
                keys.pop()
                value = stack.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unusual("several documents")  # PyYAML says what is wrong
                continue
            elif kind is yaml.StreamEndEvent:
                return root
            elif kind is yaml.AliasEvent:
                raise _Unusual("alias")
            else:
                continue
            if not stack:
                root = value
                continue
            parent = stack[-1]
            if type(parent) is list:
                parent.append(value)
            elif keys[-1] is _NO_KEY:
                if type(value) is dict or type(value) is list:
                    raise _Unusual("complex key")
                keys[-1] = value
            else:
                parent[keys[-1]] = value
                keys[-1] = _NO_KEY
    finally:
        parser.dispose()


def _vet(root: yaml.Node, size: int, clean_text: bool) -> None:
    """Refuse a node graph that is nested too deep or whose aliases expand (each alias
    replaced by what it names) past ``2 * size + ALIAS_BUDGET`` nodes, before anything is
    built from it: a document of ``size`` characters has fewer nodes than twice that, and
    counting stops at the bound, so this is linear in ``size`` even for an alias bomb; an
    alias inside what it names is too deep. With ``clean_text``, strings lose their control
    characters."""
    limit = 2 * size + ALIAS_BUDGET
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > limit:
            raise _Refused(f"aliases (*name) expand past {limit:,} values (an alias bomb?): "
                           "write the values out instead")
        if isinstance(node, yaml.ScalarNode):
            if clean_text and node.tag == _STR_TAG:
                node.value = safetext.clean(node.value)
            continue
        if depth >= MAX_DEPTH:
            raise _too_deep(node.start_mark.line + 1, " (with what aliases stand for: an "
                            "alias inside its own anchor?)")
        children = node.value if isinstance(node, yaml.SequenceNode) else \
            [n for pair in node.value for n in pair]
        stack.extend((child, depth + 1) for child in children)


def _load_slow(text: str, clean_text: bool = False) -> tuple[Any, yaml.Node | None]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _vet(node, len(text), clean_text)
        return loader.construct_document(node), node
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.YAMLError, path: str) -> QuizgenError:
    if isinstance(exc, _Refused):
        return QuizgenError(exc.reason, path, exc.line)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = (exc.problem or exc.context or "invalid YAML").strip()
        return QuizgenError(f"YAML syntax error: {reason}", path, line)
    if isinstance(exc, yaml.reader.ReaderError) and (
        exc.encoding == "utf-8" or "utf-8" in str(exc.reason).lower()  # Python / libyaml reader
    ):
        return QuizgenError("not UTF-8 text (is this really a YAML file?)", path)
    return QuizgenError(f"YAML error: {exc}".splitlines()[0], path)


def load_text(text: str, path: str, clean_text: bool = False) -> Located:
    """Parse ``text`` (from ``path``) safely; syntax errors become one-line QuizgenErrors.

    ``clean_text``: strings without control characters (see ``quizgen.safetext``), for text
    that will be shown; without it, whatever ``dump`` wrote reads back exactly."""
    try:
        try:
            return Located(path, _read_events(text, clean_text), text=lambda: text)
        except _Unusual:
            data, node = _load_slow(text, clean_text)
            return Located(path, data, node)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, path) from None


def _read_text(path: str | os.PathLike) -> str:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise QuizgenError("no such file", str(path)) from None
    except IsADirectoryError:
        raise QuizgenError("is a folder, expected a YAML file", str(path)) from None
    except OSError as exc:
        raise QuizgenError(f"cannot read: {exc.strerror}", str(path)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuizgenError("not UTF-8 text (is this really a YAML file?)", str(path)) from None


def load_file(path: str | os.PathLike, clean_text: bool = False) -> Located:
    """Parse a YAML file, streaming it (a big deck is never in memory as text); ``clean_text``
    as for ``load_text``."""
    name = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, errors reported as _read_text does
    except OSError:
        _read_text(path)
        raise
    try:
        with fh:
            return Located(name, _read_events(fh, clean_text), text=lambda: _read_text(path))
    except _Unusual:
        return load_text(_read_text(path), name, clean_text)
    except yaml.YAMLError as exc:
        raise _syntax_error(exc, name) from None


def dump(data: Any) -> str:
    """Block-style, key order kept, Unicode as is: a file people can read and edit."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
        default_flow_style=False,
    )


# --- Fast block-style emitter -------------------------------------------------------------
# PyYAML's representer/serializer run in Python and cost about 1 ms per deck question. Decks
# have a known, simple shape (mappings, lists, str/int/float/bool/None), so a small emitter
# writes the same block style directly (byte for byte what ``dump`` writes for ordinary decks).
# A string is written plain when YAML reads it back as that very string, else single-quoted
# when it is one printable line, else as a literal block (``|``) when it is clean multi-line
# text, else double-quoted with JSON escapes (which are valid YAML escapes). Long plain and
# single-quoted strings are folded at spaces past WIDTH, as PyYAML does.

WIDTH = 100  # long plain scalars fold at a space past this column, as PyYAML does
# characters YAML keeps as they are on one line: printable, not a line break (NEL, LS, PS),
# not a BOM; tabs and other control characters need escapes
_PRINTABLE = (
    "\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd"
    "\\U00010000-\\U0010ffff"
)
# what may not be plain: an indicator first, a space/colon/comment hazard, anything else
_NOT_PLAIN = re.compile(
    "^[-?:,\\[\\]{}#&*!|>'\"%@`]|: | #|:$|^ | $"
    "|[^" + _PRINTABLE + "]"
)
# a literal block keeps every character as is: printable, newlines, no tabs or trailing blanks
_NOT_LITERAL = re.compile(
    "[ \\t]\\n|[ \\t]$|^[ \\n]|\\n\\n$|^\\n*$"
    "|[^\\n" + _PRINTABLE + "]"
)
# one printable line (no tabs, no breaks): it can be single-quoted, and folded at single spaces
_ONE_LINE = re.compile("[" + _PRINTABLE + "]*")
# JSON leaves these unescaped; YAML readers refuse them raw or read them as line breaks
_JSON_UNSAFE = re.compile("[\\x7f-\\x9f\\u2028\\u2029\\ufeff\\ufffe\\uffff\\ud800-\\udfff]")
_SPACES = re.compile("( +)")
_plain_cache: dict[str, bool] = {}
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# the implicit resolvers a plain scalar starting with a character goes through, in order
_RESOLVERS_OF = {c: (*_RESOLVERS[c], *_WILDCARD) for c in _RESOLVERS if c is not None}


def _ascii_not_plain(text: str) -> bool:
    """``_NOT_PLAIN.search`` of a non-empty ASCII text, with string methods (a regex of
    alternatives tries each at every position): for ASCII, printable is ``isprintable``."""
    return (text[0] in _INDICATORS or ": " in text or " #" in text or text[-1] in ": "
            or text[0] == " " or not text.isprintable())


def _is_plain(text: str) -> bool:
    """Whether ``text`` can be written unquoted on one line and read back as the same string."""
    ok = _plain_cache.get(text)
    if ok is None:
        ok = bool(text) and not (_ascii_not_plain(text) if text.isascii()
                                 else _NOT_PLAIN.search(text))
        if ok:
            for tag, regexp in _RESOLVERS_OF.get(text[0], _WILDCARD):
                if regexp.match(text):
                    ok = tag == _STR_TAG
                    break
        if len(_plain_cache) > 200_000:
            _plain_cache.clear()
        _plain_cache[text] = ok
    return ok


def _quoted(text: str) -> str:
    out = json.dumps(text, ensure_ascii=False)
    if _JSON_UNSAFE.search(out):
        out = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


def _fold(text: str, column: int, indent: int) -> str:
    """A long scalar broken at single spaces once past WIDTH (YAML folds each break back into
    one space), where PyYAML breaks it: ``text`` starts at ``column``, goes on at ``indent``."""
    n = len(text)
    if column + n <= WIDTH:
        return text
    lines = []
    start = 0
    while True:
        i = text.find(" ", max(start + WIDTH - column + 1, 1))
        while i != -1 and (i + 1 >= n or text[i + 1] == " " or text[i - 1] == " "):
            i = text.find(" ", i + 1)
        if i == -1:
            lines.append(text[start:])
            return ("\n" + " " * indent).join(lines)
        lines.append(text[start:i])
        start, column = i + 1, indent


def _string(text: str, column: int, indent: int) -> str:
    if _is_plain(text):
        return _fold(text, column, indent)
    if _ONE_LINE.fullmatch(text):
        return "'" + _fold(text.replace("'", "''"), column + 1, indent) + "'"
    if "\n" in text and _NOT_LITERAL.search(text) is None:
        head = "|\n" if text.endswith("\n") else "|-\n"
        pad = " " * indent
        lines = text.rstrip("\n").split("\n")
        return head + "\n".join(pad + line if line else "" for line in lines)
    return _quoted(text)


def _scalar(value: Any, column: int, indent: int) -> str:
    if isinstance(value, str):
        return _string(value, column, indent)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value).lower()
        if "." not in text and "e" in text:  # 1e+20 is a string in YAML 1.1; 1.0e+20 a float
            text = text.replace("e", ".0e", 1)
        return text
    if isinstance(value, datetime.date):
        if isinstance(value, datetime.datetime):
            return value.isoformat(" ")
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to YAML: {value!r}")


def _key(key: Any, indent: int) -> str:
    """``key`` written as a mapping key, with its colon: always one line; a key too long for
    a simple key (1024 characters) is written explicitly ('? key' then ': value')."""
    text = _heads.get(key) if type(key) is str else None
    if text is None:
        if isinstance(key, str):
            key_text = str(key)
            if _is_plain(key_text):
                text = key_text
            elif _ONE_LINE.fullmatch(key_text):
                text = "'" + key_text.replace("'", "''") + "'"
            else:
                text = _quoted(key_text)
        else:
            text = _scalar(key, 0, 0)
        if len(text) > 1000:
            return f"? {text}\n{' ' * indent}:"
        text += ":"
        if type(key) is str and len(_heads) < 10_000:
            _heads[key] = text
    return text


_SIMPLE = {True: "true", False: "false", None: "null"}
_heads: dict[str, str] = {}  # key -> "key:"
_flat: dict[str, str] = {}  # string -> its one-line form (valid while it fits in WIDTH)


def _text(item: str, column: int, indent: int) -> str:
    flat = _flat.get(item)
    if flat is not None and column + len(flat) <= WIDTH:
        return flat
    out = _string(item, column, indent)
    if "\n" not in out:
        if len(_flat) > 100_000:
            _flat.clear()
        _flat[item] = out
    return out


def _plain_type(item: Any) -> Any:
    """Subclasses of dict/list/str as their base type; tuples as lists."""
    if isinstance(item, dict):
        return dict(item)
    if isinstance(item, list | tuple):
        return list(item)
    if isinstance(item, str):
        return str(item)
    return item


def _emit(value: dict | list, indent: int, out: list[str], inline: bool) -> None:
    """Append a non-empty mapping or list in block style at ``indent``; ``inline``: its first
    line goes right after a '- ' already written."""
    if type(value) is dict:
        _emit_map(value, indent, out, inline)
    else:
        _emit_list(value, indent, out, inline)


_lines: dict[int, dict[str, tuple[str, int]]] = {}  # indent -> key -> (its line, value column)


def _key_line(key: Any, indent: int) -> tuple[str, int]:
    """A key's line up to its value (indent, key, colon) and the column its value starts at."""
    head = _key(key, indent)
    hit = (" " * indent + head, indent + len(head) + 1)
    if type(key) is str and "\n" not in head:
        lines = _lines.setdefault(indent, {})
        if len(lines) < 10_000:
            lines[key] = hit
    return hit


def _inline(item: Any, column: int, indent: int) -> Any:
    """A value's text when it goes on its key's or dash's line (a scalar), else the value as
    a plain dict or list, to be written below it."""
    t = type(item)
    if t is str:
        return _text(item, column, indent)
    if t is int:
        return str(item)
    if t is bool or item is None:
        return _SIMPLE[item]
    if t is not dict and t is not list:
        item = _plain_type(item)
        if type(item) is not dict and type(item) is not list:
            return _scalar(item, column, indent)
    return item


def _emit_map(value: dict, indent: int, out: list[str], inline: bool) -> None:
    """``_emit`` of a mapping. Written for speed: this runs per mapping of every question
    (key lines come from a cache per indent, strings from ``_flat`` through ``_text``)."""
    lines = _lines.get(indent) or {}
    for key, item in value.items():
        hit = lines.get(key) if type(key) is str else None
        line, column = hit or _key_line(key, indent)
        if inline:  # right after '- ': without the indent
            line = line[indent:]
            inline = False
        item = _inline(item, column, indent + 2)
        if type(item) is str:
            out.append(f"{line} {item}\n")
        elif not item:
            out.append(line + (" {}\n" if type(item) is dict else " []\n"))
        elif type(item) is dict:
            out.append(line + "\n")
            _emit_map(item, indent + 2, out, False)
        else:  # a list under a key is not indented (as PyYAML writes it)
            out.append(line + "\n")
            _emit_list(item, indent, out, False)


def _emit_list(value: list, indent: int, out: list[str], inline: bool) -> None:
    """``_emit`` of a list (see ``_emit_map``)."""
    dash = " " * indent + "-"
    for item in value:
        line = "-" if inline else dash
        inline = False
        item = _inline(item, indent + 2, indent + 2)
        if type(item) is str:
            out.append(f"{line} {item}\n")
        elif not item:
            out.append(line + (" {}\n" if type(item) is dict else " []\n"))
        else:
            out.append(line + " ")
            _emit(item, indent + 2, out, True)


def dump_chunks(data: dict[str, Any], lists: Iterable[str] = ()) -> Iterator[str]:
    """Block-style YAML for a top-level mapping, in pieces: one per top-level key, and one per
    item of the top-level keys named in ``lists`` (whose values may then be any iterable, e.g.
    a generator), so a large document is never held in memory as a whole."""
    streamed = set(lists)
    if not data:
        yield "{}\n"
    for key, value in data.items():
        if key in streamed:
            first = True
            for item in value:
                if first:
                    yield _key(key, 0) + "\n"
                    first = False
                out: list[str] = []
                _emit([item], 0, out, inline=False)
                yield "".join(out)
            if first:
                yield _key(key, 0) + " []\n"
        else:
            out = []
            _emit({key: value}, 0, out, inline=False)
            yield "".join(out)


def dump_fast(data: dict[str, Any]) -> str:
    """The whole of :func:`dump_chunks` as one string (for small documents and tests)."""
    return "".join(dump_chunks(data))
