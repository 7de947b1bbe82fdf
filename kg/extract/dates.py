"""French date expressions normalised against the publication date.

Handles what news writes: ``"le 3 mars 2024"``, ``"les 1er et 2 novembre"``, ``"du 30 novembre au
12 décembre"``, ``"en juin"``, ``"mercredi"``, ``"lundi (30 octobre)"``, ``"en 2025"``, ``"l'an
prochain"``. Results are ISO strings: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``.

>>> find_dates("les 1er et 2 novembre", "2023-11-01")[0].values
('2023-11-01', '2023-11-02')
>>> find_dates("en juin", "2023-11-01")[0].values
('2023-06',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "RefDate", "find_dates", "parse_iso", "parse_reference", "unresolved_dates"]

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}

_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_W = "|".join(WEEKDAYS)
_D = r"(?:1er|[12]\d|3[01]|0?[1-9])"
_Y = r"(?:19|20)\d\d"

# Ordered: the first pattern that matches at a position wins; longer forms come first.
_PATTERNS = [
    # du 30 novembre au 12 décembre 2023 / du 1er au 3 mars
    ("range", re.compile(rf"\bdu\s+(?:(?:{_W})\s+)?(?P<d1>{_D})(?:\s+(?P<m1>{_M}))?(?:\s+(?P<y1>{_Y}))?\s+au\s+(?:(?:{_W})\s+)?(?P<d2>{_D})\s+(?P<m2>{_M})(?:\s+(?P<y2>{_Y}))?", re.I)),
    # les 1er et 2 novembre / (1er et 2 novembre) / 6-7 juin
    ("pair", re.compile(rf"(?<![\d])(?P<d1>{_D})(?:\s+(?P<m1>{_M}))?\s*(?:et|-|–|au)\s*(?P<d2>{_D})\s+(?P<m2>{_M})(?:\s+(?P<y2>{_Y}))?", re.I)),
    # (mardi) 3 mars 2024
    ("day", re.compile(rf"(?<![\d])(?P<d1>{_D})\s+(?P<m1>{_M})(?:\s+(?P<y1>{_Y}))?", re.I)),
    # en juin 2024 / juin 2024
    ("month", re.compile(rf"\b(?:(?:en|depuis|fin|début|mi-?)\s+)?(?P<m1>{_M})(?:\s+(?P<y1>{_Y}))?\b", re.I)),
    # mercredi et jeudi
    ("weekdays", re.compile(rf"\b(?P<w1>{_W})\s+et\s+(?P<w2>{_W})\b", re.I)),
    ("weekday", re.compile(rf"\b(?P<w1>{_W})\b", re.I)),
    ("year", re.compile(rf"\b(?:en|dès|depuis|d'ici|d’ici)\s+(?P<y1>{_Y})\b", re.I)),
]

# Every pattern needs a month name, a weekday name or a year, and each pattern some of them: the
# patterns whose words are not in the text are not run. Case-insensitive alternations are slow, so
# these words are looked for case-sensitively in the text folded as ``re.I`` folds it: lower case,
# with « İ », « ı » and « ſ » as « i », « i » and « s » (one character for one, so the same words
# are found).
_ANY_FOLDED = re.compile(rf"{_M}|{_W}|{_Y}")
_MONTH_FOLDED = re.compile(_M)
_WEEKDAY_FOLDED = re.compile(_W)
_HAS_YEAR = re.compile(_Y)
_NEEDS = {"range": "md", "pair": "md", "day": "md", "month": "m", "weekdays": "w", "weekday": "w", "year": "y"}


def _fold(text: str) -> str:
    """``text`` in lower case, with « İ », « ı », « ſ » as « i », « i », « s »: what ``re.I`` matches."""
    if "İ" in text:
        text = text.replace("İ", "i")  # (``lower()`` makes it two characters)
    text = text.lower()
    if "ı" in text:
        text = text.replace("ı", "i")
    if "ſ" in text:
        text = text.replace("ſ", "s")
    return text


@dataclass(frozen=True)
class DateMention:
    """A date expression found in text: its character span and one or two ISO values."""

    start: int
    end: int
    text: str
    values: tuple[str, ...]

    @property
    def first(self) -> str:
        return self.values[0]

    @property
    def last(self) -> str:
        return self.values[-1]


def parse_iso(value: str | None) -> date | None:
    """``"2023-11-01"`` → ``date(2023, 11, 1)``; anything else → ``None``."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@dataclass(frozen=True)
class RefDate:
    """A publication date known to the day, the month or the year only (real metadata often
    gives ``2024-11`` or nothing). Relative dates resolve as far as it allows: a month name
    needs the year; a weekday needs the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> date | None:
        """The full date, when the day is known."""
        return date(self.year, self.month, self.day) if self.month and self.day else None


_REF = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_reference(value: str | None) -> RefDate | None:
    """``"2024-11-06"``, ``"2024-11"`` or ``"2024"`` → a :class:`RefDate`; anything else → ``None``.

    >>> parse_reference("2024-11")
    RefDate(year=2024, month=11, day=None)
    """
    m = _REF.fullmatch(value or "")
    if m is None:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return RefDate(year, month, day)


def _day(d: str) -> int:
    return 1 if d.lower() == "1er" else int(d)


def _year_for(month: int, day: int | None, ref: RefDate | None, explicit: str | None, tense: str) -> int | None:
    if explicit:
        return int(explicit)
    if ref is None:
        return None
    year = ref.year
    if ref.month is None:  # only the year is known: the same year
        return year
    # compared to the day when both are known, else to the month
    candidate: tuple[int, ...] = (month, day or 1) if ref.day else (month,)
    now: tuple[int, ...] = (ref.month, ref.day) if ref.day else (ref.month,)
    # A month more than ~6 months ahead written in the past is last year's, and vice versa.
    if tense == "past" and candidate > now:
        return year - 1 if month - ref.month > 2 else year
    if tense == "future" and candidate < now and ref.month - month > 2:
        return year + 1
    return year


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat() if day else f"{year:04d}-{month:02d}"
    except ValueError:
        return None


def _weekday(name: str, refdate: RefDate | None, tense: str) -> str | None:
    """The date of a weekday name nearest to the reference date (past tense → on or before);
    ``None`` unless the reference date is known to the day."""
    ref = refdate.date if refdate is not None else None
    if ref is None:
        return None
    target = WEEKDAYS[name.lower()]
    delta = (target - ref.weekday()) % 7
    if tense == "past":
        back = (ref.weekday() - target) % 7
        return (ref - timedelta(days=back)).isoformat()
    if tense == "future" or delta <= 3:
        return (ref + timedelta(days=delta)).isoformat()
    return (ref - timedelta(days=7 - delta)).isoformat()


def find_dates(text: str, published: str | None, tense: str = "present") -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``published`` (``YYYY-MM-DD``, or
    ``YYYY-MM`` / ``YYYY`` when that is all that is known).

    ``tense`` (``"past"``, ``"present"``, ``"future"``) tells which way an incomplete date leans.
    Expressions that cannot be resolved (no year and no publication date; a weekday without a
    publication day) are left out.
    """
    folded = _fold(text)
    if not _ANY_FOLDED.search(folded):
        return _days_from_publication(text, folded, published)
    has = {
        "m": _MONTH_FOLDED.search(folded) is not None,
        "w": _WEEKDAY_FOLDED.search(folded) is not None,
        "y": _HAS_YEAR.search(text) is not None,
        "d": any(c in text for c in "0123456789"),  # every day number starts with an ASCII digit
    }
    ref = parse_reference(published)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, rx in _PATTERNS:
        if not all(has[n] for n in _NEEDS[kind]):
            continue
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            values: list[str | None] = []
            if kind in ("range", "pair"):
                m2 = MONTHS[g["m2"].lower()]
                m1 = MONTHS[g["m1"].lower()] if g.get("m1") else m2
                y2 = _year_for(m2, _day(g["d2"]), ref, g.get("y2"), tense)
                y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if y2 and m1 > m2 else y2)
                values = [_iso(y1, m1, _day(g["d1"])), _iso(y2, m2, _day(g["d2"]))]
            elif kind == "day":
                mo = MONTHS[g["m1"].lower()]
                values = [_iso(_year_for(mo, _day(g["d1"]), ref, g.get("y1"), tense), mo, _day(g["d1"]))]
            elif kind == "month":
                # "mars" alone is too ambiguous unless introduced ("en mars") or followed by a year
                if not g.get("y1") and not re.match(r"(?i)(en|depuis|fin|début|mi)", m.group(0)):
                    continue
                mo = MONTHS[g["m1"].lower()]
                values = [_iso(_year_for(mo, None, ref, g.get("y1"), tense), mo, None)]
            elif kind == "weekdays":
                values = [_weekday(g["w1"], ref, tense), _weekday(g["w2"], ref, tense)]
                if values[0] and values[1] and values[1] < values[0]:
                    values = [_weekday(g["w1"], ref, "past"), _weekday(g["w2"], ref, "present")]
            elif kind == "weekday":
                values = [_weekday(g["w1"], ref, tense)]
            elif kind == "year":
                values = [g["y1"]]
            if not values or any(v is None for v in values):
                continue
            uniq = tuple(dict.fromkeys(values))  # type: ignore[arg-type]
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), m.group(0), uniq))  # type: ignore[arg-type]
    found.sort(key=lambda d: d.start)
    # "lundi (30 octobre)", "mercredi et jeudi (1er et 2 novembre)": the explicit date says it all
    kept = []
    for i, d in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and re.fullmatch(rf"(?i)(?:{_W})(?:\s+et\s+(?:{_W}))?", d.text)
            and re.fullmatch(r"[\s(,]*", text[d.end : nxt.start])
        ):
            continue
        kept.append(d)
    return sorted(kept + _days_from_publication(text, folded, published, taken=[(d.start, d.end) for d in kept]),
                  key=lambda d: d.start)


_DAY_OFFSETS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "après-demain": 2, "demain": 1}


def _days_from_publication(text: str, folded: str, published: str | None, taken=()) -> list[DateMention]:
    """« hier », « aujourd'hui », « demain », « avant-hier », « après-demain » in ``text``
    (``folded``: the same, :func:`_fold`-ed): the publication day moved by as many days (only
    when ``published`` gives the day)."""
    if "hier" not in folded and "demain" not in folded and "ujourd" not in folded:
        return []
    ref = parse_reference(published)
    day = ref.date if ref is not None else None
    if day is None:
        return []
    out = []
    for m in _DEICTIC.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        offset = _DAY_OFFSETS.get(_fold(m.group(0)))
        if offset is not None:
            out.append(DateMention(m.start(), m.end(), m.group(0), ((day + timedelta(days=offset)).isoformat(),)))
    return out


#: Words that date what they tell by the day the article was written (:func:`find_dates` leaves
#: them out: only :func:`unresolved_dates` looks for them).
_DEICTIC = re.compile(r"\b(?:avant-hier|hier|aujourd['’]hui|après-demain|demain)\b", re.I)
_ANY_DAY = "2000-06-15"  # a reference known to the day resolves every expression find_dates reads


def unresolved_dates(text: str, published: str | None) -> list[str]:
    """The relative date expressions of ``text`` that ``published`` cannot resolve, in text order
    (each once): with no publication date, or one known only to the month or the year, the
    weekdays (« mercredi »), dates without a year (« lundi (30 octobre) », « en juin ») and
    « hier », « aujourd'hui », « demain »; ``[]`` when ``published`` gives the day.

    >>> unresolved_dates("Mercredi, hier, le 3 mars 2024 et lundi (30 octobre).", None)
    ['Mercredi', 'hier', '30 octobre']
    >>> unresolved_dates("Mercredi et en juin.", "2023-11")
    ['Mercredi']
    >>> unresolved_dates("Mercredi.", "2023-11-01")
    []
    """
    ref = parse_reference(published)
    if ref is not None and ref.day is not None:
        return []
    resolved = {(d.start, d.end) for d in find_dates(text, published)}
    found = [(d.start, d.text) for d in find_dates(text, _ANY_DAY) if (d.start, d.end) not in resolved]
    found += [(m.start(), m.group(0)) for m in _DEICTIC.finditer(text)]
    return list(dict.fromkeys(t for _, t in sorted(found)))
