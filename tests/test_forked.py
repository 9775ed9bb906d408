import os

import pytest

from quizgen import forked
from quizgen.forked import even_slices, map_forked

needs_fork = pytest.mark.skipif(not forked.can_fork(), reason="no fork on this platform")


def test_even_slices_cover_everything_in_order():
    assert even_slices(10, 3) == [range(0, 4), range(4, 7), range(7, 10)]
    assert even_slices(2, 5) == [range(0, 1), range(1, 2)]  # never an empty part
    assert even_slices(0, 2) == [range(0, 0)]


@needs_fork
def test_children_compute_their_slices_and_results_keep_order():
    parent = os.getpid()
    out = map_forked(lambda s: (sum(s), os.getpid() != parent), [range(3), range(3, 6),
                                                                  range(6, 9)])
    assert [total for total, _ in out] == [3, 12, 21]
    assert [in_child for _, in_child in out] == [False, True, True]


@needs_fork
def test_a_failing_child_slice_is_redone_here():
    parent = os.getpid()

    def fn(s):
        if os.getpid() != parent:
            raise RuntimeError("child broke")
        return list(s)

    assert map_forked(fn, [range(2), range(2, 4)]) == [[0, 1], [2, 3]]


@needs_fork
def test_a_child_that_dies_is_redone_here():
    parent = os.getpid()

    def fn(s):
        if os.getpid() != parent:
            os._exit(3)  # as if killed: nothing is sent back
        return len(s)

    assert map_forked(fn, [range(2), range(5)]) == [2, 5]


def test_an_error_here_propagates():
    with pytest.raises(ZeroDivisionError):
        map_forked(lambda s: 1 / 0, [range(1)])
