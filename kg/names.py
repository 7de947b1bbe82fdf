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

:class:`NameIndex` finds entities by a name a user typed (``kg view --focus``, the ``entity``
parameter of ``kg query``, :func:`kg.graph.analysis.entity_graph`) and suggests close names when
none matches; :class:`~kg.errors.UnknownEntityError` carries them.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Hashable, Iterable
from difflib import get_close_matches

from unidecode import unidecode

__all__ = ["slug", "lookup_key", "fold", "match_key", "name_words", "NameIndex", "STOPWORDS", "APOSTROPHES"]

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


_WORD_BREAK = re.compile(r"[^a-z0-9]+")


def name_words(text: str) -> tuple[str, ...]:
    """The words of a name as :func:`fold` reads it, every other character a word break.

    >>> name_words("Noémie LEFÈVRE-Roux")
    ('noemie', 'lefevre', 'roux')
    >>> name_words("l’Élysée")
    ('l', 'elysee')
    """
    return tuple(w for w in _WORD_BREAK.split(fold(text)) if w)


def _contains_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(words[i:i + n] == run for i in range(len(words) - n + 1))


@functools.lru_cache(maxsize=1)
def _fold_table() -> tuple[dict[str, str], re.Pattern]:
    """What :func:`fold` makes of each character of the Basic Multilingual Plane: ASCII letter or
    digit → the characters that fold to it alone (``"e"`` → ``"éèêëÉ…"``), and a pattern of the
    characters that fold to several characters or to none (``œ``, ``ß``, Chinese syllables,
    combining marks…) or lie beyond the plane. About 0.25 s, once."""
    single: dict[str, list[str]] = {}
    opaque: list[str] = []
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        f = unidecode(ch).casefold()
        if len(f) != 1:
            opaque.append(ch)
        elif f.isascii() and f.isalnum():
            single.setdefault(f, []).append(ch)
    table = {c: re.escape("".join(chars)) for c, chars in single.items()}
    return table, re.compile("[" + re.escape("".join(opaque)) + "\U00010000-\U0010FFFF]")


def _loose(word: str) -> re.Pattern:
    """A pattern that finds, in raw text, the characters that fold to ``word`` one by one
    (``"noel"`` finds ``"Noël"``): the texts that fold to hold ``word`` are the texts it finds,
    and those that hold a character of :func:`_fold_table`'s second pattern."""
    table, _ = _fold_table()
    return re.compile("".join(f"[{c}{re.escape(c.upper())}{table.get(c, '')}]" for c in word))


class NameIndex:
    """Entities found by a name a user typed, case and accents ignored.

    Built from ``(key, label, alternative labels)`` triples (``key``: an IRI, a node id…).
    :meth:`find` gives, from the first rule that finds any:

    1. the entities whose label is the name (:func:`fold` ed: ``"MACRON"`` is ``"Macron"``);
    2. those with the name as an alternative label;
    3. those whose label or an alternative label holds the name's words as whole words, in
       order (``"Lefevre"`` and ``"Noemie Lefevre"`` find « Noémie Lefèvre »; ``"Lefe"``
       finds nothing).

    :meth:`suggest` gives the labels closest to a name that found nothing.

    Names are folded when needed: past :data:`PREFILTER_FROM` entries, :meth:`find` folds only
    the names that may hold the longest word typed (found in the raw text, accents and all, by a
    pattern of the characters that fold to each of its letters), so that a store of 100,000
    entities is searched in a fraction of a second.

    >>> idx = NameIndex([("p1", "Emmanuel Macron", ["M. Macron"]), ("p2", "Noémie Lefèvre", [])])
    >>> idx.find("macron"), idx.find("noemie lefevre"), idx.find("Lefe")
    (['p1'], ['p2'], [])
    >>> idx.suggest("Lefe")
    ['Noémie Lefèvre']
    """

    #: From how many entries :meth:`find` filters the raw names before it folds them.
    PREFILTER_FROM = 2000

    def __init__(self, entries: Iterable[tuple[Hashable, str, Iterable[str]]], *, prefilter: bool | None = None) -> None:
        self._entries = [(key, str(label), tuple(str(a) for a in aliases)) for key, label, aliases in entries]
        self._prefilter = len(self._entries) >= self.PREFILTER_FROM if prefilter is None else prefilter

    def __len__(self) -> int:
        return len(self._entries)

    def _candidates(self, words: tuple[str, ...]):
        """The entries whose names may fold to hold ``words`` (all of them without the prefilter)."""
        if not self._prefilter or not words:
            return self._entries
        word = _loose(max(words, key=len))
        opaque = _fold_table()[1]
        return [e for e in self._entries
                if any(word.search(n) or opaque.search(n) for n in (e[1], *e[2]))]

    def find(self, name: str) -> list:
        """The keys of the entities ``name`` names (see the class), in the order given; ``[]`` if none."""
        want = fold(name)
        run = name_words(want)
        if not want:
            return []
        folded = [(k, fold(label), tuple(fold(a) for a in aliases)) for k, label, aliases in self._candidates(run)]
        found = [k for k, lab, _ in folded if lab == want]
        if not found:
            found = [k for k, _, aliases in folded if want in aliases]
        if not found and run:
            found = [k for k, lab, aliases in folded if any(_contains_run(name_words(n), run) for n in (lab, *aliases))]
        return list(dict.fromkeys(found))

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Up to ``n`` labels close to ``name``: names that contain what was typed (``"Macr"`` →
        « Emmanuel Macron ») or its words in another order, then look-alikes of the whole name or
        of one of its words (``"Lefevr"`` → « Noémie Lefèvre »), by :func:`difflib.get_close_matches`."""
        want = fold(name)
        if not want:
            return []
        names: dict[str, str] = {}  # folded name → label
        for _, label, aliases in self._entries:
            for raw in (label, *aliases):
                names.setdefault(fold(raw), label)
        words: dict[str, str] = {}  # folded word → label
        for folded, label in names.items():
            for w in name_words(folded):
                if len(w) > 2:
                    words.setdefault(w, label)
        typed = set(name_words(want))
        close = [names[k] for k in sorted(names) if want in k]
        close += [names[k] for k in sorted(names) if typed <= set(name_words(k))]  # the words in another order
        close += [names[k] for k in get_close_matches(want, list(names), n=n, cutoff=0.6)]
        close += [words[k] for k in get_close_matches(want, list(words), n=n, cutoff=0.75)]
        return list(dict.fromkeys(close))[:n]
