"""Publication dates of inputs: the ``published`` option and the dates found in JSONL fields,
front matter and web pages.

A publication date is a day (``2024-11-06``), or only a month (``2024-11``) or a year (``2024``)
when that is all that is known, as real metadata often are; relative dates in the text are then
resolved only as far as the date allows (:mod:`kg.extract.dates`). In documents an ISO date-time
(``2023-11-01T09:30:00+01:00``) is accepted too and its date kept.
"""

from __future__ import annotations

import datetime as _dt
import re

from kg.errors import InputError

__all__ = ["check_published_option", "document_date", "partial_date"]

_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DATETIME_TAIL = re.compile(r"[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")

#: What the ``published`` option and fields accept, for messages.
EXPECTED = "a date as YYYY-MM-DD (or YYYY-MM, YYYY when only the month or year is known), e.g. 2023-11-01"


def partial_date(value: str) -> str | None:
    """``value`` stripped if it is a valid ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, else ``None``.

    >>> partial_date(" 2024-11 ")
    '2024-11'
    >>> partial_date("2024-13") is None
    True
    """
    value = value.strip()
    m = _PARTIAL.fullmatch(value)
    if m is None:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return value


def check_published_option(published: str | None) -> str | None:
    """The ``published`` argument, stripped; raises :class:`~kg.errors.InputError` unless it is a
    :func:`partial_date`."""
    if published is None:
        return None
    value = partial_date(published) if isinstance(published, str) else None
    if value is None:
        raise InputError(f"invalid published date {published!r}: expected {EXPECTED}")
    return value


def document_date(value: str) -> str | None:
    """The date of a date or ISO date-time string (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY``
    alone), or ``None`` if it is neither.

    >>> document_date("2023-11-01T09:30:00+01:00")
    '2023-11-01'
    >>> document_date("2024-11")
    '2024-11'
    >>> document_date("1er novembre") is None
    True
    """
    value = value.strip()
    partial = partial_date(value)
    if partial is not None:
        return partial
    m = _DATE.match(value)
    if not m or partial_date(m.group(1)) is None:
        return None
    tail = value[m.end():]
    if tail and not _DATETIME_TAIL.fullmatch(tail):
        return None
    return m.group(1)
