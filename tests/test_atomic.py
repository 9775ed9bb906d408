import os
import stat
import sys

import pytest

from quizgen.atomic import write_bytes, write_text

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def test_replaces_content_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "deck.yaml"
    write_text(target, "old\n")
    write_text(target, "neu ü\n")
    assert target.read_text(encoding="utf-8") == "neu ü\n"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"]


def test_a_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "deck.yaml"
    write_text(target, "kept\n")
    with pytest.raises(TypeError):
        write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text() == "kept\n"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.yaml"]


@posix_only
def test_new_file_gets_the_umask_permissions_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_bytes(tmp_path / "deck.apkg", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "deck.apkg").stat().st_mode) == 0o644


@posix_only
def test_rewrite_keeps_the_file_permissions(tmp_path):
    target = tmp_path / "deck.yaml"
    target.write_text("old")
    target.chmod(0o640)
    write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix_only
def test_a_killed_writers_temp_file_is_removed_by_the_next_write(tmp_path):
    """SIGKILL leaves no chance to clean up: the next write of the same file does it, and leaves
    alone the temp file of a writer still running and files that are not ours."""
    import subprocess

    target = tmp_path / "deck.yaml"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f".deck.yaml.{dead.stdout.strip()}.k3j2h1g0.tmp"
    stale.write_bytes(b"half a deck")
    live = tmp_path / f".deck.yaml.{os.getppid()}.a1b2c3d4.tmp"  # our parent: alive
    live.write_bytes(b"being written")
    others = [tmp_path / f".other.yaml.{dead.stdout.strip()}.x.tmp", tmp_path / "notes.tmp"]
    for f in others:
        f.write_bytes(b"not ours")
    write_text(target, "new\n")
    assert not stale.exists()
    assert live.exists() and all(f.exists() for f in others)
    assert target.read_text() == "new\n"
