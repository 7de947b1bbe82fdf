"""Atomic file writes: an interrupted build never leaves a half-written output file.

A file that cannot be written (its folder cannot be created, no permission, a read-only or
full file system) raises :class:`kg.errors.OutputError`, whose message names the file and the
cause in one line (``out/graph.ttl: cannot write (Permission denied)``).

Data is written to a temporary file in the target's own folder (so the final rename never
crosses file systems), flushed and ``fsync``-ed, then moved over the target with
:func:`os.replace`, which is atomic. On any error (including ``KeyboardInterrupt``) the
temporary file is removed and the previous target, if any, is left untouched. Missing parent
folders are created. A process killed outright (SIGKILL, power loss) cannot remove its temporary
file: its name carries the writer's process id (``.graph.ttl.<pid>.<random>.tmp``), and the next
successful write of the same target removes the ones whose process is gone.

>>> atomic_write_text("out/graph.ttl", "@prefix kg: <https://w3id.org/kg-news/ontology#> .\\n")  # doctest: +SKIP
>>> with atomic_open("out/graph.nt", "w") as f:                                                  # doctest: +SKIP
...     graph.serialize(f, format="nt")
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from kg.errors import OutputError

__all__ = ["atomic_write_text", "atomic_write_bytes", "atomic_open"]


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Atomically replace ``path`` with ``text``.

    The text is written exactly as given: no newline translation, whatever the platform.
    """
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Atomically replace ``path`` with ``data``."""
    with atomic_open(path, "wb") as f:
        f.write(data)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", encoding: str = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file for writing that replaces ``path`` when the block exits cleanly.

    ``mode`` is ``"w"`` (text, ``encoding``, no newline translation) or ``"wb"``. If the block
    raises, the temporary file is removed, ``path`` keeps its previous content, and the
    exception propagates. Useful for serialisers that stream to a file object.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open: mode must be 'w' or 'wb', not {mode!r}")
    # Write through a symlink to its target rather than replacing the link itself.
    target = Path(os.path.realpath(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = tempfile.NamedTemporaryFile(
            mode="wb", delete=False, dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
        )
    except OSError as exc:
        raise _output_error(path, exc) from None
    try:
        with tmp:
            if mode == "w":
                f = io.TextIOWrapper(tmp.file, encoding=encoding, newline="")
                yield f
                f.flush()
                f.detach()  # leave closing to `with tmp`
            else:
                yield tmp
            tmp.flush()
            os.fsync(tmp.fileno())
        _copy_mode(target, tmp.name)
        os.replace(tmp.name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp.name)
        if isinstance(exc, OSError) and exc.errno is not None and not isinstance(exc, OutputError):
            raise _output_error(path, exc) from None  # a full disk, a file system gone read-only...
        raise
    _fsync_dir(target.parent)
    _remove_stale_temporaries(target)


def _output_error(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    """``path: cannot write (reason)``, naming the part of the path that is in the way."""
    culprit = exc.filename if isinstance(exc.filename, str) else None
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        reason = f"{culprit or 'a part of its folder'} is a file, not a folder"
    else:
        reason = exc.strerror or str(exc)
        if culprit is not None and Path(culprit) != Path(os.path.realpath(path)).parent \
                and not Path(culprit).name.startswith("."):
            reason += f": {culprit}"
    return OutputError(f"cannot write ({reason})", path=os.fspath(path))


def _remove_stale_temporaries(target: Path) -> None:
    """Remove ``.<name>.<pid>.*.tmp`` files beside ``target`` left by writers that no longer run
    (killed before they could clean up). Files of running processes are left alone."""
    prefix = f".{target.name}."
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        parts = name[len(prefix):].split(".")  # [pid, random, "tmp"]; more parts: another target's
        if len(parts) == 3 and parts[0].isdigit() and not _running(int(parts[0])):
            with contextlib.suppress(OSError):
                os.unlink(target.parent / name)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process (PermissionError), or no way to tell: keep its file
        return True
    return True


def _copy_mode(target: Path, tmp_name: str) -> None:
    """Give the new file the mode of the file it replaces, or the umask default (not 0600)."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp_name, mode)


def _fsync_dir(folder: Path) -> None:
    """Persist the rename itself (POSIX); best effort, a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
