"""Name normalising, in one place: the four keys kg compares names by.

===================  ==============================================  ==========================================
function             used for                                        ``"L’Élysée"`` →
===================  ==============================================  ==========================================
:func:`slug`         IRIs and article ids (``kgid:person/…``)          ``"l-elysee"``
:func:`lookup_key`   the reference data (countries, cities, roles)    ``"elysee"`` (one leading article dropped)
:func:`fold`         searching names typed by a user (views, queries)  ``"l'elysee"``
:func:`match_key`    scoring against gold files (``kg eval``)         ``"elysee"`` (stop words dropped)
===================  ==============================================  ==========================================

All of them lower-case and remove accents; they differ in what they keep of punctuation and
small words, because each answers a different question (is this the same IRI? the same
reference entry? what the user meant? the same gold entity?).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from unidecode import unidecode

__all__ = ["slug", "lookup_key", "fold", "match_key", "STOPWORDS", "APOSTROPHES"]

#: Characters written for an apostrophe (all read as ``'``).
APOSTROPHES = "’‘ʼʹ´`′＇"

_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_APOSTROPHE_TABLE = str.maketrans({c: "'" for c in "’‘ʼʹ´`′"})
_APOSTROPHE_RE = re.compile("[\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\uff07]")
_HYPHENS = str.maketrans({c: " " for c in "-‐‑‒–—―"})
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "\u00a0": " ", "\u202f": " "})
_QUOTES = " \t\r\n«»“”\"„"
_ARTICLES = ("l'", "le ", "la ", "les ")
_ACRONYM = re.compile(r"\b(?:[a-z0-9]\.){2,}")
_NON_WORD = re.compile(r"[^a-z0-9]+")

#: Words :func:`match_key` drops (the scoring rules of the gold files).
STOPWORDS: frozenset[str] = frozenset("le la les l de du des d un une et m mme".split())


@functools.lru_cache(maxsize=16384)  # the same names come back article after article
def slug(text: str) -> str:
    """A lowercase ASCII slug: ``"Jean-Yves Le Drian"`` → ``"jean-yves-le-drian"``.

    >>> slug("Sommet sur l’IA")
    'sommet-sur-l-ia'
    >>> slug("…")
    'x'
    """
    return _SLUG_DROP.sub("-", unidecode(text).lower()).strip("-") or "x"


@functools.lru_cache(maxsize=65536)
def lookup_key(text: str) -> str:
    """The look-up key of a name in the reference data: lower case, no accents, ``'`` for every
    apostrophe, hyphens as spaces, spaces collapsed, surrounding quotes and one leading article
    removed.

    >>> lookup_key("  L’Élysée ")
    'elysee'
    >>> lookup_key("les États-Unis")
    'etats unis'
    >>> lookup_key("Côte d’Ivoire")
    "cote d'ivoire"
    """
    text = text.translate(_LIGATURES).translate(_APOSTROPHE_TABLE)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    text = " ".join(text.lower().translate(_HYPHENS).split()).strip(_QUOTES)
    for article in _ARTICLES:
        if text.startswith(article) and len(text) > len(article):
            text = text[len(article):].lstrip()
            break
    return text


def fold(text: str) -> str:
    """A name as a user may type it: transliterated to ASCII, case-folded, ``’`` as ``'``,
    spaces collapsed (the search box of the views does the same in JavaScript).

    >>> fold("  Emmanuel   MACRON ")
    'emmanuel macron'
    """
    return " ".join(unidecode(text).casefold().replace("’", "'").split())


def match_key(text: str) -> str:
    """A name as the scoring rules compare it.

    Lower case, accents removed (transliterated to ASCII), apostrophes unified, dotted acronyms
    joined (``"U.E."`` → ``"ue"``), every other punctuation character turned into a word break
    (so ``"Jean-Noël"`` → ``"jean noel"`` and ``"l’IA"`` → ``"l ia"``), and the words of
    :data:`STOPWORDS` dropped; ``""`` when nothing remains.

    >>> match_key("Jean-Yves Le Drian")
    'jean yves drian'
    >>> match_key("l’Union européenne") == match_key("L'Union Européenne")
    True
    """
    text = _APOSTROPHE_RE.sub("'", str(text))
    text = unidecode(text).lower()
    text = _ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    words = _NON_WORD.sub(" ", text).split()
    return " ".join(w for w in words if w not in STOPWORDS)
