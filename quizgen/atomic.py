"""Atomic file writes: a crash mid-write never leaves a half-written deck or export."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def _mode(path: Path) -> int:
    """The replaced file's permissions, else what a plain ``open()`` would give (mkstemp: 0600)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_stale(path: Path) -> None:
    """Remove the temporary files earlier writes of ``path`` left behind when killed (their
    names carry the writer's process id; one whose process is still alive is being written)."""
    if os.name != "posix":  # no safe way to ask whether a process id is alive
        return
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.*.tmp"):
        pid = tmp.name[len(path.name) + 2:].split(".", 1)[0]
        if not pid.isdigit() or not 0 < int(pid) < 1 << 31 or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                tmp.unlink()
        except OSError:  # alive, another user's
            pass


@contextmanager
def replacing(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through: it replaces ``path`` only if the block succeeds.

    For big outputs written in chunks (a deck of 200,000 questions), so the whole file never
    has to be in memory at once.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp",
                               dir=path.parent)
    try:
        os.chmod(tmp, _mode(path))
        with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with replacing(path) as fh:
        fh.write(data)


def write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding))


def write_chunks(path: str | os.PathLike, chunks: Iterable[str], encoding: str = "utf-8") -> None:
    """Write text produced piece by piece (a generator), atomically."""
    with replacing(path) as fh:
        for chunk in chunks:
            fh.write(chunk.encode(encoding))
