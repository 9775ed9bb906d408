"""Safe YAML reading that can say *where* a problem is (file and line), and readable dumping."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from quizgen.errors import QuizgenError

try:
    _Loader: type = yaml.CSafeLoader
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    _Loader, _Dumper = yaml.SafeLoader, yaml.SafeDumper


class Located:
    """A parsed YAML document plus its node tree, to map a key path back to a line number."""

    def __init__(self, path: str, data: Any, node: yaml.Node | None):
        self.path = path
        self.data = data
        self.node = node

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


def load_text(text: str, path: str) -> Located:
    """Parse ``text`` (from ``path``) safely; syntax errors become one-line QuizgenErrors."""
    try:
        loader = _Loader(text)  # one parse: the node tree (for lines) and the data built from it
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = (exc.problem or exc.context or "invalid YAML").strip()
        raise QuizgenError(f"YAML syntax error: {reason}", path, line) from None
    except yaml.YAMLError as exc:
        raise QuizgenError(f"YAML error: {exc}".splitlines()[0], path) from None
    return Located(path, data, node)


def load_file(path: str | os.PathLike) -> Located:
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
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise QuizgenError("not UTF-8 text (is this really a YAML file?)", str(path)) from None
    return load_text(text, str(path))


def dump(data: Any) -> str:
    """Block-style, key order kept, Unicode as is: a file people can read and edit."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
        default_flow_style=False,
    )
