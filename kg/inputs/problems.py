"""What reading reports: :class:`Skipped` inputs, the internal :class:`Unreadable` signal, and the
default callbacks that turn both skips and warnings into :func:`warnings.warn` calls."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

__all__ = ["Skipped", "Unreadable", "warn_skip", "warn"]


@dataclass(frozen=True)
class Skipped:
    """An input that was left out: ``source`` is ``path`` or ``path:line``; ``reason`` says why.

    ``str(skipped)`` reads ``corpus/x.txt: empty file``.
    """

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class Unreadable(Exception):
    """Internal: the input must be skipped for ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def warn_skip(skipped: Skipped) -> None:
    """The default ``on_skip``: a :func:`warnings.warn` naming the input and the reason."""
    warnings.warn(f"kg: skipped {skipped}", stacklevel=3)


def warn(message: str) -> None:
    """The default ``on_warning``."""
    warnings.warn(f"kg: {message}", stacklevel=3)
