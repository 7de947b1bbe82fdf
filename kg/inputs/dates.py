"""Publication dates of inputs: the ``published`` option (``YYYY-MM-DD``) and the dates found in
JSONL fields, front matter and web pages, where an ISO date-time
(``2023-11-01T09:30:00+01:00``) is accepted too and its date kept."""

from __future__ import annotations

import datetime as _dt
import re

from kg.errors import InputError

__all__ = ["check_published_option", "document_date"]

_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_DATETIME_TAIL = re.compile(r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


def _valid_date(value: str) -> bool:
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_published_option(published: str | None) -> str | None:
    """The ``published`` argument, stripped; raises :class:`~kg.errors.InputError` unless ``YYYY-MM-DD``."""
    if published is None:
        return None
    if not isinstance(published, str) or not _DATE.fullmatch(published.strip()) or not _valid_date(published.strip()):
        raise InputError(f"invalid published date {published!r}: expected a date as YYYY-MM-DD, e.g. 2023-11-01")
    return published.strip()


def document_date(value: str) -> str | None:
    """``YYYY-MM-DD`` from a date or ISO date-time string, or ``None`` if it is neither.

    >>> document_date("2023-11-01T09:30:00+01:00")
    '2023-11-01'
    >>> document_date("1er novembre") is None
    True
    """
    value = value.strip()
    m = _DATE.match(value)
    if not m or not _valid_date(m.group(1)):
        return None
    tail = value[m.end():]
    if tail and not _DATETIME_TAIL.fullmatch(tail):
        return None
    return m.group(1)
