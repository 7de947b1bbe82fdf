"""The errors kg raises on purpose, in one place (as spaCy's ``errors.py``).

Everything kg raises deliberately is a :class:`KgError`, so callers (and the CLI) can tell a
user-facing problem from a bug. :class:`InputError` is a problem with what the user gave
(a path, a file, an option): the CLI reports it and exits with status 2.

>>> str(InputError("no such file or folder", path="corpus/missing.txt"))
'corpus/missing.txt: no such file or folder'
>>> str(InputError("invalid JSON", path="c.jsonl", line=12))
'c.jsonl:12: invalid JSON'
"""

from __future__ import annotations

import os

__all__ = ["KgError", "InputError", "OutputError", "UnknownEntityError"]


class KgError(Exception):
    """Base class of every error kg raises on purpose; the message is meant for the user."""


class InputError(KgError):
    """A problem with an input path, file or option (the CLI exits with status 2).

    The message names the file (and line) first when ``path`` is given:
    ``InputError("empty file", path="a.txt")`` reads ``a.txt: empty file``.
    A single preformatted message works too: ``InputError(f"{path}: no such file")``.
    """

    def __init__(self, message: str, *, path: str | os.PathLike[str] | None = None, line: int | None = None) -> None:
        self.problem = message
        self.path = None if path is None else os.fspath(path)
        self.line = line
        where = "" if self.path is None else self.path + ("" if line is None else f":{line}") + ": "
        super().__init__(where + message)


class OutputError(InputError, OSError):
    """A file kg was asked to write cannot be written (a folder that cannot be created, no
    permission, a full disk...): the CLI says which and why in one line and exits with status 2.
    Also an :class:`OSError`, for callers that catch those.

    >>> str(OutputError("cannot write (Permission denied)", path="out/graph.ttl"))
    'out/graph.ttl: cannot write (Permission denied)'
    """


class UnknownEntityError(InputError):
    """A name (``kg view --focus``, ``kg query entity --param entity=…``) names no entity of the
    graph; ``suggestions`` holds the closest names (:meth:`kg.names.NameIndex.suggest`).

    >>> str(UnknownEntityError("Lefevr", ["Noémie Lefèvre"]))
    'no entity named « Lefevr » in the graph; closest names: « Noémie Lefèvre »'
    """

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        hint = ("; closest names: " + ", ".join(f"« {s} »" for s in self.suggestions)) if self.suggestions else ""
        super().__init__(f"no entity named « {name} » in the graph{hint}")

    def __reduce__(self):  # pickled by ``kg query --timeout``'s child process
        return (UnknownEntityError, (self.name, self.suggestions))
