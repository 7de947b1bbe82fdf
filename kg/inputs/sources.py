"""Which inputs to read, in which order, and their default article ids.

* a file named explicitly is read whatever its extension: ``.md`` / ``.markdown`` as Markdown,
  ``.html`` / ``.htm`` / ``.xhtml`` as a web page, ``.jsonl`` as JSONL, anything else as plain text;
* a folder stands for its ``.txt``, ``.md``, ``.jsonl``, ``.html`` and ``.htm`` files, recursively,
  in sorted order (hidden files and folders, whose name starts with ``.``, are ignored; symbolic
  links to folders are not followed); a file named twice (or also inside a folder) is read once;
  a dangling symbolic link, a symbolic link loop or a pipe among them is reported (skipped, with
  the reason) rather than dropped in silence;
* ``-`` is standard input; a pipe named explicitly (``kg build <(cat a.txt)``, a FIFO) or a
  character device is read as a stream, like standard input (``kind`` "stream");
* a dangling symbolic link or a loop named explicitly is an error that says so.

A file's id is the slug of its name without the extension (``Sommet de l'IA.txt`` →
``sommet-de-l-ia``). When several files share a slug, each gets its parent folder(s) appended
(``2023/x.txt``, ``2024/x.txt`` → ``x-2023``, ``x-2024``), or its extension when they share the folder.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.names import slug

__all__ = ["ARTICLE_SUFFIXES", "STDIN_SOURCE", "Source", "collect", "file_ids"]

#: File extensions picked up in folders.
ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl", ".html", ".htm")

#: How standard input is named in messages and in ``Article.source``.
STDIN_SOURCE = "<stdin>"

_MARKDOWN_SUFFIXES = (".md", ".markdown")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Source:
    """One input to read: ``kind`` is "text", "markdown", "html", "jsonl", "stdin", "stream" (a pipe
    or device named as a path), "empty-folder" or "problem" (a file of a folder that cannot be read:
    ``reason`` says why); ``display`` is how messages name it."""

    kind: str
    path: Path | None
    display: str
    reason: str = ""


def _link_problem(path: Path) -> str | None:
    """Why ``path`` (which does not stat) cannot be read, when it is a broken symbolic link."""
    try:
        os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return f"dangling symbolic link (to {os.readlink(path)})"
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot read ({exc.strerror or exc})"
    return None


def _not_a_file(mode: int) -> str:
    what = "a pipe" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) \
        else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
    return f"{what}, not a regular file"


def _folder_files(root: Path) -> list[tuple[Path, str]]:
    """The article files of a folder, sorted, each with "" or the reason it cannot be read."""
    found: list[tuple[tuple[str, ...], Path, str]] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(ARTICLE_SUFFIXES):
                continue
            path = Path(folder, name)
            try:
                mode = os.stat(path).st_mode
                problem = "" if stat.S_ISREG(mode) else _not_a_file(mode)
            except OSError:
                problem = _link_problem(path) or "cannot read"
            found.append((path.relative_to(root).parts, path, problem))
    return [(path, problem) for _, path, problem in sorted(found)]
def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return "jsonl"
    if suffix in _HTML_SUFFIXES:
        return "html"
    return "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"


def collect(paths: Sequence[str | os.PathLike[str]]) -> list[Source]:
    """Check every path and list what to read, in order; raises :class:`InputError`."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if not paths:
        raise InputError("no input given: name files, folders, or - for standard input")
    sources: list[Source] = []
    seen: set[str] = set()
    stdin_seen = False

    def add(kind: str, path: Path, display: str) -> None:
        key = os.path.realpath(path)
        if key not in seen:  # the same file named twice (or also inside a folder) is read once
            seen.add(key)
            sources.append(Source(kind, path, display))

    for raw in paths:
        if os.fspath(raw) == "-":
            if stdin_seen:
                raise InputError("- (standard input) given more than once")
            stdin_seen = True
            sources.append(Source("stdin", None, STDIN_SOURCE))
            continue
        path = Path(raw)
        display = os.fspath(raw)
        try:
            mode = os.stat(path).st_mode
        except OSError:
            raise InputError(_link_problem(path) or "no such file or folder", path=display) from None
        if stat.S_ISDIR(mode):
            files = _folder_files(path)
            if not files:
                sources.append(Source("empty-folder", path, display))
            for f, problem in files:
                shown = os.path.join(display, os.fspath(f.relative_to(path)))
                if problem:
                    sources.append(Source("problem", f, shown, problem))
                else:
                    add(_kind(f), f, shown)
            continue
        if not os.access(path, os.R_OK):
            raise InputError("permission denied", path=display)
        if stat.S_ISREG(mode):
            add(_kind(path), path, display)
        elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
            sources.append(Source("stream", path, display))  # read once, as it comes, like standard input
        else:
            raise InputError(_not_a_file(mode), path=display)
    return sources


def file_ids(sources: list[Source]) -> dict[str, str]:
    """The default id of each text/markdown/html source (keyed by display), unique among them."""
    files = [s for s in sources if s.kind in ("text", "markdown", "html", "stream")]
    groups: dict[str, list[Source]] = {}
    for s in files:
        assert s.path is not None
        groups.setdefault(slug(s.path.stem), []).append(s)
    ids: dict[str, str] = {}
    for base, group in groups.items():
        if len(group) == 1:
            ids[group[0].display] = base
            continue
        parents = {s.display: [slug(p) for p in Path(os.path.realpath(s.path)).parent.parts[1:]] for s in group}  # type: ignore[arg-type]
        depth = max(len(p) for p in parents.values())
        for k in range(1, depth + 1):
            cands = {d: "-".join([base, *p[len(p) - k:]]) if p else base for d, p in parents.items()}
            if len(set(cands.values())) == len(cands):
                break
        else:  # same folder too (x.txt and x.md): the extension tells them apart
            cands = {s.display: f"{base}-{slug(s.path.suffix)}" for s in group}  # type: ignore[union-attr]
        ids.update(cands)  # still equal ones are numbered by the duplicate guard
    return ids
