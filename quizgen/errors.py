"""User-facing errors: each carries one line that names the file (and line) at fault."""

from __future__ import annotations


class QuizgenError(Exception):
    """An error caused by the user's input; the CLI prints it as one line and exits 1."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        self.path = path
        self.line = line
        self.reason = message
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(f"{where}{message}")
