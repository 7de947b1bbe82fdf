"""The store's lock file: one writer, or any number of readers (POSIX ``flock``).

A second writer, or a reader while a writer works, gets :class:`StoreLockedError` at once
("store is locked"), naming who holds the store when it can be told.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from kg.errors import KgError
from kg.store.layout import LOCK

try:  # POSIX advisory locks; on other systems RocksDB's own lock still refuses a second writer
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

__all__ = ["StoreLockedError", "acquire_lock"]


class StoreLockedError(KgError):
    """Another process holds the store (a writer, or readers while we want to write)."""


def acquire_lock(path: Path, *, exclusive: bool):
    """Take the store's lock file (exclusive for writers, shared for readers), without waiting."""
    lock_path = path / LOCK
    f = open(lock_path, "a+")  # noqa: SIM115 - held for the life of the store
    if fcntl is None:  # pragma: no cover
        return f
    try:
        fcntl.flock(f.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            f.close()
            raise
        who = _holder(f)
        f.close()
        if exclusive:
            raise StoreLockedError(
                f"{path}: store is locked: {who} has it open; wait for it to finish (only one process may write a store)"
            ) from None
        raise StoreLockedError(f"{path}: store is locked: {who} is writing it; query it when it has finished") from None
    if exclusive:
        f.seek(0)
        f.truncate()
        f.write(f"{os.getpid()}\n")
        f.flush()
    return f


def _holder(f) -> str:
    """Who holds the lock, as far as can be told: a writer's pid, or readers."""
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        try:
            f.seek(0)
            pid = f.read().strip()
        except OSError:
            pid = ""
        return f"a writer (pid {pid})" if pid.isdigit() else "a writer"
    fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    return "another process reading it (kg query or kg serve)"
