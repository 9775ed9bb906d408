"""Run one function over a few slices of in-memory work, in forked copies of this process.

The generator needs the whole merged corpus and the indexes built from it; a forked child
starts with all of that already in memory, where a process pool would have to pickle it.
Only the results travel back, through a pipe. Without ``fork`` (Windows, or a child that
dies), the work is simply done here, so the results never depend on how it was run.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

S = TypeVar("S")
R = TypeVar("R")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def map_forked(fn: Callable[[S], R], slices: Sequence[S],
               here: Callable[[S], R] | None = None) -> list[R]:
    """``[fn(s) for s in slices]``: the first slice here, each other one in a forked child.

    ``here``, when given, does the first slice instead of ``fn``: it may return what would
    be too costly to send through a pipe (a failed child's slice is redone with it too)."""
    here = here or fn
    if len(slices) <= 1 or not can_fork():
        return [here(s) for s in slices]
    ctx = multiprocessing.get_context("fork")
    children = []
    for s in slices[1:]:
        recv, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_child, args=(fn, s, send), daemon=True)
        child.start()
        send.close()  # the child holds the sending end; EOF here means it died
        children.append((child, recv))
    results = [here(slices[0])]
    for s, (child, recv) in zip(slices[1:], children, strict=True):
        ok, value = _receive(recv)
        child.join()
        results.append(value if ok else here(s))  # a failed child's slice is redone here
    return results


def _child(fn: Callable[[S], R], s: S, send) -> None:
    try:
        send.send((True, fn(s)))
    except BaseException:  # noqa: BLE001 - reported to the parent, which redoes the slice
        send.send((False, traceback.format_exc()))
    finally:
        send.close()


def _receive(recv) -> tuple[bool, object]:
    try:
        return recv.recv()
    except (EOFError, OSError):
        return False, None
    finally:
        recv.close()


def even_slices(n: int, parts: int) -> list[range]:
    """``range(n)`` cut into ``parts`` contiguous runs whose lengths differ by at most one."""
    parts = max(1, min(parts, n))
    size, extra = divmod(n, parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (i < extra)
        out.append(range(start, end))
        start = end
    return out
