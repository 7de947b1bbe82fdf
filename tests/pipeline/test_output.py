"""Tests of kg.output: atomic writes replace the target or leave it untouched."""

from __future__ import annotations

import os
import stat

import pytest

from kg import output
from kg.output import atomic_open, atomic_write_bytes, atomic_write_text


def test_write_text_creates_parents_and_content(tmp_path):
    target = tmp_path / "out" / "deep" / "graph.ttl"
    atomic_write_text(target, "é\r\nligne\n")
    assert target.read_bytes() == "é\r\nligne\n".encode("utf-8")  # no newline translation
    assert os.listdir(target.parent) == ["graph.ttl"]


def test_write_replaces_content_and_leaves_no_temp(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")
    atomic_write_text(target, "new")
    atomic_write_bytes(target, b"newer")
    assert target.read_bytes() == b"newer"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_encoding(tmp_path):
    target = tmp_path / "a.txt"
    atomic_write_text(target, "Noël", encoding="utf-16")
    assert target.read_text(encoding="utf-16") == "Noël"


def test_failed_replace_keeps_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("previous", encoding="utf-8")

    def boom(src, dst):
        raise OSError("disk on fire")

    monkeypatch.setattr(output.os, "replace", boom)
    with pytest.raises(OSError, match="disk on fire"):
        atomic_write_text(target, "new content")
    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_failed_fsync_keeps_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_bytes(b"previous")

    def boom(fd):
        raise OSError("fsync failed")

    monkeypatch.setattr(output.os, "fsync", boom)
    with pytest.raises(OSError, match="fsync failed"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_exception_while_streaming_keeps_previous_file(tmp_path):
    target = tmp_path / "graph.nt"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        with atomic_open(target, "w") as f:
            f.write("half of the ")
            f.flush()
            raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["graph.nt"]


def test_atomic_open_text_and_binary(tmp_path):
    with atomic_open(tmp_path / "a.txt", "w") as f:
        f.write("un\n")
        f.write("deux\n")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "un\ndeux\n"
    with atomic_open(tmp_path / "b.bin", "wb") as f:
        f.write(b"\x00\x01")
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.bin"]


def test_atomic_open_rejects_read_modes(tmp_path):
    with pytest.raises(ValueError):
        with atomic_open(tmp_path / "a.txt", "r"):
            pass


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_mode_is_not_private_tempfile_mode(tmp_path):
    new = tmp_path / "new.txt"
    atomic_write_text(new, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask
    existing = tmp_path / "existing.txt"
    existing.write_text("x")
    existing.chmod(0o640)
    atomic_write_text(existing, "y")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlink_target_is_written(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def _dead_pid() -> int:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.mark.integration
def test_temporaries_of_killed_writers_are_removed_by_the_next_write(tmp_path):
    target = tmp_path / "graph.ttl"
    atomic_write_text(target, "one")
    dead = tmp_path / f".graph.ttl.{_dead_pid()}.abc123.tmp"   # a writer killed before its rename
    alive = tmp_path / f".graph.ttl.{os.getpid()}.def456.tmp"  # a writer still running (this process)
    other = tmp_path / f".other.ttl.{_dead_pid()}.ghi789.tmp"  # another target's
    old_style = tmp_path / ".graph.ttl.jkl012.tmp"             # no process id: cannot tell, kept
    for p in (dead, alive, other, old_style):
        p.write_text("partial")
    atomic_write_text(target, "two")
    assert target.read_text() == "two"
    assert not dead.exists()
    assert alive.exists() and other.exists() and old_style.exists()


@pytest.mark.integration
def test_failed_write_does_not_remove_other_temporaries(tmp_path):
    target = tmp_path / "graph.ttl"
    dead = tmp_path / f".graph.ttl.{_dead_pid()}.abc123.tmp"
    dead.write_text("partial")
    with pytest.raises(RuntimeError):
        with atomic_open(target, "w") as f:
            f.write("x")
            raise RuntimeError("boom")
    assert dead.exists()  # only a successful write cleans up
    assert not target.exists()
